"""Results of pure functions of tables remembered by content: the same content computes once,
changed content afresh, and a caller never holds the table kept."""

import dataclasses

import pandas as pd

from pgi_analysis.memo import content_key, on_content


def test_the_same_content_is_computed_once_and_a_change_computes_again():
    calls = []

    @on_content
    def total(table: pd.DataFrame, column: str) -> pd.Series:
        calls.append(column)
        return table.groupby("key")[column].sum()

    table = pd.DataFrame({"key": ["a", "b", "a"], "value": [1, 2, 3]})
    first = total(table, "value")
    again = total(table.copy(), "value")  # another object, the same content
    assert calls == ["value"] and first.equals(again)
    first.iloc[0] = 99  # a caller's copy: what is kept stays as computed
    assert total(table, "value").tolist() == [4, 2]
    changed = table.assign(value=[1, 2, 4])
    assert total(changed, "value").tolist() == [5, 2] and calls == ["value", "value"]


def test_content_keys_see_values_types_columns_and_the_fields_of_dataclasses():
    table = pd.DataFrame({"a": [1, 2]})
    assert content_key(table) == content_key(table.copy())
    assert content_key(table) != content_key(table.astype("float64"))
    assert content_key(table) != content_key(table.rename(columns={"a": "b"}))
    assert content_key(table) != content_key(table.iloc[::-1])

    @dataclasses.dataclass(frozen=True)
    class Pair:
        left: pd.DataFrame
        name: str

    assert content_key(Pair(table, "x")) == content_key(Pair(table.copy(), "x"))
    assert content_key(Pair(table, "x")) != content_key(Pair(table, "y"))
