"""The storage interface, run against every backend: writes, idempotence, queries, round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import StoreError
from dateline.model import Argument, Article, Count, Event, Place, Quote
from dateline.store import Query, Store, open_store


def sample(
    text: str = "Rebels attacked a police post in Kidal on Monday.",
    published: str = "2021-06-14",
    source: str = "Sahel Wire",
) -> Article:
    art = Article(raw_text=text, published=published, source=source, language="en")
    art.stages = ["clean", "nlp"]
    at = max(0, text.find("Kidal"))
    art.places = [
        Place(
            id="p1",
            name="Kidal",
            start=at,
            end=at + 5,
            text=text[at : at + 5],
            geonameid=2455290,
            country_code="ML",
            lat=18.44,
            lon=1.41,
            resolved=True,
            precision=1,
        )
    ]
    art.events = [
        Event(
            id="e1",
            trigger="attacked",
            start=7,
            end=15,
            sentence_start=0,
            sentence_end=len(text),
            acled_event_type="Battles",
            acled_sub_event_type="Armed clash",
            plover_type="ASSAULT",
            place_id="p1",
            date=published,
            arguments=[Argument(role="actor1", text="Rebels", start=0, end=6)],
            counts=[Count(kind="killed", number=3, start=0, end=1, text="R")],
        )
    ]
    art.quotes = [
        Quote(
            id="q1",
            start=0,
            end=10,
            text=text[:10],
            direct=False,
            cue="said",
            stance="denies",
            speaker_description="officials",
        )
    ]
    return art


def test_add_is_idempotent(store: Store) -> None:
    art = sample()
    assert store.add(art) is True
    assert store.add(art) is False
    assert store.stats()["articles"] == 1
    assert store.has(art.id)


def test_replace_rewrites_children_without_duplicates(store: Store) -> None:
    art = sample()
    store.add(art)
    assert store.add(art, replace=True) is True
    stats = store.stats()
    assert (stats["articles"], stats["events"], stats["places"], stats["counts"]) == (1, 1, 1, 1)


def test_round_trip_through_the_json_document(store: Store) -> None:
    art = sample()
    store.add(art)
    back = store.get(art.id)
    assert back is not None and back.to_dict() == art.to_dict()
    assert store.get("nope") is None


def test_filters(store: Store) -> None:
    store.add(sample())
    store.add(
        sample("Protesters marched peacefully in Bamako on Friday.", "2021-07-02", "Other Wire")
    )
    assert len(store.articles(Query())) == 2
    assert [r["source"] for r in store.articles(Query(since="2021-07-01"))] == ["Other Wire"]
    assert [r["source"] for r in store.articles(Query(until="2021-06-30"))] == ["Sahel Wire"]
    assert [r["source"] for r in store.articles(Query(text="protesters"))] == ["Other Wire"]
    assert [r["source"] for r in store.articles(Query(source="sahel"))] == ["Sahel Wire"]
    events = store.events(Query(kind="Battles"))
    assert len(events) == 2
    assert events[0]["actor1"] == "Rebels" and events[0]["fatalities"] == 3
    assert events[0]["location"] == "Kidal"
    assert store.quotes(Query(kind="denies"))[0]["speaker"] == "officials"


def test_nested_quotes_name_their_container(store: Store) -> None:
    art = sample()
    art.quotes.append(Quote(id="q2", start=0, end=6, text="Rebels", direct=False, cue="believe",
                            stance="asserts", parent="q1"))
    store.add(art)
    rows = {r["id"]: r for r in store.quotes(Query())}
    assert (rows["q1"]["parent"], rows["q2"]["parent"]) == (None, "q1")


def test_hyphenated_search_words(store: Store) -> None:
    store.add(sample("Al-Qaeda fighters attacked a convoy near Gao on Monday."))
    assert len(store.articles(Query(text="Al-Qaeda"))) == 1


def test_bbox_selects_places(store: Store) -> None:
    store.add(sample())
    assert len(store.places(Query(bbox=(0.0, 17.0, 3.0, 19.0)))) == 1
    assert store.places(Query(bbox=(10.0, 17.0, 13.0, 19.0))) == []


def test_reopening_keeps_data_and_schema(tmp_path: Path) -> None:
    path = tmp_path / "keep.db"
    with open_store(path) as s:
        s.add(sample())
    with open_store(path) as s:
        assert s.stats()["articles"] == 1


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a dateline SQLite database"):
        open_store(bad)


def test_a_database_of_an_older_schema_is_migrated(tmp_path: Path) -> None:
    import sqlite3

    from dateline.store.sqlite import migrations

    path = tmp_path / "old.db"
    version, sql = migrations("sqlite")[0]
    con = sqlite3.connect(path)
    con.executescript(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);"
        f"{sql};INSERT INTO schema_migrations VALUES ({version}, 'then');"
    )
    con.close()
    with open_store(path) as s:
        s.add(sample())
    con = sqlite3.connect(path)
    columns = {row[1] for row in con.execute("PRAGMA table_info(quotes)")}
    con.close()
    assert "parent" in columns


def test_negated_statements_are_stored_as_such(store: Store) -> None:
    art = sample()
    art.quotes.append(Quote(id="q2", start=0, end=6, text="Rebels", direct=False, cue="confirm",
                            stance="confirms", negated=True))
    store.add(art)
    rows = {r["id"]: r for r in store.quotes(Query())}
    assert (rows["q1"]["negated"], rows["q2"]["negated"]) == (0, 1)
