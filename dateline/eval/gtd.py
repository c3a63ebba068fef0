"""``dateline eval gtd``: events against Global Terrorism Database incidents.

Each incident's ``summary`` (``MM/DD/YYYY: ...``) is treated as an article published seven days
after ``date_from_summary``; the principal event of the full pipeline is compared with the coded
columns. Rows without a summary are skipped (they cannot be scored from text); every other row
counts, and a row with no event is wrong on every metric.

Metrics (fractions): ``attack_type`` (``attacktype1_txt`` via ``data/events/gtd_map.tsv``),
``weapon_type`` (``weaptype1_txt`` from the instrument), ``nkill_exact``, ``nkill_exact_pos``
(rows with nkill > 0), ``nwound_exact``, ``province`` (admin1 vs ``provstate``), ``city``
(resolved place name vs ``city``), ``date_exact``.
"""

from __future__ import annotations

import csv
import functools
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import click

from dateline.errors import EvalDataError
from dateline.eval import gate
from dateline.eval.acled import (
    published_after,
    report,
    run_pipeline,
    same_admin1,
    same_place_name,
    shared_root,
)
from dateline.model import Article, Event

NAME = "gtd"


def default_path() -> Path:
    """The GTD 2016-2018 (countries A-C) dev sample under the shared folder."""
    return (shared_root() / "datasets" / "gtd_2016_2018_countries_A-C"
            / "gtd_2016_2018_A-C_dev.csv")


def load_gold(path: Path, limit: int | None = None) -> list[dict[str, str]]:
    """GTD rows that have a summary and a date."""
    if not path.exists():
        raise EvalDataError(
            f"GTD gold file not found: {path}",
            fix="pass the CSV path, or set DATELINE_SHARED to the folder holding datasets/",
        )
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        need = {"summary", "attacktype1_txt", "weaptype1_txt", "nkill", "nwound",
                "date_from_summary"}
        if not need <= set(reader.fieldnames or []):
            raise EvalDataError(
                f"{path} lacks GTD columns: {', '.join(sorted(need))}",
                fix="give the gtd_2016_2018_A-C CSV (or one with the same columns)",
            )
        rows = [r for r in reader if r["summary"].strip() and r["date_from_summary"].strip()]
    return rows[:limit] if limit is not None else rows


@functools.cache
def _attack_map() -> list[tuple[str, str, str]]:
    text = resources.files("dateline").joinpath("data/events/gtd_map.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [(r["field"], r["value"], r["attacktype"])
            for r in csv.DictReader(lines, delimiter="\t")]


def attack_type(event: Event, article: Article | None = None) -> str:
    """The GTD attack type of an event (``article`` tells which of its victims are people the
    report names)."""
    killed = any(c.kind == "killed" and (c.number or 0) > 0 for c in event.counts)
    people = {e.id for e in article.entities if e.type == "PERSON"} if article else set()
    named = any(a.role == "actor2" and a.entity_id in people for a in event.arguments)
    victims = {w.strip(".,'’").lower() for a in event.arguments if a.role == "actor2"
               for w in a.text.split()}
    for fld, value, attack in _attack_map():
        if fld == "count":
            hit = any(c.kind == value for c in event.counts)
        elif fld == "named":
            hit = named and event.acled_event_type != "Explosions/Remote violence"
        elif fld == "means":
            hit = value == "none" and not event.plover_mode and not any(
                a.role == "instrument" for a in event.arguments)
        elif fld == "victim":
            hit = killed and value in victims and (
                event.acled_event_type != "Explosions/Remote violence"
            )
        else:
            hit = fld == "*" or getattr(event, fld, None) == value
        if hit:
            return attack
    return "Unknown"


def weapon_type(article: Article, event: Event) -> str:
    """The GTD weapon type of an event's instrument (``Unknown`` without one)."""
    from dateline.events.lexicon import load

    lex = load()
    words: list[str] = []
    for a in event.arguments:
        if a.role == "instrument":
            words = a.text.lower().split()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            key = tuple(w.rstrip("s") if n == 1 else w for w in words[i: i + n])
            inst = lex.instruments.get(key) or lex.instruments.get(tuple(words[i: i + n]))
            if inst is not None and inst.gtd_weapon:
                return inst.gtd_weapon
    if event.plover_mode == "firearms":
        return "Firearms"
    return "Unknown"


def _count(event: Event, kind: str) -> int:
    from dateline.events import fatalities, sum_counts

    if kind == "killed":
        return fatalities(event)
    return sum_counts(event, kind)


def _int(value: str) -> int | None:
    try:
        return int(float(value))
    except ValueError:
        return None


def evaluate(rows: list[dict[str, str]], progress: bool = True
             ) -> tuple[dict[str, float], dict[str, Any]]:
    """Score the pipeline on GTD ``rows``: (metrics, details with a confusion of attack types)."""
    from dateline.events import principal_event

    texts = [(r["summary"], published_after(r["date_from_summary"])) for r in rows]
    hits: Counter[str] = Counter()
    n_kill = n_kill_pos = n_wound = 0
    confusion: dict[str, dict[str, int]] = {}
    for row, art in zip(rows, run_pipeline(texts, progress), strict=True):
        ev = principal_event(art)
        gold_attack = row["attacktype1_txt"]
        pred_attack = attack_type(ev, art) if ev else "NONE"
        confusion.setdefault(gold_attack, {}).setdefault(pred_attack, 0)
        confusion[gold_attack][pred_attack] += 1
        nkill, nwound = _int(row["nkill"]), _int(row["nwound"])
        n_kill += nkill is not None
        n_kill_pos += bool(nkill)
        n_wound += nwound is not None
        if ev is None:
            continue
        hits["attack_type"] += pred_attack == gold_attack
        hits["weapon_type"] += weapon_type(art, ev) == row["weaptype1_txt"]
        if nkill is not None:
            same = _count(ev, "killed") == nkill
            hits["nkill_exact"] += same
            hits["nkill_exact_pos"] += same and nkill > 0
        if nwound is not None:
            hits["nwound_exact"] += _count(ev, "wounded") == nwound
        place = art.place(ev.place_id)
        if place is not None:
            hits["province"] += same_admin1(place, row.get("provstate"))
            hits["city"] += same_place_name(place, row.get("city"))
        hits["date_exact"] += ev.date == row["date_from_summary"]
    n = len(rows) or 1
    metrics = {k: hits[k] / n for k in ("attack_type", "weapon_type", "province", "city",
                                        "date_exact")}
    metrics["nkill_exact"] = hits["nkill_exact"] / (n_kill or 1)
    metrics["nkill_exact_pos"] = hits["nkill_exact_pos"] / (n_kill_pos or 1)
    metrics["nwound_exact"] = hits["nwound_exact"] / (n_wound or 1)
    return {k: round(v, 4) for k, v in metrics.items()}, {"rows": len(rows),
                                                          "attack_confusion": confusion}


@click.command(name=NAME)
@gate.eval_options("incidents")
def command(
    path: Path | None, limit: int | None, as_json: bool, check_baseline: bool, update_baseline: bool
) -> None:
    """Score events (attack/weapon type, killed, wounded, province, city, date) against GTD."""
    rows = load_gold(path or default_path(), limit)
    metrics, details = evaluate(rows, progress=not as_json)
    if not as_json:
        for gold, preds in sorted(details["attack_confusion"].items()):
            top = ", ".join(f"{p}: {c}" for p, c in sorted(preds.items(), key=lambda x: -x[1]))
            click.echo(f"{gold:36s} -> {top}")
    report(NAME, metrics, {"rows": details["rows"]}, as_json, check_baseline, update_baseline)
