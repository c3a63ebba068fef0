"""Exports of extracted events: ACLED-style CSV rows, PLOVER JSON records, GDELT GKG counts.

Pure functions of an :class:`Article` (and one of its events); the CLI and the store call them.
"""

from __future__ import annotations

import re
from typing import Any

from dateline.events.lexicon import load
from dateline.model import Argument, Article, Entity, Event

#: ACLED's column order (acledR codebook, with the 2023 removals applied).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)

_INTER = {
    "state_forces": 1, "rebel_groups": 2, "political_militias": 3, "identity_militias": 4,
    "rioters": 5, "protesters": 6, "civilians": 7, "external_forces": 8,
}
_DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Riots": "Political violence",
    "Protests": "Demonstrations", "Strategic developments": "Strategic developments",
}
#: GDELT GKG count types for dateline's count kinds (GKG has no `displaced`; AFFECT covers it).
GKG_COUNT_TYPES = {
    "killed": "KILL", "wounded": "WOUND", "arrested": "ARREST", "kidnapped": "KIDNAP",
    "displaced": "AFFECT",
}
_POLICE = re.compile(r"\b(police|policem[ae]n|cops?|gendarm\w*|officers?)\b", re.IGNORECASE)


def _country(article: Article, event: Event, arg: Argument | None = None) -> str | None:
    lex = load()
    if arg is not None:
        for word in re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", arg.text):
            if word.lower() in lex.demonyms:
                return lex.demonyms[word.lower()]
    place = article.place(event.place_id)
    if place is not None and place.country:
        return place.country
    return None


def actor_name(article: Article, event: Event, arg: Argument | None) -> str:
    """ACLED-style actor name: the entity's name, or a type name with the country."""
    if arg is None:
        return ""
    country = _country(article, event, arg)
    ent = article.entity(arg.entity_id)
    if ent is not None and ent.type in ("ORG", "PERSON") and arg.actor_type not in (
        "civilians", "protesters", "rioters"
    ):
        return ent.name
    suffix = f" ({country})" if country else ""
    kind = arg.actor_type
    if kind == "state_forces":
        if country is None:
            return "Police Forces" if _POLICE.search(arg.text) else "Military Forces"
        if _POLICE.search(arg.text):
            return f"Police Forces of {country}"
        return f"Military Forces of {country}"
    if kind == "protesters":
        return f"Protesters{suffix}"
    if kind == "rioters":
        return f"Rioters{suffix}"
    if kind == "civilians":
        return f"Civilians{suffix}"
    named = ent or _entity_within(article, arg)
    if kind in ("political_militias", "identity_militias") and named is None:
        return f"Unidentified Armed Group{suffix}"
    if named is not None:
        return named.name
    return arg.text


def _entity_within(article: Article, arg: Argument) -> Entity | None:
    """An organisation named inside a common-noun phrase (`Taliban militants` -> Taliban)."""
    for ent in article.entities:
        if ent.type not in ("ORG", "NORP"):
            continue
        for men in ent.mentions:
            if arg.start <= men.start and men.end <= arg.end:
                if ent.type == "NORP" and load().demonyms.get(men.text.lower()):
                    continue  # `Afghan forces` names a country's forces, not a group
                return ent
    return None


def _arg(event: Event, role: str) -> Argument | None:
    return next((a for a in event.arguments if a.role == role), None)


def acled_actor_names(article: Article, event: Event) -> tuple[str, str]:
    """(actor1, actor2) of an event named the ACLED way."""
    a1 = _arg(event, "actor1")
    a2 = _arg(event, "actor2")
    if event.acled_event_type in ("Protests", "Riots") and a1 is not None \
            and a1.actor_type not in ("protesters", "rioters"):
        a1 = Argument(a1.role, a1.text, a1.start, a1.end, None,
                      "rioters" if event.acled_event_type == "Riots" else "protesters")
    if event.acled_event_type in ("Protests", "Riots") and a1 is None:
        kind = "rioters" if event.acled_event_type == "Riots" else "protesters"
        a1 = Argument("actor1", "", event.start, event.start, None, kind)
    if event.acled_event_type == "Violence against civilians" and a2 is None:
        a2 = Argument("actor2", "", event.start, event.start, None, "civilians")
    if event.acled_event_type == "Protests" and event.acled_sub_event_type == "Peaceful protest":
        a2 = None
    return actor_name(article, event, a1), actor_name(article, event, a2)


def _inter(arg: Argument | None) -> int | str:
    if arg is None or arg.actor_type is None:
        return ""
    return _INTER.get(arg.actor_type, "")


