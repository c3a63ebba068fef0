"""Gate: geoparsing on LGL and GeoVirus must not fall below eval/baseline.json.

Runs both modes on the full corpora (about 1.5 minutes on 2 cores, index build excluded).
"""

from __future__ import annotations

import pytest

from dateline.eval import gate
from dateline.eval.geo import default_path, evaluate, gated

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("dataset", ["lgl", "geovirus"])
def test_geo_gate(dataset: str) -> None:
    path = default_path(dataset)
    if not path.exists():
        pytest.skip("../shared (geoparsing corpora) is not here")
    metrics = evaluate(dataset, path)
    assert gate.check(f"geo_{dataset}", gated(metrics)) == []
