"""Toponym recognition: spaCy spans, checked against the gazetteer, plus demonyms and gaps.

Sources of mentions, in order of trust:

* spaCy ``GPE``/``LOC`` spans (``FAC`` only when the gazetteer knows the name);
* ``NORP`` spans that are demonyms (``Afghan``, ``Russians``) -> the country (``demonyms.tsv``);
* ``ORG``/``PERSON`` spans the small model mis-tags, kept when the gazetteer knows the name as a
  country or first-order division, or a context cue says place (``in Lashkar Gah``,
  ``Ghazni province``);
* capitalised words the model missed, under the same cue test, and state abbreviations after a
  comma (``Alexandria, La.``).

Feature words right after a name join its span (``Andar district``). Names in
``stopnames.txt`` (ordinary words that are also town names) are never taken from the cue test.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from dateline.places.gazetteer import (
    KIND_ABBR,
    KIND_ALT,
    KIND_MAIN,
    LEVEL_ADM1,
    LEVEL_ADM2,
    LEVEL_COUNTRY,
    Gazetteer,
    read_tsv,
)
from dateline.places.resolve import Mention, Resolver, feature_words, query_keys
from dateline.places.text import fold

PLACE_LABELS = {"GPE", "LOC"}
MAYBE_LABELS = {"ORG", "PERSON", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"}
#: Labels of names that often begin with their place ("the Mount Pleasant Civic Center").
PREFIX_LABELS = {"ORG", "FAC", "WORK_OF_ART", "EVENT"}
#: A legislator's party and home town: "Sen. Ray Miller, D-Columbus," or "(R-Texas)".
_PARTY_TOWN = re.compile(
    r"(?<![\w-])(?:D|R|I|DFL)-([A-Z][a-z]+(?:[ .][A-Z][a-z]+)?\.?)(?=[,);])"
)
#: Words before a name that mark it as a place.
CUE_WORDS = {
    "in", "at", "near", "from", "outside", "to", "into", "across", "around", "towards",
    "toward", "through", "of", "within", "between", "and", "via",
}
#: Cue words alone are not enough for these labels: a person "from" somewhere is common.
STRONG_CUES = {"in", "near", "outside", "at", "into", "across", "towards", "toward", "within",
               "through"}
#: Words that may stand between a cue and a name (`in central Cardiff`).
AREA_WORDS = frozenset({"central", "northern", "southern", "eastern", "western", "downtown",
                        "rural", "north", "south", "east", "west", "greater", "suburban"})
#: Minimum population for a gazetteer-scan candidate (small hamlets collide with words).
SCAN_MIN_POP = 1000
MAX_NGRAM = 4
#: A mis-tagged span (or an organisation's leading name) must be a town at least this large,
#: or a country or first-order division.
ORG_PREFIX_MIN_POP = 10_000
#: Mention sources whose names are looked for again elsewhere in the text.
PROPAGATE_FROM = frozenset(
    {"ner", "gazetteer", "ner-org-prefix", "ner-org-suffix", "dateline"}
)
#: A person-tagged span is taken as a place when it names a town at least this large.
PERSON_MIN_POP = 100_000
#: Words before a person's name.
TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "president", "coach", "judge", "sheriff",
    "mayor", "officer", "sgt", "lt", "capt", "gen", "col", "rev", "st", "prof", "chief",
    "mr.", "mrs.", "ms.", "dr.", "gov.", "sen.", "rep.", "sgt.", "lt.", "capt.", "gen.",
    "col.", "rev.", "prof.", "minister", "secretary", "king", "queen", "prince", "pope",
})
#: Titles before a name that make it a person's ("St." is mostly Street or Saint).
_PERSON_TITLES = TITLES - {"st", "st."}
#: A wire dateline: capitalised name(s) at the start of a line, then a dash, colon or comma.
_DATELINE = re.compile(r"(?m)(?:^|(?<=[.!?] ))\s*([A-Z][A-Z.'’ -]{1,40}?[A-Z.])\s*(?:,|\(|—|–|-|:)")
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")


@functools.cache
def demonyms() -> dict[str, str]:
    """Folded demonym (singular and plural) -> ISO code."""
    out: dict[str, str] = {}
    for row in read_tsv("demonyms.tsv"):
        key = fold(row["demonym"])
        out[key] = row["code"]
        if not key.endswith("s") and not key.endswith("sh") and not key.endswith("ese"):
            out.setdefault(key + "s", row["code"])
    return out


def _word_list(name: str) -> frozenset[str]:
    from dateline.places.gazetteer import DATA_DIR

    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return frozenset(fold(ln) for ln in lines if ln.strip() and not ln.startswith("#"))


@functools.cache
def stopnames() -> frozenset[str]:
    """Folded ordinary words that double as town names."""
    return _word_list("stopnames.txt")


@functools.cache
def person_cues() -> frozenset[str]:
    """Words after a name that make it a person's (``Nelson said``)."""
    return _word_list("person_cues.txt")


