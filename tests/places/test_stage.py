"""The places stage on texts written for these tests."""

from __future__ import annotations

import pytest

from dateline.model import Article, Dateline, Place
from dateline.pipeline import Pipeline
from dateline.places import locate_event, resolve_spans
from dateline.places.gazetteer import Gazetteer

TEXT = (
    "KABUL: Gunmen stormed a police checkpoint in Andar district of Ghazni province late on "
    "Tuesday, local officials said. Hours later a roadside bomb went off 15 km east of Kabul, "
    "wounding two Afghan soldiers. Separately, Pakistani envoys arrived in Doha, Qatar, for "
    "another round of talks."
)


@pytest.fixture(scope="module")
def article(gaz: Gazetteer) -> Article:
    art = Article(raw_text=TEXT)
    art.dateline = Dateline(text="KABUL", start=0, end=5)
    return Pipeline(["nlp", "places"]).run_one(art)


def by_text(art: Article, text: str) -> list[Place]:
    return [p for p in art.places if p.text.lower().startswith(text.lower())]


def test_offsets_ids_and_stage_mark(article: Article) -> None:
    assert "places" in article.stages
    assert [p.id for p in article.places] == [f"p{i}" for i in range(1, len(article.places) + 1)]
    for p in article.places:
        assert article.text[p.start : p.end] == p.text
    starts = [p.start for p in article.places]
    assert starts == sorted(starts)


def test_district_inside_province(article: Article) -> None:
    (andar,) = by_text(article, "Andar")
    (ghazni,) = by_text(article, "Ghazni")
    assert ghazni.feature_code == "ADM1" and ghazni.admin_level == 1
    assert ghazni.country_code == "AF" and ghazni.country_code3 == "AFG"
    assert ghazni.precision == 3
    assert andar.feature_code == "ADM2" and andar.admin_level == 2
    assert andar.admin1 == ghazni.name and andar.admin1_code == ghazni.admin1_code
    assert andar.precision == 2
    assert andar.coord_source == "cities-median"


def test_east_of_the_capital_is_near_it(article: Article) -> None:
    kabul = [p for p in by_text(article, "Kabul") if p.relation]
    assert len(kabul) == 1
    k = kabul[0]
    assert k.relation == "east" and k.distance_km == 15.0
    assert k.feature_code == "PPLC" and k.country_code == "AF"
    assert k.precision == 2
    assert k.lat is not None and 34 < k.lat < 35


def test_city_with_its_country_and_demonyms(article: Article) -> None:
    (doha,) = by_text(article, "Doha")
    assert doha.country_code == "QA" and doha.admin_level == 3 and doha.precision == 1
    (qatar,) = by_text(article, "Qatar")
    assert qatar.admin_level == 0 and qatar.coord_source in ("countrystatecity", "dateline-data")
    (afghan,) = by_text(article, "Afghan")
    assert afghan.country_code == "AF" and afghan.admin_level == 0
    (pak,) = by_text(article, "Pakistani")
    assert pak.country_code == "PK"


def test_dateline_resolved(article: Article) -> None:
    assert article.dateline is not None
    place = article.place(article.dateline.place_id)
    assert place is not None
    assert (place.start, place.end) == (0, 5)
    assert place.country_code == "AF" and place.feature_code == "PPLC"


def test_locate_event_prefers_the_sentence_place(article: Article) -> None:
    bomb = article.text.index("roadside bomb")
    pid = locate_event(article, bomb, bomb + len("roadside bomb went off"))
    place = article.place(pid)
    assert place is not None and place.relation == "east"
    raid = article.text.index("stormed")
    place = article.place(locate_event(article, raid, raid + 7))
    assert place is not None and place.text.startswith("Andar")


def test_locate_event_falls_back_to_the_dateline(gaz: Gazetteer) -> None:
    art = Article(raw_text="ISLAMABAD: Two men were arrested on Friday. They were charged later.")
    art.dateline = Dateline(text="ISLAMABAD", start=0, end=9)
    art = Pipeline(["nlp", "places"]).run_one(art)
    start = art.text.index("They")
    pid = locate_event(art, start, start + 4)
    assert pid is not None and pid == art.dateline.place_id


