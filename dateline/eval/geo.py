"""``dateline eval geo``: toponym resolution and geoparsing on LGL and GeoVirus.

Protocol (strict): every gold toponym with coordinates counts; a toponym the system leaves
unanswered counts as wrong (and as the largest possible error, 20,039 km, in the error figures);
system places and gold toponyms are paired by overlapping span.

Two modes, both reported:

* ``resolution``: the resolver is given the gold spans (the gold phrases, with their text around
  them) and only chooses the place.
* ``end_to_end``: the places stage recognises and resolves on its own (after the nlp stage);
  recognition is scored as span precision/recall/F1 (overlap).

Figures: exact GeoNames match (LGL only: GeoVirus gold has no GeoNames ids), correct country,
correct ADM1 (LGL: gold ids; GeoVirus: the gold point reverse-geocoded to its nearest town of
the gazetteer, so these two are approximate there), Acc@161km, mean and median error, and AUC
of the error curve (Gritta et al. 2018: area under log(1+error) sorted, normalised; lower is
better).

Formats: LGL ``lgl.xml`` (0-based offsets); GeoVirus ``GeoVirus.xml`` (offsets are 1-based,
end inclusive: checked, every one of its spans matches ``text[start-1:end-1]``).
"""

from __future__ import annotations

import functools
import json
import math
import os
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from dateline.errors import EvalDataError
from dateline.eval import gate

MAX_ERROR_KM = 20039.0
ACC_KM = 161.0
DATASETS = {"lgl": "lgl.xml", "geovirus": "GeoVirus.xml"}
SUBDIR = Path("datasets") / "geoparsing_milangritta" / "data" / "Corpora"


@dataclass
class GoldToponym:
    """One gold toponym."""

    start: int
    end: int
    text: str
    lat: float
    lon: float
    geonameid: int | None = None
    country_gid: int | None = None
    admin1_gid: int | None = None


@dataclass
class GoldDoc:
    """One gold document."""

    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def default_path(dataset: str) -> Path:
    """Where the gold file sits under the shared folder (env ``DATELINE_SHARED`` overrides)."""
    env = os.environ.get("DATELINE_SHARED")
    shared = Path(env) if env else Path(__file__).resolve().parents[3] / "shared"
    return shared / SUBDIR / DATASETS[dataset]


def read_gold(dataset: str, path: Path) -> list[GoldDoc]:
    """Parse LGL or GeoVirus XML into documents with toponyms that have coordinates."""
    if path.is_dir():
        path = path / DATASETS[dataset]
    if not path.exists():
        raise EvalDataError(
            f"gold file for '{dataset}' not found",
            path=str(path),
            fix="pass the path of lgl.xml / GeoVirus.xml or set DATELINE_SHARED",
        )
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalDataError(f"cannot parse XML: {exc}", path=str(path),
                            fix="check the file is the original corpus XML") from exc
    docs = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        doc = GoldDoc(text)
        if dataset == "lgl":
            for t in art.iter("toponym"):
                g = t.find("gaztag")
                if g is None or g.findtext("lat") is None:
                    continue
                country, admin1 = g.find("country"), g.find("admin1")
                doc.toponyms.append(GoldToponym(
                    int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                    t.findtext("phrase") or "",
                    float(g.findtext("lat") or 0), float(g.findtext("lon") or 0),
                    int(g.get("geonameid") or 0) or None,
                    int(country.get("geonameid") or 0) or None if country is not None else None,
                    int(admin1.get("geonameid") or 0) or None if admin1 is not None else None,
                ))
        else:
            for loc in art.iter("location"):
                if loc.findtext("lat") is None:
                    continue
                # GeoVirus offsets are 1-based with an inclusive end.
                start = int(loc.findtext("start") or 1) - 1
                end = int(loc.findtext("end") or 1) - 1
                doc.toponyms.append(GoldToponym(
                    start, end, loc.findtext("name") or "",
                    float(loc.findtext("lat") or 0), float(loc.findtext("lon") or 0),
                ))
        docs.append(doc)
    return docs


@dataclass
class Answer:
    """The system's answer for one gold toponym (None fields: unanswered)."""

    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    country: str | None = None
    admin1_gid: int | None = None


