"""Gate: the tagger on all 256 TempEval-3 TBAQ documents (about 5 s) vs eval/baseline.json."""

from __future__ import annotations

import pytest

from dateline.eval import gate
from dateline.eval.time import default_path, evaluate

pytestmark = pytest.mark.slow


def test_time_gate() -> None:
    path = default_path()
    if not path.exists():
        pytest.skip("../shared (TempEval-3 TBAQ) is not here")
    metrics = evaluate(path)
    assert metrics["documents"] == 256
    scored = {k: v for k, v in metrics.items()
              if k not in ("documents", "gold_timexes", "system_timexes")}
    assert gate.check("time", scored) == []
