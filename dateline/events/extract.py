"""Event mentions from the dependency parse, coded in PLOVER, CAMEO and ACLED.

One pass per sentence finds trigger words (verbs and nominalisations from ``triggers.tsv``),
groups triggers that describe one happening (``shot and killed``, ``killed in an airstrike``,
``shelled ..., killing three``), reads their arguments off the parse (subject / object / passive
agent / ``of``-phrase / ``with``-phrase), the instrument, the casualty counts, the status
(claimed, denied, hypothetical, planned, negated) and whether the event is background history.
Mentions of one event in several sentences are then consolidated into a single :class:`Event`
with several evidence spans.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from dateline.events.lexicon import ActorType, Kicker, Lexicon, Trigger, load
from dateline.events.numbers import Number, parse_number
from dateline.model import Argument, Article, Count, Event

#: Trigger classes that describe physical action; they combine into one event within a sentence.
PHYSICAL = frozenset({
    "kill", "attack", "clash", "explode", "strike", "abduct", "sexual", "beat", "mob", "riot",
    "protest", "destroy", "operation", "invade", "arrest", "seize", "disrupt", "capture",
    "regain", "drop", "pelt", "displace", "intercept",
})
#: Dependencies that tie a trigger to the one it elaborates (same event).
_MERGE_DEPS = frozenset({
    "conj", "xcomp", "relcl", "acl", "pobj", "dobj", "nsubjpass", "nsubj", "agent",
})
_MERGE_PREPS = frozenset({
    "in", "during", "following", "amid", "with", "after", "by", "through", "on", "at", "of", "for",
})
#: Classes whose `on`/`against` phrase names the target (not `protest against a law`).
_ATTACKING = frozenset({"attack", "strike", "explode", "clash", "kill", "operation", "invade"})
#: Classes that may absorb a nominal trigger through a preposition (`killed in an airstrike`).
VIOLENT = frozenset({"kill", "attack", "clash", "explode", "strike", "beat", "mob", "operation",
                      "invade", "abduct", "sexual", "destroy", "drop", "pelt"})
_PROTESTISH = frozenset({"protest", "riot", "pelt", "clash", "destroy"})
DISTINCT_MARKS = frozenset({"after", "before", "while", "since", "until", "when", "as"})
REPORTING = frozenset({
    "say", "tell", "confirm", "announce", "claim", "report", "state", "add", "deny", "allege",
    "accuse", "blame", "tweet", "insist", "acknowledge", "reveal", "note", "explain", "write",
})
_ANAPHORIC_DET = frozenset({"the", "this", "that", "its", "his", "her", "their", "these"})
_LONG_UNITS = frozenset({"year", "decade", "month", "century"})
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
_SPLIT = re.compile(
    r"(\d[\d,]*) fatalities (?:were |are )?(?:split|spread|spilt|divided|distributed) "
    r"(?:across|between|over|among|into) (\d+) (?:events|locations|incidents)"
)
#: groups.tsv rows that are generic words: a more specific head noun overrides them.
_GENERIC_GROUP_WORDS = frozenset({
    "army", "police", "military", "armed forces", "directorate", "ministry", "security",
    "guard", "front", "liberation", "movement", "brigade", "militia",
})
_OFF_DUTY = re.compile(r"\b(?:off-duty|off duty|former|retired|ex-)")
_CODED_AS = re.compile(r"coded (?:as|to) (\d[\d,]*)")
_QUALIFIER_WORDS = frozenset({
    "at", "least", "more", "than", "over", "up", "to", "about", "around", "nearly", "almost",
    "some", "approximately", "roughly", "estimated", "an", "no", "fewer", "less", "as", "many",
    "between", "and", "-", "or", "a", "close",
})


@dataclass
class Mention:
    """One sentence's mention of an event (one or more merged triggers)."""

    triggers: list[Any]
    entries: list[Trigger]
    sent: Any
    tokens: set[int] = field(default_factory=set)
    arguments: list[Argument] = field(default_factory=list)
    instrument: str | None = None
    instrument_mode: str | None = None
    counts: list[Count] = field(default_factory=list)
    status: str = "asserted"
    source_entity_id: str | None = None
    background: bool = False
    anaphoric: bool = False
    context: set[str] = field(default_factory=set)
    phrase_ids: set[int] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    kicker: Kicker | None = None

    @property
    def head(self) -> Any:
        """The trigger closest to the sentence root."""
        return min(self.triggers, key=_depth)

    @property
    def classes(self) -> set[str]:
        """The trigger classes of this mention."""
        return {e.cls for e in self.entries}

    @property
    def physical(self) -> bool:
        """True when the mention describes physical action (violence, protest, arrest...)."""
        return bool(self.classes & PHYSICAL)


def _depth(tok: Any) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


# --------------------------------------------------------------------------- triggers


def _match_trigger(tok: Any, doc: Any, lex: Lexicon) -> tuple[Trigger, int] | None:
    """The trigger entry starting at ``tok`` and the number of tokens it spans."""
    if tok.pos_ not in ("VERB", "NOUN", "ADJ") or tok.ent_type_ in ("PERSON", "ORG", "GPE"):
        return None
    keys = {tok.lemma_.lower(), tok.lower_}
    best: tuple[Trigger, int] | None = None
    for key in keys:
        for entry in lex.triggers.get(key, []):
            n = len(entry.lemmas)
            if n > 1:
                following = [t.lemma_.lower() for t in doc[tok.i + 1: tok.i + n]]
                if following != list(entry.lemmas[1:]):
                    continue
            if entry.pos == "VERB" and tok.pos_ != "VERB":
                continue
            if entry.pos == "NOUN" and tok.pos_ != "NOUN":
                continue
            if entry.pos == "ANY" and tok.pos_ == "ADJ":
                continue
            if best is None or n > best[1]:
                best = (entry, n)
    if best is None:
        return None
    entry = best[0]
    if entry.pos != "VERB" and tok.dep_ in ("compound", "amod") and best[1] == 1:
        return None  # `attack helicopter`, `protest movement`: a modifier, not an event
    if entry.lemmas[0] == "strike" and tok.pos_ == "NOUN":
        return _reclassify_strike(tok, lex), 1
    if entry.cls == "agree" and not _agreement_made(tok):
        return None
    if entry.cls in ("capture", "seize") and _takes_post(tok, lex):
        # Overrunning a checkpoint or a base is a moment of the battle, not control of a place.
        return None
    if entry.cls == "seize" and _takes_ground(tok, lex):
        # `seized four villages`: control of ground, not a seizure of goods.
        return Trigger(entry.lemmas, entry.pos, "capture", "COERCE", "seize", "192"), best[1]
    if entry.cls == "capture" and _takes_people(tok, lex):
        # `captured two soldiers` takes people, not ground: an abduction.
        return Trigger(entry.lemmas, entry.pos, "abduct", "ASSAULT", "abduct", "181"), best[1]
    return best


_MAKE_AGREEMENT = frozenset({"sign", "reach", "conclude", "strike", "agree", "broker", "finalize",
                             "finalise", "seal", "ink", "renew", "announce", "approve", "ratify"})


