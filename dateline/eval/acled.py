"""``dateline eval acled``: events against ACLED's own coding of its ``notes``.

Each row's ``notes`` is treated as a short article published seven days after ``event_date``;
the full pipeline runs on it and its principal event (:func:`dateline.events.principal_event`)
is compared with the coded columns. Every row counts: a row where no event is found is wrong on
every metric (fatalities included).

Two layouts are read: the acledR export (``event_type``, ``sub_event_type``, ``notes``,
``fatalities``, ...) and the Afghanistan 2019 replication file (``Type``, ``Sub_type``, ``Notes``,
...), whose fatality column is unreliable, so fatalities are not scored on it.

Metrics (fractions): ``event_type``, ``sub_event_type``, ``sub_event_macro_f1`` (over the gold
sub-types), ``fatalities_exact`` / ``fatalities_within10`` (±10%), the same on rows with
fatalities > 0 (``_pos``), ``admin1``, ``location_25km`` / ``location_50km``, ``date_exact``,
``actor1`` / ``actor2`` (normalised names; empty gold actor2 needs an empty prediction).

``admin1`` asks whether the event's place lies in the coder's first-level division. ACLED's
division names are its own (``Shan-North``, ``Sofia City``, ``Thi Qar``), so a division matches
by name, by gazetteer identity, or as the GeoNames division of the town at the row's own
coordinates; ``admin1_by_name`` is the stricter figure without that last test.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from dateline.errors import EvalDataError
from dateline.eval import gate

NAME = "acled"
TYPES = [
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
    "Strategic developments",
]


def shared_root() -> Path:
    """``$DATELINE_SHARED`` or ``../shared`` next to the repository."""
    shared = os.environ.get("DATELINE_SHARED")
    return Path(shared) if shared else Path(__file__).resolve().parents[3] / "shared"


def default_path() -> Path:
    """The acledR 2022 dev sample under the shared folder."""
    return shared_root() / "datasets" / "acled_acledR_sample_2022" / "acled_2022_dev.csv"


@dataclass
class GoldRow:
    """One coded ACLED event."""

    id: str
    notes: str
    date: str
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    admin1: str
    location: str
    lat: float | None
    lon: float | None
    fatalities: int | None


def _date(value: str) -> str:
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    raise EvalDataError(f"unreadable event_date '{value}'", fix="use YYYY-MM-DD or '28 May 2019'")


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def load_gold(path: Path, limit: int | None = None) -> list[GoldRow]:
    """Rows of an ACLED CSV in either supported layout."""
    if not path.exists():
        raise EvalDataError(
            f"ACLED gold file not found: {path}",
            fix="pass the CSV path, or set DATELINE_SHARED to the folder holding datasets/",
        )
    rows: list[GoldRow] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        cols = set(reader.fieldnames or [])
        if {"notes", "event_type", "sub_event_type"} <= cols:
            layout = "acled"
        elif {"Notes", "Type", "Sub_type"} <= cols:
            layout = "afghanistan"
        else:
            raise EvalDataError(
                f"{path} has neither the acledR nor the Afghanistan 2019 columns",
                fix="give a CSV with notes/event_type/sub_event_type (or Notes/Type/Sub_type)",
            )
        for i, r in enumerate(reader):
            if limit is not None and len(rows) >= limit:
                break
            if layout == "acled":
                rows.append(GoldRow(
                    r.get("event_id_cnty") or str(i), r["notes"], _date(r["event_date"]),
                    r["event_type"], r["sub_event_type"], r.get("actor1", ""),
                    r.get("actor2", ""), r.get("admin1", ""), r.get("location", ""),
                    _float(r.get("latitude", "")), _float(r.get("longitude", "")),
                    int(float(r["fatalities"])) if r.get("fatalities", "").strip() else 0,
                ))
            else:
                rows.append(GoldRow(
                    str(i), r["Notes"], _date(r["event_date"]), r["Type"], r["Sub_type"],
                    r.get("Actor1", ""), r.get("Actor2", ""), r.get("admin1", ""),
                    r.get("Location", ""), _float(r.get("latitude", "")),
                    _float(r.get("longitude", "")), None,
                ))
    return rows


def norm_name(name: str | None) -> str:
    """Actor/place names compared without case, accents of punctuation, or ACLED year tags."""
    if not name:
        return ""
    name = re.sub(r"\(\d{4}-?\d{0,4}\)", "", name)
    name = re.sub(r"[^\w\s]", " ", name.lower())
    return " ".join(name.split())


#: A city at least this large that lies in a division and shares its name is taken as its seat.
_SEAT_POPULATION = 50_000

#: How far from a row's coordinates the town that stands for its division may lie: ACLED and GTD
#: place an event on a town's own point, so a few kilometres is enough and keeps border towns out.
_GOLD_POINT_KM = 5.0


def same_admin1(
    place: Any, gold: str | None, gold_point: tuple[float | None, float | None] | None = None
) -> bool:
    """Whether ``place`` lies in the first-level division ACLED/GTD call ``gold``.

    Names are compared folded (``Lōgar`` = ``Logar``); failing that, the gold name is looked up in
    the gazetteer and matches when one of its first-level candidates *is* the place's ADM1, so
    that transliteration variants (``Paktia`` / ``Paktiyā``) count as the same division, or when
    it names the seat of that division. Coders' own division names (ACLED's ``Shan-North``,
    ``Sofia City``, ``Federal Capital Territory``) are not GeoNames names at all; for them the
    row's coordinates (``gold_point``) say which GeoNames division is meant: the one holding the
    gazetteer town nearest to that point, within a few kilometres.
    """
    from dateline.places import admin1_id
    from dateline.places.gazetteer import LEVEL_ADM1, load
    from dateline.places.text import fold

    if not gold or not place.admin1:
        return False
    if fold(place.admin1) == fold(gold):
        return True
    a1 = admin1_id(place)
    if a1 is None:
        return False
    gazetteer = load()
    # A division is also known by its seat's name (`Krasnodar` for Krasnodarskiy Kray).
    if any(
        (c.entry.level == LEVEL_ADM1 and c.entry.gid == a1)
        or (c.entry.level > LEVEL_ADM1 and c.entry.population >= _SEAT_POPULATION
            and c.entry.a1gid == a1)
        for c in gazetteer.lookup(fold(gold))
    ):
        return True
    if gold_point is None or gold_point[0] is None or gold_point[1] is None:
        return False
    town = gazetteer.nearest_place(gold_point[0], gold_point[1], max_km=_GOLD_POINT_KM)
    return town is not None and town.a1gid == a1


def same_place_name(place: Any, gold: str | None) -> bool:
    """Whether ``place`` is the place ``gold`` names (folded names, or one of its gazetteer names)."""
    from dateline.places.gazetteer import load
    from dateline.places.text import fold

    if not gold:
        return False
    if fold(place.name) == fold(gold) or fold(place.text) == fold(gold):
        return True
    return place.geonameid is not None and any(c.entry.gid == place.geonameid for c in load().lookup(fold(gold)))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def run_pipeline(texts: list[tuple[str, str]], progress: bool) -> Iterator[Any]:
    """Run the full pipeline over (text, published) pairs, yielding articles in order."""
    from dateline.ingest import make_article
    from dateline.pipeline import Pipeline

    pipe = Pipeline()
    articles = (make_article(t, published=p) for t, p in texts)
    if not progress:
        yield from pipe(articles)
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("articles", total=len(texts))
        for art in pipe(articles):
            bar.advance(task)
            yield art


def published_after(date: str, days: int = 7) -> str:
    """The ISO date ``days`` after ``date`` (an impossible day, like ``-02-30``, is clipped)."""
    y, m, d = (int(x) for x in date[:10].split("-"))
    last = (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)).day
    base = dt.date(y, m, max(1, min(d, last)))
    return (base + dt.timedelta(days=days)).isoformat()


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Macro-averaged F1 over the labels that occur in ``gold``."""
    labels = sorted(set(gold))
    if not labels:
        return 0.0
    total = 0.0
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        total += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return total / len(labels)


