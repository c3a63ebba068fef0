"""The count/number parser: digits, written numbers, qualifiers, ranges and vague quantities."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.events.numbers import Number, parse_number, to_words


@given(st.integers(min_value=0, max_value=999_999))
def test_written_numbers_round_trip(n: int) -> None:
    parsed = parse_number(to_words(n))
    assert parsed is not None
    assert parsed.value == n
    assert not parsed.vague


@given(st.integers(min_value=0, max_value=10_000_000))
def test_digits_with_thousands_separators(n: int) -> None:
    parsed = parse_number(f"{n:,}")
    assert parsed == Number(n)


@given(
    st.integers(min_value=1, max_value=5000),
    st.sampled_from([("at least", "at least"), ("more than", "more than"), ("over", "more than"),
                     ("up to", "up to"), ("about", "about"), ("nearly", "up to")]),
)
def test_qualifiers_are_kept_and_the_number_is_unchanged(n: int, qual: tuple[str, str]) -> None:
    parsed = parse_number(f"{qual[0]} {n}")
    assert parsed is not None
    assert parsed.value == n
    assert parsed.qualifier == qual[1]


@given(st.integers(min_value=1, max_value=500), st.integers(min_value=1, max_value=500))
def test_ranges_keep_the_conservative_lower_bound(a: int, b: int) -> None:
    low, high = min(a, b), max(a, b)
    for text in (f"{low} to {high}", f"between {low} and {high}", f"{low}-{high}"):
        parsed = parse_number(text)
        assert parsed is not None
        assert parsed.value == low
        assert parsed.qualifier == "range"


@pytest.mark.parametrize(
    ("text", "value"),
    [("dozens", 12), ("scores of", 20), ("hundreds", 100), ("tens", 10), ("several", 10),
     ("a number of", 10), ("an unknown number of", 3)],
)
def test_vague_quantities_follow_the_acled_conventions(text: str, value: int) -> None:
    parsed = parse_number(text)
    assert parsed == Number(value, None, True)


@pytest.mark.parametrize(
    ("text", "value"),
    [("nine", 9), ("Nine", 9), ("twenty-one", 21), ("a dozen", 12), ("two dozen", 24),
     ("three hundred and five", 305), ("1.5 million", 1_500_000), ("no", 0)],
)
def test_written_forms(text: str, value: int) -> None:
    parsed = parse_number(text)
    assert parsed is not None
    assert parsed.value == value


@pytest.mark.parametrize("text", ["", "the", "people", "a", "killed"])
def test_non_numbers_give_none(text: str) -> None:
    assert parse_number(text) is None
