"""Gate: attribution extraction on PolNeAR dev must not fall below eval/baseline.json."""

from __future__ import annotations

import pytest

from dateline.eval import gate
from dateline.eval.quotes import default_path, evaluate, load_gold

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not default_path().exists(), reason="../shared (PolNeAR) is not here"),
]


def test_quotes_gate() -> None:
    metrics = evaluate(load_gold(default_path()))
    gated = {k: v for k, v in metrics.items() if k.endswith("_f1")}
    assert gate.check("quotes", gated) == []