def evaluate(rows: list[GoldRow], progress: bool = True) -> tuple[dict[str, float], dict[str, Any]]:
    """Score the pipeline on ``rows``: (metrics, details with the confusion matrix and errors)."""
    from dateline.events import fatalities, principal_event
    from dateline.events.export import acled_actor_names

    texts = [(r.notes, published_after(r.date)) for r in rows]
    hits: Counter[str] = Counter()
    n_fat = sum(1 for r in rows if r.fatalities is not None)
    n_pos = sum(1 for r in rows if r.fatalities)
    gold_types, pred_types, gold_subs, pred_subs = [], [], [], []
    errors: list[dict[str, Any]] = []
    for row, art in zip(rows, run_pipeline(texts, progress), strict=True):
        ev = principal_event(art)
        et = ev.acled_event_type if ev else None
        st = ev.acled_sub_event_type if ev else None
        gold_types.append(row.event_type)
        pred_types.append(et or "NONE")
        gold_subs.append(row.sub_event_type)
        pred_subs.append(st or "NONE")
        if ev is None:
            errors.append({"id": row.id, "gold": row.event_type, "pred": None})
            continue
        hits["event_type"] += et == row.event_type
        hits["sub_event_type"] += st == row.sub_event_type
        if row.fatalities is not None:
            f = fatalities(ev)
            exact = f == row.fatalities
            close = abs(f - row.fatalities) <= 0.1 * row.fatalities
            hits["fatalities_exact"] += exact
            hits["fatalities_within10"] += close
            if row.fatalities > 0:
                hits["fatalities_exact_pos"] += exact
                hits["fatalities_within10_pos"] += close
        place = art.place(ev.place_id)
        if place is not None:
            hits["admin1"] += same_admin1(place, row.admin1, (row.lat, row.lon))
            hits["admin1_by_name"] += same_admin1(place, row.admin1)
            if place.lat is not None and place.lon is not None and row.lat is not None \
                    and row.lon is not None:
                km = haversine_km(place.lat, place.lon, row.lat, row.lon)
                hits["location_25km"] += km <= 25
                hits["location_50km"] += km <= 50
        hits["date_exact"] += ev.date == row.date
        a1, a2 = acled_actor_names(art, ev)
        hits["actor1"] += norm_name(a1) == norm_name(row.actor1)
        hits["actor2"] += norm_name(a2) == norm_name(row.actor2)
        if et != row.event_type or st != row.sub_event_type:
            errors.append({"id": row.id, "gold": row.sub_event_type, "pred": st})
    n = len(rows) or 1
    metrics: dict[str, float] = {
        k: hits[k] / n
        for k in ("event_type", "sub_event_type", "admin1", "admin1_by_name", "location_25km",
                  "location_50km", "date_exact", "actor1", "actor2")
    }
    metrics["sub_event_macro_f1"] = macro_f1(gold_subs, pred_subs)
    if n_fat:
        metrics["fatalities_exact"] = hits["fatalities_exact"] / n_fat
        metrics["fatalities_within10"] = hits["fatalities_within10"] / n_fat
    if n_pos:
        metrics["fatalities_exact_pos"] = hits["fatalities_exact_pos"] / n_pos
        metrics["fatalities_within10_pos"] = hits["fatalities_within10_pos"] / n_pos
    confusion: dict[str, dict[str, int]] = {}
    for g, p in zip(gold_types, pred_types, strict=True):
        confusion.setdefault(g, {}).setdefault(p, 0)
        confusion[g][p] += 1
    details = {"rows": len(rows), "confusion": confusion, "errors": errors}
    return {k: round(v, 4) for k, v in metrics.items()}, details


