"""The PolNeAR reader and the span-matching rules of ``dateline eval quotes``."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import EvalDataError
from dateline.eval.quotes import (
    CRITERIA,
    Item,
    evaluate,
    exact,
    load_gold,
    match_count,
    mutual,
    overlap,
    parse_ann,
)

TEXT = 'Rain is coming, the forecaster said. "Stay home," she added, "and wait."\n'


def span(a: int, b: int) -> frozenset[int]:
    return frozenset(i for i in range(a, b) if not TEXT[i].isspace())


def ann() -> str:
    s = TEXT.index('"Stay')
    r = TEXT.index('"and')
    return "\n".join(
        [
            "T1\tContent 0 14\tRain is coming",
            "T2\tSource 16 31\tthe forecaster",
            "T3\tCue 32 36\tsaid",
            "T4\tAttribution 32 36\tsaid",
            "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
            f"T5\tContent {s} {s + 12};{r} {r + 11}\tx",
            "T6\tCue 54 59\tadded",
            "E2\tAttribution:T6 Content:T5 Cue:T6",
        ]
    )


def test_parse_ann_links_roles_and_fragments() -> None:
    items = parse_ann(TEXT, ann())
    assert len(items) == 2
    assert items[0].content == span(0, 14)
    assert items[0].source == span(16, 31)
    assert items[1].source is None  # an attribution without a source
    assert min(items[1].content) == TEXT.index('"Stay')


def test_matching_rules() -> None:
    gold = span(0, 10)
    assert exact(span(0, 10), gold)
    assert overlap(span(0, 30), gold) and not mutual(span(0, 30), gold)
    assert mutual(span(2, 10), gold)
    assert not overlap(span(8, 20), gold)


def test_match_count_is_one_to_one() -> None:
    g = Item(span(0, 14), span(32, 36), span(16, 31))
    s1 = Item(span(0, 14), span(32, 36), span(16, 31))
    s2 = Item(span(0, 12), span(32, 36), span(16, 31))
    assert match_count([s1, s2], [g], CRITERIA["content_mutual"]) == 1


def test_load_gold_first_annotator_and_errors(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "doc_bbbb.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "doc_aaaa.ann").write_text(ann(), encoding="utf-8")
    (doc,) = load_gold(tmp_path)
    assert len(doc.items) == 2  # doc_aaaa sorts first
    metrics = evaluate([doc])
    assert metrics["content_source_mutual_r"] >= 0.5  # "..., the forecaster said" is found
    with pytest.raises(EvalDataError):
        load_gold(tmp_path / "missing")
