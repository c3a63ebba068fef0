"""Cue verbs in a sense that reports nothing (tests written for dateline)."""

from __future__ import annotations

from tests.quotes.test_reported import quotes_of, with_cue


def test_accepting_money_reports_nothing() -> None:
    _, qs = quotes_of("The governor has refused to accept donations from oil companies this year.")
    assert not [q for q in qs if q.cue == "accept"]


def test_accepting_a_verdict_still_reports_a_stance() -> None:
    _, qs = quotes_of("The opposition leader accepted the verdict of the electoral commission.")
    assert "the verdict" in with_cue(qs, "accepted").text


def test_releasing_tax_returns_is_a_disclosure_not_a_report() -> None:
    _, qs = quotes_of("The senator released his tax returns on Friday after weeks of pressure.")
    assert not [q for q in qs if q.cue == "released"]


def test_as_phrase_after_a_speaking_verb_gives_the_speakers_role() -> None:
    _, qs = quotes_of("The mayor campaigned as a reformer in the last election.")
    assert not [q for q in qs if q.cue == "campaigned"]


def test_as_phrase_after_a_topic_stays_in_the_topic() -> None:
    _, qs = quotes_of("The minister spoke of the new tax as a burden on farmers.")
    assert "as a burden" in with_cue(qs, "spoke").text


def test_length_and_platforms_are_not_what_was_said() -> None:
    _, qs = quotes_of("The senator talked at length on Twitter last night.")
    assert not [q for q in qs if q.cue == "talked"]


def test_coming_out_on_top_is_a_result_not_a_stance() -> None:
    _, qs = quotes_of("The governor came out on top in the county vote.")
    assert not [q for q in qs if q.cue == "came out"]
