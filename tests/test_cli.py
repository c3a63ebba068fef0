"""The command line, end to end on our own fixtures, into a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from dateline.cli import main
from tests.conftest import FIXTURES

STORY = "KABUL: Police arrested three men in Kabul on Monday after a bomb attack, a spokesman said."


def test_extract_json_is_the_document_model(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(path), "--published", "2021-06-14", "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.output)
    assert doc["schema_version"] and doc["published"] == "2021-06-14"
    assert doc["dateline"]["text"] == "KABUL"


def test_extract_report_names_people_and_roles() -> None:
    res = CliRunner().invoke(main, ["extract", str(FIXTURES / "scraped_article.txt"), "--published", "2021-06-14"])
    assert res.exit_code == 0, res.output
    assert "Hassan Omar Farah" in res.output and "spokesman" in res.output
    assert "NAIROBI" in res.output


def test_ingest_batch_goes_on_and_is_idempotent(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "bad.txt").write_bytes("Caf\xe9".encode("latin-1") * 30)
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    res = runner.invoke(main, ["ingest", str(folder), "--db", db, "--published", "2021-06-14", "--no-progress"])
    assert res.exit_code == 1
    assert "empty.txt" in res.output and "bad.txt" in res.output and "stored 1" in res.output
    again = runner.invoke(main, ["ingest", str(folder / "good.txt"), "--db", db, "--no-progress"])
    assert again.exit_code == 0 and "already stored 1" in again.output
    res = runner.invoke(main, ["query", "articles", "--db", db, "--format", "json", "--text", "bomb"])
    rows = json.loads(res.output)
    assert len(rows) == 1 and rows[0]["published"] == "2021-06-14"
    res = runner.invoke(main, ["query", "entities", "--db", db, "--format", "csv"])
    assert res.output.startswith("article_id,")


def test_ingest_stdin_jsonl(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    line = json.dumps({"text": STORY, "published": "2021-06-15", "source": "Stdin Wire"}) + "\n"
    res = CliRunner().invoke(main, ["ingest", "-", "--db", db, "--no-progress"], input=line)
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(main, ["query", "articles", "--db", db, "--format", "json", "--source", "stdin"])
    assert json.loads(res.output)[0]["source"] == "Stdin Wire"


def test_export_formats(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    CliRunner().invoke(main, ["ingest", str(path), "--db", db, "--published", "2021-06-14", "--no-progress"])
    geo = CliRunner().invoke(main, ["export", "geojson", "--db", db])
    assert json.loads(geo.output)["type"] == "FeatureCollection"
    rows = CliRunner().invoke(main, ["export", "jsonl", "--db", db]).output.splitlines()
    assert len(rows) == 1 and json.loads(rows[0])["text"].startswith("KABUL")


def test_query_without_database_is_a_clear_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["query", "events", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 2 and "dateline ingest" in res.output
