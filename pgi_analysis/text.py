"""Vietnamese text normalisation: one spelling for comparison, whatever the source's habits."""

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_WORD = re.compile(r"[^\W\d_]+")
# Old-style placement ("hoá", "thuỷ", "khoẻ") puts the tone on the second vowel of a syllable that
# ends in oa, oe or uy; the new style ("hóa", "thủy", "khỏe") on the first. Syllables with a final
# consonant ("thoát", "hoàn") and "qu" + y ("quý") are spelled alike in both styles.
_GLIDE_ENDINGS = frozenset({"oa", "oe", "uy"})


def normalize_text(text: str) -> str:
    """NFC, no byte-order mark, runs of white space (line breaks included) folded to one space."""
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "")
    return re.sub(r"\s+", " ", text).strip()


def _letters(word: str) -> list[str]:
    """Split a word into letters, each a base character followed by its combining marks."""
    letters: list[str] = []
    for char in unicodedata.normalize("NFD", word):
        if unicodedata.combining(char) and letters:
            letters[-1] += char
        else:
            letters.append(char)
    return letters


def _new_style_word(match: re.Match) -> str:
    word = match.group(0)
    letters = _letters(word)
    if len(letters) < 2:
        return word
    first, second = letters[-2], letters[-1]
    ending = (first[0] + second[0]).lower()
    after_q = len(letters) > 2 and letters[-3][0].lower() == "q"
    tones = [mark for mark in second[1:] if mark in _TONE_MARKS]
    if ending not in _GLIDE_ENDINGS or after_q or len(first) > 1 or len(second) != 2 or not tones:
        return word
    moved = letters[:-2] + [first + tones[0], second[0]]
    return unicodedata.normalize("NFC", "".join(moved))


def new_style_tones(text: str) -> str:
    """Rewrite old-style tone placement ("hoá", "Thuỷ") in the new style ("hóa", "Thủy")."""
    return _WORD.sub(_new_style_word, unicodedata.normalize("NFC", text))


_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")


@functools.lru_cache(maxsize=1024)  # lists of actors repeat from row to row
def tokenize(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[str, ...]]:
    """Words and single punctuation marks of `text` (already NFC): their places and their keys."""
    found = list(_TOKEN.finditer(text))
    return tuple(match.span() for match in found), tuple(token_key(m.group()) for m in found)


# Typography that varies between typists and fonts, not between names.
_FOLDED_PUNCTUATION = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-"}
)


@functools.lru_cache(maxsize=4096)  # a document repeats a few hundred words many times
def token_key(token: str) -> str:
    """How one token compares: new-style tones, folded case, plain quotes and hyphens."""
    return new_style_tones(token).casefold().translate(_FOLDED_PUNCTUATION)


@functools.lru_cache(maxsize=4096)  # actors' names recur on almost every row
def name_key(text: str) -> tuple[str, ...]:
    """A name as the sequence of its token keys: spacing and line breaks no longer matter."""
    return tokenize(normalize_text(text))[1]


def without_diacritics(text: str) -> str:
    """Text as typed on a keyboard without Vietnamese input: no marks, đ as d."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# How alike a misspelt name must be to a known one to be suggested (difflib's ratio).
CLOSEST_CUTOFF = 0.6


def closest_keys(key: str, known: Iterable[str], count: int = 3) -> list[str]:
    """The known keys that look most like `key`, best first: suggestions for error messages."""
    return difflib.get_close_matches(key, list(known), n=count, cutoff=CLOSEST_CUTOFF)


# The Vietnamese alphabet in its order; tones sort after letters: none, huyền, hỏi, ngã, sắc, nặng.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_MARKS = frozenset("\u0306\u0302\u031b")  # breve, circumflex, horn
_TONE_ORDER = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def collation_key(text: str) -> tuple:
    """A key that sorts Vietnamese names as a Vietnamese reader expects: Đ after D, Ă and Â after
    A, tones after letters (Hà Giang, Hà Nam, Hà Nội, Hải Dương, Hải Phòng, Hậu Giang, Hòa Bình)."""
    letters, tones = [], []
    for letter in _letters(normalize_text(text).casefold()):
        base = letter[0]
        marks = letter[1:]
        variant = base + "".join(mark for mark in marks if mark in _LETTER_MARKS)
        variant = unicodedata.normalize("NFC", variant)
        position = _ALPHABET.find(variant)
        if position >= 0:
            letters.append((0, position))
        else:  # spaces and punctuation end a word, so "Hà Nam" comes before "Hải Dương"
            letters.append((-1 if not base.isalnum() else 1, ord(base)))
        tones.append(next((_TONE_ORDER[mark] for mark in marks if mark in _TONE_ORDER), 0))
    return tuple(letters), tuple(tones)
