"""Remembering what pure functions of tables computed, keyed on the tables' content.

The report runs each notebook several times in one kernel (one run per language and the
researchers' run): the findings and the counting sensitivity, the costly parts, are then computed
once. The key is the content of every argument, so a changed table is computed afresh; a caller
gets a copy of a remembered table, never the one kept.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

import pandas as pd

T = TypeVar("T")
KEPT = 16  # results per function


def content_key(value: object) -> object:
    """A hashable stand-in for `value` that changes when its content does."""
    if isinstance(value, pd.DataFrame | pd.Series):
        digest = hashlib.sha256(pd.util.hash_pandas_object(value, index=True).to_numpy())
        shape = (tuple(map(str, value.columns)) if isinstance(value, pd.DataFrame) else value.name,)
        return ("table", str(value.dtypes), shape, digest.hexdigest())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            *(content_key(getattr(value, f.name)) for f in dataclasses.fields(value)),
        )
    if isinstance(value, tuple | list):
        return tuple(content_key(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((key, content_key(item)) for key, item in value.items()))
    return value


def on_content(function: Callable[..., T]) -> Callable[..., T]:
    """`function`, computed once for arguments of the same content (see `content_key`)."""
    kept: OrderedDict[object, T] = OrderedDict()

    @functools.wraps(function)
    def remembered(*args, **kwargs) -> T:
        key = (content_key(args), content_key(kwargs))
        if key not in kept:
            kept[key] = function(*args, **kwargs)
            if len(kept) > KEPT:
                kept.popitem(last=False)
        result = kept[key]
        return result.copy() if isinstance(result, pd.DataFrame | pd.Series) else result

    remembered.forget = kept.clear
    return remembered
