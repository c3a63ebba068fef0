"""The count/number parser: ``at least 20``, ``nine``, ``two dozen``, ``scores of``, ``3,000``.

Vague quantities get the values ACLED's conventions give them (the values and their sources
are in ``dateline/data/events/numbers.json``); ranges keep the most conservative (lower) bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.events.lexicon import load

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:'[a-z]+)?|-")
_RANGE_SEP = {"to", "and", "-", "or"}


@dataclass(frozen=True)
class Number:
    """A parsed quantity: its value, the qualifier before it and whether it was vague."""

    value: int
    qualifier: str | None = None
    vague: bool = False


def _digits(tok: str) -> float | None:
    clean = tok.replace(",", "")
    try:
        return float(clean)
    except ValueError:
        return None


def _words_value(words: list[str]) -> tuple[int, int] | None:
    """Parse a run of number words from the start of ``words``: (value, words used)."""
    nums = load().numbers
    units: dict[str, int] = nums["units"]
    tens: dict[str, int] = nums["tens"]
    scales: dict[str, int] = nums["scales"]
    multiples: dict[str, int] = nums["multiples"]
    total, current, used, seen = 0.0, 0.0, 0, False
    i = 0
    while i < len(words):
        w = words[i]
        if w == "-" and seen and i + 1 < len(words) and words[i + 1] in units:
            i += 1
            continue
        d = _digits(w)
        if d is not None and not seen:
            current, seen = d, True
        elif w in ("a", "an") and not seen and i + 1 < len(words) and (
            words[i + 1] in scales or words[i + 1] in multiples
        ):
            current, seen = 1, True
        elif w in units and w not in ("a", "an", "no", "both", "single", "lone"):
            if seen and current == 0 and total > 0:
                current = units[w]
            elif seen and (
                (current % 10 == 0 and current % 100 != 0 and units[w] < 10)
                or (current % 100 == 0 and current > 0)
            ):
                current += units[w]
            elif seen:
                break
            else:
                current, seen = units[w], True
        elif w in ("no", "both", "single", "lone") and not seen:
            return units[w], i + 1
        elif w in tens:
            if seen and current == 0 and total > 0:
                current = tens[w]
            elif seen and current % 100 == 0 and current > 0:
                current += tens[w]
            elif seen:
                break
            else:
                current, seen = tens[w], True
        elif w in scales and seen:
            if scales[w] == 100:
                current *= 100
            else:
                total += current * scales[w]
                current = 0
        elif w in multiples and seen and current < 10:
            current *= multiples[w]
        elif w == "and" and seen and i + 1 < len(words) and (
            words[i + 1] in units or words[i + 1] in tens
        ):
            pass
        else:
            break
        i += 1
        used = i
    if not seen:
        return None
    return int(total + current), used


def parse_number(text: str) -> Number | None:
    """Parse a quantity phrase; ``None`` when ``text`` holds no number.

    >>> parse_number("at least 20")
    Number(value=20, qualifier='at least', vague=False)
    """
    nums = load().numbers
    words = [t.lower() for t in _TOKEN.findall(text)]
    if not words:
        return None
    qualifier = None
    quals: dict[str, str] = nums["qualifiers"]
    for q in sorted(quals, key=lambda k: -len(k.split())):
        qw = q.split()
        if words[: len(qw)] == qw and len(words) > len(qw):
            rest = words[len(qw):]
            if _words_value(rest) is not None or _vague(rest) is not None:
                qualifier = quals[q]
                words = rest
                break
    if words and words[0] == "between":
        words = words[1:]
    vague = _vague(words)
    if vague is not None:
        return Number(vague, qualifier, True)
    parsed = _words_value(words)
    if parsed is None:
        return None
    value, used = parsed
    rest = words[used:]
    # A range keeps its lower bound (ACLED's most conservative estimate).
    if rest and rest[0] in _RANGE_SEP and _words_value(rest[1:]) is not None:
        return Number(value, qualifier or "range", False)
    return Number(value, qualifier, False)


def _vague(words: list[str]) -> int | None:
    vague: dict[str, int] = load().numbers["vague"]
    for phrase in sorted(vague, key=lambda k: -len(k.split())):
        pw = phrase.split()
        if words[: len(pw)] == pw and (len(pw) > 1 or len(words) == 1 or words[1] in ("of",)
                                       or _is_noun_like(words[1:])):
            return vague[phrase]
    return None


def _is_noun_like(rest: list[str]) -> bool:
    """After a vague word, anything but another number word keeps it vague (`several people`)."""
    return _words_value(rest) is None


def to_words(n: int) -> str:
    """Spell out ``0 <= n < 1_000_000`` in English words (used by the tests' round trip)."""
    nums = load().numbers
    units: dict[int, str] = {v: k for k, v in nums["units"].items() if k not in
                             ("a", "an", "no", "none", "single", "lone", "both")}
    tens: dict[int, str] = {v: k for k, v in nums["tens"].items()}
    if n < 20:
        return units[n]
    if n < 100:
        t, u = divmod(n, 10)
        return tens[t * 10] + (f"-{units[u]}" if u else "")
    if n < 1000:
        h, r = divmod(n, 100)
        return f"{units[h]} hundred" + (f" and {to_words(r)}" if r else "")
    th, r = divmod(n, 1000)
    return f"{to_words(th)} thousand" + (f" {to_words(r)}" if r else "")
