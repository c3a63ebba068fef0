"""Storage: one interface (:class:`Store`), an SQLite backend by default.

``open_store("dateline.db")`` or ``open_store("sqlite:///path.db")`` opens SQLite.
"""

from __future__ import annotations

from pathlib import Path

from dateline.errors import StoreError
from dateline.store.base import Query, Store

__all__ = ["Query", "Store", "open_store"]


def open_store(url: str | Path) -> Store:
    """Open (and create or migrate) the database at ``url``."""
    target = str(url)
    if target.startswith(("postgresql://", "postgres://")):
        raise StoreError(
            "the PostgreSQL backend is not available in this version",
            path=target,
            fix="use an SQLite file path for --db",
        )
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///") :]
    from dateline.store.sqlite import SQLiteStore

    return SQLiteStore(target)
