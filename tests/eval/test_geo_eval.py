"""The geo evaluation's readers and metrics, on small XML files written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import EvalDataError
from dateline.eval.geo import MAX_ERROR_KM, Answer, GoldToponym, _auc, read_gold, score

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><text><![CDATA[Flooding hit Dayton on Friday.]]></text>
<toponyms><toponym><start>13</start><end>19</end><phrase>Dayton</phrase>
<gaztag geonameid="4509884"><name>Dayton</name><fclass>P</fclass><fcode>PPL</fcode>
<lat>39.75895</lat><lon>-84.19161</lon><country geonameid="6252001">United States</country>
<admin1 geonameid="5165418">Ohio</admin1></gaztag></toponym>
<toponym><start>0</start><end>8</end><phrase>Flooding</phrase></toponym></toponyms>
</article></articles>"""

GEOVIRUS = """<articles><article><source>x</source>
<text>Cases rose in Lima this week.</text><locations><location><name>Lima</name>
<start>15</start><end>19</end><lat>-12.05</lat><lon>-77.04</lon><page>p</page></location>
</locations></article></articles>"""


def test_read_lgl_keeps_toponyms_with_coordinates(tmp_path: Path) -> None:
    f = tmp_path / "lgl.xml"
    f.write_text(LGL, encoding="utf-8")
    (doc,) = read_gold("lgl", f)
    (t,) = doc.toponyms
    assert doc.text[t.start : t.end] == "Dayton"
    assert t.geonameid == 4509884 and t.admin1_gid == 5165418


def test_read_geovirus_shifts_one_based_offsets(tmp_path: Path) -> None:
    f = tmp_path / "GeoVirus.xml"
    f.write_text(GEOVIRUS, encoding="utf-8")
    (doc,) = read_gold("geovirus", tmp_path)
    (t,) = doc.toponyms
    assert doc.text[t.start : t.end] == "Lima"


def test_missing_gold_file_says_how_to_fix(tmp_path: Path) -> None:
    with pytest.raises(EvalDataError) as err:
        read_gold("lgl", tmp_path / "nope.xml")
    assert err.value.fix


def test_unanswered_counts_as_wrong() -> None:
    gold = [GoldToponym(0, 4, "Lima", -12.05, -77.04), GoldToponym(5, 9, "Lima", -12.05, -77.04)]
    answers = [Answer(-12.05, -77.04), Answer()]
    m = score("lgl", gold, answers)
    assert m["acc161"] == 0.5
    assert m["mean_km"] == pytest.approx(MAX_ERROR_KM / 2, rel=1e-3)


def test_auc_bounds() -> None:
    assert _auc([0.0, 0.0]) == 0.0
    assert _auc([MAX_ERROR_KM, MAX_ERROR_KM]) == pytest.approx(1.0)
