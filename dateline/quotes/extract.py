"""Find attributions (source, cue, content) in a spaCy parse.

Three families of cue are read off the dependency parse:

* a cue verb from the lexicon (``said``, ``told``, ``denied``, ``accused``...): its subject is the
  source (inherited from the governing verb for ``..., saying that``/``and added``; the passive
  agent for ``was told by``); its content is its complement clause, an adjacent quotation
  (``"...," he said`` / ``he said: "..."`` / a quote broken by the cue), the clause it interrupts
  (``X, he said, Y``), or for object-frame cues (``denied the claim``) its object;
* a fixed phrase (``according to X, ...``): the clause it modifies is the content;
* partial quotations inside reported speech widen the content to the closing mark.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from dateline.quotes.lexicon import (
    Cue,
    agent_nouns,
    backing_words,
    cue_adjectives,
    cue_nouns,
    cue_phrases,
    cue_verbs,
    document_nouns,
    headline_kickers,
    likelihood_verbs,
    material_objects,
    media_nouns,
    no_object,
    no_passive,
    non_cues,
    non_topics,
    phrasal_cues,
    quantity_words,
    recipient_verbs,
    report_adverbs,
    setting_nouns,
    subject_control,
    text_objects,
    violence_nouns,
)
from dateline.quotes.marks import CLOSE, OPEN, STRAIGHT, before_close, quote_spans

QUOTE_CHARS = OPEN + CLOSE + STRAIGHT + "‘’'"
#: Dependents that make up the cue's own clause (not content): "also said in a tweet on Sunday".
CLAUSE_DEPS = frozenset(
    {"aux", "auxpass", "neg", "advmod", "npadvmod", "prep", "agent", "dative", "prt", "mark"}
)
SUBJECT_DEPS = ("nsubj", "csubj")
COMPLEMENT_DEPS = ("ccomp", "xcomp")
#: Prepositions by which an actor holds a stated belief or hope: "in the hope that", "with the
#: argument that", "under the impression that".
HOLDING_PREPS = frozenset({"in", "with", "under"})
#: Prepositions that introduce content for object-frame cues (accused X *of*, blamed X *for*,
#: balked *at*); a phrase naming the time, place or occasion is never content (see _setting).
CONTENT_PREPS = frozenset({"of", "for", "on", "as", "about", "over", "against", "that", "at"})
#: Prepositions introducing a noun cue's content ("criticism of X", "concern about X").
#: Prepositions that, after the cue's object, give when, why or by what means the words came
#: ("dismissed the charge after reviewing it", "endorsed him only after deliberating", "backed
#: the bill despite doubts"), never what was said.
CIRCUMSTANCE_PREPS = frozenset(
    {"after", "before", "since", "until", "during", "despite", "amid", "following", "upon", "through", "via"}
)
NOUN_CONTENT_PREPS = frozenset({"of", "about", "over", "on", "for", "against", "with"})
#: Entity types of a preposition's object that make it the setting of speaking, not its content.
SETTING_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})
#: Prepositions whose object is the topic of a clause-frame cue ("asked about X", "asked for X",
#: "warned against X", "warned of X", "agreed with X").
SHORT_PREPS = frozenset({"about", "for", "against", "of", "with"})
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "ccomp", "xcomp", "pcomp"})
#: Dependencies through which a subjectless cue inherits its governor's subject.
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "acomp"})
#: Dependencies inside a noun phrase (walked up to find its head).
NP_INNER_DEPS = frozenset(
    {"compound", "amod", "appos", "punct", "poss", "case", "det", "nmod", "nummod", "pobj", "prep"}
)
FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ"})
#: How many unattributed quotations may continue a speaker's quotation.
MAX_CONTINUATIONS = 5
#: Parts of speech of which a reported proposition has at least one.
PROPOSITION_POS = frozenset({"NOUN", "PROPN", "PRON", "VERB", "AUX", "ADJ", "NUM"})
#: Degree words that only grade adjectives (closed class).
DEGREE_ADVERBS = frozenset({"most", "more", "least", "less"})
#: Left modifiers of a cue that are really its subject when it has none ("half said so").
QUANTITY_DEPS = frozenset({"advmod", "npadvmod", "nummod", "quantmod"})
#: Complements that carry how something looks ("seems [to work]", "appears [likely]").
IMPRESSION_DEPS = frozenset({"xcomp", "acomp", "ccomp", "attr", "oprd"})
PUNCT_EDGE = frozenset(",.;:—–-()[]…")


@dataclass
class Attribution:
    """One attribution: character spans into the text, plus the cue's lexical reading."""

    content: list[tuple[int, int]]
    cue: tuple[int, int]
    cue_lemma: str
    stance: str
    direct: bool
    source: tuple[int, int] | None = None
    source_head: int | None = None  # token index of the source's head word
    cue_token: int = 0
    kind: str = "speech"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def start(self) -> int:
        """Start of the first content fragment."""
        return self.content[0][0]

    @property
    def end(self) -> int:
        """End of the last content fragment."""
        return self.content[-1][1]


class _Quotes:
    """The article's quotation spans with fast lookups by character offset."""

    def __init__(self, text: str) -> None:
        # ``Doc.text`` is rebuilt from the tokens on every access: keep one copy here.
        self.text = text
        self.spans = quote_spans(text)
        self.starts = [s for s, _ in self.spans]

    def containing(self, start: int, end: int) -> tuple[int, int] | None:
        """The quotation that holds ``[start, end)`` entirely, if any."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and self.spans[i][0] <= start and end <= self.spans[i][1]:
            return self.spans[i]
        return None

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """Quotations overlapping ``[start, end)``."""
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        out = []
        while i < len(self.spans) and self.spans[i][0] < end:
            s, e = self.spans[i]
            if e > start:
                out.append((s, e))
            i += 1
        return out

    def ending_before(self, offset: int, text: str) -> tuple[int, int] | None:
        """A quotation that ends right before ``offset`` (only spaces, commas, dashes between)."""
        i = bisect.bisect_left(self.starts, offset) - 1
        if i < 0:
            return None
        s, e = self.spans[i]
        if e <= offset and _gap_ok(text[e:offset]):
            return (s, e)
        return None

    def starting_after(
        self, offset: int, text: str, *, stop: bool = False, paragraph: bool = False
    ) -> tuple[int, int] | None:
        """A quotation that starts right after ``offset`` (only spaces, commas, a colon between).

        ``stop`` also lets a full stop through: ``"A," he said. "B."`` continues the quotation;
        ``paragraph`` lets a paragraph break through.
        """
        i = bisect.bisect_left(self.starts, offset)
        if i < len(self.spans):
            s, e = self.spans[i]
            if _gap_ok(text[offset:s], colon=True, stop=stop, paragraph=paragraph):
                return (s, e)
        return None


#: Where :func:`_text` keeps its copy in ``Doc.user_data``.
_TEXT_KEY = ("dateline.quotes", "text")


def _text(doc: Any) -> str:
    """The document's text, built once: ``Doc.text`` joins every token anew on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        # A Doc's text never changes (retokenizing keeps it), so the copy stays right.
        text = str(doc.text)
        doc.user_data[_TEXT_KEY] = text
    return text


def _gap_ok(gap: str, *, colon: bool = False, stop: bool = False, paragraph: bool = False) -> bool:
    allowed = " \t\n,—–-" + (":" if colon else "") + ("." if stop else "")
    if len(gap) > 4 or not all(c in allowed for c in gap):
        return False
    # A paragraph break only continues a quotation introduced by a colon.
    return paragraph or "\n\n" not in gap or ":" in gap


