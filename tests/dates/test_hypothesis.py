"""Property tests: normalisation never crashes and always writes valid TIMEX3 values."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from dateline.dates.tagger import tag

_DATE = (r"(?:\d{4}|X{4}|\d{2,3}|X{2,3})(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?"
         r"|-W(?:\d{2}|XX)(?:-(?:\d|WE))?|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI|DT|MI))?")
_DURATION = r"P(?=.)(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q))*(?:T(?=.)(?:(?:\d+(?:\.\d+)?|X)[HMS])*)?"
TIMEX3_VALUE = re.compile(rf"^(?:{_DATE}|{_DURATION}|PRESENT_REF|PAST_REF|FUTURE_REF)$")

WORDS = ["late", "early", "mid-", "on", "Saturday", "Sunday", "afternoon", "night", "in", "May",
         "December", "2018", "Sept.", "11", ",", "2001", "last", "next", "this", "week", "month",
         "year", "quarter", "third", "two", "a", "days", "ago", "later", "earlier", "the",
         "1990s", "10:30", "a.m.", "noon", "every", "daily", "more", "than", "about", "half",
         "an", "hour", "and", "today", "yesterday", "tonight", "1/2", "5", "decades", "summer",
         "fiscal", "1989", "year-earlier", "period", "twenty-four", "hours", "31", "Feb.", "29",
         "30", "century", "21st", "0", "9999", "since", "now", "the", "weekend", "'80s",
         "nineteen", "ninety-four", "two", "thousand", "nineties", "Tuesday", "nights", "of",
         "corresponding", "or", "so", "had", "by", "until", "that", "same", "over", "years",
         "Election", "Day", "compared", "with", "$5", "morning", "4"]


@example("last century and the 1990s", None)
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.dates()))
def test_arbitrary_text_never_crashes(text: str, dct: dt.date | None) -> None:
    for t in tag(text, dct):
        assert text[t.start:t.end] == t.text
        assert TIMEX3_VALUE.match(t.value), t


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14),
       st.one_of(st.none(), st.dates(min_value=dt.date(1, 2, 1), max_value=dt.date(9998, 11, 30))))
def test_temporal_word_salad_gives_valid_values(words: list[str], dct: dt.date | None) -> None:
    text = " ".join(words)
    previous_end = 0
    for t in tag(text, dct):
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert TIMEX3_VALUE.match(t.value), t
        assert text[t.start:t.end] == t.text and t.start >= previous_end
        previous_end = t.end
