"""The locale of a report (whose local press it reads like) and how it settles homonyms."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.model import Place
from dateline.places import resolve_spans
from dateline.places.gazetteer import Gazetteer
from dateline.places.resolve import locale


def test_cues_point_to_their_countries() -> None:
    us = locale("The councilman told the school board that the sheriff would attend.")
    assert max(us, key=lambda cc: us[cc]) == "US"
    ie = locale("Gardaí were called and a local TD said the HSE must act.")
    assert max(ie, key=lambda cc: ie[cc]) == "IE"
    assert locale("Officials met on Tuesday.") == {}


def test_case_matters_for_capitalised_cues() -> None:
    assert "GB" in locale("The MP for the town spoke.")
    assert locale("He drove at 60 mp until dusk.") == {}


def test_few_cues_weigh_less_than_many() -> None:
    one = locale("The councilman spoke.")
    three = locale("The councilman spoke to the sheriff about the township.")
    assert 0 < one["US"] < three["US"] <= 1.0


@given(st.text(max_size=200))
def test_shares_are_fractions(text: str) -> None:
    shares = locale(text)
    assert all(0.0 < v <= 1.0 for v in shares.values())
    assert sum(shares.values()) <= 1.0 + 1e-9


def _first(text: str, name: str) -> str | None:
    start = text.index(name)
    return resolve_spans(text, [(start, start + len(name))])[0].country_code


def test_a_municipality_takes_the_country_of_its_press(gaz: Gazetteer) -> None:
    us = ("Dublin council members voted on Monday; Councilman Reed and the city manager said "
          "the sheriff's budget and the school district levy come next.")
    ie = ("Dublin council members voted on Monday; a local TD and Gardaí said the HSE "
          "budget comes next.")
    assert _first(us, "Dublin") == "US"
    assert _first(ie, "Dublin") == "IE"


def test_a_country_name_stays_the_country_in_any_press(gaz: Gazetteer) -> None:
    def lebanon(text: str) -> Place:
        start = text.index("Lebanon")
        return resolve_spans(text, [(start, start + len("Lebanon"))])[0]

    plain = lebanon("Officials said that Lebanon had reported new cases on Tuesday.")
    local = lebanon("The councilman told the sheriff at 5 p.m. that Lebanon had reported new cases, "
                    "and the school board met at 1200 Main St. on Tuesday.")
    # The US towns named Lebanon gain nothing from the report's American locale.
    assert local.country_code == plain.country_code == "LB"
    assert local.score == plain.score

