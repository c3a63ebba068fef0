"""The places stage: recognise toponyms and resolve them to GeoNames, offline.

``stage(articles)`` fills ``article.places`` (one :class:`~dateline.model.Place` per mention,
ids ``p1``, ``p2``, ... in text order; unresolvable names are kept with ``resolved=False``) and
sets ``article.dateline.place_id``. ``locate_event(article, start, end)`` picks the place of an
event from its sentence. The gazetteer index is built on first use (see
:mod:`dateline.places.gazetteer`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from dateline.model import Article, Place
from dateline.places.gazetteer import (
    LEVEL_ADM1,
    LEVEL_ADM2,
    LEVEL_CONTINENT,
    LEVEL_PLACE,
    Entry,
    Gazetteer,
    load,
)
from dateline.places.recognize import Recognizer, demonyms
from dateline.places.resolve import Mention, Resolution, Resolver, annotate, query_keys
from dateline.places.text import fold

__all__ = ["locate_event", "resolve_spans", "stage"]


def stage(articles: Iterable[Article]) -> Iterator[Article]:
    """Find and resolve the places of each article.

    Needs: nlp (``article.doc``; parsed here if missing). Adds: ``places``,
    ``dateline.place_id``.
    """
    gaz = load()
    recognizer = Recognizer(gaz)
    resolver = Resolver(gaz)
    for art in articles:
        if art.language not in (None, "en"):
            yield art
            continue
        doc = art.doc
        if doc is None:
            from dateline.nlp import load_model

            doc = load_model()(art.text)
        mentions = recognizer.recognize(doc, art.text)
        dateline_idx = _add_dateline(art, mentions)
        art.places = _places(gaz, resolver, art.text, mentions)
        if art.dateline is not None and dateline_idx:
            first = next((p for p in art.places if (p.start, p.end) == dateline_idx), None)
            art.dateline.place_id = first.id if first else None
        art.stages.append("places")
        yield art


def resolve_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[Place]:
    """Resolve given toponym spans of ``text`` (no recognition): one place per span."""
    gaz = load()
    dem = demonyms()
    mentions = [
        Mention(s, e, text[s:e], source="given", code=dem.get(fold(text[s:e])))
        for s, e in spans
    ]
    return _places(gaz, Resolver(gaz), text, mentions)


def _add_dateline(art: Article, mentions: list[Mention]) -> tuple[int, int] | None:
    """Mark (or add) the mention of the dateline; returns its span."""
    dl = art.dateline
    if dl is None or not dl.text.strip():
        return None
    start, end = dl.start, dl.end
    if art.text[start:end] != dl.text:
        found = art.text.find(dl.text)
        if found < 0:
            return None
        start, end = found, found + len(dl.text)
    # The dateline's first comma part is the place ("KABUL, Afghanistan").
    name = art.text[start:end].split(",")[0].strip().rstrip(":-—– ")
    if not name:
        return None
    start = art.text.index(name, start)
    end = start + len(name)
    for m in mentions:
        if m.start < end and start < m.end:
            m.is_dateline = True
            return (m.start, m.end)
    mentions.append(Mention(start, end, name, source="dateline", is_dateline=True))
    mentions.sort(key=lambda m: m.start)
    return (start, end)


def _places(gaz: Gazetteer, resolver: Resolver, text: str, mentions: list[Mention]) -> list[Place]:
    mentions.sort(key=lambda m: m.start)
    annotate(text, mentions)
    results = resolver.resolve(text, mentions)
    pairs = zip(mentions, results, strict=True)
    places = [_place(gaz, f"p{i}", m, r) for i, (m, r) in enumerate(pairs, 1)]
    _locate_unknown(gaz, places, mentions)
    return places


def _locate_unknown(gaz: Gazetteer, places: list[Place], mentions: list[Mention]) -> None:
    """Place the names the gazetteer does not know, from what the article says around them.

    A spelling the sources lack (``Urozgan`` for Uruzgan) is a division or large town of one of
    the article's countries with the same consonant skeleton and nearly the same letters. Other
    names are mostly local features (streets, parks, lakes, hamlets, neighbourhoods) of the
    place the article is about: they take the place of an ``X, Y`` container, else the
    article's focus, at precision 3 with ``coord_source`` ``container`` or ``article-focus``
    and no GeoNames id. Without any resolved place they stay unresolved.
    """
    known = [p for p in places if p.resolved and p.geonameid is not None]
    if not known or len(known) == len(places):
        return
    countries = {p.country_code for p in known if p.country_code}
    for i, (p, m) in enumerate(zip(places, mentions, strict=True)):
        if p.resolved or m.code:
            continue
        near = [
            c.entry
            for key in query_keys(m.query)
            for c in gaz.lookup_skeleton(key)
            if c.entry.cc in countries and c.entry.lat is not None
        ]
        if near:
            best = min(near, key=lambda e: (e.level if e.level > 0 else 9, -e.population))
            places[i] = _place(gaz, p.id, m, Resolution(best, 0.5))
    counts = Counter(p.geonameid for p in known)
    # The most mentioned town or district of the most mentioned country; a country or
    # province only when there is none.
    by_country = Counter(p.country_code for p in known if p.country_code)
    top = by_country.most_common(1)[0][0] if by_country else None
    home = [p for p in known if p.country_code == top] or known
    fine = [p for p in home if (p.admin_level or 0) >= LEVEL_ADM2] or home
    focus = max(fine, key=lambda p: (counts[p.geonameid], p.admin_level or 0, -p.start))
    for p, m in zip(places, mentions, strict=True):
        if p.resolved:
            continue
        anchor, how = focus, "article-focus"
        if m.container is not None and places[m.container].geonameid is not None:
            anchor, how = places[m.container], "container"
        p.lat, p.lon = anchor.lat, anchor.lon
        p.country_code, p.country_code3, p.country = (
            anchor.country_code, anchor.country_code3, anchor.country)
        p.admin1, p.admin1_code = anchor.admin1, anchor.admin1_code
        p.coord_source = how
        p.precision = 3
        p.resolved = True


def _precision(level: int, relation: str | None) -> int:
    """ACLED geo_precision: 1 the town itself, 2 near a town / a district, 3 a larger region."""
    base = 1 if level == LEVEL_PLACE else 2 if level == LEVEL_ADM2 else 3
    if relation is not None and base == 1:
        return 2
    return base


def _place(gaz: Gazetteer, pid: str, m: Mention, r: Resolution) -> Place:
    place = Place(
        id=pid, name=m.text, start=m.start, end=m.end, text=m.text,
        relation=m.relation, distance_km=m.distance_km,
        source="dateline" if m.is_dateline else "demonym" if m.code else m.source,
    )
    e = r.entry
    if e is None:
        return place
    country = gaz.countries.get(e.cc)
    a1 = gaz.get(e.a1gid) if e.a1gid and e.level != LEVEL_ADM1 else None
    a2 = gaz.get(e.a2gid) if e.a2gid and e.level != LEVEL_ADM2 else None
    place.name = e.name
    place.geonameid = e.geonameid
    place.feature_class = e.fclass
    place.feature_code = e.fcode
    place.admin_level = None if e.level == LEVEL_CONTINENT else e.level
    place.country_code = e.cc or None
    place.country_code3 = country.iso3 if country else None
    place.country = country.name if country else None
    if e.level == LEVEL_ADM1:
        place.admin1, place.admin1_code = e.name, e.admin_code
    elif a1 is not None:
        place.admin1, place.admin1_code = a1.name, a1.admin_code
    if e.level == LEVEL_ADM2:
        place.admin2, place.admin2_code = e.name, e.admin_code
    elif a2 is not None:
        place.admin2, place.admin2_code = a2.name, a2.admin_code
    place.lat, place.lon = e.lat, e.lon
    place.coord_source = e.source or None
    place.precision = _precision(e.level, m.relation)
    place.resolved = e.lat is not None
    place.score = r.score
    return place


def locate_event(
    article: Article, start: int, end: int, exclude: frozenset[str] = frozenset()
) -> str | None:
    """The id of the place (in ``article.places``) where the event in ``text[start:end]`` happened.

    Resolved places inside the span come first, then the rest of its sentence; among them,
    the dateline and demonyms come last, relative places (``east of Kabul``) and the finest
    level first, then the one nearest the span. Without any, the dateline's place, else the
    article's focus (its most mentioned place, finer levels first on ties). Places whose ids are
    in ``exclude`` (the caller knows they do not locate this event) are passed over.
    """
    resolved = [p for p in article.places if p.resolved and p.id not in exclude]
    if not resolved:
        return None

    dateline_id = article.dateline.place_id if article.dateline is not None else None

    def rank(p: Place) -> tuple[int, int, int, int, int]:
        level = p.admin_level if p.admin_level is not None else -1
        dist = 0 if start <= p.start < end else min(abs(p.start - start), abs(p.start - end))
        # The dateline names where the report was filed and a demonym a nationality: both
        # yield to any other place in the sentence.
        return (
            1 if p.id == dateline_id else 0,
            1 if p.source == "demonym" else 0,
            0 if p.relation else 1,
            -level,
            dist,
        )

    inside = [p for p in resolved if start <= p.start and p.end <= end]
    if inside:
        return min(inside, key=rank).id
    s_start, s_end = article.sentence_of(start)
    s_end = max(s_end, article.sentence_of(max(start, end - 1))[1])
    in_sentence = [p for p in resolved if s_start <= p.start and p.end <= s_end]
    if in_sentence:
        return min(in_sentence, key=rank).id
    if article.dateline is not None and article.dateline.place_id:
        return article.dateline.place_id
    return focus_place(article)


def focus_place(article: Article) -> str | None:
    """The article's focus: its most mentioned resolved place (finer levels win ties)."""
    resolved = [p for p in article.places if p.resolved and p.geonameid]
    if not resolved:
        return None
    counts = Counter(p.geonameid for p in resolved)
    best = max(
        resolved,
        key=lambda p: (counts[p.geonameid], p.admin_level or 0, -p.start),
    )
    return best.id


def entry_of(place: Place) -> Entry | None:
    """The gazetteer entry behind a resolved place."""
    return load().get(place.geonameid) if place.geonameid else None


def admin1_id(place: Place) -> int | None:
    """The gazetteer id of the first-level division ``place`` lies in (itself, for a division),
    also for a name the gazetteer lacks that was placed inside a known division."""
    entry = entry_of(place)
    if entry is None and place.country_code and place.admin1_code:
        entry = load().admin1(place.country_code, place.admin1_code)
    if entry is None:
        return None
    return (entry.gid if entry.level == LEVEL_ADM1 else entry.a1gid) or None

