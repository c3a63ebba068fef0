"""Session fixtures: the gazetteer index is built once, into a temporary cache directory.

The build reads only installed packages (no network) and takes some tens of seconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.places import gazetteer


@pytest.fixture(scope="session")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Iterator[gazetteer.Gazetteer]:
    """A freshly built gazetteer (in its own cache dir), shared by the whole session."""
    cache = tmp_path_factory.mktemp("dateline-cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("DATELINE_CACHE", str(cache))
    gazetteer.load.cache_clear()
    try:
        yield gazetteer.load()
    finally:
        mp.undo()
        gazetteer.load.cache_clear()


@pytest.fixture(scope="session")
def cache_dir(gaz: gazetteer.Gazetteer) -> Path:
    """The directory the session's index was built in."""
    return gaz.path.parent
