"""Calendar arithmetic on TIMEX3 granularities: a :class:`Point` is a period with a value.

A point is a calendar period (a day, an ISO week, a month, a quarter, a year, ...) identified by its
first day. Shifting keeps the granularity; :meth:`Point.value` writes the TIMEX3 value and
:meth:`Point.span` the first and last day it covers.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from dataclasses import dataclass

#: Granularities, finest first: day, weekend, week, month, season, quarter, half, year, decade,
#: century.
GRANS = ("D", "WE", "W", "M", "S", "Q", "H", "Y", "DE", "CE")
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def add_months(day: dt.date, n: int) -> dt.date:
    """``day`` moved by ``n`` months (clamped to the month's last day)."""
    m0 = day.year * 12 + day.month - 1 + n
    y, m = divmod(m0, 12)
    if y < 1 or y > 9999:
        raise ValueError("year out of range")
    last = _cal.monthrange(y, m + 1)[1]
    return dt.date(y, m + 1, min(day.day, last))


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ISO ``weekday`` (1 = Monday) of a month; ``n == -1`` gives the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        delta = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=delta + 7 * (n - 1))
    last = dt.date(year, month, _cal.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


@dataclass(frozen=True)
class Point:
    """A calendar period of granularity ``gran`` starting on ``day``."""

    gran: str
    day: dt.date
    season: str | None = None

    @classmethod
    def of(cls, gran: str, day: dt.date, season: str | None = None) -> Point:
        """The period of granularity ``gran`` that contains ``day``."""
        if gran in ("W", "WE"):
            start = day - dt.timedelta(days=day.isoweekday() - 1)
        elif gran == "M":
            start = day.replace(day=1)
        elif gran == "Q":
            start = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        elif gran == "H":
            start = dt.date(day.year, 1 if day.month <= 6 else 7, 1)
        elif gran == "Y":
            start = dt.date(day.year, 1, 1)
        elif gran == "DE":
            start = dt.date(max(1, day.year - day.year % 10), 1, 1)
        elif gran == "CE":
            start = dt.date(max(1, day.year - day.year % 100), 1, 1)
        elif gran == "S":
            if season is None:
                raise ValueError("a season point needs its season")
            start = dt.date(day.year, _SEASON_START[season], 1)
        else:
            start = day
        return cls(gran, start, season)

    def shift(self, n: int, unit: str | None = None) -> Point:
        """This point moved by ``n`` units (default: its own granularity)."""
        unit = unit or self.gran
        d = self.day
        if unit == "D":
            d = d + dt.timedelta(days=n)
        elif unit in ("W", "WE"):
            d = d + dt.timedelta(weeks=n)
        elif unit == "FN":
            d = d + dt.timedelta(weeks=2 * n)
        elif unit == "M":
            d = add_months(d, n)
        elif unit == "Q":
            d = add_months(d, 3 * n)
        elif unit == "H":
            d = add_months(d, 6 * n)
        elif unit in ("Y", "S"):
            d = add_months(d, 12 * n)
        elif unit == "DE":
            d = add_months(d, 120 * n)
        elif unit == "CE":
            d = add_months(d, 1200 * n)
        else:
            raise ValueError(f"unknown unit {unit}")
        return Point.of(self.gran, d, self.season)

    def coarsen(self, gran: str) -> Point:
        """The period of granularity ``gran`` holding this point's first day."""
        return Point.of(gran, self.day, self.season if gran == "S" else None)

    def value(self) -> str:
        """The TIMEX3 value of this period."""
        d, g = self.day, self.gran
        if g == "D":
            return d.isoformat()
        if g in ("W", "WE"):
            iy, iw, _ = d.isocalendar()
            return f"{iy:04d}-W{iw:02d}" + ("-WE" if g == "WE" else "")
        if g == "M":
            return f"{d.year:04d}-{d.month:02d}"
        if g == "Q":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if g == "H":
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if g == "S":
            return f"{d.year:04d}-{self.season}"
        if g == "DE":
            return f"{d.year // 10:03d}"
        if g == "CE":
            return f"{d.year // 100:02d}"
        return f"{d.year:04d}"

    def span(self) -> tuple[dt.date, dt.date]:
        """The first and last day of the period."""
        d, g = self.day, self.gran
        if g == "D":
            return d, d
        if g == "WE":
            return d + dt.timedelta(days=5), d + dt.timedelta(days=6)
        if g == "W":
            return d, d + dt.timedelta(days=6)
        months = {"M": 1, "Q": 3, "S": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}[g]
        try:
            last = add_months(d, months) - dt.timedelta(days=1)
        except ValueError:
            last = dt.date(9999, 12, 31)
        return d, last


def parse_iso_date(text: str) -> dt.date | None:
    """The date at the start of an ISO date or datetime string (None when unreadable)."""
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None
