"""Every store test runs against each backend available: SQLite always, PostgreSQL when configured."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.store import Store, open_store

BACKENDS = ["sqlite"] + (["postgres"] if os.environ.get("DATELINE_TEST_POSTGRES_URL") else [])


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store of each backend."""
    if request.param == "sqlite":
        s = open_store(tmp_path / "test.db")
    else:
        s = open_store(os.environ["DATELINE_TEST_POSTGRES_URL"])
        s.reset()  # type: ignore[attr-defined]
    yield s
    s.close()
