"""Day-first numeric and hyphenated dates, as agency and NGO reports write them."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.dates.tagger import tag


def _values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dt.date(2019, 6, 1))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shops shut on 27 05 2019 after the strike.", [("27 05 2019", "2019-05-27")]),
        ("Shops shut on 27.05.2019 after the strike.", [("27.05.2019", "2019-05-27")]),
        ("Shops shut on 17-May-2019 after the strike.", [("17-May-2019", "2019-05-17")]),
        ("Shops shut on 3-Apr-2019 after the strike.", [("3-Apr-2019", "2019-04-03")]),
    ],
)
def test_day_first_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The score was 31 13 2019 in the final.",  # no thirteenth month
        "Codes 5 05 2019 and 12 5 2019 are not dates.",  # one-digit fields are too ambiguous
    ],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert not [v for _, v in _values(text) if v.startswith("2019-")]
