"""Recognition on texts written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.model import Article
from dateline.nlp import load_model
from dateline.places.gazetteer import Gazetteer
from dateline.places.recognize import Recognizer, demonyms
from dateline.places.resolve import Mention, Resolver


@pytest.fixture(scope="module")
def recognizer(gaz: Gazetteer) -> Recognizer:
    return Recognizer(gaz)


def texts(recognizer: Recognizer, text: str) -> list[str]:
    return [m.text for m in recognizer.recognize(load_model()(text))]


def test_demonym_table_has_plurals() -> None:
    dem = demonyms()
    assert dem["afghan"] == "AF" and dem["afghans"] == "AF"
    assert dem["russian"] == "RU"


def test_regular_demonyms_of_divisions(gaz: Gazetteer) -> None:
    r = Resolver(gaz)
    names = {c.entry.name for c in r.demonym_candidates("Minnesotans")}
    assert "Minnesota" in names
    assert r.demonym_candidates("Tuesday") == []


def test_feature_word_joins_the_span(recognizer: Recognizer) -> None:
    found = texts(recognizer, "Fighting was reported in Kandahar province on Monday.")
    assert "Kandahar province" in found


def test_wire_dateline_in_capitals(recognizer: Recognizer) -> None:
    found = texts(recognizer, "NAIROBI - Heavy rain flooded several roads, police said.")
    assert "NAIROBI" in found


def test_repeats_of_a_place_name_are_kept(recognizer: Recognizer) -> None:
    text = (
        "Storms hit Tulsa, Oklahoma, on Sunday. Tulsa officials opened shelters, and "
        "Tulsa schools stayed closed."
    )
    found = recognizer.recognize(load_model()(text))
    tulsa = [m for m in found if m.text == "Tulsa"]
    assert len(tulsa) == 3


def test_surname_is_not_a_place(recognizer: Recognizer) -> None:
    text = (
        "Coach Mark Houston praised the team. \"We were ready,\" said Houston after the "
        "game in Dallas."
    )
    found = texts(recognizer, text)
    assert "Dallas" in found
    assert "Houston" not in found


def test_every_mention_matches_its_offsets(recognizer: Recognizer) -> None:
    text = "Officials in Kabul and Herat, Afghanistan, met envoys from Pakistan's capital."
    doc = load_model()(text)
    for m in recognizer.recognize(doc):
        assert text[m.start : m.end] == m.text
    mentions = recognizer.recognize(doc)
    assert {"Kabul", "Herat", "Afghanistan"} <= {m.text for m in mentions}


def test_article_without_doc_is_parsed(gaz: Gazetteer) -> None:
    from dateline.places import stage

    (art,) = list(stage([Article(raw_text="Protesters gathered in Lagos, Nigeria.")]))
    assert {p.text for p in art.places} >= {"Lagos", "Nigeria"}


def test_mention_defaults() -> None:
    m = Mention(0, 5, "Kabul")
    assert m.query == "Kabul" and m.relation is None


WORDS = ["Kabul", "the", "police", "in", "Herat", ",", "said", "near", "Ohio", "W.Va.",
         "Afghan", "province", "district", "Springfield", "on", "Monday", ".", "Dayton", "of"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_places_always_match_their_offsets(gaz: Gazetteer, words: list[str]) -> None:
    from dateline.places import stage

    text = " ".join(words)
    (art,) = list(stage([Article(raw_text=text)]))
    for p in art.places:
        assert text[p.start : p.end] == p.text
        assert p.resolved == (p.lat is not None)
        assert p.precision in (None, 1, 2, 3)


def test_name_used_before_a_speech_verb_is_a_person(recognizer: Recognizer) -> None:
    text = (
        "The fire started in a kitchen. Anderson said the crew arrived quickly, and Anderson "
        "praised the neighbours."
    )
    assert "Anderson" not in texts(recognizer, text)


def test_town_before_a_local_word_is_a_place(recognizer: Recognizer) -> None:
    found = texts(recognizer, "A Gainesville man was arrested after Gainesville police found the car.")
    assert found.count("Gainesville") == 2


def test_place_leading_an_organisation_after_the(recognizer: Recognizer) -> None:
    found = texts(recognizer, "The report was filed with the Texas Department of Transportation.")
    assert "Texas" in found


def test_head_noun_of_an_x_of_y_organisation_is_no_place(recognizer: Recognizer) -> None:
    # `Confederation` is a town in Canada, but here it heads the name: `the Confederation of ...`.
    found = texts(recognizer, "Members of the Confederation of Indigenous Nationalities of "
                              "Ecuador marched in Quito.")
    assert "Confederation" not in found and "Quito" in found


def test_divisions_listed_after_a_place_are_places(recognizer: Recognizer) -> None:
    found = texts(recognizer, "Gunmen shot a trader in Ibafo (Obafemi, Ogun) on Monday.")
    assert "Ogun" in found
    found = texts(recognizer, "Residents marched in Natal (Rio Grande do Norte) on Friday.")
    assert "Rio Grande do Norte" in found


def test_months_are_not_scanned(recognizer: Recognizer) -> None:
    found = texts(recognizer, "The bridge opened in August and closed in March.")
    assert "August" not in found and "March" not in found


def test_capital_that_speaks_stays_a_place(recognizer: Recognizer) -> None:
    found = texts(recognizer, "Tbilisi says the talks failed. Officials in Tbilisi met on Monday.")
    assert found.count("Tbilisi") == 2


def test_organisation_led_by_a_demonym(recognizer: Recognizer) -> None:
    found = recognizer.recognize(load_model()("The Georgian Interior Ministry said on Monday."))
    assert [(m.text, m.code) for m in found] == [("Georgian", "GE")]


def test_legislators_home_towns(recognizer: Recognizer) -> None:
    text = "The bill was backed by state Sen. Ray Fuller, D-Columbus, and opposed by others."
    assert "Columbus" in texts(recognizer, text)


def test_facility_named_after_its_town(recognizer: Recognizer) -> None:
    text = "The meeting will be held at the Mount Pleasant Civic Center on Friday."
    assert "Mount Pleasant" in texts(recognizer, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A direction word between the cue and the name.
        ("About 200 nurses marched through central Cardiff on Saturday.", "Cardiff"),
        # A name the tagger missed, qualified by its province in brackets.
        ("Civil servants protested inside the Cadiz (Andalucia) town hall.", "Cadiz"),
        # `the village of X`: a place whatever the tagger calls it.
        ("Soldiers shelled the village of Novohnativka on Monday.", "Novohnativka"),
    ],
)
def test_names_found_by_their_context(recognizer: Recognizer, text: str, name: str) -> None:
    assert name in texts(recognizer, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A name the tagger cut at a lower-case particle runs on when the gazetteer knows it.
        ("Gunmen killed a shepherd in Deir ez Zor on Monday.", "Deir ez Zor"),
        ("Workers protested in Sao Jose dos Campos on Monday.", "Sao Jose dos Campos"),
        # `countryside` after a name marks it as a place.
        ("Shells fell on villages in Raqqa countryside.", "Raqqa"),
    ],
)
def test_names_run_on_and_followers(recognizer: Recognizer, text: str, name: str) -> None:
    assert name in texts(recognizer, text)