def _agreement_made(tok: Any) -> bool:
    """An agreement is an event when it is made (`signed a deal`, `the accord was reached`), not
    when a report only refers to one (`carry out their agreement`, `signed off the air`)."""
    if tok.pos_ == "VERB":
        return not any(c.dep_ in ("prt", "prep") and c.lower_ == "off" for c in tok.children)
    if tok.dep_ in ("nsubjpass", "dobj") or (tok.dep_ == "nsubj" and tok.head.lemma_ != "be"):
        return tok.head.lemma_.lower() in _MAKE_AGREEMENT
    return bool(tok.dep_ == "ROOT")


def _people(tok: Any, lex: Lexicon) -> bool:
    """True when a noun phrase head names people (`two soldiers`, `seven`, `a robber`, `them`),
    not places that stand for their people elsewhere (`shelled a village`)."""
    return (
        ((tok.lemma_.lower(),) in lex.actors and (tok.lemma_.lower(),) not in lex.place_nouns)
        or tok.ent_type_ in ("PERSON", "NORP")
        or tok.pos_ == "NUM"
        or (tok.pos_ == "PRON" and tok.lower_ not in ("it", "this", "that"))
        or tok.lemma_.lower() in ("other", "member", "resident", "villager", "man", "woman")
    )


def _takes_people(tok: Any, lex: Lexicon) -> bool:
    """A capture of people, not ground (`captured two soldiers`, `captured and killed four X`)."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects:
        # `captured and killed four villagers`: the object sits on the coordinated verb.
        objects = [g for c in tok.children if c.dep_ == "conj" for g in c.children
                   if g.dep_ == "dobj"]
    return any(_people(o, lex) for o in objects)


def _takes_ground(tok: Any, lex: Lexicon) -> bool:
    """A seizure of villages, towns or districts (an object or one of its conjuncts)."""
    return any(
        (g.lemma_.lower(),) in lex.place_nouns
        for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
        for g in (c, *c.conjuncts)
    )


def _takes_post(tok: Any, lex: Lexicon) -> bool:
    """A capture of a military position (`overtook the checkpoint`, `overran two posts`), and of
    no village or town with it (`seized two posts and four villages` takes ground)."""
    return any(
        c.dep_ in ("dobj", "nsubjpass") and (
            (c.lemma_.lower(),) in lex.posts
            or (c.i > 0 and (c.doc[c.i - 1].lemma_.lower(), c.lemma_.lower()) in lex.posts)
        ) and not any((g.lemma_.lower(),) in lex.place_nouns for g in c.conjuncts)
        for c in tok.children
    )


def _negated(tok: Any) -> bool:
    """`no clashes`, `clashes were not reported`, `did not fight`: the happening is denied."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
        return True
    head = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass", "dobj") and any(c.dep_ == "neg" for c in head.children)


#: Trigger classes whose mention, unless denied, says a transfer of ground involved fighting.
_FIGHTING = frozenset({"kill", "attack", "clash", "explode", "strike", "operation", "invade",
                       "drop"})


def _military(tokens: Any, lex: Lexicon) -> bool:
    """True when ``tokens`` name aircraft, missiles or artillery."""
    words = [t.lemma_.lower() for t in tokens]
    pairs = set(itertools.pairwise(words)) | {(w,) for w in words}
    return any(k in lex.instruments and lex.instruments[k].cls in ("air", "shelling")
               for k in pairs)


#: Trigger classes of verbs whose subject does physical harm.
_HARMFUL = frozenset({"kill", "destroy", "attack", "explode", "strike"})


def _reclassify_strike(tok: Any, lex: Lexicon) -> Trigger:
    """`strike` is a military strike near aircraft/missile words, or when it does harm itself (`a
    strike damaged the hospital`), and a labour strike when workers hold it (`a doctors' strike`,
    `teachers went on strike`); with neither, a military strike when the report tells of air or
    artillery attacks (`The strike hit the market`), else a labour strike."""
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and any(
            e.cls in _HARMFUL for e in lex.triggers.get(head.lemma_.lower(), [])):
        return next(e for e in lex.triggers["strike"] if e.cls == "strike")
    holders = [*tok.subtree]
    if tok.dep_ in ("dobj", "pobj", "attr"):
        verb = head.head if tok.dep_ == "pobj" else head
        holders += [t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree]
    labour = any(lex.cues.get((t.lemma_.lower(),)) == "labour" for t in holders)
    if _military(tok.sent, lex) or (not labour and _military(tok.doc, lex)):
        return next(e for e in lex.triggers["strike"] if e.cls == "strike")
    return Trigger(("strike",), "NOUN", "protest", "PROTEST", "strike", "143")


