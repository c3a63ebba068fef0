"""Unit tests of the GTD evaluation's coding helpers (texts written for these tests)."""

from __future__ import annotations

import pytest

import dateline
from dateline.eval.gtd import attack_type, weapon_type
from dateline.events import principal_event


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        # GTD codes an attack whose means the report does not name as of unknown type.
        ("03/02/2017: Assailants attacked a police checkpoint in the district. No group claimed "
         "responsibility.", "Unknown"),
        ("03/02/2017: Assailants opened fire on a police checkpoint in the district.",
         "Armed Assault"),
        ("03/02/2017: An explosive device detonated near a police checkpoint in the district.",
         "Bombing/Explosion"),
        ("03/02/2017: Assailants abducted two engineers from their car in the district.",
         "Hostage Taking (Kidnapping)"),
        # An attack on a person the report names is an assassination.
        ("03/02/2017: Assailants shot and killed Karim Dostzada, a district council member, in "
         "the town.", "Assassination"),
    ],
)
def test_attack_type(text: str, attack: str) -> None:
    art = dateline.extract(text, published="2017-03-09")
    ev = principal_event(art)
    assert ev is not None
    assert attack_type(ev, art) == attack


def test_weapon_type_needs_a_named_means() -> None:
    art = dateline.extract("03/02/2017: Assailants attacked a police checkpoint in the district.",
                           published="2017-03-09")
    ev = principal_event(art)
    assert ev is not None and weapon_type(art, ev) == "Unknown"
