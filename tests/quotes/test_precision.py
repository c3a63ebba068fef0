"""Cue words used in a sense that reports nothing (texts written here)."""

from __future__ import annotations

from tests.quotes.test_reported import quotes_of, with_cue


def test_added_with_an_object_is_no_report() -> None:
    _, qs = quotes_of("The army added two brigades to the northern front last month.")
    assert not [q for q in qs if q.cue == "added"]


def test_assumed_office_and_worries_investors_are_no_reports() -> None:
    _, qs = quotes_of(
        "The new governor assumed office in March. The blockade worries investors in the port."
    )
    assert not [q for q in qs if q.cue in ("assumed", "worries")]


def test_added_with_a_clause_still_reports() -> None:
    _, qs = quotes_of("The commander added that the convoy had reached the border.")
    added = with_cue(qs, "added")
    assert added.text == "that the convoy had reached the border"
    assert added.speaker_text == "The commander"


def test_figures_to_is_a_forecast_but_figures_that_reports_a_view() -> None:
    _, qs = quotes_of("The governor figures to win the northern districts easily.")
    assert not [q for q in qs if q.cue == "figures"]
    _, qs = quotes_of("The governor figures that the northern districts will back him.")
    figures = with_cue(qs, "figures")
    assert figures.text == "that the northern districts will back him"

