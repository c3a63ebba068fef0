"""Loader of the dates stage's word lists (``dateline/data/dates/lexicon.json``)."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from dateline.errors import ModelError


@dataclass(frozen=True)
class Lexicon:
    """The word lists the temporal tagger is built from (all keys lower-case)."""

    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    ambiguous_weekdays: frozenset[str]
    numbers: dict[str, int]
    vague_numbers: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, str]
    parts_of_day: dict[str, str]
    seasons: dict[str, str]
    half_years: dict[str, str]
    period_modifiers: dict[str, str]
    quantity_modifiers: dict[str, str]
    present_ref: tuple[str, ...]
    past_ref: tuple[str, ...]
    future_ref: tuple[str, ...]
    past_verbs: tuple[str, ...]  # irregular simple-past forms, cues of past tense
    decade_words: dict[str, int]  # "nineties" -> 9
    sets: dict[str, str]
    holidays_fixed: dict[str, str]
    holidays_rule: dict[str, tuple[int, int, int, int]]  # month, weekday, n, offset days
    time_zones: tuple[str, ...]


def alternation(words: object, *, dot: bool = False) -> str:
    """A regex alternation of ``words`` (longest first); spaces match any whitespace.

    With ``dot``, short abbreviations (up to four letters) may carry a trailing full stop.
    """
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))  # type: ignore[attr-defined]
    parts = []
    for w in items:
        p = re.escape(w).replace(r"\ ", r"\s+").replace(" ", r"\s+")
        if dot and len(w) <= 4:
            p += r"\.?"
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"


def _words(data: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(w).lower() for w in data[key])


@functools.cache
def load() -> Lexicon:
    """The packaged lexicon (read once per process)."""
    try:
        raw = resources.files("dateline").joinpath("data/dates/lexicon.json").read_text("utf-8")
        data: dict[str, Any] = json.loads(raw)
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"the dates lexicon cannot be read ({exc})",
            path="dateline/data/dates/lexicon.json",
            fix="reinstall dateline or restore the file from the repository",
        ) from exc
    tagged = data["ref_words_tagged"]
    return Lexicon(
        months={k: int(v) for k, v in data["months"].items()},
        ambiguous_months=frozenset(_words(data, "ambiguous_months")),
        weekdays={k: int(v) for k, v in data["weekdays"].items()},
        ambiguous_weekdays=frozenset(_words(data, "ambiguous_weekdays")),
        numbers={k: int(v) for k, v in data["numbers"].items()},
        vague_numbers=_words(data, "vague_numbers"),
        ordinals={k: int(v) for k, v in data["ordinals"].items()},
        units=dict(data["units"]),
        parts_of_day=dict(data["parts_of_day"]),
        seasons=dict(data["seasons"]),
        half_years=dict(data["half_years"]),
        period_modifiers=dict(data["period_modifiers"]),
        quantity_modifiers=dict(data["quantity_modifiers"]),
        present_ref=tuple(tagged["present"]),
        past_ref=tuple(tagged["past"]),
        future_ref=tuple(tagged["future"]),
        past_verbs=_words(data, "past_verbs"),
        decade_words={k: int(v) for k, v in data["decade_words"].items() if k != "_about"},
        sets=dict(data["sets"]),
        holidays_fixed={k: v for k, v in data["holidays"]["fixed"].items() if k != "_about"},
        holidays_rule={
            k: (int(v[0]), int(v[1]), int(v[2]), int(v[3]) if len(v) > 3 else 0)
            for k, v in data["holidays"]["rule"].items()
            if k != "_about"
        },
        time_zones=_words(data, "time_zones"),
    )