@functools.cache
def place_followers() -> frozenset[str]:
    """Words after a name that make it a local place's (``Alexandria police``)."""
    return _word_list("place_followers.txt")


class Recognizer:
    """Finds place mentions in a parsed text."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.resolver = Resolver(gazetteer)
        self._people: set[str] = set()

    def _known(
        self, text: str, *, min_pop: int = 0, admin_only: bool = False, towns_only: bool = False
    ) -> bool:
        """True when the gazetteer has a main/alias name ``text`` meeting the thresholds."""
        for key in query_keys(text):
            for c in self.gaz.lookup(key):
                if c.kind >= KIND_ALT and c.kind != KIND_ABBR:
                    continue
                e = c.entry
                if admin_only:
                    if e.level in (LEVEL_COUNTRY, LEVEL_ADM1) and c.kind != KIND_ABBR:
                        return True
                elif towns_only and e.level < 3:
                    continue
                elif e.level == LEVEL_ADM2 and min_pop and c.kind != KIND_MAIN:
                    # A county's bare name ("Jones" for Jones County) is mostly a surname.
                    continue
                elif e.level < 3 or e.population >= min_pop:
                    return True
        return False

    def recognize(self, doc: Any, text: str | None = None) -> list[Mention]:
        """Place mentions of a spaCy ``Doc`` (offsets into its text).

        ``text`` is the doc's text when the caller has it (``Doc.text`` is rebuilt on access).
        """
        if text is None:
            text = str(doc.text)
        feats = feature_words()
        dem = demonyms()
        stops = stopnames()
        found: list[Mention] = []
        taken = [False] * len(doc)

        def take(start_tok: int, end_tok: int, source: str, code: str | None = None) -> None:
            span = doc[start_tok:end_tok]
            # Leading articles and trailing possessives are not part of the name.
            while len(span) and span[0].lower_ in ("the", "a", "an"):
                span = span[1:]
            if not len(span):
                return
            s, e = span.start_char, span.end_char
            m = _POSSESSIVE.search(text[s:e])
            if m and e - s > len(m.group(0)):
                e -= len(m.group(0))
            # A feature word right after the name belongs to the mention.
            nxt = doc[span.end] if span.end < len(doc) else None
            end_tok_final = span.end
            if nxt is not None and nxt.lower_ in feats and code is None and not m:
                e = nxt.idx + len(nxt.text)
                end_tok_final = span.end + 1
            for t in range(span.start, end_tok_final):
                taken[t] = True
            found.append(Mention(s, e, text[s:e], source=source, code=code))

        # ``doc.ents`` rebuilds its spans on every access: read it once.
        ents = list(doc.ents)
        # Surnames of people named in full elsewhere ("coach Dave Ripley" ... "coach Ripley"):
        # a lone mention of one is the person, whatever the tagger says.
        surnames = {
            fold(ent[-1].text) for ent in ents if ent.label_ == "PERSON" and len(ent) >= 2
        }
        # Countries, first-order divisions and large cities "say" things in news
        # ("Tbilisi says"): only other names become people through a speech verb.
        self._people = surnames | {
            name for name in _people_by_cue(doc)
            if not (self._known(name, admin_only=True)
                    or self._known(name, min_pop=PERSON_MIN_POP, towns_only=True))
        }
        for ent in ents:
            label = ent.label_
            if (len(ent) == 1 and fold(ent.text) in surnames
                    and not self._known(ent.text, admin_only=True)):
                continue
            code = dem.get(fold(ent.text))
            if label != "NORP" and code and label in MAYBE_LABELS:
                # "Abkhaz" tagged as an organisation or product is still the demonym.
                take(ent.start, ent.end, "demonym", code)
                continue
            if label == "NORP":
                if code:
                    take(ent.start, ent.end, "demonym", code)
                elif self.resolver.demonym_candidates(ent.text):
                    take(ent.start, ent.end, "demonym")
                continue
            parts = _split_commas(ent)
            for ps, pe in parts:
                sub = doc[ps:pe]
                if not len(sub):
                    continue
                if label in PLACE_LABELS:
                    if _has_alpha_upper(sub.text):
                        take(ps, pe, "ner")
                elif label in MAYBE_LABELS and self._plausible(doc, ps, pe, label, stops):
                    take(ps, pe, "ner-" + label.lower())
                elif label in PREFIX_LABELS and pe - ps >= 2:
                    # "Georgia Bureau of Investigation", "Gainesville Police": an organisation
                    # named after its place; the place is the leading name (after "the").
                    while pe - ps > 2 and doc[ps].lower_ in ("the", "a", "an"):
                        ps += 1
                    # "the Georgian Interior Ministry": a demonym leading the name.
                    lead = next(
                        (k for k in range(min(pe - 1, ps + 2), ps, -1)
                         if dem.get(fold(doc[ps:k].text))),
                        None,
                    )
                    if lead is not None:
                        take(ps, lead, "demonym", dem[fold(doc[ps:lead].text)])
                        continue
                    for k in range(min(pe - 1, ps + 3), ps, -1):
                        head = doc[ps:k]
                        if (all(t.is_title or t.is_upper or _is_abbr(t.text) for t in head)
                                and fold(head.text) not in stops
                                and head[-1].lower_ != "state"
                                and doc[k].text not in ("'s", "’s", "-")
                                # `Confederation of ...`, `Bank for ...`: the name's head noun.
                                and doc[k].lower_ not in ("of", "for")
                                and doc[k - 1].whitespace_ != ""
                                and self._known(head.text, min_pop=ORG_PREFIX_MIN_POP)
                                and (not _is_acronym(head.text)
                                     or self._known(head.text, admin_only=True)
                                     or self._country_abbr(head.text))):
                            take(ps, k, "ner-org-prefix")
                            break
                    else:
                        self._org_suffix(doc, ps, pe, stops, take)

        self._extend_particles(text, found)
        self._scan(doc, text, taken, found, stops, feats)
        self._party_hometowns(text, found)
        self._datelines(doc, text, taken, found)
        self._propagate(text, found, ents)
        found.sort(key=lambda m: (m.start, -m.end))
        out: list[Mention] = []
        for m in found:
            if out and m.start < out[-1].end:
                continue
            out.append(m)
        return out

    def _plausible(self, doc: Any, s: int, e: int, label: str, stops: frozenset[str]) -> bool:
        """Is an ORG/PERSON/FAC span really a place? Gazetteer plus context cues."""
        span = doc[s:e]
        key = fold(span.text)
        if not key or key in stops or not _has_alpha_upper(span.text) or key in self._people:
            return False
        prev = doc[s - 1].lower_ if s > 0 else ""
        nxt = doc[e].lower_ if e < len(doc) else ""
        feature_after = nxt in feature_words()
        if prev == "of" and s >= 2 and doc[s - 2].lower_ in feature_words() and len(span) <= 3:
            return True  # `the village of X`, `the town of X`: a place, known or not
        if label == "FAC":
            return self._known(span.text, min_pop=SCAN_MIN_POP)
        if feature_after:
            return self._known(span.text + " " + nxt) or self._known(span.text)
        if nxt in place_followers() and len(span) <= 3:
            return self._known(span.text, min_pop=SCAN_MIN_POP)
        if label == "ORG" and len(span) <= 3 and self._known(span.text, admin_only=True):
            return True
        if prev in STRONG_CUES and len(span) <= 3:
            return self._known(span.text, min_pop=SCAN_MIN_POP)
        if label == "PERSON" and len(span) <= 3 and prev not in TITLES and not (
                s > 0 and doc[s - 1].is_title):
            # Countries and large cities are rarely people's names ("Sri Lanka", "Tbilisi").
            return self._known(span.text, admin_only=True) or self._known(
                span.text, min_pop=PERSON_MIN_POP)
        if label == "ORG" and len(span) <= 3 and prev in CUE_WORDS:
            return self._known(span.text, min_pop=ORG_PREFIX_MIN_POP)
        return False

    def _scan(
        self,
        doc: Any,
        text: str,
        taken: list[bool],
        found: list[Mention],
        stops: frozenset[str],
        feats: dict[str, int],
    ) -> None:
        """Capitalised names the model missed, accepted on a cue word or feature word."""
        # Token attributes read once: spaCy builds a Token object on every access.
        words = [t.text for t in doc]
        lowers = [w.lower() for w in words]
        starts = [t.idx for t in doc]
        capital = [t.is_title or _is_abbr(w) for t, w in zip(doc, words, strict=True)]
        numeric = [t.like_num for t in doc]
        followers = place_followers()
        n = len(words)
        i = 0
        while i < n:
            if taken[i] or not capital[i] or numeric[i]:
                i += 1
                continue
            prev_lower = lowers[i - 1] if i > 0 else ""
            after_comma = i >= 2 and words[i - 1] == "," and taken[i - 2]
            in_list = i >= 2 and words[i - 1] in (",", "(") and _in_qualifier_list(words, taken, i)
            # `in central Cardiff`, `through downtown X`: a direction word may stand between.
            cue = prev_lower in STRONG_CUES or prev_lower == "from" or (
                prev_lower in AREA_WORDS and i >= 2 and lowers[i - 2] in STRONG_CUES)
            matched = False
            for j in range(min(n, i + MAX_NGRAM), i, -1):
                nxt = lowers[j] if j < n else ""
                follower = nxt in followers
                if not (after_comma or in_list or cue or nxt in feats or nxt in (",", "(")
                        or follower):
                    continue
                if any(taken[i:j]) or not capital[j - 1]:
                    continue
                if not all(capital[t] or lowers[t] in _NAME_PARTICLES for t in range(i, j)):
                    continue
                s, e = starts[i], starts[j - 1] + len(words[j - 1])
                name = text[s:e]
                key = fold(name)
                if len(key) < 3 or key in stops or key in self._people:
                    continue
                # A capitalised word after the name (past a feature word) continues a longer
                # name: "George Washington High School", "Red Bank Road", "Houston State University".
                after = j + 1 if nxt in feats else j
                if (after < n and capital[after] and not numeric[after]
                        and lowers[after] not in stops and not _is_abbr(words[after])):
                    continue
                if after_comma:
                    ok = self._known(name, admin_only=True) or self._abbr(name)
                elif in_list and (self._known(name, admin_only=True) or self._abbr(name)):
                    ok = True
                elif nxt in feats:
                    ok = self._known(name)
                elif cue or follower or (nxt in (",", "(") and self._state_follows(doc, j + 1)):
                    ok = self._known(name, min_pop=SCAN_MIN_POP)
                else:
                    ok = False
                if ok:
                    for t in range(i, j):
                        taken[t] = True
                    if nxt in feats:
                        e = starts[j] + len(words[j])
                        taken[j] = True
                    found.append(Mention(s, e, text[s:e], source="gazetteer"))
                    i = j
                    matched = True
                    break
            if not matched:
                i += 1

    def _extend_particles(self, text: str, found: list[Mention]) -> None:
        """`Deir` + ` ez Zor`: a name the tagger cut at a lower-case particle runs on when the
        longer name is in the gazetteer (`Deir ez Zor`, `Sao Jose dos Campos`)."""
        for k, m in enumerate(found):
            match = _PARTICLE_TAIL.match(text, m.end)
            if match is None or m.source == "demonym":
                continue
            longer = text[m.start:match.end()]
            if self._known(longer):
                found[k] = Mention(m.start, match.end(), longer, source=m.source, code=m.code)

    def _party_hometowns(self, text: str, found: list[Mention]) -> None:
        """Home towns and states in legislators' party tags (``D-Columbus``, ``R-Pa.``)."""
        covered = [(m.start, m.end) for m in found]
        for match in _PARTY_TOWN.finditer(text):
            s, e = match.span(1)
            name = text[s:e]
            if any(a < e and s < b for a, b in covered):
                continue
            if self._abbr(name) or self._known(name.rstrip("."), min_pop=SCAN_MIN_POP):
                if not self._abbr(name):
                    name = name.rstrip(".")
                    e = s + len(name)
                found.append(Mention(s, e, name, source="gazetteer"))

    def _org_suffix(self, doc: Any, s: int, e: int, stops: frozenset[str], take: Any) -> None:
        """``University of Georgia``, ``Bank of Alexandria``: the place after "of"."""
        for k in range(s + 1, e - 1):
            if doc[k].lower_ != "of":
                continue
            tail = doc[k + 1 : e]
            if (len(tail) <= 3
                    and all(t.is_title or t.is_upper or _is_abbr(t.text) for t in tail)
                    and fold(tail.text) not in stops
                    and self._known(tail.text, min_pop=ORG_PREFIX_MIN_POP)):
                take(k + 1, e, "ner-org-suffix")
            return

    def _propagate(self, text: str, found: list[Mention], ents: list[Any]) -> None:
        """One sense per discourse: other occurrences of a name already taken as a place.

        The tagger often calls a town a place once and a person or organisation later; the
        repeats join unless they sit inside a longer person name or mid-way in an
        organisation's name.
        """
        # Words of people's full names; a lone name the tagger called a person does not count
        # (it is often the town itself).
        people = {t.text for ent in ents if ent.label_ == "PERSON" and len(ent) >= 2 for t in ent}
        names = {
            m.text
            for m in found
            if m.code is None and m.source in PROPAGATE_FROM and len(m.text) >= 3
            and m.text not in people and fold(m.text) not in self._people
            and self.gaz.has(fold(m.text))
        }
        if not names:
            return
        covered = sorted((m.start, m.end) for m in found)
        blocked: list[tuple[int, int]] = []
        for ent in ents:
            if ent.label_ == "PERSON" and len(ent) >= 2:
                blocked.append((ent.start_char, ent.end_char))
            elif ent.label_ in ("ORG", "WORK_OF_ART", "EVENT", "FAC") and len(ent) >= 2:
                # Inside an organisation's name, only its leading name may be a place.
                blocked.append((ent[1].idx, ent.end_char))
        for name in sorted(names):
            for m in re.finditer(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", text):
                s, e = m.span()
                if any(a < e and s < b for a, b in covered) or any(
                        a < e and s < b for a, b in blocked):
                    continue
                found.append(Mention(s, e, name, source="repeat"))
                covered.append((s, e))

    def _datelines(self, doc: Any, text: str, taken: list[bool], found: list[Mention]) -> None:
        """All-capital place names opening a line (``MANSFIELD -``, ``KABUL:``)."""
        for m in _DATELINE.finditer(text):
            s, e = m.span(1)
            if any(taken[t.i] for t in doc.char_span(s, e, alignment_mode="expand") or []):
                continue
            if self._known(text[s:e].title(), min_pop=SCAN_MIN_POP):
                found.append(Mention(s, e, text[s:e], source="dateline"))

    def _state_follows(self, doc: Any, i: int) -> bool:
        """Does a country, first-order division or its abbreviation start at token ``i``?"""
        for j in range(min(len(doc), i + 3), i, -1):
            span = doc[i:j]
            if not (span[0].is_title or span[0].is_upper or _is_abbr(span[0].text)):
                return False
            if self._abbr(span.text) or self._known(span.text, admin_only=True):
                return True
        return False

    def _country_abbr(self, text: str) -> bool:
        """``US``, ``UK``: a two-letter country abbreviation."""
        return len(text) == 2 and any(
            c.kind == KIND_ABBR and c.entry.level == LEVEL_COUNTRY
            for c in self.gaz.lookup(fold(text))
        )

    def _abbr(self, text: str) -> bool:
        return any(c.kind == KIND_ABBR for c in self.gaz.lookup(fold(text)))


def _people_by_cue(doc: Any) -> set[str]:
    """Folded capitalised words an article uses as people's names: before a speech verb
    (``Nelson said``) or after a title (``Mr. Jones``)."""
    cues = person_cues()
    out = set()
    toks = list(doc)
    for i, t in enumerate(toks[:-1]):
        if not t.is_title:
            continue
        if toks[i + 1].lower_ in cues or (i > 0 and toks[i - 1].lower_ in _PERSON_TITLES):
            out.add(fold(t.text))
    return out


#: Lower-case particles inside transliterated place names, then the rest of the name.
_PARTICLE_TAIL = re.compile(
    r"[ -](?:ez|el|al|as|ad|ar|an|ash|at|az|es|ul|wa|e|i|do|da|dos|das|de|del|la|di)"
    r"[ -](?:[A-Z][\w'’]+)(?:[ -][A-Z][\w'’]+)?"
)


#: Lower-case words inside a multi-word place name (`Rio Grande do Norte`, `Dar es Salaam`).
_NAME_PARTICLES = frozenset({"of", "de", "al", "do", "da", "dos", "das", "del", "es"})


def _in_qualifier_list(words: list[str], taken: list[bool], i: int) -> bool:
    """Is token ``i`` an item of a parenthesised list that qualifies a place: ``Ibafo (Obafemi,
    Ogun)``, ``Lale (Bane, Boulgou)``? Coders name the divisions holding a place that way."""
    for k in range(i - 1, max(-1, i - 12), -1):
        if words[k] == "(":
            return k >= 1 and taken[k - 1]
        if words[k] in (")", ".", ";") or words[k][:1].islower():
            return False
    return False


def _is_acronym(text: str) -> bool:
    """``UN``, ``MAC``: capitals without periods (organisations far more often than places)."""
    return text.isupper() and "." not in text and len(text) <= 5


def _is_abbr(text: str) -> bool:
    """``W.Va.``, ``Ky.``, ``B.C.``: capitalised with a period."""
    return len(text) >= 2 and text[0].isupper() and text.endswith(".")


def _has_alpha_upper(text: str) -> bool:
    return any(ch.isupper() for ch in text)


def _split_commas(ent: Any) -> list[tuple[int, int]]:
    """Token ranges of an entity split at commas (``Alexandria, La.`` is two places)."""
    parts: list[tuple[int, int]] = []
    start = ent.start
    for tok in ent:
        if tok.text == ",":
            if tok.i > start:
                parts.append((start, tok.i))
            start = tok.i + 1
    if ent.end > start:
        parts.append((start, ent.end))
    return parts

