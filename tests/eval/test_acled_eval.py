"""Unit tests of the ACLED/GTD evaluation helpers (no shared data needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import EvalDataError
from dateline.eval.acled import haversine_km, load_gold, macro_f1, norm_name, published_after


def test_norm_name_drops_acled_year_tags() -> None:
    assert norm_name("Military Forces of Russia (2000-)") == "military forces of russia"
    assert norm_name("Protesters (Canada)") == "protesters canada"
    assert norm_name(None) == ""


def test_admin1_is_compared_by_division_not_spelling() -> None:
    from dateline.eval.acled import same_admin1, same_place_name
    from dateline.places import resolve_spans

    text = "They met in Gardez, the capital of Paktia."
    gardez = resolve_spans(text, [(12, 18)])[0]
    assert gardez.admin1 is not None
    assert same_admin1(gardez, "Paktia")
    assert same_admin1(gardez, gardez.admin1.upper())
    assert not same_admin1(gardez, "Khost")
    assert not same_admin1(gardez, "")
    assert same_place_name(gardez, "Gardez")
    assert not same_place_name(gardez, "Kabul")


def test_admin1_named_by_the_coder_is_checked_at_the_rows_point() -> None:
    from dateline.eval.acled import same_admin1
    from dateline.places import resolve_spans

    lashio = resolve_spans("Clashes near Lashio.", [(13, 19)])[0]
    assert lashio.lat is not None and lashio.lon is not None
    # ACLED splits Shan into Shan-North/-South; GeoNames has one Shan. The row's own point
    # (here: Lashio's) says which GeoNames division the coder meant.
    assert not same_admin1(lashio, "Shan-North")
    assert same_admin1(lashio, "Shan-North", (lashio.lat, lashio.lon))
    # A point in another division (Mandalay city) does not vouch for it.
    assert not same_admin1(lashio, "Shan-North", (21.97, 96.08))
    assert not same_admin1(lashio, "Shan-North", (None, None))


def test_published_after_clips_impossible_days() -> None:
    assert published_after("2022-03-01") == "2022-03-08"
    assert published_after("2016-02-30") == "2016-03-07"


def test_macro_f1() -> None:
    assert macro_f1(["a", "a", "b"], ["a", "a", "b"]) == 1.0
    assert macro_f1(["a", "b"], ["b", "a"]) == 0.0


def test_haversine() -> None:
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.1)


def test_both_layouts_load(tmp_path: Path) -> None:
    new = tmp_path / "new.csv"
    new.write_text("event_id_cnty,event_date,event_type,sub_event_type,notes,fatalities,admin1\n"
                   "X1,2022-01-02,Protests,Peaceful protest,People rallied.,0,Somewhere\n",
                   encoding="utf-8")
    old = tmp_path / "old.csv"
    old.write_text("event_date,Type,Sub_type,Notes,Fatalities\n"
                   "28 September 2019,Battles,Armed clash,Soldiers clashed.,3\n",
                   encoding="utf-8")
    assert load_gold(new)[0].fatalities == 0
    row = load_gold(old)[0]
    assert row.date == "2019-09-28" and row.fatalities is None


def test_missing_or_wrong_files_raise(tmp_path: Path) -> None:
    with pytest.raises(EvalDataError):
        load_gold(tmp_path / "absent.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(EvalDataError):
        load_gold(bad)
