"""The entities stage: canonical people, organisations and places of an article, with all mentions.

Starts from spaCy's named entities and adds what news readers rely on:

- acronyms defined in parentheses (``National Directorate of Security (NDS)``) linked both ways;
- explicit aliases (``alias X``, ``also known as X``);
- later short references (``Al-Masri`` for ``Abu Muhsin Al-Masri``, ``the Taliban`` for ``Taliban``);
- roles from pre-modifiers (``Taliban spokesman Zabihullah Mujahid``) and appositions
  (``the head of the US National Counter-Terrorism Center, Chris Miller``);
- nationality (``Egyptian national X``, ``Afghan President X``).

Role and nationality words are data (``data/entities.json``), not code.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from dateline.model import Article, Entity, Mention

KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
_POSSESSIVE = re.compile(r"\s*['’]s?$")
_LEADING_DET = re.compile(r"^(?:the|The|THE)\s+")
_ALIAS = re.compile(
    r"\b(?:alias|a\.k\.a\.?|aka|also known as|better known as|nicknamed)\s+"
    r"[\"“']?([A-Z][^,.;:()\"”\n]{1,60}?)[\"”']?(?=\s*[,.;:()\n]|\s+(?:was|is|who|had|has)\b)"
)
_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")
_ACRONYM_FIRST = re.compile(r"\b([A-Z][A-Z&]{1,9})\s+\(([A-Z][^()\n]{3,90})\)")
_FUNCTION_WORDS = {"of", "for", "and", "the", "de", "del", "la", "on", "in", "al", "el", "&", "to"}


@functools.cache
def _lexicon() -> dict[str, Any]:
    path = resources.files("dateline") / "data" / "entities.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@functools.cache
def _role_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _lexicon()["role_nouns"])


@functools.cache
def _nationality_markers() -> frozenset[str]:
    return frozenset(w.lower() for w in _lexicon()["nationality_markers"])


@dataclass
class _Cluster:
    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    nationality: str | None = None
    affiliation: str | None = None
    labels: dict[str, int] = field(default_factory=dict)
    canonical: str | None = None

    def add(self, mention: Mention) -> None:
        if not any(m.start == mention.start and m.end == mention.end for m in self.mentions):
            self.mentions.append(mention)
        if mention.label:
            self.labels[mention.label] = self.labels.get(mention.label, 0) + 1


def normalize_name(text: str) -> str:
    """The comparison key of a name: no leading article, no possessive, folded case and quotes."""
    text = _LEADING_DET.sub("", text.strip())
    text = _POSSESSIVE.sub("", text)
    return " ".join(text.replace("’", "'").split()).lower()


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading ``the`` and a trailing possessive from a mention span."""
    span = text[start:end]
    m = _LEADING_DET.match(span)
    if m and end - start > m.end():
        start += m.end()
    span = text[start:end]
    m2 = _POSSESSIVE.search(span)
    if m2 and m2.start() > 0:
        end = start + m2.start()
    return start, end


def _initials_match(words: list[str], acronym: str) -> bool:
    letters = ""
    for w in words:
        if w.lower() in _FUNCTION_WORDS:
            continue
        for part in re.split(r"[-/]", w):
            if part:
                letters += part[0]
    acr = acronym.replace("&", "").upper()
    return letters.upper() == acr or letters.upper().replace("O", "") == acr.replace("O", "")


def find_acronyms(text: str) -> list[tuple[tuple[int, int], tuple[int, int], str]]:
    """Acronym definitions: ``(long_span, acronym_span, acronym)`` for ``Long Form (LF)`` and ``LF (Long Form)``."""
    found = []
    for m in _PAREN_ACRONYM.finditer(text):
        acr = m.group(1)
        letters = len(acr.replace("&", ""))
        # Walk back over the words before the parenthesis, keeping the shortest run that spells it.
        words = list(re.finditer(r"[\w'’.-]+", text[max(0, m.start() - 160) : m.start()]))
        base = max(0, m.start() - 160)
        for k in range(1, min(len(words), letters + 6) + 1):
            run = words[-k:]
            if run[0].group().lower() in _FUNCTION_WORDS or not run[0].group()[0].isupper():
                continue
            if _initials_match([w.group() for w in run], acr):
                found.append(
                    ((base + run[0].start(), base + run[-1].end()), (m.start(1), m.end(1)), acr)
                )
                break
    for m in _ACRONYM_FIRST.finditer(text):
        acr, long_form = m.group(1), m.group(2).strip()
        if _initials_match(long_form.split(), acr):
            found.append(((m.start(2), m.start(2) + len(long_form)), (m.start(1), m.end(1)), acr))
    return found


