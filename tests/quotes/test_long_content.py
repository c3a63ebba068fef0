"""Content spans that must not run on past what was said (texts written here)."""

from __future__ import annotations

from tests.quotes.test_reported import quotes_of, with_cue


def test_clause_of_means_after_the_object_is_not_content() -> None:
    _, qs = quotes_of("The senator dismissed the report by pointing out that its author had resigned.")
    dismissed = with_cue(qs, "dismissed")
    assert dismissed.text == "the report"


def test_clause_of_time_after_the_object_is_not_content() -> None:
    _, qs = quotes_of("The governor endorsed the mayor only after reviewing her record on crime.")
    endorsed = with_cue(qs, "endorsed")
    assert endorsed.text == "the mayor"


def test_finite_verb_conjoined_with_a_gerund_object_is_a_new_predicate() -> None:
    _, qs = quotes_of(
        "She has proposed taxing banks and signaled support for a new registry of lobbyists."
    )
    proposed = with_cue(qs, "proposed")
    assert proposed.text == "taxing banks"


def test_noun_summing_up_the_reported_clause_is_the_writers() -> None:
    _, qs = quotes_of(
        "Cruz complained that the contest had been rigged against him, a charge that party "
        "leaders strongly denied."
    )
    complained = with_cue(qs, "complained")
    assert complained.text == "that the contest had been rigged against him"


def test_quotation_inside_the_speakers_relative_clause_is_not_resumed() -> None:
    text = (
        '"We will rebuild the bridge," said the mayor, who added that the delay was '
        '"a disgrace for the whole city."'
    )
    _, qs = quotes_of(text)
    said = with_cue(qs, "said")
    assert all(end <= text.index(" said") for _, end in said.fragments or [(said.start, said.end)])


def test_noun_describing_the_object_after_a_comma_is_the_writers() -> None:
    _, qs = quotes_of(
        "The minister defended the new tariff, a measure that exporters have fought for years."
    )
    defended = with_cue(qs, "defended")
    assert defended.text == "the new tariff"


def test_report_of_its_own_contrasted_with_an_object_starts_a_new_attribution() -> None:
    _, qs = quotes_of(
        "The senator accused the governor of hiding the audit while his aides insisted the "
        "audit never existed."
    )
    accused = with_cue(qs, "accused")
    assert accused.text == "the governor of hiding the audit"
    assert with_cue(qs, "insisted").parent is None