def _special_trigger(tok: Any, lex: Lexicon) -> Trigger | None:
    """Split phrases the lemma table cannot hold: `set houses on fire`, `found the body of`."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB":
        return None
    if _to_death(tok):
        return Trigger((lemma,), "VERB", "kill", "ASSAULT", "", "1823")
    if lemma == "set" and any(
        (t.lower_ == "fire" and t.head.lower_ == "on") or t.lower_ in ("ablaze", "alight")
        for t in tok.subtree
    ):
        return next(e for e in lex.triggers["set"] if e.cls == "destroy")
    # `captured weapons` is also parsed with the verb as a modifier of its object.
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "amod":
        objects.append(tok.head)
    if lemma in ("find", "discover", "recover", "remove", "seize", "confiscate", "defuse",
                 "capture") and any(
        ((c.lemma_.lower(),) in lex.instruments
         and lex.instruments[(c.lemma_.lower(),)].cls not in ("crowd", "incendiary"))
        or c.lemma_.lower() in _WEAPON_WORDS
        for c in objects
    ):
        return Trigger((lemma,), "VERB", "disrupt", "COERCE", "seize", "1711")
    if lemma in ("find", "discover", "recover") and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ("body", "corpse")
        for c in tok.children
    ):
        return Trigger(("find",), "VERB", "kill", "ASSAULT", "", "1823")
    return None


def _sentence_triggers(
    sent: Any, doc: Any, lex: Lexicon
) -> list[tuple[Any, Trigger, int]]:
    found: list[tuple[Any, Trigger, int]] = []
    skip_until = -1
    depth = 0
    for tok in sent:
        # Editorial brackets (`[size=no report]`, `[coded separately]`) hold no events.
        depth += tok.text.count("[") - tok.text.count("]")
        if tok.i <= skip_until or depth > 0:
            continue
        special = _special_trigger(tok, lex)
        if special is not None:
            found.append((tok, special, 1))
            continue
        m = _match_trigger(tok, doc, lex)
        if m is None:
            continue
        entry, n = m
        found.append((tok, entry, n))
        skip_until = tok.i + n - 1
    # `wounded`/`injured` make an event only of a sentence that names no other happening
    # (`3 soldiers were wounded by militants`); elsewhere they report the casualties of it.
    if any(e.lemmas[0] not in _WEAK_TRIGGERS for _, e, _ in found):
        found = [f for f in found if f[1].lemmas[0] not in _WEAK_TRIGGERS]
    # Alone, they make an event only as a verb with its perpetrator or a count (`wounded by
    # militants`, `gunmen wounded two`, `2 soldiers were wounded`): `help the wounded` and
    # `22 wounded people` name people, and `Several children were also wounded` restates the
    # casualties of another event.
    found = [f for f in found if f[1].lemmas[0] not in _WEAK_TRIGGERS or (
        f[0].dep_ not in ("amod", "compound") and not any(c.dep_ == "det" for c in f[0].children)
        and any(c.dep_ in ("agent", "dobj") or (c.dep_ == "nsubjpass" and any(
            g.like_num for g in c.subtree)) for c in f[0].children))]
    return found


_WEAK_TRIGGERS = frozenset({"wound", "injure"})


_CLASS_CACHE: dict[int, set[str]] = {}


def _cls_of(tok: Any) -> set[str]:
    return _CLASS_CACHE.get(tok.i, set())


def _linked(child: Any, parent: Any, trig_ids: set[int]) -> bool:
    """True when ``child`` elaborates ``parent`` (both triggers): one event, not two."""
    tok, hops = child, 0
    while tok.head.i != tok.i and hops < 4:
        dep = tok.dep_
        if dep == "advcl":
            marks = {c.lower_ for c in tok.children if c.dep_ in ("mark", "advmod")}
            purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            if marks & DISTINCT_MARKS or (tok.tag_ != "VBG" and not purpose):
                return False
        elif dep == "prep":
            if tok.lower_ not in _MERGE_PREPS or not (
                (_cls_of(child) & VIOLENT and _cls_of(parent) & VIOLENT)
                or (_cls_of(child) & _PROTESTISH and _cls_of(parent) & _PROTESTISH)
            ):
                return False
        elif dep not in _MERGE_DEPS and dep != "advcl":
            return False
        tok = tok.head
        hops += 1
        if tok.i == parent.i:
            return True
        if tok.i in trig_ids:
            return False
    return False


def _group_mentions(sent: Any, found3: list[tuple[Any, Trigger, int]]) -> list[Mention]:
    found = [(t, e) for t, e, _ in found3]
    span_len = {t.i: n for t, _, n in found3}
    ids = {t.i for t, _ in found}
    _CLASS_CACHE.clear()
    for t, e in found:
        _CLASS_CACHE.setdefault(t.i, set()).add(e.cls)
    parent: dict[int, int] = {}
    entry_of = {t.i: e for t, e in found}
    tok_of = {t.i: t for t, _ in found}
    for tok, entry in found:
        for other, oentry in found:
            if other.i == tok.i:
                continue
            same_kind = (entry.cls in PHYSICAL) == (oentry.cls in PHYSICAL)
            if same_kind and _linked(tok, other, ids - {other.i}):
                parent[tok.i] = other.i
                break

    def root(i: int) -> int:
        seen = 0
        while i in parent and seen < 10:
            i = parent[i]
            seen += 1
        return i

    groups: dict[int, list[int]] = {}
    for i in sorted(ids):
        groups.setdefault(root(i), []).append(i)
    mentions = []
    for members in groups.values():
        mention = Mention([tok_of[i] for i in members], [entry_of[i] for i in members], sent)
        mention.phrase_ids = {j for i in members for j in range(i, i + span_len[i])}
        mentions.append(mention)
    # Tokens of a mention: the subtrees of its triggers minus other mentions' subtrees.
    for m in mentions:
        own: set[int] = set()
        for t in m.triggers:
            own |= {x.i for x in t.subtree}
        for other in mentions:
            if other is m:
                continue
            for t in other.triggers:
                if t.i in own and not any(t.i == x.i for x in m.triggers):
                    sub = {x.i for x in t.subtree}
                    if not any(x.i in sub for x in m.triggers):
                        own -= sub
        if m.head.dep_ == "ROOT" or not own or len(mentions) == 1:
            reach = {t.i for t in sent} if len(mentions) == 1 else {
                t.i for t in sent if _depth_to(t, m.head) is not None
            }
            own |= reach - _other_owned(m, mentions)
        host = _casualty_host(m.head)
        if host is not None:
            # `2 policemen were wounded following an attack by X`: the victims are the attack's.
            own |= {t.i for t in host.subtree} - _other_owned(m, mentions)
        m.tokens = own
        # An air strike joined to a ground attack is a combined battle; joined to `injured` (a
        # casualty verb coded as an attack), it is still the strike.
        classes = {e.cls for t, e in zip(m.triggers, m.entries, strict=True)
                   if t.lemma_.lower() not in _CASUALTY_VERBS}
        if "strike" in classes and classes & {"attack", "operation", "clash"} and any(
            t.dep_ == "conj" for t in m.triggers
        ):
            m.context.add("combined")
    return mentions


_WEAPON_WORDS = frozenset({"weapon", "arm", "ammunition", "explosive", "cache", "arsenal"})
_CASUALTY_VERBS = frozenset({"wound", "injure", "kill", "die", "hurt"})


def _casualty_host(trig: Any) -> Any:
    """The casualty verb a nominal trigger hangs from (`wounded ... following an attack`)."""
    tok = trig
    for _ in range(3):
        if tok.dep_ not in ("pobj", "prep", "agent", "pcomp") or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok if tok.lemma_.lower() in _CASUALTY_VERBS else None
    return None


def _depth_to(tok: Any, anc: Any) -> int | None:
    d, t = 0, tok
    while d < 50:
        if t.i == anc.i:
            return d
        if t.head.i == t.i:
            return None
        t = t.head
        d += 1
    return None


def _other_owned(m: Mention, mentions: list[Mention]) -> set[int]:
    out: set[int] = set()
    for other in mentions:
        if other is m:
            continue
        for t in other.triggers:
            sub = {x.i for x in t.subtree}
            if not any(x.i in sub for x in m.triggers):
                out |= sub
    return out


# --------------------------------------------------------------------------- arguments


class _Resolver:
    """Turns noun tokens into arguments tied to the article's entities and actor types."""

    def __init__(self, article: Article, lex: Lexicon) -> None:
        self.article = article
        self.lex = lex
        self.spans: list[tuple[int, int, str, str]] = []
        for ent in article.entities:
            for men in ent.mentions:
                self.spans.append((men.start, men.end, ent.id, ent.type))

    def entity_at(self, start: int, end: int) -> tuple[str, str] | None:
        best: tuple[str, str] | None = None
        best_len = 0
        for s, e, eid, etype in self.spans:
            overlap = min(e, end) - max(s, start)
            if overlap > 0 and overlap > best_len:
                best, best_len = (eid, etype), overlap
        return best

    def phrase(self, tok: Any) -> tuple[int, int]:
        """Character span of the noun phrase headed by ``tok`` (no relative clauses)."""
        left = tok.left_edge
        for child in tok.lefts:
            left = min(left, child.left_edge, key=lambda t: t.i)
        start_tok = left
        while start_tok.i < tok.i and start_tok.pos_ in ("DET", "PUNCT", "CCONJ"):
            start_tok = start_tok.doc[start_tok.i + 1]
        end_tok = tok
        for child in tok.rights:
            if child.dep_ in ("compound", "flat", "appos") and child.i == end_tok.i + 1:
                end_tok = child
        if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I":
            j = tok.i + 1
            while j < len(tok.doc) and tok.doc[j].ent_iob_ == "I":
                j += 1
            end_tok = tok.doc[j - 1]
        return start_tok.idx, end_tok.idx + len(end_tok.text)

    def actor_type(self, tok: Any, text: str, entity: tuple[str, str] | None) -> ActorType | None:
        low = text.lower()
        if _OFF_DUTY.search(low):
            # ACLED codes off-duty, former and retired personnel as civilians.
            return self.lex.actors.get(("civilian",))
        words = re.findall(r"[a-z][a-z'’-]*", low)
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                key = " ".join(words[i: i + n])
                if key in self.lex.groups:
                    group = self.lex.groups[key]
                    head_type = self._head_type(tok)
                    if head_type is not None and key in _GENERIC_GROUP_WORDS:
                        return head_type
                    return group
        head = self._head_type(tok)
        if head is not None:
            return head
        if entity is not None and entity[1] == "PERSON":
            return self.lex.actors.get(("civilian",))
        return None

    def _head_type(self, tok: Any) -> ActorType | None:
        lemma = tok.lemma_.lower()
        compounds = [c.lemma_.lower() for c in tok.lefts if c.dep_ in ("compound", "amod")]
        for c in compounds:
            hit = self.lex.actors.get((c, lemma))
            if hit is not None:
                return hit
        hit = self.lex.actors.get((lemma,)) or self.lex.actors.get((tok.lower_,))
        if hit is None and tok.pos_ == "PROPN" and lemma.endswith("s"):
            # The tagger leaves loanword plurals unlemmatized (`Arbakis`, `Peshmergas`).
            hit = self.lex.actors.get((lemma[:-1],))
        if hit is not None:
            return hit
        for c in compounds:
            hit = self.lex.actors.get((c,))
            if hit is not None and hit.armed:
                return hit
        return None

    def argument(self, role: str, tok: Any) -> Argument:
        start, end = self.phrase(tok)
        entity = self.entity_at(tok.idx, tok.idx + len(tok.text))
        text = self.article.text[start:end]
        atype = self.actor_type(tok, text, entity)
        return Argument(
            role=role, text=text, start=start, end=end,
            entity_id=entity[0] if entity else None,
            actor_type=atype.actor_type if atype else None,
        )

    def instrument(self, tokens: list[Any]) -> tuple[str, str, Any] | None:
        """The most specific instrument among ``tokens``: (class, PLOVER mode, head token)."""
        return find_instrument(tokens, self.lex)


