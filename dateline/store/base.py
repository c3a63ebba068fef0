"""The storage interface every backend implements, and the backend-independent row layout."""

from __future__ import annotations

import datetime as dt
import json
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from dateline.model import SCHEMA_VERSION, Article

Row = dict[str, Any]

#: The tables an article is written to, in insertion order (parents before children).
TABLES = (
    "articles",
    "repairs",
    "entities",
    "mentions",
    "places",
    "times",
    "events",
    "event_arguments",
    "counts",
    "quotes",
)


@dataclass
class Query:
    """Filters shared by every listing: publication-date range, full-text search, source, kind."""

    since: str | None = None
    until: str | None = None
    text: str | None = None
    source: str | None = None
    kind: str | None = None  # entity type, ACLED event type, or quote stance, by listing
    name: str | None = None  # entity/speaker/actor name (substring, case-insensitive)
    article_id: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    limit: int = 100
    offset: int = 0


class Store(ABC):
    """Where extracted articles live. Writes are per-article transactions; reads return rows."""

    @abstractmethod
    def has(self, article_id: str) -> bool:
        """True if an article with this content hash is stored."""

    @abstractmethod
    def add(self, article: Article, *, replace: bool = False) -> bool:
        """Store an article in one transaction; False if it was already there (and not replaced)."""

    @abstractmethod
    def get(self, article_id: str) -> Article | None:
        """The stored article, rebuilt from its JSON document."""

    @abstractmethod
    def articles(self, query: Query) -> list[Row]:
        """Articles matching the query, newest first."""

    @abstractmethod
    def entities(self, query: Query) -> list[Row]:
        """Entities (one row per article and entity) matching the query."""

    @abstractmethod
    def places(self, query: Query) -> list[Row]:
        """Places matching the query; ``query.bbox`` selects by bounding box."""

    @abstractmethod
    def events(self, query: Query) -> list[Row]:
        """Events matching the query, with actors, place and fatalities."""

    @abstractmethod
    def quotes(self, query: Query) -> list[Row]:
        """Attributed statements matching the query."""

    @abstractmethod
    def stats(self) -> dict[str, int]:
        """Row counts per table."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def article_rows(article: Article, source_id: int | None) -> dict[str, list[Row]]:
    """Every row an article contributes, per table (see ``TABLES``)."""
    aid = article.id
    names = {e.id: e.name for e in article.entities}
    rows: dict[str, list[Row]] = {t: [] for t in TABLES}
    rows["articles"].append(
        {
            "id": aid,
            "source_id": source_id,
            "url": article.url,
            "title": article.title,
            "author": article.author,
            "published": article.published,
            "language": article.language,
            "path": article.path,
            "dateline": article.dateline.text if article.dateline else None,
            "extracted": int(article.extracted),
            "warnings": _j(article.warnings),
            "raw_text": article.raw_text,
            "text": article.text,
            "schema_version": SCHEMA_VERSION,
            "document": _j(article.to_dict()),
            "ingested_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
    )
    for r in article.repairs:
        rows["repairs"].append(
            {
                "article_id": aid,
                "kind": r.kind,
                "raw_start": r.raw_start,
                "raw_end": r.raw_end,
                "start": r.start,
                "end": r.end,
                "before": r.before,
                "after": r.after,
            }
        )
    for e in article.entities:
        rows["entities"].append(
            {
                "article_id": aid,
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": _j(e.aliases),
                "acronyms": _j(e.acronyms),
                "roles": _j(e.roles),
                "nationality": e.nationality,
                "affiliation": e.affiliation,
                "mention_count": len(e.mentions),
            }
        )
        for m in e.mentions:
            rows["mentions"].append(
                {
                    "article_id": aid,
                    "entity_id": e.id,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "kind": m.kind,
                }
            )
    for p in article.places:
        rows["places"].append(
            {
                "article_id": aid,
                "id": p.id,
                "name": p.name,
                "text": p.text,
                "start": p.start,
                "end": p.end,
                "geonameid": p.geonameid,
                "feature_class": p.feature_class,
                "feature_code": p.feature_code,
                "admin_level": p.admin_level,
                "country_code": p.country_code,
                "country": p.country,
                "admin1": p.admin1,
                "admin1_code": p.admin1_code,
                "admin2": p.admin2,
                "admin2_code": p.admin2_code,
                "lat": p.lat,
                "lon": p.lon,
                "coord_source": p.coord_source,
                "source": p.source,
                "precision": p.precision,
                "relation": p.relation,
                "distance_km": p.distance_km,
                "resolved": int(p.resolved),
            }
        )
    for t in article.times:
        rows["times"].append(
            {
                "article_id": aid,
                "id": t.id,
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "type": t.type,
                "value": t.value,
                "mod": t.mod,
                "anchored": int(t.anchored),
            }
        )
    for ev in article.events:
        a1 = next((a for a in ev.arguments if a.role == "actor1"), None)
        a2 = next((a for a in ev.arguments if a.role == "actor2"), None)
        killed = [c.number for c in ev.counts if c.kind == "killed" and c.number is not None]
        rows["events"].append(
            {
                "article_id": aid,
                "id": ev.id,
                "trigger": ev.trigger,
                "start": ev.start,
                "end": ev.end,
                "plover_type": ev.plover_type,
                "plover_mode": ev.plover_mode,
                "cameo": ev.cameo,
                "acled_event_type": ev.acled_event_type,
                "acled_sub_event_type": ev.acled_sub_event_type,
                "actor1": (names.get(a1.entity_id or "") or a1.text) if a1 else None,
                "actor2": (names.get(a2.entity_id or "") or a2.text) if a2 else None,
                "place_id": ev.place_id,
                "date": ev.date,
                "date_end": ev.date_end,
                "time_precision": ev.time_precision,
                "geo_precision": ev.geo_precision,
                "fatalities": max(killed) if killed else None,
                "status": ev.status,
                "background": int(ev.background),
                "source_entity_id": ev.source_entity_id,
                "evidence": _j(ev.evidence),
            }
        )
        for a in ev.arguments:
            rows["event_arguments"].append(
                {
                    "article_id": aid,
                    "event_id": ev.id,
                    "role": a.role,
                    "text": a.text,
                    "start": a.start,
                    "end": a.end,
                    "entity_id": a.entity_id,
                    "actor_type": a.actor_type,
                }
            )
        for c in ev.counts:
            rows["counts"].append(
                {
                    "article_id": aid,
                    "event_id": ev.id,
                    "kind": c.kind,
                    "number": c.number,
                    "qualifier": c.qualifier,
                    "object": c.object,
                    "vague": int(c.vague),
                    "start": c.start,
                    "end": c.end,
                    "text": c.text,
                }
            )
    for q in article.quotes:
        rows["quotes"].append(
            {
                "article_id": aid,
                "id": q.id,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "direct": int(q.direct),
                "cue": q.cue,
                "speaker_text": q.speaker_text,
                "speaker_entity_id": q.speaker_entity_id,
                "speaker_name": names.get(q.speaker_entity_id or ""),
                "speaker_description": q.speaker_description,
                "stance": q.stance,
                "negated": int(q.negated),
                "date": q.date,
                "event_ids": _j(q.event_ids),
                "parent": q.parent,
            }
        )
    return rows