def _role_from_tokens(tokens: list[Any]) -> tuple[str, list[Any]] | None:
    """A role phrase and its tokens if they hold a role noun; trimmed of determiners and punctuation."""
    while tokens and (tokens[0].pos_ in {"DET", "PUNCT", "CCONJ", "ADP"} or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].pos_ in {"PUNCT", "DET", "CCONJ", "ADP"} or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens:
        return None
    roles = _role_words()
    if not any(t.lower_ in roles or t.lemma_.lower() in roles for t in tokens):
        return None
    return "".join(t.text_with_ws for t in tokens).strip(), tokens


def _premodifier_tokens(doc: Any, start_token: int) -> list[Any]:
    """Tokens right before a name that modify it (``Taliban spokesman`` in ``Taliban spokesman X``)."""
    out: list[Any] = []
    i = start_token - 1
    while i >= 0:
        tok = doc[i]
        # A hyphen inside a word (``Al-Shabaab``) is part of the modifier, not a boundary.
        if tok.text == "-" and not tok.whitespace_ and i > 0 and not doc[i - 1].whitespace_:
            out.insert(0, tok)
            i -= 1
            continue
        if (
            tok.is_punct
            or tok.is_space
            or tok.pos_ in {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "NUM"}
        ):
            break
        if tok.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            break
        out.insert(0, tok)
        i -= 1
    return out


def _apposition_role(span: Any) -> tuple[str, list[Any]] | None:
    """The role given by an apposition around a name (``the head of X, Chris Miller``)."""
    root = span.root
    inside = {t.i for t in span}
    candidates = []
    if root.dep_ == "appos" and root.head.i not in inside:
        candidates.append(root.head)
    candidates.extend(c for c in root.children if c.dep_ == "appos" and c.i not in inside)
    for head in candidates:
        if head.pos_ not in {"NOUN", "PROPN"} or head.ent_type_ == "PERSON":
            continue
        name_sub = {t.i for t in root.subtree} if head is root.head else inside
        tokens = [t for t in head.subtree if t.i not in name_sub and t.i not in inside]
        # Keep the contiguous part next to the head: stop at a clause boundary.
        tokens = [t for t in tokens if t.dep_ not in {"relcl", "acl", "advcl"}]
        role = _role_from_tokens(tokens)
        if role and len(role[0]) <= 90:
            return role
    return None


def _nationality(tokens: Iterable[Any]) -> str | None:
    for tok in tokens:
        if tok.ent_type_ == "NORP" and tok.pos_ in {"ADJ", "PROPN", "NOUN"}:
            return str(tok.text)
    return None


