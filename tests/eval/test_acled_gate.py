"""Gate: events against ACLED (2022 dev sample and the Afghanistan 2019 set) must not fall below
eval/baseline.json (keys ``acled`` and ``acled_afghanistan``)."""

from __future__ import annotations

import pytest

from dateline.eval import gate
from dateline.eval.acled import default_path, evaluate, load_gold, shared_root

AFGHANISTAN = (shared_root() / "datasets" / "acled_afghanistan_2019_taliban"
               / "acled_afg_taliban_2019_dev.csv")

pytestmark = [pytest.mark.slow]


@pytest.mark.skipif(not default_path().exists(), reason="../shared (ACLED 2022) is not here")
def test_acled_2022_gate() -> None:
    metrics, details = evaluate(load_gold(default_path()), progress=False)
    assert details["rows"] == 2000
    assert gate.check("acled", metrics) == []


@pytest.mark.skipif(not AFGHANISTAN.exists(), reason="../shared (ACLED Afghanistan) is not here")
def test_acled_afghanistan_gate() -> None:
    metrics, _ = evaluate(load_gold(AFGHANISTAN), progress=False)
    assert "fatalities_exact" not in metrics  # the set's fatality column is unreliable
    assert gate.check("acled_afghanistan", metrics) == []
