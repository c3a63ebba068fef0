"""Toponym resolution: candidates from the gazetteer, ranked with the article's context.

Each mention's candidates are scored by a population prior, how the name matched, feature-word
agreement (``Andar district`` wants an ADM2), ``X, Y`` / ``X in Y`` containment, the report's
locale (whose local press it reads like: ``councilman``, ``£``, ``Gardaí``) and then, name by
name until the choices settle, the article's focus: the countries and divisions the other
mentions (and the dateline) resolve to, each name voting in proportion to its belief in its
readings. Mentions with the same name share one decision (one sense per discourse).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from dateline.places.gazetteer import (
    KIND_ABBR,
    KIND_ALIAS,
    KIND_ALT,
    LEVEL_ADM1,
    LEVEL_ADM2,
    LEVEL_CONTINENT,
    LEVEL_COUNTRY,
    LEVEL_PLACE,
    Candidate,
    Entry,
    Gazetteer,
    read_tsv,
)
from dateline.places.text import fold

# Weights of the ranking features. Chosen by reasoning about news text and checked on the
# development corpora; the order of magnitude matters more than the exact values.
W_LEVEL = {LEVEL_CONTINENT: 2.0, LEVEL_COUNTRY: 2.5, LEVEL_ADM1: 1.0, LEVEL_ADM2: 0.0, 3: 0.0}
W_CAPITAL = 2.5
W_KIND = {0: 0.0, KIND_ALIAS: -0.3, KIND_ALT: -2.0}
#: Extra penalty for an alternate-name match when some place bears the name as its own.
W_ALT_SHADOWED = -2.0
#: A county found through its bare name ("Henry" for Henry County): news names counties in full.
W_DIVISION_ALIAS = -1.7
W_ABBR_MATCH = 2.0
W_ABBR_MISMATCH = -4.0
W_FEATURE = 6.0
W_FEATURE_WEAK = 2.0
W_FEATURE_MISMATCH = -2.5
W_CONTAINER = 6.0
W_TOWN_OVER_DIVISION = 1.5
#: A town inside a division of its own name (Kabul in Kabul province) vs other towns.
W_TOWN_IN_NAMESAKE = 1.5
W_NO_COORD = -5.0
#: A name used as a municipality: towns over divisions and countries, no capital bonus.
W_LOCAL = 2.0
W_FOCUS_COUNTRY = 3.0
W_FOCUS_ANY = 1.0
W_FOCUS_ADM1 = 2.5
W_FOCUS_ADM2 = 1.5
W_DATELINE_COUNTRY = 2.0
W_DATELINE_ADM1 = 2.0
W_CONTAINS_OTHERS = 2.0
#: Geographic coherence: a bonus fading to zero at this distance from the article's other places.
W_NEARBY = 2.5
NEARBY_KM = 400.0
NEARBY_TOP = 25
#: Closeness to the other names' leading readings (not only their chosen ones).
W_RIVAL = 2.0
RIVAL_KM = 100.0
RIVALS = 6
MAX_CANDIDATES = 200
#: Passes over the names when the context is taken into account (stops early when stable).
SWEEPS = 3
#: Readings of a name that vote for the article's focus (the leading few, each with at least
#: this share of the name's belief: many unlikely readings must not add up to a focus); a
#: division takes a surer reading (two stray small towns of one state must not pull each other).
SOFT_TOP = 5
SOFT_MIN = 0.1
SOFT_MIN_DIV = 0.3
#: Vote mass below this is rounding noise.
VOTE_EPS = 0.01
#: The country whose local press a report reads like (locale_cues.tsv): a bonus for its
#: candidates, full from this many distinct cues, stronger for a name used as a municipality.
W_LOCALE = 3.0
W_LOCALE_LOCAL = 5.0
LOCALE_FULL = 3.0
#: Mention sources trusted most when they vote for the article's focus.
SURE_SOURCES = frozenset({"ner", "demonym", "dateline", "given"})


@dataclass
class Mention:
    """A place name to resolve, with what its surroundings say about it."""

    start: int
    end: int
    text: str
    query: str = ""  # the name to look up (``text`` without feature words)
    source: str = "ner"  # ner | demonym | gazetteer | dateline | gold
    code: str | None = None  # a fixed ISO code (demonyms): no lookup needed
    feature_level: int | None = None  # from a feature word: 1, 2, 12 (1 or 2), 3
    container: int | None = None  # index of the mention this one lies in (``X, Y``)
    relation: str | None = None
    distance_km: float | None = None
    is_dateline: bool = False
    local: bool = False  # used as a municipality ("Paris police", "the Athens City Council")

    def __post_init__(self) -> None:
        if not self.query:
            self.query = self.text


@dataclass
class Resolution:
    """The outcome for one mention."""

    entry: Entry | None
    score: float = 0.0  # probability-like confidence of the chosen candidate
    alternatives: list[Entry] = field(default_factory=list)


K = TypeVar("K")

_FEATURES: dict[str, int] | None = None


def feature_words() -> dict[str, int]:
    """Feature word -> level it points to (from ``feature_words.tsv``)."""
    global _FEATURES
    if _FEATURES is None:
        _FEATURES = {r["word"]: int(r["level"]) for r in read_tsv("feature_words.tsv")}
    return _FEATURES


_NUM = r"\d+(?:[.,]\d+)?"
_DIRS = (
    r"north(?:-?east|-?west)?|south(?:-?east|-?west)?|east|west|"
    r"northern|southern|eastern|western|north-eastern|north-western|south-eastern|"
    r"south-western|northeastern|northwestern|southeastern|southwestern|central"
)
_REL_DIR = re.compile(
    rf"(?:(?P<num>{_NUM})\s*(?P<unit>km|kms|kilometers?|kilometres?|miles?|mi)\.?\s+"
    rf"(?:\([^)]{{0,30}}\)\s+)?)?(?P<dir>{_DIRS})\s+(?:part\s+)?of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_REL_NEAR = re.compile(
    r"(?P<rel>near|nearby|outside|close to|near to|next to|the vicinity of|"
    r"(?:the\s+)?outskirts of|(?:the\s+)?suburbs? of|just outside|around|"
    r"(?:the\s+)?edge of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_MILE_KM = 1.609344


def relation_before(text: str, start: int) -> tuple[str | None, float | None]:
    """The relative-location phrase ending right before ``start`` (``20 km north of``)."""
    window = text[max(0, start - 60) : start]
    m = _REL_DIR.search(window)
    if m:
        direction = m.group("dir").lower().replace("-", "")
        direction = {
            "northern": "north", "southern": "south", "eastern": "east", "western": "west",
            "northeastern": "northeast", "northwestern": "northwest",
            "southeastern": "southeast", "southwestern": "southwest",
        }.get(direction, direction)
        dist = None
        if m.group("num"):
            dist = float(m.group("num").replace(",", ""))
            if m.group("unit").lower().startswith("mi"):
                dist = round(dist * _MILE_KM, 1)
        return direction, dist
    m = _REL_NEAR.search(window)
    if m:
        rel = m.group("rel").lower()
        if "outskirts" in rel or "suburb" in rel or "edge" in rel:
            return "outskirts", None
        return "near", None
    return None, None


#: A name used for a municipality: its police, council, schools, residents.
_LOCAL_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:police|policemen|firefighters|fire\s+department|city\s+council|"
    r"council|councilm[ae]n|city\s+hall|city\s+manager|mayor|school\s+board|schools|"
    r"high\s+school|middle\s+school|public\s+library|residents|resident|man|woman|teen|"
    r"native|township|police\s+department)\b",
    re.IGNORECASE,
)
_LOCAL_BEFORE = re.compile(r"\b(?:city|town|village)\s+of\s+$", re.IGNORECASE)
_LIST_OF = re.compile(
    r"(?:\s*(?:,|,?\s+and|,?\s+or)\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)?)+\s+([a-z]+)\b"
)
_FEATURE_OF = re.compile(r"([A-Za-z]+)\s+of\s+(?:the\s+)?$")
_CONTAINER_GAP = re.compile(r"^(?:,\s*|\s+in\s+(?:the\s+)?|\s+of\s+(?:the\s+)?)$")


def annotate(text: str, mentions: list[Mention]) -> None:
    """Fill feature words, ``X, Y`` containers and relative phrases from the text around."""
    feats = feature_words()
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    for pos, i in enumerate(order):
        m = mentions[i]
        words = fold(m.text).split()
        # A feature word inside the span ("Ghazni province") or right after it.
        if len(words) > 1 and words[-1] in feats:
            m.feature_level = feats[words[-1]]
        elif len(words) > 2 and words[0] in feats and words[1] == "of":
            m.feature_level = feats[words[0]]
        else:
            after = re.match(r"\s+([A-Za-z]+)", text[m.end : m.end + 20])
            if after and after.group(1).lower() in feats:
                m.feature_level = feats[after.group(1).lower()]
            listed = _LIST_OF.match(text, m.end, min(len(text), m.end + 120))
            if m.feature_level is None and listed and listed.group(1).lower() in feats:
                # "Barrow, Clarke and Jackson counties": the plural covers every name listed.
                m.feature_level = feats[listed.group(1).lower()]
            before = _FEATURE_OF.search(text[max(0, m.start - 25) : m.start])
            if m.feature_level is None and before and before.group(1).lower() in feats:
                m.feature_level = feats[before.group(1).lower()]
        if pos + 1 < len(order):
            n = mentions[order[pos + 1]]
            if _CONTAINER_GAP.match(text[m.end : n.start]):
                m.container = order[pos + 1]
        if m.relation is None:
            m.relation, m.distance_km = relation_before(text, m.start)
        m.local = _LOCAL_AFTER.match(text, m.end) is not None or (
            _LOCAL_BEFORE.search(text[max(0, m.start - 20) : m.start]) is not None)


@dataclass(frozen=True)
class _LocaleCues:
    """The cues of ``locale_cues.tsv``: words by their first token, patterns, countries."""

    #: first token (lower case) -> (cue id, the cue as one token or a pattern, any case,
    #: the cue's tokens in lower case)
    words: dict[str, list[tuple[int, str | re.Pattern[str], bool, frozenset[str]]]]
    patterns: list[tuple[int, re.Pattern[str]]]
    countries: list[tuple[str, ...]]


_LOCALE: _LocaleCues | None = None
_TOKEN = re.compile(r"[$£€]|(?<!\w)\w+")


def _locale_cues() -> _LocaleCues:
    """The cues, loaded once. A cue written ``re:...`` is a regular expression; a cue in lower
    case matches in any case, others only as written."""
    global _LOCALE
    if _LOCALE is None:
        words: dict[str, list[tuple[int, str | re.Pattern[str], bool, frozenset[str]]]] = {}
        patterns, countries = [], []
        for i, row in enumerate(read_tsv("locale_cues.tsv")):
            cue = row["cue"]
            countries.append(tuple(row["countries"].split(",")))
            if cue.startswith("re:"):
                patterns.append((i, re.compile(cue[3:])))
                continue
            first = _TOKEN.search(cue)
            if first is None:
                continue
            any_case = cue.islower()
            if first.group(0) == cue:
                found: str | re.Pattern[str] = cue
            else:
                # The cue's first word is known to stand alone (a token); a pattern that begins
                # with a literal is searched much faster than one that begins with ``\b``.
                body = re.escape(cue)
                if cue[-1].isalnum():
                    body += r"\b"
                found = re.compile(body)
            needed = frozenset(_TOKEN.findall(cue.lower()))
            words.setdefault(first.group(0).lower(), []).append((i, found, any_case, needed))
        _LOCALE = _LocaleCues(words, patterns, countries)
    return _LOCALE


def locale(text: str) -> dict[str, float]:
    """How much ``text`` reads like the local press of each country, 0..1 per country.

    Each distinct cue (``councilman``, ``£``, ``Garda``) counts once, shared among the countries
    that use it; the shares are scaled down while there are few cues.
    """
    cues = _locale_cues()
    seen: set[int] = set()
    # Only cues whose first word occurs are searched for (one regular expression with every
    # cue as an alternative is slow on long texts).
    lower = text.lower()
    tokens = set(_TOKEN.findall(lower))
    as_written: set[str] | None = None
    for word in tokens.intersection(cues.words):
        for i, found, any_case, needed in cues.words[word]:
            if isinstance(found, str):
                if not any_case and as_written is None:
                    as_written = set(_TOKEN.findall(text))
                hit = any_case or found in (as_written or ())
            else:
                # Every word of the cue must occur before it is worth a search.
                hit = needed <= tokens and found.search(lower if any_case else text) is not None
            if hit:
                seen.add(i)
    seen.update(i for i, pattern in cues.patterns if pattern.search(text))
    votes: dict[str, float] = {}
    for i in seen:
        ccs = cues.countries[i]
        for cc in ccs:
            votes[cc] = votes.get(cc, 0.0) + 1.0 / len(ccs)
    total = sum(votes.values())
    if not total:
        return {}
    strength = min(1.0, total / LOCALE_FULL)
    return {cc: strength * v / total for cc, v in votes.items()}


_ST = re.compile(r"^(st|ste|ft|mt|pt)\b")
_EXPAND = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}


def query_keys(query: str) -> list[str]:
    """Lookup keys for a name: folded, abbreviations expanded, feature words dropped."""
    key = fold(query)
    keys = [key]
    m = _ST.match(key)
    if m:
        keys.append(_EXPAND[m.group(1)] + key[m.end() :])
    elif key.startswith("saint "):
        keys.append("st" + key[5:])
    feats = feature_words()
    words = key.split()
    if len(words) > 1 and words[-1] in feats:
        keys.append(" ".join(words[:-1]))
    if len(words) > 2 and words[0] in feats and words[1] == "of":
        keys.append(" ".join(words[2:]))
    if len(words) > 1 and words[0] in ("city", "town", "village"):
        keys.append(" ".join(words[1:]))
    return list(dict.fromkeys(k for k in keys if k))


class Resolver:
    """Ranks gazetteer candidates for the mentions of one text."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def candidates(self, m: Mention) -> list[Candidate]:
        """Gazetteer candidates of a mention (a demonym's fixed country: one candidate)."""
        if m.code:
            gid = self.gaz.iso.get(m.code)
            entry = self.gaz.get(gid) if gid else None
            return [Candidate(entry, 0)] if entry else []
        best: dict[int, Candidate] = {}
        for i, key in enumerate(query_keys(m.query)):
            for c in self.gaz.lookup(key):
                # A match through a shortened key is a weaker match than the full name.
                kind = c.kind if i == 0 else max(c.kind, KIND_ALIAS)
                old = best.get(c.entry.gid)
                if old is None or kind < old.kind:
                    best[c.entry.gid] = Candidate(c.entry, kind)
        if not best:
            for c in self.demonym_candidates(m.query):
                best.setdefault(c.entry.gid, c)
        cands = sorted(best.values(), key=lambda c: (c.kind, -c.entry.population, c.entry.gid))
        return cands[:MAX_CANDIDATES]

    def demonym_candidates(self, text: str) -> list[Candidate]:
        """Countries, divisions and continents a regular demonym points to.

        ``Minnesotans`` -> Minnesota, ``Ohioan`` -> Ohio, ``Ontarian`` -> Ontario,
        ``European`` -> Europe: the stem must name a country, ADM1, continent or region.
        """
        key = fold(text)
        if key.endswith("s"):
            key = key[:-1]
        if not key.endswith("n") or len(key) < 5:
            return []
        stems = [key[:-1], key[:-2], key[:-2] + "o", key[:-2] + "e", key[:-3] + "a"]
        out = []
        for stem in dict.fromkeys(stems):
            for c in self.gaz.lookup(stem):
                if c.entry.level <= LEVEL_ADM1 and c.kind <= KIND_ALIAS:
                    out.append(Candidate(c.entry, KIND_ALIAS))
        return out

    def resolve(self, text: str, mentions: Sequence[Mention]) -> list[Resolution]:
        """Resolve every mention; those without candidates come back with ``entry=None``."""
        groups: dict[str, list[int]] = {}
        for i, m in enumerate(mentions):
            groups.setdefault(m.code or fold(m.query), []).append(i)
        cands = {g: self.candidates(mentions[idx[0]]) for g, idx in groups.items()}
        group_of = {i: g for g, idx in groups.items() for i in idx}

        where = locale(text) if W_LOCALE else {}
        base = {g: self._base_scores(mentions, idx, cands[g], cands, group_of, where)
                for g, idx in groups.items()}
        choice = {g: _argmax(base[g]) for g in groups}
        focus = _Focus(mentions, groups, cands, choice, base)
        scores = dict(base)
        # One name at a time, each seeing the others' latest choices: updating all at once lets
        # two names swap countries back and forth (Lancaster and York each following the
        # other's previous reading) instead of settling on a coherent reading.
        for _ in range(SWEEPS):
            changed = False
            for g in groups:
                sc = [b + focus.bonus(g, c.entry) for b, c in zip(base[g], cands[g], strict=True)]
                # Distances only for the front runners: the rest cannot win anyway.
                for j in sorted(range(len(sc)), key=lambda j: -sc[j])[:NEARBY_TOP]:
                    sc[j] += focus.nearby(g, cands[g][j].entry)
                scores[g] = sc
                k = _argmax(sc)
                changed = changed or k != choice[g]
                choice[g] = k
                focus.choose(g, cands[g], sc, k)
            if not changed:
                break

        out: list[Resolution] = []
        for i in range(len(mentions)):
            g = group_of[i]
            k = choice[g]
            if k is None:
                out.append(Resolution(None))
                continue
            s = scores[g]
            top = s[k]
            z = sum(math.exp(min(50.0, x - top)) for x in s)
            order = sorted(range(len(s)), key=lambda j: -s[j])
            alts = [cands[g][j].entry for j in order[1:4]]
            out.append(Resolution(cands[g][k].entry, round(1.0 / z, 4), alts))
        return out

    def _base_scores(
        self,
        mentions: Sequence[Mention],
        idx: list[int],
        cands: list[Candidate],
        all_cands: dict[str, list[Candidate]],
        group_of: dict[int, str],
        where: dict[str, float],
    ) -> list[float]:
        first = mentions[idx[0]]
        looks_abbr = "." in first.text or (first.text.isupper() and len(first.text) <= 5)
        # A municipality with its police and council: a capital's or a country's fame says
        # little about which town of the name a local report means.
        local = W_LOCAL and any(mentions[i].local for i in idx)
        feature = next((mentions[i].feature_level for i in idx if mentions[i].feature_level), None)
        containers = [
            all_cands[group_of[c]][:15]
            for c in (mentions[i].container for i in idx)
            if c is not None
        ]
        contained = [
            all_cands[group_of[j]][:15]
            for j, m in enumerate(mentions)
            if m.container is not None and group_of.get(m.container) == group_of[idx[0]]
        ]
        # Towns sharing the name of a division they lie in ("Kabul", "Ghazni").
        town_parents = {
            p
            for c in cands
            if c.entry.level == LEVEL_PLACE
            for p in (c.entry.a1gid, c.entry.a2gid)
            if p
        }
        div_named = {c.entry.gid for c in cands if c.entry.level in (LEVEL_ADM1, LEVEL_ADM2)}
        has_main = any(c.kind == 0 for c in cands)
        # A country's own name means the country, whatever press writes it (Lebanon, Jordan).
        if any(c.entry.level == LEVEL_COUNTRY and c.kind <= KIND_ALIAS for c in cands):
            where = {}
        out = []
        for c in cands:
            e = c.entry
            s = math.log10(e.population + 1) + W_LEVEL.get(e.level, 0.0)
            if e.fcode == "PPLC" and not local:
                s += W_CAPITAL
            if local:
                s += W_LOCAL if e.level == LEVEL_PLACE else -W_LOCAL
            if c.kind == KIND_ABBR:
                s += W_ABBR_MATCH if looks_abbr else W_ABBR_MISMATCH
            else:
                s += W_KIND.get(c.kind, 0.0)
                if c.kind == KIND_ALT and has_main:
                    s += W_ALT_SHADOWED
                if c.kind == KIND_ALIAS and e.level == LEVEL_ADM2 and feature is None:
                    s += W_DIVISION_ALIAS
            if e.lat is None:
                s += W_NO_COORD
            if where and e.cc in where:
                s += (W_LOCALE_LOCAL if local else W_LOCALE) * where[e.cc]
            s += _feature_score(feature, e.level)
            if feature is None and e.level == LEVEL_PLACE and (
                (e.a1gid in div_named) or (e.a2gid in div_named)
            ):
                s += W_TOWN_IN_NAMESAKE
            if feature is None and e.level in (LEVEL_ADM1, LEVEL_ADM2) and e.gid in town_parents:
                s -= W_TOWN_OVER_DIVISION
            if any(_contains(o.entry, e) for cl in containers for o in cl):
                s += W_CONTAINER
            if any(_contains(e, o.entry) for cl in contained for o in cl):
                s += W_CONTAINER / 2
            out.append(s)
        return out