def acled_row(article: Article, event: Event) -> dict[str, Any]:
    """One ACLED-style CSV row (keys = :data:`ACLED_COLUMNS`) for ``event``."""
    from dateline.events import fatalities

    place = article.place(event.place_id)
    a1, a2 = acled_actor_names(article, event)
    arg1, arg2 = _arg(event, "actor1"), _arg(event, "actor2")
    i1, i2 = _inter(arg1), _inter(arg2)
    interaction: int | str = ""
    if isinstance(i1, int):
        interaction = int(f"{min(i1, i2)}{max(i1, i2)}") if isinstance(i2, int) else i1 * 10
    assoc1 = "; ".join(a.text for a in event.arguments if a.role == "assoc_actor1")
    assoc2 = "; ".join(a.text for a in event.arguments if a.role == "assoc_actor2")
    notes = article.text[event.sentence_start:event.sentence_end]
    civ = "Civilian targeting" if (arg2 is not None and arg2.actor_type == "civilians"
                                   and event.acled_event_type in (
                                       "Violence against civilians", "Explosions/Remote violence"
                                   )) else ""
    row: dict[str, Any] = {
        "event_id_cnty": f"{article.id}-{event.id}",
        "event_date": event.date or "",
        "year": (event.date or "")[:4],
        "time_precision": event.time_precision or "",
        "disorder_type": _DISORDER.get(event.acled_event_type or "", ""),
        "event_type": event.acled_event_type or "",
        "sub_event_type": event.acled_sub_event_type or "",
        "actor1": a1, "assoc_actor_1": assoc1, "inter1": i1,
        "actor2": a2, "assoc_actor_2": assoc2, "inter2": i2,
        "interaction": interaction,
        "civilian_targeting": civ,
        "iso": "", "region": "",
        "country": place.country if place and place.country else "",
        "admin1": place.admin1 if place and place.admin1 else "",
        "admin2": place.admin2 if place and place.admin2 else "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": event.geo_precision or "",
        "source": article.source or "",
        "source_scale": "",
        "notes": notes,
        "fatalities": fatalities(event),
        "tags": "",
        "timestamp": "",
    }
    return row


def acled_rows(article: Article, *, include_background: bool = False) -> list[dict[str, Any]]:
    """ACLED rows for every ACLED-codable event of the article (current ones by default)."""
    return [
        acled_row(article, ev) for ev in article.events
        if ev.acled_event_type and (include_background or not ev.background)
        and ev.status not in ("negated", "hypothetical", "planned")
    ]


def _plover_actor(article: Article, arg: Argument) -> dict[str, Any]:
    ent = article.entity(arg.entity_id)
    return {
        "code": "", "sector": arg.actor_type or "", "entity_text": arg.text,
        "identifier_id": arg.entity_id or "", "identifier_text": ent.name if ent else "",
    }


def plover_record(article: Article, event: Event) -> dict[str, Any]:
    """One PLOVER JSON record for ``event``."""
    place = article.place(event.place_id)
    loc: dict[str, Any] = {}
    if place is not None:
        loc = {
            "name": place.name, "geonameid": place.geonameid, "lat": place.lat, "lon": place.lon,
            "country_code3": place.country_code3, "admin1_name": place.admin1,
            "admin2_name": place.admin2, "feature_code": place.feature_code,
            "resolution": place.precision,
        }
    context = []
    if event.background:
        context.append("historical")
    return {
        "id": f"{article.id}-{event.id}",
        "has_event": True,
        "date": event.date or "",
        "enddate": event.date_end or "",
        "actor": [_plover_actor(article, a) for a in event.arguments
                  if a.role in ("actor1", "assoc_actor1")],
        "recipient": [_plover_actor(article, a) for a in event.arguments
                      if a.role in ("actor2", "assoc_actor2")],
        "event": event.plover_type or "",
        "mode": [event.plover_mode] if event.plover_mode else [],
        "context": context,
        "event_loc": loc,
        "event_text": event.trigger,
        "text": article.text[event.sentence_start:event.sentence_end],
        "cameo": event.cameo or "",
        "status": event.status,
        "link": article.url or "",
        "cite_info": article.source or "",
        "coder": "dateline",
    }


def plover_records(article: Article) -> list[dict[str, Any]]:
    """PLOVER records for every PLOVER-coded event of the article."""
    return [plover_record(article, ev) for ev in article.events if ev.plover_type]


def gkg_counts(article: Article) -> str:
    """The article's counts in GDELT GKG V2.1COUNTS form.

    Each block is ``COUNTTYPE#NUMBER#OBJECTTYPE#LOCATIONTYPE#FULLNAME#COUNTRYCODE#ADM1CODE#
    LAT#LONG#FEATUREID#CHAROFFSET``; blocks are joined by ``;``.
    """
    blocks = []
    for ev in article.events:
        place = article.place(ev.place_id)
        for c in ev.counts:
            if c.number is None:
                continue
            loc = ["", "", "", "", "", "", ""]
            if place is not None:
                loc = [
                    str(min(place.admin_level or 4, 4) or ""), place.name,
                    place.country_code or "",
                    f"{place.country_code or ''}{place.admin1_code or ''}",
                    "" if place.lat is None else f"{place.lat:.4f}",
                    "" if place.lon is None else f"{place.lon:.4f}",
                    str(place.geonameid or ""),
                ]
            fields = [GKG_COUNT_TYPES.get(c.kind, c.kind.upper()), str(c.number),
                      (c.object or "").replace("#", " "), *loc, str(c.start)]
            blocks.append("#".join(fields))
    return ";".join(blocks)
