"""GDELT-style quotations and the claims table."""

from __future__ import annotations

from dateline.model import Article, Entity, Mention, Quote
from dateline.quotes.export import (
    CLAIM_COLUMNS,
    claims,
    claims_table,
    gdelt_quotations,
    gdelt_quotations_field,
)

TEXT = 'Mayor Lin Oduya denied the report. "We never #closed| the port," a port official said.'


def article() -> Article:
    art = Article(raw_text=TEXT, id="a1")
    art.entities = [Entity("e1", "Lin Oduya", "PERSON", [Mention(6, 15, "Lin Oduya")])]
    s = TEXT.index('"We')
    e = TEXT.index(',"') + 2
    art.quotes = [
        Quote(
            "q1",
            23,
            33,
            TEXT[23:33],
            False,
            cue="denied",
            cue_start=16,
            cue_end=22,
            speaker_text="Mayor Lin Oduya",
            speaker_start=0,
            speaker_end=15,
            speaker_entity_id="e1",
            stance="denies",
            event_ids=["ev2"],
            date="2021-01-02",
        ),
        Quote(
            "q2",
            s,
            e,
            TEXT[s:e],
            True,
            cue="said",
            speaker_text="a port official",
            speaker_description="a port official",
        ),
    ]
    return art


def test_gdelt_records() -> None:
    rec = gdelt_quotations(article())
    assert rec[0] == {
        "offset": 23,
        "length": 10,
        "verb": "denied",
        "quote": "the report",
        "speaker": "Lin Oduya",
    }
    assert rec[1]["speaker"] == "a port official"


def test_gdelt_field_escapes_delimiters() -> None:
    field = gdelt_quotations_field(article())
    first, second = field.split("|")
    assert first == "23#10#denied#the report#Lin Oduya"
    assert second.count("#") == 4


def test_claims_rows() -> None:
    rows = claims(article())
    assert all(tuple(r) == CLAIM_COLUMNS for r in rows)
    assert rows[0]["stance"] == "denies"
    assert rows[0]["speaker_type"] == "PERSON"
    assert rows[0]["event_ids"] == ["ev2"]
    assert rows[1]["speaker"] == "a port official"
    assert rows[1]["speaker_type"] is None
    assert len(claims_table([article(), article()])) == 4
