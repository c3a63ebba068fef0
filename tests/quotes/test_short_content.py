"""Content spans that used to stop short of what the cue reports (texts written here)."""

from __future__ import annotations

from tests.quotes.test_reported import quotes_of, with_cue


def test_as_phrase_naming_a_race_completes_the_object() -> None:
    _, qs = quotes_of("The senator cast the runoff as a two-man race between him and the mayor.")
    cast = with_cue(qs, "cast")
    assert cast.text == "the runoff as a two-man race between him and the mayor"


def test_infinitive_after_a_prepositional_object_completes_it() -> None:
    _, qs = quotes_of("The governor calls for $2 billion in new bonds to repair bridges and build schools.")
    calls = with_cue(qs, "calls")
    assert calls.text == "$2 billion in new bonds to repair bridges and build schools"


def test_that_clause_of_an_as_phrase_stays_with_the_object() -> None:
    _, qs = quotes_of(
        "The senator touted his A rating from the farm lobby as proof that he is a friend of rural voters."
    )
    touted = with_cue(qs, "touted")
    assert touted.text == "his A rating from the farm lobby as proof that he is a friend of rural voters"


def test_list_items_hung_on_the_speaker_stay_in_the_content() -> None:
    _, qs = quotes_of(
        "The governor spoke of the anger in the valley, the lack of jobs for farmers and the collapse of the banks."
    )
    spoke = with_cue(qs, "spoke")
    assert spoke.text == "the anger in the valley, the lack of jobs for farmers and the collapse of the banks"


def test_wh_clause_coordinated_with_the_topic_stays_in_the_content() -> None:
    _, qs = quotes_of("After the vote he pivoted to talking trade and how he would fix it as president.")
    talking = with_cue(qs, "talking")
    assert talking.text == "trade and how he would fix it as president"


def test_predicate_after_an_aside_closing_the_subject_joins_it() -> None:
    _, qs = quotes_of(
        "The endorsement was one the campaign had long sought because they are hoping a nod from the mayor, "
        "who is popular with young voters, will help convince skeptics to vote."
    )
    hoping = with_cue(qs, "hoping")
    assert hoping.text.startswith("a nod from the mayor")
    assert hoping.text.endswith("will help convince skeptics to vote")


def test_content_runs_on_past_a_colon_that_spells_it_out() -> None:
    _, qs = quotes_of("Critics have said the plan fails for one reason: The bridge costs too much.")
    said = with_cue(qs, "said")
    assert said.text == "the plan fails for one reason: The bridge costs too much."


def test_noun_cue_content_runs_on_past_a_colon() -> None:
    # The colon spells out the noun's content: what the warning says, not only what it is about.
    _, qs = quotes_of("The mayor's warning about the storm: residents should leave the coast tonight.")
    assert with_cue(qs, "warning").text == "the storm: residents should leave the coast tonight."