def find_instrument(tokens: list[Any], lex: Lexicon) -> tuple[str, str, Any] | None:
    """The most specific instrument among ``tokens``: (class, PLOVER mode, head token)."""
    first = _instrument_first_words(lex)
    best: tuple[int, str, str, Any] | None = None
    # A word inside a longer instrument name is not one itself (`bomb` of `petrol bomb`).
    covered = -1
    for tok in tokens:
        lemma = tok.lemma_.lower()
        if tok.i <= covered or (lemma not in first and tok.lower_ not in first):
            continue
        doc = tok.doc
        nxt = doc[tok.i + 1].lemma_.lower() if tok.i + 1 < len(doc) else ""
        nxt2 = doc[tok.i + 2].lemma_.lower() if tok.i + 2 < len(doc) else ""
        for key in ((lemma, nxt, nxt2), (lemma, nxt), (lemma,), (tok.lower_,)):
            inst = lex.instruments.get(key)
            if inst is None:
                continue
            covered = tok.i + len(key) - 1
            rank = _INSTRUMENT_ORDER.get(inst.cls, len(_INSTRUMENT_ORDER))
            if best is None or rank < best[0]:
                best = (rank, inst.cls, inst.plover_mode, tok)
            break
    if best is None or best[1] == "none":
        return None
    return best[1], best[2], best[3]


_INSTRUMENT_ORDER = {c: i for i, c in enumerate(
    ["chemical", "suicide", "air", "shelling", "grenade", "ied", "firearm", "blade",
     "incendiary", "crowd", "none"]
)}


def _instrument_first_words(lex: Lexicon) -> frozenset[str]:
    return lex.instrument_first


def _is_instrument(tok: Any, lex: Lexicon) -> bool:
    lemma = tok.lemma_.lower()
    return (lemma,) in lex.instruments and lex.instruments[(lemma,)].cls not in (
        "firearm", "blade", "crowd", "none"
    )


def _conjuncts(tok: Any) -> list[Any]:
    out = []
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            out.append(c)
            out.extend(_conjuncts(c))
    return out


def _noun(tok: Any) -> Any:
    """Skip quantity heads (`dozens of fighters`, `members of X`) to the real participant."""
    if tok.lemma_.lower() in ("dozen", "score", "hundred", "thousand", "number", "group", "unit",
                              "member"):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
    return tok


def _fill_arguments(m: Mention, res: _Resolver, lex: Lexicon) -> None:
    """Read actor1/actor2/instrument/associates off the parse of the mention's triggers."""
    actor1: list[Any] = []
    actor2: list[Any] = []
    instruments: list[Any] = []
    for trig in m.triggers:
        after = trig.doc[trig.i + 1] if trig.i + 1 < len(trig.doc) else None
        if trig.lower_ == "shot" and after is not None and after.lower_ == "dead" \
                and after.head.i == after.i:
            # `gunmen shot dead a sergeant` parsed with `dead` heading the clause.
            trig = after
        if trig.dep_ == "xcomp" and trig.head.pos_ == "VERB":
            controller = [c for c in trig.head.children if c.dep_ == "dobj"]
            if controller and not any(c.dep_ == "nsubj" for c in trig.children):
                ctl = controller[0]
                (instruments if _is_instrument(ctl, lex) else actor1).append(_noun(ctl))
                subj_source = None
        subj_source = trig
        # Participles and conjoined verbs share the subject of the verb they hang from.
        while subj_source.dep_ in ("conj", "advcl", "xcomp") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in subj_source.children
        ):
            subj_source = subj_source.head
        for c in subj_source.children:
            possessive = trig.pos_ == "NOUN" and any(x.dep_ == "case" for x in c.children)
            if c.dep_ == "nsubj" and not (trig.dep_ == "xcomp" and actor1) and not possessive:
                if c.lower_ in ("which", "that", "who") and subj_source.dep_ == "relcl":
                    c = subj_source.head
                (instruments if _is_instrument(c, lex) else actor1).append(_noun(c))
        kids = list(trig.children)
        if trig.pos_ == "VERB":
            # `was shot and injured by X`, `attacked and injured 4 soldiers`: the agent or the
            # object hangs on the conjoined verb.
            kids += [x for c in trig.children if c.dep_ == "conj" and c.pos_ == "VERB"
                     for x in c.children if x.dep_ in ("agent", "dobj")]
        else:
            # `X's reported killing`: the tagger may hang the possessor on the participle.
            kids += [x for c in trig.children if c.dep_ == "amod" for x in c.children
                     if x.dep_ == "nsubj" and any(g.dep_ == "case" for g in x.children)]
        host = _casualty_host(trig)
        if host is not None:
            actor2.extend(_noun(c) for c in host.children if c.dep_ in ("nsubjpass", "dobj"))
        for c in kids:
            if c.dep_ == "nsubjpass":
                actor2.append(_noun(c))
            elif c.dep_ in ("dobj", "attr") and (trig.pos_ == "VERB" or trig.lower_ == "dead"):
                (instruments if _is_instrument(c, lex) else actor2).append(_noun(c))
            elif c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        (instruments if _is_instrument(p, lex) else actor1).append(_noun(p))
            elif trig.pos_ == "NOUN" and (c.dep_ == "poss" or (c.dep_ == "nsubj" and any(
                    x.dep_ == "case" for x in c.children))):
                target = trig.lemma_.lower() in ("killing", "death", "arrest", "abduction",
                                                 "kidnapping", "assassination", "murder",
                                                 "execution", "detention")
                (actor2 if target else actor1).append(c)
            elif c.dep_ == "prep":
                word = c.lower_
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    if (word == "of" and trig.pos_ == "NOUN") or (
                        word in ("on", "against", "targeting", "at", "towards", "toward")
                        and m.classes & _ATTACKING
                    ):
                        actor2.append(_noun(p))
                    elif word == "by":
                        (instruments if _is_instrument(p, lex) else actor1).append(_noun(p))
                    elif word == "with" and "clash" in {e.cls for e in m.entries}:
                        actor2.append(_noun(p))
                    elif word == "between":
                        conj = _conjuncts(p)
                        actor1.append(_noun(p))
                        actor2.extend(_noun(x) for x in conj[:1])
                    elif word in ("with", "using", "in", "by") and _is_instrument(p, lex):
                        instruments.append(p)
    seen: set[int] = set()
    arg_heads: list[Any] = []
    trig_ids = {t.i for t in m.triggers} | m.phrase_ids

    def add(role: str, toks: list[Any]) -> None:
        for tok in toks:
            if tok.i in seen or tok.i in trig_ids or tok.pos_ in ("NUM", "DET"):
                continue
            if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"):
                continue
            if tok.pos_ == "PRON" and res.entity_at(tok.idx, tok.idx + len(tok.text)) is None:
                continue
            seen.add(tok.i)
            m.arguments.append(res.argument(role, tok))
            arg_heads.append(tok)
            for conj in _conjuncts(tok):
                if conj.i not in seen:
                    seen.add(conj.i)
                    m.arguments.append(res.argument(f"assoc_{role}", conj))
                    arg_heads.append(conj)

    add("actor1", actor1)
    add("actor2", actor2)
    sent_tokens = [t for t in m.sent if t.i in m.tokens]
    found = res.instrument(sent_tokens)
    if found is not None:
        cls, mode, tok = found
        m.instrument, m.instrument_mode = cls, mode
        if tok.i not in seen:
            inst_tok = tok.head if tok.dep_ == "compound" else tok
            start, end = res.phrase(inst_tok)
            m.arguments.append(Argument("instrument", res.article.text[start:end], start, end))
            arg_heads.append(None)
    crowd = {k[0] for k, v in lex.cues.items() if v == "crowd" and len(k) == 1}
    for arg, tok in zip(m.arguments, arg_heads, strict=True):
        grouped = tok is not None and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in (
            "group", "crowd", "mob", "band"
        )
        if arg.role == "actor1" and arg.actor_type == "civilians" and (
            tok is not None and (tok.lemma_.lower() in crowd or grouped)
        ):
            # Residents or villagers who attack someone act as a mob, not as civilians.
            arg.actor_type = "rioters"
    for arg in m.arguments:
        if "protest" in m.classes and arg.role == "actor1":
            arg.actor_type = "protesters"
        elif arg.role == "actor1" and ("riot" in m.classes or (
            arg.actor_type is None and re.search(r"\brioters?\b", arg.text.lower())
        )):
            arg.actor_type = "rioters"


