"""The clean stage: repair scraping debris and split off the standfirst and the dateline.

Every repair is found on the raw text by a detector and recorded as a :class:`Repair`, so nothing
is changed silently and every cleaned offset maps back to the raw text. Detectors:

- ``newline``: CR/CRLF line ends become LF;
- ``mojibake``: text decoded with the wrong codec (``donâ€™t``), fixed with ftfy line by line;
- ``control``: invisible control and zero-width characters removed;
- ``quote_artifact``: a straight double quote standing for an apostrophe (``country"s``);
- ``share_widget``: trailing share/social-widget lines in any script (``مشاركة :``, ``Share``);
- ``standfirst``: a summary glued before the dateline on the same line gets its own paragraph;
- ``whitespace``: runs of blanks, trailing blanks, blank-line runs, leading/trailing space.

Edits never overlap (a higher-priority detector wins), so one pass over the raw text gives the
cleaned text, and cleaning cleaned text changes nothing.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

import ftfy

from dateline.model import Article, Dateline, Repair

_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization=None,
    explain=False,
)

# A straight double quote between a letter and an English contraction ending is an apostrophe
# mangled by a scraper (``country"s``, ``Qaeda"s``, ``don"t``).
_QUOTE_ARTIFACT = re.compile(r"(?<=[^\W\d_])\"(?=(?:s|t|re|ve|ll|d|m)\b)")
_CONTROL = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\u200c\u200e\u200f\ufeff]"
)
_BLANK_RUN = re.compile(r"[ \t\u00a0]{2,}|\t|[ \t\u00a0]+(?=\n)")
_NEWLINE_RUN = re.compile(r"\n{3,}")

#: How far into an article a dateline may start (a title and standfirst may precede it).
DATELINE_WINDOW = 1200

# ``KABUL:``, ``BAGHDAD, March 3 —``, ``MOGADISHU (Example Wire) —``, ``NEW DELHI, India:``.
_DATELINE_CAPS = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\-]+(?:[ ][A-Z][A-Z'’.\-]+){0,3})"
    r"(?:,[ ]*(?P<extra>[A-Z][A-Za-z.]+(?:[ ][A-Za-z0-9.]+){0,2}))?"
    r"[ ]*(?:\((?P<agency>[^()\n]{2,40})\))?"
    r"[ ]*(?P<sep>:|[—–]|--?)[ ]+(?=[\"“‘A-Z0-9])"
)
# ``Kyiv —`` at the start of a paragraph: mixed case needs a dash to count as a dateline.
_DATELINE_MIXED = re.compile(
    r"(?:(?<=\n)|^)(?P<place>[A-Z][a-z'’\-]+(?:[ ][A-Z][a-z'’\-]+){0,2})"
    r"(?:,[ ]*(?P<extra>[A-Z][A-Za-z.]+(?:[ ][A-Za-z0-9.]+){0,2}))?"
    r"[ ]*(?:\((?P<agency>[^()\n]{2,40})\))?[ ]*(?P<sep>[—–]|--)[ ]+(?=[\"“‘A-Z0-9])"
)


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    after: str
    kind: str


@functools.cache
def _lexicon() -> dict[str, list[str]]:
    path = resources.files("dateline") / "data" / "clean.json"
    data: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))
    return data


@functools.cache
def _share_line() -> re.Pattern[str]:
    words = sorted(_lexicon()["share_words"], key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    # A whole line made only of share/social words and separators.
    return re.compile(rf"^(?:\s*(?:{alt})\s*[:：|·•,/\-]*\s*)+$", re.IGNORECASE)


def _latin_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c < "\u0250") / len(letters)


def _newline_edits(raw: str) -> Iterator[_Edit]:
    for m in re.finditer(r"\r\n?", raw):
        yield _Edit(m.start(), m.end(), "\n", "newline")


def _mojibake_edits(raw: str) -> Iterator[_Edit]:
    pos = 0
    for line in raw.split("\n"):
        fixed = ftfy.fix_text(line, _FTFY) if not line.isascii() else line
        if fixed != line:
            matcher = difflib.SequenceMatcher(None, line, fixed, autojunk=False)
            for op, i1, i2, j1, j2 in matcher.get_opcodes():
                if op != "equal":
                    yield _Edit(pos + i1, pos + i2, fixed[j1:j2], "mojibake")
        pos += len(line) + 1


def _control_edits(raw: str) -> Iterator[_Edit]:
    for m in _CONTROL.finditer(raw):
        yield _Edit(m.start(), m.end(), "", "control")


def _quote_edits(raw: str) -> Iterator[_Edit]:
    for m in _QUOTE_ARTIFACT.finditer(raw):
        yield _Edit(m.start(), m.end(), "'", "quote_artifact")


def _is_widget_line(line: str, body_latin: bool) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    if _share_line().match(stripped):
        return True
    # A short trailing line in another script under a Latin-script article is widget debris
    # (``مشاركة :``, ``分享到``): sentences of real content are longer or share the article's script.
    return body_latin and len(stripped) <= 40 and _latin_ratio(stripped) < 0.2


def _share_widget_edits(raw: str) -> Iterator[_Edit]:
    body_latin = _latin_ratio(raw[:5000]) > 0.8
    end = len(raw.rstrip())
    cut = end
    # Walk back over trailing widget lines; stop at the first line of real content.
    while cut > 0:
        line_start = raw.rfind("\n", 0, cut) + 1
        if line_start == 0 or not _is_widget_line(raw[line_start:cut], body_latin):
            break
        cut = len(raw[:line_start].rstrip())
    if cut < end:
        yield _Edit(cut, len(raw), "", "share_widget")


def _whitespace_edits(raw: str) -> Iterator[_Edit]:
    lead = len(raw) - len(raw.lstrip())
    if lead:
        yield _Edit(0, lead, "", "whitespace")
    tail = len(raw.rstrip())
    for m in _BLANK_RUN.finditer(raw, lead, tail):
        # Blanks before a newline go; other runs become one space.
        after = "" if m.end() < len(raw) and raw[m.end()] == "\n" else " "
        if m.group() != after:
            yield _Edit(m.start(), m.end(), after, "whitespace")
    for m in _NEWLINE_RUN.finditer(raw, lead, tail):
        yield _Edit(m.start(), m.end(), "\n\n", "whitespace")
    if tail < len(raw) and tail >= lead:
        yield _Edit(tail, len(raw), "", "whitespace")


def find_dateline(text: str) -> tuple[int, int, int] | None:
    """Locate a wire dateline near the start of ``text``.

    Returns ``(match_start, place_end, match_end)``: the place name is ``text[match_start:place_end]``
    and the body starts at ``match_end``. None when there is no dateline.
    """
    stop = set(_lexicon()["dateline_stopwords"])
    window = text[:DATELINE_WINDOW]
    for pattern in (_DATELINE_CAPS, _DATELINE_MIXED):
        for m in pattern.finditer(window):
            place = m.group("place")
            if place.upper().strip(".") in stop or len(place.replace(".", "")) < 3:
                continue
            if pattern is _DATELINE_CAPS and m.start() > 0 and not text[m.start() - 1].isspace():
                continue
            # A caps run inside a sentence (``the NDS: ...``) is not a dateline unless it opens a
            # paragraph or follows a standfirst/title line without a sentence break of its own.
            return m.start(), m.start("place") + len(place), m.end()
    return None


def _standfirst_edits(raw: str) -> Iterator[_Edit]:
    found = find_dateline(raw)
    if found is None:
        return
    start = found[0]
    line_start = raw.rfind("\n", 0, start) + 1
    if start > line_start and raw[line_start:start].strip():
        gap_start = len(raw[:start].rstrip(" \t"))
        yield _Edit(gap_start, start, "\n\n", "standfirst")


# Detectors in priority order: when two edits overlap, the earlier detector's edit is kept.
_DETECTORS = (
    _newline_edits,
    _control_edits,
    _share_widget_edits,
    _standfirst_edits,
    _mojibake_edits,
    _quote_edits,
    _whitespace_edits,
)


def _select(raw: str) -> list[_Edit]:
    accepted: list[_Edit] = []
    taken: list[tuple[int, int]] = []
    for detector in _DETECTORS:
        for edit in detector(raw):
            if raw[edit.start : edit.end] == edit.after:
                continue
            if any((edit.start < e and s < edit.end) or edit.start == s for s, e in taken):
                continue
            accepted.append(edit)
            taken.append((edit.start, edit.end))
    accepted.sort(key=lambda e: e.start)
    return accepted


def _one_pass(raw: str) -> tuple[str, list[Repair]]:
    parts: list[str] = []
    repairs: list[Repair] = []
    pos = 0
    out_len = 0
    for edit in _select(raw):
        parts.append(raw[pos : edit.start])
        out_len += edit.start - pos
        parts.append(edit.after)
        repairs.append(
            Repair(
                kind=edit.kind,
                raw_start=edit.start,
                raw_end=edit.end,
                start=out_len,
                end=out_len + len(edit.after),
                before=raw[edit.start : edit.end],
                after=edit.after,
            )
        )
        out_len += len(edit.after)
        pos = edit.end
    parts.append(raw[pos:])
    return "".join(parts), repairs


def _map(spans: list[tuple[int, int, int, int]], p: int, side: str) -> int:
    """Map offset ``p`` through sorted ``(from_start, from_end, to_start, to_end)`` replacements.

    A point on a replaced region maps to the region's start (``side="start"``) or end.
    """
    hits = [sp for sp in spans if sp[0] <= p <= sp[1]]
    if hits:
        return hits[0][2] if side == "start" else hits[-1][3]
    before = [sp for sp in spans if sp[1] < p]
    if before:
        return before[-1][3] + (p - before[-1][1])
    return p


def _compose(
    raw: str, first: list[Repair], mid: str, second: list[Repair], out: str
) -> list[Repair]:
    """Repairs raw->out from repairs raw->mid and mid->out.

    Repairs of the two passes that overlap or touch (in ``mid`` offsets) become one repair, so
    every group maps cleanly at both ends.
    """
    intervals = sorted(
        [(r.start, r.end, r.kind) for r in first]
        + [(r.raw_start, r.raw_end, r.kind) for r in second]
    )
    groups: list[list[tuple[int, int, str]]] = []
    for iv in intervals:
        if groups and iv[0] <= max(e for _, e, _ in groups[-1]):
            groups[-1].append(iv)
        else:
            groups.append([iv])
    back = [(r.start, r.end, r.raw_start, r.raw_end) for r in first]
    fwd = [(r.raw_start, r.raw_end, r.start, r.end) for r in second]
    out_repairs = []
    for g in groups:
        a, b = g[0][0], max(e for _, e, _ in g)
        rs, re_ = _map(back, a, "start"), _map(back, b, "end")
        cs, ce = _map(fwd, a, "start"), _map(fwd, b, "end")
        if raw[rs:re_] == out[cs:ce]:
            continue
        kinds = "+".join(dict.fromkeys(k for _, _, k in g))
        out_repairs.append(Repair(kinds, rs, re_, cs, ce, raw[rs:re_], out[cs:ce]))
    return out_repairs


def clean_text(raw: str) -> tuple[str, list[Repair]]:
    """Repair ``raw`` and return the cleaned text with the list of repairs, in text order.

    Passes repeat until nothing changes (a repair can expose another, e.g. blanks left after a
    removed widget line), so cleaning cleaned text is a no-op.
    """
    text, repairs = _one_pass(raw)
    for _ in range(6):
        again, more = _one_pass(text)
        if not more:
            break
        repairs = _compose(raw, repairs, text, more, again)
        text = again
    return text, repairs


def clean_article(article: Article) -> Article:
    """Clean ``article.raw_text`` into ``article.text``; set standfirst, dateline and repairs."""
    article.text, article.repairs = clean_text(article.raw_text)
    found = find_dateline(article.text)
    if found is not None:
        start, place_end, _ = found
        article.dateline = Dateline(text=article.text[start:place_end], start=start, end=place_end)
        if start > 0:
            article.standfirst = (0, len(article.text[:start].rstrip()))
    if not article.text.strip():
        article.warnings.append("nothing is left after cleaning: the input held only debris")
    article.stages.append("clean")
    return article


def stage(articles: Iterable[Article]) -> Iterator[Article]:
    """Clean every article. Needs: ``raw_text``. Adds: ``text``, repairs, standfirst, dateline."""
    for article in articles:
        yield clean_article(article)