def _runs(indices: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted token indices -> inclusive runs of consecutive indices."""
    runs: list[tuple[int, int]] = []
    for i in sorted(set(indices)):
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _trim(doc: Any, a: int, b: int, *, keep_final_stop: bool = False) -> tuple[int, int] | None:
    """Token run ``a..b`` without edge punctuation/space; keeps quotation marks."""
    while a <= b and (doc[a].is_space or (doc[a].text in PUNCT_EDGE) or doc[a].dep_ == "cc"):
        a += 1
    while b >= a and (doc[b].is_space or doc[b].text in PUNCT_EDGE or doc[b].dep_ == "cc"):
        if keep_final_stop and doc[b].text in ".!?":
            break
        b -= 1
    if a > b:
        return None
    return (a, b)


def _char_span(doc: Any, a: int, b: int) -> tuple[int, int]:
    return (doc[a].idx, doc[b].idx + len(doc[b]))


def _fragments(doc: Any, indices: Iterable[int]) -> list[tuple[int, int]]:
    out = []
    for a, b in _runs(indices):
        t = _trim(doc, a, b)
        if t is not None:
            out.append(_char_span(doc, *t))
    return out


def _subtree(tok: Any) -> set[int]:
    return {t.i for t in tok.subtree}


def _nearest_subject(tok: Any, span: tuple[int, int]) -> Any | None:
    """The subject (or passive agent) of ``tok`` nearest to it inside the character ``span``.

    A timestamp or a fronted clause can be parsed as a second subject ("12:15 p.m.: Obama says"),
    so the closest one in the cue's own paragraph wins.
    """
    cands = []
    for c in tok.children:
        if c.dep_ in SUBJECT_DEPS:
            cands.append(c)
        elif c.dep_ == "agent":
            cands.extend(g for g in c.children if g.dep_ == "pobj")
    cands = [c for c in cands if span[0] <= c.idx < span[1]]
    if not cands:
        return None
    return min(cands, key=lambda c: abs(c.i - tok.i))


def _quantity_subject(tok: Any) -> Any | None:
    """A fraction the parser left as a modifier: "half said so", "About 4 in 10 say"."""
    for c in tok.lefts:
        if (
            c.dep_ in QUANTITY_DEPS
            and c.right_edge.i == tok.i - 1
            and (c.pos_ == "NUM" or c.lower_ in quantity_words())
        ):
            return c
    return None


def _run_on_subject(tok: Any) -> Any | None:
    """The noun phrase right before a conjoined cue with no "and" between them.

    Headlines run into their standfirst without punctuation ("... on the list Afghan intelligence
    said he was killed"); the parser then conjoins the cue to the previous clause and its subject.
    """
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if tok.dep_ == "ROOT" and prev is not None and prev.text == "," and tok.i > 1:
        # "Alarmed by X, Senator Y, the leader, said ...": the parser lost the subject.
        prev = tok.doc[tok.i - 2]
    elif tok.dep_ == "ROOT":
        return None
    if prev is None or prev.dep_ == "cc" or prev.is_space or (prev.is_punct and prev.text != ")"):
        return None
    if tok.dep_ == "conj" and any(c.dep_ == "cc" for c in tok.head.children if c.i < tok.i):
        return None
    cur = prev
    while cur.dep_ in NP_INNER_DEPS and cur.head.i < tok.i and cur.head.i != cur.i:
        cur = cur.head
    if cur.pos_ not in ("NOUN", "PROPN") or cur.dep_ in SUBJECT_DEPS:
        return None
    return cur


def _verbless_root(tok: Any) -> Any | None:
    """The subject of a sentence the parser left without a verb because it read the cue as a
    participle ("Smith, who led the 2012 campaign, called the plan a mistake": "called" hangs on
    "campaign"). The sentence's root noun, when the cue follows a comma inside its phrase."""
    root = tok.sent.root
    if tok.dep_ != "acl" or tok.tag_ not in ("VBD", "VBN") or tok.i < 2 or tok.doc[tok.i - 1].text != ",":
        return None
    if root.pos_ not in ("NOUN", "PROPN") or root.i >= tok.i or any(c.dep_ == "agent" for c in tok.children):
        return None
    # Hung on the root itself, the participle may just name it ("Its leader, called the
    # Sheikh, ..."), unless an aside sits between the name and the cue.
    aside = any(c.dep_ in ("relcl", "appos") and c.i < tok.i for c in root.children)
    return root if (tok.head.i != root.i or aside) and tok in root.subtree else None


def _trailing_participle(tok: Any) -> bool:
    """A participle cue set off by a comma after a reported clause ('..., claiming that ...')."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.left_edge.i != tok.i or tok.i < 2:
        return False
    prev = tok.doc[tok.i - 1]
    if all(ch in QUOTE_CHARS for ch in prev.text):
        prev = tok.doc[tok.i - 2]
    return bool(prev.text == ",")


def _verb_form(v: Any) -> str:
    """The tag that carries a verb group's tense: its first auxiliary's, else its own."""
    aux = next((c for c in v.lefts if c.dep_ in ("aux", "auxpass")), None)
    return str((aux or v).tag_)


def _cue_predicate(c: Any, quotes: _Quotes | None = None) -> Any | None:
    """The cue whose subject a predicate conjoined to the cue's reported clause belongs to.

    "says he would sit them down, and tells the crowd ...", "denied the crime was a genocide and
    goes on to suppress research", "saying X and implying Y": a verb with no subject of its own,
    in the cue's tense but not the reported verb's, continues the speaker's sentence, not what
    was said. A verb in the reported verb's own tense stays ("said he was tired and wanted
    ..."), and so does a past verb after a present one ("said he has been impressed and liked
    ..."), which goes on reporting. Returns the cue verb, or None.
    """
    h = c.head
    cue = h.head
    if (
        c.dep_ != "conj"
        or c.i < h.i
        or c.pos_ not in ("VERB", "AUX")
        or h.dep_ not in COMPLEMENT_DEPS
        or cue.i == h.i
        or cue.pos_ != "VERB"
        or any(g.dep_ in (*SUBJECT_DEPS, "nsubjpass", "expl") for g in c.children)
        or any(g.dep_ == "cc" and g.lower_ in ("or", "nor") for g in h.children)
    ):
        return None
    if quotes is not None and quotes.containing(c.idx, c.idx + len(c)) is not None:
        return None
    form, h_form = _verb_form(cue), _verb_form(h)
    if (form not in FINITE_TAGS and form != "VBG") or h_form == form or _verb_form(c) != form:
        return None
    if form == "VBD" and h_form in ("VBZ", "VBP"):
        return None
    return cue


def _coordinated_cue(tok: Any) -> Any | None:
    """The cue a subjectless speech verb is coordinated with, when the parser hung it lower.

    "X insisted that he had grown the party, claiming that ...": a participle after the reported
    clause speaks for the reporting clause's subject. "X said he would order a review and warned
    against Y": "warned" is parsed as conjoined to
    "order" inside the reported clause, but a finite speech verb with no subject of its own,
    next to a reported clause that has one, continues the reporting clause (reported speech is
    not nested in news attribution). So does any predicate :func:`_cue_predicate` gives back to
    the cue. Returns the outer cue verb, or None.
    """
    if _trailing_participle(tok):
        host = tok.head
        # A participle after "X said he was thinking, ..." still speaks for X: a cue inside the
        # reported clause does not own it. A parenthetical report after the clause ("...,
        # adding ..., the source recalled") does not take it over.
        if host.lemma_.lower() in cue_verbs():
            if host.dep_ != "ccomp" or host.head.i > host.i:
                return None
            climb: tuple[str, ...] = ("ccomp",)
        else:
            climb = ("ccomp", "xcomp", "conj")
        while host.dep_ in climb and host.head.i != host.i:
            if host.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in host.children):
                return None  # "X says ..., and Y has sued, saying ...": Y's own clause
            host = host.head
            if host.pos_ == "VERB" and host.lemma_.lower() in cue_verbs():
                return host
        return None
    if (outer := _cue_predicate(tok)) is not None and outer.lemma_.lower() in cue_verbs():
        return outer
    if tok.dep_ != "conj" or tok.tag_ not in FINITE_TAGS:
        return None
    lex = cue_verbs().get(tok.lemma_.lower())
    if lex is None or lex.kind not in ("speech", "writing"):
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in tok.children):
        return None
    host = tok.head
    outer = host.head
    if (
        host.dep_ != "ccomp"
        or outer.i == host.i
        or outer.pos_ != "VERB"
        or outer.lemma_.lower() not in cue_verbs()
        or not any(c.dep_ in SUBJECT_DEPS for c in host.children)
    ):
        return None
    return outer


def _appositive_speaker(doc: Any, tok: Any) -> Any | None:
    """A speaker the parser made an appositive of a fronted phrase.

    "In a call with reporters, Col. Jane Doe, a spokeswoman, said ...": the name right before
    the cue, set off by a comma, hangs on "reporters" as an appositive and the cue has no subject.
    The outermost such appositive that ends right before the cue is the speaker.
    """
    best = None
    i = tok.i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    for t in doc[max(0, i - 40) : i + 1]:
        if (
            t.dep_ == "appos"
            and t.right_edge.i == i
            and t.head.i < t.i
            and t.left_edge.i > 0
            and doc[t.left_edge.i - 1].text == ","
            and t.pos_ in ("PROPN", "NOUN")
            and (best is None or t.left_edge.i < best.left_edge.i)
        ):
            best = t
    return best


def _speaker_after_quote(doc: Any, tok: Any, quotes: _Quotes) -> Any | None:
    """The noun phrase between a closing quotation and its cue ('"...," Jane Doe, a lawyer, said').

    The parser often hangs that phrase on a word inside the quotation (as an appositive), so the
    cue is left without a subject or with one inside the quotation. The phrase is the one run of
    words between the mark and the cue whose head lies outside it.
    """
    i = tok.i - 1
    while i >= 0 and (doc[i].is_punct or doc[i].dep_ in ("aux", "neg", "advmod")):
        if quotes.containing(doc[i].idx, doc[i].idx + 1) is not None:
            break
        i -= 1
    j = i
    while j >= 0 and quotes.containing(doc[j].idx, doc[j].idx + 1) is None and not doc[j].is_space:
        j -= 1
    if j < 0 or j == i or quotes.containing(doc[j].idx, doc[j].idx + 1) is None:
        return None
    run = range(j + 1, i + 1)
    roots = [doc[k] for k in run if not doc[k].is_punct and not (j < doc[k].head.i <= i)]
    if len(roots) != 1 or roots[0].pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return roots[0]


def _inverted_speaker(doc: Any, tok: Any, quotes: _Quotes) -> Any | None:
    """'"Vote for change," read one of the signs': after a quotation the parser may take the
    inverted speaker for the cue's object; the object then is who spoke."""
    before = quotes.ending_before(tok.idx, quotes.text)
    if before is None or quotes.text[before[1] : tok.idx].strip(" ,\n"):
        return None
    return next((c for c in tok.rights if c.dep_ == "dobj"), None)


def _subject(tok: Any, span: tuple[int, int] = (0, 1 << 62)) -> Any | None:
    """The speaker token of a cue verb: its subject, passive agent, or its governor's subject."""
    if (root := _verbless_root(tok)) is not None:
        return root
    if _bare_participle(tok):
        # "When asked about X, she ...": she was asked; the asker is unstated, unless named
        # ("when asked by a reporter if ...").
        return next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    outer = _coordinated_cue(tok)
    if outer is not None:
        return _subject(outer, span)
    cur = tok
    for _ in range(5):
        subj = _nearest_subject(cur, span)
        if subj is not None:
            return _publisher(cur, subj, span) or subj
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in cur.children):
            return None  # "it was reported that ...": no source
        if (
            cur is tok
            and tok.tag_ in FINITE_TAGS
            and tok.dep_ != "acomp"
            and (q := _quantity_subject(cur)) is not None
        ):
            return q
        if cur is tok and tok.dep_ in ("conj", "ROOT") and (np := _run_on_subject(tok)) is not None:
            return np
        head = cur.head
        if head.i == cur.i:
            return None
        if cur.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
            # "began by saying", "after saying ...": the verb the preposition modifies.
            cur = head.head
            if cur.pos_ == "NOUN":
                # "their strategy of attacking him": the noun's holder; "has a history of
                # blaming others": the subject of the verb that has it.
                poss = next((c for c in cur.children if c.dep_ == "poss"), None)
                if poss is not None:
                    return poss
                if cur.dep_ in ("dobj", "attr") and cur.head.pos_ in ("VERB", "AUX"):
                    cur = cur.head
            elif cur.pos_ == "ADJ" and cur.dep_ == "attr":
                cur = cur.head  # "was the most aggressive in denouncing X": the copula's subject
            if cur.pos_ == "VERB" and (done := next((c for c in cur.children if c.dep_ == "nsubjpass"), None)):
                # "was shunned for backing X", "are united in opposing X": who undergoes it acts.
                return done
            continue
        if cur.dep_ == "acl" and cur.tag_ in ("VBG", "VBD") and head.pos_ in ("NOUN", "PROPN"):
            # "a statement saying ..." speaks for whoever issued it, and so does an object with a
            # participle ("the council passed a motion condemning ...", "she emailed supporters
            # saying ..."): the participle mostly tells what the clause's subject did. A thing
            # that bears words ("took calls saying ...", "held a sign saying ...") speaks itself.
            gov = head.head.head if head.dep_ == "pobj" else head.head
            if head.dep_ == "pobj" and head.head.lower_ == "in" and head.lemma_.lower() in (
                media_nouns()
            ):
                # "In a statement announcing the pick, the union said": the statement (or whose
                # it is) carries this report; the clause's subject makes its own.
                return next((c for c in head.children if c.dep_ == "poss"), head)
            if head.dep_ in ("dobj", "pobj") and (
                head.lemma_.lower() in media_nouns()
                or (
                    cur.tag_ == "VBG"
                    and (cur.lemma_.lower() != "say" or gov.lemma_.lower() in cue_verbs())
                )
            ):
                return _nearest_subject(gov, span) or head
            return head
        if (holder := _infinitive_holder(cur)) is not None:
            if holder.pos_ in ("VERB", "AUX"):
                cur = holder
                continue
            return holder
        if cur.dep_ in INHERIT_DEPS:
            if cur.dep_ == "xcomp":
                # Object control: "prompting the president to accuse ..." -> the president; but
                # a means the subject uses is no speaker ("she used the speech to call for ...").
                obj = [c for c in head.children if c.dep_ in ("dobj", "dative")]
                if obj and (
                    head.lemma_.lower() not in subject_control()
                    or not any(c.dep_ == "nsubj" for c in head.children)
                ):
                    return obj[0]
            cur = head
            continue
        return None
    return None


def _infinitive_holder(cur: Any) -> Any | None:
    """Who does what a noun's to-infinitive says: a token to return, or a verb to climb to.

    "She was the first senator to endorse him" (the copula's subject), "the first member to
    endorse him was Doe" (what the subject is), "his failure to denounce X" (the noun's holder),
    "in a bid to persuade X" (the subject of the verb the phrase modifies). A noun that is an
    object ("offered a chance to show X") is left alone: who gets the chance is unclear.
    """
    head = cur.head
    if (
        cur.dep_ not in ("relcl", "acl")
        or head.pos_ not in ("NOUN", "PROPN", "PRON")
        or not any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)
    ):
        return None
    if (poss := next((c for c in head.children if c.dep_ == "poss"), None)) is not None:
        return poss
    gov = head.head
    if head.dep_ == "attr" and gov.lemma_ == "be":
        return next((c for c in gov.children if c.dep_ == "nsubj"), None)
    if head.dep_ == "nsubj" and gov.lemma_ == "be":
        return next((c for c in gov.children if c.dep_ == "attr"), None)
    if head.dep_ == "pobj" and gov.dep_ == "prep" and gov.head.pos_ in ("VERB", "AUX"):
        return gov.head
    return None


def _publisher(cur: Any, subj: Any, span: tuple[int, int]) -> Any | None:
    """Whoever put out the statement a relative "that" stands for ("X released a video that
    accuses Y", "X issued a statement that called for ..."): the video speaks for X."""
    head = cur.head
    if (
        subj.lower_ not in ("that", "which")
        or cur.dep_ != "relcl"
        or head.dep_ != "dobj"
        or head.lemma_.lower() not in media_nouns()
    ):
        return None
    return _nearest_subject(head.head, span)


def _extraposed_it(tok: Any, subj: Any) -> bool:
    """An "it" the cue only reaches through "it is" + adjective + infinitive ("it is hard to
    imagine ..."): the "it" stands for the infinitive clause, so no one is named as speaker."""
    if subj.lower_ != "it":
        return False
    cur = tok
    for _ in range(5):
        if cur.i == subj.head.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "xcomp" and cur.head.pos_ in ("AUX", "ADJ"):
            return True
        cur = cur.head
    return False


def _closed_aside(doc: Any, c: Any) -> bool:
    """A clause set off by commas on both sides, or closing its sentence, that makes no report
    of its own ("Smith, who said last week that ..., added" is two attributions)."""
    nxt = c.right_edge.i + 1
    closed = nxt >= len(doc) or doc[nxt].text in (",", ".") or doc[nxt].is_space
    return closed and not any(
        t.pos_ == "VERB"
        and t.lemma_.lower() in cue_verbs()
        and any(k.dep_ == "ccomp" for k in t.children)
        for t in c.subtree
    )


TIME_ENTS = frozenset({"DATE", "TIME"})
# Prepositions of manner or circumstance: set off by commas after a name ("Smith, through a
# spokeswoman, declined") they describe the report; "of", "including", "like", "at" ... describe
# the speaker and stay.
ASIDE_PREPS = frozenset({"through", "via", "with", "during", "after", "before", "despite", "amid"})
TIME_CLAUSE_MARKS = frozenset({"when", "while", "after", "before", "once", "if", "though", "although"})


def _time_modifier(c: Any) -> bool:
    """A when-phrase the parser hung on the speaker ("Smith on Tuesday said", "Doe at the time").

    It dates the report, not the speaker, and ends the subject phrase.
    """
    if c.right_edge.i != c.head.right_edge.i:
        return False
    if c.dep_ == "npadvmod":
        return all(t.ent_type_ in TIME_ENTS for t in c.subtree)
    objs = [g for g in c.children if g.dep_ == "pobj"]
    if c.dep_ != "prep" or len(objs) != 1:
        return False
    words = [t for t in objs[0].subtree if t.dep_ != "det"]
    return all(t.ent_type_ in TIME_ENTS for t in words) or (
        c.lower_ == "at" and [t.lower_ for t in words] == ["time"]
    )


def _comma_aside(doc: Any, c: Any) -> bool:
    """A manner or circumstance phrase set off by commas after the speaker ("Smith, through a
    spokeswoman, declined"; "Doe, when reached by phone, said"): it describes the report."""
    if c.dep_ == "prep":
        if c.lower_ not in ASIDE_PREPS:
            return False
    elif c.dep_ in ("relcl", "acl"):
        # "when reached by phone" is a time clause the parser took for a relative one.
        if c.left_edge.lower_ not in TIME_CLAUSE_MARKS:
            return False
    elif c.dep_ not in ("advmod", "advcl", "npadvmod") or c.lower_ == "along":
        return False
    # Right after the name: later on, past another aside, it may describe what came before.
    a, b = c.left_edge.i, c.right_edge.i
    return bool(
        a - 2 == c.head.i and b + 1 < len(doc) and doc[a - 1].text == doc[b + 1].text == ","
    )


def _split_name(subj: Any) -> set[int]:
    """Subjects of the same verb that touch the speaker's phrase: one name the parser split
    ("said Army Capt. Jane Doe" -> "Capt" + "Doe", "The non - profit")."""
    if subj.dep_ not in SUBJECT_DEPS:
        return set()
    lo, hi = subj.left_edge.i, subj.right_edge.i
    out: set[int] = set()
    # A relative pronoun ("which she said") or a dateline ("LONDON (Reuters) - Smith") is a
    # different phrase; a name keeps to words, abbreviation points and hyphens.
    sibs = [
        c
        for c in subj.head.children
        if c.dep_ == subj.dep_
        and c.i != subj.i
        and not c.tag_.startswith("W")
        and c.lower_ != "that"
        and all(not t.is_punct or t.text in (".", "-") for t in c.subtree)
    ]
    for c in sorted(sibs, key=lambda c: abs(c.i - subj.i)):
        if c.right_edge.i + 1 == lo:
            lo = c.left_edge.i
        elif c.left_edge.i - 1 == hi:
            hi = c.right_edge.i
        else:
            continue
        out |= _subtree(c)
    return out


def _source_span(
    doc: Any, subj: Any, exclude: set[int], *, asides: bool = True
) -> tuple[int, int] | None:
    """The subject's phrase, cut at content it may wrongly swallow and at a participle clause.

    A relative clause set off by commas ("Smith, who chairs the panel, said") describes the
    speaker and stays with it when ``asides`` is true."""
    idx = (_subtree(subj) | _split_name(subj)) - exclude
    for c in subj.children:
        # "Smith, speaking in Kabul, said": the participle clause is not part of the speaker;
        # "Smith, who chairs the panel, said": the relative clause is, unless left out.
        if (
            c.dep_ in ("relcl", "acl")
            and c.i > subj.i
            and doc[c.left_edge.i - 1].text == ","
            and not (asides and c.dep_ == "relcl" and _closed_aside(doc, c))
        ):
            idx -= _subtree(c)
        # "The film -- which tells of X -- explains": dashes set off a stronger aside.
        elif c.dep_ == "relcl" and c.i > subj.i and doc[c.left_edge.i - 1].text in DASHES:
            idx -= _subtree(c) | {c.left_edge.i - 1, c.right_edge.i + 1}
        # "Making her way round the room, Clinton said": a fronted clause is not the speaker.
        if c.i < subj.i and c.dep_ in ("acl", "advcl") and doc[c.right_edge.i + 1].text == ",":
            idx -= _subtree(c)
        # "NDS in a tweet late on Saturday said": the channel is not part of the speaker.
        if c.dep_ == "prep" and c.i > subj.i and any(
            g.dep_ == "pobj" and g.lemma_.lower() in media_nouns() for g in c.children
        ):
            idx -= {i for i in range(c.i, subj.right_edge.i + 1)}
        elif c.i > subj.i and (_time_modifier(c) or _comma_aside(doc, c)):
            idx -= _subtree(c)
    # A clock time or a heading before the name ("10:10 a.m.  Jeb Bush says"): a run of
    # whitespace inside the phrase is a paragraph break; a no-break space ("Sen.\xa0Smith")
    # joins words instead.
    gaps = [i for i in idx if doc[i].is_space and doc[i].text.strip("\xa0")]
    lo = max((g for g in gaps if g < subj.i), default=-1)
    hi = min((g for g in gaps if g > subj.i), default=len(doc))
    idx = {i for i in idx if lo < i < hi}
    runs = [r for r in _runs(idx) if r[0] <= subj.i <= r[1]]
    if not runs:
        return None
    a, b = runs[0]
    # A closing mark the parser hung on the speaker ('..." Smith said') is not part of the name;
    # a quoted nickname ('alias "El Profe"') keeps both its marks.
    def mark(i: int) -> bool:
        return all(ch in QUOTE_CHARS for ch in doc[i].text)

    while a <= b and (mark(a) or mark(b)) and sum(mark(i) for i in range(a, b + 1)) % 2:
        if mark(a):
            a += 1
        else:
            b -= 1
    t = _trim(doc, a, b) if a <= b else None
    if t is None:
        return None
    if t[1] < b and doc[t[1] + 1].text == ")" and "(" in doc[t[0] : t[1] + 1].text:
        t = (t[0], t[1] + 1)  # keep "(NIA)" whole
    return _balance_parens(_text(doc), *_char_span(doc, *t))


