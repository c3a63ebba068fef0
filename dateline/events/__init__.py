"""The events stage: who did what to whom, where, when and how many.

Needs: nlp, entities (for entity ids), places and dates (through
:func:`dateline.places.locate_event` and :func:`dateline.dates.date_event`; both may return
``None``). Adds: ``article.events``, each coded in PLOVER (type, mode), CAMEO and ACLED (event and
sub-event type), with typed and entity-resolved arguments, casualty counts, status, background
flag, source entity and every evidence span. Mappings live in ``dateline/data/events/``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from dateline.dates import EventDate
from dateline.events.extract import (
    DISTINCT_MARKS,
    PHYSICAL,
    REPORTING,
    VIOLENT,
    Mention,
    code_acled,
    counts_text_counts,
    find_mentions,
    instrument_of,
    is_total,
    kicker_coding,
)
from dateline.events.lexicon import Trigger, load
from dateline.model import Argument, Article, Count, Event, Place

#: An event dated this many days or more before publication is background history.
BACKGROUND_DAYS = 45


def stage(articles: Iterable[Article]) -> Iterator[Article]:
    """Extract and consolidate the events of every parsed article."""
    for art in articles:
        if art.doc is not None:
            art.events = extract_events(art)
        art.stages.append("events")
        yield art


class _Draft:
    """An event being consolidated from mentions."""

    def __init__(self, m: Mention, sent_index: int) -> None:
        self.dates: set[str] = set(m.dates)
        self.mentions = [m]
        self.sent_indices = [sent_index]
        self.extra_counts: list[Count] = []
        self.actor_override: Argument | None = None

    @property
    def physical(self) -> bool:
        return any(m.physical for m in self.mentions)

    @property
    def last_sentence(self) -> int:
        return self.sent_indices[-1]

    def entity_ids(self, roles: tuple[str, ...], *, typed: bool = False) -> set[str]:
        return {
            a.entity_id for m in self.mentions for a in m.arguments
            if a.entity_id and a.role in roles and (a.actor_type or not typed)
        }

    def killed(self) -> list[Count]:
        return [c for m in self.mentions for c in m.counts if c.kind == "killed"]


def _conflicts(d: _Draft, m: Mention, *, same_entity: bool = False,
               check_dates: bool = False) -> bool:
    """True when ``m`` cannot be the same happening as draft ``d``."""
    if not same_entity and any(x.background for x in d.mentions) != m.background:
        return True
    # Dates only separate neighbouring sentences: a later sentence often dates the report
    # (`he said on Sunday`), not the event it refers back to.
    if check_dates and m.dates and d.dates and not m.dates & d.dates:
        return True
    unreal = ("hypothetical", "planned", "negated")
    if (m.status in unreal) != any(x.status in unreal for x in d.mentions):
        return True
    victims = d.entity_ids(("actor2",), typed=True)
    mine = {a.entity_id for a in m.arguments
            if a.role == "actor2" and a.entity_id and a.actor_type}
    if victims and mine and not victims & mine:
        return True
    if victims and not mine and any(c.kind == "killed" and (c.number or 0) > 1 for c in m.counts):
        return True
    mk = [c for c in m.counts if c.kind == "killed" and not c.vague]
    dk = [c for c in d.killed() if not c.vague]
    if mk and dk and {(c.number, c.object) for c in mk} != {(c.number, c.object) for c in dk}:
        # Different victims of one clash (`3 soldiers ... 5 militants`) are still one event
        # when the objects differ; the same object with another number is another event.
        for obj in {c.object for c in mk} & {c.object for c in dk}:
            if {c.number for c in mk if c.object == obj} != {
                c.number for c in dk if c.object == obj
            }:
                return True
    return False


_TEMPORAL_PREPS = frozenset({"after", "before", "since", "until"})


def _subordinated(m: Mention) -> bool:
    """True when the mention sits in an `after ...`/`before ...` clause (a distinct happening)."""
    tok = m.head
    for _ in range(8):
        if any((c.dep_ == "mark" and c.lower_ in DISTINCT_MARKS)
               or (c.dep_ == "prep" and c.lower_ in _TEMPORAL_PREPS) for c in tok.children):
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ in _TEMPORAL_PREPS:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _same_sentence_ok(prev: _Draft, m: Mention, si: int) -> bool:
    """Two unlinked mentions of one sentence are one event unless one is subordinated."""
    return prev.last_sentence == si and not _subordinated(m) and not any(
        _subordinated(x) for x in prev.mentions if x.sent.start == m.sent.start
    )


def _victim_is_nominal(m: Mention, *, singular: bool = False) -> bool:
    """The mention's victim is a singular description (`this leader`, `a senior commander`)."""
    victims = [a for a in m.arguments if a.role == "actor2"]
    if not victims or any(a.entity_id is not None or a.text[:1].isdigit() for a in victims):
        return False
    if any(c.kind == "killed" and (c.number or 0) > 1 for c in m.counts):
        return False
    if singular:
        doc = m.sent.doc
        return all(doc.char_span(a.start, a.end, alignment_mode="expand")[-1].tag_ == "NN"
                   for a in victims)
    return any(m.sent.doc[i].lower_ in ("this", "that", "the") for i in m.tokens)


