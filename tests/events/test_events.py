"""The events stage on an article written for these tests (tests/events/fixtures/intel_raid.txt).

It has the phenomena of a typical conflict report: a security agency's operation killing a named
militant (attributed, then confirmed), the arrest of an affiliate, a president accusing a group,
the group's denial, a warning of possible attacks, `at least 20 people were killed` on Saturday,
a roadside bomb killing nine civilians blamed on the group, and historical background.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import dateline
from dateline.events import fatalities, principal_event
from dateline.events.export import (
    ACLED_COLUMNS,
    acled_row,
    acled_rows,
    gkg_counts,
    plover_record,
    plover_records,
)
from dateline.model import Article, Event, Place

TEXT = (Path(__file__).parent / "fixtures" / "intel_raid.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def art() -> Article:
    return dateline.extract(TEXT, published="2021-06-14")


def _killed(ev: Event) -> list[int]:
    return [c.number or 0 for c in ev.counts if c.kind == "killed"]


def _principal_place(text: str, published: str) -> Place | None:
    """Where the principal event of ``text`` happened (None without an event or a place)."""
    art = dateline.extract(text, published=published)
    ev = principal_event(art)
    return art.place(ev.place_id) if ev is not None else None


def _with_count(art: Article, kind: str, number: int) -> Event:
    found = [e for e in art.events if any(c.kind == kind and c.number == number
                                          for c in e.counts)]
    assert found, f"no event with {kind}={number}"
    return found[0]


def test_ids_offsets_and_evidence(art: Article) -> None:
    assert [e.id for e in art.events] == [f"e{i}" for i in range(1, len(art.events) + 1)]
    for ev in art.events:
        assert art.text[ev.start:ev.end] == ev.trigger
        assert ev.sentence_start <= ev.start < ev.end <= ev.sentence_end
        assert ev.evidence
        for s, e in ev.evidence:
            assert 0 <= s < e <= len(art.text)
        for a in ev.arguments:
            assert art.text[a.start:a.end] == a.text
        for c in ev.counts:
            assert art.text[c.start:c.end] == c.text


def test_the_operation_is_one_event_with_several_mentions(art: Article) -> None:
    warsame = next(e for e in art.entities if e.name.endswith("Warsame"))
    ops = [e for e in art.events if any(a.entity_id == warsame.id for a in e.arguments)
           and e.plover_type == "ASSAULT"]
    assert len(ops) == 1
    op = ops[0]
    assert len(op.evidence) >= 2
    assert op.acled_event_type == "Battles"
    assert fatalities(op) == 1
    assert op.status == "asserted"
    assert not op.background
    source = art.entity(op.source_entity_id)
    assert source is not None and "Intelligence" in source.name
    assert principal_event(art) is op


def test_arrest_of_the_affiliate(art: Article) -> None:
    arrest = _with_count(art, "arrested", 1)
    assert arrest.plover_type == "COERCE"
    assert arrest.plover_mode == "arrest"
    assert arrest.cameo == "173"
    assert arrest.acled_sub_event_type == "Arrests"
    assert any(a.role == "actor2" and "affiliate" in a.text for a in arrest.arguments)


def test_accusation_and_denial(art: Article) -> None:
    accusations = [e for e in art.events if e.plover_type == "ACCUSE"]
    assert any(
        any(a.role == "actor1" and "President" in a.text for a in e.arguments)
        and any(a.role == "actor2" and "al-Shabaab" in a.text for a in e.arguments)
        for e in accusations
    )
    denial = [e for e in art.events if e.plover_type == "REJECT"]
    assert denial and denial[0].cameo == "016"
    assert all(e.acled_event_type is None for e in accusations + denial)


def test_warning_of_attacks_is_hypothetical(art: Article) -> None:
    attacks = [e for e in art.events if e.trigger == "attacks"]
    assert attacks and attacks[0].status == "hypothetical"


def test_at_least_twenty_killed_on_saturday(art: Article) -> None:
    ev = _with_count(art, "killed", 20)
    count = next(c for c in ev.counts if c.number == 20)
    assert count.qualifier == "at least"
    assert count.object == "people"
    assert ev.acled_event_type == "Violence against civilians"
    assert not ev.background
    assert 9 not in _killed(ev)


def test_roadside_bomb_blamed_on_the_group(art: Article) -> None:
    ev = _with_count(art, "killed", 9)
    assert ev.acled_event_type == "Explosions/Remote violence"
    assert ev.acled_sub_event_type == "Remote explosive/landmine/IED"
    assert ev.plover_type == "ASSAULT" and ev.plover_mode == "explosives"
    assert any(a.role == "instrument" and "roadside bomb" in a.text for a in ev.arguments)
    assert any(a.role == "actor2" and a.actor_type == "civilians" for a in ev.arguments)
    actor1 = next(a for a in ev.arguments if a.role == "actor1")
    assert "al-Shabaab" in actor1.text and actor1.actor_type == "rebel_groups"


def test_history_is_background(art: Article) -> None:
    invasion = next(e for e in art.events if e.trigger == "invaded")
    assert invasion.background
    assert any(a.actor_type == "state_forces" for a in invasion.arguments)
    assert principal_event(art) is not invasion


def test_acled_export_has_the_acled_columns(art: Article) -> None:
    rows = acled_rows(art)
    assert rows
    assert all(tuple(r) == ACLED_COLUMNS for r in rows)
    bomb = acled_row(art, _with_count(art, "killed", 9))
    assert bomb["fatalities"] == 9
    assert bomb["disorder_type"] == "Political violence"
    assert bomb["inter1"] == 2 and bomb["inter2"] == 7 and bomb["interaction"] == 27
    assert bomb["civilian_targeting"] == "Civilian targeting"
    # Background history is not exported as current events.
    assert all(r["event_type"] != "Battles" or r["notes"].find("2006") < 0 for r in rows)


def test_plover_export(art: Article) -> None:
    rec = plover_record(art, _with_count(art, "killed", 9))
    for key in ("id", "date", "actor", "recipient", "event", "mode", "context", "event_loc",
                "event_text", "text"):
        assert key in rec
    assert rec["event"] == "ASSAULT"
    assert rec["mode"] == ["explosives"]
    assert {r["event"] for r in plover_records(art)} >= {"ASSAULT", "ACCUSE", "COERCE"}


def test_gkg_counts_format(art: Article) -> None:
    counts = gkg_counts(art)
    blocks = counts.split(";")
    assert any(b.startswith("KILL#20#people#") for b in blocks)
    assert any(b.startswith("ARREST#1#") for b in blocks)
    for b in blocks:
        fields = b.split("#")
        assert len(fields) == 11
        assert re.fullmatch(r"\d+", fields[1]) and re.fullmatch(r"\d+", fields[-1])


def test_article_without_parse_gets_no_events() -> None:
    from dateline.events import extract_events

    assert extract_events(Article(raw_text="Nothing parsed here.")) == []


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type", "killed"),
    [
        ("On 3 May 2021, hundreds of teachers rallied outside parliament to demand higher pay.",
         "Protests", "Peaceful protest", 0),
        ("On 3 May 2021, police fired tear gas to disperse students who marched against the new "
         "fees.", "Protests", "Protest with intervention", 0),
        ("On 3 May 2021, a military drone strike killed four militants near the border.",
         "Explosions/Remote violence", "Air/drone strike", 4),
        ("On 3 May 2021, gunmen abducted 12 passengers from a bus on the highway.",
         "Violence against civilians", "Abduction/forced disappearance", 0),
        ("On 3 May 2021, rebels clashed with soldiers near the town; six soldiers and two rebels "
         "were killed.", "Battles", "Armed clash", 8),
        # A category kicker codes a report whose sentence has no trigger of its own.
        ("Movement of forces: On 3 May 2021, an army convoy entered the valley from the north.",
         "Strategic developments", "Change to group/activity", 0),
        ("Displacement: On 3 May 2021, about 400 families left their homes for the camp.",
         "Strategic developments", "Other", 0),
        # ... and outranks the triggers of its sentence.
        ("Security measures: On 3 May 2021, the governor banned all rallies in the province.",
         "Strategic developments", "Change to group/activity", 0),
        # Ground taken without fighting, with fighting, and positions taken during a battle.
        ("On 3 May 2021, the rebels took control of the town. No clashes were reported.",
         "Strategic developments", "Non-violent transfer of territory", 0),
        ("On 3 May 2021, rebels clashed with the army and took control of the town.",
         "Battles", "Non-state actor overtakes territory", 0),
        ("On 3 May 2021, two soldiers were killed when rebels attacked a checkpoint near the town. "
         "The rebels overtook the checkpoint.", "Battles", "Armed clash", 2),
        # Capturing people is not taking ground.
        ("On 3 May 2021, gunmen captured three farmers near the river.",
         "Violence against civilians", "Abduction/forced disappearance", 0),
        # ... and villages are ground, even when seized along with posts.
        ("On 3 May 2021, rebels overtook five villages in the district, inflicting heavy losses "
         "on the army.", "Battles", "Non-state actor overtakes territory", 0),
        ("On 3 May 2021, rebels seized two checkpoints and three villages after a night of "
         "clashes.", "Battles", "Non-state actor overtakes territory", 0),
        # Petrol bombs thrown by protesters make a violent demonstration (the `bomb` in
        # `petrol bomb` is no roadside bomb); thrown by a mob at a bus, mob violence.
        ("On 3 May 2021, protesters threw petrol bombs at police outside parliament.",
         "Riots", "Violent demonstration", 0),
        ("On 3 May 2021, rioters hurled stones and petrol bombs at a bus near the settlement.",
         "Riots", "Mob violence", 0),
        # Ground and air raids together are a battle; volunteers `on the ground` are no raid.
        ("On 3 May 2021, seven militants were killed during ground and air raids in the valley.",
         "Battles", "Armed clash", 7),
        ("On 3 May 2021, shelling killed five people in the village, according to monitors on "
         "the ground.", "Explosions/Remote violence", "Shelling/artillery/missile attack", 5),
        # A victim said to belong to a criminal group is an armed target; a former guard is not.
        ("On 3 May 2021, a man was shot and injured by two gunmen in the market. The victim was "
         "a drug dealer.", "Battles", "Armed clash", 0),
        ("On 3 May 2021, a man was shot and killed by two gunmen in the market. The victim was "
         "a former prison guard.", "Violence against civilians", "Attack", 1),
        # `shot dead a sergeant` parsed with `dead` heading the clause still has its victim.
        ("On 3 May 2021, two gunmen on a motorbike shot dead a police sergeant near the bus "
         "station.", "Battles", "Armed clash", 1),
        # Police stepping in is an intervention; a call for the state to step in is not.
        ("On 3 May 2021, protesters gathered in the square against the war. Police intervened, "
         "detaining at least 12 of its participants.", "Protests", "Protest with intervention", 0),
        ("On 3 May 2021, workers protested outside the plant, urging the government to intervene "
         "in their pay dispute.", "Protests", "Peaceful protest", 0),
        ("On 3 May 2021, farmers demonstrated outside the land office; the demonstration ended in "
         "a brawl between participants.", "Riots", "Violent demonstration", 0),
        # Both sides firing is a battle, whatever the weapon.
        ("On 3 May 2021, government forces and rebels exchanged artillery shelling on the front "
         "north of the city. Casualties unknown.", "Battles", "Armed clash", 0),
        ("On 3 May 2021, government forces and rebels exchanged heavy fire near the city.",
         "Battles", "Armed clash", 0),
        # A protest the sentence does not name: protesters acting, a banner, people demanding.
        ("On 3 May 2021, protesters closed down the port through unclear means.",
         "Protests", "Peaceful protest", 0),
        ("On 3 May 2021, members of a teachers' union held a press conference with a banner in "
         "front of city hall.", "Protests", "Peaceful protest", 0),
        ("On 3 May 2021, residents cut traffic on the main road, demanding repairs to the bridge.",
         "Protests", "Peaceful protest", 0),
        # Projectiles and gunfire observed are shelling and fighting.
        ("On 3 May 2021, monitors recorded a total of 12 projectiles near the village.",
         "Explosions/Remote violence", "Shelling/artillery/missile attack", 0),
        # `the attack` referring back does not turn the destruction into an attack on people.
        ("On 3 May 2021, gunmen destroyed a power pylon near the town. There were no casualties "
         "in the attack.", "Strategic developments", "Looting/property destruction", 0),
        # A well-known armed organisation named as the target makes a battle.
        ("On 3 May 2021, militiamen attacked the FARDC near the village. Casualties unknown.",
         "Battles", "Armed clash", 0),
        # Capturing weapons is not taking ground.
        ("On 3 May 2021, police captured weapons and ammunition at a farm near the town.",
         "Strategic developments", "Disrupted weapons use", 0),
        # A device that goes off early in its makers' hands is disrupted weapons use.
        ("On 3 May 2021, four militants were killed when the roadside bomb they were planting "
         "exploded prematurely.", "Strategic developments", "Disrupted weapons use", 4),
        # Burning barricades make a demonstration violent; a burnt flag does not.
        ("On 3 May 2021, residents protested against power cuts and blocked the road with burning "
         "tyres.", "Riots", "Violent demonstration", 0),
        ("On 3 May 2021, students protested outside the embassy and burned a flag.",
         "Protests", "Peaceful protest", 0),
        # A casualty verb alone makes the event; `wounded` by an air strike is the strike.
        ("On 3 May 2021, two soldiers were wounded by militants near the border post.",
         "Battles", "Armed clash", 0),
        ("On 3 May 2021, an air strike killed two militants and injured three in the valley.",
         "Explosions/Remote violence", "Air/drone strike", 2),
        # A loanword plural (`Arbakis`) is still an armed actor.
        ("On 3 May 2021, militants killed 2 Arbakis in the district.", "Battles", "Armed clash",
         2),
        # An agreement that is only referred to is not an event.
        ("On 3 May 2021, nurses protested to demand the government honour the agreement signed in "
         "March.", "Protests", "Peaceful protest", 0),
    ],
)
def test_short_reports_are_coded(text: str, event_type: str, sub_event_type: str,
                                 killed: int) -> None:
    art = dateline.extract(text, published="2021-05-10")
    ev = principal_event(art)
    assert ev is not None
    assert (ev.acled_event_type, ev.acled_sub_event_type) == (event_type, sub_event_type)
    assert fatalities(ev) == killed


@pytest.mark.parametrize(
    ("text", "date", "date_end", "precision"),
    [
        ("Reported on 12 March 2021, over the past 24 hours, an air strike killed four militants "
         "in the valley.", "2021-03-11", None, 1),
        ("Reported on 12 March 2021, over the last 3 days, soldiers killed four militants in the "
         "valley.", "2021-03-09", "2021-03-12", 2),
        ("On 12 March 2021, an air strike killed four militants in the valley.", "2021-03-12",
         None, 1),
    ],
)
def test_a_look_back_window_dates_the_event_before_the_report(
    text: str, date: str, date_end: str | None, precision: int
) -> None:
    ev = principal_event(dateline.extract(text, published="2021-03-19"))
    assert ev is not None
    assert (ev.date, ev.date_end, ev.time_precision) == (date, date_end, precision)


@pytest.mark.parametrize(
    ("text", "trigger_index", "place"),
    [
        # Each event of one sentence gets the place of its own clause.
        ("Ten people were killed at a market in Baidoa on Monday, hours after a roadside bomb "
         "killed four soldiers east of Mogadishu.", 0, "Baidoa"),
        ("Ten people were killed at a market in Baidoa on Monday, hours after a roadside bomb "
         "killed four soldiers east of Mogadishu.", 1, "Mogadishu"),
        # The speaker's place is not the event's; a nationality or an actor is not a place.
        ("An army officer in Kismayo said that two militants were killed in Jilib district.", 0,
         "Jilib"),
        ("US troops killed two militants in Kandahar province on Monday.", 0, "Kandahar"),
    ],
)
def test_an_event_is_placed_by_its_own_clause(text: str, trigger_index: int, place: str) -> None:
    art = dateline.extract(text, published="2021-03-19")
    physical = [e for e in art.events if e.acled_event_type is not None]
    found = art.place(physical[trigger_index].place_id)
    assert found is not None and found.text.startswith(place)


def test_a_later_evidence_sentence_dates_the_event() -> None:
    # The first mention names no day; the confirmation does (`late on Saturday`), and it wins
    # over the publication day.
    art = dateline.extract(
        "A senior rebel commander was killed in a special operation, the agency said. The agency "
        "said in a statement late on Saturday that the commander was killed in a raid.",
        published="2021-03-21",
    )
    ev = principal_event(art)
    assert ev is not None and len(ev.evidence) == 2
    assert (ev.date, ev.time_precision) == ("2021-03-20", 1)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # A singular victim the tagger reads as an adjective still counts one.
        ("On 3 May 2021, militants killed a captive in the village.", 1),
        ("On 3 May 2021, gunmen shot dead a police sergeant near the market.", 1),
        # ... but `a dozen` is twelve.
        ("On 3 May 2021, gunmen killed a dozen villagers near the market.", 12),
    ],
)
def test_singular_and_quantity_victims(text: str, killed: int) -> None:
    ev = principal_event(dateline.extract(text, published="2021-05-10"))
    assert ev is not None and fatalities(ev) == killed


def test_gathering_for_a_rally_is_one_event_placed_where_it_was_held() -> None:
    art = dateline.extract(
        "On 2 March 2022, hundreds of people gathered for a rally at the town hall in Leeds to "
        "show solidarity with Ukraine.",
        published="2022-03-09",
    )
    protests = [e for e in art.events if e.acled_event_type == "Protests"]
    assert len(protests) == 1
    place = art.place(protests[0].place_id)
    assert place is not None and place.text == "Leeds"


def test_a_stated_crowd_size_makes_violence_a_mob_s() -> None:
    text = "On 3 May 2021, gunmen shot and killed a trader near the market. [size=around 30]"
    ev = principal_event(dateline.extract(text, published="2021-05-10"))
    assert ev is not None and ev.acled_sub_event_type == "Mob violence"
    plain = principal_event(dateline.extract(text.replace(" [size=around 30]", ""),
                                             published="2021-05-10"))
    assert plain is not None and plain.acled_sub_event_type != "Mob violence"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # `X, Y`: X is the namesake inside Y, not the best-known X.
        ("On 3 May 2021, gunmen killed two traders in Santa Rosa, La Pampa.", "Santa Rosa", "AR"),
        # A village the gazetteer lacks is placed by the province that qualifies it.
        ("On 3 May 2021, soldiers clashed with rebels near Mazdaki, Nangarhar.", "Mazdaki", "AF"),
    ],
)
def test_a_qualified_place_locates_the_event(text: str, name: str, country: str) -> None:
    place = _principal_place(text, "2021-05-10")
    assert place is not None and (place.text, place.country_code) == (name, country)


def test_qualifiers_overrule_a_namesake_abroad() -> None:
    # `Kin` alone is a town in Japan; the township and region after it say Myanmar.
    place = _principal_place(
        "On 2 June 2022, soldiers burned houses in Kin village (Madaya township, Mandalay "
        "region).", "2022-06-10")
    assert place is not None and (place.country_code, place.admin1) == ("MM", "Mandalay")
    # The same when the qualifiers lie outside the event's own clause.
    place = _principal_place(
        "On 5 June 2022, two groups clashed at Ghat village, Kaliganj upazila (Jhenaidah), over "
        "a plot of land.", "2022-06-10")
    assert place is not None and place.country_code == "BD"
    # A piece of a split name qualifies nothing: Tijuana stays in Mexico, not Hungary's Baja.
    place = _principal_place(
        "On 5 June 2022, gunmen shot and killed a driver in Tijuana, Baja California.",
        "2022-06-10")
    assert place is not None and (place.text, place.country_code) == ("Tijuana", "MX")


def test_a_qualifier_is_not_a_rival_place() -> None:
    # `(Ghazni)` names the province holding the district; Ghazni town is not where it happened.
    place = _principal_place(
        "On 2 May 2022, militants attacked a police post in Andar district (Ghazni), killing two "
        "officers.", "2022-05-10")
    assert place is not None and place.text == "Andar district"
    # A village the gazetteer lacks lies in the division its parenthesised list ends with.
    place = _principal_place(
        "On 2 May 2022, unknown gunmen shot dead a trader in Ibafo (Obafemi, Ogun).", "2022-05-10")
    assert place is not None and place.admin1 == "Ogun"
    # A country is not a rival of the town that follows it.
    place = _principal_place(
        "On 16 May 2022, union members protested in front of an embassy in Latvia, Riga.",
        "2022-05-20")
    assert place is not None and place.text == "Riga"


def test_a_strike_in_a_report_of_air_raids_is_military() -> None:
    text = ("An airstrike hit a market in the north on Tuesday, killing nine civilians, officials "
            "said.\n\nThe strike destroyed dozens of stalls near the mosque.")
    art = dateline.extract(text, published="2019-08-22")
    assert not any(e.acled_event_type == "Protests" for e in art.events)
    labour = dateline.extract("Teachers began a strike on Monday to demand higher pay.",
                              published="2019-08-22")
    assert any(e.acled_event_type == "Protests" for e in labour.events)


def test_a_strike_that_does_harm_is_military() -> None:
    # Doctors are in the sentence but do not hold the strike; the strike damaged a building.
    text = ("Last month, a strike damaged the main building of the children's hospital, forcing "
            "doctors to move patients to the basement.")
    art = dateline.extract(text, published="2023-04-11")
    assert art.events and not any(e.acled_event_type in ("Protests", "Riots") for e in art.events)
    held = dateline.extract("Thousands of doctors joined a strike over unpaid wages.",
                            published="2023-04-11")
    assert any(e.acled_event_type == "Protests" for e in held.events)


def test_a_running_toll_is_background() -> None:
    text = ("Security forces fired live rounds at protesters on the bridge on Tuesday. The "
            "demonstrations erupted in October over corruption. Hundreds of protesters have been "
            "killed since then.")
    art = dateline.extract(text, published="2020-03-04")
    tolls = [e for e in art.events if any(c.kind == "killed" for c in e.counts)]
    assert tolls and all(e.background for e in tolls)
    current = [e for e in art.events if not e.background]
    assert current and not any(c.kind == "killed" for e in current for c in e.counts)


def test_a_press_conference_without_banners_is_no_protest() -> None:
    art = dateline.extract("The minister held a press conference on Monday to present the "
                           "budget.", published="2021-05-10")
    assert principal_event(art) is None


def test_restated_wounded_make_no_new_event() -> None:
    text = ("A bomb exploded at a funeral on Sunday, killing 14 people and wounding 31, officials "
            "said.\n\nA police spokesman said the bomber walked into the crowd. \"Several children "
            "were also wounded,\" he said.")
    art = dateline.extract(text, published="2019-11-04")
    violent = [e for e in art.events if e.acled_event_type is not None]
    assert len(violent) == 1


def test_a_town_the_tagger_took_for_an_organisation_still_locates() -> None:
    # `Maceio (Alagoas)` tagged as one organisation: the town is still where it happened.
    place = _principal_place(
        "On 13 May 2022, in Maceio (Alagoas), residents blocked the avenue to protest against "
        "the lack of water.",
        "2022-05-20",
    )
    assert place is not None and place.text == "Maceio"