# --------------------------------------------------------------------------- counts


_QUANTITY_NOUNS = frozenset({"dozen", "score", "hundred", "thousand", "number"})


def _number_before(noun: Any, text: str) -> tuple[Number, int] | None:
    """The quantity modifying ``noun`` (`at least 20 people`, `nine civilians`, `a man`)."""
    negated = [c for c in (*noun.children, *noun.head.children) if c.dep_ == "det"
               and c.lower_ == "no" and (c.head.i == noun.i or noun.dep_ == "conj")]
    if negated:
        return Number(0), negated[0].idx if negated[0].i < noun.i else noun.idx
    if noun.pos_ == "PRON":
        if noun.lower_ in ("him", "her", "he", "she", "one"):
            return Number(1), noun.idx
        return None
    nums = [c for c in noun.children if c.dep_ in ("nummod", "quantmod")
            and c.ent_type_ not in _NOT_COUNTS]
    if not nums:
        # `4 wolkait ethnic group members`: the number hangs on a modifier of the noun.
        nums = [t for t in noun.subtree if t.i < noun.i and t.dep_ == "nummod" and t.like_num
                and t.ent_type_ not in _NOT_COUNTS
                and t.head.dep_ in ("compound", "nmod", "amod") and t.head.head.i == noun.i]
    if nums:
        num = nums[0]
        left = min((t for t in num.subtree), key=lambda t: t.i)
        start = left.idx
        end = num.idx + len(num.text)
        parsed = parse_number(text[start:end])
        if parsed is not None:
            return parsed, start
    if (noun.pos_ == "NUM" or noun.like_num) and noun.ent_type_ not in _NOT_COUNTS:
        left = min((t for t in noun.subtree), key=lambda t: t.i)
        parsed = parse_number(text[left.idx: noun.idx + len(noun.text)])
        if parsed is not None:
            return parsed, left.idx
    for c in noun.children:
        if c.dep_ in ("amod", "det") and noun.i - 3 <= c.i < noun.i:
            parsed = parse_number(text[c.idx: noun.idx])
            if (parsed is not None and c.lower_ not in ("a", "an", "one")) or (
                parsed is not None and noun.tag_ in ("NN", "NNP")
            ):
                return parsed, c.idx
    if noun.lemma_.lower() in _QUANTITY_NOUNS:
        parsed = parse_number(text[noun.left_edge.idx: noun.idx + len(noun.text)] + " of")
        if parsed is not None:
            return parsed, noun.left_edge.idx
    if noun.tag_ not in ("NNS", "NNPS") and noun.lemma_.lower() not in _QUANTITY_NOUNS and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children
    ):
        return Number(1), noun.idx  # `killed a captive`, `a 14-year-old` (tagged as adjectives)
    if (noun.tag_ in ("NN", "NNP") and noun.pos_ in ("NOUN", "PROPN")) or (
        noun.pos_ == "NOUN" and noun.tag_ not in ("NNS", "NNPS")
    ):
        return Number(1), noun.idx
    if noun.tag_ in ("NNS", "NNPS"):
        return Number(3, None, True), noun.idx  # a plural with no number: unspecified
    return None


def _to_death(tok: Any) -> bool:
    """`beaten to death`, `burnt to death`: any verb with a `to death` phrase kills."""
    return tok.pos_ == "VERB" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ == "death" for p in c.children)
        for c in tok.children
    )


def _casualty(tok: Any, doc: Any, lex: Lexicon) -> tuple[str, bool] | None:
    if _to_death(tok):
        return "killed", False
    lemma = tok.lemma_.lower()
    nxt = doc[tok.i + 1].lemma_.lower() if tok.i + 1 < len(doc) else ""
    for key in ((lemma, nxt), (lemma,), (tok.lower_,)):
        hit = lex.casualties.get(key)
        if hit is None:
            continue
        if hit.pos == "VERB" and tok.pos_ != "VERB" and not (
            tok.tag_ == "VBN" or tok.dep_ in ("amod", "acomp")
        ):
            continue
        if hit.pos == "NOUN" and tok.pos_ not in ("NOUN", "PROPN"):
            continue
        return hit.kind, hit.total
    return None


