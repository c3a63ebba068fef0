"""Gate: events against the GTD 2016-2018 (A-C) dev sample must not fall below the floors."""

from __future__ import annotations

import pytest

from dateline.eval import gate
from dateline.eval.gtd import default_path, evaluate, load_gold

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not default_path().exists(), reason="../shared (GTD) is not here"),
]


def test_gtd_gate() -> None:
    metrics, details = evaluate(load_gold(default_path()), progress=False)
    assert details["rows"] > 700
    assert gate.check("gtd", metrics) == []
