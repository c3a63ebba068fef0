"""Numbers in words and digits as temporal expressions write them (``two``, ``5 1/2``, ``24``)."""

from __future__ import annotations

import functools
import re

from dateline.dates.lexicon import alternation, load

_FRACTION = re.compile(r"(?:\s+and\s+a\s+half|\s+1/2|½)$", re.IGNORECASE)


@functools.cache
def number_pattern() -> str:
    """A regex (no groups) for a cardinal number in digits or English words."""
    lex = load()
    ones = [w for w, v in lex.numbers.items() if 1 <= v <= 9 and w not in ("a", "an")]
    tens = [w for w, v in lex.numbers.items() if 20 <= v <= 90 and v % 10 == 0 and " " not in w]
    compound = rf"{alternation(tens)}(?:[\s-]+{alternation(ones)})?"
    words = alternation(w for w in lex.numbers if w not in ("a", "an"))
    digits = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
    half = r"(?:\s+and\s+a\s+half|\s+1/2|½)?"
    return rf"(?:(?:{digits}|{compound}|{words})(?:\s+(?:hundred|thousand))?{half})"


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words (None when it is not one)."""
    lex = load()
    s = " ".join(text.lower().replace("-", " ").split())
    extra = 0.0
    m = _FRACTION.search(s)
    if m:
        extra = 0.5
        s = s[: m.start()].strip()
    if not s:
        return None
    s_digits = s.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", s_digits):
        return float(s_digits) + extra
    if s in lex.numbers:
        return float(lex.numbers[s]) + extra
    total = 0.0
    for word in s.split():
        if word in ("hundred", "thousand"):
            total = (total or 1.0) * (100 if word == "hundred" else 1000)
        elif word in lex.numbers:
            total += lex.numbers[word]
        elif re.fullmatch(r"\d+", word):
            total += int(word)
        else:
            return None
    return total + extra
