"""The TimeML reader and the TempEval-3 style scorer of ``dateline eval time`` (own fixture)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.errors import EvalDataError
from dateline.eval.time import GoldTimex, command, metrics, read_tml, score_doc

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>own-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-10-25"
 functionInDocument="CREATION_TIME">2020-10-25</TIMEX3></DCT>
<TEXT>
Rebels shelled the town <TIMEX3 tid="t1" type="DATE"
 value="2020-10-24">late on Saturday</TIMEX3>
&amp; the siege lasted <TIMEX3 tid="t2" type="DURATION"
 value="P2D">two days</TIMEX3>, aid workers said
<TIMEX3 tid="t3" type="DATE" value="PRESENT_REF">now</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def tml(tmp_path: Path) -> Path:
    path = tmp_path / "own.tml"
    path.write_text(DOC, encoding="utf-8")
    return path


def test_read_tml_offsets_and_dct(tml: Path) -> None:
    doc = read_tml(tml)
    assert doc.dct == dt.date(2020, 10, 25)
    assert [t.text for t in doc.timexes] == ["late on Saturday", "two days", "now"]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text
    assert "& the siege" in doc.text


def test_score_pairs_each_gold_once() -> None:
    gold = [GoldTimex(0, 10, "x", "DATE", "2020"), GoldTimex(20, 30, "y", "DURATION", "P1D")]
    system = [(0, 10, "DATE", "2020"), (2, 8, "DATE", "2020"), (22, 30, "DATE", "P1D")]
    c = score_doc(gold, system)
    assert (c.gold, c.system, c.relaxed, c.strict, c.value_ok, c.type_ok) == (2, 3, 2, 1, 2, 1)
    m = metrics(c)
    assert m["relaxed_precision"] == pytest.approx(2 / 3)
    assert m["relaxed_recall"] == 1.0
    assert m["value_f1"] == pytest.approx(m["relaxed_f1"] * 1.0)
    assert m["type_accuracy"] == 0.5


def test_command_json(tml: Path) -> None:
    result = CliRunner().invoke(command, [str(tml.parent), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["documents"] == 1 and data["gold_timexes"] == 3
    assert data["value_f1"] == 1.0


def test_missing_data_is_an_eval_data_error(tmp_path: Path) -> None:
    from dateline.eval.time import evaluate

    with pytest.raises(EvalDataError, match="DATELINE_SHARED"):
        evaluate(tmp_path / "absent")
