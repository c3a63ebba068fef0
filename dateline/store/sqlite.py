"""The SQLite backend (the embedded default): FTS5 over article text, R*Tree over places."""

from __future__ import annotations

import json
import re
import sqlite3
from importlib import resources
from pathlib import Path
from typing import Any

from dateline.errors import SchemaError, StoreError
from dateline.model import Article
from dateline.store.base import TABLES, Query, Row, Store, article_rows

_FTS_OPERATORS = re.compile(r'["*()]|\b(?:AND|OR|NOT|NEAR)\b')


def fts_query(text: str) -> str:
    """A user's search words as an FTS5 query; plain words are quoted so ``al-qaeda`` works."""
    if _FTS_OPERATORS.search(text):
        return text
    return " ".join('"' + w.replace('"', '""') + '"' for w in text.split())


def migrations(dialect: str) -> list[tuple[int, str]]:
    """The ``(version, sql)`` migrations shipped for a dialect, in order."""
    folder = resources.files("dateline") / "store" / "migrations" / dialect
    out = []
    for entry in folder.iterdir():
        m = re.match(r"(\d+)_.*\.sql$", entry.name)
        if m:
            out.append((int(m.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(out)


class SQLiteStore(Store):
    """A dateline database in one SQLite file (``:memory:`` for a throwaway one)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot open the database ({exc})",
                path=self.path,
                fix="check the path and permissions",
            ) from exc
        self.conn.row_factory = sqlite3.Row
        self._migrate()

    def _migrate(self) -> None:
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            current = self.conn.execute(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"
            ).fetchone()[0]
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(
                f"this is not a dateline SQLite database ({exc})",
                path=self.path,
                fix="point --db at a new file or an existing dateline database",
            ) from exc
        known = migrations("sqlite")
        if known and current > known[-1][0]:
            raise SchemaError(
                f"the database has schema version {current}, newer than this dateline knows "
                f"({known[-1][0]})",
                path=self.path,
                fix="upgrade dateline (pip install -U dateline)",
            )
        for version, sql in known:
            if version <= current:
                continue
            # One transaction per migration: executescript would commit an open one first, so the
            # script carries its own BEGIN/COMMIT.
            script = f"BEGIN;\n{sql}\n;INSERT INTO schema_migrations VALUES ({version}, datetime('now'));\nCOMMIT;"
            try:
                self.conn.executescript(script)
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise StoreError(
                    f"migration {version} failed ({exc})",
                    path=self.path,
                    fix="restore a backup of the database",
                ) from exc

    def _source_id(self, name: str | None) -> int | None:
        if not name:
            return None
        self.conn.execute("INSERT OR IGNORE INTO sources(name) VALUES (?)", (name,))
        row = self.conn.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()
        return int(row[0])

    def has(self, article_id: str) -> bool:
        """True if an article with this content hash is stored."""
        return (
            self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
            is not None
        )

    def add(self, article: Article, *, replace: bool = False) -> bool:
        """Store an article in one transaction; False if it was already there (and not replaced)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            if self.has(article.id):
                if not replace:
                    self.conn.execute("ROLLBACK")
                    return False
                self.conn.execute("DELETE FROM articles WHERE id = ?", (article.id,))
            rows = article_rows(article, self._source_id(article.source))
            for table in TABLES:
                for row in rows[table]:
                    cols = ", ".join(f'"{c}"' for c in row)
                    marks = ", ".join("?" for _ in row)
                    cur = self.conn.execute(
                        f"INSERT INTO {table} ({cols}) VALUES ({marks})", tuple(row.values())
                    )
                    if table == "places" and row["lat"] is not None and row["lon"] is not None:
                        self.conn.execute(
                            "INSERT INTO places_rtree VALUES (?, ?, ?, ?, ?)",
                            (cur.lastrowid, row["lat"], row["lat"], row["lon"], row["lon"]),
                        )
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self.conn.execute("ROLLBACK")
            raise StoreError(
                f"could not store article {article.id} ({exc})",
                path=self.path,
                fix="nothing was written for it; report this with the input file",
            ) from exc
        return True

    def get(self, article_id: str) -> Article | None:
        """The stored article, rebuilt from its JSON document."""
        row = self.conn.execute(
            "SELECT document FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return Article.from_dict(json.loads(row[0])) if row else None

    def _article_filter(self, q: Query, alias: str = "a") -> tuple[list[str], list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        if q.since:
            where.append(f"{alias}.published >= ?")
            args.append(q.since)
        if q.until:
            where.append(f"{alias}.published <= ?")
            args.append(q.until)
        if q.source:
            where.append("s.name LIKE ?")
            args.append(f"%{q.source}%")
        if q.article_id:
            where.append(f"{alias}.id LIKE ?")
            args.append(q.article_id + "%")
        if q.text:
            where.append(
                f"{alias}.pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            )
            args.append(fts_query(q.text))
        return where, args

    def _select(
        self, sql: str, where: list[str], args: list[Any], order: str, q: Query
    ) -> list[Row]:
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order} LIMIT ? OFFSET ?"
        try:
            cur = self.conn.execute(sql, (*args, q.limit, q.offset))
        except sqlite3.OperationalError as exc:
            raise StoreError(
                f"the query failed ({exc})",
                path=self.path,
                fix="check the --text search syntax (SQLite FTS5) and the filters",
            ) from exc
        return [dict(r) for r in cur.fetchall()]

    _FROM_ARTICLES = " FROM articles a LEFT JOIN sources s ON s.id = a.source_id"

    def articles(self, query: Query) -> list[Row]:
        """Articles matching the query, newest first."""
        where, args = self._article_filter(query)
        sql = (
            "SELECT a.id, a.published, s.name AS source, a.title, a.url, a.dateline, a.language,"
            " a.extracted, (SELECT COUNT(*) FROM entities e WHERE e.article_id = a.id) AS entities,"
            " (SELECT COUNT(*) FROM places p WHERE p.article_id = a.id) AS places,"
            " (SELECT COUNT(*) FROM events v WHERE v.article_id = a.id) AS events,"
            " substr(a.text, 1, 160) AS excerpt" + self._FROM_ARTICLES
        )
        return self._select(sql, where, args, "a.published DESC, a.id", query)

    def entities(self, query: Query) -> list[Row]:
        """Entities (one row per article and entity) matching the query."""
        where, args = self._article_filter(query)
        if query.kind:
            where.append("e.type = ?")
            args.append(query.kind.upper())
        if query.name:
            where.append("(e.name LIKE ? OR e.aliases LIKE ? OR e.acronyms LIKE ?)")
            args.extend([f"%{query.name}%"] * 3)
        sql = (
            "SELECT e.article_id, a.published, e.id, e.name, e.type, e.roles, e.aliases, e.acronyms,"
            " e.nationality, e.affiliation, e.mention_count"
            " FROM entities e JOIN articles a ON a.id = e.article_id LEFT JOIN sources s ON s.id = a.source_id"
        )
        return self._select(sql, where, args, "a.published DESC, e.article_id, e.id", query)

    def places(self, query: Query) -> list[Row]:
        """Places matching the query; ``query.bbox`` selects by bounding box (R*Tree)."""
        where, args = self._article_filter(query)
        if query.bbox:
            min_lon, min_lat, max_lon, max_lat = query.bbox
            where.append(
                "p.pk IN (SELECT pk FROM places_rtree WHERE min_lat >= ? AND max_lat <= ?"
                " AND min_lon >= ? AND max_lon <= ?)"
            )
            args.extend([min_lat, max_lat, min_lon, max_lon])
        if query.name:
            where.append("(p.name LIKE ? OR p.text LIKE ?)")
            args.extend([f"%{query.name}%"] * 2)
        sql = (
            "SELECT p.article_id, a.published, p.id, p.text, p.name, p.geonameid, p.feature_code,"
            " p.country_code, p.admin1, p.admin2, p.lat, p.lon, p.precision, p.relation, p.resolved,"
            ' p.start, p."end"'
            " FROM places p JOIN articles a ON a.id = p.article_id LEFT JOIN sources s ON s.id = a.source_id"
        )
        return self._select(sql, where, args, "a.published DESC, p.article_id, p.pk", query)

    def events(self, query: Query) -> list[Row]:
        """Events matching the query, with actors, place and fatalities."""
        where, args = self._article_filter(query)
        if query.kind:
            where.append(
                "(v.acled_event_type LIKE ? OR v.plover_type = ? OR v.acled_sub_event_type LIKE ?)"
            )
            args.extend([f"%{query.kind}%", query.kind.upper(), f"%{query.kind}%"])
        if query.name:
            where.append("(v.actor1 LIKE ? OR v.actor2 LIKE ?)")
            args.extend([f"%{query.name}%"] * 2)
        sql = (
            "SELECT v.article_id, COALESCE(v.date, a.published) AS date, v.id, v.trigger,"
            " v.plover_type, v.cameo, v.acled_event_type, v.acled_sub_event_type, v.actor1, v.actor2,"
            " p.name AS location, p.admin1, p.country_code, p.lat, p.lon, v.fatalities, v.status,"
            " v.background, s.name AS source"
            " FROM events v JOIN articles a ON a.id = v.article_id LEFT JOIN sources s ON s.id = a.source_id"
            " LEFT JOIN places p ON p.article_id = v.article_id AND p.id = v.place_id"
        )
        return self._select(sql, where, args, "date DESC, v.article_id, v.id", query)

    def quotes(self, query: Query) -> list[Row]:
        """Attributed statements matching the query."""
        where, args = self._article_filter(query)
        if query.kind:
            where.append("q.stance = ?")
            args.append(query.kind)
        if query.name:
            where.append(
                "(q.speaker_name LIKE ? OR q.speaker_text LIKE ? OR q.speaker_description LIKE ?)"
            )
            args.extend([f"%{query.name}%"] * 3)
        sql = (
            "SELECT q.article_id, COALESCE(q.date, a.published) AS date, q.id,"
            " COALESCE(q.speaker_name, q.speaker_description, q.speaker_text) AS speaker,"
            " q.stance, q.negated, q.cue, q.direct, q.text, q.event_ids, q.parent, s.name AS source"
            " FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN sources s ON s.id = a.source_id"
        )
        return self._select(sql, where, args, "date DESC, q.article_id, q.id", query)

    def stats(self) -> dict[str, int]:
        """Row counts per table."""
        return {
            t: int(self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
            for t in ("sources", *TABLES)
        }

    def close(self) -> None:
        """Release the connection."""
        self.conn.close()
