"""The quotes stage on articles written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.model import Article, Entity, Event, Mention, Quote, TimeExpr
from dateline.pipeline import Pipeline
from dateline.quotes import extract_quotes, stage

REPORT = (Path(__file__).parent / "data" / "report.txt").read_text(encoding="utf-8")


def parsed(text: str) -> Article:
    """An article through the nlp stage only (entities are added by hand in the tests)."""
    return Pipeline(["nlp"]).run_one(Article(raw_text=text))


def by_cue(article: Article, cue: str, contains: str = "") -> Quote:
    hits = [q for q in article.quotes if q.cue == cue and contains in q.text]
    assert hits, f"no quote with cue {cue!r} containing {contains!r}: {article.quotes}"
    return hits[0]


def speaker(article: Article, q: Quote) -> str | None:
    ent = article.entity(q.speaker_entity_id)
    return ent.name if ent is not None else q.speaker_description


@pytest.fixture(scope="module")
def report(run: Callable[..., Article]) -> Article:
    return run(REPORT, published="2020-10-26", stages=("clean", "nlp", "entities", "quotes"))


def test_every_quote_has_consistent_offsets(report: Article) -> None:
    assert [q.id for q in report.quotes] == [f"q{i}" for i in range(1, len(report.quotes) + 1)]
    for q in report.quotes:
        assert report.text[q.start : q.end] == q.text
        assert q.cue_start is not None and q.cue_end is not None
        assert report.text[q.cue_start : q.cue_end] == q.cue
        if q.speaker_start is not None and q.speaker_end is not None:
            assert report.text[q.speaker_start : q.speaker_end] == q.speaker_text
    assert "quotes" in report.stages


def test_agency_tweet(report: Article) -> None:
    q = by_cue(report, "said", "targeted security operation")
    assert speaker(report, q) == "National Intelligence Agency"
    assert q.speaker_text == "The National Intelligence Agency (NIA)"  # "in a tweet" cut off
    assert q.stance == "asserts"
    assert not q.direct
    assert q.text.endswith('operation."')  # the partial quotation is taken whole


def test_president_accuses_group_then_pronoun(report: Article) -> None:
    acc = by_cue(report, "accused")
    assert acc.stance == "accuses"
    assert speaker(report, acc) == "Lena Borsk"
    assert "Red Hand Front of sheltering" in acc.text
    she = by_cue(report, "said", "This operation shows")
    assert she.speaker_text == "she"
    assert speaker(report, she) == "Lena Borsk"
    assert she.direct


def test_anonymous_source_and_he_added(report: Article) -> None:
    src = by_cue(report, "said", "ran the group")
    assert src.speaker_entity_id is None
    assert src.speaker_description == "a source in Maristan City"
    added = by_cue(report, "added")
    assert added.speaker_text == "He"
    assert added.speaker_description == "a source in Maristan City"
    assert added.speaker_entity_id is None


def test_officer_in_province(report: Article) -> None:
    q = by_cue(report, "said", "hiding in a village")
    assert q.speaker_description == "A police officer in Talvar province"
    assert q.speaker_entity_id is None


def test_group_denies_and_spokesman_tells_newspaper(report: Article) -> None:
    deny = by_cue(report, "denied")
    assert deny.stance == "denies"
    assert speaker(report, deny) == "Red Hand Front"
    told = by_cue(report, "told", "nothing to do")
    assert speaker(report, told) == "Karim Dossa"


def test_official_confirms_death_in_statement(report: Article) -> None:
    conf = by_cue(report, "confirmed")
    assert conf.stance == "confirms"
    assert speaker(report, conf) == "Pavel Ostrov"
    assert "death of Haddadi" in conf.text
    saying = by_cue(report, "saying")
    assert speaker(report, saying) == "Pavel Ostrov"


def test_analyst_tells_newspaper(report: Article) -> None:
    q = by_cue(report, "told", "replace him")
    assert speaker(report, q) == "Mira Kovac"
    assert q.direct


def test_officials_blame_group(report: Article) -> None:
    q = by_cue(report, "blamed")
    assert q.stance == "blames"
    assert q.speaker_description == "Officials"
    assert "Red Hand Front for the bombing" in q.text


def test_no_dateline_speaker(report: Article) -> None:
    assert all(q.cue != ":" for q in report.quotes)


def test_broken_and_curly_quotes() -> None:
    art = parsed(
        "“We will not stop,” the minister said, “until every road is open.” "
        "Later the mayor said the bridge would reopen."
    )
    art.quotes = extract_quotes(art)
    q = by_cue(art, "said", "We will not stop")
    assert q.direct
    assert len(q.fragments) == 2
    assert art.text[slice(*q.fragments[1])] == "“until every road is open.”"
    assert q.speaker_text == "the minister"
    later = by_cue(art, "said", "bridge")
    assert later.text == "the bridge would reopen"
    assert later.speaker_text == "the mayor"


def test_according_to_and_post_posed() -> None:
    art = parsed(
        "According to local elders, the convoy was stopped near the border. "
        "The talks will resume next week, a senior diplomat said."
    )
    art.quotes = extract_quotes(art)
    acc = by_cue(art, "According to")
    assert acc.speaker_text == "local elders"
    assert acc.text == "the convoy was stopped near the border"
    post = by_cue(art, "said")
    assert post.text == "The talks will resume next week"
    assert post.speaker_description == "a senior diplomat"


def test_speaker_resolved_against_given_entities() -> None:
    text = 'Governor Ana Ruiz spoke to reporters. "The water is safe," she said.'
    art = parsed(text)
    s = text.index("Ana Ruiz")
    art.entities = [
        Entity("e1", "Ana Ruiz", "PERSON", [Mention(s, s + 8, "Ana Ruiz")], roles=["Governor"])
    ]
    art.quotes = extract_quotes(art)
    q = by_cue(art, "said")
    assert q.speaker_text == "she"
    assert q.speaker_entity_id == "e1"


def test_events_and_date_are_linked() -> None:
    text = "The army said on Sunday that rebels attacked a checkpoint."
    art = parsed(text)
    t = text.index("attacked")
    art.events = [Event("ev1", "attacked", t, t + 8, 0, len(text))]
    d = text.index("Sunday")
    art.times = [
        TimeExpr(
            "t1",
            d,
            d + 6,
            "Sunday",
            "DATE",
            "2020-10-25",
            date_start="2020-10-25",
            date_end="2020-10-25",
        )
    ]
    art.quotes = extract_quotes(art)
    q = by_cue(art, "said")
    assert q.event_ids == ["ev1"]
    assert q.date == "2020-10-25"


def test_stage_passes_unparsed_articles_through() -> None:
    art = Article(raw_text="Nothing parsed here, he said.")
    out = list(stage([art]))
    assert out == [art]
    assert art.quotes == []
    assert "quotes" not in art.stages