def _pair(gold: list[GoldToponym], places: list[Any]) -> list[Answer]:
    """For each gold toponym, the resolved system place with the largest overlap."""
    out = []
    for g in gold:
        best, best_ov = None, 0
        for p in places:
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > best_ov and p.resolved and p.lat is not None:
                best, best_ov = p, ov
        if best is None:
            out.append(Answer())
        else:
            out.append(Answer(best.lat, best.lon, best.geonameid, best.country_code,
                              _admin1_gid(best.geonameid)
                              or _admin1_by_code(best.country_code, best.admin1_code)))
    return out


def _admin1_gid(geonameid: int | None) -> int | None:
    from dateline.places.gazetteer import LEVEL_ADM1, load

    e = load().get(geonameid) if geonameid else None
    if e is None:
        return None
    return (e.gid if e.level == LEVEL_ADM1 else e.a1gid) or None


def _admin1_by_code(cc: str | None, code: str | None) -> int | None:
    """The ADM1 a place without a GeoNames id was put in (names placed by their context)."""
    from dateline.places.gazetteer import load

    e = load().admin1(cc, code) if cc and code else None
    return e.gid if e is not None else None


def _auc(errors: list[float]) -> float:
    """Gritta et al.'s AUC: the normalised area under sorted log(1+error) (lower is better)."""
    if not errors:
        return 0.0
    logs = sorted(math.log(e + 1) for e in errors)
    if len(logs) == 1:
        return logs[0] / math.log(MAX_ERROR_KM + 1)
    area = sum((logs[i] + logs[i + 1]) / 2 for i in range(len(logs) - 1))
    return area / ((len(logs) - 1) * math.log(MAX_ERROR_KM + 1))


def _gold_country_admin(dataset: str, t: GoldToponym) -> tuple[str | None, int | None]:
    if dataset == "lgl":
        return _lgl_country_admin(t.geonameid, t.country_gid, t.admin1_gid)
    return _reverse_country_admin(t.lat, t.lon)


@functools.cache
def _reverse_country_admin(lat: float, lon: float) -> tuple[str | None, int | None]:
    """Country of the nearest town within 300 km; its ADM1 only when within 25 km (a town)."""
    from dateline.places.gazetteer import haversine_km, load

    near = load().nearest_place(lat, lon, max_km=300.0)
    if near is None or near.lat is None or near.lon is None:
        return None, None
    close = haversine_km(lat, lon, near.lat, near.lon) <= 25.0
    return near.cc, (near.a1gid or None) if close else None


def _lgl_country_admin(
    geonameid: int | None, country_gid: int | None, admin1_gid: int | None
) -> tuple[str | None, int | None]:
    from dateline.places.gazetteer import load

    if not (geonameid or country_gid or admin1_gid):
        return None, None
    gaz = load()
    c = gaz.country_by_gid.get(country_gid or 0)
    cc = c.iso2 if c else None
    e = gaz.get(geonameid) if geonameid else None
    if e is not None and cc is None:
        cc = e.cc or None
    a1 = admin1_gid
    if e is not None and a1 is None:
        a1 = (e.gid if e.level == 1 else e.a1gid) or None
    return cc, a1


def score(dataset: str, gold: list[GoldToponym], answers: list[Answer]) -> dict[str, float]:
    """The figures for paired gold toponyms and answers."""
    from dateline.places.gazetteer import haversine_km

    n = len(gold)
    errors, exact, country, admin1 = [], 0, 0, 0
    n_a1 = 0
    for g, a in zip(gold, answers, strict=True):
        if a.lat is None or a.lon is None:
            errors.append(MAX_ERROR_KM)
            gcc, ga1 = _gold_country_admin(dataset, g)
            n_a1 += 1 if ga1 else 0
            continue
        errors.append(haversine_km(g.lat, g.lon, a.lat, a.lon))
        exact += int(g.geonameid is not None and a.geonameid == g.geonameid)
        gcc, ga1 = _gold_country_admin(dataset, g)
        # A gold place outside any country (a continent, an ocean) wants no country either.
        country += int((a.country or None) == (gcc or None))
        if ga1:
            n_a1 += 1
            admin1 += int(a.admin1_gid == ga1)
    out = {
        "toponyms": float(n),
        "acc161": sum(e <= ACC_KM for e in errors) / n if n else 0.0,
        "country": country / n if n else 0.0,
        "admin1": admin1 / n_a1 if n_a1 else 0.0,
        "mean_km": statistics.fmean(errors) if errors else 0.0,
        "median_km": statistics.median(errors) if errors else 0.0,
        "auc": _auc(errors),
    }
    if dataset == "lgl":
        out["exact"] = exact / n if n else 0.0
    return out