def _balance_parens(text: str, start: int, end: int) -> tuple[int, int]:
    """Close a bracket the speaker's phrase leaves open: the sentence splitter may cut
    "Sen. Jane Doe (D-Vt.)" after "Vt." (take the ".)" back); an aside the parser hung on the
    name ("exit polls (a wide margin ...") is cut off at its bracket."""
    span = text[start:end]
    if span.count("(") <= span.count(")"):
        return start, end
    close = re.match(r"\.?\)", text[end : end + 2])
    if close is not None:
        return start, end + close.end()
    cut = start + span.rindex("(")
    while cut > start and text[cut - 1] in " ,":
        cut -= 1
    return (start, cut) if cut > start else (start, end)


def _extend_over_quotes(frags: list[tuple[int, int]], quotes: _Quotes) -> list[tuple[int, int]]:
    """Widen fragments so a quotation they open or close inside is taken whole."""
    out = []
    for s, e in frags:
        for qs, qe in quotes.overlapping(s, e):
            if qs < s < qe or qs < e < qe:
                s, e = min(s, qs), max(e, qe)
        out.append((s, e))
    return _merge(out)


def _merge(frags: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(frags):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _clause_tokens(cue: Any, subj: Any | None, content: set[int]) -> set[int]:
    """The cue's own clause: cue, subject and modifiers (``also said in a tweet on Sunday``)."""
    idx = {cue.i}
    if subj is not None and subj.head.i == cue.i:
        idx |= _subtree(subj)
    for c in cue.children:
        if c.dep_ in CLAUSE_DEPS or c.dep_ in SUBJECT_DEPS:
            idx |= _subtree(c)
    return idx - content


def _setting(c: Any) -> bool:
    """A prepositional phrase giving the time, place, channel or terms of speaking.

    A setting noun after "to", "of", "about" or "against" is where the words lead or what they
    are about ("challenged him to a debate", "spoke about the convention"), not where they
    were said; after "as" it is what something is called ("cast the vote as a race between two
    men").
    """
    return any(
        g.ent_type_ in SETTING_ENTS
        or (
            # "for showing courage": a verb is never the setting noun it shares a lemma with
            g.pos_ not in ("VERB", "AUX")
            and c.lower_ not in ("to", "of", "about", "against", "as")
            and (
                g.lemma_.lower() in setting_nouns()
                or g.lemma_.lower() in media_nouns()
                or g.lemma_.lower() in non_topics()
            )
        )
        for g in c.children
        if g.dep_ in ("pobj", "pcomp")
    )


def _object_content(cue: Any) -> set[int]:
    """The object-frame content: the object and what completes it after it in the clause.

    The parser often hangs the object's own complement on the verb ("dismissed [the plan] [to
    cut taxes]", "announced [a concert] [in support of X]"), so after the object the cue's later
    dependents join the content, unless they only give the time, place or channel ("at a rally",
    "on Twitter"), a reason or condition ("because ...", "if ...") or an aside.
    """
    idx: set[int] = set()
    first_object = None
    for c in cue.rights:
        if c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in CONTENT_PREPS and not _setting(c)):
            idx |= _subtree(c)
            if c.dep_ == "prep" and c.i == cue.i + 1 and c.lower_ != "as":
                # "called for X", "voted for X": a preposition right after the verb goes with it.
                idx.discard(c.i)
            if first_object is None and c.dep_ in ("dobj", "attr", "oprd"):
                first_object = c.i
            elif first_object is None and c.dep_ == "prep" and c.lower_ != "as":
                # "calls for $1 billion in spending to repair roads": the preposition's object
                # is the cue's object, and what completes it is hung on the verb all the same.
                first_object = c.right_edge.i
        elif _for_clause(c):
            idx |= _subtree(c) - {m.i for m in c.children if m.dep_ == "mark"}
    if first_object is not None:
        idx |= _object_complements(cue, first_object)
    return idx


def _object_complements(cue: Any, after: int) -> set[int]:
    """The cue's dependents after its object that complete the object, not the speaking.

    See :func:`_object_content`: no setting ("at a rally"), no reason or condition ("because
    ...", "if ..."), no participle that reports, nothing set off by a comma.
    """
    idx: set[int] = set()
    for c in cue.rights:
        if c.i > after and c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "ADP"):
            # "praised the nurses, and the porters": a verb is never coordinated with a noun
            # or a preposition; the parser lost the object's coordination.
            idx |= _subtree(c)
        elif (
            c.i > after
            and c.dep_ in ("prep", "advcl", "acomp")
            and not _setting(c)
            and not (c.dep_ == "prep" and _circumstance(c))
            and (not any(m.dep_ == "mark" for m in c.children) or _as_predicate(c))
            and not (c.dep_ == "advcl" and c.tag_ == "VBG" and _reports(c))
            and cue.doc[c.left_edge.i - 1].text not in ASIDE_MARKS
        ):
            # "decried a rash of hate speech spreading online": a participle not set off by a
            # comma describes the object, unless it makes a report ("..., saying ...").
            idx |= _subtree(c)
    return idx


def _reports(c: Any) -> bool:
    """Whether a cue verb occurs anywhere in the phrase headed by ``c``."""
    return any(x.pos_ == "VERB" and x.lemma_.lower() in cue_verbs() for x in c.subtree)


def _circumstance(c: Any) -> bool:
    """A clause of time, cause or means brought in by a preposition ("after reviewing it",
    "by pointing out that ..."). A noun phrase after it may still describe the object the
    parser lost it from ("cited her work after the attacks"), and "by" with a noun measures
    ("cut by half")."""
    return (c.lower_ in CIRCUMSTANCE_PREPS or c.lower_ == "by") and any(
        g.dep_ == "pcomp" for g in c.children
    )


def _as_predicate(c: Any) -> bool:
    """ "portrayed the plan [as doomed]": a subjectless clause brought in by "as" gives the
    object's predicate (with a subject, "as he left", it gives the time)."""
    return any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children) and not any(
        m.dep_ in SUBJECT_DEPS or m.dep_ in ("nsubjpass", "expl") for m in c.children
    )


def _as_role(c: Any) -> bool:
    """Whether the cue's dependent ``c`` gives the role the cue assigns its object ("sees the
    senator [as a uniter]"). The parser may hang the "as" phrase on the object or on a phrase
    inside it ("see [the vote held Sunday as a test]"), or read it as a clause ("see him [as
    captured by ...]")."""
    if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") or (c.dep_ == "advcl" and _as_predicate(c)):
        return True
    if c.dep_ == "advcl" and c.left_edge.lower_ == "as" and c.left_edge.head.i == c.i:
        # "sees him [as most likely to win]": "as" read as an adverb of the predicate.
        return not any(m.dep_ in SUBJECT_DEPS or m.dep_ in ("nsubjpass", "expl") for m in c.children)
    return c.dep_ == "dobj" and any(
        t.dep_ == "prep" and t.lower_ == "as" and any(g.dep_ in ("pobj", "pcomp") for g in t.children)
        for t in c.subtree
        if t.i > c.i
    )


def _frame_object(tok: Any, frame: str) -> set[int]:
    """Content taken from the cue's object and prepositions, as its frame allows."""
    if frame == "object":
        return _object_content(tok)
    if frame == "as" and any(_as_role(c) for c in tok.rights):
        # "sees the senator as a uniter": the object with its predicate.
        return _object_content(tok)
    if frame == "reply":
        # "responded to the criticism / to requests for comment": a reply to words.
        return {
            i
            for c in tok.rights
            if c.dep_ == "prep" and c.lower_ == "to"
            for g in c.children
            if g.dep_ == "pobj"
            and g.lemma_.lower() not in violence_nouns()
            and (g.lemma_.lower() in cue_nouns() or g.lemma_.lower() in media_nouns())
            for i in _subtree(g)
        }
    if frame == "to":
        # "pointed to her record as proof", "referring to the convention": what the words
        # point at, with the role they give it.
        out: set[int] = set()
        for c in tok.rights:
            if c.dep_ == "prep" and (c.lower_ == "to" or (out and c.lower_ == "as")):
                out |= _subtree(c) - ({c.i} if c.lower_ == "to" else set())
        return out
    if frame == "with":
        # "sided with the strikers", "distanced herself from the plan": whom or what the
        # stance is taken towards.
        return {
            i
            for c in tok.rights
            if c.dep_ == "prep" and c.lower_ in ("with", "from")
            for g in c.children
            if g.dep_ == "pobj"
            for i in _subtree(g)
        }
    if frame == "topic":
        # "spoke about the economy": only what the words were about (not "on Tuesday"); the
        # preposition belongs with the cue ("spoke about").
        topic: set[int] = set()
        for c in tok.rights:
            if (c.dep_ == "prep" and c.lower_ in CONTENT_PREPS and not _setting(c)) or _for_clause(c):
                if c.lower_ == "as" and not topic:
                    # "campaigned as a populist": with no topic before it, "as" gives the
                    # speaker's role; after one ("spoke of the plan as a fix") it is the topic's.
                    continue
                topic |= _subtree(c) - {c.i} - {m.i for m in c.children if m.dep_ == "mark"}
        if topic:
            # "called for the minister to resign", "railed against its habit to intervene": the
            # parser hangs the infinitive that completes the topic on the cue.
            topic |= {
                i for c in tok.rights if c.i > max(topic) and _bare_infinitive(c) for i in _subtree(c)
            }
        return topic
    return set()


def _bare_infinitive(c: Any) -> bool:
    """An adverbial to-infinitive with no subject or subordinator, not set off by a comma."""
    return bool(
        c.dep_ == "advcl"
        and c.tag_ == "VB"
        and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)
        and not any(m.dep_ in ("mark", *SUBJECT_DEPS) for m in c.children)
        and c.doc[c.left_edge.i - 1].text not in ASIDE_MARKS
    )


def _for_clause(c: Any) -> bool:
    """An infinitive clause with its own subject brought in by "for" ("called for the army to
    withdraw", "for the camps to be closed"), which the parser hangs on the cue as an adverbial
    clause."""
    return bool(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ == "for" and m.i == c.left_edge.i for m in c.children)
        and any(m.dep_ in ("nsubj", "nsubjpass") for m in c.children)
        and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)
    )


def _addressee_end(tok: Any, quotes: _Quotes, default: int) -> int:
    """End of the hearer after a cue ("tells the crowd: ..."), so a quotation may follow it."""
    end = default
    for c in tok.rights:
        if c.dep_ in ("dobj", "dative") and not quotes.overlapping(c.left_edge.idx, c.idx + 1):
            end = max(end, c.right_edge.idx + len(c.right_edge))
    return end


def _past_timestamp(subj: Any) -> Any:
    """ "12:15 p.m.  Obama says": a clock time parsed as the subject with the speaker in apposition."""
    for c in subj.rights:
        if c.dep_ == "appos" and any(t.is_space for t in subj.doc[subj.i + 1 : c.left_edge.i]):
            return c
    return subj


def _stray_that_clause(tok: Any) -> set[int]:
    """A that-clause the parser hung on a noun of the cue's own clause.

    "said in a statement that ...", "said following a vote that ...": a relative clause opened by
    the complementiser *that* (not the pronoun) under one of the cue's prepositions. The parser
    may call that *that* an adverb ("tweeted in the early hours that X was Y"); it is still the
    complementiser when the clause has a subject of its own.
    """
    for c in tok.rights:
        if c.dep_ not in ("prep", "npadvmod") or c.lower_ == "as":
            # "touted the rating as proof that ...": the clause completes the predicate noun.
            continue
        for t in c.subtree:
            if t.dep_ in ("relcl", "acl") and any(
                m.lower_ == "that"
                and m.i < t.i
                and (
                    m.dep_ == "mark"
                    or (m.dep_ == "advmod" and any(x.dep_ in SUBJECT_DEPS for x in t.children))
                )
                for m in t.children
            ):
                return _subtree(t)
    return set()


def _embedded_question(c: Any, lex: Cue) -> bool:
    """An if/whether clause the parser took for an adverbial: "asked workers if they planned to
    attend" (the question is what was asked). Only after a cue that takes a hearer, or with
    "whether", which never opens a condition."""
    if c.dep_ != "advcl" or c.i < c.head.i:
        return False
    marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
    return "whether" in marks or ("if" in marks and lex.frame == "addressee")


def _stray_predicates(tok: Any, after: int) -> set[int]:
    """Predicates of the reported clause that the parser conjoined to the cue.

    "said the vote was fair, but required voters to show an ID": a verb after the reported
    clause with no subject of its own, that reports nothing itself, continues the clause; so
    does a second that-clause ("said A, but that B") and, after a speech cue, a but-clause
    that reports nothing ("said A, but B"; after "believed A, but ..." it is the writer's).
    """
    verbs = cue_verbs()
    return {
        i
        for c in tok.rights
        if c.dep_ == "conj"
        and c.i > after
        and c.pos_ in ("VERB", "AUX")
        and (
            # "said that A, but that B": a second that-clause, whatever its subject
            any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            or (
                tok.lemma_.lower() in verbs
                and verbs[tok.lemma_.lower()].kind in ("speech", "writing")
                and any(g.dep_ == "cc" and g.lower_ == "but" for g in tok.children if g.i < c.i)
                and any(g.dep_ in SUBJECT_DEPS for g in c.children)
                and not any(x.pos_ == "VERB" and x.lemma_.lower() in verbs for x in c.subtree)
            )
            or (
                c.lemma_.lower() not in verbs
                and not any(
                    g.dep_ in (*SUBJECT_DEPS, "nsubjpass", "expl")
                    or (g.dep_ == "xcomp" and g.lemma_.lower() in verbs)
                    for g in c.children
                )
            )
        )
        for i in _subtree(c)
    }