def _counts_in(tokens: list[Any], article: Article, lex: Lexicon) -> list[Count]:
    """Casualty counts expressed by ``tokens`` (one sentence's worth, or part of one)."""
    text = article.text
    out: list[Count] = []
    if not tokens:
        return out
    doc = tokens[0].doc
    for tok in tokens:
        hit = _casualty(tok, doc, lex)
        if hit is None:
            continue
        kind, total = hit
        nouns: list[Any] = []
        if tok.pos_ == "VERB":
            passive = any(c.dep_ == "auxpass" for c in tok.children) or tok.dep_ in ("acl",) or (
                tok.dep_ == "conj" and tok.tag_ == "VBN"
                and any(c.dep_ == "auxpass" for c in tok.head.children)
            )
            for c in tok.children:
                if c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and (passive or tok.lemma_ in (
                        "die", "perish", "flee", "lose"))) or (c.dep_ == "dobj" and not passive):
                    nouns.append(c)
                elif c.dep_ == "conj" and c.pos_ in ("NUM", "NOUN") and not passive:
                    nouns.append(c)  # `killing him and 2 of his relatives` parsed as conj
            if not nouns and tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "NUM"):
                nouns.append(tok.head)
            if not nouns and tok.dep_ == "conj" and passive:
                nouns.extend(c for c in tok.head.children if c.dep_ == "nsubjpass")
        elif tok.pos_ == "ADJ":
            if tok.dep_ == "amod":
                nouns.append(tok.head)
            elif tok.dep_ in ("acomp", "oprd", "ccomp", "xcomp"):
                # `X was found dead`, `left 5 people dead`, but in `forces shot dead a man`
                # the subject is the shooter: the object is the victim.
                deps = ("dobj",) if any(c.dep_ == "dobj" for c in tok.head.children) else (
                    "nsubj", "nsubjpass")
                nouns.extend(c for c in tok.head.children if c.dep_ in deps)
            elif tok.dep_ == "conj":
                nouns.extend(c for c in tok.head.head.children if c.dep_ in ("nsubj", "dobj"))
            else:
                # `shot dead a sergeant` parsed with `dead` as the head of the clause.
                nouns.extend(c for c in tok.children if c.dep_ == "dobj")
        else:
            found_body = tok.lemma_.lower() in ("body", "corpse") and tok.head.lemma_.lower() in (
                "find", "discover", "recover", "retrieve"
            )
            if any(c.dep_ in ("nummod", "quantmod") for c in tok.children) or total or found_body:
                nouns.append(tok)
            elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.like_num:
                nouns.append(tok.head.head)
            elif tok.lemma_.lower() in ("killing", "death", "murder", "assassination"):
                # `the killing of the council member`, `the death of 1 X and 3 Y`
                nouns.extend(p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                             for p in c.children if p.dep_ == "pobj")
        sent_text = tok.sent.text
        coded = _CODED_AS.search(sent_text)
        split = _SPLIT.search(sent_text)
        if total and (coded or split):
            if coded:
                value = int(coded.group(1).replace(",", ""))
            elif split is not None:
                # One report's toll spread over several events: each gets an equal share.
                value = int(split.group(1).replace(",", "")) // max(1, int(split.group(2)))
            out.append(Count(kind, value, tok.idx, tok.idx + len(tok.text), tok.text,
                             None, tok.lower_, False, tok.idx))
            continue
        for n_index, noun in enumerate(nouns):
            group = [noun, *_conjuncts(noun)]
            for member in group:
                if member.pos_ == "PRON" and member.lower_ not in (
                    "one", "none", "both", "him", "her", "he", "she"
                ):
                    continue
                if member.lemma_.lower() in ("toll",) and not total:
                    continue
                found = _number_before(member, text)
                if found is None:
                    continue
                number, start = found
                end = member.idx + len(member.text)
                if tok.i < member.i and n_index == 0 and member.i == group[0].i:
                    start = min(start, tok.idx)
                elif len(group) == 1:
                    end = max(end, tok.idx + len(tok.text))
                obj = None if member.pos_ == "NUM" or member.like_num or member.i == tok.i else member.lower_
                out.append(Count(kind, number.value, start, end, text[start:end],
                                 number.qualifier, obj, number.vague, tok.idx))
        if total and not nouns:
            for c in tok.sent:
                if c.lower_ == "toll":
                    for t in tok.sent:
                        if t.like_num and t.i > c.i:
                            parsed = parse_number(t.text)
                            if parsed is not None:
                                out.append(Count(kind, parsed.value, c.idx, t.idx + len(t.text),
                                                 text[c.idx: t.idx + len(t.text)], None,
                                                 None, False, tok.idx))
                            break
                    break
    return _dedupe_counts(out)


def _dedupe_counts(counts: list[Count]) -> list[Count]:
    out: list[Count] = []
    for c in counts:
        if any(o.kind == c.kind and o.start <= c.start < o.end for o in out):
            continue
        out.append(c)
    return out


# --------------------------------------------------------------------------- status


def _status(m: Mention, res: _Resolver, lex: Lexicon) -> None:
    head = m.head
    for trig in m.triggers:
        for c in trig.children:
            if c.dep_ == "neg":
                m.status = "negated"
                return
    tok = head
    hops = 0
    status = "asserted"
    while hops < 8:
        for c in tok.children:
            lemma = c.lemma_.lower()
            if c.dep_ in ("aux",) and lemma in ("will", "shall"):
                status = "planned" if status == "asserted" else status
            elif c.dep_ in ("aux",) and lemma in ("would", "could", "might", "may"):
                status = "hypothetical" if status == "asserted" else status
            elif c.dep_ == "mark" and lemma == "if":
                status = "hypothetical"
            elif c.dep_ in ("advmod", "amod") and lex.status.get((lemma,)) == "claimed":
                status = "claimed" if status == "asserted" else status
        if tok.head.i == tok.i:
            break
        parent = tok.head
        plemma = parent.lemma_.lower()
        cue = lex.status.get((plemma,))
        if tok.dep_ in ("ccomp", "xcomp", "dobj", "pobj", "prep", "advcl", "pcomp") and cue:
            if cue == "denied" and status == "asserted":
                status = "denied"
            elif cue == "planned" and tok.dep_ == "xcomp" and status == "asserted":
                status = "planned"
            elif cue == "claimed" and plemma in ("claim", "allege") and status == "asserted":
                status = "claimed"
        if plemma in REPORTING and m.source_entity_id is None:
            for c in parent.children:
                if c.dep_ == "nsubj":
                    ent = res.entity_at(c.idx, c.idx + len(c.text))
                    if ent is None:
                        s, e = res.phrase(c)
                        ent = res.entity_at(s, e)
                        if ent is not None and ent[1] not in ("PERSON", "ORG"):
                            ent = None
                    if ent is not None:
                        m.source_entity_id = ent[0]
        tok = parent
        hops += 1
    if m.source_entity_id is None:
        m.source_entity_id = _according_to(m.sent, res)
    m.status = status


def _according_to(sent: Any, res: _Resolver) -> str | None:
    for tok in sent:
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if tok.lower_ == "according" and nxt is not None and nxt.lower_ == "to":
            for t in tok.doc[tok.i + 2: min(tok.i + 8, sent.end)]:
                ent = res.entity_at(t.idx, t.idx + len(t.text))
                if ent is not None:
                    return ent[0]
    return None


