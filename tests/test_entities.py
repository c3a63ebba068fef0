"""Entities on our scraped fixture: canonical names, acronyms, aliases, surnames, roles, nationality."""

from __future__ import annotations

from dateline.entities import find_acronyms, normalize_name
from dateline.model import Article, Entity


def person(article: Article, name: str) -> Entity:
    hits = [e for e in article.entities if e.type == "PERSON" and e.name == name]
    assert len(hits) == 1, [e.name for e in article.entities]
    return hits[0]


def test_every_mention_points_at_its_text(scraped: Article) -> None:
    for ent in scraped.entities:
        for m in ent.mentions:
            assert scraped.text[m.start : m.end] == m.text


def test_people_are_found_once_each(scraped: Article) -> None:
    people = sorted(e.name for e in scraped.entities if e.type == "PERSON")
    assert people == sorted(
        [
            "Musa Abdullahi Danjuma",
            "Peter Wafula Otieno",
            "Hassan Omar Farah",
            "Grace Njeri Mwangi",
            "Tom Kiprono",
        ]
    )


def test_acronym_is_linked_to_its_long_form(scraped: Article) -> None:
    dci = [e for e in scraped.entities if "DCI" in e.acronyms]
    assert len(dci) == 1
    assert dci[0].name == "Directorate of Criminal Investigations"
    assert sum(1 for m in dci[0].mentions if m.kind == "acronym") >= 2


def test_alias_and_surnames_join_the_full_name(scraped: Article) -> None:
    musa = person(scraped, "Musa Abdullahi Danjuma")
    assert musa.aliases == ["Abu Hafsa Al-Kanawi"]
    kinds = [m.kind for m in musa.mentions]
    assert "alias" in kinds and kinds.count("surname") >= 2
    assert not any(e.name == "Abu Hafsa Al-Kanawi" for e in scraped.entities if e is not musa)


def test_roles_from_premodifiers_and_appositions(scraped: Article) -> None:
    assert person(scraped, "Hassan Omar Farah").roles == ["Al-Shabaab spokesman"]
    assert person(scraped, "Hassan Omar Farah").affiliation == "Al-Shabaab"
    assert person(scraped, "Tom Kiprono").roles == ["Security analyst"]
    grace = person(scraped, "Grace Njeri Mwangi")
    assert grace.roles and grace.roles[0].startswith("head of the Kenya Defence Forces")


def test_nationality(scraped: Article) -> None:
    musa = person(scraped, "Musa Abdullahi Danjuma")
    assert musa.nationality == "Nigerian"
    assert musa.roles == []


def test_find_acronyms_both_orders() -> None:
    text = "The Independent Electoral Commission (IEC) met the UNHCR (United Nations High Commissioner for Refugees)."
    found = {acr: text[ls:le] for (ls, le), _, acr in find_acronyms(text)}
    assert found == {
        "IEC": "Independent Electoral Commission",
        "UNHCR": "United Nations High Commissioner for Refugees",
    }


def test_unrelated_parentheses_are_not_acronyms() -> None:
    assert find_acronyms("Police arrested three men (AP) on Monday in Lagos.") == []


def test_normalize_name() -> None:
    assert normalize_name("the Taliban’s") == normalize_name("Taliban") == "taliban"