def test_unresolved_names_are_kept(gaz: Gazetteer) -> None:
    text = "Aid reached Zqxvbrtown on Monday."
    (place,) = resolve_spans(text, [(12, 22)])
    assert place.text == "Zqxvbrtown"
    assert place.resolved is False and place.geonameid is None and place.lat is None


def test_unknown_names_take_the_article_focus(gaz: Gazetteer) -> None:
    text = "Aid reached Zqxvbrtown and Nairobi on Monday; Nairobi officials welcomed it."
    spans = [(12, 22), (27, 34), (46, 53)]
    unknown, nairobi, _ = resolve_spans(text, spans)
    assert unknown.text == "Zqxvbrtown" and unknown.geonameid is None
    assert unknown.resolved and unknown.coord_source == "article-focus"
    assert unknown.precision == 3
    assert (unknown.lat, unknown.lon) == (nairobi.lat, nairobi.lon)
    assert unknown.country_code == "KE" and unknown.admin1 == nairobi.admin1


def test_unknown_name_takes_its_container(gaz: Gazetteer) -> None:
    text = "A fair opened in Qwertyville, Kansas, and in Nairobi and Nairobi again."
    (unknown, kansas, *_rest) = resolve_spans(text, [(17, 28), (30, 36), (45, 52), (57, 64)])
    assert unknown.coord_source == "container" and unknown.country_code == "US"
    assert unknown.admin1 == kansas.name


def test_x_comma_y_and_state_abbreviation(gaz: Gazetteer) -> None:
    text = "The plant in Charleston, W.Va., will close, and so will one in Paris, Texas."
    spans = [(13, 23), (25, 30), (63, 68), (70, 75)]
    ch, wv, paris, tx = resolve_spans(text, spans)
    assert wv.name == "West Virginia" and wv.feature_code == "ADM1"
    assert ch.country_code == "US" and ch.admin1 == "West Virginia"
    assert paris.country_code == "US" and paris.admin1 == "Texas"
    assert tx.admin_level == 1


def test_non_english_articles_pass_through(gaz: Gazetteer) -> None:
    from dateline.places import stage

    art = Article(raw_text="Bonjour Paris", language="fr")
    (out,) = list(stage([art]))
    assert out.places == [] and "places" not in out.stages


def test_place_sources(article: Article) -> None:
    sources = {p.text: p.source for p in article.places}
    assert sources["KABUL"] == "dateline"
    assert sources["Afghan"] == "demonym"


def test_locate_event_skips_dateline_and_demonym_in_sentence(gaz: Gazetteer) -> None:
    text = "KABUL: Afghan officials said a clinic in Herat was hit on Monday."
    art = Article(raw_text=text)
    art.dateline = Dateline(text="KABUL", start=0, end=5)
    art = Pipeline(["nlp", "places"]).run_one(art)
    hit = text.index("was hit")
    place = art.place(locate_event(art, hit, hit + 7))
    assert place is not None and place.text == "Herat"


def test_unknown_spelling_of_a_division_in_the_articles_country(gaz: Gazetteer) -> None:
    text = "Fighting spread from Kandahar to Urozgan on Monday."
    _kandahar, variant = resolve_spans(text, [(21, 29), (33, 40)])
    assert variant.text == "Urozgan" and variant.admin_level == 1
    assert variant.country_code == "AF" and variant.geonameid is not None


def test_municipal_use_prefers_a_town_to_the_capital(gaz: Gazetteer) -> None:
    def berlin(text: str) -> Place:
        spans = [(text.index(n), text.index(n) + len(n)) for n in ("Berlin", "Hartford")]
        return resolve_spans(text, spans)[0]

    far = berlin("Officials in Berlin are looking into a crash near Hartford.")
    local = berlin("Berlin police are looking into a crash near Hartford.")
    assert far.feature_code == "PPLC" and far.country_code == "DE"
    assert local.country_code == "US"


def test_plural_feature_word_covers_a_list(gaz: Gazetteer) -> None:
    text = "Schools closed in Barrow, Clarke and Jackson counties in Georgia."
    names = ("Barrow", "Clarke", "Jackson", "Georgia")
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    *counties, state = resolve_spans(text, spans)
    assert all(p.admin_level == 2 and p.admin1 == "Georgia" for p in counties)
    assert state.admin_level == 1