def _background(m: Mention, published_year: int | None) -> None:
    """Historical events: an explicit earlier year, `ago`, `a year after` framing, or a running
    toll."""
    toks = [t for t in m.sent if t.i in m.tokens]
    anc: list[Any] = []
    tok = m.head
    while tok.head.i != tok.i:
        tok = tok.head
        anc.append(tok)
    if published_year is not None:
        chain = m.head
        while (chain.head.i != chain.i and chain.head.pos_ in ("NOUN", "PROPN")) or (
            chain.dep_ == "relcl" and chain.head.i != chain.i
        ):
            chain = chain.head
            toks = toks + [x for x in chain.subtree]
            if chain.pos_ == "VERB":
                break
        for t in toks:
            if t.ent_type_ == "DATE" and _YEAR.fullmatch(t.text) and int(t.text) < published_year:
                m.background = True
                return
    for t in toks + anc:
        if t.lower_ == "ago":
            m.background = True
            return
    # A running toll (`hundreds have been killed since then`) sums past events, it is not one.
    head = m.head
    if head.pos_ == "VERB" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children) \
            and any(c.dep_ == "prep" and c.lower_ == "since" for c in head.children):
        m.background = True
        return
    for t in anc:
        if (t.lower_ in ("after", "since") or any(
            c.dep_ == "mark" and c.lower_ in ("after", "since") for c in t.children
        )) and any(c.dep_ == "npadvmod" and c.lemma_.lower() in _LONG_UNITS for c in t.children):
            m.background = True
            return


def _anaphoric(m: Mention) -> bool:
    """A bare definite nominal (`the raid`, `the killing`) refers back to an earlier event."""
    head = m.head
    if head.pos_ != "NOUN" or len(m.triggers) > 1:
        return False
    dets = [c for c in head.children if c.dep_ in ("det", "poss")]
    has_args = any(c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "in")
                   for c in head.children)
    return bool(dets) and dets[0].lower_ in _ANAPHORIC_DET and not has_args


# --------------------------------------------------------------------------- coding


def code_acled(
    classes: set[str], instrument: str | None, arguments: list[Argument], context: set[str],
    lex: Lexicon,
) -> tuple[str, str, int] | None:
    """ACLED (event type, sub-event type, rank) for a mention, from ``acled_rules.tsv``."""
    armed_types = {"state_forces", "rebel_groups", "political_militias", "identity_militias",
                   "external_forces"}
    a2 = [a.actor_type for a in arguments if a.role in ("actor2", "assoc_actor2")]
    a1 = [a.actor_type for a in arguments if a.role in ("actor1", "assoc_actor1")]
    if any(t in armed_types for t in a2):
        target = "armed"
    elif "civilians" in a2:
        target = "civilians"
    elif "protesters" in a2:
        target = "protesters"
    else:
        target = "unknown"
    actor1 = next((t for t in a1 if t), "unknown")
    if classes & {"protest"}:
        # A demonstration and what happened at it is one demonstration event.
        classes = classes & {"protest", "riot", "pelt", "mob"}
    best: tuple[str, str, int] | None = None
    for cls in sorted(classes):  # sorted: ties between equal ranks resolve the same way every run
        for rule in lex.rules:
            if cls not in rule.classes:
                continue
            if rule.instruments is not None and (instrument or "none") not in rule.instruments:
                continue
            if rule.targets is not None and target not in rule.targets:
                continue
            if rule.actor1 is not None and actor1 not in rule.actor1:
                continue
            if rule.context is not None and not (rule.context & context):
                continue
            if best is None or rule.rank > best[2]:
                best = (rule.event_type, rule.sub_event_type, rule.rank)
            break
    return best


_STATE_SUBJECTS = frozenset({
    "police", "policeman", "officer", "soldier", "force", "troop", "army", "military",
    "authority", "guard", "gendarme",
})
_VIOLENT_SUBJECTS = frozenset({
    "protester", "protestor", "demonstrator", "rioter", "crowd", "student", "resident",
    "participant", "marcher", "mob", "youth",
})


_SYMBOLIC = frozenset({
    "flag", "effigy", "picture", "photo", "photograph", "portrait", "passport", "copy",
    "document", "poster", "banner", "card", "milk", "book",
})


def _crowd_violence(tok: Any, m: Mention) -> bool:
    if tok.pos_ != "VERB":
        return False
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _SYMBOLIC for c in tok.children):
        return False
    subj = tok
    while subj.dep_ in ("conj", "advcl", "xcomp") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in subj.children
    ):
        subj = subj.head
    if any(t.i == subj.i for t in m.triggers):
        return True
    subjects = [_noun(c) for c in subj.children if c.dep_ == "nsubj"]
    return any(c.lemma_.lower() in _VIOLENT_SUBJECTS or c.lower_ in ("they", "who")
               for c in subjects)


def _context(m: Mention, lex: Lexicon, extra: list[Any]) -> set[str]:
    flags: set[str] = set()
    toks = list(m.sent) + extra
    # Token attributes read once: spaCy builds a Token view and a string on every access.
    lemmas = [t.lemma_.lower() for t in toks]
    for tok, lemma in zip(toks, lemmas, strict=True):
        entries = lex.triggers.get(lemma, [])
        if tok.pos_ == "VERB" and any(e.cls in ("destroy", "pelt", "attack", "beat", "clash")
                                      for e in entries) and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _VIOLENT_SUBJECTS for c in tok.children
        ):
            flags.add("violent")
    starts = lex.cue_first  # most tokens of a sentence begin no cue
    for i, tok in enumerate(toks):
        lemma = lemmas[i]
        if lemma not in starts and tok.lower_ not in starts:
            continue
        nxt = lemmas[i + 1] if i + 1 < len(toks) else ""
        nxt2 = lemmas[i + 2] if i + 2 < len(toks) else ""
        for key in ((lemma, nxt, nxt2), (lemma, nxt), (lemma,), (tok.lower_,)):
            flag = lex.cues.get(key)
            if flag == "violent_verb":
                # Destruction or fighting by the crowd (not by the police, and not the symbolic
                # burning of a flag or an effigy) makes a demonstration violent.
                if _crowd_violence(tok, m):
                    flags.add("violent")
                break
            if flag == "intervention" and tok.pos_ == "VERB" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and (
                    lex.cues.get((tok.head.lemma_.lower(),)) == "demand"):
                break  # `urged the authorities to intervene`: a demand, not an action
            if flag is not None:
                flags.add(flag)
                break
    for tok, lemma in zip(toks, lemmas, strict=True):
        if tok.lower_ == "burning":
            # `burning tyres`, `burning the gates`: destruction, unless of a symbol (a flag).
            target = tok.head if tok.dep_ == "amod" else next(
                (c for c in tok.children if c.dep_ == "dobj"), None)
            if target is not None and target.lemma_.lower() not in _SYMBOLIC:
                flags.add("violent")
        if {e.cls for e in lex.triggers.get(lemma, [])} & _FIGHTING:
            flags.add("nonviolent" if _negated(tok) else "fighting")
    participants = {k[0] for k, v in lex.cues.items() if v == "participant"}
    for tok, lemma in zip(toks, lemmas, strict=True):
        if lex.cues.get((lemma,)) != "arrest_action":
            continue
        # Police arresting the participants, or any arrest told as a main clause of the
        # report (`Two persons were arrested.`), is an intervention; an arrest in a relative
        # clause (`the release of relatives detained by ...`) is the protest's grievance.
        on_participants = any(
            c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in participants or any(
                # `detaining 10 of its participants`
                p.lemma_.lower() in participants for x in c.children
                if x.dep_ == "prep" and x.lower_ == "of" for p in x.children))
            for c in tok.children
        )
        if on_participants or tok.dep_ == "ROOT" or (
            tok.dep_ == "conj" and tok.head.dep_ == "ROOT"
        ):
            flags.add("intervention")
    return flags


def _published_year(article: Article) -> int | None:
    if article.published and _YEAR.match(article.published[:4]):
        return int(article.published[:4])
    return None