def _infinitive_series(tok: Any) -> set[int]:
    """Bare infinitives the parser conjoined to the cue instead of to its infinitive complement.

    "wants to triple X, grow Y and create Z": a base-form verb with no subject of its own cannot
    be coordinated with the finite cue, so it continues the series begun by "to triple".
    """
    if tok.tag_ not in FINITE_TAGS:
        return set()
    out: set[int] = set()
    for c in tok.children:
        if c.dep_ == "conj" and c.tag_ == "VB" and not any(
            g.dep_ in SUBJECT_DEPS or g.dep_ == "aux" for g in c.children
        ):
            out |= _subtree(c)
    return out


#: Pronouns that can only stand for people (not "it", "its", "they": those may be a force).
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "i", "me", "my", "we", "us", "our"})
#: Relative pronouns that open a non-restrictive clause after a comma (the writer's aside).
ASIDE_PRONOUNS = frozenset({"who", "whom", "whose"})
#: Subordinators that contrast a clause with the one before ("..., while his rival says ...",
#: "..., though her aides said ...").
CONTRAST_MARKS = frozenset({"while", "whereas", "but", "though", "although"})
#: Marks that set off an aside from the clause it follows.
ASIDE_MARKS = frozenset({",", "--", "—", "–", ";"})
DASHES = frozenset({"--", "—", "–", "-"})


def _aside(doc: Any, t: Any, *, nominal: bool = False) -> bool:
    """Whether ``t`` heads an aside: a relative clause about a person or a participle clause.

    In a reported clause a "which" clause is left alone: it often comments on the whole
    proposition and belongs to it ("claimed a loss, which could have allowed him ..."), and so
    is a participle clause unless it makes a report ("said sales rose, bringing the total to X"
    vs "said he would win, arguing that ..."). After a
    ``nominal`` content (an object: "praised the plan, which includes ...") it describes the
    thing and is the writer's, as is an appositive set off by a dash ("dismissed X -- a
    metaphor for ..."); a comma before a noun phrase is more often a list than an appositive.
    """
    le = t.left_edge
    if t.dep_ == "relcl":
        return le.lower_ in ASIDE_PRONOUNS or (nominal and le.lower_ == "which")
    if t.dep_ in ("advcl", "acl"):
        return (
            t.tag_ == "VBG"
            and all(x.pos_ == "ADV" for x in doc[le.i : t.i])
            and (
                nominal
                or any(x.pos_ == "VERB" and x.lemma_.lower() in cue_verbs() for x in t.subtree)
            )
        )
    if (
        t.dep_ in ("npadvmod", "appos")
        and t.pos_ == "NOUN"
        and (nominal or t.head.pos_ in ("VERB", "AUX"))
        and le.lower_ in ("a", "an")
        and any(c.dep_ in ("relcl", "acl") for c in t.children)
    ):
        # "complained that the vote was rigged, a charge that party leaders denied", "defended
        # the tariff, a measure that exporters fought": an indefinite noun with its own clause
        # set beside the report or its object comments on it in the writer's words (with "the",
        # it more often names a place or thing the parser lost: "in Ohio, the state that ...").
        return True
    return nominal and t.dep_ == "appos" and doc[le.i - 1].text in DASHES


def _drop_trailing_adjuncts(
    doc: Any, idx: set[int], quotes: _Quotes, *, nominal: bool = False
) -> set[int]:
    """The content without asides that close it after a comma.

    "said she would pardon X, who has not been charged", "said he would win, arguing that ...":
    the writer's additions (or a new report), not the reported proposition. Asides inside a
    quotation are the speaker's own words.
    """
    while idx:
        words = [i for i in idx if not (doc[i].is_punct or doc[i].is_space)]
        if not words:
            return idx
        last, first = max(words), min(words)
        cut = None
        for i in sorted(idx):
            t = doc[i]
            le, re = t.left_edge.i, t.right_edge.i
            mark = le - 1
            if mark > first and all(ch in QUOTE_CHARS for ch in doc[mark].text):
                mark -= 1  # '... "expanded the party," claiming that ...': the comma is inside
            if (
                mark > first
                and re >= last
                and t.head.i in idx
                and doc[mark].text in ASIDE_MARKS | DASHES
                and _aside(doc, t, nominal=nominal)
                and quotes.containing(t.idx, t.idx + len(t)) is None
            ):
                cut = set(range(le if mark < le - 1 else le - 1, re + 1))
                break
        if cut is None:
            return idx
        idx = idx - cut
    return idx


def _lost_coordination(doc: Any, idx: set[int]) -> set[int]:
    """Items of a list that the parser hung on a word before the content instead of on it.

    "spoke of the drought, the lack of jobs and the closed banks": the second and third items
    become an appositive of the speaker; "talked about trade and how he would fix it": the
    wh-clause becomes a conjunct of the sentence's main verb. A phrase that begins right after
    the content (past a comma or a conjunction) cannot belong to a word before the content
    without crossing it, so it continues the content.
    """
    if not idx:
        return set()
    out: set[int] = set()
    grown = True
    while grown:
        grown = False
        start = min(idx)
        end = max(i for i in idx | out if not doc[i].is_punct or i == start)
        for t in doc[end + 1 : doc[end].sent.end]:
            lo = t.left_edge.i
            if not (
                t.head.i < start
                and lo > end
                and all(x.is_punct or x.lower_ in ("and", "or") for x in doc[end + 1 : lo])
                and doc[end + 1 : lo].text.strip() not in ("", ";", ":")
                and (
                    (t.dep_ == "appos" and t.pos_ in ("NOUN", "PROPN"))
                    or (t.dep_ == "conj" and doc[lo].tag_ in ("WRB", "WP") and lo > end + 1)
                )
            ):
                continue
            out |= set(range(end + 1, t.right_edge.i + 1))
            grown = True
            break
    return out


def _split_predicate(doc: Any, obj: Any) -> set[int]:
    """The predicate of a that-less clause whose subject the parser took for the cue's object.

    "saying a state law banning X is hurting Y": the parser makes "a state law" the object of
    "saying" and hangs "is hurting Y" elsewhere. A finite predicate with no subject of its own
    that starts right after the object (or after an aside closed by a comma or dash) has the
    object for its subject, so the two make one reported clause.
    """
    end = obj.right_edge.i
    while end > obj.i and doc[end].is_punct:
        end -= 1
    # "a nod from the mayor, who is popular, will help": the object's own aside is closed
    # by the comma before the predicate.
    aside = any(
        t.dep_ in ("relcl", "appos") and t.right_edge.i >= end and doc[t.left_edge.i - 1].text in ASIDE_MARKS
        for t in obj.subtree
    )
    for v in doc[end + 1 : obj.sent.end]:
        lo = v.left_edge.i
        if lo <= end or v.pos_ not in ("VERB", "AUX") or v.dep_ in ("aux", "auxpass"):
            continue
        gap = doc[end + 1 : lo]
        if (
            len(gap)
            and not (len(gap) == 1 and aside and gap[0].text in ASIDE_MARKS | DASHES)
            and not (
                # only a closed aside may stand between: after a lone comma the verb is the
                # speaker's next act ("recounted her story, recited her plans")
                len(gap) > 2 and gap[0].text in ASIDE_MARKS | DASHES and gap[-1].text in ASIDE_MARKS | DASHES
            )
        ):
            return set()
        finite = v.tag_ in FINITE_TAGS or any(
            a.dep_ in ("aux", "auxpass") and (a.tag_ in FINITE_TAGS or a.tag_ == "MD") for a in v.children
        )
        if not finite or any(g.dep_ in (*SUBJECT_DEPS, "nsubjpass", "expl", "mark") for g in v.children):
            return set()
        return set(range(end + 1, v.right_edge.i + 1))
    return set()


def _raised_subject(tok: Any) -> set[int]:
    """The passive subject of "X is expected to win", "X was said to be ill": what is expected
    or said is X's winning, so X is part of the content (the cue itself names no source)."""
    if not any(c.dep_ == "xcomp" for c in tok.children):
        return set()
    return {i for c in tok.children if c.dep_ == "nsubjpass" for i in _subtree(c)}


def _split_off(doc: Any, c: Any, tok: Any, lex: Cue) -> bool:
    """A clause before the cue that the parser made its complement but the writer closed.

    "Officers don't blame the mayor; they prefer the council": a semicolon between them ends the
    clause before the cue. So does the cue's own object after it, for a cue whose object is
    what it reports ("They admire her. They prefer the council"), not its hearer.
    """
    if any(t.text == ";" for t in doc[c.right_edge.i + 1 : tok.i]):
        return True
    return lex.frame not in ("clause", "addressee", "reply", "quote") and any(
        g.dep_ == "dobj" and g.i > tok.i for g in tok.children
    )


def _second_report(c: Any) -> bool:
    """A later complement of the cue that is a report of its own, with its own speaker.

    "said they were worried, and more than a third said the mayor would do better": the parser
    may hang the second "said" on the first as another complement; it starts a new attribution.
    """
    verbs = cue_verbs()
    lex = verbs.get(c.lemma_.lower())
    return (
        lex is not None
        and lex.kind in ("speech", "writing")
        and c.pos_ == "VERB"
        and c.tag_ in FINITE_TAGS
        and any(g.dep_ in SUBJECT_DEPS for g in c.children)
        and c.left_edge.i > 0
        and c.doc[c.left_edge.i - 1].dep_ == "cc"
    )


def _coordinated_reports(doc: Any, idx: set[int], quotes: _Quotes) -> set[int]:
    """Clauses in a reported clause or object that are reports of their own, coordinated with it.

    "said they prefer X, and more than 4 in 10 said Y", "accuses him of X while his rival
    suggests Y", "said he had a path, which he declared a disaster": a speech verb with its own
    subject, conjoined to (or contrasted with, or commenting on) the reported clause, starts a
    new attribution rather than being part of this one's content.
    Attitude verbs ("..., while 23 percent favored Y") stay: they often continue the report.
    """
    out: set[int] = set()
    verbs = cue_verbs()
    for i in idx:
        v = doc[i]
        if (
            v.pos_ == "VERB"
            and v.tag_ in FINITE_TAGS
            and v.lemma_.lower() in verbs
            and verbs[v.lemma_.lower()].kind in ("speech", "writing")
            and v.head.i in idx
            and v.head.i < v.i
            and (
                v.dep_ == "conj"
                or (v.dep_ == "advcl" and any(m.lower_ in CONTRAST_MARKS for m in v.children))
                or (v.dep_ == "relcl" and doc[v.left_edge.i - 1].text == ",")
            )
            and any(c.dep_ in SUBJECT_DEPS for c in v.children)
            and quotes.containing(v.idx, v.idx + len(v)) is None
        ):
            lo = v.left_edge.i
            # Take the conjunction or the comma that joins it along.
            while lo - 1 in idx and (doc[lo - 1].dep_ == "cc" or doc[lo - 1].is_punct):
                lo -= 1
            out |= {j for j in idx if j >= lo and j <= v.right_edge.i}
    return out


def _non_finite(h: Any, *, past: bool) -> bool:
    """A gerund or a to-infinitive with no auxiliary of its own ("taxing", "to cut"), or, when
    ``past``, a noun (a present-tense "plans" or "pledges" may itself be a noun)."""
    auxes = [c.lower_ for c in h.children if c.dep_ in ("aux", "auxpass")]
    if h.tag_ == "VBG":
        return not auxes
    if h.tag_ == "VB":
        return auxes == ["to"]
    return past and h.tag_ in ("NN", "NNS")


def _finite_above(h: Any, idx: set[int]) -> bool:
    """Whether a finite verb of the content governs ``h``: a verb the stray conjunct may
    belong with ("said [the ministry requested X to serve there] and asked ...")."""
    t = h
    while t.head.i != t.i and t.head.i in idx:
        t = t.head
        if t.tag_ in FINITE_TAGS or any(c.dep_ == "aux" and c.lower_ != "to" for c in t.children):
            return True
    return False


def _stray_predicates_after(doc: Any, idx: set[int], quotes: _Quotes) -> set[int]:
    """Finite verbs the parser coordinated with a non-finite word inside the content.

    "has proposed [taxing banks] and signaled support for X", "urged them [to unite] and
    tried to ...": a finite verb with no subject of its own cannot be coordinated with a
    gerund, an infinitive or a noun; with no finite verb in the content to go with, it is a
    second predicate of the cue's clause (often a new report), not part of what was said.
    """
    out: set[int] = set()
    for i in idx:
        v = doc[i]
        h = v.head
        if (
            v.dep_ == "conj"
            and v.tag_ in ("VBD", "VBZ")
            and h.i in idx
            and _non_finite(h, past=v.tag_ == "VBD")
            and not _finite_above(h, idx)
            and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in v.children)
            and quotes.containing(v.idx, v.idx + len(v)) is None
        ):
            lo = v.left_edge.i
            while lo - 1 in idx and (doc[lo - 1].dep_ == "cc" or doc[lo - 1].is_punct):
                lo -= 1
            out |= {j for j in idx if lo <= j <= v.right_edge.i}
    return out


def _cut_at_semicolon(doc: Any, idx: set[int], quotes: _Quotes) -> set[int]:
    """A reported clause ends at a semicolon outside quotation marks.

    "said the timing was not intentional; they only learned of it on Friday": the parser hangs
    the next clause on the reported one, but the writer's semicolon closes the report.
    """
    if not idx:
        return idx
    first = min(idx)
    for i in sorted(idx):
        t = doc[i]
        if t.text == ";" and i > first and quotes.containing(t.idx, t.idx + 1) is None:
            return {j for j in idx if j < i}
    return idx


def _interrupts_subject(doc: Any, tok: Any, quotes: _Quotes) -> bool:
    """A cue set off by commas between the subject of its host clause and the rest of it."""
    if tok.dep_ != "parataxis" or tok.head.i < tok.i:
        return False
    return any(
        c.dep_ in SUBJECT_DEPS
        and c.i < tok.i
        and quotes.containing(c.idx, c.idx + len(c)) is None
        for c in tok.head.children
    )


def _passive(tok: Any) -> bool:
    """A cue in the passive with no agent ("was asked", "Asked if ...", "is expected")."""
    if any(c.dep_ == "agent" for c in tok.children):
        return False
    return _bare_participle(tok) or (
        tok.tag_ == "VBN" and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    )


def _paragraph(text: str, at: int) -> tuple[int, int]:
    """Character bounds of the paragraph holding offset ``at``. The parser can run a sentence
    across a paragraph break (straight quotes confuse it); an attribution never does."""
    return text.rfind("\n\n", 0, at) + 1, text.find("\n\n", at) % (len(text) + 1)


def _agent_passive_subject(tok: Any) -> set[int]:
    """What a passive cue with an agent reports: its subject ("the plan was criticized by
    economists", "the meeting was first reported by the paper"); empty for other cues."""
    if tok.tag_ != "VBN" or not any(c.dep_ == "agent" for c in tok.children):
        return set()
    return {i for c in tok.children if c.dep_ == "nsubjpass" for i in _subtree(c)}


