"""The document model: one typed :class:`Article` that flows through every stage.

Every extracted item carries ``start``/``end`` character offsets into ``Article.text`` (the
cleaned text). ``Article.raw_offset`` maps a cleaned offset back to ``Article.raw_text`` through
the recorded :class:`Repair` list, so any fact can be shown in the text it came from.

The JSON form (``Article.to_dict`` / ``Article.from_dict``) is versioned by
:data:`SCHEMA_VERSION`; the schema is documented in ``docs/schema.md``.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, TypeVar

SCHEMA_VERSION = "1.0"

T = TypeVar("T")


@dataclass
class Repair:
    """One change the cleaner made: ``raw[raw_start:raw_end]`` became ``text[start:end]``."""

    kind: str
    raw_start: int
    raw_end: int
    start: int
    end: int
    before: str
    after: str


@dataclass
class Dateline:
    """The wire dateline (``KABUL:``) split off the body; ``place_id`` is set by the places stage."""

    text: str
    start: int
    end: int
    place_id: str | None = None


@dataclass
class Mention:
    """One textual mention of an entity."""

    start: int
    end: int
    text: str
    kind: str = "name"  # name | acronym | alias | surname | pronoun | nominal
    label: str = ""  # spaCy label of the span, when it came from NER


@dataclass
class Entity:
    """A canonical entity of one article, with every mention of it."""

    id: str
    name: str
    type: str  # PERSON | ORG | GPE | LOC | NORP | FAC | ...
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    nationality: str | None = None
    affiliation: str | None = None


@dataclass
class Place:
    """A place mentioned in the article, resolved to GeoNames where possible."""

    id: str
    name: str
    start: int
    end: int
    text: str
    geonameid: int | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    admin_level: int | None = None  # 0 country, 1 ADM1, 2 ADM2, 3 populated place / below
    country_code: str | None = None  # ISO 3166-1 alpha-2
    country_code3: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin1_code: str | None = None
    admin2: str | None = None
    admin2_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    coord_source: str | None = None
    precision: int | None = None  # ACLED geo_precision: 1 exact, 2 near/part, 3 region
    relation: str | None = None  # near | outskirts | north | east ... for relative places
    distance_km: float | None = None
    resolved: bool = False
    score: float = 0.0
    mention_ids: list[int] = field(default_factory=list)
    source: str | None = None  # how it was found: ner | demonym | dateline | gazetteer | ...


@dataclass
class TimeExpr:
    """A temporal expression normalised to TIMEX3."""

    id: str
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value, e.g. 2020-10-24, 2018-12, P1Y, 2020-10-25TAF
    mod: str | None = None  # START | MID | END | APPROX | ...
    anchored: bool = True  # False when a relative expression had no anchor
    date_start: str | None = None  # ISO date range the value covers, when it is a date
    date_end: str | None = None


@dataclass
class Count:
    """A count of people affected by an event (killed, wounded, arrested, ...)."""

    kind: str  # killed | wounded | arrested | kidnapped | displaced
    number: int | None
    start: int
    end: int
    text: str
    qualifier: str | None = None  # at least | more than | up to | about
    object: str | None = None  # people | civilians | soldiers ...
    vague: bool = False
    # Offset of the casualty word (`killed`, `fatalities`) the count hangs on; counts sharing it
    # are distinct groups of one clause and add up, other counts may restate the same victims.
    cue_start: int | None = None


@dataclass
class Argument:
    """An event participant: actor, target, instrument."""

    role: str  # actor1 | actor2 | instrument | assoc_actor1 | assoc_actor2
    text: str
    start: int
    end: int
    entity_id: str | None = None
    actor_type: str | None = None  # state_forces | rebels | civilians | ... (ACLED inter)


@dataclass
class Event:
    """One event, possibly mentioned in several places of the article."""

    id: str
    trigger: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    plover_type: str | None = None
    plover_mode: str | None = None
    cameo: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    arguments: list[Argument] = field(default_factory=list)
    place_id: str | None = None
    time_id: str | None = None
    date: str | None = None
    date_end: str | None = None
    time_precision: int | None = None
    geo_precision: int | None = None
    counts: list[Count] = field(default_factory=list)
    status: str = "asserted"  # asserted | claimed | denied | hypothetical | planned | negated
    background: bool = False
    source_entity_id: str | None = None
    evidence: list[tuple[int, int]] = field(default_factory=list)
    confidence: float = 0.0


@dataclass
class Quote:
    """An attributed statement: who said what, with the cue and the stance."""

    id: str
    start: int
    end: int
    text: str
    direct: bool
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity_id: str | None = None
    speaker_description: str | None = None
    stance: str = "asserts"  # asserts | confirms | denies | accuses | blames | claims
    # The cue is negated or withheld ("did not confirm", "never said", "declined to comment"):
    # the text reports that the statement was NOT made.
    negated: bool = False
    event_ids: list[str] = field(default_factory=list)
    date: str | None = None
    # Content pieces when the cue interrupts the quotation ("A," he said, "B"); empty when the
    # content is the single span start..end.
    fragments: list[tuple[int, int]] = field(default_factory=list)
    # The quote whose content holds this one's cue ("He says he believes ..." -> "believes" is
    # nested in "says"); None for a top-level statement.
    parent: str | None = None


@dataclass
class Article:
    """A news report and everything dateline extracted from it."""

    raw_text: str
    text: str = ""
    id: str = ""
    source: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime
    language: str | None = None
    path: str | None = None
    standfirst: tuple[int, int] | None = None
    dateline: Dateline | None = None
    repairs: list[Repair] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    stages: list[str] = field(default_factory=list)
    # The spaCy Doc of ``text``, set by the nlp stage; never serialised.
    doc: Any = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.text:
            self.text = self.raw_text
        if not self.id:
            self.id = content_hash(self.raw_text)

    @property
    def extracted(self) -> bool:
        """True unless extraction was skipped (non-English text, for example)."""
        return "nlp" in self.stages

    def raw_offset(self, offset: int) -> int:
        """Map an offset in the cleaned ``text`` to the matching offset in ``raw_text``."""
        starts = [r.start for r in self.repairs]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return offset
        rep = self.repairs[i]
        if offset < rep.end:
            # Inside a replaced region: point at its raw start, the nearest faithful offset.
            return rep.raw_start + min(offset - rep.start, rep.raw_end - rep.raw_start)
        return rep.raw_end + (offset - rep.end)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned-text span to the raw-text span it came from."""
        return self.raw_offset(start), self.raw_offset(end)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, if any."""
        return next((e for e in self.entities if e.id == entity_id), None)

    def place(self, place_id: str | None) -> Place | None:
        """The place with this id, if any."""
        return next((p for p in self.places if p.id == place_id), None)

    def time(self, time_id: str | None) -> TimeExpr | None:
        """The time expression with this id, if any."""
        return next((t for t in self.times if t.id == time_id), None)

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding ``offset`` (the whole text without NLP)."""
        starts = [s for s, _ in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return (0, len(self.text))
        return self.sentences[i]

    def to_dict(self) -> dict[str, Any]:
        """The article as plain JSON-ready data (``schema_version`` included)."""
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        for f in dataclasses.fields(self):
            if f.name == "doc":
                continue
            out[f.name] = _plain(getattr(self, f.name))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_dict` output."""
        from dateline.errors import SchemaError

        version = str(data.get("schema_version", SCHEMA_VERSION))
        if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise SchemaError(
                f"document schema {version} is not readable by this dateline "
                f"(schema {SCHEMA_VERSION}); re-run the pipeline on the source text"
            )
        d = dict(data)
        d.pop("schema_version", None)
        art = cls(raw_text=d.pop("raw_text"))
        art.text = d.pop("text", art.raw_text)
        if d.get("standfirst") is not None:
            d["standfirst"] = tuple(d["standfirst"])
        if d.get("dateline") is not None:
            d["dateline"] = Dateline(**d["dateline"])
        d["repairs"] = [Repair(**r) for r in d.get("repairs", [])]
        d["sentences"] = [tuple(s) for s in d.get("sentences", [])]
        d["entities"] = [
            Entity(**{**e, "mentions": [Mention(**m) for m in e.get("mentions", [])]})
            for e in d.get("entities", [])
        ]
        d["places"] = [Place(**p) for p in d.get("places", [])]
        d["times"] = [TimeExpr(**t) for t in d.get("times", [])]
        d["events"] = [_event_from_dict(e) for e in d.get("events", [])]
        d["quotes"] = [
            Quote(**{**q, "fragments": [tuple(f) for f in q.get("fragments", [])]}) for q in d.get("quotes", [])
        ]
        for k, v in d.items():
            setattr(art, k, v)
        return art


def _event_from_dict(e: dict[str, Any]) -> Event:
    e = dict(e)
    e["arguments"] = [Argument(**a) for a in e.get("arguments", [])]
    e["counts"] = [Count(**c) for c in e.get("counts", [])]
    e["evidence"] = [tuple(x) for x in e.get("evidence", [])]
    return Event(**e)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def content_hash(text: str) -> str:
    """The identity of an article: SHA-256 of its whitespace-normalised text (16 hex digits)."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]