def _feature_score(feature: int | None, level: int) -> float:
    if feature is None:
        return 0.0
    if feature == 12:
        return W_FEATURE if level in (LEVEL_ADM1, LEVEL_ADM2) else W_FEATURE_MISMATCH
    if feature == level:
        return W_FEATURE
    # Some countries call their first-order divisions districts (Uganda); no country calls a
    # second-order division a province or state.
    if feature == LEVEL_ADM2 and level == LEVEL_ADM1:
        return W_FEATURE_WEAK
    return W_FEATURE_MISMATCH


def _contains(outer: Entry, inner: Entry) -> bool:
    """True when ``inner`` lies inside ``outer`` by the administrative hierarchy."""
    if outer.gid == inner.gid:
        return False
    if outer.level == LEVEL_COUNTRY:
        return inner.cc == outer.cc and inner.level > LEVEL_COUNTRY
    if outer.level == LEVEL_ADM1:
        return inner.a1gid == outer.gid
    if outer.level == LEVEL_ADM2:
        return inner.a2gid == outer.gid
    return False


def _unit(votes: float) -> float:
    """Vote mass capped to 0..1: one full vote is enough for a focus bonus."""
    return min(1.0, max(0.0, votes))


def _argmax(scores: list[float]) -> int | None:
    if not scores:
        return None
    return max(range(len(scores)), key=lambda i: (scores[i], -i))