def _as_report(tok: Any, lex: Cue, light: Any = None) -> bool:
    """A speech or writing cue in an as-clause of its own ("as the senator noted, ..."), not
    one of time ("as he spoke"); ``light`` is an object that belongs to the cue ("as she put
    it")."""
    return (
        tok.dep_ == "advcl"
        and lex.kind != "belief"
        and lex.frame not in ("topic", "quote", "to")
        and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < tok.i for c in tok.children)
        and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp") and (light is None or c.i != light.i)
            for c in tok.children
        )
    )


def _bare_participle(tok: Any) -> bool:
    """A past participle heading an adverbial clause on its own ("When asked, she said ..."),
    not a perfect tense with its subject ("Though Kaine has described himself as ...")."""
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in tok.children):
        return False
    if tok.tag_ == "VBN":
        return bool(tok.dep_ == "advcl")
    # The parser often tags the participle of a question verb as a past tense ("Asked whether
    # ..., she said"; "..., Smith said, asked about it"): it opens its sentence or follows "when"
    # or a comma. Its subject is the one asked, so no speaker is named.
    lex = cue_verbs().get(tok.lemma_.lower())
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return bool(
        tok.tag_ == "VBD"
        and lex is not None
        and lex.frame in ("addressee", "topic")
        and not any(c.dep_ == "dobj" for c in tok.children)
        and tok.dep_ in ("advcl", "xcomp", "ccomp")
        and (tok.is_sent_start or (prev is not None and prev.lower_ in ("when", ",")))
    )


#: Relative pronouns that stand for the antecedent a relative clause reports on.
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom"})


def _relative_object(tok: Any) -> set[int]:
    """The relative pronoun a cue in a relative clause takes as its object.

    "the tax, which the mayor opposed": the pronoun stands for what was opposed. Only
    "which"/"who"/"whom": a bare or "that" clause ("the plan they wanted") is mostly the
    writer's description, and so is a participle ("a tax proposed by the mayor").
    """
    if tok.dep_ != "relcl" or not any(c.dep_ == "nsubj" for c in tok.children):
        return set()
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") and c.i > tok.i for c in tok.children):
        return set()
    return {c.i for c in tok.lefts if c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS}


def _fronted_subject(doc: Any, tok: Any, subj: Any | None) -> set[int]:
    """A reported clause the parser took for a second subject of the cue.

    "The treaty marks the end of an era, the minister said": the fronted clause is parsed as a
    subject ahead of the speaker. It is the content when a comma sets it off from the speaker.
    """
    if subj is None or subj.head.i != tok.i or tok.lemma_.lower() not in cue_verbs():
        return set()
    for c in tok.lefts:
        if (
            c.dep_ in SUBJECT_DEPS
            and c.i != subj.i
            and c.right_edge.i < subj.left_edge.i
            and any(doc[i].text in ASIDE_MARKS for i in range(c.right_edge.i + 1, subj.left_edge.i))
            and any(t.tag_ in FINITE_TAGS or t.tag_ == "MD" for t in c.subtree)
        ):
            return _subtree(c)
    return set()


def _split_subject(tok: Any, start: int) -> set[int]:
    """The subject of a reported clause that the parser took for the cue's object.

    "He explained the refusal is a weakness": with "refusal" parsed as the object of "explained"
    and "is a weakness" as a clause without a subject, the object is that clause's subject.
    """
    for c in tok.children:
        if c.dep_ == "ccomp" and c.i >= start and not any(
            g.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for g in c.children
        ):
            obj = [o for o in tok.children if o.dep_ == "dobj" and tok.i < o.i and o.right_edge.i < c.i]
            if obj and obj[-1].right_edge.i + 1 >= start - 1:
                return _subtree(obj[-1])
    return set()


def _closing_report(doc: Any, tok: Any, subj: Any) -> set[int]:
    """The sentence a closing cue reports when the parser hung it elsewhere.

    "Sales fell last year, the company said." / "..., said Jane Doe, a spokeswoman.": the cue and
    its speaker close the sentence after a comma, so what stands before the comma was said,
    however the parser attached it (as the cue's subject, an adverbial clause, or a conjunct).
    """
    sent = tok.sent
    speaker = _subtree(subj)
    if tok.dep_ in ("relcl", "acl") or subj.tag_ in ("WP", "WDT") or tok.i in speaker:
        return set()  # "..., who also said": the relative clause tells about the speaker
    if subj.i < tok.i:
        # Between the comma and the cue: the speaker and the cue's own adverbs ("police also said").
        lo = min(speaker)
        if any(
            i not in speaker and doc[i].head.i != tok.i for i in range(lo, tok.i)
        ):
            return set()
    else:
        lo = tok.i
    comma = lo - 1
    while comma > sent.start and doc[comma].dep_ == "advmod" and doc[comma].head.i == tok.i:
        comma -= 1
    if comma <= sent.start + 2 or doc[comma].text not in ASIDE_MARKS - {";"}:
        return set()
    for t in doc[tok.i + 1 : sent.end]:
        # After the cue only the speaker and the cue's own setting ("said on Tuesday").
        if t.i in speaker or t.is_punct or t.is_space:
            continue
        if (
            t.pos_ in ("VERB", "AUX")
            or t.head.i < tok.i
            or (t.head.i == tok.i and t.dep_ not in CLAUSE_DEPS and t.dep_ != "dobj")
        ):
            return set()  # "he told reporters on Friday", not "he told a story"
    before = range(sent.start, comma)
    # What was said is a sentence of its own: a verb with a subject, not a subordinate clause
    # ("As talks went on, he spoke").
    if not any(
        doc[i].pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in doc[i].children)
        and not any(c.dep_ == "mark" or c.tag_ in ("WDT", "WP", "WRB") for c in doc[i].children)
        for i in before
    ):
        return set()
    return {i for i in before if not doc[i].is_space}


def _passive_as(tok: Any) -> set[int]:
    """What a passive cue with an as-phrase and no agent reports: the thing and its name.

    "the contests known as Super Tuesday", "the group is described as a militia": the noun
    phrase the participle modifies (or the passive subject) with the as-phrase, judged by no
    one named.
    """
    if tok.tag_ != "VBN" or any(c.dep_ == "agent" for c in tok.children):
        return set()
    preds = [
        c
        for c in tok.rights
        if c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
    ]
    if not preds:
        # "the walk-off is considered one of the largest": a judging cue takes its predicate
        # without "as" too.
        lex = cue_verbs().get(tok.lemma_.lower())
        if lex is None or lex.frame != "as":
            return set()
        preds = [c for c in tok.rights if c.dep_ == "oprd"]
        if not preds:
            return set()
    head = tok.head
    if tok.dep_ == "acl" and head.i < tok.i and head.pos_ in ("NOUN", "PROPN", "PRON"):
        # "the group of contests known as X": the whole noun phrase, not just "contests".
        while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head.head
        holder = set(range(head.left_edge.i, tok.i))
    else:
        holder = {i for c in tok.children if c.dep_ == "nsubjpass" for i in _subtree(c)}
    if not holder:
        return set()
    return holder | _subtree(preds[0])


def _that_clause(tok: Any) -> bool:
    if tok.pos_ != "VERB" or tok.lemma_.lower() in non_cues():
        return False
    return any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in tok.children
    )


def _phrasal_cue(tok: Any) -> tuple[Cue, Any] | None:
    """The cue a verb makes with its particle or object noun ("laid out", "took aim"), and that
    word."""
    table = phrasal_cues()
    for c in tok.children:
        if c.dep_ in ("prt", "dobj", "ccomp", "acomp", "oprd") and (
            cue := table.get((tok.lemma_.lower(), c.lemma_.lower()))
        ):
            return cue, c
    return None


def _reader_question(tok: Any, subj: Any, quotes: _Quotes) -> bool:
    """A question the article puts to its reader ("Do you support the plan?", "What do you
    think of it?"): nobody has said or thought anything yet."""
    if subj.lower_ != "you" or quotes.containing(tok.idx, tok.idx + len(tok)) is not None:
        return False
    sentence: str = tok.sent.text
    return sentence.rstrip().rstrip(QUOTE_CHARS).endswith("?")


