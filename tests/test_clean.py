"""The cleaner: each repair on our scraped fixture, and properties on arbitrary text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.clean import clean_article, clean_text, find_dateline
from dateline.model import Article
from tests.conftest import fixture_text


def cleaned(raw: str) -> Article:
    return clean_article(Article(raw_text=raw))


def test_broken_possessives_are_repaired() -> None:
    art = cleaned(fixture_text("scraped_article.txt"))
    assert "country's interior minister" in art.text
    assert "group's continued" in art.text
    assert "network's reach" in art.text
    kinds = [r.kind for r in art.repairs]
    assert kinds.count("quote_artifact") == 3


def test_real_quotes_are_kept() -> None:
    art = cleaned('He said "the talks failed" and left. "We will return," she said.')
    assert art.text.count('"') == 4
    assert not art.repairs


def test_share_widget_lines_are_removed_in_any_script() -> None:
    art = cleaned(fixture_text("scraped_article.txt"))
    assert "مشاركة" not in art.text
    assert "Share this article" not in art.text
    assert art.text.endswith("would not end the insurgency.")
    widget = [r for r in art.repairs if r.kind == "share_widget"]
    assert len(widget) == 1 and "مشاركة" in widget[0].before


def test_short_final_sentence_is_not_a_widget() -> None:
    raw = "Police arrested three men on Monday.\nThe case continues."
    assert cleaned(raw).text == raw


def test_standfirst_is_split_from_the_dateline() -> None:
    art = cleaned(fixture_text("scraped_article.txt"))
    assert art.dateline is not None and art.dateline.text == "NAIROBI"
    assert art.text[art.dateline.start : art.dateline.end] == "NAIROBI"
    assert art.standfirst is not None
    standfirst = art.text[art.standfirst[0] : art.standfirst[1]]
    assert standfirst.endswith("in Lamu county")
    assert "\n\nNAIROBI: Kenyan police" in art.text


def test_dateline_styles() -> None:
    for raw, place in [
        ("BAGHDAD, March 3 — Protesters gathered on Sunday.", "BAGHDAD"),
        ("MOGADISHU (Example Wire) — A car bomb exploded.", "MOGADISHU"),
        ("Kyiv — Shelling resumed overnight.", "Kyiv"),
        ("NEW DELHI: Ministers met on Monday.", "NEW DELHI"),
    ]:
        found = find_dateline(raw)
        assert found is not None, raw
        assert raw[found[0] : found[1]] == place


def test_no_dateline_in_plain_prose() -> None:
    assert (
        find_dateline("Police said on Monday that three men were held. UPDATE: more later.") is None
    )


def test_mojibake_is_fixed_and_recorded() -> None:
    art = cleaned("The minister said they donâ€™t negotiate.")
    assert "don’t" in art.text
    assert any(r.kind == "mojibake" for r in art.repairs)


def test_offsets_map_back_to_raw() -> None:
    raw = fixture_text("scraped_article.txt")
    art = cleaned(raw)
    i = art.text.index("Interior minister")
    j = art.raw_offset(i)
    assert raw[j : j + len("Interior minister")] == "Interior minister"


_PIECES = [
    *"ab Z\"'’\n\r\t:—-.,sSt",
    "â€™",
    "مشاركة",
    "KABUL:",
    " Share",
    "\u200b",
    "é",
    "don",
    "Qaeda",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


def _check_repairs(raw: str, art_text: str, repairs: list) -> None:  # type: ignore[type-arg]
    pos_raw = pos_clean = 0
    rebuilt = []
    for r in repairs:
        assert raw[r.raw_start : r.raw_end] == r.before
        assert art_text[r.start : r.end] == r.after
        assert raw[pos_raw : r.raw_start] == art_text[pos_clean : r.start]
        rebuilt.append(raw[pos_raw : r.raw_start] + r.after)
        pos_raw, pos_clean = r.raw_end, r.end
    rebuilt.append(raw[pos_raw:])
    assert "".join(rebuilt) == art_text


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_cleaning_is_idempotent_and_offsets_stay_valid(raw: str) -> None:
    text, repairs = clean_text(raw)
    _check_repairs(raw, text, repairs)
    again, second = clean_text(text)
    assert again == text
    assert second == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_cleaning_never_crashes_on_any_unicode(raw: str) -> None:
    text, repairs = clean_text(raw)
    _check_repairs(raw, text, repairs)
    art = clean_article(Article(raw_text=raw or " "))
    for k in range(len(art.text) + 1):
        assert 0 <= art.raw_offset(k) <= len(art.raw_text)