def _consolidate(mentions: list[Mention], sent_index: dict[int, int]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for m in mentions:
        si = sent_index[m.sent.start]
        target: _Draft | None = None
        candidates = [d for d in reversed(drafts) if d.physical == m.physical]
        if m.anaphoric and candidates:
            target = next(
                (d for d in candidates if d.mentions[0].classes & m.classes
                 or (m.classes & VIOLENT and d.mentions[0].classes & VIOLENT)),
                None,
            )
        if target is None:
            mine = {a.entity_id for a in m.arguments if a.entity_id and a.role == "actor2"}
            agents = {a.entity_id for a in m.arguments if a.entity_id and a.role == "actor1"}
            for d in candidates:
                if not d.mentions[0].classes & m.classes:
                    continue
                if m.physical and mine and mine & d.entity_ids(("actor2",)):
                    target = d
                    break
                if (m.physical and mine and not d.entity_ids(("actor2",))
                        and any(_victim_is_nominal(x, singular=True) for x in d.mentions)
                        and not _conflicts(d, m)):
                    target = d
                    break
                if not m.physical and mine & d.entity_ids(("actor2",)) and agents & d.entity_ids(
                    ("actor1",)
                ):
                    target = d
                    break
            if target is None and m.physical and not mine and not agents:
                # A later mention of the same kind of happening with no conflicting participant
                # (`Al-Masri was killed ...` after `confirmed the killing of a leader`).
                same = [d for d in candidates if d.mentions[0].classes & m.classes
                        and sent_index[d.mentions[0].sent.start] < si]
                if same and not _conflicts(same[0], m) and not any(
                    c.kind == "killed" and (c.number or 0) > 1 for c in m.counts
                ) and _victim_is_nominal(m):
                    target = same[0]
        # Background history is told in summaries of separate episodes: only a shared
        # participant (or an anaphor) joins two background mentions, never adjacency.
        for prev in candidates[:3] if target is None and m.physical and not m.background else []:
            related = bool(prev.mentions[0].classes & PHYSICAL - {"arrest", "protest"})
            if (
                (si - 3 <= prev.last_sentence < si or _same_sentence_ok(prev, m, si))
                and related
                and not _conflicts(prev, m, check_dates=True)
                and ("arrest" not in m.classes or m.classes & prev.mentions[0].classes)
                and ("protest" not in m.classes or "protest" in prev.mentions[0].classes)
            ):
                target = prev
                break
        shares = target is not None and bool(
            {a.entity_id for a in m.arguments if a.entity_id and a.role == "actor2"}
            & target.entity_ids(("actor2",))
        )
        if target is not None and (
            not _conflicts(target, m, same_entity=shares) or m.anaphoric
        ):
            target.mentions.append(m)
            target.sent_indices.append(si)
            target.dates |= m.dates
        else:
            drafts.append(_Draft(m, si))
    return drafts


def _orphan_counts(article: Article, drafts: list[_Draft], sents: list[Any]) -> None:
    """Counts in sentences without a physical trigger (`1 fatality.`) join the event before."""
    covered = {si for d in drafts for si in d.sent_indices if d.physical}
    for si, sent in enumerate(sents):
        if si in covered:
            continue
        prev = [d for d in drafts if d.physical and si - 3 <= d.last_sentence < si]
        if not prev:
            continue
        counts = counts_text_counts(list(sent), article)
        if counts:
            prev[-1].extra_counts.extend(counts)
            prev[-1].sent_indices.append(si)


def _attributions(article: Article, drafts: list[_Draft], sents: list[Any]) -> None:
    """`claimed responsibility`, `attributed the attack to X`, `blamed X`: X is actor1."""
    from dateline.events.extract import _Resolver

    res = _Resolver(article, load())
    for si, sent in enumerate(sents):
        lemmas = {t.lemma_.lower() for t in sent}
        if not lemmas & {"blame", "attribute", "claim", "responsible"}:
            continue
        if any(t.dep_ == "neg" or t.lower_ in ("no", "not") for t in sent
               if t.head.lemma_.lower() in ("claim", "group")):
            negated_claim = True
        else:
            negated_claim = False
        actor: Argument | None = None
        for tok in sent:
            lemma = tok.lemma_.lower()
            if lemma == "attribute":
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ == "to":
                        actor = next((res.argument("actor1", p) for p in c.children
                                      if p.dep_ == "pobj"), actor)
            elif lemma == "blame":
                actor = next((res.argument("actor1", c) for c in tok.children
                              if c.dep_ == "dobj"), actor)
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ == "on":
                        actor = next((res.argument("actor1", p) for p in c.children
                                      if p.dep_ == "pobj"), actor)
            elif lemma == "claim" and not negated_claim and any(
                c.lemma_.lower() == "responsibility" for c in tok.children
            ):
                actor = next((res.argument("actor1", c) for c in tok.children
                              if c.dep_ == "nsubj"), actor)
        if actor is None or (actor.entity_id is None and actor.actor_type in (None, "civilians")):
            continue
        prev = [d for d in drafts if d.physical and min(d.sent_indices) <= si]
        if prev:
            target = prev[-1]
            has_named = any(
                a.role == "actor1" and a.entity_id for m in target.mentions for a in m.arguments
            )
            if not has_named:
                target.actor_override = actor


def _iso(value: str | None) -> _dt.date | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _build(article: Article, d: _Draft, n: int, sents: list[Any],
           shared_free: set[int]) -> Event:
    from dateline.dates import date_event
    from dateline.places import locate_event

    lex = load()
    first = d.mentions[0]
    head_mention = max(d.mentions, key=lambda m: (m.physical, -d.mentions.index(m)))
    head = head_mention.head
    classes: set[str] = set()
    context: set[str] = set()
    instrument, instrument_mode = None, None
    args: list[Argument] = []
    # A bare `the attack` that refers back adds no kind of its own to what it refers to.
    telling = [m for m in d.mentions if not m.anaphoric] or d.mentions
    telling_ids = {id(m) for m in telling}
    for m in d.mentions:
        if id(m) in telling_ids:
            classes |= m.classes
        context |= m.context
        if instrument is None and m.instrument:
            instrument, instrument_mode = m.instrument, m.instrument_mode
        for a in m.arguments:
            if a.role == "instrument" and any(x.role == "instrument" for x in args):
                continue
            same = any(x.entity_id and x.entity_id == a.entity_id for x in args)
            if not same and not any(x.start == a.start and x.end == a.end for x in args):
                if a.role in ("actor1", "actor2") and any(x.role == a.role for x in args):
                    a = Argument(f"assoc_{a.role}", a.text, a.start, a.end, a.entity_id,
                                 a.actor_type)
                args.append(a)
    toks = [t for si in sorted(set(d.sent_indices)) for t in sents[si]
            if si in shared_free or any(t.i in x.tokens for x in d.mentions)]
    found = instrument_of(toks, article)
    if found is not None and classes & VIOLENT:
        instrument, instrument_mode = found
    if d.actor_override is not None:
        old = [a for a in args if a.role == "actor1"]
        args = [a for a in args if a.role != "actor1"]
        args.insert(0, d.actor_override)
        for a in old:
            args.append(Argument("assoc_actor1", a.text, a.start, a.end, a.entity_id,
                                 a.actor_type))
    acled = kicker_coding(d.mentions) or code_acled(classes, instrument, args, context, lex)
    entry = max(
        (e for m in telling for e in m.entries),
        key=lambda e: _entry_key(e, instrument, args, context),
    )
    mode = entry.plover_mode or None
    if entry.plover_type == "ASSAULT" and instrument_mode:
        mode = instrument_mode
    counts = _merge_counts([c for m in d.mentions for c in m.counts] + d.extra_counts)
    status = first.status
    if any(m.status == "asserted" for m in d.mentions) and status in ("claimed",):
        status = "asserted" if any(m.source_entity_id for m in d.mentions) else status
    sent_spans = []
    for si in sorted(set(d.sent_indices)):
        s = sents[si]
        sent_spans.append((s.start_char, s.end_char))
    ev = Event(
        id=f"e{n}",
        trigger=head.text,
        start=head.idx,
        end=head.idx + len(head.text),
        sentence_start=head.sent.start_char,
        sentence_end=head.sent.end_char,
        plover_type=entry.plover_type or None,
        plover_mode=mode,
        cameo=entry.cameo or None,
        acled_event_type=acled[0] if acled else None,
        acled_sub_event_type=acled[1] if acled else None,
        arguments=args,
        counts=counts,
        status=status,
        background=any(m.background for m in d.mentions),
        source_entity_id=next((m.source_entity_id for m in d.mentions if m.source_entity_id),
                              None),
        evidence=sent_spans,
        confidence=round(min(1.0, 0.4 + 0.1 * len(args) + 0.1 * len(d.mentions)
                             + (0.2 if acled else 0.0)), 2),
    )
    # The first evidence sentence dates the event; when it names no day, a recent day named in a
    # later one (`the agency said late on Saturday that he was killed`) beats the publication day.
    dated = [(date_event(article, s, e), s, e) for s, e in sent_spans]
    later = [x for x in dated[1:] if x[0] is not None and _recent_day(article, x[0])]
    named = dated[:1] if dated and dated[0][0] is not None and dated[0][0].time_id else []
    for when, s, e in named + later + dated[:1]:
        if when is not None:
            ev.date, ev.date_end = when.date, when.date_end
            ev.time_precision, ev.time_id = when.precision, when.time_id
            _look_back(article, ev, s, e)
            break
    not_here: set[str] = set()
    own = _own_place(article, d, not_here)
    if own is not None:
        ev.place_id, ev.geo_precision = own.id, own.precision
    for s, e in [] if own is not None else sent_spans:
        place_id = locate_event(article, s, e, exclude=frozenset(not_here))
        if place_id is not None:
            ev.place_id = place_id
            place = article.place(place_id)
            ev.geo_precision = place.precision if place is not None else None
            break
    published = _iso(article.published)
    happened = _iso(ev.date_end or ev.date)
    if published and happened and (published - happened).days >= BACKGROUND_DAYS:
        ev.background = True
    return ev


_WINDOW = re.compile(r"^(?:the\s+)?(?:past|last|previous|preceding)\b", re.IGNORECASE)
_WINDOW_VALUE = re.compile(r"^P(?:T(\d+)H|(\d+)D)$")


def _recent_day(article: Article, when: EventDate) -> bool:
    """A day named in the text, within a month before publication."""
    published = _iso(article.published)
    day = _iso(when.date)
    return bool(when.time_id and when.precision == 1 and when.date_end is None and day
                and published and 0 <= (published - day).days <= 31)


def _look_back(article: Article, ev: Event, start: int, end: int) -> None:
    """`Reported on 29 May, over the past 24 hours, ...`: the day named is the report's; the event
    lies in the window before it: the day before for 24 hours (as ACLED codes it), else a range
    from the window's start to the report day."""
    day = _iso(ev.date)
    if day is None or ev.date_end is not None:
        return
    for t in article.times:
        if t.type != "DURATION" or not (start <= t.start < end) or not _WINDOW.match(t.text):
            continue
        m = _WINDOW_VALUE.match(t.value)
        if m is None:
            continue
        days = max(1, -(-int(m[1]) // 24)) if m[1] else int(m[2])
        if days > 7:
            continue
        ev.date_end = None if days == 1 else ev.date
        ev.date = (day - _dt.timedelta(days=days)).isoformat()
        ev.time_precision = 1 if days == 1 else 2
        return


def _entry_key(entry: Trigger, instrument: str | None, args: list[Argument],
               context: set[str]) -> tuple[int, bool]:
    """Rank of a trigger entry for coding an event: its ACLED rule's rank; among equally ranked
    violent triggers, one with a PLOVER mode (`opened fire`: firearms) beats a bare `injured`."""
    rank = (code_acled({entry.cls}, instrument, args, context, load()) or ("", "", 0))[2]
    return rank, rank > 0 and bool(entry.plover_mode)


def _own_place(article: Article, d: _Draft, not_here: set[str]) -> Place | None:
    """The place named in the event's own words that best locates it.

    Its mentions' clauses, not whole sentences, so that `... killed at a school in X, hours after
    a bomb killed nine east of Y` gives X to the first killing and Y to the bombing. A relative
    place (`east of Y`) comes first, then the finest level, then the place nearest the trigger in
    the parse (`rallied in X to honour the victims of Y`: X, when both are towns), then the
    earliest. A name that only qualifies a noun (`US troops`), starts an organisation's name or
    acts (`the US invaded`), the place of a speaker (`an officer in X said`), the dateline and
    demonyms do not locate it, nor does a place that only qualifies another one of the clause
    (`X district (Y)`). Countries that say where people come from or end a proper name are added
    to ``not_here`` so that no fallback picks them either.
    """
    dateline_place = article.dateline.place_id if article.dateline is not None else None
    starts: dict[int, Any] = {}
    heads: dict[int, Any] = {}
    for m in d.mentions:
        for i in m.tokens:
            tok = m.sent.doc[i]
            if not _in_speaker(tok):
                starts[tok.idx] = tok
                heads[tok.idx] = m.head
    found: list[tuple[Place, int]] = []
    for p in article.places:
        tok = starts.get(p.start)
        if tok is None or not p.resolved or p.id == dateline_place or p.source == "demonym":
            continue
        if p.source == "ner-org-prefix" and _ORG_GOES_ON.match(article.text, p.end):
            continue  # `the China Banking Commission`: the name of an organisation
        span = tok.doc.char_span(p.start, p.end, alignment_mode="expand")
        root = span.root if span is not None else tok
        if root.dep_ == "nsubj" or (
            root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.pos_ in ("NOUN", "PROPN")
            and (root.head.lemma_.lower(),) not in load().place_nouns
        ):
            continue  # an actor (`the US invaded`, `US troops`), not where it happened
        if _origin_or_name(root, p):
            not_here.add(p.id)
            continue
        found.append((p, _hops(root, heads[p.start])))
    places, pieces = _name_pieces(article)
    chains = {p.id: _qualifiers(article, p, places, pieces) for p, _ in found}
    # A qualifier names the region holding another place of the clause, not a rival to it
    # (`Tame municipality (Arauca)`: the event is in Tame, not in Arauca town), unless that
    # place is a name nobody knows, which its qualifiers locate better, or a country (`in
    # Latvia, Riga`).
    held = {q.id for p, _ in found if (p.admin_level or 0) >= 1 or p.coord_source == "container"
            for q in chains[p.id]}
    found = [(p, h) for p, h in found if p.id not in held] or found
    found = [(_within_qualifiers(article, p, chains[p.id], pieces), h) for p, h in found]
    if not found:
        return None
    return min(found, key=lambda x: (0 if x[0].relation else 1, -_level(x[0]), x[1],
                                     x[0].start))[0]


def _origin_or_name(tok: Any, place: Place) -> bool:
    """A country that says where people come from (`workers from Nepal`) or ends a proper name
    (`the Communist Party of the Russian Federation`) rather than where something happened.
    A town or district still places it (`abducted people from X district`, `the City Council
    of Ceuta`)."""
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj" or place.admin_level != 0:
        return False
    prep, owner = tok.head, tok.head.head
    if (owner.lemma_.lower(),) in load().place_nouns:
        return False
    return (prep.lower_ == "from" and owner.pos_ in ("NOUN", "PROPN")) or (
        prep.lower_ == "of" and owner.pos_ == "PROPN")


def _level(p: Place) -> int:
    """Admin level; a name the gazetteer lacks counts as a locality when placed by the place that
    qualifies it (`Mazdaki, Nangarhar`), and as the coarsest when placed by the article's focus."""
    if p.admin_level is not None:
        return p.admin_level
    return 3 if p.coord_source == "container" else 0


#: An organisation's name going on after the place that starts it (`China Banking ...`).
_ORG_GOES_ON = re.compile(r"\s+[A-Z]")


def _name_pieces(article: Article) -> tuple[list[Place], set[str]]:
    """The article's places in text order, and the ids of name pieces the recognizer split off a
    longer name (`Baja` of `Baja California`, `Rey` of `Mayo-Rey`), which qualify nothing and say
    nothing about the article's country."""
    text = article.text
    places = sorted(article.places, key=lambda x: x.start)
    pieces = {
        x.id for i, x in enumerate(places)
        if text[x.start - 1:x.start] == "-" or text[x.end:x.end + 1] == "-"
        or (i + 1 < len(places) and not text[x.end:places[i + 1].start].strip())
        or (i > 0 and not text[places[i - 1].end:x.start].strip())
    }
    return places, pieces


def _qualifiers(article: Article, p: Place, places: list[Place], pieces: set[str]) -> list[Place]:
    """The resolved places qualifying ``p`` (`X village (Y township, Z region)`: Y and Z),
    nearest first. An item the gazetteer lacks may stand in the list (`X (Unknown township,
    Z)`); a name piece ends it."""
    chain: list[Place] = []
    end = p.end
    for q in places:
        if q.start < end or q.source == "demonym":
            continue
        if not _QUALIFIER_GAP.fullmatch(article.text[end:q.start]) or q.id in pieces:
            break
        chain.append(q)
        end = q.end
    return [q for q in chain if q.resolved]


def _within_qualifiers(article: Article, p: Place, chain: list[Place], pieces: set[str]) -> Place:
    """``p``, or the nearest of the places qualifying it (``chain``) when ``p`` lies outside them.

    A place qualified by others (`X district, Zabul`, `X village (Y township, Z region)`,
    `X, Donetsk`) lies in their regions: one that does not was resolved to a namesake elsewhere,
    and the event is placed, as coders do, at the nearest qualifier that holds together. Across a
    border, the qualifier wins only when the article names at least as many places in its country,
    since a qualifier can be the namesake instead.
    """
    countries = Counter(
        x.country_code for x in article.places if x.resolved and x.id not in pieces)
    for i, cand in enumerate([p, *chain]):
        if all(_inside(cand, q) for q in chain[i:]):
            if cand is p or cand.country_code == p.country_code or p.id in pieces \
                    or countries[cand.country_code] >= countries[p.country_code]:
                return cand
            break
    return p


def _hops(tok: Any, head: Any) -> int:
    """Dependency steps from ``tok`` up to ``head`` (a large number when it is not below it)."""
    for n in range(12):
        if tok.i == head.i:
            return n
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return 12


#: What may stand between a place and the next of its qualifiers, list items the gazetteer lacks
#: included (`Kan Beit village (Yesagyo township, Pakokku district, ...)`).
_QUALIFIER_GAP = re.compile(r"\s*[,(]\s*(?:[A-Z][^,();.\n]{0,40},\s*){0,3}|\s+(?:in|of)\s+")


def _inside(p: Place, q: Place) -> bool:
    """False when ``p`` lies outside the country or first-level division of ``q``, a coarser
    place or a town standing for its region (`Pisky, Donetsk`)."""
    from dateline.places import admin1_id
    from dateline.places.text import fold

    if q.relation or q.country_code is None:
        return True
    if p.country_code != q.country_code:
        return False
    if q.admin_level == 0 or (p.admin_level in (0, 1) and p.admin_level == q.admin_level):
        return True
    # `La Plata (Buenos Aires)`: the qualifier names p's province even when it was read as the
    # city of that name.
    if fold(q.text) in (fold(p.admin1 or ""), fold(p.admin2 or "")):
        return True
    p_a1, q_a1 = admin1_id(p), admin1_id(q)
    return p_a1 is None or q_a1 is None or p_a1 == q_a1


def _in_speaker(tok: Any) -> bool:
    """True when ``tok`` is inside the subject of a reporting verb (`an officer in X said`)."""
    for _ in range(12):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in REPORTING:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _merge_counts(counts: list[Count]) -> list[Count]:
    out: list[Count] = []
    for c in counts:
        if any(o.start == c.start and o.end == c.end for o in out):
            continue
        out.append(c)
    return out


def extract_events(article: Article) -> list[Event]:
    """The consolidated events of a parsed article (``article.doc`` must be set)."""
    if article.doc is None:
        return []
    sents = list(article.doc.sents)
    sent_index = {s.start: i for i, s in enumerate(sents)}
    mentions = find_mentions(article)
    drafts = _consolidate(mentions, sent_index)
    _orphan_counts(article, drafts, sents)
    _attributions(article, drafts, sents)
    owners: dict[int, int] = {}
    for d in drafts:
        for si in set(d.sent_indices):
            owners[si] = owners.get(si, 0) + 1
    shared_free = {si for si, k in owners.items() if k == 1}
    return [_build(article, d, i + 1, sents, shared_free) for i, d in enumerate(drafts)]


def fatalities(event: Event) -> int:
    """ACLED-style fatalities of an event.

    A stated total (`3 fatalities`, `fatalities coded as 10`) wins; otherwise the killed counts of
    distinct victim groups are summed, each at its most conservative value.
    """
    totals = [c for c in event.counts if c.kind == "killed" and c.number is not None
              and is_total(c) and not c.vague]
    if totals:
        return max(c.number or 0 for c in totals)
    return sum_counts(event, "killed")


def sum_counts(event: Event, kind: str) -> int:
    """People of one count kind: distinct groups of one clause add up (`2 soldiers and 4
    militants were killed`); other mentions restate the event, so the largest clause total wins.
    """
    per_clause: dict[int, dict[tuple[int | None, str | None], int]] = {}
    for c in event.counts:
        if c.kind != kind or c.number is None:
            continue
        clause = c.cue_start if c.cue_start is not None else c.start
        per_clause.setdefault(clause, {})[(c.number, c.object)] = c.number
    return max((sum(groups.values()) for groups in per_clause.values()), default=0)


_SEVERITY = {"Battles": 3, "Explosions/Remote violence": 3, "Violence against civilians": 3,
             "Riots": 2, "Protests": 2, "Strategic developments": 1}


def _trigger_depth(article: Article, ev: Event) -> int:
    if article.doc is None:
        return 0
    span = article.doc.char_span(ev.start, ev.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    tok, depth = span[0], 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def principal_event(article: Article) -> Event | None:
    """The event the article is mainly about: the earliest current, asserted ACLED event."""
    best: tuple[tuple[int, int, int, int, int], Event] | None = None
    for ev in article.events:
        if ev.acled_event_type is None:
            continue
        penalty = 0
        if ev.background:
            penalty += 4
        if ev.status in ("negated", "hypothetical", "planned", "denied"):
            penalty += 2
        first = min(s for s, _ in ev.evidence) if ev.evidence else ev.sentence_start
        # A demonstration and the police action against it: the demonstration is the event.
        crowd = 0 if ev.acled_event_type in ("Protests", "Riots") else 1
        key = (penalty, first, crowd, _trigger_depth(article, ev),
               -_SEVERITY.get(ev.acled_event_type, 0))
        if best is None or key < best[0]:
            best = (key, ev)
    return best[1] if best else None


__all__ = ["extract_events", "fatalities", "principal_event", "stage", "sum_counts"]