def _verb_attribution(doc: Any, tok: Any, quotes: _Quotes) -> Attribution | None:
    # "pointed out the flaw", "cast doubt on X": the phrase's frame beats the verb's own.
    lex, light = _phrasal_cue(tok) or (cue_verbs().get(tok.lemma_.lower()), None)
    if lex is None and _that_clause(tok):
        # Any verb taking a that-clause reports a proposition ("made clear that", "figures that").
        lex = Cue(tok.lemma_.lower(), "asserts", "clause", "belief")
    if lex is None or tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound", "nmod"):
        return None
    if lex.frame == "impression":
        return _impression_attribution(doc, tok, lex, quotes)
    texts = text_objects().get(tok.lemma_.lower())
    if texts is not None and light is None and not any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in texts for c in tok.children
    ):
        return None  # "released the hostages": no words released
    handed = material_objects().get(tok.lemma_.lower(), frozenset())
    if not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in handed for c in tok.children
    ):
        return None  # "accepted donations", "took in refugees": something handed over, not said
    if tok.lemma_.lower() == "point" and not any(
        c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ == "to") for c in tok.children
    ):
        return None  # "point" is a cue only as "point out" or "point to"
    if any(c.dep_ == "advmod" and c.lower_ in DEGREE_ADVERBS and c.i == tok.i - 1 for c in tok.lefts):
        return None  # "the most wanted", "less known": a participle used as an adjective
    if tok.lemma_.lower() in likelihood_verbs() and any(
        c.dep_ == "xcomp"
        and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)
        and not any(m.tag_ in ("WRB", "WP", "WDT") for m in c.subtree if m.i < c.i)
        for c in tok.children
    ):
        return None  # "the state figures to be close": a forecast ("figure out how to" is not)
    text = quotes.text
    p0, p1 = _paragraph(text, tok.idx)

    def para(idx: set[int]) -> set[int]:
        return {i for i in idx if p0 <= doc[i].idx < p1}

    subj = _subject(tok, (p0, p1))
    if subj is not None and _reader_question(tok, subj, quotes):
        return None
    if any(c.dep_ == "aux" and c.lower_ == "could" for c in tok.children) and tok.dep_ != "ROOT":
        return None  # "a move that could threaten the deal": a possibility, not a report
    if any(c.dep_ == "aux" and c.lower_ == "should" for c in tok.children):
        return None  # "officials should ask for X": advice about a report not yet made
    unstated = subj is not None and _extraposed_it(tok, subj)
    if subj is not None:
        subj = None if unstated else _past_timestamp(subj)
    # "'...,' Smith said when asked": the one asked is not the speaker.
    asked = subj is None and _bare_participle(tok) and _passive(tok)
    if not unstated and not asked and (
        subj is None
        or (
            quotes.containing(subj.idx, subj.idx + 1) is not None
            and quotes.containing(tok.idx, tok.idx + len(tok)) is None
        )
    ):
        subj = _speaker_after_quote(doc, tok, quotes) or subj
    if subj is None and not _passive(tok) and not unstated:
        subj = _appositive_speaker(doc, tok) or _inverted_speaker(doc, tok, quotes)
    comp: set[int] = set()
    for c in tok.children:
        if comp and c.dep_ == "ccomp" and _second_report(c):
            continue
        if c.dep_ == "ccomp" and c.i < tok.i and _split_off(doc, c, tok, lex):
            continue
        if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and not comp) or _embedded_question(c, lex):
            comp |= para(_subtree(c))
    if comp and lex.frame == "clause":
        comp |= para(_stray_predicates(tok, max(comp)))
        comp |= para(_split_subject(tok, min(comp)))
    if comp and lex.frame == "clause" and _passive(tok):
        comp |= para(_raised_subject(tok))
    if not comp:
        comp = para(_stray_that_clause(tok))
    elif any(c.dep_ == "xcomp" for c in tok.children):
        comp |= para(_infinitive_series(tok))
        if lex.frame in ("object", "addressee"):
            # "ordered the ministry to release X", "urged voters to stay home": whoever is told
            # to act is part of what was asked.
            comp |= {
                i
                for c in tok.children
                if c.dep_ == "dobj" and c.i < min(comp)
                for i in para(_subtree(c))
            }
    if subj is not None:
        # "calls saying shots were fired": the cue and its clause sit inside the speaker's phrase.
        comp -= _subtree(subj) - (_subtree(tok) if tok in subj.subtree else set())
    for c in tok.children:
        if c.dep_ == "ccomp":
            for v in c.children:
                if v.dep_ == "conj" and (o := _coordinated_cue(v)) is not None and o.i == tok.i:
                    comp -= _subtree(v)
    comp = _cut_at_semicolon(doc, comp, quotes)
    comp -= _coordinated_reports(doc, comp, quotes)
    for h in tok.children:
        if h.dep_ in COMPLEMENT_DEPS and h.i in comp:
            for c in h.rights:
                if (cue := _cue_predicate(c, quotes)) is not None and cue.i == tok.i:
                    # Take the conjunction or the comma that joins it along.
                    lo = c.left_edge.i
                    while lo - 1 in comp and (doc[lo - 1].dep_ == "cc" or doc[lo - 1].is_punct):
                        lo -= 1
                    comp -= set(range(lo, c.right_edge.i + 1))
    if lex.frame == "to" and _passive(tok):
        return None  # "the case was referred to a panel": handed on, not spoken of
    if lex.frame == "to" and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
        # "pointed to the fall in crime as proof that it works": the clause completes "proof",
        # whatever the parser hung it on.
        comp, obj = set(), para(_frame_object(tok, lex.frame) | comp)
    else:
        frame = lex.frame
        if frame == "as" and subj is not None and document_nouns().get(subj.lemma_.lower()) == "finding":
            frame = "object"  # "the survey found a tight race": what a study finds is its finding
        obj = para(_frame_object(tok, frame)) - comp if not comp else set()
    if light is not None and light.dep_ != "prt":
        # "took aim at the plan", "made the case that ...", "made it clear that ...": the noun
        # or adjective belongs to the cue.
        cue_words = {light.i} | {i for c in light.lefts for i in _subtree(c)}
        obj -= cue_words
        comp -= cue_words
    if not comp and not obj and lex.frame != "to":
        obj = para(_agent_passive_subject(tok))
    named = para(_passive_as(tok)) if not comp else set()
    if named:
        obj = named
    comp -= _stray_predicates_after(doc, comp, quotes)
    obj -= _stray_predicates_after(doc, obj, quotes)
    obj -= _coordinated_reports(doc, obj, quotes)
    comp = _drop_trailing_adjuncts(doc, comp, quotes)
    obj = _drop_trailing_adjuncts(doc, obj, quotes, nominal=True)
    obj |= para(_lost_coordination(doc, obj))
    clause = para(_clause_tokens(tok, subj, comp | obj)) or {tok.i}
    if quotes.containing(tok.idx, tok.idx + len(tok)) is None:
        # '"Probably not," she said': words inside a quotation are its content, never the cue's
        # own modifiers, even when the parser hangs them on the cue.
        clause = {i for i in clause if quotes.containing(doc[i].idx, doc[i].idx + 1) is None}
        clause = clause or {tok.i}
    c_start = min(doc[i].idx for i in clause)
    c_end = max(doc[i].idx + len(doc[i]) for i in clause)

    frags: list[tuple[int, int]] = []
    direct = False
    before = quotes.ending_before(c_start, text)
    if (
        before is not None
        and before_close(text, before) not in ",?!—–-"
        and any(c.dep_ not in ("punct", "advmod", "npadvmod") for c in tok.rights)
    ):
        # A quotation closed by a full stop is its own sentence, unless the cue's sentence says
        # nothing else ('"... the emails that are missing." Trump said.').
        before = None
    elif any(c.dep_ == "mark" and c.i < tok.i for c in tok.children):
        before = None  # '"...," when she blasted him': a subordinate clause reports nothing
    comp_frags = _fragments(doc, comp)
    inside = (
        bool(comp_frags)
        and all(quotes.containing(s, e) for s, e in comp_frags)
        and quotes.containing(tok.idx, tok.idx + len(tok)) is None
    )
    if before is not None and (not comp_frags or inside or comp_frags[0][0] < before[1]):
        frags = [before]
        direct = True
        if (lead := _sentence_lead(doc, before, p0, quotes)) is not None:
            # Reported speech that ends in a partial quotation.
            frags, direct = [(lead, before[1])], False
        # The cue may trail a participle ("I said, attempting to regroup. "...").
        tail = max(c_end, min(tok.right_edge.idx + len(tok.right_edge), p1))
        after = quotes.starting_after(c_end, text, stop=True) or quotes.starting_after(
            tail, text, stop=True
        )
        # "A," he said, "B": the quote resumes after the cue when the first part ended in a comma.
        if (
            after is not None
            and before_close(text, before) in (",", "—")
            and not _cue_between(doc, tok, after[0])
        ):
            frags.append(after)
    elif lex.frame == "quote":
        after = quotes.starting_after(c_end, text)
        if after is None:
            return None
        frags, direct = [after], True
    elif comp_frags:
        frags = _extend_over_quotes(comp_frags, quotes)
        direct = len(frags) == 1 and quotes.containing(*frags[0]) == frags[0]
        if not direct and inside:
            frags = _merge([q for f in frags if (q := quotes.containing(*f)) is not None])
            direct = True
    elif obj:
        frags = _extend_over_quotes(_fragments(doc, obj), quotes)
    else:
        after = quotes.starting_after(c_end, text) or quotes.starting_after(
            _addressee_end(tok, quotes, c_end), text
        )
        if after is not None and _interrupts_subject(doc, tok, quotes):
            # 'The plan, she said, "is a start" to X': the quotation finishes a sentence
            # whose subject came before the cue; the whole sentence is the content.
            after = None
        if after is not None:
            frags, direct = [after], True
        elif front := para(_fronted_subject(doc, tok, subj)):
            frags = _extend_over_quotes(_fragments(doc, front), quotes)
        elif _as_report(tok, lex, light):
            # "As the paper reported on Sunday, the deal fell through": the clause the
            # as-clause hangs on is what was reported.
            frags = _extend_over_quotes(
                _fragments(doc, para(_subtree(tok.head) - _subtree(tok))), quotes
            )
        elif gap := para(_relative_object(tok)):
            frags = _extend_over_quotes(_fragments(doc, gap), quotes)
        elif (
            tok.dep_ == "parataxis"
            or (
                tok.dep_ == "ccomp"
                and tok.i > tok.head.i
                and tok.head.lemma_.lower() not in cue_verbs()
            )
        ) and lex.kind in ("speech", "writing"):
            # "X, he said, Y" / "X, he said." / "X, he says, is Y": the clause the cue
            # interrupts or closes.
            host = _subtree(tok.head) - _subtree(tok)
            # "X was a juggernaut, Mr. Clarke said, until it went bankrupt": what follows the
            # comma that closes the cue's clause resumes the interrupted sentence.
            close = next(
                (i for i in range(tok.i + 1, tok.sent.end) if doc[i].text in (",", "--", "—")),
                None,
            )
            if close is not None:
                host |= {i for i in _subtree(tok) if i > close}
            frags = _extend_over_quotes(_fragments(doc, para(host)), quotes)
        elif lex.frame in ("clause", "addressee", "reply"):
            # "said so", "said yes", "say the same of X", "don't like it", "asked about X".
            short = set()
            for c in tok.rights:
                of_cue = light is not None and c.i == light.i  # "as she put it"
                if (
                    c.dep_ in ("dobj", "intj")
                    and lex.frame == "clause"
                    and not of_cue
                    and not (c.dep_ == "dobj" and tok.lemma_.lower() in no_object())
                ) or (
                    c.dep_ == "advmod" and c.lower_ == "so"
                ):
                    short |= _subtree(c)
                    if c.dep_ == "dobj":
                        short |= _object_complements(tok, c.i) or _split_predicate(doc, c)
                elif c.dep_ == "prep" and not _setting(c):
                    # "agreed with the plan", "warned of X", "complained about being left
                    # out", "agreed on cutting it": the object or the gerund clause of the
                    # preposition (after "on" only a gerund: "said on Tuesday" is a setting).
                    short |= {
                        i
                        for g in c.children
                        if (g.dep_ in ("pobj", "pcomp") and c.lower_ in SHORT_PREPS)
                        or (g.dep_ == "pcomp" and c.lower_ == "on")
                        for i in _subtree(g)
                    }
            frags = _extend_over_quotes(_fragments(doc, para(short)), quotes)
    if not frags and lex.kind in ("speech", "writing") and lex.frame in ("clause", "addressee") and subj:
        frags = _extend_over_quotes(_fragments(doc, para(_closing_report(doc, tok, subj))), quotes)
    if not frags and lex.kind in ("speech", "writing"):
        # "released the following statement:": the colon closes the cue's own noun.
        at = c_end if light is None else max(c_end, light.idx + len(light))
        frags = _block_after_colon(text, at)
    if not frags:
        return None
    if subj is None:
        if not (_passive(tok) or named or unstated) or tok.lemma_.lower() in no_passive():
            return None
        src = None  # "when asked about ...", "is expected to ...": an unstated source
    else:
        own = _subtree(tok) if subj.i < tok.i and tok in subj.subtree else set()
        quoted: set[int] = set()
        if quotes.containing(subj.idx, subj.idx + 1) is None:
            # A quotation the parser hung on the speaker's name before it is what was said, not
            # who ('"That is fair," Smith said'); a nickname after it ('Pineda, alias "El
            # Profe"') is part of the name, and so is a title inside it ('the "Avatar" star').
            marked = {t.i for t in subj.subtree if quotes.containing(t.idx, t.idx + 1)}
            first = min(
                (t.i for t in subj.subtree if t.i not in marked and not t.is_punct), default=subj.i
            )
            quoted = {i for i in marked if i < min(subj.i, first)}
        src = _source_span(doc, subj, comp | own | quoted)
        if src is not None and any(s < src[1] and src[0] < e for s, e in frags):
            # The parser may hang the content inside the speaker's relative clause.
            src = _source_span(doc, subj, comp | own | quoted, asides=False)
        if src is None or any(s < src[1] and src[0] < e for s, e in frags):
            return None
    if (
        frags
        and tok.idx < frags[-1][1]
        and (tail := _colon_tail(doc, frags[-1][1])) is not None
        and (src is None or not frags[-1][1] <= src[0] < tail)
    ):
        frags = [*frags[:-1], (frags[-1][0], tail)]
    cue_end = tok.idx + len(tok)
    if light is not None and tok.i < light.i <= tok.i + 3:
        cue_end = light.idx + len(light)  # "took aim", "laid out", "made the case"
    return Attribution(
        content=frags,
        cue=(tok.idx, cue_end),
        cue_lemma=lex.lemma,
        stance=lex.stance,
        direct=direct,
        source=src,
        source_head=subj.i if subj is not None and src is not None else None,
        cue_token=tok.i,
        kind=lex.kind,
    )


#: A colon that goes on with text on the same line.
_COLON_GOES_ON = re.compile(r"[ \t]*:[ \t]*(?=\S)")


def _noun_run_on(doc: Any, att: Attribution) -> Attribution:
    """A content run on over a colon (see ``_colon_tail``) for a cue other than a verb (a noun,
    a phrase, an adjective, an adverb, a fronted frame).

    Only a content that ends in a noun the colon spells out runs on ("her advice to the party:
    stay out of the race"); after a verb or an adjective the colon more often opens a new
    sentence ("was eager to help: the rest ..."). Verb cues run on in ``_verb_attribution``.
    """
    last = att.content[-1]
    if att.cue[0] >= last[1]:
        return att  # a content before its cue
    end = doc.char_span(last[1] - 1, last[1], alignment_mode="expand")
    if end is None or end[-1].pos_ not in ("NOUN", "PROPN"):
        return att
    tail = _colon_tail(doc, last[1])
    if tail is None or (att.source is not None and last[1] <= att.source[0] < tail):
        return att
    att.content = [*att.content[:-1], (last[0], tail)]
    return att


def _colon_tail(doc: Any, end: int) -> int | None:
    """Where the content ending at ``end`` really ends when a colon follows it on the same line.

    "cited one reason: the cost", "laid out a 3-2-1 plan: third in A, second in B": what
    follows the colon spells out the content (the parser often makes it a sentence of its
    own), so the content runs to the end of that sentence.
    """
    text = _text(doc)
    m = _COLON_GOES_ON.match(text, end)
    if m is None:
        return None
    after = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
    if after is None or not len(after):
        return None
    stop: int = after[0].sent.end_char
    # a sentence of its own after the colon ends at its line's end at the latest
    line = text.find("\n", m.end(), stop)
    return line if line >= 0 else stop


#: The last full stop in a stretch of text that more text follows.
_LAST_STOP = re.compile(r"[.!?]\s+(?!.*[.!?]\s)", re.S)


def _sentence_lead(doc: Any, quote: tuple[int, int], p0: int, quotes: _Quotes) -> int | None:
    """Start of the writer's words that open the sentence a closing quotation finishes.

    'The levy "will not fix the deficit," the treasurer said': the quotation is only the end of
    the reported sentence; what comes before it in the sentence was reported too. A
    lead-in set off by a comma or a colon ("Asked about it, "...") is not, nor is another
    quotation.
    """
    span = doc.char_span(quote[0], quote[0] + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    start: int = max(int(span[0].sent.start_char), p0)
    lead = quotes.text[start : quote[0]]
    # The parser may run a sentence on past a full stop next to quotation marks.
    if (stop := _LAST_STOP.search(lead)) is not None:
        start, lead = start + stop.end(), lead[stop.end() :]
    if not lead.strip() or lead.rstrip()[-1] in ",:;.!?" or any(ch in QUOTE_CHARS for ch in lead):
        return None
    return start + len(lead) - len(lead.lstrip())


def _cue_between(doc: Any, tok: Any, end: int) -> bool:
    """Whether a speech verb between ``tok`` and character ``end`` reaches up to ``end``.

    '"A," said Smith, who added that it was "B"', '"A," she said, adding "B"': a quotation
    in another report verb's clause belongs to that report, not to ``tok``'s ('"A," said
    Smith, who backed the bill. "B"' is still Smith's).
    """
    verbs = cue_verbs()
    for t in doc[tok.i + 1 :]:
        if t.idx >= end:
            break
        if (
            t.pos_ == "VERB"
            and t.lemma_.lower() in verbs
            and t.right_edge.idx + len(t.right_edge) >= end
        ):
            return True
    return False


def _block_after_colon(text: str, at: int) -> list[tuple[int, int]]:
    """The paragraph after a cue that closes its own with a colon ("The governor added:"), set
    as a block quotation without quotation marks."""
    m = re.match(r"[ \t]*:[ \t]*\n\s*", text[at : at + 40])
    if m is None:
        return []
    start = at + m.end()
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []


def _impression_attribution(doc: Any, tok: Any, lex: Cue, quotes: _Quotes) -> Attribution | None:
    """How things look, with no one named as judging ("the plan seems to work", "it appears
    that ..."): the writer's own hedged claim. The content is the clause without the cue."""
    comps = [
        c
        for c in tok.children
        if c.dep_ in IMPRESSION_DEPS or (c.dep_ == "prep" and c.lower_ == "like")
    ]
    if not comps or any(c.dep_ == "xcomp" and c.lemma_.lower() in cue_verbs() for c in comps):
        return None  # "appeared to contradict him": the inner cue speaks for the subject
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "what"]
    if not subjects:
        return None
    idx: set[int] = set()
    for c in subjects + comps:
        if c.dep_ != "nsubj" or c.lower_ != "it" or not any(d.dep_ == "ccomp" for d in comps):
            idx |= _subtree(c)
    p0, p1 = _paragraph(quotes.text, tok.idx)
    frags = _fragments(doc, {i for i in idx if p0 <= doc[i].idx < p1})
    if not frags:
        return None
    return Attribution(
        content=_extend_over_quotes(frags, quotes),
        cue=(tok.idx, tok.idx + len(tok)),
        cue_lemma=lex.lemma,
        stance=lex.stance,
        direct=False,
        cue_token=tok.i,
        kind=lex.kind,
    )


def _phrase_attribution(doc: Any, tok: Any, quotes: _Quotes) -> Attribution | None:
    """``according to X, ...`` and other fixed-phrase cues."""
    text = quotes.text
    p0, p1 = _paragraph(text, tok.idx)
    for words, stance in cue_phrases().items():
        n = len(words)
        if tok.i + n > len(doc) or tuple(t.lower_ for t in doc[tok.i : tok.i + n]) != words:
            continue
        phrase = doc[tok.i : tok.i + n]
        pobj = next(
            (c for t in phrase for c in t.children if c.dep_ == "pobj" and c.i >= tok.i + n - 1),
            None,
        )
        if pobj is None:
            continue
        # The phrase scopes over its sentence, whatever the parser attached it to ("X,
        # according to Y, Z", "According to Y, X"). It ends with its object's phrase, or at the
        # next comma or dash when the parser hung the rest of the sentence on that object.
        sent = doc[tok.i].sent
        stop = pobj.right_edge.i + 1
        # A phrase that closes its sentence keeps the speaker's appositive ("..., according to
        # Y, head of Z.").
        trailing = any(doc[i].tag_ in FINITE_TAGS | {"MD"} for i in range(sent.start, tok.i))
        if stop >= sent.end - 1 and not trailing:
            stop = next(
                (i for i in range(tok.i + n, sent.end) if doc[i].text in (",", ";", "--", "—")),
                sent.end,
            )
        host = {
            i
            for i in range(sent.start, sent.end)
            if not tok.i <= i < stop and p0 <= doc[i].idx < p1
        }
        if any(doc[i].tag_ in FINITE_TAGS | {"MD"} for i in host if i < tok.i):
            # A whole clause before the phrase is what it reports ("X would rise, according to
            # Y, more than Z"); only a bare subject goes on past it ("His criticism, according
            # to Y, was Z").
            host = {i for i in host if i < tok.i}
        if not any(doc[i].pos_ in PROPOSITION_POS for i in host):
            continue  # "According to X, basically.": no proposition left to report
        frags = _extend_over_quotes(_fragments(doc, host), quotes)
        if not frags:
            continue
        src = _source_span(doc, pobj, {i for i in _subtree(pobj) if i >= stop})
        return Attribution(
            content=frags,
            cue=(doc[tok.i].idx, doc[tok.i + n - 1].idx + len(doc[tok.i + n - 1])),
            cue_lemma=" ".join(words),
            stance=stance,
            direct=False,
            source=src,
            source_head=pobj.i if src is not None else None,
            cue_token=tok.i,
        )
    return None


