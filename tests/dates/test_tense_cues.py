"""Tense cues and year choice: sentences written for these tests, not taken from any corpus."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.dates.tagger import CueTense, Timex, tag

DCT = dt.date(2021, 3, 10)  # a Wednesday


def _value(text: str, expr: str, dct: dt.date = DCT) -> str:
    hits: list[Timex] = [t for t in tag(text, dct) if t.text == expr]
    assert hits, f"{expr!r} not tagged in {text!r}: {[t.text for t in tag(text, dct)]}"
    return hits[0].value


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # A capitalised word ending in -ed is a name, not a past-tense verb.
        ("The minister would be flying to the United Kingdom Friday with two aides.",
         "Friday", "2021-03-12"),
        # "next to" is a place, not a future cue.
        ("Two shops were damaged next to the town hall on Monday.", "Monday", "2021-03-08"),
        # A past perfect turns "by" and "until" back into the past.
        ("The clerks had counted most ballots by Monday, officials said.", "Monday",
         "2021-03-08"),
        ("Until Tuesday, the council had not named a new chair.", "Tuesday", "2021-03-09"),
        # Without it, "by" still looks ahead.
        ("The clerks must count the ballots by Friday.", "Friday", "2021-03-12"),
        # A plan made in the past ("had been due to") dates a past day.
        ("The permit had been due to lapse Monday evening but was renewed.",
         "Monday evening", "2021-03-08TEV"),
    ],
)
def test_weekday_tense(text: str, expr: str, value: str) -> None:
    assert _value(text, expr) == value


def test_capitalised_ed_word_is_no_cue() -> None:
    text = "He is going to the United Nations."
    start = text.index("United")
    assert CueTense(text)(start, start + 6) in (None, "present", "future")


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # A month and day far from the DCT either way: the clause's tense picks the year.
        ("The courier was robbed on Sept. 3 near the port.", "Sept. 3", "2020-09-03"),
        ("The new terminal will open on Sept. 3, the operator says.", "Sept. 3", "2021-09-03"),
        # Near the DCT the nearest reading wins whatever the tense.
        ("The board met on March 2.", "March 2", "2021-03-02"),
        ("The board will meet on March 20.", "March 20", "2021-03-20"),
    ],
)
def test_year_of_month_day(text: str, expr: str, value: str) -> None:
    assert _value(text, expr) == value
