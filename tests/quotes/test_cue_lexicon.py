"""Cue words of stance, belief and official acts added to the lexicon (texts written here)."""

from __future__ import annotations

import pytest

from tests.quotes.test_reported import quotes_of, with_cue

#: Cue words added to the lexicon: (text, cue, speaker, a part of the content).
LEXICON_CUES = [
    (
        "Many farmers feel the new tariff has been forgotten by the capital.",
        "feel",
        "Many farmers",
        "the new tariff has been forgotten",
    ),
    (
        "The ministry released its findings on Tuesday.",
        "released",
        "The ministry",
        "its findings",
    ),
    (
        "The governor compared the strike to a siege.",
        "compared",
        "The governor",
        "the strike to a siege",
    ),
    (
        "The council ignored the warnings of the engineers.",
        "ignored",
        "The council",
        "the warnings of the engineers",
    ),
    (
        "The president nominated a former judge to lead the inquiry.",
        "nominated",
        "The president",
        "a former judge",
    ),
    (
        "The rebels accepted the terms of the ceasefire.",
        "accepted",
        "The rebels",
        "the terms of the ceasefire",
    ),
    (
        "Mary Hall's attacks on the trade deal grew sharper in the spring.",
        "attacks",
        "Mary Hall",
        "the trade deal",
    ),
    (
        "The mayor's critique of the police budget drew applause.",
        "critique",
        "The mayor",
        "the police budget",
    ),
    ("The unions resisted the new pension rules.", "resisted", "The unions", "the new pension rules"),
    ("The opposition insulted the prime minister.", "insulted", "The opposition", "the prime minister"),
    ("Most delegates opted for a secret ballot.", "opted", "Most delegates", "a secret ballot"),
    ("The witness recanted her earlier account.", "recanted", "The witness", "her earlier account"),
    ("The new rules prohibit protests near the parliament.", "prohibit", "The new rules", "protests"),
]


@pytest.mark.parametrize(("text", "cue", "speaker", "content"), LEXICON_CUES)
def test_lexicon_cue_gives_its_speaker_and_content(text: str, cue: str, speaker: str, content: str) -> None:
    _, qs = quotes_of(text)
    q = with_cue(qs, cue)
    assert q.speaker_text == speaker
    assert content in q.text


def test_an_attack_by_fighters_is_an_act_not_words() -> None:
    _, qs = quotes_of("The militants' attack on the border post killed four guards.")
    assert not [q for q in qs if q.cue == "attack"]


def test_attitude_adjectives_of_readiness_and_outspokenness() -> None:
    _, qs = quotes_of("The farmers were leery of the new subsidy scheme.")
    q = with_cue(qs, "leery")
    assert q.speaker_text == "The farmers"
    assert "the new subsidy scheme" in q.text
    _, qs = quotes_of("The governor is interested in a second term.")
    assert with_cue(qs, "interested").speaker_text == "The governor"


def test_headline_names_its_speaker_before_the_hearer() -> None:
    _, qs = quotes_of(
        "Anna Berg To Striking Dockers: We Will Not Give In.\n\nThe mayor spoke on Monday at the port."
    )
    q = with_cue(qs, ":")
    assert q.speaker_text == "Anna Berg"
    assert q.text.startswith("We Will Not Give In")


def test_phrasal_verbs_of_ruling_and_listing_are_cues() -> None:
    _, qs = quotes_of("The high court struck down the new voting law.")
    q = with_cue(qs, "struck down")
    assert q.speaker_text == "The high court"
    assert "the new voting law" in q.text
    _, qs = quotes_of("The minister ticked off a list of grievances against the rebels.")
    assert "a list of grievances" in with_cue(qs, "ticked off").text


def test_fronted_to_a_person_frames_their_view() -> None:
    _, qs = quotes_of("To many farmers in the valley, the new dam is a betrayal.")
    q = with_cue(qs, "To")
    assert q.speaker_text == "many farmers in the valley"
    assert q.text == "the new dam is a betrayal"


def test_fronted_to_a_date_or_for_a_person_is_no_view() -> None:
    _, qs = quotes_of("To date, the ministry has paid nothing. For Smith, the mission is different.")
    assert not [q for q in qs if q.cue in ("To", "For")]


def test_rulings_and_disclosures_are_noun_cues() -> None:
    _, qs = quotes_of("The court's ruling on the land dispute angered both villages.")
    q = with_cue(qs, "ruling")
    assert q.speaker_text == "The court"
    assert q.text == "the land dispute"


def test_a_person_named_by_their_stance_holds_it() -> None:
    _, qs = quotes_of("Omar Haddad, a longtime supporter of the ceasefire, spoke first.")
    q = with_cue(qs, "supporter")
    assert q.speaker_text == "Omar Haddad"
    assert q.text == "the ceasefire"
    _, qs = quotes_of("She is a fierce critic of the new tax.")
    assert with_cue(qs, "critic").text == "the new tax"


def test_a_crowd_of_supporters_reports_no_stance() -> None:
    _, qs = quotes_of("Hundreds of Haddad supporters marched through the old town.")
    assert not [q for q in qs if q.cue == "supporters"]


def test_title_case_headline_verb_read_as_a_name_is_a_cue() -> None:
    _, qs = quotes_of("Mayor Anna Berg Slams Dockers Over Strike.\n\nThe mayor spoke on Monday at the port.")
    q = with_cue(qs, "Slams")
    assert q.speaker_text == "Mayor Anna Berg"
    assert q.text == "Dockers Over Strike"


def test_testimony_is_a_noun_cue() -> None:
    _, qs = quotes_of("The general's testimony on the border raid was brief.")
    q = with_cue(qs, "testimony")
    assert q.speaker_text == "The general"
    assert q.text == "the border raid"


def test_light_verb_phrases_of_stance_are_cues() -> None:
    _, qs = quotes_of("The general took a firm position on the ceasefire.")
    q = with_cue(qs, "took a firm position")
    assert q.speaker_text == "The general"
    assert "the ceasefire" in q.text
    _, qs = quotes_of("The envoy made the point that the border must stay open.")
    assert "the border must stay open" in with_cue(qs, "made the point").text


def test_releasing_people_is_no_report() -> None:
    _, qs = quotes_of("The gunmen released the driver on Friday.")
    assert not [q for q in qs if q.cue == "released"]


def test_releasing_a_detained_figure_is_no_report() -> None:
    _, qs = quotes_of("Troops later released a detained cartel figure.")
    assert not [q for q in qs if q.cue == "released"]
