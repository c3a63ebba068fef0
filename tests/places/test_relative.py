from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.places.resolve import relation_before


@pytest.mark.parametrize(
    ("prefix", "relation", "km"),
    [
        ("a bomb went off east of ", "east", None),
        ("about 20 km north of ", "north", 20.0),
        ("10 miles southwest of ", "southwest", 16.1),
        ("a village near ", "near", None),
        ("on the outskirts of ", "outskirts", None),
        ("in the northern part of ", "north", None),
        ("the talks in ", None, None),
    ],
)
def test_relation_before(prefix: str, relation: str | None, km: float | None) -> None:
    text = prefix + "Kabul"
    assert relation_before(text, len(prefix)) == (relation, km)


@given(st.text(max_size=80), st.integers(min_value=0, max_value=80))
def test_relation_before_never_fails(text: str, pos: int) -> None:
    rel, km = relation_before(text, min(pos, len(text)))
    assert rel is None or isinstance(rel, str)
    assert km is None or km >= 0
