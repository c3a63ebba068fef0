"""The places stage (placeholder until its issue lands: passes articles through)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dateline.model import Article


def stage(articles: Iterable[Article]) -> Iterator[Article]:
    """Pass articles through unchanged."""
    yield from articles


def locate_event(article: Article, start: int, end: int) -> str | None:
    """The id of the place (in ``article.places``) where the event in ``text[start:end]`` happened."""
    return None
