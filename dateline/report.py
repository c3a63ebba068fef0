"""A readable report of one extracted article, for ``dateline extract``."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from dateline.model import Article


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _arg_name(article: Article, entity_id: str | None, text: str) -> str:
    ent = article.entity(entity_id)
    return ent.name if ent else text


def _table(title: str, *columns: str) -> Table:
    table = Table(
        title=title, title_justify="left", title_style="bold", expand=False, show_lines=False
    )
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def render(article: Article) -> Group:
    """The report as rich renderables: header, outline, repairs, then one table per stage output."""
    parts: list[Table | Panel | Text] = []
    head = Text()
    head.append(article.title or (article.path or "article"), style="bold")
    meta = [
        f"id {article.id}",
        f"source {article.source or '—'}",
        f"published {article.published or '—'}",
        f"language {article.language or '—'}",
    ]
    if article.url:
        meta.append(article.url)
    head.append("\n" + " · ".join(meta))
    if article.dateline:
        head.append(f"\ndateline: {article.dateline.text}")
    for warning in article.warnings:
        head.append(f"\nwarning: {warning}", style="yellow")
    parts.append(Panel(head, expand=False))

    outline = Text()
    if article.standfirst:
        sf_start, sf_end = article.standfirst
        outline.append("standfirst: ", style="bold")
        outline.append(_clip(article.text[sf_start:sf_end], 200) + "\n")
    paragraphs = [p for p in article.text.split("\n\n") if p.strip()]
    body = paragraphs[1:] if article.standfirst and len(paragraphs) > 1 else paragraphs
    outline.append(
        f"body: {len(body)} paragraph(s), {len(article.sentences)} sentence(s), "
        f"{len(article.text.split())} words\n",
        style="bold",
    )
    for sent_start, sent_end in article.sentences[:3] or [(0, len(article.text))]:
        outline.append("  " + _clip(article.text[sent_start:sent_end], 110) + "\n")
    parts.append(outline)

    if article.repairs:
        table = _table("Repairs", "kind", "raw offset", "before", "after")
        for r in article.repairs:
            table.add_row(r.kind, str(r.raw_start), repr(r.before[:40]), repr(r.after[:40]))
        parts.append(table)

    if article.entities:
        table = _table("Entities", "id", "type", "name", "roles / nationality", "also", "mentions")
        for e in sorted(article.entities, key=lambda e: (e.type != "PERSON", e.type, e.id)):
            extra = ", ".join(
                [*(f"alias {a}" for a in e.aliases), *(f"acronym {a}" for a in e.acronyms)]
            )
            role = "; ".join(e.roles)
            if e.nationality:
                role = f"{role} ({e.nationality})" if role else f"({e.nationality})"
            table.add_row(e.id, e.type, e.name, role, extra, str(len(e.mentions)))
        parts.append(table)

    if article.places:
        table = _table(
            "Places",
            "id",
            "text",
            "resolved to",
            "level",
            "country",
            "admin1 / admin2",
            "lat, lon",
            "prec.",
        )
        for p in article.places:
            where = p.name if p.resolved else "unresolved"
            if p.relation:
                where = f"{p.relation} {where}"
            coords = f"{p.lat:.3f}, {p.lon:.3f}" if p.lat is not None and p.lon is not None else ""
            admin = " / ".join(x for x in (p.admin1, p.admin2) if x)
            table.add_row(
                p.id,
                p.text,
                f"{where} ({p.geonameid})" if p.geonameid else where,
                p.feature_code or "",
                p.country_code or "",
                admin,
                coords,
                str(p.precision or ""),
            )
        parts.append(table)

    if article.times:
        table = _table("Time expressions", "id", "text", "type", "value", "mod")
        for t in article.times:
            table.add_row(
                t.id,
                t.text,
                t.type,
                t.value if t.anchored else f"{t.value} (unresolved)",
                t.mod or "",
            )
        parts.append(table)

    if article.events:
        table = _table(
            "Events",
            "id",
            "trigger",
            "PLOVER / CAMEO",
            "ACLED",
            "actor1 → actor2",
            "where",
            "when",
            "counts",
            "status",
        )
        for ev in article.events:
            names = {a.role: _arg_name(article, a.entity_id, a.text) for a in ev.arguments}
            place = article.place(ev.place_id)
            counts = ", ".join(
                f"{c.kind} {c.qualifier + ' ' if c.qualifier else ''}{c.number if c.number is not None else '?'}"
                for c in ev.counts
            )
            status = ev.status + (" · background" if ev.background else "")
            table.add_row(
                ev.id,
                ev.trigger,
                f"{ev.plover_type or ''} {ev.plover_mode or ''} / {ev.cameo or ''}",
                f"{ev.acled_event_type or ''}: {ev.acled_sub_event_type or ''}",
                f"{names.get('actor1', '')} → {names.get('actor2', '')}",
                (f"{place.relation + ' ' if place.relation else ''}{place.name}" if place else ""),
                ev.date or "",
                counts,
                status,
            )
        parts.append(table)

    if article.quotes:
        table = _table("Quotes and claims", "id", "speaker", "cue", "stance", "statement")
        for q in article.quotes:
            ent = article.entity(q.speaker_entity_id)
            speaker = ent.name if ent else (q.speaker_description or q.speaker_text or "?")
            table.add_row(
                q.id, speaker, q.cue or "", q.stance, ("“" if q.direct else "") + _clip(q.text, 100)
            )
        parts.append(table)
    return Group(*parts)


def print_report(article: Article, console: Console | None = None) -> None:
    """Print the report of one article to the terminal (or ``console``)."""
    (console or Console()).print(render(article))
