"""Loader of the events stage's data files (``dateline/data/events/``).

Every mapping the stage uses (trigger lemma -> PLOVER/CAMEO class, ACLED coding rules, actor
nouns -> actor types, instruments, casualty words, number words, status cues, demonyms) is a
data file; this module parses them once per process into a :class:`Lexicon`.
"""

from __future__ import annotations

import csv
import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from dateline.errors import ModelError

DATA_DIR = "data/events"
#: The trigger class of an event known only from its report's category kicker.
KICKER_CLASS = "kicker"


@dataclass(frozen=True)
class Trigger:
    """One trigger entry: what a lemma (sequence) means as an event."""

    lemmas: tuple[str, ...]
    pos: str
    cls: str
    plover_type: str
    plover_mode: str
    cameo: str


@dataclass(frozen=True)
class AcledRule:
    """One row of ``acled_rules.tsv``; ``None`` in a condition means any value."""

    classes: frozenset[str]
    instruments: frozenset[str] | None
    targets: frozenset[str] | None
    actor1: frozenset[str] | None
    context: frozenset[str] | None
    event_type: str
    sub_event_type: str
    rank: int


@dataclass(frozen=True)
class Kicker:
    """A category label opening a report (`Displacement: ...`) and the coding it implies."""

    label: str
    event_type: str
    sub_event_type: str
    trigger: Trigger  # PLOVER/CAMEO coding, used when no trigger of the sentence gives one


@dataclass(frozen=True)
class ActorType:
    """What a common-noun actor is in ACLED's terms."""

    actor_type: str
    inter: int
    armed: bool


@dataclass(frozen=True)
class Instrument:
    """A weapon or means of violence."""

    cls: str
    plover_mode: str
    gtd_weapon: str


@dataclass(frozen=True)
class Casualty:
    """A casualty word: the count kind it reports and whether it names a total."""

    kind: str
    pos: str
    total: bool


@dataclass
class Lexicon:
    """All of the events stage's data, indexed for lookup."""

    triggers: dict[str, list[Trigger]] = field(default_factory=dict)  # first lemma -> entries
    rules: list[AcledRule] = field(default_factory=list)
    actors: dict[tuple[str, ...], ActorType] = field(default_factory=dict)
    groups: dict[str, ActorType] = field(default_factory=dict)
    instruments: dict[tuple[str, ...], Instrument] = field(default_factory=dict)
    casualties: dict[tuple[str, ...], Casualty] = field(default_factory=dict)
    cues: dict[tuple[str, ...], str] = field(default_factory=dict)
    status: dict[tuple[str, ...], str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    kickers: dict[str, Kicker] = field(default_factory=dict)
    posts: frozenset[tuple[str, ...]] = frozenset()  # military positions (`checkpoint`, `base`)
    place_nouns: frozenset[tuple[str, ...]] = frozenset()  # `district`, `area`: X district is X
    crowd_tags: list[re.Pattern[str]] = field(default_factory=list)  # `[size=about 200]`
    numbers: dict[str, Any] = field(default_factory=dict)
    max_phrase: int = 1
    instrument_first: frozenset[str] = frozenset()  # first words of instrument phrases
    cue_first: frozenset[str] = frozenset()  # first words of context cues


def _rows(name: str) -> list[dict[str, str]]:
    try:
        path = resources.files("dateline").joinpath(f"{DATA_DIR}/{name}")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ModelError(
            f"the events data file '{name}' is missing",
            fix="reinstall dateline (`pip install -e .`) so dateline/data/events/ is present",
        ) from exc
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    for i, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ModelError(
                f"row {i} of '{name}' has the wrong number of columns",
                path=f"dateline/data/events/{name}",
                fix="separate the columns with single tabs as in the header line",
            )
    return rows


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split())


def _cond(value: str) -> frozenset[str] | None:
    return None if value == "*" else frozenset(value.split("|"))


@functools.cache
def load() -> Lexicon:
    """The process-wide lexicon (parsed from the data files on first use)."""
    lex = Lexicon()
    for row in _rows("triggers.tsv"):
        trig = Trigger(
            _key(row["lemma"]), row["pos"], row["class"], row["plover_type"],
            row["plover_mode"], row["cameo"],
        )
        lex.triggers.setdefault(trig.lemmas[0], []).append(trig)
        lex.max_phrase = max(lex.max_phrase, len(trig.lemmas))
    for row in _rows("acled_rules.tsv"):
        lex.rules.append(
            AcledRule(
                frozenset(row["class"].split("|")), _cond(row["instrument"]),
                _cond(row["target"]), _cond(row["actor1"]), _cond(row["context"]),
                row["event_type"], row["sub_event_type"], int(row["rank"]),
            )
        )
    for row in _rows("actors.tsv"):
        lex.actors[_key(row["phrase"])] = ActorType(
            row["actor_type"], int(row["inter"]), row["armed"] == "yes"
        )
    for row in _rows("groups.tsv"):
        lex.groups[row["name"].lower()] = ActorType(row["actor_type"], int(row["inter"]), True)
    for row in _rows("instruments.tsv"):
        lex.instruments[_key(row["phrase"])] = Instrument(
            row["class"], row["plover_mode"], row["gtd_weapon"]
        )
    lex.instrument_first = frozenset(k[0] for k in lex.instruments)
    for row in _rows("casualties.tsv"):
        lex.casualties[_key(row["lemma"])] = Casualty(
            row["kind"], row["pos"], row["total"] == "yes"
        )
    for row in _rows("cues.tsv"):
        lex.cues[_key(row["lemma"])] = row["flag"]
    lex.cue_first = frozenset(k[0] for k in lex.cues)
    for row in _rows("status.tsv"):
        lex.status[_key(row["lemma"])] = row["status"]
    lex.posts = frozenset(_key(row["lemma"]) for row in _rows("posts.tsv"))
    lex.place_nouns = frozenset(_key(row["lemma"]) for row in _rows("place_nouns.tsv"))
    lex.crowd_tags = [re.compile(row["pattern"]) for row in _rows("crowd_tags.tsv")]
    for row in _rows("kickers.tsv"):
        label = " ".join(row["label"].lower().split())
        lex.kickers[label] = Kicker(
            label, row["event_type"], row["sub_event_type"],
            Trigger(_key(label), "ANY", KICKER_CLASS, row["plover_type"], row["plover_mode"],
                    row["cameo"]),
        )
    for row in _rows("demonyms.tsv"):
        lex.demonyms[row["demonym"].lower()] = row["country"]
    try:
        path = resources.files("dateline").joinpath(f"{DATA_DIR}/numbers.json")
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ModelError(
            "the events data file 'numbers.json' is missing",
            fix="reinstall dateline so dateline/data/events/numbers.json is present",
        ) from exc
    lex.numbers = json.loads(raw)
    return lex
