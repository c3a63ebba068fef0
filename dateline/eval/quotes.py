"""``dateline eval quotes``: attribution extraction against PolNeAR (BRAT standoff).

Gold: ``<split>/text/<name>.txt`` and ``<split>/attributions/<name>_<annotator>.ann`` with
``Source``/``Cue``/``Content`` text-bound annotations linked by ``E`` (``Attribution``) lines.
Policy for articles annotated more than once: the annotator file that sorts first by name.

Spans are compared as sets of character offsets (discontinuous spans are unions of fragments);
system and gold items are paired one-to-one, greedily by decreasing overlap. A content span
matches under

* ``exact``: identical offsets (ignoring surrounding whitespace);
* ``overlap``: the overlap covers >= 50% of the gold span;
* ``mutual``: the overlap covers >= 50% of the gold span *and* >= 50% of the system span.

A cue matches when the spans overlap. A source matches when it overlaps the gold source by >= 50%
of both spans (``mutual``). ``content_source_*`` counts an attribution right when its content
matches (under the named rule) and its source matches; a gold attribution with no source needs a
system attribution with no source.

PolNeAR never annotates an attribution whose cue lies inside another attribution's content, so
nested system quotes (``Quote.parent`` set: "he says he *believes* ...") are not scored.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from dateline.errors import EvalDataError
from dateline.eval import gate

Span = frozenset[int]
NAME = "quotes"


def default_path() -> Path:
    """The PolNeAR dev split under ``../shared`` (or ``$DATELINE_SHARED``)."""
    shared = os.environ.get("DATELINE_SHARED")
    root = Path(shared) if shared else Path(__file__).resolve().parents[3] / "shared"
    return root / "datasets" / "polnear" / "dev"


@dataclass
class Item:
    """One attribution as sets of character offsets."""

    content: Span
    cue: Span
    source: Span | None


@dataclass
class GoldDoc:
    """One article: its text and gold attributions."""

    name: str
    text: str
    items: list[Item]


def _span(text: str, frag_spec: str) -> Span:
    """``"12 30;40 52"`` -> the offsets, without whitespace characters."""
    out: set[int] = set()
    for frag in frag_spec.split(";"):
        a, b = (int(x) for x in frag.split())
        out.update(i for i in range(a, b) if not text[i].isspace())
    return frozenset(out)


def parse_ann(text: str, ann: str) -> list[Item]:
    """Gold attributions of one BRAT ``.ann`` file."""
    spans: dict[str, Span] = {}
    items = []
    events = []
    for line in ann.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            frags = parts[1].partition(" ")[2]
            spans[parts[0]] = _span(text, frags)
        elif line.startswith("E"):
            events.append(line.split("\t")[1].split())
    for args in events:
        roles = dict(a.split(":", 1) for a in args if ":" in a)
        content = spans.get(roles.get("Content", ""))
        cue = spans.get(roles.get("Cue", ""))
        if not content or cue is None:
            continue
        source = spans.get(roles["Source"]) if "Source" in roles else None
        items.append(Item(content, cue, source))
    return items


def load_gold(path: Path, limit: int | None = None) -> list[GoldDoc]:
    """Every article of a PolNeAR split directory (first annotator file per article)."""
    tdir, adir = path / "text", path / "attributions"
    if not tdir.is_dir() or not adir.is_dir():
        raise EvalDataError(
            "PolNeAR split not found (expected text/ and attributions/)",
            path=str(path),
            fix="pass the split directory, e.g. ../shared/datasets/polnear/dev, "
            "or set DATELINE_SHARED",
        )
    anns: dict[str, Path] = {}
    for ann in sorted(adir.glob("*.ann")):
        name = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        anns.setdefault(name, ann)
    docs = []
    for name in sorted(anns):
        txt = tdir / f"{name}.txt"
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        docs.append(GoldDoc(name, text, parse_ann(text, anns[name].read_text(encoding="utf-8"))))
        if limit is not None and len(docs) >= limit:
            break
    if not docs:
        raise EvalDataError(
            "no PolNeAR articles found", path=str(path), fix="check the split directory"
        )
    return docs


def _ov(a: Span, b: Span) -> int:
    return len(a & b)


def mutual(sys_span: Span, gold: Span) -> bool:
    """Overlap covers at least half of both spans."""
    o = _ov(sys_span, gold)
    return o * 2 >= len(gold) and o * 2 >= len(sys_span) and o > 0


def overlap(sys_span: Span, gold: Span) -> bool:
    """Overlap covers at least half of the gold span."""
    o = _ov(sys_span, gold)
    return o * 2 >= len(gold) and o > 0


def exact(sys_span: Span, gold: Span) -> bool:
    """Same offsets (whitespace excluded)."""
    return sys_span == gold


def any_overlap(sys_span: Span, gold: Span) -> bool:
    """At least one character in common."""
    return _ov(sys_span, gold) > 0


def _source_ok(s: Item, g: Item) -> bool:
    if g.source is None or s.source is None:
        return g.source is None and s.source is None
    return mutual(s.source, g.source)


def match_count(system: list[Item], gold: list[Item], ok: Callable[[Item, Item], bool]) -> int:
    """One-to-one matches, paired greedily by decreasing content overlap."""
    pairs = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            if ok(s, g):
                pairs.append((-_ov(s.content, g.content) - _ov(s.cue, g.cue), i, j))
    pairs.sort()
    used_s: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
    return len(used_s)


CRITERIA: dict[str, Callable[[Item, Item], bool]] = {
    "content_exact": lambda s, g: exact(s.content, g.content),
    "content_overlap": lambda s, g: overlap(s.content, g.content),
    "content_mutual": lambda s, g: mutual(s.content, g.content),
    "cue": lambda s, g: any_overlap(s.cue, g.cue),
    "source": lambda s, g: (
        s.source is not None and g.source is not None and mutual(s.source, g.source)
    ),
    "content_source_mutual": lambda s, g: mutual(s.content, g.content) and _source_ok(s, g),
    "content_source_overlap": lambda s, g: overlap(s.content, g.content) and _source_ok(s, g),
}


def system_items(text: str) -> list[Item]:
    """Run the nlp stage and the quotes extractor on one text."""
    from dateline.model import Article
    from dateline.pipeline import Pipeline
    from dateline.quotes import stage as quotes_stage

    art = Pipeline(["nlp"]).run_one(Article(raw_text=text))
    art = next(iter(quotes_stage([art])))
    out = []
    for q in art.quotes:
        if q.parent is not None:
            continue  # PolNeAR annotates no attribution inside another one's content
        frags = q.fragments or [(q.start, q.end)]
        content = frozenset(i for a, b in frags for i in range(a, b) if not text[i].isspace())
        cue = frozenset(range(q.cue_start or 0, q.cue_end or 0))
        src = (
            frozenset(i for i in range(q.speaker_start, q.speaker_end) if not text[i].isspace())
            if q.speaker_start is not None and q.speaker_end is not None
            else None
        )
        out.append(Item(content, cue, src))
    return out


def score(counts: dict[str, list[int]]) -> dict[str, float]:
    """P/R/F1 per criterion from ``[matched, n_system, n_gold]`` counts."""
    out: dict[str, float] = {}
    for name, (m, ns, ng) in counts.items():
        p = m / ns if ns else 0.0
        r = m / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = p, r, f
    return out


def evaluate(docs: Iterable[GoldDoc], progress: bool = False) -> dict[str, float]:
    """Micro-averaged P/R/F1 for every criterion over the documents."""
    counts = {k: [0, 0, 0] for k in CRITERIA}
    docs = list(docs)
    it: Iterable[GoldDoc] = docs
    if progress:
        from rich.progress import track

        it = track(docs, description="quotes", console=_console())
    for d in it:
        sys_items = system_items(d.text)
        for name, ok in CRITERIA.items():
            c = counts[name]
            c[0] += match_count(sys_items, d.items, ok)
            c[1] += len(sys_items)
            c[2] += len(d.items)
    metrics = score(counts)
    metrics["documents"] = float(len(docs))
    return metrics


def _console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


@click.command(name=NAME)
@gate.eval_options("articles")
def command(
    path: Path | None, limit: int | None, as_json: bool, check_baseline: bool, update_baseline: bool
) -> None:
    """Score quotes/attributions (content, cue, source) against PolNeAR."""

    docs = load_gold(path or default_path(), limit)
    metrics = evaluate(docs, progress=not as_json)
    if as_json:
        click.echo(json.dumps(metrics, indent=2, sort_keys=True))
    else:
        for crit in CRITERIA:
            click.echo(
                f"{crit:24s} P {metrics[crit + '_p']:.3f}  R {metrics[crit + '_r']:.3f}  "
                f"F1 {metrics[crit + '_f1']:.3f}"
            )
    gated = {k: v for k, v in metrics.items() if k.endswith("_f1")}
    gate.apply(NAME, gated, check_floors=check_baseline, update_floors=update_baseline)
