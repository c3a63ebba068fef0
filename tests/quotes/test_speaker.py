"""The speaker span: what belongs to the source phrase and what does not (texts written here)."""

from __future__ import annotations

from dateline.quotes.extract import _balance_parens
from tests.quotes.test_reported import quotes_of, with_cue


def test_time_phrase_after_the_speaker_is_left_out() -> None:
    _, qs = quotes_of("The rebel commander on Sunday denied that his men had shelled the town.")
    assert with_cue(qs, "denied").speaker_text == "The rebel commander"


def test_at_the_time_is_left_out() -> None:
    _, qs = quotes_of("The minister at the time said the dam was safe.")
    assert with_cue(qs, "said").speaker_text == "The minister"


def test_adverbial_aside_between_commas_is_left_out() -> None:
    _, qs = quotes_of("The council, only a week later, announced that the market would close.")
    assert with_cue(qs, "announced").speaker_text == "The council"
    _, qs = quotes_of("The general, almost casually, said the war was over.")
    assert with_cue(qs, "said").speaker_text == "The general"


def test_time_clause_between_commas_is_left_out() -> None:
    _, qs = quotes_of("The company, when reached by phone, said it had no comment on the strike.")
    assert with_cue(qs, "said").speaker_text == "The company"


def test_description_between_commas_stays() -> None:
    _, qs = quotes_of(
        "Several aid groups, including the Red Crescent, said the convoy was turned back."
    )
    assert with_cue(qs, "said").speaker_text == "Several aid groups, including the Red Crescent"


def test_a_published_statement_speaks_for_its_publisher() -> None:
    _, qs = quotes_of(
        "The opposition party released a video that accuses the minister of lying about the budget."
    )
    assert with_cue(qs, "accuses").speaker_text == "The opposition party"


def test_other_relative_that_stays_the_speaker() -> None:
    _, qs = quotes_of("The group runs a clinic that says it treats hundreds of patients a week.")
    assert with_cue(qs, "says").speaker_text == "that"


def test_the_one_asked_is_not_the_asker() -> None:
    _, qs = quotes_of(
        '"We have done nothing wrong," the mayor said, asked about the audit in an interview.'
    )
    assert with_cue(qs, "said").speaker_text == "the mayor"
    assert with_cue(qs, "asked").speaker_text is None
    _, qs = quotes_of('Asked what a deal might look like, she said: "We will see."')
    assert with_cue(qs, "Asked").speaker_text is None
    assert with_cue(qs, "said").speaker_text == "she"


def test_a_name_the_parser_split_into_two_subjects_is_taken_whole() -> None:
    _, qs = quotes_of("Local news affiliate KXT 9 is reporting that the bridge has collapsed.")
    assert with_cue(qs, "reporting").speaker_text == "Local news affiliate KXT 9"


def test_a_participle_after_a_second_subject_speaks_for_it() -> None:
    _, qs = quotes_of(
        "Residents say the curfew is too strict, and the human rights commission has already "
        "sued the city over the rules, saying they violate the constitution."
    )
    assert with_cue(qs, "say").speaker_text == "Residents"
    assert with_cue(qs, "saying").speaker_text == "the human rights commission"


def test_a_statement_set_before_the_clause_speaks_for_itself() -> None:
    _, qs = quotes_of("In a statement announcing the strike, the union called the offer an insult.")
    assert with_cue(qs, "announcing").speaker_text == "a statement"
    assert with_cue(qs, "called").speaker_text == "the union"
    _, qs = quotes_of(
        "In her speech praising the volunteers, the governor said the flood was the worst in memory."
    )
    assert with_cue(qs, "praising").speaker_text == "her"


def test_a_statement_issued_by_the_subject_speaks_for_it() -> None:
    _, qs = quotes_of("The ministry issued a statement saying the talks had failed.")
    assert with_cue(qs, "saying").speaker_text == "The ministry"


def test_a_bracket_left_open_by_the_speaker_span_is_closed_or_cut() -> None:
    text = "Sen. Jane Doe (I-Vt.) said it. Exit polls (a wide margin) show it."
    end = text.index(".)")
    assert text[slice(*_balance_parens(text, 0, end))] == "Sen. Jane Doe (I-Vt.)"
    start = text.index("Exit")
    end = text.index(" margin")
    assert text[slice(*_balance_parens(text, start, end))] == "Exit polls"
    assert _balance_parens(text, 0, 13) == (0, 13)
