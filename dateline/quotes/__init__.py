"""The quotes stage: who said what, with the cue, the speaker and the stance.

Needs: nlp (``article.doc``); uses entities, events and dates when present. Adds:
``article.quotes`` (:class:`dateline.model.Quote`). See :mod:`dateline.quotes.extract` for how
attributions are read off the parse and :mod:`dateline.quotes.resolve` for speakers, events and
speech dates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dateline.model import Article, Quote
from dateline.quotes.extract import find_attributions
from dateline.quotes.resolve import resolve

__all__ = ["extract_quotes", "stage"]


def extract_quotes(article: Article) -> list[Quote]:
    """The quotes of one parsed article (empty when it has no ``doc``)."""
    if article.doc is None:
        return []
    atts = find_attributions(article.doc)
    dl = article.dateline
    if dl is not None:
        # The wire dateline ("KABUL:") is not a transcript speaker.
        atts = [
            a for a in atts if not (a.source and a.source[0] < dl.end and dl.start < a.source[1])
        ]
    return resolve(article, atts)


def stage(articles: Iterable[Article]) -> Iterator[Article]:
    """Fill ``article.quotes`` for every parsed article; others pass through untouched."""
    for art in articles:
        if art.doc is not None:
            art.quotes = extract_quotes(art)
            art.stages.append("quotes")
        yield art
