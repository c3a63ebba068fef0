"""Expression classes added to the tagger, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.dates.tagger import Timex, spelled_year, tag

DCT = dt.date(2003, 6, 18)  # a Wednesday


def _only(text: str, dct: dt.date | None = DCT) -> Timex:
    found = tag(text, dct)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


@pytest.mark.parametrize(
    ("words", "year"),
    [
        ("nineteen ninety-four", 1994),
        ("nineteen eighty", 1980),
        ("twenty twelve", 2012),
        ("two thousand", 2000),
        ("two thousand and three", 2003),
        ("two thousand eleven", 2011),
        ("nineteen", None),
        ("two thousand hundred", None),
        ("three thousand", None),
    ],
)
def test_spelled_year(words: str, year: int | None) -> None:
    assert spelled_year(words) == year


@pytest.mark.parametrize(
    ("text", "extent", "type_", "value"),
    [
        ("Floods hit the valley in March nineteen ninety-six.", "March nineteen ninety-six",
         "DATE", "1996-03"),
        ("Snow closed the pass in the spring of nineteen eighty-two.",
         "spring of nineteen eighty-two", "DATE", "1982-SP"),
        ("The plan aims to halve waste by the year two thousand and ten.",
         "the year two thousand and ten", "DATE", "2010"),
        # An hour with "in the morning" and no a.m.
        ("The ferry sails at 5 in the morning, the captain says.", "5 in the morning", "TIME",
         "2003-06-18T05:00"),
        ("The shift ends at 11:30 at night.", "11:30 at night", "TIME", "2003-06-18T23:30"),
        # "or so" inside a relative expression.
        ("The well ran dry a month or so ago.", "a month or so ago", "DATE", "2003-05"),
        # A part of day followed by the day it belongs to.
        ("Shares slipped in early afternoon yesterday.", "early afternoon yesterday", "TIME",
         "2003-06-17TAF"),
        ("The crowd gathered late evening Monday.", "late evening Monday", "TIME",
         "2003-06-16TEV"),
        # The week holding a date.
        ("The hearing is set for the week of July 14.", "the week of July 14", "DATE",
         "2003-W29"),
        # A month with "this/last/next year" after it is one expression.
        ("The dam opened in April last year.", "April last year", "DATE", "2002-04"),
        ("Talks resume in February next year.", "February next year", "DATE", "2004-02"),
    ],
)
def test_expression(text: str, extent: str, type_: str, value: str) -> None:
    t = _only(text)
    assert (t.text, t.type, t.value) == (extent, type_, value)
    assert text[t.start:t.end] == t.text


def test_two_thousand_alone_is_a_number() -> None:
    assert tag("Some two thousand people marched.", DCT) == []


def test_set_a_date_ahead() -> None:
    # "set" before a date names a deadline, not a past event.
    t = _only("The union has set June 30 as the deadline for an offer.")
    assert t.value == "2003-06-30"


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("Four days later, the strike ended.", "Four days", "P4D"),
        ("An hour earlier, the gates had closed.", "An hour", "PT1H"),
        ("A few weeks later, the mill reopened.", "A few weeks", "PXW"),
    ],
)
def test_later_earlier_small_units_are_durations(text: str, extent: str, value: str) -> None:
    # TimeML reads "later"/"earlier" as a signal: the expression is the duration itself.
    t = _only(text)
    assert (t.text, t.type, t.value) == (extent, "DURATION", value)


def test_ago_and_year_earlier_stay_dates() -> None:
    assert _only("The mine shut two weeks ago.").value == "2003-W23"
    assert _only("Output was higher a year earlier.").value == "2002"


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("Profit rose in the second quarter, against a loss in the quarter a year ago.",
         "the quarter a year ago", "2002-Q2"),
        ("Sales rose in the second quarter, up from $4 million in the same period last year.",
         "the same period last year", "2002-Q2"),
        ("Sales fell in the first quarter last year.", "the first quarter last year",
         "2002-Q1"),
        ("Revenue was flat in the fourth quarter of the previous year.",
         "the fourth quarter of the previous year", "2002-Q4"),
    ],
)
def test_period_a_year_back(text: str, extent: str, value: str) -> None:
    t = tag(text, DCT)[-1]
    assert (t.text, t.value) == (extent, value)


def test_quarter_end_date_keeps_the_quarter_in_view() -> None:
    text = ("Net income rose in the quarter ended March 31. It had earned $2 million in the "
            "year-ago quarter.")
    last = tag(text, DCT)[-1]
    assert (last.text, last.value) == ("the year-ago quarter", "2002-Q1")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Crime fell through the nineties.", "199"),
        ("Rents doubled in the nineteen-seventies.", "197"),
        ("Cars got bigger in the twenty-twenties.", "202"),
    ],
)
def test_decades_in_words(text: str, value: str) -> None:
    assert _only(text).value == value


def test_decade_word_needs_the() -> None:
    assert tag("A man in his forties was hurt.", DCT) == []


def test_irregular_past_verb_is_a_past_cue() -> None:
    # "brought" (not an -ed form) is the verb nearest the day, so the clause is past and
    # Friday is the one before the DCT (the present "is" alone would point ahead).
    t = _only("The coach who is retiring brought the team home Friday.")
    assert t.value == "2003-06-13"


def test_overnight_does_not_move_the_reference() -> None:
    text = ("Shares closed lower on Friday. Losses overnight in Asia weighed on them. The index "
            "was down 2% from the previous Friday.")
    assert tag(text, DCT)[-1].value == "2003-06-06"


@pytest.mark.parametrize(
    "text",
    [
        "Protesters joined this march for the third year.",
        'He told ABC\'s "This Week" that talks would go on.',
    ],
)
def test_not_temporal(text: str) -> None:
    assert tag(text, DCT) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The river has moved east over the years.", [("the years", "PXY")]),
        ("In the early decades, the town grew fast.", [("the early decades", "PXY")]),
        ("Prices rose in the years before the war.", []),
        ("He recalled the years of his youth.", []),
    ],
)
def test_unspecified_stretch_of_years(text: str, found: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text, DCT)] == found


@pytest.mark.parametrize(
    ("dct", "value"),
    [
        (dt.date(2004, 10, 1), "2004-11-02"),  # 1 November 2004 was a Monday
        (dt.date(2010, 10, 1), "2010-11-02"),  # 1 November 2010 was a Monday too
        (dt.date(2008, 10, 1), "2008-11-04"),  # 1 November 2008 was a Saturday
    ],
)
def test_election_day(dct: dt.date, value: str) -> None:
    # The Tuesday after the first Monday of November.
    t = _only("Volunteers will knock on doors until Election Day.", dct)
    assert t.value == value


def test_figures_compared_a_year_earlier_count_from_now() -> None:
    text = ("The firm lost $2 million a year ago. Sales were $40 million, compared with "
            "$38.5 million a year earlier.")
    last = tag(text, DCT)[-1]
    assert (last.text, last.value) == ("a year earlier", "2002")


def test_a_year_earlier_after_a_past_year_chains() -> None:
    text = "The dam was finished in 1990. A year earlier, the valley was flooded."
    assert tag(text, DCT)[-1].value == "1989"


def test_that_day_after_a_month() -> None:
    text = "The mill burned down last October. Its owner sold the land that same day."
    last = tag(text, DCT)[-1]
    assert (last.text, last.value) == ("that same day", "2002-10-XX")


def test_rate_is_not_a_duration() -> None:
    assert tag("The fee is $5 a year.", DCT) == []


def test_nine_month_results_end_the_quarter_context() -> None:
    text = ("Net rose in the second quarter. For the first nine months, net was $9 million, "
            "compared with $7 million a year earlier.")
    last = tag(text, DCT)[-1]
    assert (last.text, last.value) == ("a year earlier", "2002")


def test_a_years_period_without_quarter_context_is_the_year() -> None:
    t = _only("Sales were flat compared with the 1999 period.")
    assert (t.text, t.value) == ("the 1999 period", "1999")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The market opens on Saturday mornings.", [("Saturday mornings", "SET", "XXXX-WXX-6TMO")]),
        ("Buses run on Friday and Saturday nights.",
         [("Friday", "SET", "XXXX-WXX-5TNI"), ("Saturday nights", "SET", "XXXX-WXX-6TNI")]),
        ("He came on Friday and Saturday.",
         [("Friday", "DATE", "2003-06-13"), ("Saturday", "DATE", "2003-06-14")]),
    ],
)
def test_weekday_with_plural_part_of_day_is_a_set(text: str,
                                                   found: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in tag(text, DCT)] == found


def test_planning_for_looks_ahead() -> None:
    # A month four months ahead is meant when the clause plans for it.
    t = _only("Officials are planning for a summit in October.", dt.date(2003, 6, 18))
    assert t.value == "2003-10"


def test_a_year_earlier_in_a_story_still_chains() -> None:
    # "from Paris" is no comparison of figures: the year before the last one named.
    text = "The dam was finished in 1990. He had moved there from Paris a year earlier."
    assert tag(text, DCT)[-1].value == "1989"
