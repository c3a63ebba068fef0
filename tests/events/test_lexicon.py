"""The events data files load and are internally consistent."""

from __future__ import annotations

from dateline.events.lexicon import load

ACLED_SUBTYPES = {
    "Battles": {"Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_rules_use_only_acled_categories() -> None:
    for rule in load().rules:
        assert rule.sub_event_type in ACLED_SUBTYPES[rule.event_type]


def test_rule_classes_exist_in_the_trigger_table() -> None:
    lex = load()
    classes = {e.cls for entries in lex.triggers.values() for e in entries}
    for rule in lex.rules:
        assert rule.classes & (classes | {"find"}), rule


def test_triggers_use_plover_types_and_cameo_codes() -> None:
    for entries in load().triggers.values():
        for e in entries:
            assert e.plover_type in PLOVER
            assert e.cameo.isdigit() and 1 <= len(e.cameo) <= 4


def test_actor_types_match_acled_inter_codes() -> None:
    codes = {"state_forces": 1, "rebel_groups": 2, "political_militias": 3,
             "identity_militias": 4, "rioters": 5, "protesters": 6, "civilians": 7,
             "external_forces": 8}
    for actor in [*load().actors.values(), *load().groups.values()]:
        assert codes[actor.actor_type] == actor.inter


def test_vague_numbers_cite_their_source() -> None:
    nums = load().numbers
    assert any("ACLED" in s for s in nums["_sources"])
    assert nums["vague"]["dozens"] == 12
    assert nums["vague"]["hundreds"] == 100