def print_confusion(confusion: dict[str, dict[str, int]]) -> None:
    """A gold x predicted event-type table."""
    from rich.console import Console
    from rich.table import Table

    cols = [*TYPES, "NONE"]
    short = {t: t.split("/")[0].split(" ")[0][:10] for t in cols}
    table = Table(title="event_type confusion (rows gold, columns predicted)")
    table.add_column("gold")
    for c in cols:
        table.add_column(short[c], justify="right")
    for g in TYPES:
        if g not in confusion:
            continue
        table.add_row(short[g], *(str(confusion[g].get(c, 0)) for c in cols))
    Console().print(table)


def report(name: str, metrics: dict[str, float], details: dict[str, Any], as_json: bool,
           check_baseline: bool, update_baseline: bool) -> None:
    """Print the figures, then update/check the baseline (exit 1 on a failed check)."""

    if as_json:
        click.echo(json.dumps(metrics, indent=2, sort_keys=True))
    else:
        click.echo(f"rows: {details['rows']}")
        for k, v in sorted(metrics.items()):
            click.echo(f"{k:26s} {v:.4f}")
        if "confusion" in details:
            print_confusion(details["confusion"])
    gate.apply(name, metrics, check_floors=check_baseline, update_floors=update_baseline)


@click.command(name=NAME)
@gate.eval_options("rows")
def command(
    path: Path | None, limit: int | None, as_json: bool, check_baseline: bool, update_baseline: bool
) -> None:
    """Score events (type, sub-type, fatalities, admin1, location, date, actors) against ACLED."""
    gold_path = path or default_path()
    rows = load_gold(gold_path, limit)
    metrics, details = evaluate(rows, progress=not as_json)
    name = NAME if rows and rows[0].fatalities is not None else f"{NAME}_afghanistan"
    report(name, metrics, details, as_json, check_baseline, update_baseline)
