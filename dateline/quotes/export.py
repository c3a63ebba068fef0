"""Pure exports of an article's quotes: GDELT-style quotations and a claims table.

GDELT's GKG ``Quotations`` field lists ``offset#length#verb#quote`` per quotation; dateline adds
the speaker. The claims table has one row per statement: who (speaker), how (stance, and
whether the text says it was not made), what (content), which events it is about, and when it
was said.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dateline.model import Article, Quote

CLAIM_COLUMNS = (
    "article_id",
    "quote_id",
    "speaker",
    "speaker_entity_id",
    "speaker_type",
    "stance",
    "negated",
    "cue",
    "content",
    "direct",
    "event_ids",
    "date",
)


def speaker_name(article: Article, quote: Quote) -> str | None:
    """The speaker as a user should read it: the entity's name, else the description or text."""
    ent = article.entity(quote.speaker_entity_id)
    if ent is not None:
        return ent.name
    return quote.speaker_description or quote.speaker_text


def gdelt_quotations(article: Article) -> list[dict[str, Any]]:
    """GDELT-style quotation records: ``offset``, ``length``, ``verb``, ``quote``, ``speaker``."""
    return [
        {
            "offset": q.start,
            "length": q.end - q.start,
            "verb": q.cue or "",
            "quote": _flat(q.text),
            "speaker": speaker_name(article, q) or "",
        }
        for q in article.quotes
    ]


def gdelt_quotations_field(article: Article) -> str:
    """The quotations as one GKG-style field: ``offset#length#verb#quote#speaker``, ``|``-joined."""
    return "|".join(
        "#".join(_field(str(r[k])) for k in ("offset", "length", "verb", "quote", "speaker"))
        for r in gdelt_quotations(article)
    )


def claims(article: Article) -> list[dict[str, Any]]:
    """One claims-table row per quote (columns :data:`CLAIM_COLUMNS`)."""
    rows = []
    for q in article.quotes:
        ent = article.entity(q.speaker_entity_id)
        rows.append(
            {
                "article_id": article.id,
                "quote_id": q.id,
                "speaker": speaker_name(article, q),
                "speaker_entity_id": q.speaker_entity_id,
                "speaker_type": ent.type if ent is not None else None,
                "stance": q.stance,
                "negated": q.negated,
                "cue": q.cue,
                "content": _flat(q.text),
                "direct": q.direct,
                "event_ids": list(q.event_ids),
                "date": q.date,
            }
        )
    return rows


def claims_table(articles: Iterable[Article]) -> list[dict[str, Any]]:
    """The claims rows of many articles, in order."""
    return [row for art in articles for row in claims(art)]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _field(text: str) -> str:
    # "#" and "|" delimit GKG fields; keep them out of the values.
    return text.replace("#", " ").replace("|", " ")
