"""Loaders for the quotes stage's data files (``dateline/data/quotes/``)."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import ModelError

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "quotes"

STANCES = frozenset({"asserts", "confirms", "denies", "accuses", "blames", "claims"})
FRAMES = frozenset(
    {"clause", "addressee", "object", "as", "topic", "quote", "to", "reply", "impression", "with"}
)


@dataclass(frozen=True)
class Cue:
    """One cue word: the stance it gives a statement and where its content sits."""

    lemma: str
    stance: str
    frame: str  # one of FRAMES (see cues.tsv)
    kind: str  # speech | writing | belief | evidence


def _rows(name: str) -> list[dict[str, str]]:
    path = DATA_DIR / name
    if not path.exists():
        raise ModelError(
            f"the quotes data file '{name}' is missing",
            path=str(path),
            fix="reinstall dateline (`pip install -e .`) so package data is present",
        )
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _words(name: str, column: str = "lemma") -> frozenset[str]:
    """One column of a word-list file, lower-cased."""
    return frozenset(r[column].strip().lower() for r in _rows(name))


def _table(name: str, value: str) -> dict[str, str]:
    """A word-list file as lemma -> the ``value`` column."""
    return {r["lemma"].strip().lower(): r[value].strip() for r in _rows(name)}


def _cue(row: dict[str, str], name: str) -> Cue:
    cue = Cue(row["lemma"].strip().lower(), row["stance"], row["frame"], row["class"])
    if cue.stance not in STANCES or cue.frame not in FRAMES:
        raise ModelError(
            f"cue '{cue.lemma}' has stance '{cue.stance}' / frame '{cue.frame}'",
            path=str(DATA_DIR / name),
            fix=f"use a stance in {sorted(STANCES)} and a frame in {sorted(FRAMES)}",
        )
    return cue


@functools.cache
def cue_verbs() -> dict[str, Cue]:
    """Cue lemma -> :class:`Cue`, from ``cues.tsv`` (the first row of a lemma wins)."""
    out: dict[str, Cue] = {}
    for row in _rows("cues.tsv"):
        cue = _cue(row, "cues.tsv")
        out.setdefault(cue.lemma, cue)
    return out


@functools.cache
def phrasal_cues() -> dict[tuple[str, str], Cue]:
    """(verb lemma, particle or object-noun lemma) -> :class:`Cue` for verbs that report words
    only together with that word (``lay out``, ``take aim``, ``release a statement``), from
    ``phrasal.tsv``."""
    return {
        (cue.lemma, row["word"].strip().lower()): cue
        for row in _rows("phrasal.tsv")
        for cue in [_cue(row, "phrasal.tsv")]
    }


@functools.cache
def cue_phrases() -> dict[tuple[str, ...], str]:
    """Fixed-phrase cues (``according to``) as word tuples -> stance, from ``phrases.tsv``."""
    return {tuple(r["cue"].lower().split()): r["stance"] for r in _rows("phrases.tsv")}


@functools.cache
def recipient_verbs() -> frozenset[str]:
    """Verbs whose subject receives the words their object names (``faced criticism``)."""
    return _words("recipients.tsv")


@functools.cache
def subject_control() -> frozenset[str]:
    """Verbs whose object does not act in their to-clause (``used the speech to call for``)."""
    return _words("subject_control.tsv")


@functools.cache
def refusals() -> frozenset[str]:
    """Verbs whose to-clause cue was not spoken (``declined to comment``, ``refused to confirm``)."""
    return _words("refusals.tsv")


@functools.cache
def headline_kickers() -> frozenset[str]:
    """Labels before a headline's colon that name no speaker (``Breaking:``), lower case."""
    return _words("kickers.tsv", "words")


@functools.cache
def backing_words(role: str) -> frozenset[str]:
    """Backing nouns (``role="noun"``: support, endorsement) or the verbs by which someone has
    that backing (``role="verb"``: have, win), from ``backing.tsv``."""
    return frozenset(r["lemma"].strip().lower() for r in _rows("backing.tsv") if r["role"].strip() == role)