# --------------------------------------------------------------------------- main


def instrument_of(tokens: list[Any], article: Article) -> tuple[str, str] | None:
    """(instrument class, PLOVER mode) of the most specific instrument among ``tokens``."""
    found = find_instrument(tokens, load())
    return (found[0], found[1]) if found else None


def find_mentions(article: Article) -> list[Mention]:
    """Every event mention of the article, sentence by sentence, with arguments and status."""
    doc = article.doc
    if doc is None:
        return []
    lex = load()
    res = _Resolver(article, lex)
    year = _published_year(article)
    mentions: list[Mention] = []
    sents = list(doc.sents)
    crowd = any(tag.search(article.text) for tag in lex.crowd_tags)
    for si, sent in enumerate(sents):
        found = _sentence_triggers(sent, doc, lex)
        kicker, anchor, after = _kicker(sent, lex)
        if not found and kicker is not None and anchor is not None:
            found = [(anchor, kicker.trigger, 1)]
        if kicker is None and not any(e.cls in PHYSICAL for _, e, _ in found):
            anchor = _unnamed_protest(sent, res, lex)
            if anchor is not None and all(t.i != anchor.i for t, _, _ in found):
                found = sorted([*found, (anchor, lex.triggers["protest"][0], 1)],
                               key=lambda x: x[0].i)
        if not found:
            continue
        for m in _group_mentions(sent, found):
            m.kicker = kicker
            _fill_arguments(m, res, lex)
            m.arguments = [a for a in m.arguments if a.start >= after]
            toks = [t for t in sent if t.i in m.tokens]
            m.counts = _counts_in(toks, article, lex)
            _status(m, res, lex)
            _background(m, year)
            m.anaphoric = _anaphoric(m)
            follow = list(sents[si + 1]) if si + 1 < len(sents) else []
            m.context |= _context(m, lex, follow)
            if crowd:
                m.context.add("crowd_size")
            m.dates = {
                t.value for t in article.times
                if t.type == "DATE" and sent.start_char <= t.start < sent.end_char
            }
            mentions.append(m)
    _victims_described(sents, mentions, res, lex)
    return mentions


def _unnamed_protest(sent: Any, res: _Resolver, lex: Lexicon) -> Any:
    """The main verb of a sentence that reports a protest without naming it: protesters as its
    subject (`protesters closed down the port`), a banner at a gathering (`held a press
    conference with a banner`), or people acting to demand something (`residents cut the road,
    demanding repairs`). None for any other sentence."""
    root = sent.root
    if root.pos_ != "VERB":
        return None
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    for subj in subjects:
        start, end = res.phrase(subj)
        kind = res.actor_type(subj, res.article.text[start:end], None)
        if kind is not None and kind.actor_type == "protesters":
            return root
    if any(lex.cues.get((t.lemma_.lower(),)) == "protest_sign" for t in sent):
        return root
    people = any(s.tag_ in ("NNS", "NNPS") or s.lemma_.lower() == "group" for s in subjects)
    demands = any(c.lemma_.lower() == "demand" and c.pos_ == "VERB" and c.dep_ in (
        "advcl", "xcomp", "conj") for c in root.children)
    return root if people and demands else None


def _victims_described(sents: list[Any], mentions: list[Mention], res: _Resolver,
                       lex: Lexicon) -> None:
    """`The victim was a drug dealer`, `One victim was involved in drug trafficking`: a sentence
    saying who the victims were makes the unarmed targets of the events just before it members
    of an armed or criminal group (ACLED codes violence between such groups as battles)."""
    index = {s.start: i for i, s in enumerate(sents)}
    for si, sent in enumerate(sents):
        found: str | None = None
        for tok in sent:
            if tok.lemma_.lower() != "victim" or tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            verb = tok.head
            if verb.lemma_ == "be":
                for c in verb.children:
                    if c.dep_ != "attr":
                        continue
                    start, end = res.phrase(c)
                    hit = res.actor_type(c, res.article.text[start:end], None)
                    if hit is not None and hit.armed:
                        found = hit.actor_type
            elif verb.lemma_ == "involve" and any(
                    lex.cues.get((t.lemma_.lower(),)) == "criminal" for t in verb.subtree):
                found = "political_militias"
        if found is None:
            continue
        for m in mentions:
            if si - 3 <= index[m.sent.start] <= si:
                for a in m.arguments:
                    if a.role == "actor2" and a.actor_type in (None, "civilians"):
                        a.actor_type = found


_KICKER = re.compile(r"\s*([A-Za-z][A-Za-z/ -]{1,48}?)\s*:\s")


def _kicker(sent: Any, lex: Lexicon) -> tuple[Kicker | None, Any, int]:
    """The category kicker opening ``sent`` (`Displacement: On ...`), the token to anchor an event
    on when the sentence has no trigger (its root, or the first word after the colon), and the
    offset where the report proper starts (the sentence start when there is no kicker)."""
    match = _KICKER.match(sent.text)
    kicker = lex.kickers.get(" ".join(match.group(1).lower().split())) if match else None
    if match is None or kicker is None:
        return None, None, sent.start_char
    after = sent.start_char + match.end()
    anchor = sent.root if sent.root.idx >= after else next(
        (t for t in sent if t.idx >= after and not t.is_punct), None
    )
    return kicker, anchor, after


def kicker_coding(mentions: list[Mention]) -> tuple[str, str, int] | None:
    """The ACLED coding a category kicker imposes on an event made of ``mentions``."""
    kicker = next((m.kicker for m in mentions if m.kicker is not None), None)
    return (kicker.event_type, kicker.sub_event_type, KICKER_RANK) if kicker else None


#: A kicker's coding outranks every trigger rule: the report states its category.
KICKER_RANK = 100


def code_mention(m: Mention, lex: Lexicon) -> tuple[str | None, str | None, str | None,
                                                    str | None, str | None, int]:
    """(plover type, plover mode, cameo, acled type, acled sub-type, rank) of a mention."""
    acled = kicker_coding([m]) or code_acled(m.classes, m.instrument, m.arguments, m.context, lex)
    entry = max(m.entries, key=lambda e: _entry_rank(e, m, lex))
    mode = entry.plover_mode or None
    if entry.plover_type == "ASSAULT" and m.instrument_mode:
        mode = m.instrument_mode
    if acled is None:
        return entry.plover_type, mode, entry.cameo, None, None, 0
    return entry.plover_type, mode, entry.cameo, acled[0], acled[1], acled[2]


def _entry_rank(entry: Trigger, m: Mention, lex: Lexicon) -> int:
    coded = code_acled({entry.cls}, m.instrument, m.arguments, m.context, lex)
    return coded[2] if coded else 0


_TOTAL = re.compile(r"fatalit|death toll|\btoll\b", re.IGNORECASE)


def is_total(count: Count) -> bool:
    """True when a count states the event's total (`3 fatalities`, `the death toll rose to 5`)."""
    return bool(_TOTAL.search(count.text) or _TOTAL.search(count.object or ""))


def counts_text_counts(tokens: list[Any], article: Article) -> list[Count]:
    """Casualty counts in a run of tokens that carries no trigger of its own (`1 fatality.`)."""
    return _counts_in(tokens, article, load())


__all__ = ["Event", "Mention", "code_acled", "code_mention", "counts_text_counts",
           "find_mentions", "instrument_of", "is_total"]
