"""The article's focus: how the other names of a text weigh on each name's reading."""

from __future__ import annotations

from dateline.places import resolve_spans
from dateline.places.gazetteer import Gazetteer


def test_two_names_of_one_place_do_not_vouch_for_each_other(gaz: Gazetteer) -> None:
    text = ("Painters from Dublin Village showed their work in Dublin on Saturday. The show "
            "will travel to Ohio in the spring.")
    names = ("Dublin Village", "Dublin on", "Ohio")
    spans = [(text.index(n), text.index(n) + len(n.removesuffix(" on"))) for n in names]
    village, town, state = resolve_spans(text, spans)
    assert state.country_code == "US"
    assert town.country_code == village.country_code == "US"