@functools.cache
def report_adverbs() -> frozenset[str]:
    """Adverbs that mark their clause as reported by someone unnamed (``reportedly``)."""
    return _words("adverbs.tsv", "words")


@functools.cache
def non_cues() -> frozenset[str]:
    """Verbs that take a that-clause without reporting anyone's claim (``ensure that``)."""
    return _words("non_cues.tsv")


@functools.cache
def media_nouns() -> frozenset[str]:
    """Nouns naming a statement's channel (``in a tweet``), cut off the speaker's phrase."""
    return _words("media.tsv")


@functools.cache
def quantity_words() -> frozenset[str]:
    """Words for a share of people that can speak as a group (``half``, ``a third``, ``most``)."""
    return _words("quantities.tsv", "word")


@functools.cache
def cue_nouns() -> dict[str, str]:
    """Nouns that name a statement or stance (``criticism``, ``warning``) -> stance."""
    return _table("nouns.tsv", "stance")


@functools.cache
def violence_nouns() -> frozenset[str]:
    """Cue nouns that also name violence (``attack``): a cue only with a person as holder."""
    return _words("violence_nouns.tsv")


@functools.cache
def agent_nouns() -> dict[str, str]:
    """Nouns for a person by their stance (``supporter``, ``critic``) -> stance."""
    return _table("agents.tsv", "stance")


@functools.cache
def text_objects() -> dict[str, frozenset[str]]:
    """Verb -> the object nouns with which it reports words (``release`` a statement, not a
    hostage), from ``text_objects.tsv``."""
    out: dict[str, set[str]] = {}
    for r in _rows("text_objects.tsv"):
        out.setdefault(r["lemma"].strip().lower(), set()).add(r["object"].strip().lower())
    return {verb: frozenset(nouns) for verb, nouns in out.items()}


@functools.cache
def cue_adjectives() -> dict[str, str]:
    """Attitude adjectives after a copula (``confident that``, ``concerned about``) -> stance."""
    return _table("adjectives.tsv", "stance")


@functools.cache
def no_passive() -> frozenset[str]:
    """Cue verbs whose passive is no report (``wanted for attacks``), from ``no_passive.tsv``."""
    return _words("no_passive.tsv")


@functools.cache
def no_object() -> frozenset[str]:
    """Clause cue verbs whose object is never the content (``added jobs``), from
    ``no_object.tsv``."""
    return _words("no_object.tsv")


@functools.cache
def likelihood_verbs() -> frozenset[str]:
    """Cue verbs whose to-infinitive says what is likely (``figures to win``), from
    ``likelihood.tsv``."""
    return _words("likelihood.tsv")


@functools.cache
def non_topics() -> frozenset[str]:
    """Nouns giving the terms of speaking (``on condition of anonymity``), not its topic."""
    return _words("non_topics.tsv")


@functools.cache
def material_objects() -> dict[str, frozenset[str]]:
    """Verb -> the object nouns with which it tells what changed hands (``accepted donations``),
    not a report, from ``material_objects.tsv``."""
    out: dict[str, set[str]] = {}
    for r in _rows("material_objects.tsv"):
        out.setdefault(r["lemma"].strip().lower(), set()).add(r["object"].strip().lower())
    return {verb: frozenset(nouns) for verb, nouns in out.items()}


@functools.cache
def document_nouns() -> dict[str, str]:
    """Polls, studies and points of view that can front a claim (``In a poll, ...``) -> kind
    (``finding`` or ``view``; a view needs a possessor)."""
    return _table("documents.tsv", "kind")


@functools.cache
def setting_nouns() -> frozenset[str]:
    """Nouns for the occasion of speaking (``at a rally``), never part of what was said."""
    return _words("settings.tsv")