class _Builder:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.doc = article.doc
        self.clusters: list[_Cluster] = []
        self.by_key: dict[tuple[str, str], _Cluster] = {}

    def cluster_for(self, name: str, etype: str) -> _Cluster:
        key = (normalize_name(name), "PERSON" if etype == "PERSON" else "NAME")
        cl = self.by_key.get(key)
        if cl is None:
            cl = _Cluster(name=name, type=etype)
            self.by_key[key] = cl
            self.clusters.append(cl)
        return cl

    def covered(self, start: int, end: int) -> _Cluster | None:
        for cl in self.clusters:
            for m in cl.mentions:
                if m.start < end and start < m.end:
                    return cl
        return None

    def mention(self, start: int, end: int, kind: str, label: str = "") -> Mention:
        return Mention(start=start, end=end, text=self.text[start:end], kind=kind, label=label)

    def build(self) -> list[Entity]:
        self.add_ner()
        self.add_acronyms()
        self.add_aliases()
        self.link_short_names()
        self.add_unlabelled_repeats()
        self.add_roles()
        return self.finish()

    def add_ner(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ not in KEPT_LABELS:
                continue
            start, end = _trim_span(self.text, ent.start_char, ent.end_char)
            if end <= start:
                continue
            if ent.label_ == "PERSON":
                start = self._extend_given_names(ent.start, start)
            name = self.text[start:end]
            cl = self.cluster_for(name, ent.label_)
            cl.add(self.mention(start, end, "name", ent.label_))

    def _extend_given_names(self, first_token: int, start: int) -> int:
        """Take in capitalised proper nouns the model left out before a name (``Asim`` of ``Asim Omar``)."""
        i = first_token - 1
        roles = _role_words()
        while i >= 0:
            tok = self.doc[i]
            if not (
                tok.pos_ == "PROPN"
                and tok.is_title
                and not tok.ent_type_
                and tok.lower_ not in roles
            ):
                break
            if tok.dep_ != "compound" or tok.head.i < first_token:
                break
            start = tok.idx
            i -= 1
        return start

    def add_acronyms(self) -> None:
        for (ls, le), (as_, ae), acr in find_acronyms(self.text):
            ls, le = _trim_span(self.text, ls, le)
            long_cl = self._cluster_at(ls, le)
            if long_cl is None:
                long_cl = self.cluster_for(self.text[ls:le], "ORG")
                long_cl.add(self.mention(ls, le, "name", "ORG"))
            # The words that spell the acronym are its canonical long form.
            long_cl.canonical = self.text[ls:le]
            earlier = next(
                (c for c in self.clusters if acr in c.acronyms and c is not long_cl), None
            )
            if earlier is not None:
                self._merge(long_cl, earlier)
                long_cl = earlier
            if acr not in long_cl.acronyms:
                long_cl.acronyms.append(acr)
            self._absorb(acr, long_cl)
            long_cl.add(self.mention(as_, ae, "acronym", "ORG"))
            for m in re.finditer(rf"\b{re.escape(acr)}\b", self.text):
                long_cl.add(self.mention(m.start(), m.end(), "acronym", "ORG"))

    def _cluster_at(self, start: int, end: int) -> _Cluster | None:
        """The cluster of the mention that best covers [start, end): the largest overlap."""
        best, best_overlap = None, 0
        for cl in self.clusters:
            for m in cl.mentions:
                overlap = min(end, m.end) - max(start, m.start)
                if overlap > best_overlap:
                    best, best_overlap = cl, overlap
        if best is not None and best_overlap * 2 >= end - start:
            return best
        return None

    def _merge(self, other: _Cluster, into: _Cluster, kind: str | None = None) -> None:
        """Move every mention of ``other`` into ``into`` and forget ``other``."""
        for m in other.mentions:
            into.add(Mention(m.start, m.end, m.text, kind or m.kind, m.label))
        for value in other.aliases:
            if value not in into.aliases:
                into.aliases.append(value)
        into.canonical = into.canonical or other.canonical
        if other in self.clusters:
            self.clusters.remove(other)
        for k, v in list(self.by_key.items()):
            if v is other:
                self.by_key[k] = into

    def _absorb(self, key_text: str, into: _Cluster) -> None:
        """Merge every other cluster whose name is ``key_text`` into ``into``."""
        key = normalize_name(key_text)
        for other in list(self.clusters):
            if other is not into and normalize_name(other.name) == key:
                self._merge(other, into, "acronym" if key_text.isupper() else "alias")

    def add_aliases(self) -> None:
        for m in _ALIAS.finditer(self.text):
            a_start, a_end = m.start(1), m.end(1)
            alias = self.text[a_start:a_end].strip()
            owner = None
            # The alias belongs to the nearest name before it in the same sentence.
            sent_start, _ = self.article.sentence_of(m.start())
            best = -1
            for cl in self.clusters:
                for men in cl.mentions:
                    if (
                        sent_start <= men.start
                        and men.end <= m.start()
                        and men.end > best
                        and cl.type in {"PERSON", "ORG"}
                    ):
                        if men.start >= a_start:
                            continue
                        owner, best = cl, men.end
            if owner is None:
                continue
            overlapping = self._cluster_at(a_start, a_end)
            if overlapping is not None and overlapping is not owner:
                self._merge(overlapping, owner, "alias")
            if alias not in owner.aliases:
                owner.aliases.append(alias)
            owner.add(
                self.mention(a_start, a_end, "alias", "PERSON" if owner.type == "PERSON" else "")
            )
            for rep in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", self.text):
                owner.add(self.mention(rep.start(), rep.end(), "alias"))

    def link_short_names(self) -> None:
        """Attach single names and surnames to the full name they abbreviate (unique match only)."""
        people = [c for c in self.clusters if c.type == "PERSON" and len(c.name.split()) >= 2]
        for cl in list(self.clusters):
            if cl in people or cl not in self.clusters:
                continue
            key = normalize_name(cl.name)
            hits = [p for p in people if p is not cl and self._is_short_form(key, p)]
            if len(hits) == 1 and cl.type in {"PERSON", "ORG", "GPE", "NORP"}:
                self._merge(cl, hits[0], "surname")
        # Among multi-word people too: "Muhsin Al-Masri" is "Abu Muhsin Al-Masri".
        people.sort(key=lambda c: -len(c.name))
        for i, long_cl in enumerate(people):
            for short in people[i + 1 :]:
                key = normalize_name(short.name)
                if (
                    short in self.clusters
                    and long_cl in self.clusters
                    and self._is_short_form(key, long_cl)
                ):
                    self._merge(short, long_cl, "surname")

    @staticmethod
    def _is_short_form(key: str, full: _Cluster) -> bool:
        parts = normalize_name(full.name).split()
        if len(parts) < 2 or key == " ".join(parts):
            return False
        tails = {" ".join(parts[k:]) for k in range(1, len(parts))}
        return key in tails or key in {normalize_name(a) for a in full.aliases}

    def add_unlabelled_repeats(self) -> None:
        """Occurrences of a known name (or surname) that the NER model did not tag."""
        for cl in self.clusters:
            forms = {cl.name}
            if cl.type == "PERSON" and len(cl.name.split()) >= 2:
                forms.add(cl.name.split()[-1])
            for form in forms:
                if len(form) < 3 or not form[0].isupper():
                    continue
                for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", self.text):
                    owner = self.covered(m.start(), m.end())
                    if owner is None:
                        kind = "name" if form == cl.name else "surname"
                        cl.add(self.mention(m.start(), m.end(), kind))

    def add_roles(self) -> None:
        for cl in self.clusters:
            if cl.type != "PERSON":
                continue
            for men in cl.mentions:
                span = self.doc.char_span(men.start, men.end, alignment_mode="expand")
                if span is None:
                    continue
                pre = _premodifier_tokens(self.doc, span.start)
                markers = _nationality_markers()
                if pre and pre[-1].lower_ in markers:
                    cl.nationality = cl.nationality or _nationality(pre)
                    pre = []
                role = (_role_from_tokens(pre) if pre else None) or _apposition_role(span)
                if role:
                    self._set_role(cl, *role)
                self._postposed_nationality(cl, span)

    def _set_role(self, cl: _Cluster, role: str, tokens: list[Any]) -> None:
        roles = _role_words()
        head = next(
            (i for i, t in enumerate(tokens) if t.lower_ in roles or t.lemma_.lower() in roles), 0
        )
        # Nationality only from words before the role noun: "Afghan President", not "leader of X in
        # the Indian subcontinent".
        nat = _nationality(tokens[:head])
        if nat and not cl.nationality:
            cl.nationality = nat
        if role not in cl.roles and len(role.split()) <= 12:
            cl.roles.append(role)
        if cl.affiliation is None:
            for tok in tokens:
                if tok.ent_type_ in {"ORG", "GPE"} and tok.ent_iob_ in {"B", "I"}:
                    ent = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
                    start, end = _trim_span(self.text, ent.start_char, ent.end_char)
                    cl.affiliation = self.text[start:end]
                    break

    def _postposed_nationality(self, cl: _Cluster, span: Any) -> None:
        """``X, an Egyptian national,`` and ``X, a Nigerian citizen``."""
        window = self.text[span.end_char : span.end_char + 60]
        markers = "|".join(re.escape(w) for w in sorted(_nationality_markers()))
        m = re.match(rf",\s+(?:an?|the)\s+([A-Z][\w-]+)\s+(?:{markers})\b", window)
        if m and not cl.nationality:
            cl.nationality = m.group(1)

    def finish(self) -> list[Entity]:
        out = []
        for n, cl in enumerate(
            sorted(self.clusters, key=lambda c: min(m.start for m in c.mentions)), 1
        ):
            cl.mentions.sort(key=lambda m: (m.start, m.end))
            label = max(cl.labels, key=lambda k: cl.labels[k]) if cl.labels else cl.type
            names = [m.text for m in cl.mentions if m.kind == "name"] or [cl.name]
            # Prefer the spelled-out acronym form, then the longest form not in capitals (KABUL).
            canonical = cl.canonical or max(names, key=lambda n: (not n.isupper(), len(n)))
            canonical = _POSSESSIVE.sub("", _LEADING_DET.sub("", canonical))
            out.append(
                Entity(
                    id=f"ent{n}",
                    name=canonical,
                    type="PERSON" if cl.type == "PERSON" else label,
                    mentions=cl.mentions,
                    aliases=[a for a in cl.aliases if a != canonical],
                    acronyms=cl.acronyms,
                    roles=cl.roles,
                    nationality=cl.nationality,
                    affiliation=cl.affiliation,
                )
            )
        return out


def extract_entities(article: Article) -> list[Entity]:
    """Canonical entities of an article that has been through the nlp stage."""
    if article.doc is None:
        return []
    return _Builder(article).build()


def stage(articles: Iterable[Article]) -> Iterator[Article]:
    """Build canonical entities. Needs: nlp. Adds: ``entities``."""
    for article in articles:
        if article.doc is not None:
            article.entities = extract_entities(article)
            article.stages.append("entities")
        yield article
