"""The dates stage (placeholder until its issue lands: passes articles through)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dateline.model import Article


@dataclass
class EventDate:
    """When an event happened: a date or range and ACLED's time_precision (1 day, 2 week, 3 month)."""

    date: str
    date_end: str | None
    precision: int
    time_id: str | None = None


def stage(articles: Iterable[Article]) -> Iterator[Article]:
    """Pass articles through unchanged."""
    yield from articles


def date_event(article: Article, start: int, end: int) -> EventDate | None:
    """When the event mentioned in ``text[start:end]`` (usually its sentence) happened."""
    return None
