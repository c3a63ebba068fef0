"""Name folding shared by the index builder and the lookups (both sides must fold alike)."""

from __future__ import annotations

import functools
import re
import unicodedata

# Latin letters that Unicode does not decompose into a base letter plus marks. (Unidecode would
# do this, but it is GPL: not for the default install.)
_LATIN_EXTRA = str.maketrans({
    "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "đ": "d",
    "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
    "ħ": "h", "Ħ": "H", "ŧ": "t", "ə": "a", "Ə": "A", "ŋ": "n",
})
_APOSTROPHES = re.compile(r"['’‘`ʻʼ´]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LEADING_THE = re.compile(r"^the ")


@functools.lru_cache(maxsize=262_144)
def fold(name: str) -> str:
    """The lookup key of a name: lower case, no diacritics, punctuation as spaces.

    ``Ghaznī``, ``GHAZNI`` and ``Ghazni`` share a key; apostrophes vanish (``Sana'a`` ->
    ``sanaa``) so that spellings with and without them meet; a leading "the" is dropped.
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _APOSTROPHES.sub("", s.translate(_LATIN_EXTRA))
    s = s.lower()
    s = _NON_ALNUM.sub(" ", s).strip()
    return _LEADING_THE.sub("", s)


def is_latin(name: str) -> bool:
    """True when every letter of ``name`` is in the Latin script (alternate names worth keeping)."""
    return all(not (ch.isalpha() and ord(ch) > 591 and "LATIN" not in unicodedata.name(ch, "")) for ch in name)


_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("q", "k"))
_VOWELS = re.compile(r"[aeiouyhw]")
_DOUBLES = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65_536)
def skeleton(key: str) -> str:
    """A folded name's consonant skeleton, for transliteration variants.

    ``urozgan`` and ``uruzgan``, ``idleb`` and ``idlib``, ``duhok`` and ``dahuk``, ``qandahar``
    and ``kandahar`` share one: the first letter stays, later vowels and the weak letters h, w, y
    go, digraphs fold to one letter and doubled letters to one. Words stay apart.
    """
    out = []
    for word in key.split():
        for a, b in _DIGRAPHS:
            word = word.replace(a, b)
        word = word[:1] + _VOWELS.sub("", word[1:])
        out.append(_DOUBLES.sub(r"\1", word))
    return " ".join(w for w in out if w)