_DASHES = "―—–"


#: A name after a spaced dash, then a colon and a quotation ("... - Jane Doe: “").
_SIGNED_QUOTE = re.compile(r"\s[-–—]\s+([^\s:\-–—][^:\n]{1,60}?):(?=\s*[“\"])")


def _layout_attributions(doc: Any, quotes: _Quotes) -> list[Attribution]:
    """Attributions marked by layout, not by a verb.

    ``NAME: text`` at the start of a paragraph (interview transcripts, headlines) and a quotation
    signed by a dash and a name at the end of its paragraph (``"..." ― Name``).
    """
    text = quotes.text
    out: list[Attribution] = []
    turns: list[tuple[int, Attribution]] = []
    pos = 0
    for n_para, para in enumerate(text.split("\n")):
        start, end = pos, pos + len(para)
        pos = end + 1
        head, colon, rest = para.partition(":")
        speaker = head
        if colon and n_para == 0 and (cut := _headline_speaker(doc, start, head)) is not None:
            # "Mayor To Voters: ...", "Smith on the Strike: ...": the headline names its speaker
            # before the hearer or topic.
            speaker = head[:cut]
        words = speaker.strip(" \t" + QUOTE_CHARS).split()
        if (
            colon
            and any(ch.isalpha() for ch in rest)  # "Clinton: 547." is a tally, not a turn
            and 0 < len(words) <= 4
            and _name_like(words)
            and " ".join(words).lower() not in headline_kickers()
        ):
            lead = len(speaker) - len(speaker.lstrip(" \t" + QUOTE_CHARS))
            c_at = start + len(head)
            r_start = c_at + 1 + (len(rest) - len(rest.lstrip()))
            turns.append(
                (
                    n_para,
                    Attribution(
                        content=[(r_start, start + len(para.rstrip()))],
                        cue=(c_at, c_at + 1),
                        cue_lemma=":",
                        stance="asserts",
                        direct=False,
                        source=(start + lead, start + len(speaker.rstrip())),
                        kind="speech",
                    ),
                )
            )
            continue
        body = para.rstrip()
        for m in _SIGNED_QUOTE.finditer(para):
            # "HEADLINE - Jane Doe: “...”": a news roundup names the writer after a dash.
            words = m.group(1).split()
            q = quotes.starting_after(start + m.end(1), text)
            if q is not None and len(words) <= 5 and _name_like([w for w in words if w != "and"]):
                out.append(
                    Attribution(
                        content=[q],
                        cue=(start + m.end(1), start + m.end(1) + 1),
                        cue_lemma=":",
                        stance="asserts",
                        direct=True,
                        source=(start + m.start(1), start + m.end(1)),
                    )
                )
        for qs, qe in quotes.overlapping(start, end):
            tail = text[qe : start + len(body)]
            sig = tail.lstrip()
            if sig[:1] in _DASHES:
                name = sig[1:].strip()
                if 0 < len(name.split()) <= 6 and _name_like(name.split()):
                    d_at = qe + (len(tail) - len(sig))
                    n_at = start + len(body) - len(name)
                    out.append(
                        Attribution(
                            content=[(qs, qe)],
                            cue=(d_at, d_at + 1),
                            cue_lemma="—",
                            stance="asserts",
                            direct=True,
                            source=(n_at, start + len(body)),
                        )
                    )
    # A transcript has several turns by the same speaker, named in full first and by surname
    # after ("JOEL SMITH:", "SMITH:"); a single "NAME:" is a headline only in the first line,
    # and an upper-case one there is a wire dateline ("KABUL:"). A quotation right after the
    # colon marks a speaker anywhere ('Smith: "We will win."').
    heads = [text[a.source[0] : a.source[1]] for _, a in turns if a.source]
    surnames = [h.split()[-1].lower() for h in heads]
    for n_para, att in turns:
        head = text[att.source[0] : att.source[1]] if att.source else ""
        quoted = text[att.content[0][0] : att.content[0][0] + 1] in OPEN + STRAIGHT
        if (
            surnames.count(head.split()[-1].lower()) >= 2
            or (n_para == 0 and not head.isupper())
            or (quoted and n_para > 0)
        ):
            out.append(att)
    return out


_HEADLINE_TURN = re.compile(r"\s(?:to|on|at)\s", re.IGNORECASE)


def _headline_speaker(doc: Any, start: int, head: str) -> int | None:
    """Where the speaker ends in a headline ``Name to/on/at Someone: words`` (an offset into
    ``head``), when a person or a group is named before the preposition; None otherwise."""
    m = _HEADLINE_TURN.search(head)
    if m is None or not 0 < len(head[: m.start()].split()) <= 4:
        return None
    span = doc.char_span(start, start + m.start(), alignment_mode="expand")
    if span is None or not any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in span):
        return None
    return m.start()


def _headline_verb(doc: Any) -> list[Attribution]:
    """A title-case headline whose cue verb the parser took for a name ("Mayor Smith Slams
    Rival Over Budget"): the capitalised words before the verb speak, the rest is content."""
    out: list[Attribution] = []
    verbs = cue_verbs()
    for sent in doc.sents:
        # Cheap tests first: a short sentence with a capitalised word in "-s" read as a name.
        if sent.end - sent.start > 30 or not any(
            t.pos_ == "PROPN" and t.lower_.endswith("s") for t in sent[1:]
        ):
            continue
        words = [t for t in sent if t.is_alpha]
        if not 3 <= len(words) <= 20 or sum(t.text[0].isupper() for t in words) < 0.8 * len(words):
            continue  # not a title-case headline
        toks = [t for t in sent if not t.is_space]
        for t in toks[1:-1]:
            low = t.lower_
            # "Slams" -> "slam", "Praises" -> "praise", "Pushes" -> "push"
            lemma = next((low[: -len(e)] for e in ("es", "s") if low.endswith(e) and low[: -len(e)] in verbs), None)
            if lemma is None or t.pos_ != "PROPN" or verbs[lemma].frame == "impression":
                # a verb the parser saw is handled as one; a plural noun ("Votes") may be one
                continue
            head = doc[toks[0].i : t.i]
            if len(head) > 6 or not any(h.pos_ == "PROPN" or h.ent_type_ for h in head):
                break
            last = toks[-1].i - (1 if toks[-1].text in ".!" else 0)
            if last <= t.i:
                break
            out.append(
                Attribution(
                    content=[_char_span(doc, t.i + 1, last)],
                    cue=(t.idx, t.idx + len(t)),
                    cue_lemma=lemma,
                    stance=verbs[lemma].stance,
                    direct=False,
                    source=_char_span(doc, head.start, head.end - 1),
                    kind=verbs[lemma].kind,
                )
            )
            break
    return out


def _name_like(words: Sequence[str]) -> bool:
    """Every word capitalised (``PENCE``, ``Pat Caddell``, ``Gov. Mike Pence``)."""
    return all(w[:1].isupper() or w[:1] in ".-'’" for w in words) and any(
        c.isalpha() for c in "".join(words)
    )


def _continue_quotations(doc: Any, found: list[Attribution], quotes: _Quotes) -> None:
    """Extend direct quotations over the quotations that follow them unattributed.

    ``"A," she said.  "B. C."``: a quotation opening the next sentence or paragraph, with no cue
    of its own, goes on with the same speaker's words. So it does after a paraphrase closed by
    its speech cue (``The plan is "cynical," she said. "B."``); after a cue that opens its
    sentence (``She said that A. "B."``) the writer has often moved on.
    """
    text = quotes.text
    claimed = sorted((s, e) for a in found for s, e in a.content)
    cues = sorted(a.cue for a in found)

    def free(s: int, e: int) -> bool:
        return not any(s < e2 and s2 < e for s2, e2 in claimed) and not any(
            s <= c0 < e or (e <= c0 and _same_sentence(doc, e, c0)) for c0, _ in cues
        )

    for att in found:
        if (
            not (att.direct or (att.kind in ("speech", "writing") and att.end <= att.cue[0]))
            or att.cue_lemma in (":", "—")
            or quotes.containing(*att.cue) is not None
        ):
            continue  # a cue inside a quotation is the quoted speaker's, not the reporter's
        sent = doc[att.cue_token].sent
        last = sent.end - 1
        while last > sent.start and quotes.containing(doc[last].idx, doc[last].idx + 1) is not None:
            last -= 1  # the splitter may leave the next quotation's opening mark on this sentence
        end = max(att.end, doc[last].idx + len(doc[last]))
        for _ in range(MAX_CONTINUATIONS):
            nxt = quotes.starting_after(end, text, stop=True, paragraph=True)
            if nxt is None or not free(*nxt):
                break
            att.content.append(nxt)
            claimed.append(nxt)
            end = nxt[1]


def _same_sentence(doc: Any, a: int, b: int) -> bool:
    """Whether character offsets ``a`` (an end) and ``b`` fall in one sentence of ``doc``."""
    ta = doc.char_span(a - 1, a, alignment_mode="expand")
    tb = doc.char_span(b, b + 1, alignment_mode="expand")
    return ta is not None and tb is not None and ta[0].sent.start == tb[0].sent.start


def _noun_attribution(doc: Any, tok: Any, quotes: _Quotes) -> Attribution | None:
    """A noun cue: "Smith's criticism of the plan", "a warning from X that ...", "X issued a denial".

    The source is the noun's possessor, its ``from``/``by`` phrase, or the subject of the verb it
    is the object of; the content is its that-clause, its ``of``/``about``/``over`` phrase, or a
    quotation introduced by it.
    """
    if tok.pos_ != "NOUN" or tok.tag_ == "NNPS":
        return None
    src_tok = None
    content: set[int] = set()
    stated = False  # a that-clause states what the noun holds, whoever holds it
    about = False
    for c in tok.children:
        if c.dep_ == "poss" and c.i < tok.i:
            src_tok = c
        elif c.dep_ == "prep" and c.lower_ in ("from", "by") and c.i > tok.i:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and src_tok is None:
                src_tok = objs[0]
        elif c.dep_ == "prep" and c.lower_ in NOUN_CONTENT_PREPS and c.i > tok.i:
            content |= {i for g in c.children if g.dep_ in ("pobj", "pcomp") for i in _subtree(g)}
            # "questions about her emails": what the words are about, whoever asks them.
            about = about or (c.lower_ == "about" and bool(content))
        elif c.dep_ in ("acl", "relcl", "ccomp") and any(
            m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children
        ):
            content |= _subtree(c)
            stated = True
        elif c.dep_ == "acl" and c.i > tok.i and _to_infinitive(c):
            # "her decision to leave", "his call to ban the sale": what is decided or urged.
            content |= _subtree(c)
    if not content and tok.lemma_.lower() in backing_words("noun") and (target := _backing_target(tok)):
        # "Doe threw her support behind X": the one who acts gives it, not just the possessive.
        content = target
        src_tok = _nearest_subject(tok.head, (0, len(quotes.text))) or src_tok
    if not content and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
        # "Her argument was that ...", "The question is whether ...": the copula's clause.
        content = {
            i for c in tok.head.children if c.dep_ == "ccomp" and c.i > tok.head.i for i in _subtree(c)
        }
        stated = bool(content)
    governor = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
    # "faced criticism over X": the critics are not named, and the subject is not one of them.
    unnamed = (
        src_tok is None
        and tok.dep_ in ("dobj", "pobj")
        and governor.pos_ == "VERB"
        and governor.lemma_.lower() in recipient_verbs()
    )
    if (
        stated
        and tok.dep_ == "pobj"
        and tok.head.lower_ in ("in", "during", "at")
        and governor.lemma_.lower() in cue_verbs()
    ):
        return None  # "said in a statement that ...": the verb reports the clause
    if not unnamed and src_tok is None and tok.dep_ in ("dobj", "attr") and tok.head.pos_ == "VERB":
        src_tok = _nearest_subject(tok.head, (0, len(quotes.text)))
    elif (
        (stated or any(c.dep_ == "prep" and c.lower_ == "of" and c.i > tok.i for c in tok.children))
        and content
        and src_tok is None
        and tok.dep_ == "pobj"
        and tok.head.lower_ in HOLDING_PREPS
        and governor.pos_ in ("VERB", "AUX")
    ):
        # "acted in the hope that ...", "came out in support of X", "spoke with the conviction
        # that ...": the one who acts holds it ("despite complaints that ..." gives no holder;
        # "in a call with X" is a setting).
        src_tok = _nearest_subject(governor, (0, len(quotes.text)))
    if not content and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":":
        after = quotes.starting_after(doc[tok.i + 1].idx + 1, quotes.text)
        if after is not None:
            return _noun_result(doc, tok, src_tok, [after], direct=True)
    backer = _backing_holder(tok)
    if backer is not None:
        src_tok, content = backer
    elif not content and (received := _received_from(tok)) is not None:
        src_tok, content = received
    if tok.lemma_.lower() in violence_nouns() and not _person(src_tok):
        return None  # "the militants' attack on the base": an act, not words
    if (src_tok is None and not unnamed and not stated and not about) or not content:
        return None
    frags = _extend_over_quotes(_fragments(doc, content), quotes)
    return _noun_result(doc, tok, src_tok, frags, direct=False) if frags else None


def _to_infinitive(c: Any) -> bool:
    """A to-infinitive with no subject of its own ("to leave the party")."""
    return c.tag_ == "VB" and any(m.dep_ == "aux" and m.lower_ == "to" and m.i < c.i for m in c.children)


def _received_from(tok: Any) -> tuple[Any, set[int]] | None:
    """ "The plan drew criticism from unions", "Smith won support from the mayors": a stance
    noun that is the object of a verb by which its subject draws or wins it, with a ``from``
    phrase (the parser may hang it on the verb), is about that subject. The source (the object
    of "from") and the subject's phrase, or None."""
    head = tok.head
    if tok.dep_ != "dobj" or head.pos_ != "VERB":
        return None
    lemma = head.lemma_.lower()
    if lemma not in recipient_verbs() and lemma not in backing_words("verb"):
        return None
    preps = [c for c in tok.children if c.dep_ == "prep"] + [c for c in head.rights if c.dep_ == "prep" and c.i > tok.i]
    src = next((g for c in preps if c.lower_ == "from" for g in c.children if g.dep_ == "pobj"), None)
    subj = _nearest_subject(head, (0, 1 << 62))
    if src is None or subj is None:
        return None
    return src, _subtree(subj)