class _Votes(Generic[K]):
    """Votes of each name for keys (countries, divisions), and their sums over all names."""

    def __init__(self) -> None:
        self.by_name: dict[str, dict[K, float]] = {}
        self.name_total: dict[str, float] = {}
        self.total: dict[K, float] = {}
        self.grand = 0.0

    def set(self, g: str, votes: dict[K, float]) -> None:
        """Replace the votes of name ``g``."""
        for k, v in self.by_name.pop(g, {}).items():
            self.total[k] -= v
        self.grand -= self.name_total.pop(g, 0.0)
        for k, v in votes.items():
            self.total[k] = self.total.get(k, 0.0) + v
        if votes:
            self.by_name[g] = votes
            self.name_total[g] = sum(votes.values())
            self.grand += self.name_total[g]

    def others(self, skip: Iterable[str], key: K) -> float:
        """Votes for ``key`` from every name but those in ``skip``."""
        return self.total.get(key, 0.0) - sum(self.by_name.get(g, {}).get(key, 0.0) for g in skip)

    def others_total(self, skip: Iterable[str]) -> float:
        """All votes of every name but those in ``skip``."""
        return self.grand - sum(self.name_total.get(g, 0.0) for g in skip)


class _Focus:
    """What the other mentions of the article resolved to: countries, ADM1s, ADM2s.

    Kept up to date as names change their choice (:meth:`choose`); every figure a name sees
    leaves its own votes out.
    """

    def __init__(
        self,
        mentions: Sequence[Mention],
        groups: dict[str, list[int]],
        cands: dict[str, list[Candidate]],
        choice: dict[str, int | None],
        base: dict[str, list[float]],
    ) -> None:
        self.cc: _Votes[str] = _Votes()
        self.a1: _Votes[int] = _Votes()
        self.a2: _Votes[int] = _Votes()
        self.chosen: dict[str, Entry] = {}
        self.points: dict[str, tuple[float, float]] = {}
        # How many times a name changed its reading (keys the cache of nearness bonuses).
        self.moves = 0
        #: The names (with a choice of readings) currently read as each place.
        self.by_gid: dict[int, set[str]] = {}
        self._near: dict[tuple[str, int], tuple[int, float]] = {}
        self._rival: dict[tuple[str, int], float] = {}
        # Names the tagger called places vote twice as much as names we inferred.
        self.votes = {
            g: sum(2 if mentions[i].source in SURE_SOURCES else 1 for i in idx)
            for g, idx in groups.items()
        }
        self.dateline_group = next(
            (g for g, idx in groups.items() if any(mentions[i].is_dateline for i in idx)), None)
        # The runners-up of every other name: two ambiguous names that have readings close to
        # each other (a town and its county) are probably those readings.
        self.rival_points: list[tuple[str, int, tuple[float, float]]] = []
        for g, cs in cands.items():
            order = sorted(range(len(cs)), key=lambda j: -base[g][j])[:RIVALS]
            for j in order:
                e = cs[j].entry
                if e.level >= LEVEL_ADM2 and e.lat is not None and e.lon is not None:
                    self.rival_points.append((g, e.gid, (e.lat, e.lon)))
        for g in groups:
            self.choose(g, cands[g], base[g], choice[g])

    @property
    def dateline(self) -> Entry | None:
        """The dateline's current reading."""
        return self.chosen.get(self.dateline_group) if self.dateline_group else None

    def choose(self, g: str, cands: list[Candidate], scores: list[float], k: int | None) -> None:
        """Record that name ``g`` now reads as ``cands[k]`` (None: no reading).

        The name votes for the countries and divisions of its leading readings in proportion
        to how sure it is of each (a softmax of their scores): a name torn between two
        countries hardly pulls the others either way, a clear one pulls them fully.
        """
        self.cc.set(g, {})
        self.a1.set(g, {})
        self.a2.set(g, {})
        if self.chosen.get(g) is not (cands[k].entry if k is not None else None):
            self.moves += 1
        old = self.chosen.pop(g, None)
        if old is not None:
            self.by_gid.get(old.gid, set()).discard(g)
        self.points.pop(g, None)
        if k is None:
            return
        e = cands[k].entry
        self.chosen[g] = e
        if len(cands) > 1:
            # Only a name that chose among readings can echo another: a demonym's fixed
            # country (Georgian) is evidence of its own.
            self.by_gid.setdefault(e.gid, set()).add(g)
        if e.level >= LEVEL_ADM2 and e.lat is not None and e.lon is not None:
            self.points[g] = (e.lat, e.lon)
        top = sorted(range(len(scores)), key=lambda j: -scores[j])[:SOFT_TOP]
        best = scores[top[0]]
        weights = [math.exp(scores[j] - best) for j in top]
        z = sum(weights)
        n = self.votes[g]
        cc: dict[str, float] = {}
        a1c: dict[int, float] = {}
        a2c: dict[int, float] = {}
        for j, wt in zip(top, weights, strict=True):
            c = cands[j].entry
            if wt / z < SOFT_MIN:
                continue
            p = n * wt / z
            if c.cc:
                cc[c.cc] = cc.get(c.cc, 0.0) + p * (2 if c.level == LEVEL_COUNTRY else 1)
            if wt / z < SOFT_MIN_DIV:
                continue
            a1 = c.gid if c.level == LEVEL_ADM1 else c.a1gid
            a2 = c.gid if c.level == LEVEL_ADM2 else c.a2gid
            if a1:
                a1c[a1] = a1c.get(a1, 0.0) + p
            if a2:
                a2c[a2] = a2c.get(a2, 0.0) + p
        self.cc.set(g, cc)
        self.a1.set(g, a1c)
        self.a2.set(g, a2c)

    def nearby(self, g: str, e: Entry) -> float:
        """Bonus for lying close to the article's other fine-grained places."""
        if e.level < LEVEL_ADM2 or e.lat is None or e.lon is None:
            return 0.0
        # Unchanged while no name changes its place: later passes mostly ask again.
        cached = self._near.get((g, e.gid))
        if cached is not None and cached[0] == self.moves:
            return cached[1]
        value = self._nearby(g, e.gid, e.lat, e.lon)
        self._near[(g, e.gid)] = (self.moves, value)
        return value

    def _nearby(self, g: str, gid: int, lat0: float, lon0: float) -> float:
        coslat = math.cos(math.radians(lat0))

        def nearest(points: Iterable[tuple[str, int, tuple[float, float]]], limit: float) -> float:
            best = limit
            for h, other, o in points:
                # Neither the name itself nor another name read as this very place counts.
                if h == g or other == gid:
                    continue
                # Equirectangular distance: plenty for a fading bonus, and cheap.
                dx = (o[1] - lon0) * coslat
                dy = o[0] - lat0
                best = min(best, 111.2 * math.sqrt(dx * dx + dy * dy))
            return best

        points = ((h, self.chosen[h].gid, o) for h, o in self.points.items())
        chosen = W_NEARBY * (1.0 - nearest(points, NEARBY_KM) / NEARBY_KM)
        if not W_RIVAL:
            return chosen
        # The runners-up never change: their bonus is worked out once per reading.
        rival = self._rival.get((g, gid))
        if rival is None:
            rival = W_RIVAL * math.exp(-nearest(self.rival_points, 10 * RIVAL_KM) / RIVAL_KM)
            self._rival[(g, gid)] = rival
        return max(chosen, rival)

    def bonus(self, g: str, e: Entry) -> float:
        """Context score of candidate ``e`` for group ``g`` (its own votes left out)."""
        s = 0.0
        # Another name that reads as this very place (Dublin Village, Dublin) is no evidence
        # for it: the two would otherwise confirm each other.
        same = self.by_gid.get(e.gid)
        skip = [g, *(h for h in same if h != g)] if same else [g]
        total = self.cc.others_total(skip)
        if total > VOTE_EPS and e.cc:
            here = self.cc.others(skip, e.cc)
            if here > VOTE_EPS:
                s += W_FOCUS_ANY * _unit(here) + W_FOCUS_COUNTRY * here / total
        if e.level > LEVEL_ADM1 and e.a1gid:
            s += W_FOCUS_ADM1 * _unit(self.a1.others(skip, e.a1gid))
        if e.level > LEVEL_ADM2 and e.a2gid:
            s += W_FOCUS_ADM2 * _unit(self.a2.others(skip, e.a2gid))
        if e.level in (LEVEL_COUNTRY, LEVEL_ADM1, LEVEL_ADM2):
            own = self.chosen.get(g)
            if any(_contains(e, o) for h, o in self.chosen.items() if h != g and o is not own):
                s += W_CONTAINS_OTHERS
        d = self.dateline
        if d is not None and self.chosen.get(g) is not d:
            if e.cc and e.cc == d.cc:
                s += W_DATELINE_COUNTRY
            d_a1 = d.gid if d.level == LEVEL_ADM1 else d.a1gid
            if d_a1 and e.a1gid == d_a1 and e.level > LEVEL_ADM1:
                s += W_DATELINE_ADM1
        return s
