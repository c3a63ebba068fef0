"""``dateline eval time``: the temporal tagger against TimeML gold (TempEval-3 TBAQ by default).

Scoring follows the TempEval-3 official timex evaluation: strict (same extent) and relaxed
(overlapping extent) precision/recall/F1; each gold TIMEX3 is paired with at most one system
timex by overlap; over the pairs, type and value accuracy (values compared as exact strings);
value and type F1 = relaxed F1 x accuracy (the TempEval-3 headline is value F1). The DCT timex
(``functionInDocument="CREATION_TIME"``) is the anchor, not a scored item; only TIMEX3s inside
``<TEXT>`` are scored.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from dateline.errors import EvalDataError
from dateline.eval import gate

DEFAULT_REL = Path("datasets/tempeval3/Training/TBAQ-cleaned")


@dataclass
class GoldTimex:
    """A TIMEX3 of the gold text (offsets into the document's plain ``<TEXT>``)."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass
class TimeMLDoc:
    """A TimeML document: its plain text, DCT and gold timexes."""

    name: str
    text: str
    dct: dt.date | None
    timexes: list[GoldTimex] = field(default_factory=list)


def default_path() -> Path:
    """The TBAQ training data under ``$DATELINE_SHARED`` or ``../shared`` of the repo root."""
    env = os.environ.get("DATELINE_SHARED")
    root = Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared"
    return root / DEFAULT_REL


def read_tml(path: Path) -> TimeMLDoc:
    """Parse one ``.tml`` file."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise EvalDataError(f"cannot parse TimeML ({exc})", path=str(path),
                            fix="check that the file is a TempEval-3 .tml document") from exc
    dct: dt.date | None = None
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            try:
                dct = dt.date.fromisoformat((tx.get("value") or "")[:10])
            except ValueError:
                dct = None
            break
    body = root.find("TEXT")
    if body is None:
        raise EvalDataError("no <TEXT> element", path=str(path),
                            fix="pass a directory of TimeML .tml files")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            start = pos
            walk(child)
            if child.tag == "TIMEX3":
                txt = "".join(parts)[start:pos]
                timexes.append(GoldTimex(start, pos, txt, child.get("type", ""),
                                         child.get("value", ""), child.get("mod")))
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)

    walk(body)
    return TimeMLDoc(path.stem, "".join(parts), dct, timexes)


def iter_docs(path: Path, limit: int | None = None) -> list[Path]:
    """The ``.tml`` files under ``path`` (sorted, recursive), at most ``limit``."""
    if not path.exists():
        raise EvalDataError(
            f"TimeML data not found at {path}", path=str(path),
            fix="pass PATH to a TempEval-3 TBAQ directory or set DATELINE_SHARED")
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    if not files:
        raise EvalDataError("no .tml files", path=str(path), fix="pass a directory of .tml files")
    return files[:limit] if limit else files


@dataclass
class Counts:
    """Tallies of the TempEval-3 timex scores."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Counts) -> None:
        """Add another document's tallies."""
        for f in ("gold", "system", "strict", "relaxed", "type_ok", "value_ok"):
            setattr(self, f, getattr(self, f) + getattr(other, f))


def score_doc(gold: Iterable[GoldTimex], system: Iterable[tuple[int, int, str, str]]) -> Counts:
    """Score system ``(start, end, type, value)`` items against gold timexes of one document."""
    g = sorted(gold, key=lambda t: t.start)
    s = sorted(system)
    c = Counts(gold=len(g), system=len(s))
    used: set[int] = set()
    for gt in g:
        best, best_ov = -1, 0
        for j, (ss, se, _, _) in enumerate(s):
            if j in used:
                continue
            ov = min(se, gt.end) - max(ss, gt.start)
            if ov > best_ov:
                best, best_ov = j, ov
        if best < 0:
            continue
        used.add(best)
        ss, se, st, sv = s[best]
        c.relaxed += 1
        if (ss, se) == (gt.start, gt.end):
            c.strict += 1
        c.type_ok += st == gt.type
        c.value_ok += sv == gt.value
    return c


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def metrics(c: Counts) -> dict[str, float]:
    """Precision/recall/F1 (strict, relaxed), type and value accuracy and F1, as fractions."""
    sp = c.strict / c.system if c.system else 0.0
    sr = c.strict / c.gold if c.gold else 0.0
    rp = c.relaxed / c.system if c.system else 0.0
    rr = c.relaxed / c.gold if c.gold else 0.0
    rf = _f1(rp, rr)
    tacc = c.type_ok / c.relaxed if c.relaxed else 0.0
    vacc = c.value_ok / c.relaxed if c.relaxed else 0.0
    return {
        "strict_precision": sp, "strict_recall": sr, "strict_f1": _f1(sp, sr),
        "relaxed_precision": rp, "relaxed_recall": rr, "relaxed_f1": rf,
        "type_accuracy": tacc, "type_f1": rf * tacc,
        "value_accuracy": vacc, "value_f1": rf * vacc,
    }


def evaluate(path: Path, limit: int | None = None, *, progress: bool = False,
             errors: list[dict[str, Any]] | None = None, spacy: bool = False) -> dict[str, float]:
    """Tag every document under ``path`` and score it; ``errors`` collects mismatches.

    With ``spacy``, the spaCy parse backs up the cue words where none is near (as in the
    pipeline after the nlp stage).
    """
    from dateline.dates import parsed_tense
    from dateline.dates.tagger import tag

    files = iter_docs(path, limit)
    total = Counts()
    docs = [read_tml(f) for f in files]
    parses: Iterable[Any] = iter([None] * len(docs))
    if spacy:
        from dateline.nlp import load_model

        parses = load_model().pipe((d.text for d in docs), batch_size=16)
    pairs: Iterable[tuple[TimeMLDoc, Any]] = zip(docs, parses, strict=True)
    if progress:
        from rich.progress import track

        pairs = track(pairs, total=len(docs), description="tagging TimeML documents")
    for doc, parse in pairs:
        found = tag(doc.text, doc.dct,
                    parsed_tense(parse, doc.text) if parse is not None else None)
        sys_items = [(t.start, t.end, t.type, t.value) for t in found]
        total.add(score_doc(doc.timexes, sys_items))
        if errors is not None:
            _collect_errors(doc, found, errors)
    out = metrics(total)
    out["documents"] = float(len(docs))
    out["gold_timexes"] = float(total.gold)
    out["system_timexes"] = float(total.system)
    return out


def _collect_errors(doc: TimeMLDoc, found: list[Any], errors: list[dict[str, Any]]) -> None:
    matched: set[int] = set()
    for gt in doc.timexes:
        hit = next((i for i, t in enumerate(found) if i not in matched
                    and min(t.end, gt.end) > max(t.start, gt.start)), None)
        if hit is None:
            errors.append({"doc": doc.name, "kind": "missed", "gold": gt.text,
                           "value": gt.value, "dct": str(doc.dct),
                           "ctx": doc.text[max(0, gt.start - 60): gt.end + 40]})
            continue
        matched.add(hit)
        t = found[hit]
        if t.value != gt.value or t.type != gt.type or (t.start, t.end) != (gt.start, gt.end):
            errors.append({"doc": doc.name, "kind": "value" if t.value != gt.value else
                           "type" if t.type != gt.type else "extent",
                           "gold": gt.text, "sys": t.text, "value": gt.value, "got": t.value,
                           "gtype": gt.type, "stype": t.type, "dct": str(doc.dct),
                           "ctx": doc.text[max(0, gt.start - 60): gt.end + 40]})
    for i, t in enumerate(found):
        if i not in matched:
            errors.append({"doc": doc.name, "kind": "spurious", "sys": t.text, "got": t.value,
                           "ctx": doc.text[max(0, t.start - 60): t.end + 40]})


@click.command(name="time")
@gate.eval_options("documents")
@click.option("--spacy", is_flag=True,
              help="Back cue words up with the spaCy parse, as the pipeline does (slower; the "
                   "gate uses cue words alone).")
@click.option("--errors", "errors_path", type=click.Path(path_type=Path), default=None,
              help="Write every mismatch as JSON lines to this file (error analysis).")
def command(path: Path | None, limit: int | None, as_json: bool, check_baseline: bool,
            update_baseline: bool, spacy: bool, errors_path: Path | None) -> None:
    """Score the temporal tagger on TimeML gold (TempEval-3 TBAQ by default)."""

    errors: list[dict[str, Any]] | None = [] if errors_path else None
    result = evaluate(path or default_path(), limit, progress=not as_json, errors=errors,
                      spacy=spacy)
    if errors_path and errors is not None:
        errors_path.write_text("".join(json.dumps(e) + "\n" for e in errors), encoding="utf-8")
    scored = {k: v for k, v in result.items() if k not in
              ("documents", "gold_timexes", "system_timexes")}
    if as_json:
        click.echo(json.dumps(result, indent=2, sort_keys=True))
    else:
        click.echo(f"documents {int(result['documents'])}  gold timexes "
                   f"{int(result['gold_timexes'])}  system timexes {int(result['system_timexes'])}")
        for k in sorted(scored):
            click.echo(f"  {k:20s} {scored[k]:.4f}")
    if update_baseline and (limit is not None or spacy):
        raise click.UsageError("--update-baseline needs the full data in cue mode "
                               "(drop --limit and --spacy)")
    gate.apply("time", scored, check_floors=check_baseline, update_floors=update_baseline)
