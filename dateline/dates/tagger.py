"""A fast regex and lexicon temporal tagger that normalises to TIMEX3, anchored on the DCT.

:func:`tag` finds temporal expressions in plain text and gives each a TIMEX3 type, value and
mod relative to the document creation time (the publication date). It needs no parser: tense
comes from cue words near the expression unless a ``tense`` callback (for example one reading a
spaCy parse) is given. Word lists live in ``dateline/data/dates/lexicon.json``.

Conventions follow TimeML / TempEval-3: ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``, durations
``P2Y``/``PT5H``/``PXY``, ``1998-Q3``, ``1998-W12``, ``1998-W12-WE``, ``1998-SU``, parts of
day ``TMO``/``TAF``/``TEV``/``TNI``, sets ``P1W``/``XXXX-WXX-2``. DCT-relative expressions
(``yesterday``, ``last year``, weekdays, ``two weeks ago``) use the DCT; anaphoric ones (``the
next day``, ``a year earlier``, ``the quarter``) use a reference time that moves to each dated
expression in turn. Without a DCT, DCT-relative expressions get ``X`` placeholders and are
reported as unanchored.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateline.dates.calendar import GRANS, Point, nth_weekday
from dateline.dates.lexicon import Lexicon, alternation, load
from dateline.dates.numbers import number_pattern, parse_number

#: tense(start, end) -> "past" | "future" | "present" | None for the expression text[start:end]
TenseFn = Callable[[int, int], "str | None"]

_FLAGS = re.IGNORECASE


@dataclass
class Timex:
    """One temporal expression found by :func:`tag`."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    anchored: bool = True
    point: Point | None = None  # the calendar period a DATE/TIME denotes, when known


@dataclass
class _Norm:
    type: str
    value: str
    mod: str | None = None
    anchored: bool = True
    point: Point | None = None
    sets_ref: bool = True
    end: int | None = None  # where the expression ends when shorter than the match


@dataclass
class _Ctx:
    text: str
    dct: dt.date | None
    tense_fn: TenseFn
    ref: Point | None = None
    last_quarter: Point | None = None
    last_quarter_end: int = -10**9

    def tense(self, start: int, end: int) -> str | None:
        return self.tense_fn(start, end)

    def quarter_context(self, pos: int) -> Point | None:
        """The quarter last mentioned, when it is recent enough to anchor "a year earlier"."""
        if self.last_quarter is not None and pos - self.last_quarter_end < 800:
            return self.last_quarter
        return None


Handler = Callable[[re.Match[str], _Ctx], "_Norm | None"]

_UNIT_GRAN = {"D": "D", "W": "W", "FN": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "Y", "CE": "Y",
              "ML": "Y", "H": "D", "MIN": "D", "S": "D"}
_UNIT_YEARS = {"DE": 10, "CE": 100, "ML": 1000}
_FINER = {g: i for i, g in enumerate(GRANS)}


# --------------------------------------------------------------------------------------------
# Value helpers


def duration_value(n: float | None, unit: str) -> str:
    """The TIMEX3 duration value of ``n`` units (``None``: an unspecified number, ``X``)."""
    if n is None:
        if unit in ("H", "MIN", "S"):
            return f"PTX{'M' if unit == 'MIN' else unit}"
        return "PX" + {"DE": "Y", "CE": "Y", "ML": "Y", "FN": "W"}.get(unit, unit)
    if unit in _UNIT_YEARS:
        n, unit = n * _UNIT_YEARS[unit], "Y"
    elif unit == "FN":
        n, unit = n * 2, "W"
    whole = int(n)
    frac = n - whole
    time_unit = unit in ("H", "MIN", "S")
    sym = {"MIN": "M"}.get(unit, unit)
    prefix = "PT" if time_unit else "P"
    if frac < 1e-9:
        return f"{prefix}{whole}{sym}"
    sub = {"Y": (12, "M", False), "M": None, "W": (7, "D", False), "D": (24, "H", True),
           "H": (60, "M", True), "MIN": (60, "S", True), "Q": (3, "M", False)}.get(unit)
    if sub is None or abs(frac * sub[0] - round(frac * sub[0])) > 1e-9:
        return f"{prefix}{n:g}{sym}"
    mult, sub_sym, sub_time = sub
    head = f"{prefix}{whole}{sym}" if whole else prefix
    if sub_time and not time_unit:
        head += "T"
    out = f"{head}{round(frac * mult)}{sub_sym}"
    return out.replace("P0", "P") if out.startswith("P0") else out


def _unanchored(gran: str) -> str:
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX",
            "Q": "XXXX-QX", "H": "XXXX-HX", "S": "XXXX-XX", "Y": "XXXX", "DE": "XXX",
            "CE": "XX"}.get(gran, "XXXX-XX-XX")


def _date_norm(point: Point | None, gran: str, mod: str | None = None) -> _Norm:
    if point is None:
        return _Norm("DATE", _unanchored(gran), mod, anchored=False, sets_ref=False)
    return _Norm("DATE", point.value(), mod, point=point)


def _dct_point(ctx: _Ctx, gran: str) -> Point | None:
    return Point.of(gran, ctx.dct) if ctx.dct else None


def _safe_shift(p: Point | None, n: int, unit: str | None = None) -> Point | None:
    if p is None:
        return None
    try:
        return p.shift(n, unit)
    except (ValueError, OverflowError):
        return None


def _make_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year2(y: str) -> int:
    v = int(y)
    if len(y) == 2:
        return 1900 + v if v >= 30 else 2000 + v
    return v


def _pick_year(ctx: _Ctx, month: int, day: int | None, start: int, end: int,
               weekday: int | None = None, far_tense: str | None = None) -> int | None:
    """The year of a month (and day) written without one, from the DCT and the tense.

    ``far_tense`` (the clause's tense) decides between the year before and after when even
    the nearest reading of the day lies months away from the DCT.
    """
    if ctx.dct is None:
        return None
    tense = ctx.tense(start, end)
    base = ctx.dct
    cands = []
    for y in (base.year - 1, base.year, base.year + 1):
        d = _make_date(y, month, day or 1)
        if d is None and day is not None:
            d = _make_date(y, month, 28)
        if d is not None:
            cands.append((y, d))
    if not cands:
        return None
    if weekday is not None and day is not None:
        # "Monday, Oct. 26": the year in which that day is that weekday.
        fits = [c for c in cands if c[1].isoweekday() == weekday]
        if fits:
            return min(fits, key=lambda c: abs((c[1] - base).days))[0]
    if day is None:
        # A month counts as "past" as soon as it has begun.
        months = [(y, (d.year - base.year) * 12 + d.month - base.month) for y, d in cands]
        if tense == "future":
            fut = [y for y, k in months if k >= 0]
            return fut[0] if fut else base.year
        if tense == "past":
            past = [y for y, k in months if k <= 0]
            return past[-1] if past else base.year
        # News looks back more than ahead: a month ahead of the DCT is meant only when it
        # is close (up to a quarter ahead) and nearer than the same month behind.
        ahead = [c for c in months if 0 < c[1] <= 3]
        behind = [c for c in months if c[1] <= 0]
        if ahead and (not behind or ahead[0][1] < -behind[-1][1]):
            return ahead[0][0]
        return behind[-1][0] if behind else base.year
    # A day or two of slack: the DCT may lag the writing by a day.
    if tense == "future":
        fut = [y for y, d in cands if (d - base).days >= -1]
        return fut[0] if fut else base.year
    if tense == "past":
        past = [y for y, d in cands if (d - base).days <= 1]
        return past[-1] if past else base.year
    nearest = min(cands, key=lambda c: abs((c[1] - base).days))
    if far_tense in ("past", "future") and abs((nearest[1] - base).days) > _FAR_DAYS:
        side = [c for c in cands if ((c[1] - base).days <= 0) == (far_tense == "past")]
        if side:
            return min(side, key=lambda c: abs((c[1] - base).days))[0]
    return nearest[0]


#: A month and day more than this many days from the DCT either way takes its year from tense.
_FAR_DAYS = 60


def _weekday_date(ctx: _Ctx, wd: int, rel: str | None, start: int, end: int) -> dt.date | None:
    """The date of a weekday name: news tense rules around the DCT (or the reference day)."""
    rel = (rel or "").lower().replace("the ", "").strip()
    anchor = ctx.dct
    if rel in ("previous", "following", "preceding") and ctx.ref is not None:
        anchor = ctx.ref.day
    if anchor is None:
        return None
    diff = wd - anchor.isoweekday()
    if rel in ("next", "coming", "following"):
        return anchor + dt.timedelta(days=diff % 7 or 7)
    if rel in ("last", "past", "previous", "preceding"):
        return anchor - dt.timedelta(days=(-diff) % 7 or 7)
    if rel == "this":
        # "this Friday": the one in the current week.
        return anchor + dt.timedelta(days=diff)
    if diff == 0:
        return anchor
    before = ctx.text[max(0, start - 16): start]
    tense: str | None
    if _WEEKDAY_FUTURE.search(before):
        # "by Friday" looks ahead, unless the clause is in the past perfect ("had filed
        # by Friday", "until Friday they had not ...").
        tense = "past" if _past_perfect_near(ctx.text, start, end) else "future"
    else:
        tense = ctx.tense(start, end)
    if tense == "future" or (tense == "present" and diff > 0):
        return anchor + dt.timedelta(days=diff % 7)
    return anchor - dt.timedelta(days=(-diff) % 7)


# --------------------------------------------------------------------------------------------
# Patterns


@dataclass(frozen=True)
class _Rule:
    name: str
    regex: re.Pattern[str]
    handler: Handler
    needs: tuple[str, ...] = ()  # a match contains one of these (lower-case); () = no filter