def _person(tok: Any | None) -> bool:
    """A person's name or a personal pronoun ("Smith", "his", "she")."""
    if tok is None:
        return False
    return bool(tok.ent_type_ == "PERSON" or tok.lower_ in PERSONAL_PRONOUNS)


def _backing_target(tok: Any) -> set[int]:
    """ "threw their support behind X", "lent her backing to X": whom the backing goes to (the
    parser may hang the phrase on the verb), or nothing."""
    if tok.dep_ != "dobj":
        return set()  # "the shift in support from X to Y" gives nothing
    preps = [c for c in tok.children if c.dep_ == "prep"]
    preps += [c for c in tok.head.rights if c.dep_ == "prep" and c.i > tok.i]
    return {
        i
        for c in preps
        if c.lower_ in ("behind", "to")
        for g in c.children
        if g.dep_ == "pobj"
        for i in _subtree(g)
    }


def _backing_holder(tok: Any) -> tuple[Any, set[int]] | None:
    """"She has the support of most unions": the backers (after "of" or "among") hold the stance; its
    object is whoever has, wins or receives the backing. None for other noun cues."""
    if tok.lemma_.lower() not in backing_words("noun") or tok.dep_ != "dobj":
        return None
    if tok.head.lemma_.lower() not in backing_words("verb"):
        return None
    # "has the support of most unions", "has strong support among evangelicals" (the parser
    # may hang the "among" phrase on the verb).
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "among")]
    preps += [c for c in tok.head.rights if c.dep_ == "prep" and c.lower_ == "among" and c.i > tok.i]
    backers = [g for c in preps for g in c.children if g.dep_ == "pobj"]
    holder = _nearest_subject(tok.head, (0, 1 << 62))
    if not backers or holder is None:
        return None
    return backers[0], _subtree(holder)


def _adjective_attribution(doc: Any, tok: Any, quotes: _Quotes) -> Attribution | None:
    """ "X is confident that ...", "X was concerned about ...": the copula's subject holds it."""
    if tok.pos_ != "ADJ" or tok.dep_ != "acomp":
        return None
    content: set[int] = set()
    for c in tok.rights:
        if c.dep_ in ("ccomp", "xcomp"):
            content |= _subtree(c)
        elif c.dep_ == "prep" and c.lower_ in NOUN_CONTENT_PREPS | SHORT_PREPS | {"in", "that"}:
            content |= {i for g in c.children if g.dep_ in ("pobj", "pcomp") for i in _subtree(g)}
    subj = _nearest_subject(tok.head, (0, len(quotes.text)))
    if not content or subj is None:
        return None
    adjectives = cue_adjectives()
    lemma = tok.lower_ if tok.lower_ in adjectives else tok.lemma_.lower()
    src = _source_span(doc, subj, content)
    frags = _extend_over_quotes(_fragments(doc, content), quotes)
    if src is None or not frags or any(s < src[1] and src[0] < e for s, e in frags):
        return None
    return Attribution(
        content=frags,
        cue=(tok.idx, tok.idx + len(tok)),
        cue_lemma=lemma,
        stance=adjectives[lemma],
        direct=False,
        source=src,
        source_head=subj.i,
        cue_token=tok.i,
        kind="belief",
    )


def _host_clause(head: Any, cue: Any) -> set[int]:
    """The clause ``head`` heads, inside the cue's sentence, without the cue word or phrase
    ("[In a new poll], the mayor leads", "the firm [reportedly] sold its stake")."""
    sent = cue.sent
    return {i for i in _subtree(head) - _subtree(cue) if sent.start <= i < sent.end}


def _adverb_attribution(doc: Any, tok: Any, quotes: _Quotes) -> Attribution | None:
    """"The firm reportedly sold its stake": the clause is a report with no named source."""
    head = tok.head
    if tok.dep_ != "advmod" or head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in cue_verbs():
        return None
    p0, p1 = _paragraph(quotes.text, tok.idx)
    content = {i for i in _host_clause(head, tok) if p0 <= doc[i].idx < p1}
    content = _drop_trailing_adjuncts(doc, content, quotes)
    frags = _extend_over_quotes(_fragments(doc, content), quotes)
    if not frags:
        return None
    return Attribution(
        content=frags,
        cue=(tok.idx, tok.idx + len(tok)),
        cue_lemma=tok.lower_,
        stance="asserts",
        direct=False,
        source=None,
        cue_token=tok.i,
    )


def _noun_result(
    doc: Any, tok: Any, src_tok: Any, frags: list[tuple[int, int]], *, direct: bool
) -> Attribution | None:
    src: tuple[int, int] | None = None
    if src_tok is not None:
        src = _source_span(doc, src_tok, {t.i for t in tok.subtree if t.i > src_tok.right_edge.i})
        if src is None or src_tok.pos_ == "DET":
            return None
        if doc[src_tok.right_edge.i].tag_ == "POS" and src[1] == doc[src_tok.right_edge.i].idx + 2:
            src = (src[0], doc[src_tok.right_edge.i].idx)  # "Smith's" -> "Smith"
    return Attribution(
        content=frags,
        cue=(tok.idx, tok.idx + len(tok)),
        cue_lemma=tok.lemma_.lower(),
        stance=cue_nouns()[tok.lemma_.lower()],
        direct=direct,
        source=src,
        source_head=src_tok.i if src_tok is not None else None,
        cue_token=tok.i,
    )


def _fronted_frame(tok: Any) -> tuple[Any, Any] | None:
    """The verb a fronted preposition frames and the preposition's object, when the verb is no
    cue of its own (else "In a statement, X said ..." is X's)."""
    head = tok.head
    if tok.dep_ != "prep" or head.i <= tok.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if head.lemma_.lower() in cue_verbs() or _that_clause(head):
        return None
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    return (head, pobj) if pobj is not None else None


def _framed_clause(
    doc: Any, tok: Any, head: Any, pobj: Any, quotes: _Quotes, kind: str
) -> Attribution | None:
    """The clause a fronted phrase frames, held by the phrase's object."""
    frags = _extend_over_quotes(_fragments(doc, _host_clause(head, tok)), quotes)
    src = _source_span(doc, pobj, set())
    if not frags or src is None:
        return None
    return Attribution(
        content=frags,
        cue=(tok.idx, tok.idx + len(tok)),
        cue_lemma=tok.lower_,
        stance="asserts",
        direct=False,
        source=src,
        source_head=pobj.i,
        cue_token=tok.i,
        kind=kind,
    )


def _document_attribution(doc: Any, tok: Any, quotes: _Quotes) -> Attribution | None:
    """A fronted "In <a poll / a study / her view>, <clause>": the survey or the view holds it."""
    framed = _fronted_frame(tok)
    if framed is None:
        return None
    head, pobj = framed
    kind = document_nouns().get(pobj.lemma_.lower())
    if kind is None:
        return None
    if kind == "view" and not any(c.dep_ == "poss" for c in pobj.children):
        return None
    if tok.i != tok.sent.start and doc[tok.i - 1].text not in ("--", "—", "(", "\n"):
        return None  # only a phrase that opens its sentence frames the whole clause
    return _framed_clause(doc, tok, head, pobj, quotes, "evidence")


#: Words for people that can hold a view in a fronted "To many, ..." without being a name.
PEOPLE_WORDS = frozenset(
    {"many", "others", "some", "most", "anyone", "everyone", "those", "them", "him", "her", "me", "us"}
)


def _perspective_attribution(doc: Any, tok: Any, quotes: _Quotes) -> Attribution | None:
    """A fronted "To Smith, ...", "To many voters, ...": how things look to someone named
    ("For Smith, ..." as often gives what is at stake for him, not his view).

    Only a person (a name, a group's people, a personal pronoun) who opens the sentence before a
    comma; the clause it frames, which has no cue of its own, is the content."""
    framed = _fronted_frame(tok)
    if framed is None:
        return None
    head, pobj = framed
    if pobj.right_edge.i + 1 >= len(doc) or doc[pobj.right_edge.i + 1].text != ",":
        return None
    start = tok.sent.start
    while start < tok.i and doc[start].pos_ in ("CCONJ", "SPACE", "PUNCT"):
        start += 1  # "But to others, ..."
    if tok.i != start:
        return None
    before = doc[pobj.left_edge.i : pobj.i + 1]
    people = (
        pobj.lower_ in PEOPLE_WORDS
        or any(t.ent_type_ in ("PERSON", "NORP") for t in before)
        # "to many farmers", not "to some extent"
        or (pobj.tag_ == "NNS" and any(t.lower_ in PEOPLE_WORDS for t in before))
    )
    if not people or pobj.ent_type_ in ("DATE", "TIME", "CARDINAL"):
        return None
    return _framed_clause(doc, tok, head, pobj, quotes, "belief")


def _agent_attribution(doc: Any, tok: Any, quotes: _Quotes) -> Attribution | None:
    """"Smith, a Clinton supporter", "she is a critic of the plan": the person the noun names
    holds a stance towards the name before it or its ``of`` phrase."""
    if tok.pos_ != "NOUN":
        return None
    content: set[int] = set()
    for c in tok.children:
        if c.dep_ in ("compound", "poss") and c.i < tok.i and c.pos_ == "PROPN":
            content |= _subtree(c)
        elif c.dep_ == "prep" and c.lower_ == "of" and c.i > tok.i:
            content |= {i for g in c.children if g.dep_ == "pobj" for i in _subtree(g)}
    if not content:
        return None
    if tok.dep_ == "appos":
        holder = tok.head
    elif tok.dep_ in ("attr", "oprd"):
        holder = _nearest_subject(tok.head, (0, len(quotes.text)))
    else:
        holder = next((c for c in tok.children if c.dep_ == "appos" and c.i > tok.i), None)
    if holder is None:
        return None  # "Clinton supporters cheered": a crowd described, not a stance reported
    # The noun's own phrase is never the holder's, except a name in apposition inside it
    # ("a Clinton supporter, Jane Doe").
    own = _subtree(tok) - (_subtree(holder) if holder.i in _subtree(tok) else set())
    src = _source_span(doc, holder, content | own)
    frags = _extend_over_quotes(_fragments(doc, content), quotes)
    if not frags or src is None:
        return None
    return Attribution(
        content=frags,
        cue=(tok.idx, tok.idx + len(tok)),
        cue_lemma=tok.lemma_.lower(),
        stance=agent_nouns()[tok.lemma_.lower()],
        direct=False,
        source=src,
        source_head=holder.i,
        cue_token=tok.i,
        kind="belief",
    )


def _one_cue_per_content(doc: Any, found: list[Attribution]) -> list[Attribution]:
    """One attribution for a content two cues claim ('"Enough," she said, ending the call'
    gives "said" and "ending"): the main clause's cue, else a finite verb, else a verb."""

    def rank(a: Attribution) -> tuple[bool, bool, bool, int]:
        tok = doc[a.cue_token]
        return (tok.dep_ == "ROOT", tok.tag_ in FINITE_TAGS, tok.pos_ == "VERB", -a.cue_token)

    best: dict[tuple[tuple[int, int], ...], Attribution] = {}
    for a in found:
        key = tuple(a.content)
        if key not in best or rank(a) > rank(best[key]):
            best[key] = a
    keep = {id(a) for a in best.values()}
    out = [a for a in found if id(a) in keep]

    def within(a: Attribution, b: Attribution) -> bool:
        # Part of what the same speaker is reported saying under another cue: "said things
        # 'should be wrapped up', referring to ..." gives the quotation again to "referring".
        if a is b or a.source is None or b.source is None:
            return False
        if not (a.source[0] < b.source[1] and b.source[0] < a.source[1]):
            return False
        inside = all(any(s0 <= s and e <= e0 for s0, e0 in b.content) for s, e in a.content)
        cue_out = not any(s0 <= a.cue[0] < e0 for s0, e0 in b.content)
        return inside and cue_out

    return [a for a in out if not any(within(a, b) for b in out)]


def find_attributions(doc: Any) -> list[Attribution]:
    """Every attribution in a parsed document, in text order of the content."""
    quotes = _Quotes(_text(doc))
    verbs = cue_verbs()
    phrasal_verbs = {verb for verb, _ in phrasal_cues()}
    first_words = {w[0] for w in cue_phrases()}
    nouns = cue_nouns()
    adjectives = cue_adjectives()
    adverbs = report_adverbs()
    found: list[Attribution] = []
    for tok in doc:
        att = None
        lemma = tok.lemma_.lower()
        # A word can be both a cue verb and a cue noun ("a call for ...", "her support for ...").
        if lemma in verbs or lemma in phrasal_verbs or _that_clause(tok):
            att = _verb_attribution(doc, tok, quotes)
        verb = att is not None  # a verb cue's content has run on over a colon already
        if att is None and tok.lower_ in first_words:
            att = _phrase_attribution(doc, tok, quotes)
        if att is None and lemma in nouns:
            att = _noun_attribution(doc, tok, quotes)
        if att is None and (tok.lower_ in adjectives or lemma in adjectives):
            att = _adjective_attribution(doc, tok, quotes)
        if att is None and tok.lower_ == "in":
            att = _document_attribution(doc, tok, quotes)
        if att is None and tok.lower_ == "to":
            att = _perspective_attribution(doc, tok, quotes)
        if att is None and lemma in agent_nouns():
            att = _agent_attribution(doc, tok, quotes)
        if att is None and tok.lower_ in adverbs:
            att = _adverb_attribution(doc, tok, quotes)
        if att is not None:
            found.append(att if verb else _noun_run_on(doc, att))
    # A content that is just another attribution's speaker is a misparse ("... wanted terrorists
    # list Afghan intelligence said ...": "list" is a noun, not a cue with that object).
    sources = [a.source for a in found if a.source is not None]
    found = [
        a
        for a in found
        if not all(any(s0 <= s and e <= e0 + 1 for s0, e0 in sources) for s, e in a.content)
    ]
    # A colon opens what follows it: a content before the colon, with the cue after it ("Whites
    # were split: most women preferred X"), is a misparse.
    found = [a for a in found if not (a.end <= a.cue[0] and ":" in quotes.text[a.end : a.cue[0]])]
    found = _one_cue_per_content(doc, found)
    _continue_quotations(doc, found, quotes)
    taken = [a.content for a in found]
    # A headline verb read as a name counts only where no cue was found in that headline.
    cues_at = {a.cue[0] for a in found}
    for att in _headline_verb(doc):
        cue = doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
        if cue is not None and not any(cue.sent.start_char <= c < cue.sent.end_char for c in cues_at):
            found.append(att)
    for att in _layout_attributions(doc, quotes):
        # A transcript turn may hold reported speech of its own; a signed quote may not.
        if att.cue_lemma == ":" or not any(
            s < e2 and s2 < e for s, e in att.content for f in taken for s2, e2 in f
        ):
            found.append(att)
    found.sort(key=lambda a: (a.start, a.cue))
    return found
