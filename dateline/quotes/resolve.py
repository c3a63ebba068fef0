"""Turn attributions into :class:`Quote` records: speakers, events and speech dates.

Speakers are resolved in the order their cues appear, so ``he added`` and ``the source`` can
take the nearest earlier speaker that fits (number, person vs organisation, the same head noun);
a name mention is looked up among the article's canonical entities; anything else (``officials``,
``an officer in the province``) is kept as an unnamed source with its description.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dateline.model import Article, Entity, Quote
from dateline.quotes.extract import Attribution
from dateline.quotes.lexicon import refusals

SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
PLURAL_PRONOUNS = frozenset({"they", "them", "we", "us"})
THING_PRONOUNS = frozenset({"it"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
GROUP_TYPES = frozenset({"ORG", "NORP", "GPE"})
#: How far back (in sentences) a pronoun or "the source" may look for its antecedent.
WINDOW_SENTENCES = 6


@dataclass
class _Speaker:
    entity_id: str | None
    description: str | None
    plural: bool
    person: bool
    head_lemma: str
    offset: int


class _Entities:
    """Entity mentions sorted by offset, for lookups by character position."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        rows = sorted((m.start, m.end, e) for e in entities for m in e.mentions)
        self.rows = rows
        self.starts = [r[0] for r in rows]

    def at(self, start: int, end: int) -> Entity | None:
        """The entity whose mention covers ``[start, end)``."""
        i = bisect.bisect_right(self.starts, start) - 1
        while i >= 0 and self.rows[i][0] > start - 200:
            s, e, ent = self.rows[i]
            if s <= start and end <= e:
                return ent
            i -= 1
        return None

    def before(self, offset: int, floor: int, types: frozenset[str]) -> Entity | None:
        """The nearest entity of one of ``types`` mentioned before ``offset`` (not before floor)."""
        i = bisect.bisect_left(self.starts, offset) - 1
        while i >= 0 and self.rows[i][0] >= floor:
            ent = self.rows[i][2]
            if ent.type in types and self.rows[i][1] <= offset:
                return ent
            i -= 1
        return None


def _head_entity(tok: Any, ents: _Entities) -> Entity | None:
    """The entity named by a noun phrase's head, or by its appositive (``the head, X``)."""
    ent = ents.at(tok.idx, tok.idx + len(tok))
    if ent is not None:
        return ent
    for c in tok.children:
        if c.dep_ == "appos":
            ent = ents.at(c.idx, c.idx + len(c))
            if ent is not None:
                return ent
    return None


def _is_plural(tok: Any) -> bool:
    return bool(tok.tag_ in ("NNS", "NNPS") or tok.lower_ in PLURAL_PRONOUNS)


def _fits(pron: str, cand: _Speaker) -> bool:
    if pron in SINGULAR_PRONOUNS:
        return cand.person and not cand.plural
    if pron in PLURAL_PRONOUNS:
        return cand.plural or not cand.person
    return not cand.person