def _lower(m: re.Match[str], group: str) -> str:
    s = m.group(group)
    return " ".join(s.lower().split()) if s else ""


def _month_num(lex: Lexicon, s: str) -> int:
    return lex.months[s.lower().rstrip(".")]


def _build_rules(lex: Lexicon) -> list[_Rule]:
    month_full = alternation(w for w in lex.months if len(w) > 4 or w in ("may", "june", "july"))
    month_abbr = alternation((w for w in lex.months if len(w) <= 4 and w not in ("may",)),
                             dot=True)
    MON = rf"(?P<mon>{month_full}|{month_abbr})(?!\w)"
    WD_full = alternation(w for w in lex.weekdays if len(w) > 5)
    WD_abbr = alternation(w for w in lex.weekdays if len(w) <= 5)
    WD = rf"(?P<wd>{WD_full}|{WD_abbr}\.)(?!\w)"
    DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:,.]\d)"
    YEAR = r"(?P<y>(?:1[0-9]|20)\d\d)(?![\d%]|,\d)"
    NUM = number_pattern()
    VAGUE = alternation(lex.vague_numbers)
    unit_words = alternation(lex.units)
    UNIT = rf"(?P<unit>{unit_words})(?!\w)"
    POD = alternation(k for k in lex.parts_of_day if not k.startswith("t"))
    SEASON = alternation(lex.seasons)
    ORD = alternation(w for w in lex.ordinals if w != "last")
    wd_rel = r"(?:(?P<rel>last|next|this|coming|past|previous|following|preceding|the\s+previous|" \
        r"the\s+following|the\s+next|the\s+preceding)\s+)?"
    tens_words = alternation(w for w, v in lex.numbers.items() if 20 <= v <= 90 and v % 10 == 0
                             and " " not in w)
    ones_words = alternation(w for w, v in lex.numbers.items() if 1 <= v <= 9 and " " not in w
                             and w not in ("a", "an"))
    teens = alternation(w for w, v in lex.numbers.items() if 10 <= v <= 19 and " " not in w)
    # A year in words: "nineteen ninety-four", "two thousand and three" (after "the year").
    SPELLED = rf"(?P<sy>(?:nineteen|twenty)\s+(?:{tens_words}(?:[\s-]+{ones_words})?|{teens})" \
        rf"|(?<=year\s)two\s+thousand(?:\s+(?:and\s+)?(?:{ones_words}|{teens}))?)(?!\w)"
    ampm = r"(?P<ampm>[ap]\.?\s?m\b\.?)"
    tz = alternation(lex.time_zones)

    rules: list[_Rule] = []

    def first_words(words: object) -> tuple[str, ...]:
        return tuple(sorted({str(w).lower().split()[0] for w in words}))  # type: ignore[attr-defined]

    # Literals without which a rule cannot match: windows lacking all of them are not scanned
    # by that rule (a speed-up only; every pattern below contains one of its literals).
    needs = {
        "iso": ("-",), "slash": ("/",), "week_of": ("week",), "spelled_year": (
            "nineteen", "twenty", "thousand"), "decade": ("0s", "0's", "0’s"),
        "decade_words": ("ties",), "century": ("century",), "season": tuple(lex.seasons),
        "quarter": ("quarter",), "period_q": ("period",), "year_ago_adj": ("year-",),
        "half": ("half",), "the_weekend": ("weekend",), "year_end": ("end",),
        "earlier_this": ("this",), "clock24": (":",), "half_unit": ("half",),
        "unit_and_half": ("half",), "the_units": ("years", "decades", "centuries"),
        "vague_period": ("recent", "coming", "ensuing"), "vague_ahead": ("ahead",),
        "set_every": ("every", "each"), "set_times": ("once", "twice", "thrice", "times"),
        "month_set": ("every", "each"), "weekday_set2": ("every", "each"),
        "holiday": first_words(list(lex.holidays_fixed) + list(lex.holidays_rule)),
    }

    def rule(name: str, pattern: str, handler: Handler) -> None:
        # Every expression starts at a word boundary.
        rules.append(_Rule(name, re.compile(r"(?<!\w)" + pattern, _FLAGS), handler,
                           needs.get(name, ())))

    # -- explicit calendar dates --------------------------------------------------------------
    def h_iso(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        d = _make_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d is None:
            return None
        p = Point.of("D", d)
        if m["H"]:
            return _Norm("TIME", f"{d.isoformat()}T{m['H']}:{m['M']}", point=p)
        return _Norm("DATE", d.isoformat(), point=p)

    rule("iso", r"\b(?P<y>1\d{3}|20\d{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)"
                r"(?:T(?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)(?::\d\d)?)?\b", h_iso)

    def h_slash(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        d = _make_date(_year2(m["y"]), int(m["m"]), int(m["d"]))
        return _Norm("DATE", d.isoformat(), point=Point.of("D", d)) if d else None

    rule("slash", r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/"
                  r"(?P<y>\d{4}|\d{2})(?![\d/])", h_slash)

    # Day, month and year as two-digit numbers and a year (`27 05 2019`, `27.05.2019`), the
    # day-first order of most of the world's press; both fields must be two digits.
    rule("dmy", r"(?<![\d/.])(?P<d>3[01]|[12]\d|0[1-9])(?P<sep>[ .])(?P<m>0[1-9]|1[0-2])(?P=sep)"
                r"(?P<y>(?:19|20)\d\d)(?![\d.]\d)", h_slash)

    def h_month_day(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        mon_text = m["mon"]
        if mon_text.lower().rstrip(".") in lex.ambiguous_months and mon_text[0].islower():
            return None
        month = _month_num(lex, mon_text)
        day = int(m["d"])
        if m["y"]:
            year: int | None = int(m["y"])
        else:
            wd = lex.weekdays[m["wd"].lower().rstrip(".")] if m["wd"] else None
            if _lower(m, "mrel") in ("last", "past"):
                year = _pick_year(_Ctx(ctx.text, ctx.dct, lambda s, e: "past"), month, day,
                                  m.start(), m.end(), wd)
            elif _lower(m, "mrel") in ("next", "coming", "this"):
                year = _pick_year(_Ctx(ctx.text, ctx.dct, lambda s, e: "future"), month, day,
                                  m.start(), m.end(), wd)
            else:
                # A month and day without a year: the nearest one to the DCT, unless the word
                # right before it says past or future (tense cues further away mislead more
                # often than they help here).
                adjacent = _adjacent_tense(ctx.text, m.start())
                year = _pick_year(_Ctx(ctx.text, ctx.dct, lambda s, e: adjacent), month, day,
                                  m.start(), m.end(), wd,
                                  far_tense=ctx.tense(m.start(), m.end()) if ctx.dct else None)
        if year is None:
            if _make_date(2000, month, day) is None:
                return None
            return _Norm("DATE", f"XXXX-{month:02d}-{day:02d}", anchored=False, sets_ref=False)
        d = _make_date(year, month, day)
        if d is None:
            return None
        return _Norm("DATE", d.isoformat(), point=Point.of("D", d))

    rule("month_day", rf"(?:{WD},?\s+)?(?:(?P<mrel>last|next|this|past|coming)\s+)?"
                      rf"{MON}\s+(?:the\s+)?{DAY}"
                      rf"(?!\s*(?:%|percent|per\s*cent|points?|mph|km|miles)\b)"
                      rf"(?:,?\s+{YEAR})?", h_month_day)
    rule("day_month", rf"(?:{WD},?\s+)?(?:the\s+)?{DAY}(?:\s+(?:of\s+)?|-){MON}"
                      rf"(?:(?:,?\s+|-){YEAR})?"
                      r"(?P<mrel>)",
         h_month_day)

    def h_week_of(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        day = h_month_day(m, ctx)
        if day is None or day.point is None:
            return _date_norm(None, "W")
        return _date_norm(day.point.coarsen("W"), "W")

    rule("week_of", rf"(?:the\s+)?week\s+of\s+(?P<wd>)(?P<mrel>){MON}\s+(?:the\s+)?{DAY}"
                    rf"(?:,?\s+{YEAR})?", h_week_of)

    def h_month_year(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        year = int(m["y"]) if m["y"] else spelled_year(m["sy"])
        if year is None:
            return None
        p = Point.of("M", dt.date(year, _month_num(lex, m["mon"]), 1))
        return _Norm("DATE", p.value(), point=p)

    rule("month_year", rf"{MON}(?:,|\s+of)?\s+(?:{YEAR}|{SPELLED})", h_month_year)

    def h_month(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        mon_text = m["mon"]
        key = mon_text.lower().rstrip(".")
        rel = _lower(m, "rel")
        if len(key) <= 4 and key not in ("may", "june", "july") and not mon_text.endswith("."):
            return None  # a bare "Jan" or "Dec" is more often a name than a month
        if key in lex.ambiguous_months and (mon_text[0].islower() or (
                not rel and not m["yr"] and not _month_context(ctx.text, m.start()))):
            return None  # "this march", "May" opening a sentence: not months
        month = _month_num(lex, mon_text)
        yr = _lower(m, "yr")
        follow = re.match(r"\s+((?:this|last|next)\s+year)\b", ctx.text[m.end(): m.end() + 16],
                          _FLAGS)
        if not yr and follow:
            yr = " ".join(follow.group(1).lower().split())
        if ctx.dct is None and not yr.endswith(tuple("0123456789")):
            return _Norm("DATE", f"XXXX-{month:02d}", anchored=False, sets_ref=False)
        if yr and yr[-1].isdigit():
            year: int | None = int(yr[-4:])
        elif yr and ctx.dct:
            year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[yr.split()[0]]
        elif rel in ("last", "past", "previous") and ctx.dct:
            year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
        elif rel in ("next", "coming") and ctx.dct:
            year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
        elif rel == "this" and ctx.dct:
            year = ctx.dct.year
        elif re.search(r"\b(?:by|until|till|before)\s+(?:early\s+|late\s+|mid-?)?$",
                       ctx.text[max(0, m.start() - 16): m.start()], _FLAGS):
            year = _pick_year(_Ctx(ctx.text, ctx.dct, lambda s, e: "future"), month, None,
                              m.start(), m.end())
        else:
            # Like a month and day: the nearest such month unless the word before says, or
            # the clause is in the future tense.
            adjacent = _adjacent_tense(ctx.text, m.start())
            if adjacent is None and ctx.tense(m.start(), m.end()) == "future":
                adjacent = "future"
            year = _pick_year(_Ctx(ctx.text, ctx.dct, lambda s, e: adjacent), month, None,
                              m.start(), m.end())
        if year is None:
            return _Norm("DATE", f"XXXX-{month:02d}", anchored=False, sets_ref=False)
        p = Point.of("M", dt.date(year, month, 1))
        return _Norm("DATE", p.value(), point=p)

    rule("month", rf"(?:(?P<rel>last|next|this|past|coming)\s+)?{MON}"
                  rf"(?:\s+(?:of\s+)?(?P<yr>(?:this|last|next)\s+year))?",
         h_month)

    # -- years, decades, centuries -------------------------------------------------------------
    def h_year(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        before = ctx.text[max(0, m.start() - 2): m.start()]
        if re.search(r"[$#£€]\s?$|No\.\s?$", before):
            return None
        after = ctx.text[m.end(): m.end() + 12].lower()
        if re.match(r"\s*(?:%|percent|per\s+cent|people|troops|soldiers|cases|votes|\$|dollars"
                    r"|tons|feet|meters|metres|km|miles|[a-z]+\.com)", after):
            return None
        y = int(m["y"])
        if not 1000 <= y <= 2099:
            return None
        p = Point.of("Y", dt.date(y, 1, 1))
        return _Norm("DATE", p.value(), point=p)

    rule("year", r"(?:(?:fiscal(?:\s+year)?|FY|calendar(?:\s+year)?|the\s+year)\s*)?"
                 r"(?<![\d.,$])(?P<y>(?:1[0-9]|20)\d\d)(?![\d%]|,\d|\.\d|-\d|\s*(?:-|to)\s*\d\d\b)",
         h_year)

    def h_spelled_year(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        y = spelled_year(m["sy"])
        if y is None:
            return None
        return _date_norm(Point.of("Y", dt.date(y, 1, 1)), "Y")

    rule("spelled_year", rf"(?:the\s+year\s+)?{SPELLED}", h_spelled_year)

    def h_decade(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        if m["dy"]:
            y = int(m["dy"])
        else:
            yy = int(m["dd"])
            y = (1900 if yy >= 30 else 2000) + yy
        if y % 10:
            return None
        p = Point.of("DE", dt.date(y, 1, 1))
        return _Norm("DATE", p.value(), point=p)

    rule("decade", r"(?:the\s+)?(?:(?P<dy>1\d{2}0|20\d0)|['’](?P<dd>\d0))['’]?s\b", h_decade)

    def h_decade_words(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        # "the nineties": the 1990s, unless a century is named ("the nineteen-sixties").
        tens = lex.decade_words[_lower(m, "dw")]
        century = 1900 if not m["dcent"] or m["dcent"].lower() == "nineteen" else 2000
        p = Point.of("DE", dt.date(century + 10 * tens, 1, 1))
        return _Norm("DATE", p.value(), point=p)

    rule("decade_words", rf"the\s+(?:(?P<dcent>nineteen|twenty)[\s-]+)?"
                         rf"(?P<dw>{alternation(lex.decade_words)})(?!\w)", h_decade_words)

    def h_century(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        rel = _lower(m, "crel")
        if rel:
            if ctx.dct is None:
                return _date_norm(None, "CE")
            base = Point.of("CE", ctx.dct)
            p = _safe_shift(base, {"this": 0, "last": -1, "next": 1, "past": -1}[rel])
            return _date_norm(p, "CE")
        raw = m["cn"].lower()
        n = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else lex.ordinals.get(raw, 0)
        if not 1 <= n <= 30:
            return None
        p = Point.of("CE", dt.date(max(1, (n - 1) * 100), 1, 1))
        return _Norm("DATE", f"{n - 1:02d}", point=p)

    rule("century", rf"(?:the\s+)?(?:(?P<cn>\d{{1,2}}(?:st|nd|rd|th)|{ORD})|(?P<crel>this|last|"
                    rf"next|past))[\s-]+century\b", h_century)

    # -- seasons, quarters, halves -------------------------------------------------------------
    def h_season(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        code = lex.seasons[m["season"].lower()]
        rel = _lower(m, "rel")
        year = int(m["y"]) if m["y"] else spelled_year(m["sy"]) if m["sy"] else None
        if year is not None:
            p: Point | None = Point.of("S", dt.date(year, 1, 1), code)
            return _date_norm(p, "S")
        if not rel:
            before = ctx.text[max(0, m.start() - 12): m.start()].lower()
            if not re.search(r"\b(?:in|during|this|last|next|by|until|through|since|the)\s+"
                             r"(?:(?:early|late|mid-?)\s*)?$", before):
                return None
            after = ctx.text[m.end(): m.end() + 4].lower()
            if after.startswith(" of") or (m["season"].lower() == "fall" and "the" in before[-5:]):
                return None
        if ctx.dct is None:
            return _date_norm(None, "S")
        this = Point.of("S", dt.date(ctx.dct.year, 1, 1), code)
        if rel in ("last", "past", "previous"):
            p = this if this.day <= ctx.dct and this.span()[1] < ctx.dct else this.shift(-1, "Y")
        elif rel in ("next", "coming"):
            p = this if this.day > ctx.dct else this.shift(1, "Y")
        elif rel == "this" or not rel:
            p = this
            if code == "WI" and ctx.dct.month <= 2:
                p = this.shift(-1, "Y")
        else:
            p = this
        return _date_norm(p, "S")

    rule("season", rf"(?:(?P<rel>last|this|next|past|coming|previous)\s+)?"
                   rf"(?P<season>{SEASON})(?!\w)(?:\s+(?:of\s+)?(?:{YEAR}|{SPELLED}))?",
         h_season)

    # "the quarter a year ago", "the same period last year": a year before the period.
    YEAR_BACK = r"(?:\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?(?:last|the\s+previous|" \
        r"the\s+prior)\s+year(?![\w'’])))"

    q_words = r"(?:(?:fiscal|calendar|year-earlier|year-ago|year\s+earlier|comparable|same|" \
        r"latest|current|previous|last|this|next|recent|just-ended|just\s+ended|year's|" \
        r"the\s+year's|fiscal-)\s*)*"

    def h_quarter(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        words = m.group(0).lower()
        ordw = _lower(m, "qord")
        year = m["y"] or m["y2"] or m["y3"]
        if year:
            if not ordw:
                q = ctx.quarter_context(m.start())
                if q is None:
                    return None
                return _date_norm(Point.of("Q", q.day.replace(year=int(year))), "Q")
            n = 4 if ordw in ("final", "fourth", "4th") else int(lex.ordinals.get(ordw, 0) or
                                                               int(ordw[0]))
            p: Point | None = Point.of("Q", dt.date(int(year), 3 * (n - 1) + 1, 1))
            return _date_norm(p, "Q")
        shift_year = bool(_YEAR_BACK_WORDS.search(words))
        if ordw:
            n = 4 if ordw in ("final", "fourth", "4th") else int(lex.ordinals.get(ordw, 0) or
                                                               int(ordw[0]))
            if ctx.dct is None:
                return _Norm("DATE", f"XXXX-Q{n}", anchored=False, sets_ref=False)
            this = Point.of("Q", dt.date(ctx.dct.year, 3 * (n - 1) + 1, 1))
            if re.search(r"\bnext\b", words):
                p = this if this.day > ctx.dct else this.shift(1, "Y")
            else:
                p = this if this.day <= ctx.dct else this.shift(-1, "Y")
        else:
            ended = _QUARTER_ENDED.match(ctx.text, m.end())
            if ended and ended.group(1).lower() in lex.months and not shift_year:
                # "the quarter ended Sept. 30": the calendar quarter holding that day.
                month = lex.months[ended.group(1).lower()]
                if ended.group(3):
                    y_end: int | None = int(ended.group(3))
                else:
                    y_end = _pick_year(_Ctx(ctx.text, ctx.dct, lambda s, e: "past"), month,
                                       int(ended.group(2)), m.start(), m.end())
                if y_end is not None:
                    return _date_norm(Point.of("Q", dt.date(y_end, month, 1)), "Q")
            if ctx.dct is None:
                return _date_norm(None, "Q")
            dctq = Point.of("Q", ctx.dct)
            if re.search(r"\b(?:current|this)\b", words):
                p = dctq
            elif re.search(r"\bnext\b", words):
                p = dctq.shift(1)
            elif re.search(r"\b(?:last|previous)\b", words) and not shift_year:
                p = dctq.shift(-1)
            elif ctx.quarter_context(m.start()) is not None and not re.search(r"\blatest\b",
                                                                              words):
                p = ctx.quarter_context(m.start())
            else:
                p = dctq.shift(-1)
        if shift_year:
            q = ctx.quarter_context(m.start())
            base = q if q is not None and not ordw else p
            if ordw and p is not None and ctx.dct is not None and re.search(
                    r"\b(?:last|previous|prior)\s+year", words):
                # "the third quarter of last year": that quarter of the calendar year before
                # the DCT's, whether or not this year's third quarter has begun.
                base = Point.of("Q", dt.date(ctx.dct.year, p.day.month, 1))
            norm = _date_norm(_safe_shift(base, -1, "Y"), "Q")
            norm.sets_ref = False
            return norm
        return _date_norm(p, "Q")

    rule("quarter", rf"(?:(?:the|this|last|next)\s+(?!\w+-quarter))?{q_words}"
                    rf"(?:(?P<y3>(?:19|20)\d\d)\s+)?(?:(?P<qord>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+"
                    rf"(?:fiscal\s+|calendar\s+)?quarter(?![\w-])|quarter(?![\w-]|\s+of\s+(?:a|an|the)\b"
                    rf"|\s+(?:million|billion|point|percent|century|hour|mile|inch)))"
                    rf"(?:\s+of\s+(?:fiscal\s+)?{YEAR}|,?\s+(?P<y2>(?:19|20)\d\d)(?!\d)|{YEAR_BACK})?",
         h_quarter)

    def h_period_q(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        words = m.group(0).lower()
        q = ctx.quarter_context(m.start())
        if q is None and m["py"]:
            return _date_norm(Point.of("Y", dt.date(int(m["py"]), 1, 1)), "Y")
        if q is None:
            return None
        if m["py"]:
            return _date_norm(Point.of("Q", q.day.replace(year=int(m["py"]))), "Q")
        if _YEAR_BACK_WORDS.search(words):
            norm = _date_norm(_safe_shift(q, -1, "Y"), "Q")
            norm.sets_ref = False
            return norm
        return _date_norm(q, "Q")

    rule("period_q", rf"(?:the\s+)?(?:latest|year-earlier|year-ago|comparable|same|corresponding|"
                     rf"(?P<py>(?:19|20)\d\d))\s+period\b{YEAR_BACK}?",
         h_period_q)

    def h_year_ago_adj(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        q = ctx.quarter_context(m.start())
        base = q if q is not None else _dct_point(ctx, "Y")
        if base is None:
            return _date_norm(None, "Y")
        norm = _date_norm(_safe_shift(base, -1, "Y"), base.gran)
        norm.sets_ref = False
        return norm

    rule("year_ago_adj", r"\b(?:year-earlier|year-ago)\b", h_year_ago_adj)

    def h_half(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        code = lex.half_years[_lower(m, "half")]
        if m["y"]:
            y: int | None = int(m["y"])
        else:
            y = ctx.ref.day.year if ctx.ref is not None else None
        if y is None:
            return _Norm("DATE", f"XXXX-{code}", anchored=False, sets_ref=False)
        p = Point.of("H", dt.date(y, 1 if code == "H1" else 7, 1))
        return _date_norm(p, "H")

    rule("half", rf"(?:the\s+)?(?P<half>{alternation(lex.half_years)})(?:\s+of\s+"
                 rf"(?:the\s+year|(?:fiscal\s+)?{YEAR}))?", h_half)

    # -- relative periods: last year, this week, the following month ---------------------------
    rel_units = {"week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
                 "weekend": "WE", "fiscal year": "Y", "calendar year": "Y", "day": "D",
                 "quarter": "Q", "fortnight": "W", "season": "S"}

    def h_rel_period(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        rel = _lower(m, "rel").replace("the ", "")
        unit = rel_units[_lower(m, "runit")]
        if m["runit"][0].isupper() and re.search(r"(?:[\"“]|['’]s)\s*$",
                                                  ctx.text[max(0, m.start() - 4): m.start()]):
            return None  # ABC's "This Week": a title, not a week
        gran = unit
        end_mod = "END" if m["rend"] else None
        if unit == "S":
            return None
        if rel == "past" and unit in ("DE", "CE"):
            return _Norm("DURATION", duration_value(1, unit), sets_ref=False)
        if unit == "D":
            return None  # "the next day" and the like are anaphoric (see anaphoric_day)
        dct_rel = rel in ("last", "this", "next", "current", "past", "coming", "latest")
        anchor = _dct_point(ctx, gran) if dct_rel else (
            ctx.ref.coarsen(gran) if ctx.ref is not None else None)
        if anchor is None:
            return _date_norm(None, gran, end_mod)
        n = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "next": 1, "coming": 1,
             "following": 1}.get(rel, 0)
        if unit == "WE" and rel in ("last", "past") and ctx.dct and ctx.dct.isoweekday() >= 6:
            n = -1
        elif unit == "WE" and rel in ("last", "past") and ctx.dct:
            n = -1 if ctx.dct.isoweekday() < 6 else n
        p = _safe_shift(anchor, n) if n else anchor
        return _date_norm(p, gran, end_mod)

    rule("rel_period", r"(?:(?P<rel>last|this|next|past|previous|preceding|coming|following|"
                       r"current|same|that|latest|the\s+past|the\s+previous|the\s+preceding|"
                       r"the\s+coming|the\s+following|the\s+next|the\s+current|the\s+same|"
                       r"the\s+latest|the\s+last)\s+)(?P<runit>(?:fiscal|calendar)\s+year|week|"
                       r"month|year|decade|century|weekend|day|fortnight)(?!s|\w)"
                       r"(?P<rend>['’]s\s+end|[\s-]end\b)?", h_rel_period)

    def h_the_weekend(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        if ctx.dct is None:
            return _date_norm(None, "WE")
        p = Point.of("WE", ctx.dct)
        tense = ctx.tense(m.start(), m.end())
        if ctx.dct.isoweekday() < 5 and tense != "future":
            p = p.shift(-1)
        return _date_norm(p, "WE")

    rule("the_weekend", r"\b(?:the|this)\s+weekend\b", h_the_weekend)

    def h_year_end(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        p = _dct_point(ctx, "Y")
        if m["yrel"] and p is not None:
            p = _safe_shift(p, {"last": -1, "next": 1, "this": 0}[m["yrel"].lower()])
        return _date_norm(p, "Y", "END")

    rule("year_end", r"(?:(?P<yrel>this|last|next)\s+)?\byear(?:['’]s)?[\s-]end\b", h_year_end)

    def h_this_unit_rel(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        unit = rel_units[_lower(m, "tunit")]
        return _date_norm(_dct_point(ctx, unit), unit)

    rule("earlier_this", r"(?:earlier|later)\s+this\s+(?P<tunit>week|month|year)\b",
         h_this_unit_rel)

    def h_the_unit(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        unit = _lower(m, "uu")
        if unit == "year":
            before = ctx.text[max(0, m.start() - 12): m.start()].lower()
            after = ctx.text[m.end(): m.end() + 10].lower()
            if re.match(r"\s+(?:ended|ending|ends|to\s+date)\b", after):
                return _Norm("DURATION", "P1Y", sets_ref=False)
            if m["full"] or re.search(r"\b(?:for|of|during|in)\s+$", before):
                return _date_norm(_dct_point(ctx, "Y"), "Y")
            return _Norm("DURATION", "P1Y", sets_ref=False)
        if unit == "week":
            base = ctx.ref if ctx.ref is not None else _dct_point(ctx, "W")
            return _date_norm(base.coarsen("W") if base else None, "W")
        return None

    rule("the_unit", r"\bthe\s+(?P<full>full\s+|entire\s+|whole\s+)?(?:fiscal\s+)?"
                     r"(?P<uu>year|week)\b"
                     r"(?![\s-](?:earlier|ago|before|later|end)\b|s)", h_the_unit)

    # -- day-level relative words --------------------------------------------------------------
    def h_dayword(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        w = _lower(m, "dw")
        offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                   "the day before yesterday": -2, "the day after tomorrow": 2,
                   "last night": -1, "this morning": 0, "this afternoon": 0,
                   "this evening": 0, "overnight": 0}
        off = offsets[w]
        pod = _lower(m, "dpod")
        pod_code = lex.parts_of_day.get(pod) if pod else None
        if w == "tonight" or w == "last night":
            pod_code = "NI"
        elif w.startswith("this "):
            pod_code = lex.parts_of_day[w.split()[1]]
        elif w == "overnight":
            pod_code = "NI"
        if ctx.dct is None:
            if pod_code:
                return _Norm("TIME", _with_pod("XXXX-XX-XX", pod_code), anchored=False,
                             sets_ref=False)
            return _date_norm(None, "D")
        p = Point.of("D", ctx.dct + dt.timedelta(days=off))
        if pod_code:
            # "overnight" qualifies whatever day the story is on: it does not move the
            # reference time ("down from the previous Friday" still counts from that day).
            return _Norm("TIME", _with_pod(p.value(), pod_code), point=p,
                         sets_ref=w != "overnight")
        return _Norm("DATE", p.value(), point=p)

    rule("dayword", rf"(?P<dw>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
                    rf"today|tonight|yesterday|tomorrow|last\s+night|this\s+morning|"
                    rf"this\s+afternoon|this\s+evening|overnight)(?!\w)"
                    rf"(?:\s+(?P<dpod>{POD}))?(?!\w)", h_dayword)

    def h_anaphoric_day(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        w = " ".join(m.group(0).lower().split())
        pod = _lower(m, "apod")
        if w.startswith("the ") and not re.search(r"\b(?:next|following|previous|preceding|"
                                                   r"same|before|after)\b", w):
            return None  # "the day after the vote": anchored on an event, not a date
        if ctx.ref is not None and ctx.ref.gran == "M" and pod == "day" and re.match(
                r"(?:that|the\s+same)\b", w):
            # "that same day" after "last October": a day of that month, not known which.
            return _Norm("DATE", f"{ctx.ref.value()}-XX", sets_ref=False)
        # The day last named anchors "the next day"; failing one, the DCT does.
        base = ctx.ref.day if ctx.ref is not None and ctx.ref.gran == "D" else ctx.dct
        if base is None:
            return _date_norm(None, "D")
        off = 0
        if re.search(r"next|following|after", w):
            off = 1
        elif re.search(r"previous|before|preceding|prior", w):
            off = -1
        p = Point.of("D", base + dt.timedelta(days=off))
        if pod and pod != "day":
            code = lex.parts_of_day.get(pod, "")
            if pod == "night" and off == -1:
                return _Norm("TIME", _with_pod(p.value(), "NI"), point=p)
            return _Norm("TIME", _with_pod(p.value(), code), point=p) if code else None
        return _Norm("DATE", p.value(), point=p)

    rule("anaphoric_day", rf"(?P<aw>the\s+(?:next|following|previous|preceding|same)|"
                          rf"that(?:\s+same)?|"
                          rf"the(?=\s+(?:day|night|morning|evening)\s+(?:before|after)))\s+"
                          rf"(?P<apod>day|{POD})(?:\s+(?:before|after)(?=\s*(?:[^\w\s]|$)|\s+(?:and|but|"
                          rf"when|while|as)\b))?(?!\w)", h_anaphoric_day)

    def h_part_of_day(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        code = lex.parts_of_day[_lower(m, "ppod")]
        before = ctx.text[max(0, m.start() - 10): m.start()].lower()
        if not m["pmod"] and not re.search(r"\b(?:in|during|by|until|that|this|late|early)\s+$",
                                           before):
            return None
        if m["pday"]:
            # "mid-afternoon yesterday", "late morning Friday": the day named after it.
            day = _parse_day_expr(m["pday"], ctx, m.start("pday"), m.end("pday"))
        else:
            day = ctx.ref.day if ctx.ref is not None and ctx.ref.gran == "D" else ctx.dct
        if day is None:
            return _Norm("TIME", _with_pod("XXXX-XX-XX", code), anchored=False, sets_ref=False)
        mod = {"mid": "MID", "early": "START", "late": "END"}.get(_lower(m, "pmod"))
        return _Norm("TIME", _with_pod(day.isoformat(), code), mod, point=Point.of("D", day),
                     sets_ref=bool(m["pday"]))

    rule("part_of_day", rf"(?:(?P<pmod>mid|early|late)[\s-]+|the\s+)"
                        rf"(?P<ppod>morning|afternoon|evening)(?!\w)"
                        rf"(?:,?\s+(?:on\s+)?(?P<pday>yesterday|today|tomorrow|{WD_full})(?!\w))?",
         h_part_of_day)

    # -- weekdays -----------------------------------------------------------------------------
    def h_weekday(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        wd_text = m["wd"].lower().rstrip(".")
        wd = lex.weekdays[wd_text]
        if re.match(r"['’]s\b", ctx.text[m.end("wd"): m.end("wd") + 3]) and not m["rel"]:
            # "Wednesday's ruling" names a known, hence past, event whatever the clause's tense.
            past = _Ctx(ctx.text, ctx.dct, lambda s, e: "past", ref=ctx.ref)
            d = _weekday_date(past, wd, None, m.start(), m.end())
        else:
            d = _weekday_date(ctx, wd, m["rel"], m.start(), m.end())
        pod = _lower(m, "wpod")
        code = lex.parts_of_day.get(pod) if pod else None
        if not pod and not m["rel"]:
            # "Monday and Tuesday nights": the part of day is shared.
            shared = re.match(rf"\s+(?:and|or)\s+{WD_full}\s+(?P<pod>nights|mornings|"
                              r"afternoons|evenings)\b", ctx.text[m.end(): m.end() + 40], _FLAGS)
            if shared:
                pod = shared["pod"].lower()
                code = lex.parts_of_day[pod]
        if code and pod.endswith("s") and not m["rel"]:
            # "Tuesday nights": every Tuesday night.
            return _Norm("SET", _with_pod(f"XXXX-WXX-{wd}", code), sets_ref=False)
        if d is None:
            if code:
                return _Norm("TIME", _with_pod(f"XXXX-WXX-{wd}", code), anchored=False,
                             sets_ref=False)
            return _Norm("DATE", f"XXXX-WXX-{wd}", anchored=False, sets_ref=False)
        p = Point.of("D", d)
        if code:
            return _Norm("TIME", _with_pod(p.value(), code), point=p)
        return _Norm("DATE", p.value(), point=p)

    rule("weekday", rf"{wd_rel}{WD}(?:['’]s)?(?:\s+(?P<wpod>{POD}))?(?!\w)", h_weekday)

    def h_weekday_set(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        wd = lex.weekdays[m["swd"].lower()]
        return _Norm("SET", f"XXXX-WXX-{wd}", sets_ref=False)

    rule("weekday_set", rf"(?:(?:every|each|on)\s+)?(?P<swd>{WD_full})s(?!\w)", h_weekday_set)
    rule("weekday_set2", rf"(?:every|each)\s+(?P<swd>{WD_full})(?!\w)", h_weekday_set)

    # -- clock times --------------------------------------------------------------------------
    def h_clock(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        special = _lower(m, "special")
        if special and re.search(r"\bhigh\s+$", ctx.text[max(0, m.start() - 6): m.start()],
                                 _FLAGS):
            return None  # "high noon": an idiom
        if special:
            hh, mm = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[special]
        else:
            groups = m.groupdict()
            hh = int(groups.get("h") or groups.get("hh") or groups.get("h2") or "0")
            mm = int(groups.get("min") or groups.get("min2") or 0)
            ap = (m["ampm"] or "").lower()
            if hh > 24 or mm > 59 or (ap and hh > 12):
                return None
            if ap.startswith("p") and hh < 12:
                hh += 12
            elif ap.startswith("a") and hh == 12:
                hh = 0
            if m["inthe"]:
                part = m["inthe"].lower()
                if ("afternoon" in part or "evening" in part or "night" in part) and hh < 12:
                    hh += 12
        date_part = m["cday"]
        day: dt.date | None = None
        if date_part:
            day = _parse_day_expr(date_part, ctx, m.start(), m.end("cday"))
        elif ctx.ref is not None and ctx.ref.gran == "D":
            day = ctx.ref.day
        elif ctx.dct is not None:
            day = ctx.dct
        clock = f"T{hh:02d}:{mm:02d}"
        if day is None:
            return _Norm("TIME", "XXXX-XX-XX" + clock, anchored=False, sets_ref=False)
        return _Norm("TIME", day.isoformat() + clock, point=Point.of("D", day),
                     sets_ref=bool(date_part))

    mon_any = MON.replace("?P<mon>", "?:")
    day_expr = rf"(?:today|tonight|yesterday|tomorrow|(?:{WD_full})|(?:{mon_any}\s+\d{{1,2}}" \
        rf"(?:,?\s+\d{{4}})?))"
    rule("clock", rf"(?:(?P<h>[012]?\d)(?:[:.](?P<min>[0-5]\d))?\s*{ampm}(?:\s+{tz})?"
         rf"|(?P<special>noon|midnight|midday)|(?<![\d.:])(?P<hh>[01]?\d|2[0-3])\s+o['’]clock"
         rf"|(?<![\d.:$,])(?P<h2>1[0-2]|0?[1-9])(?:[:.](?P<min2>[0-5]\d))?"
         rf"(?=\s+in\s+the\s+(?:morning|afternoon|evening)\b|\s+at\s+night\b))"
         rf"(?P<inthe>\s+in\s+the\s+(?:morning|afternoon|evening)|\s+at\s+night)?"
         rf"(?:,?\s+(?:on\s+)?(?P<cday>{day_expr}))?(?!\w)", h_clock)
    rule("clock24", r"(?<![\d.:$])(?P<h>[01]\d|2[0-3]):(?P<min>[0-5]\d)(?!\d|:\d)"
                    r"(?:\s*(?:hours|hrs|GMT|UTC|local\s+time))?(?P<ampm>)(?P<special>)"
                    r"(?P<inthe>)(?P<cday>)", h_clock)

    # -- durations and "N units ago/later" -----------------------------------------------------
    def h_duration(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        unit_word = _lower(m, "unit")
        unit = lex.units.get(unit_word)
        if unit is None or not m["unit"].islower():
            return None
        if unit_word in ("year", "day", "month", "week") and not m["dpre"] and not m["dir"] \
                and re.search(r"(?:\d|\bhours)\s+$", ctx.text[max(0, m.start() - 12): m.start()]):
            return None  # "$5 a year", "24 hours a day": a rate (but "$5 a year earlier")
        num_text = _lower(m, "num")
        vague = bool(m["vague"])
        n: float | None = None
        if not vague:
            n = parse_number(num_text) if num_text else 1.0
            if n is None or n <= 0 or n > 100000:
                return None
            if 1000 <= n <= 2100 and re.fullmatch(r"\d{4}", num_text):
                return None
        dirw = _lower(m, "dir")
        if num_text in ("a", "an", "one") and unit_word.endswith("s") and not unit_word.endswith(
                "ss"):
            return None
        if unit_word == "second" and num_text in ("a", "an", "one"):
            return None  # "a second attack": the ordinal, not a duration
        if unit == "Q" and re.match(r"\s+of\b", ctx.text[m.end(): m.end() + 4]):
            return None  # "three-quarters of its food": a fraction
        if dirw:
            return _relative_shift(ctx, n, unit, dirw, m, m.start("dir"))
        if unit_word in ("night", "nights") and not num_text:
            return None
        value = duration_value(n, unit)
        mod = "APPROX" if m["orso"] else None
        return _Norm("DURATION", value, mod, sets_ref=False)

    dur_pre = r"(?P<dpre>(?:the\s+(?!\S+-(?:year|month|week|day|hour|minute)\b)|these\s+|" \
        r"those\s+)?" \
        r"(?:(?:past|last|next|first|coming|following|previous|latest|final|initial|" \
        r"additional|remaining|full|entire|whole|same|other|year-earlier|preceding|" \
        r"first\s+few|last\s+few|past\s+few|next\s+few)\s+)?)"
    rule("duration", rf"{dur_pre}(?:(?P<vague>{VAGUE})\s+|(?P<num>{NUM})[\s-]+(?:(?:more|"
                     rf"additional|extra|long|straight|consecutive|full|trading)\s+)?)"
                     rf"{UNIT}(?:\s+or\s+so(?=\s+(?:ago|earlier|later)\b))?"
                     rf"(?:[\s-](?P<dir>ago|earlier|later|before\s+that|after\s+that|from\s+now|"
                     rf"hence|previously|beforehand|afterwards?|before(?=[.,;])|after(?=[.,;])|"
                     rf"long)\b)?(?!-old|\s+old)(?P<orso>\s+or\s+so)?", h_duration)
    rule("duration_a", rf"{dur_pre}(?P<num>an?)\s+(?:(?:more|additional|extra|full|long)\s+)?"
                       rf"(?P<vague>)?{UNIT}(?:\s+or\s+so(?=\s+(?:ago|earlier|later)\b))?"
                       rf"(?:[\s-](?P<dir>ago|earlier|later|"
                       rf"before\s+that|after\s+that|from\s+now|hence|before(?=[.,;])|"
                       rf"after(?=[.,;])|previously|long)\b)?(?!-old|\s+old)(?P<orso>\s+or\s+so)?",
         h_duration)

    def h_half_unit(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        unit = lex.units.get(_lower(m, "unit"))
        if unit is None:
            return None
        if m["hdir"]:
            return _relative_shift(ctx, 0.5, unit, _lower(m, "hdir"), m, m.start("hdir"))
        return _Norm("DURATION", duration_value(0.5, unit), sets_ref=False)

    rule("half_unit", rf"(?:a\s+)?half\s+(?:an?\s+)?{UNIT}(?:\s+(?P<hdir>ago|earlier|later)\b)?",
         h_half_unit)

    def h_unit_and_half(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        unit = lex.units.get(_lower(m, "unit"))
        if unit is None:
            return None
        n = parse_number(_lower(m, "num") or "1") or 1.0
        return _Norm("DURATION", duration_value(n + 0.5, unit), sets_ref=False)

    rule("unit_and_half", rf"(?P<num>an?|{NUM})\s+{UNIT}\s+and\s+a\s+half\b", h_unit_and_half)

    def h_bare_units(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        unit = lex.units.get(_lower(m, "unit"))
        if unit is None:
            return None
        if m["bdir"]:
            d = _lower(m, "bdir")
            if d == "ago":
                return _Norm("DATE", "PAST_REF", sets_ref=False)
            return None
        before = ctx.text[max(0, m.start() - 12): m.start()].lower()
        if not re.search(r"\b(?:for|in|within|over|after|than|of|took|take|takes|lasted|"
                         r"lasting|last|recent|coming|past|next|few|spent|spend|through)\s+$",
                         before):
            return None
        return _Norm("DURATION", duration_value(None, unit), sets_ref=False)

    rule("bare_units", r"\b(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries)"
                       r"(?:-long)?(?:\s+(?P<bdir>ago|later|earlier))?\b", h_bare_units)

    def h_the_units(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        # "over the years", "in the years that followed", "in the early years": an
        # unspecified stretch; "the days before the vote" is anchored on an event instead.
        if not re.search(r"\b(?:over|during|through|in)\s+$",
                         ctx.text[max(0, m.start() - 10): m.start()], _FLAGS) or re.match(
                r"\s+(?:before|after|of|since|to|when|leading)\b",
                ctx.text[m.end(): m.end() + 10], _FLAGS):
            return None
        return _Norm("DURATION", duration_value(None, lex.units[_lower(m, "unit")]),
                     sets_ref=False)

    rule("the_units", r"the\s+(?:early\s+)?"
                      r"(?P<unit>years|decades|centuries)\b", h_the_units)

    def h_vague_period(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        unit = lex.units[_lower(m, "vunit")]
        if unit == "Y" and _lower(m, "vw") == "recent":
            return _Norm("DATE", "PAST_REF", sets_ref=False)
        return _Norm("DURATION", duration_value(None, unit), sets_ref=False)

    rule("vague_period", r"(?:the\s+)?(?P<vw>recent|coming|upcoming|ensuing)\s+"
                         r"(?P<vunit>days|weeks|months|quarters|years|decades)\b", h_vague_period)
    rule("vague_ahead", r"the\s+(?P<vunit>days|weeks|months|quarters|years|decades)\s+"
                        r"(?P<vw>ahead)\b", h_vague_period)

    # -- reference words, sets, holidays ---------------------------------------------------------
    ref_words = {w: "PRESENT_REF" for w in lex.present_ref}
    ref_words.update({w: "PAST_REF" for w in lex.past_ref})
    ref_words.update({w: "FUTURE_REF" for w in lex.future_ref})

    def h_ref(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        w = _lower(m, "refw")
        after = ctx.text[m.end(): m.end() + 12].lower()
        if w in ("current", "future", "recent") and re.match(
                r"\s+(?:account|accounts|events|affairs|tense|generation|generations|"
                r"president|leader|leaders|members?|quarters?|years?|months?|weeks?|days?)\b",
                after):
            return None
        if w in ("the past", "future") and re.match(r"\s+(?:few|several|two|three|\d)", after):
            return None
        return _Norm("DATE", ref_words[w], sets_ref=False)

    rule("ref", rf"(?P<refw>{alternation(ref_words)})(?!\w)", h_ref)

    def h_set(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        if m["setw"]:
            word = _lower(m, "setw")
            if " " not in word and word != "daily" and re.match(
                    r"\s+(?!and\b|or\b|basis\b|by\b|in\b|on\b|at\b|to\b|for\b)[a-z]",
                    ctx.text[m.end(): m.end() + 6]):
                # "a quarterly dividend": an adjective, not a recurrence of the event.
                return None
            return _Norm("SET", lex.sets[word], sets_ref=False)
        unit = lex.units.get(_lower(m, "sunit"))
        if unit is None:
            return None
        n = parse_number(_lower(m, "snum")) if m["snum"] else 1.0
        return _Norm("SET", duration_value(n, unit), sets_ref=False)

    rule("set", rf"(?P<setw>{alternation(lex.sets)})(?!\w)", h_set)
    rule("set_every", rf"(?:every|each)\s+(?:(?P<snum>{NUM})\s+)?(?P<sunit>{unit_words})(?!\w)"
                      r"(?P<setw>)?", h_set)
    rule("set_times", rf"(?:once|twice|thrice|(?:{NUM})\s+times)\s+(?:a|an|per|each|every)\s+"
                      rf"(?P<sunit>{unit_words})(?!\w)(?P<snum>)?(?P<setw>)?", h_set)

    def h_month_set(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        return _Norm("SET", f"XXXX-{_month_num(lex, m['mon']):02d}", sets_ref=False)

    rule("month_set", rf"(?:every|each)\s+{MON}", h_month_set)

    def h_holiday(m: re.Match[str], ctx: _Ctx) -> _Norm | None:
        name = _lower(m, "hol")
        rel = _lower(m, "hrel")
        if name in ("christmas", "halloween", "thanksgiving", "election day") and \
                m["hol"][0].islower():
            return None
        year: int | None = int(m["y"]) if m["y"] else None

        def on(y: int) -> dt.date | None:
            if name in lex.holidays_fixed:
                mm, dd = lex.holidays_fixed[name].split("-")
                return _make_date(y, int(mm), int(dd))
            month, wd, nth, offset = lex.holidays_rule[name]
            return nth_weekday(y, month, wd, nth) + dt.timedelta(days=offset)

        if year is None and ctx.dct is not None:
            this = on(ctx.dct.year)
            if this is None:
                return None
            if rel in ("last", "past"):
                year = ctx.dct.year if this < ctx.dct else ctx.dct.year - 1
            elif rel in ("next", "coming"):
                year = ctx.dct.year if this > ctx.dct else ctx.dct.year + 1
            elif rel == "this":
                year = ctx.dct.year
            else:
                y = _pick_year(ctx, this.month, this.day, m.start(), m.end())
                year = y if y is not None else ctx.dct.year
        if year is None:
            return _date_norm(None, "D")
        d = on(year)
        return _date_norm(Point.of("D", d) if d else None, "D")

    holidays = alternation(list(lex.holidays_fixed) + list(lex.holidays_rule))
    rule("holiday", rf"(?:(?P<hrel>last|this|next|past|coming)\s+)?(?P<hol>{holidays})(?!\w)"
                    rf"(?:,?\s+{YEAR})?", h_holiday)
    return rules


def spelled_year(words: str) -> int | None:
    """The year written in words: ``nineteen ninety-four`` -> 1994, ``two thousand`` -> 2000."""
    w = " ".join(words.lower().replace("-", " ").split())
    head, _, rest = w.partition(" ")
    if head in ("nineteen", "twenty"):
        lo = parse_number(rest)
        if lo is None or not 10 <= lo <= 99 or lo != int(lo):
            return None
        return (19 if head == "nineteen" else 20) * 100 + int(lo)
    if w.startswith("two thousand"):
        tail = w[len("two thousand"):].replace(" and ", " ").strip()
        lo = parse_number(tail) if tail else 0.0
        if lo is None or not 0 <= lo <= 99 or lo != int(lo):
            return None
        return 2000 + int(lo)
    return None


def _with_pod(date_value: str, code: str) -> str:
    if code.startswith("T"):
        return date_value + code
    return f"{date_value}T{code}"


_WEEKDAY_FUTURE = re.compile(r"\b(?:until|till|by|as\s+soon\s+as|before)\s+(?:on\s+)?$",
                             re.IGNORECASE)
#: A comparison of figures running up to the expression, in the same sentence.
_COMPARISON = re.compile(r"(?:\bcompared\s+(?:with|to)\s+(?:(?![.!?]\s)[^;])*|"
                         r"\b(?:from|than|versus|vs\.)\s+(?:(?![.!?]\s)[^;])*\d"
                         r"(?:(?![.!?]\s)[^;])*)$", re.IGNORECASE)
_YEAR_BACK_WORDS = re.compile(r"year-(?:earlier|ago)|\byear\s+(?:earlier|ago)|"
                              r"\b(?:last|previous|prior)\s+year\b", re.IGNORECASE)
_QUARTER_ENDED = re.compile(r"\s+(?:that\s+)?(?:ended|ending|ends|through)\s+([A-Za-z]+)\.?\s+"
                            r"(\d{1,2})\b(?:,\s+(\d{4}))?")
_ADJ_PAST = re.compile(r"\b(?:ended|closed|began|started|was|were|since|died|killed|seen|"
                       r"occurred|happened|held|signed|took\s+place)\s+(?:on\s+)?$",
                       re.IGNORECASE)
_ADJ_FUTURE = re.compile(r"\b(?:by|until|till|effective|payable|due|expires?|expiring|"
                         r"starting|beginning|will|scheduled\s+for|set\s+for|slated\s+for|"
                         r"planned\s+for)\s+(?:on\s+)?$", re.IGNORECASE)


_PAST_PERFECT = re.compile(r"\bhad\s+(?:not\s+|never\s+|already\s+)?(?:been\s+)?"
                           r"(?-i:[a-z]+(?:ed|en|wn|ne|ld|ght|ung|ade|id))\b", re.IGNORECASE)


def _past_perfect_near(text: str, start: int, end: int) -> bool:
    """True when a past perfect verb ("had filed") stands in the clause around a span."""
    left = text[max(0, start - 80): start]
    cut = max(left.rfind("."), left.rfind(";"), left.rfind("\n"))
    right = text[end: end + 60]
    stop = min((i for i in (right.find("."), right.find(";")) if i >= 0), default=len(right))
    return bool(_PAST_PERFECT.search(left[cut + 1:]) or _PAST_PERFECT.search(right[:stop]))


def _adjacent_tense(text: str, start: int) -> str | None:
    """Past/future from the word right before a date ("ended March 31", "by Jan. 14")."""
    before = text[max(0, start - 24): start]
    if _ADJ_PAST.search(before):
        return "past"
    if _ADJ_FUTURE.search(before):
        return "future"
    return None


def _month_context(text: str, start: int) -> bool:
    """True when an ambiguous month word (May, March) is used as a month here."""
    before = text[max(0, start - 16): start].lower()
    return bool(re.search(r"\b(?:in|since|until|till|by|of|during|early|late|mid-?|last|next|"
                          r"this|before|after|from|through|between|to|and|or|end|beginning)\s*$",
                          before))


def _parse_day_expr(s: str, ctx: _Ctx, start: int, end: int) -> dt.date | None:
    lex = load()
    w = " ".join(s.lower().split())
    if ctx.dct is None:
        return None
    if w in ("today", "tonight"):
        return ctx.dct
    if w == "yesterday":
        return ctx.dct - dt.timedelta(days=1)
    if w == "tomorrow":
        return ctx.dct + dt.timedelta(days=1)
    if w in lex.weekdays:
        return _weekday_date(ctx, lex.weekdays[w], None, start, end)
    m = re.match(r"([a-z]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?", w)
    if m and m.group(1) in lex.months:
        month = lex.months[m.group(1)]
        day = int(m.group(2))
        adjacent = _adjacent_tense(ctx.text, start)
        year = int(m.group(3)) if m.group(3) else _pick_year(
            _Ctx(ctx.text, ctx.dct, lambda s, e: adjacent), month, day, start, end)
        return _make_date(year, month, day) if year else None
    return None


#: Units whose "N units later/earlier" is annotated as the duration "N units" (TimeML treats
#: "later"/"earlier" as a signal relating an event to the duration's end).
_SIGNAL_UNITS = frozenset({"W", "D", "H", "MIN", "S"})


def _relative_shift(ctx: _Ctx, n: float | None, unit: str, dirw: str, m: re.Match[str],
                    dir_start: int) -> _Norm:
    """``N units ago`` (from the DCT) or ``N units earlier/later`` (from the reference time).

    ``dir_start`` is where the direction word starts in the text.
    """
    sign = -1 if dirw in ("ago", "earlier", "before that", "previously", "beforehand",
                          "before") else 1
    if dirw == "long":
        return _Norm("DURATION", duration_value(n, unit), sets_ref=False)
    if dirw not in ("ago", "from now", "hence") and unit in _SIGNAL_UNITS:
        # "three days later", "an hour earlier": TIMEX3 marks the duration; the day it
        # leads to is kept as its point (event dating reads it) and moves the reference.
        day = _shifted(ctx, n, unit, dirw, m, sign).point if n is not None else None
        if day is not None and day.gran != _UNIT_GRAN.get(unit, "D"):
            day = None  # counted from a year or month: the day it leads to is not known
        return _Norm("DURATION", duration_value(n, unit), point=day, sets_ref=day is not None,
                     end=dir_start)
    return _shifted(ctx, n, unit, dirw, m, sign)


def _shifted(ctx: _Ctx, n: float | None, unit: str, dirw: str, m: re.Match[str],
             sign: int) -> _Norm:
    """The date ``n`` units before (``sign`` -1) or after the anchor of ``dirw``."""
    if n is None:
        return _Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", sets_ref=False)
    gran = _UNIT_GRAN.get(unit, "D")
    quarter = ctx.quarter_context(m.start()) if unit == "Y" and n == 1 else None
    if quarter is not None:
        # Results "a year earlier/ago" compare with the quarter being reported.
        norm = _date_norm(_safe_shift(quarter, -1, "Y"), "Q")
        norm.sets_ref = False
        return norm
    if dirw in ("ago", "from now", "hence") or (dirw == "earlier" and _COMPARISON.search(
            ctx.text[max(0, m.start() - 60): m.start()])):
        # "up 5% from $3 million a year earlier" compares with the present, like "ago".
        anchor: Point | None = _dct_point(ctx, "D")
    else:
        anchor = ctx.ref
    if anchor is None:
        return _date_norm(None, gran)
    if unit in _UNIT_YEARS:
        steps, shift_unit = int(n * _UNIT_YEARS[unit]), "Y"
    elif unit in ("H", "MIN", "S"):
        steps, shift_unit = (1 if unit == "H" and n >= 12 else 0), "D"
    else:
        steps, shift_unit = int(n), unit
    if n != int(n) and unit not in ("H", "MIN", "S"):
        # "a year and a half ago": keep the coarser granularity, shifted by months.
        months = {"Y": 12, "Q": 3, "M": 1}.get(unit)
        if months:
            steps, shift_unit = round(n * months), "M"
    base = anchor if anchor.gran == gran else anchor.coarsen(gran) if _FINER.get(
        anchor.gran, 9) <= _FINER.get(gran, 9) else anchor
    p = _safe_shift(base, sign * steps, shift_unit)
    return _date_norm(p, gran)


# --------------------------------------------------------------------------------------------
# Left-context modifiers


@functools.cache
def _modifier_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = load()
    period = alternation(k for k in lex.period_modifiers if not k.endswith("-"))
    quantity = alternation(lex.quantity_modifiers)
    p_re = re.compile(rf"(?:\b(?:the\s+(?=early|late|mid))?(?P<pm>{period})(?:\s+(?:on|in|of))?\s+|"
                      rf"\b(?:the\s+)?(?P<mid>mid)-)$", _FLAGS)
    q_re = re.compile(rf"\b(?P<qm>{quantity})\s+$", _FLAGS)
    return p_re, q_re


def _extend_left(text: str, t: Timex) -> Timex:
    """Grow ``t`` leftwards over an ``early``/``late``/``about``/``more than`` modifier."""
    p_re, q_re = _modifier_regexes()
    lex = load()
    window = text[max(0, t.start - 30): t.start]
    if t.type in ("DATE", "TIME") and t.value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        m = p_re.search(window)
        if m:
            word = (m.group("pm") or "mid-").lower()
            word = " ".join(word.split())
            if word in ("earlier", "later") and not re.match(
                    r"(?:this|last|next|that|today|tonight|in)\b", t.text, _FLAGS):
                return t
            mod = lex.period_modifiers.get(word, lex.period_modifiers.get("mid-"))
            if word in ("earlier", "later"):
                mod = None
            new_start = t.start - (len(window) - m.start())
            t.start = new_start
            t.text = text[new_start:t.end]
            t.mod = mod
            return t
    if t.type in ("DURATION", "DATE", "TIME", "SET"):
        m = q_re.search(window)
        if m:
            word = " ".join(m.group("qm").lower().split())
            if word in ("over", "within", "under", "some", "around", "about") and t.text.lower(
            ).startswith(("the ", "these ", "this ", "last ", "next ")):
                return t
            if t.type == "DATE" and (t.value.endswith("_REF") or not _is_ago(t.text)):
                if word not in ("about", "around", "approximately", "roughly", "nearly",
                                "almost"):
                    return t
                if t.value.endswith("_REF") or not re.search(r"\d|ago", t.text):
                    return t
            new_start = t.start - (len(window) - m.start())
            t.start = new_start
            t.text = text[new_start:t.end]
            t.mod = lex.quantity_modifiers[word]
    return t


def _is_ago(s: str) -> bool:
    return bool(re.search(r"\b(?:ago|earlier|later)$", s, _FLAGS))


# --------------------------------------------------------------------------------------------
# Tense from cue words


_FUTURE = r"will(?:\s+(?:not\s+)?(?:be|have))?|won['’]t|['’]ll|shall|would|going\s+to|" \
    r"(?:is|are)\s+to|" \
    r"(?:due|scheduled|expected|set|slated|planning|planned|plans?|intends?|aims?|hopes?)\s+to|" \
    r"(?:planning|preparing|preparations)\s+for|" \
    r"upcoming|next(?!\s+to\b)|tomorrow|payable|effective|expires?|scheduled"
_PAST = r"(?P<plan>had\s+been\s+(?:due|scheduled|expected|set|slated)\s+to)|" \
    r"was|were|had|did|ago|last|yesterday|earlier|announced|reported|hit|{verbs}|" \
    r"(?!(?:expected|scheduled|" \
    r"planned|proposed|needed|required|hundred|indeed|exceed|proceed|succeed)\b)" \
    r"(?-i:[a-z]{3,}ed)|has\s+been|have\s+been"
_PRESENT = r"is|are|does|do|says|say|tells"


@functools.cache
def _cue_regex() -> re.Pattern[str]:
    """Tense cue words; irregular past forms come from the lexicon."""
    past = _PAST.replace("{verbs}", alternation(load().past_verbs))
    return re.compile(rf"\b(?:(?P<f>{_FUTURE})|(?P<p>{past})|(?P<r>{_PRESENT}))\b", _FLAGS)


_SENT_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n")


class CueTense:
    """Tense of a span from the nearest tense cue word in its sentence (no parser needed)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    def _sentence(self, pos: int) -> tuple[int, int]:
        if self._starts is None:
            self._starts = [0] + [m.end() for m in _SENT_END.finditer(self.text)]
        i = bisect.bisect_right(self._starts, pos) - 1
        s = self._starts[i]
        e = self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
        return s, e

    def __call__(self, start: int, end: int) -> str | None:
        s, e = self._sentence(start)
        before: tuple[int, str] | None = None
        after: tuple[int, str] | None = None
        prev: tuple[int, str] | None = None
        for m in _cue_regex().finditer(self.text, s, e):
            if start <= m.start() < end:
                continue
            kind = "future" if m.group("f") else "past" if m.group("p") else "present"
            if prev is not None and m.start() - prev[0] <= 12 and prev[1] != "present":
                # "will be held", "would have met": the modal decides; "had been due to
                # expire": a plan that lies in the past.
                kind = prev[1]
            prev = (m.end(), kind) if m.group("f") or m.group("plan") else None
            if m.end() <= start:
                before = (start - m.end(), kind)
            elif after is None:
                after = (m.start() - end, kind)
                break
        # The verb before the expression usually governs it ("said Friday", "will meet on
        # Friday"); a verb right after it does when it opens the clause ("On Friday, X met").
        if before is not None and (before[0] <= 60 or after is None or after[0] > 40):
            return before[1]
        return after[1] if after is not None else None


# --------------------------------------------------------------------------------------------
# Driver


@functools.cache
def _rules() -> list[_Rule]:
    return _build_rules(load())


_WORD = re.compile(r"[^\W\d_]+|\d")
_EXTRA_TRIGGERS = ("now", "today", "tonight", "yesterday", "tomorrow", "overnight", "noon",
                   "midnight", "midday", "quarter", "weekend", "fiscal", "period", "nineteen",
                   "twenty", "clock", "ago", "currently", "current", "recently", "recent",
                   "future", "coming", "ahead", "end")


@functools.cache
def _triggers() -> frozenset[str]:
    """Words that can be part of a temporal expression's head (the rest is never scanned)."""
    lex = load()
    words: set[str] = set(_EXTRA_TRIGGERS)
    for group in (lex.months, lex.weekdays, lex.units, lex.parts_of_day, lex.seasons, lex.sets,
                  lex.holidays_fixed, lex.holidays_rule, lex.decade_words):
        for key in group:
            words.update(w for w in re.split(r"[^a-z]+", key.lower()) if len(w) > 1)
    for refs in (lex.present_ref, lex.past_ref, lex.future_ref):
        for key in refs:
            words.update(w for w in re.split(r"[^a-z]+", key.lower()) if len(w) > 2)
    words.update(w + "s" for w in list(words))
    words -= {"the", "a", "an", "of", "in", "day's", "s"}
    return frozenset(words)


_LEFT, _RIGHT, _GAP = 40, 40, 0


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` around trigger words; only these are scanned by the rules."""
    trig = _triggers()
    out: list[tuple[int, int]] = []
    n = len(text)
    for m in _WORD.finditer(text):
        w = m.group()
        if not (w.isdigit() or w.lower() in trig):
            continue
        s, e = max(0, m.start() - _LEFT), min(n, m.end() + _RIGHT)
        if out and s <= out[-1][1] + _GAP:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    # Start and end windows at whitespace so no word is cut in two.
    snapped = []
    for s, e in out:
        while s > 0 and not text[s - 1].isspace():
            s -= 1
        while e < n and not text[e].isspace():
            e += 1
        snapped.append((s, e))
    return snapped


def tag(text: str, dct: dt.date | None, tense: TenseFn | None = None) -> list[Timex]:
    """Find and normalise the temporal expressions of ``text`` against the DCT ``dct``.

    ``tense(start, end)`` may give the tense governing a span ("past", "future", "present");
    by default it is guessed from the nearest tense cue word in the sentence.
    """
    rules = _rules()
    cands: list[tuple[int, int, int, re.Match[str]]] = []
    windows = _windows(text)
    lowered = [text[ws:we].lower() for ws, we in windows]
    for i, r in enumerate(rules):
        finditer = r.regex.finditer
        for (ws, we), low in zip(windows, lowered, strict=True):
            if r.needs and not any(k in low for k in r.needs):
                continue
            for m in finditer(text, ws, we):
                if m.end() > m.start():
                    cands.append((m.start(), -(m.end() - m.start()), i, m))
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    ctx = _Ctx(text=text, dct=dct, tense_fn=tense or CueTense(text))
    if dct is not None:
        ctx.ref = Point.of("D", dct)
    out: list[Timex] = []
    last_end = -1
    # Longest match wins among overlapping candidates; a rule that declines gives way.
    by_start: dict[int, list[tuple[int, int, int, re.Match[str]]]] = {}
    for c in cands:
        by_start.setdefault(c[0], []).append(c)
    for start in sorted(by_start):
        if start < last_end:
            continue
        for _, neg_len, i, m in by_start[start]:
            end = start - neg_len
            if any(o.start < end and start < o.end for o in out[-1:]):
                continue
            norm = _safe_call(rules[i].handler, m, ctx)
            if norm is None:
                continue
            if norm.end is not None and start < norm.end < end:
                end = norm.end
            t = Timex(start, end, text[start:end], norm.type, norm.value, norm.mod,
                      norm.anchored, norm.point)
            t = _trim(text, t)
            if t.end <= t.start:
                continue
            t = _extend_left(text, t)
            if out and t.start < out[-1].end:
                t.start = out[-1].end
                t.text = text[t.start:t.end].lstrip()
                t.start = t.end - len(t.text)
            if norm.point is not None and norm.point.gran == "Q" and not norm.sets_ref:
                ctx.last_quarter_end = t.end
            if norm.point is not None and norm.sets_ref:
                ctx.ref = norm.point
                if norm.point.gran == "Q":
                    ctx.last_quarter = norm.point
                    ctx.last_quarter_end = t.end
                elif norm.point.gran in ("D", "M") and "quarter" not in t.text.lower() and \
                        not _within(norm.point, ctx.last_quarter):
                    # A new day or month moves the story on, unless it lies in the quarter
                    # (as "the quarter ended Sept. 30" does).
                    ctx.last_quarter = None
            if norm.type == "DURATION" and norm.value in ("P6M", "P9M") and \
                    t.text.lower().startswith(("the ", "first ")):
                # "the nine months", "the first six months": results for a longer period
                # now, so "a year earlier" no longer means the quarter.
                ctx.last_quarter = None
            out.append(t)
            last_end = t.end
            break
    return out


def _within(p: Point, period: Point | None) -> bool:
    """True when ``p`` lies inside ``period``."""
    if period is None:
        return False
    lo, hi = period.span()
    a, b = p.span()
    return lo <= a and b <= hi


def _safe_call(h: Handler, m: re.Match[str], ctx: _Ctx) -> _Norm | None:
    try:
        return h(m, ctx)
    except (ValueError, OverflowError, KeyError, IndexError):
        # An expression the calendar cannot represent (year 0, day 31 in a short month ...)
        # is skipped rather than guessed.
        return None


_TRAIL = re.compile(r"(?:['’]s|['’]|[\s,.;:])+$")


def _trim(text: str, t: Timex) -> Timex:
    """Drop trailing punctuation and a possessive ``'s`` (keeping ``a.m.`` and ``Sept.``)."""
    s = t.text
    m = _TRAIL.search(s)
    if m and not re.search(r"(?:\b[ap]\.m|\b[A-Za-z]{2,4})\.$", s):
        s = s[: m.start()]
    elif m and s.endswith((" ", ",")):
        s = s.rstrip(" ,;:")
    t.end = t.start + len(s)
    t.text = s
    return t