def evaluate(dataset: str, path: Path, limit: int | None = None,
             modes: tuple[str, ...] = ("resolution", "end_to_end")) -> dict[str, float]:
    """Run the evaluation; metric names are ``<mode>.<figure>`` (fractions, km)."""
    from rich.console import Console
    from rich.progress import track

    # Progress goes to stderr so that ``--json`` output stays parseable.
    console = Console(stderr=True)

    from dateline.model import Article
    from dateline.places import resolve_spans, stage

    docs = read_gold(dataset, path)
    if limit:
        docs = docs[:limit]
    metrics: dict[str, float] = {}
    if "resolution" in modes:
        gold_all, ans_all = [], []
        for doc in track(docs, description=f"{dataset} resolution", console=console):
            spans = [(t.start, t.end) for t in doc.toponyms]
            places = resolve_spans(doc.text, spans)
            gold_all.extend(doc.toponyms)
            ans_all.extend(_pair(doc.toponyms, places))
        for k, v in score(dataset, gold_all, ans_all).items():
            metrics[f"resolution.{k}"] = v
    if "end_to_end" in modes:
        from dateline.nlp import stage as nlp_stage

        gold_all, ans_all = [], []
        tp = n_sys = n_gold = found = 0
        arts = (Article(raw_text=d.text) for d in docs)
        for doc, art in zip(docs, stage(nlp_stage(track(
                arts, total=len(docs), description=f"{dataset} end to end",
                console=console))), strict=True):
            gold_all.extend(doc.toponyms)
            ans_all.extend(_pair(doc.toponyms, art.places))
            n_sys += len(art.places)
            n_gold += len(doc.toponyms)
            # Precision: system spans overlapping a gold toponym; recall: gold toponyms
            # overlapped by a system span.
            tp += sum(any(min(g.end, p.end) > max(g.start, p.start) for g in doc.toponyms)
                      for p in art.places)
            found += sum(any(min(g.end, p.end) > max(g.start, p.start) for p in art.places)
                         for g in doc.toponyms)
        prec = tp / n_sys if n_sys else 0.0
        rec = found / n_gold if n_gold else 0.0
        metrics["end_to_end.span_precision"] = prec
        metrics["end_to_end.span_recall"] = rec
        metrics["end_to_end.span_f1"] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        for k, v in score(dataset, gold_all, ans_all).items():
            metrics[f"end_to_end.{k}"] = v
    return metrics


#: Figures gated in ``eval/baseline.json`` (higher is better).
GATED = ("acc161", "country", "admin1", "exact", "span_f1")


def gated(metrics: dict[str, float]) -> dict[str, float]:
    """The subset of metrics the accuracy gate holds (higher-is-better ones)."""
    return {k: v for k, v in metrics.items() if k.split(".")[-1] in GATED}


@click.command("geo")
@gate.eval_options("documents")
@click.option("--dataset", type=click.Choice(sorted(DATASETS)), default="lgl", show_default=True)
@click.option("--mode", type=click.Choice(["both", "resolution", "end_to_end"]), default="both")
def command(path: Path | None, dataset: str, limit: int | None, mode: str, as_json: bool,
            check_baseline: bool, update_baseline: bool) -> None:
    """Toponym resolution and geoparsing accuracy on LGL or GeoVirus."""
    modes = ("resolution", "end_to_end") if mode == "both" else (mode,)
    metrics = evaluate(dataset, path or default_path(dataset), limit, modes)
    name = f"geo_{dataset}"
    if as_json:
        click.echo(json.dumps(metrics, indent=2, sort_keys=True))
    else:
        for k in sorted(metrics):
            v = metrics[k]
            shown = f"{v:.1f}" if k.endswith("_km") or k.endswith("toponyms") else f"{v:.4f}"
            click.echo(f"{k:38s} {shown}")
    gate.apply(name, gated(metrics), check_floors=check_baseline, update_floors=update_baseline)


def iter_datasets() -> Iterator[str]:
    """The dataset names this evaluation reads."""
    yield from DATASETS