class _Resolver:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.doc = article.doc
        self.ents = _Entities(article.entities)
        self.history: list[_Speaker] = []

    def _window_floor(self, offset: int) -> int:
        sents = self.article.sentences
        starts = [s for s, _ in sents]
        i = bisect.bisect_right(starts, offset) - 1
        return sents[max(i - WINDOW_SENTENCES, 0)][0] if sents else 0

    def speaker(self, att: Attribution) -> _Speaker | None:
        if att.source is None:
            return None
        text = self.article.text
        desc = text[att.source[0] : att.source[1]]
        tok = self.doc[att.source_head] if att.source_head is not None else None
        if tok is None:
            # Layout attributions (``NAME: ...``) have no parse head: look the span up.
            named = self._from_entity(self.ents.at(*att.source), desc, att.source[0])
            self.history.append(named)
            return named
        low = tok.lower_
        floor = self._window_floor(tok.idx)
        sp: _Speaker | None = None
        if low in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            noun = tok.head.head
            ent = _head_entity(noun, self.ents)
            phrase = text[noun.left_edge.idx : noun.idx + len(noun)]
            sp = self._from_entity(ent, phrase, tok.idx, noun)
        elif (tok.pos_ == "PRON" or low in SINGULAR_PRONOUNS | PLURAL_PRONOUNS) and not (
            len(tok.text) > 1 and tok.text.isupper()  # "The US said": a country, not "us"
        ):
            sp = self._antecedent(low, tok.idx, floor)
        else:
            ent = _head_entity(tok, self.ents)
            if ent is not None:
                sp = self._from_entity(ent, None, tok.idx, tok)
            elif _definite_description(tok):
                # "the source", "the spokesman", "the country's president": the last speaker
                # with that head noun, or the entity whose role it is.
                sp = self._same_head(tok, floor)
            if sp is None:
                sp = _Speaker(None, desc, _is_plural(tok), True, tok.lemma_.lower(), tok.idx)
        if sp is None:
            sp = _Speaker(None, desc, _is_plural(tok), low not in THING_PRONOUNS, low, tok.idx)
        sp.offset = tok.idx
        self.history.append(sp)
        return sp

    def _from_entity(
        self, ent: Entity | None, desc: str | None, offset: int, tok: Any = None
    ) -> _Speaker:
        if ent is None:
            plural = _is_plural(tok) if tok is not None else False
            lemma = tok.lemma_.lower() if tok is not None else ""
            return _Speaker(None, desc, plural, True, lemma, offset)
        person = ent.type == "PERSON"
        plural = not person and (tok is None or _is_plural(tok) or ent.type == "NORP")
        lemma = tok.lemma_.lower() if tok is not None else ent.name.lower()
        return _Speaker(ent.id, None, plural, person, lemma, offset)

    def _antecedent(self, pron: str, offset: int, floor: int) -> _Speaker | None:
        for cand in reversed(self.history):
            if cand.offset < floor:
                break
            if cand.offset < offset and _fits(pron, cand):
                return _Speaker(
                    cand.entity_id,
                    cand.description,
                    cand.plural,
                    cand.person,
                    cand.head_lemma,
                    offset,
                )
        types = frozenset({"PERSON"}) if pron in SINGULAR_PRONOUNS else GROUP_TYPES
        ent = self.ents.before(offset, floor, types)
        if ent is not None:
            return self._from_entity(ent, None, offset)
        return None

    def _same_head(self, tok: Any, floor: int) -> _Speaker | None:
        lemma = tok.lemma_.lower()
        for cand in reversed(self.history):
            if cand.offset < floor:
                break
            if cand.head_lemma == lemma and cand.plural == _is_plural(tok):
                return _Speaker(
                    cand.entity_id, cand.description, cand.plural, cand.person, lemma, tok.idx
                )
        holders = [
            ent
            for ent in self.article.entities
            if any(r.lower() == lemma or r.lower().split()[-1:] == [lemma] for r in ent.roles)
        ]
        earlier = [e for e in holders if any(m.start < tok.idx for m in e.mentions)]
        # A role named before its holder ("the country's president ... President X") fits only
        # when one entity in the article holds it.
        pick = earlier[-1:] or (holders if len(holders) == 1 else [])
        if pick:
            return self._from_entity(pick[0], None, tok.idx)
        return None


def _definite_description(tok: Any) -> bool:
    """A common noun with "the" or a possessive and no name in it ("the country's president")."""
    if tok.pos_ != "NOUN":
        return False
    kids = list(tok.lefts)
    if any(c.pos_ == "PROPN" for c in kids):
        return False
    return any(c.lower_ == "the" or c.dep_ == "poss" for c in kids)


def _events(article: Article, q: Quote, frags: Sequence[tuple[int, int]]) -> list[str]:
    """Events whose trigger or evidence lies in the content, whose trigger is the cue, or whose
    victim the content names."""

    def inside(s: int, e: int) -> bool:
        return any(a <= s and e <= b for a, b in frags)

    out = []
    for ev in article.events:
        spans = [(ev.start, ev.end), *ev.evidence]
        on_cue = q.cue_start is not None and ev.start < (q.cue_end or 0) and q.cue_start < ev.end
        if on_cue or any(inside(s, e) for s, e in spans):
            out.append(ev.id)
    # `confirmed the killing of a senior leader`, `confirmed X's death`, `said X was killed`: a
    # confirmation, denial or accusation naming the victim of an event, or a statement telling of
    # violence done to it, is about that event, whichever of its mentions it echoes.
    named = {ent.id for ent in article.entities
             if any(inside(m.start, m.end) for m in ent.mentions)}
    telling = q.stance != "asserts" or _tells_of_violence(article, frags)
    for ev in article.events if telling else []:
        if ev.id in out or ev.acled_event_type is None or ev.background:
            continue
        victims = [a for a in ev.arguments if a.role in ("actor2", "assoc_actor2")]
        if any(inside(a.start, a.end) or (a.entity_id is not None and a.entity_id in named)
               for a in victims):
            out.append(ev.id)
    if not out:
        sent = article.sentence_of(q.start)
        out = [
            ev.id
            for ev in article.events
            if (ev.sentence_start, ev.sentence_end) == sent and not ev.background
        ]
    return out


