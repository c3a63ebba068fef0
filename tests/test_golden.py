"""Golden files: the whole pipeline over every bundled sample article, compared with tests/golden/.

A change in what dateline extracts shows up here as a readable diff. After checking that a change is
an improvement, regenerate with ``DATELINE_UPDATE_GOLDEN=1 pytest tests/test_golden.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from dateline.cli import sample_dir
from dateline.ingest import InputOptions, read_file
from dateline.model import Article
from dateline.pipeline import Pipeline

GOLDEN = Path(__file__).parent / "golden"
SAMPLES = sorted(sample_dir().glob("*.txt"))


def summary(art: Article) -> dict[str, Any]:
    """The stable, reviewable part of an extraction."""
    return {
        "dateline": art.dateline.text if art.dateline else None,
        "repairs": sorted({r.kind for r in art.repairs}),
        "people": sorted([e.name, e.roles, e.nationality, e.aliases] for e in art.entities if e.type == "PERSON"),
        "acronyms": sorted([e.name, e.acronyms] for e in art.entities if e.acronyms),
        "places": [[p.text, p.name, p.country_code, p.feature_code, p.relation] for p in art.places],
        "times": [[t.text, t.type, t.value, t.mod] for t in art.times],
        "events": [
            [
                ev.trigger,
                ev.acled_event_type,
                ev.acled_sub_event_type,
                ev.plover_type,
                ev.date,
                [[c.kind, c.number] for c in ev.counts],
                ev.status,
                ev.background,
            ]
            for ev in art.events
        ],
        "quotes": [
            [
                q.cue,
                q.stance,
                (art.entity(q.speaker_entity_id).name if art.entity(q.speaker_entity_id) else None)
                or q.speaker_description
                or q.speaker_text,
            ]
            for q in art.quotes
        ],
    }


@pytest.fixture(scope="module")
def extracted() -> dict[str, Article]:
    pipeline = Pipeline()
    arts = [a for path in SAMPLES for a in read_file(path, InputOptions()) if isinstance(a, Article)]
    return {Path(a.path or "").stem: a for a in pipeline(arts)}


def test_there_are_enough_samples() -> None:
    assert 15 <= len(SAMPLES) <= 25


@pytest.mark.parametrize("name", [p.stem for p in SAMPLES])
def test_sample_matches_golden(name: str, extracted: dict[str, Article]) -> None:
    got = json.loads(json.dumps(summary(extracted[name])))
    path = GOLDEN / f"{name}.json"
    if os.environ.get("DATELINE_UPDATE_GOLDEN"):
        path.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert path.exists(), f"no golden file for {name}: run with DATELINE_UPDATE_GOLDEN=1"
    assert got == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", [p.stem for p in SAMPLES])
def test_every_offset_points_at_its_text(name: str, extracted: dict[str, Article]) -> None:
    art = extracted[name]
    for ent in art.entities:
        for m in ent.mentions:
            assert art.text[m.start : m.end] == m.text
    for item in [*art.places, *art.times, *art.quotes]:
        assert art.text[item.start : item.end] == item.text
    for ev in art.events:
        assert art.text[ev.start : ev.end] == ev.trigger
        for arg in ev.arguments:
            assert art.text[arg.start : arg.end] == arg.text
