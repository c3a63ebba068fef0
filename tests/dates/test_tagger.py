"""Unit tests of the temporal tagger on texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.dates.calendar import Point
from dateline.dates.tagger import Timex, duration_value, tag

DCT = dt.date(2020, 10, 25)  # a Sunday

SEED = (
    "KABUL - A bomb went off late on Saturday outside a school, officials said on Sunday "
    "afternoon. The group was set up in December 2018; its founder had fought since the "
    "Sept. 11, 2001 attacks and the invasion in late 2001."
)


def _find(found: list[Timex], text: str) -> Timex:
    hits = [t for t in found if t.text == text]
    assert hits, f"{text!r} not tagged; got {[t.text for t in found]}"
    return hits[0]


def _one(text: str, dct: dt.date | None = DCT) -> Timex:
    found = tag(text, dct)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def test_seed_expressions() -> None:
    found = tag(SEED, DCT)
    late = _find(found, "late on Saturday")
    assert (late.type, late.value, late.mod) == ("DATE", "2020-10-24", "END")
    sunday = _find(found, "Sunday afternoon")
    assert (sunday.type, sunday.value) == ("TIME", "2020-10-25TAF")
    assert _find(found, "December 2018").value == "2018-12"
    assert _find(found, "Sept. 11, 2001").value == "2001-09-11"
    late2001 = _find(found, "late 2001")
    assert (late2001.value, late2001.mod) == ("2001", "END")
    for t in found:
        assert SEED[t.start:t.end] == t.text


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("The talks ended yesterday.", "DATE", "2020-10-24"),
        ("They will meet tomorrow.", "DATE", "2020-10-26"),
        ("He spoke today.", "DATE", "2020-10-25"),
        ("The rally is planned for tonight.", "TIME", "2020-10-25TNI"),
        ("Fighting broke out last night.", "TIME", "2020-10-24TNI"),
        ("The vote was held on Wednesday.", "DATE", "2020-10-21"),
        ("The vote will be held on Wednesday.", "DATE", "2020-10-28"),
        ("It happened last Friday.", "DATE", "2020-10-23"),
        ("Prices fell last week.", "DATE", "2020-W42"),
        ("Sales rose this week.", "DATE", "2020-W43"),
        ("Prices fell last month.", "DATE", "2020-09"),
        ("Elections are due next year.", "DATE", "2021"),
        ("He was elected in 1998.", "DATE", "1998"),
        ("The war ended in 1945 .", "DATE", "1945"),
        ("It began in March 2003.", "DATE", "2003-03"),
        ("It began on 20 March 2003.", "DATE", "2003-03-20"),
        ("The deal was signed on 2019-04-05.", "DATE", "2019-04-05"),
        ("The attack was two weeks ago.", "DATE", "2020-W41"),
        ("The attack happened three days ago.", "DATE", "2020-10-22"),
        ("He left five years ago.", "DATE", "2015"),
        ("Profit rose in the third quarter.", "DATE", "2020-Q3"),
        ("The mood changed in the 1990s.", "DATE", "199"),
        ("It was built in the 19th century.", "DATE", "18"),
        ("He travelled there last summer.", "DATE", "2020-SU"),
        ("The plant shut at 10:30 a.m.", "TIME", "2020-10-25T10:30"),
        ("The plant shut at noon.", "TIME", "2020-10-25T12:00"),
        ("Prices were higher then, but now they fall.", "DATE", "PRESENT_REF"),
        ("The strike lasted two days.", "DURATION", "P2D"),
        ("The siege lasted 16 hours.", "DURATION", "PT16H"),
        ("It was a two-year project.", "DURATION", "P2Y"),
        ("They waited half an hour.", "DURATION", "PT30M"),
        ("They had lived there for decades.", "DURATION", "PXY"),
        ("The sentence was 5 1/2 years.", "DURATION", "P5Y6M"),
        ("The board meets weekly.", "SET", "P1W"),
        ("The market opens every Monday.", "SET", "XXXX-WXX-1"),
        ("The paper is printed twice a year.", "SET", "P1Y"),
        ("Crowds gathered on Christmas Day.", "DATE", "2019-12-25"),
        ("Turnout fell in nineteen ninety-six.", "DATE", "1996"),
    ],
)
def test_expression_values(text: str, type_: str, value: str) -> None:
    t = _one(text)
    assert (t.type, t.value) == (type_, value), t
    assert text[t.start:t.end] == t.text


@pytest.mark.parametrize(
    ("text", "mod"),
    [
        ("Talks stalled in early 2019.", "START"),
        ("Talks stalled in mid-2019.", "MID"),
        ("Talks stalled at the end of 2019.", "END"),
        ("The siege lasted more than four hours.", "MORE_THAN"),
        ("The siege lasted at least 72 hours.", "EQUAL_OR_MORE"),
    ],
)
def test_modifiers(text: str, mod: str) -> None:
    assert _one(text).mod == mod


def test_reference_time_moves_with_the_text() -> None:
    text = "The ceasefire began on March 3, 2015. Two days later it collapsed. The next day, " \
        "talks resumed."
    found = tag(text, DCT)
    # TIMEX3 marks the duration; the day it leads to is its point and the new reference.
    later = _find(found, "Two days")
    assert (later.type, later.value) == ("DURATION", "P2D")
    assert later.point == Point.of("D", dt.date(2015, 3, 5))
    assert _find(found, "The next day").value == "2015-03-06"
    text = "Sales rose in the third quarter. A year earlier they fell."
    assert _find(tag(text, DCT), "A year earlier").value == "2019-Q3"


def test_the_next_day_follows_the_last_date() -> None:
    text = "He was arrested on July 4, 2010. He was freed the next day."
    assert _find(tag(text, DCT), "the next day").value == "2010-07-05"


def test_the_night_before_and_an_event_anchored_day() -> None:
    text = "The summit opened on May 3, 2019; the night before, police sealed the area."
    assert _find(tag(text, DCT), "the night before").value == "2019-05-02TNI"
    assert tag("He resigned the day after the vote.", DCT) == []


def test_weekday_matching_the_dct_is_the_dct() -> None:
    assert _one("Officials said Sunday.").value == "2020-10-25"


def test_weekday_fixes_the_year_of_a_month_day() -> None:
    # 26 October was a Monday in 2020, a Saturday in 2019.
    assert _one("The editorial ran on Monday, Oct. 26.").value == "2020-10-26"


def test_no_dct_leaves_relative_expressions_unanchored() -> None:
    found = tag("The raid took place on Saturday, two weeks ago.", None)
    assert [t.value for t in found] == ["XXXX-WXX-6", "XXXX-WXX"]
    assert not any(t.anchored for t in found)
    absolute = _one("The raid took place on 4 May 2019.", None)
    assert absolute.anchored and absolute.value == "2019-05-04"


def test_ambiguous_words_are_not_dates() -> None:
    assert tag("They may march to the square.", DCT) == []
    assert tag("He paid $1998 for a quarterly subscription.", DCT) == []
    assert tag("I don't know what happened.", DCT) == []
    assert tag("A 6-year-old girl was hurt.", DCT) == []


@pytest.mark.parametrize(
    ("n", "unit", "value"),
    [(2, "Y", "P2Y"), (1.5, "H", "PT1H30M"), (3, "DE", "P30Y"), (None, "M", "PXM"),
     (None, "MIN", "PTXM"), (2.5, "Y", "P2Y6M"), (0.5, "D", "PT12H")],
)
def test_duration_value(n: float | None, unit: str, value: str) -> None:
    assert duration_value(n, unit) == value


def test_point_values_and_spans() -> None:
    p = Point.of("W", dt.date(2020, 10, 25))
    assert p.value() == "2020-W43"
    assert p.span() == (dt.date(2020, 10, 19), dt.date(2020, 10, 25))
    q = Point.of("Q", dt.date(2020, 10, 25))
    assert q.value() == "2020-Q4" and q.shift(-1, "Y").value() == "2019-Q4"
    s = Point.of("S", dt.date(2020, 1, 1), "WI")
    assert s.span() == (dt.date(2020, 12, 1), dt.date(2021, 2, 28))