def _tells_of_violence(article: Article, frags: Sequence[tuple[int, int]]) -> bool:
    """True when the content holds an event trigger of a physical kind (`killed`, `raid`)."""
    from dateline.events.extract import PHYSICAL
    from dateline.events.lexicon import load

    if article.doc is None:
        return False
    triggers = load().triggers
    for s, e in frags:
        span = article.doc.char_span(s, e, alignment_mode="expand")
        if span is not None and any(
            entry.cls in PHYSICAL for tok in span for entry in triggers.get(tok.lemma_.lower(), ())
        ):
            return True
    return False


def _date(article: Article, att: Attribution) -> str | None:
    """The date of the cue's clause (``said on Sunday``), from the dates stage's expressions."""
    if not article.times or article.doc is None or att.cue_lemma in (":", "—"):
        return None
    cue = article.doc[att.cue_token]
    lo, hi = cue.left_edge.idx, cue.right_edge.idx + len(cue.right_edge)
    for t in article.times:
        if t.type not in ("DATE", "TIME") or not (lo <= t.start and t.end <= hi):
            continue
        if any(a <= t.start < b for a, b in att.content):
            continue
        return t.date_start or t.value
    return None


def _negated(article: Article, att: Attribution) -> bool:
    """Whether the text says the statement was not made: a negated cue ("did not confirm",
    "never said") or one withheld by a refusal ("declined to comment", "refused to confirm")."""
    if article.doc is None or att.cue_lemma in (":", "—"):
        return False
    cue = article.doc[att.cue_token]
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    return cue.dep_ == "xcomp" and cue.head.lemma_.lower() in refusals()


def resolve(article: Article, atts: Sequence[Attribution]) -> list[Quote]:
    """Quotes for the attributions, numbered ``q1``, ``q2``... in text order of the content."""
    text = article.text
    resolver = _Resolver(article) if article.doc is not None else None
    speakers: dict[int, _Speaker | None] = {}
    for k in sorted(range(len(atts)), key=lambda k: atts[k].cue):
        speakers[k] = resolver.speaker(atts[k]) if resolver is not None else None
    out = []
    for n, a in enumerate(atts, 1):
        q = Quote(
            id=f"q{n}",
            start=a.start,
            end=a.end,
            text=text[a.start : a.end],
            direct=a.direct,
            cue=text[a.cue[0] : a.cue[1]],
            cue_start=a.cue[0],
            cue_end=a.cue[1],
            stance=a.stance,
            fragments=list(a.content) if len(a.content) > 1 else [],
        )
        if a.source is not None:
            q.speaker_start, q.speaker_end = a.source
            q.speaker_text = text[a.source[0] : a.source[1]]
        sp = speakers.get(n - 1)
        if sp is not None:
            q.speaker_entity_id = sp.entity_id
            q.speaker_description = sp.description if sp.entity_id is None else None
        q.negated = _negated(article, a)
        q.event_ids = _events(article, q, a.content)
        q.date = _date(article, a)
        out.append(q)
    _nest(out, atts)
    return out


def _nest(quotes: Sequence[Quote], atts: Sequence[Attribution]) -> None:
    """Point each quote whose cue lies inside another's content at the innermost such quote."""

    def holds(outer: Attribution, inner: Attribution) -> bool:
        return any(s <= inner.cue[0] and inner.cue[1] <= e for s, e in outer.content)

    for q, a in zip(quotes, atts, strict=True):
        hosts = [
            (b.end - b.start, p.id)
            for p, b in zip(quotes, atts, strict=True)
            if b is not a and holds(b, a) and not holds(a, b)
        ]
        if hosts:
            q.parent = min(hosts)[1]
