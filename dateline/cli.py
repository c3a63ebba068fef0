"""The ``dateline`` command line: a thin shell over the pipeline, the batch runner and the store."""

from __future__ import annotations

import csv
import importlib
import io
import json
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from dateline import __version__
from dateline.errors import DatelineError, InputError
from dateline.ingest import MAX_BYTES, InputOptions, iter_inputs
from dateline.pipeline import DEFAULT_STAGES, Pipeline
from dateline.store import Query, open_store

DEFAULT_DB = "dateline.db"
err = Console(stderr=True)


def _fail(exc: DatelineError) -> None:
    err.print(f"[red]error[/red] {exc.render()}", highlight=False, soft_wrap=True)


def _stages(value: str | None) -> tuple[str, ...]:
    if not value:
        return DEFAULT_STAGES
    wanted = [s.strip() for s in value.split(",") if s.strip()]
    return tuple(s for s in DEFAULT_STAGES if s in wanted or s in ("clean", "nlp"))


def _columns(pairs: Sequence[str], text_column: str | None) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, name = pair.partition("=")
        if not sep:
            raise click.BadParameter(f"'{pair}' is not KEY=COLUMN (e.g. published=pub_date)", param_hint="--column")
        out[key.strip()] = name.strip()
    if text_column:
        out["text"] = text_column
    return out


metadata_options = [
    click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD); anchors relative dates."),
    click.option("--source", metavar="NAME", help="Outlet name, e.g. 'Arab News'."),
    click.option("--url", metavar="URL", help="Article URL."),
    click.option("--title", metavar="TEXT", help="Article title."),
    click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the inputs."),
    click.option(
        "--max-bytes",
        default=MAX_BYTES,
        show_default=True,
        type=int,
        help="Size limit for one article.",
    ),
]


def with_metadata(f: Any) -> Any:
    for option in reversed(metadata_options):
        f = option(f)
    return f


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="dateline")
def main() -> None:
    """dateline: news reports in, a structured, source-attributed, geocoded event database out.

    \b
    Quick start:
      dateline extract article.txt --published 2020-10-25 --source "Arab News"
      dateline ingest articles/ --db dateline.db
      dateline query events --db dateline.db --since 2020-01-01 --text Taliban
    """


@main.command()
@click.argument("path", type=click.Path(allow_dash=True))
@with_metadata
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A readable report, or the full document model as JSON.",
)
@click.option("--stages", metavar="LIST", help="Comma-separated stages to run (default: all).")
def extract(
    path: str,
    published: str | None,
    source: str | None,
    url: str | None,
    title: str | None,
    encoding: str,
    max_bytes: int,
    fmt: str,
    stages: str | None,
) -> None:
    """Extract one article (PATH, or - for stdin) and print a report or JSON."""
    opts = InputOptions(
        published=published,
        source=source,
        url=url,
        title=title,
        encoding=encoding,
        max_bytes=max_bytes,
    )
    items = list(iter_inputs([path], opts))
    failures = [i for i in items if isinstance(i, InputError)]
    for f in failures:
        _fail(f)
    articles = [i for i in items if not isinstance(i, InputError)]
    if not articles:
        sys.exit(1)
    from dateline.report import print_report

    pipeline = Pipeline(_stages(stages))
    for article in pipeline(articles):
        if fmt == "json":
            click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
        else:
            print_report(article)
    if failures:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Database: an SQLite file path.")
@with_metadata
@click.option("--text-column", metavar="NAME", help="Column/field holding the text in .csv/.jsonl corpora.")
@click.option(
    "--column",
    "column_pairs",
    multiple=True,
    metavar="KEY=NAME",
    help="Map metadata (published, source, url, title, author, id) to a corpus column. Repeatable.",
)
@click.option(
    "--stdin-format",
    type=click.Choice(["auto", "text", "html", "jsonl"]),
    default="auto",
    show_default=True,
)
@click.option("--replace", is_flag=True, help="Re-process articles already stored (default: skip them).")
@click.option("--stages", metavar="LIST", help="Comma-separated stages to run (default: all).")
@click.option("--progress/--no-progress", default=True, show_default=True)
def ingest(
    paths: tuple[str, ...],
    db: str,
    published: str | None,
    source: str | None,
    url: str | None,
    title: str | None,
    encoding: str,
    max_bytes: int,
    text_column: str | None,
    column_pairs: tuple[str, ...],
    stdin_format: str,
    replace: bool,
    stages: str | None,
    progress: bool,
) -> None:
    """Process files, folders (recursively), .jsonl/.csv corpora or - (stdin) into the database.

    Articles already stored (same text) are skipped; a bad input is reported and the rest go on.
    Exits with status 1 if any input failed.
    """
    from dateline.batch import ingest as run_ingest

    opts = InputOptions(
        published=published,
        source=source,
        url=url,
        title=title,
        encoding=encoding,
        max_bytes=max_bytes,
        columns=_columns(column_pairs, text_column),
        stdin_format=stdin_format,
    )
    try:
        store = open_store(db)
    except DatelineError as exc:
        _fail(exc)
        sys.exit(2)
    with store:
        report = run_ingest(
            paths,
            store,
            options=opts,
            stages=_stages(stages),
            replace=replace,
            progress=progress and err.is_terminal,
            on_error=_fail,
        )
        stats = store.stats()
    for warning in report.warnings:
        err.print(f"[yellow]warning[/yellow] {warning}", highlight=False, soft_wrap=True)
    err.print(
        f"read {report.read} article(s): stored {report.stored}, already stored {report.duplicates}, "
        f"not extracted {report.not_extracted}, failed {report.failed}. "
        f"Database {db}: {stats['articles']} articles, {stats['entities']} entities, "
        f"{stats['places']} places, {stats['events']} events, {stats['quotes']} quotes.",
        highlight=False,
    )
    if report.failed:
        sys.exit(1)


def _emit(rows: list[dict[str, Any]], fmt: str, title: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if fmt == "csv":
        buf = io.StringIO()
        if rows:
            writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
        return
    table = Table(title=f"{title} ({len(rows)})", title_justify="left")
    for col in rows[0] if rows else ["none"]:
        table.add_column(col, overflow="fold", max_width=60)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row.values()))
    Console().print(table)


@main.command()
@click.argument("what", type=click.Choice(["articles", "entities", "places", "events", "quotes"]))
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Database: an SQLite file path.")
@click.option("--since", metavar="DATE", help="Published on or after DATE.")
@click.option("--until", metavar="DATE", help="Published on or before DATE.")
@click.option("--text", metavar="QUERY", help="Full-text search over article text (SQLite FTS5 syntax).")
@click.option("--source", metavar="NAME", help="Source name contains NAME.")
@click.option(
    "--type",
    "kind",
    metavar="TYPE",
    help="Entity type (PERSON, ORG...), event type (ACLED/PLOVER) or quote stance.",
)
@click.option("--name", metavar="NAME", help="Entity, actor, place or speaker name contains NAME.")
@click.option("--article", "article_id", metavar="ID", help="One article (id prefix).")
@click.option("--bbox", metavar="W,S,E,N", help="Places inside a bounding box (lon/lat degrees).")
@click.option("--limit", default=100, show_default=True, type=int)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv"]),
    default="table",
    show_default=True,
)
def query(
    what: str,
    db: str,
    since: str | None,
    until: str | None,
    text: str | None,
    source: str | None,
    kind: str | None,
    name: str | None,
    article_id: str | None,
    bbox: str | None,
    limit: int,
    fmt: str,
) -> None:
    """List stored articles, entities, places, events or quotes, with filters."""
    box = None
    if bbox:
        try:
            w, s, e, n = (float(x) for x in bbox.split(","))
        except ValueError as exc:
            raise click.BadParameter("give four numbers: west,south,east,north", param_hint="--bbox") from exc
        box = (w, s, e, n)
    if not Path(db).exists():
        _fail(
            DatelineError(
                "no such database",
                path=db,
                fix="create it with `dateline ingest PATH --db " + db + "`",
            )
        )
        sys.exit(2)
    q = Query(
        since=since,
        until=until,
        text=text,
        source=source,
        kind=kind,
        name=name,
        article_id=article_id,
        bbox=box,
        limit=limit,
    )
    try:
        with open_store(db) as store:
            rows = getattr(store, what)(q)
    except DatelineError as exc:
        _fail(exc)
        sys.exit(2)
    _emit(rows, fmt, what)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Database: an SQLite file path.")
def stats(db: str) -> None:
    """Row counts of the database."""
    with open_store(db) as store:
        _emit([store.stats()], "table", f"{db}")


def sample_dir() -> Path:
    """The folder of bundled sample articles."""
    return Path(str(resources.files("dateline") / "samples"))


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Database to create or update.")
def demo(db: str) -> None:
    """Run the whole pipeline over the bundled sample articles into DB and print a summary."""
    from dateline.batch import ingest as run_ingest

    with open_store(db) as store:
        report = run_ingest([str(sample_dir())], store, progress=err.is_terminal, on_error=_fail)
        counts = store.stats()
        latest = store.events(Query(limit=8))
    click.echo(
        f"dateline demo: {report.stored} new article(s) stored, {report.duplicates} already there, "
        f"{report.failed} failed."
    )
    click.echo(
        f"{db}: {counts['articles']} articles, {counts['entities']} entities, {counts['places']} places, "
        f"{counts['times']} time expressions, {counts['events']} events, {counts['quotes']} quotes."
    )
    if latest:
        keep = ("date", "acled_event_type", "acled_sub_event_type", "actor1", "actor2", "location", "fatalities")
        _emit([{k: row[k] for k in keep} for row in latest], "table", "latest events")
    click.echo(f"Next: dateline query events --db {db}   ·   dateline extract {sample_dir()}/01-*.txt")


EXPORT_FORMATS = ("acled-csv", "plover-json", "gkg-counts", "geojson", "quotations", "claims-csv", "jsonl")


@main.command(name="export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(EXPORT_FORMATS))
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Database: an SQLite file path.")
@click.option("--since", metavar="DATE", help="Published on or after DATE.")
@click.option("--until", metavar="DATE", help="Published on or before DATE.")
@click.option("--text", metavar="QUERY", help="Only articles matching this full-text search.")
@click.option("--source", metavar="NAME", help="Source name contains NAME.")
@click.option(
    "--background/--no-background",
    default=False,
    show_default=True,
    help="Include background (historical) events in ACLED rows.",
)
@click.option(
    "-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Output file (default stdout)."
)
def export_cmd(
    fmt: str,
    db: str,
    since: str | None,
    until: str | None,
    text: str | None,
    source: str | None,
    background: bool,
    output: Any,
) -> None:
    """Export stored articles: ACLED-style CSV, PLOVER JSON, GDELT GKG counts, GeoJSON, quotations, claims.

    \b
    acled-csv    one row per event, ACLED's column names
    plover-json  PLOVER event records (JSON list)
    gkg-counts   GDELT GKG V2.1COUNTS per article (TSV: article id, counts)
    geojson      resolved places as a FeatureCollection
    quotations   GDELT-style quotations with speakers (TSV: article id, field)
    claims-csv   who said what, with stance and linked events
    jsonl        the full document model, one article per line
    """
    from dateline.events import export as ev_export
    from dateline.places.geojson import to_geojson
    from dateline.quotes import export as q_export

    if not Path(db).exists():
        _fail(DatelineError("no such database", path=db, fix=f"create it with `dateline ingest PATH --db {db}`"))
        sys.exit(2)
    with open_store(db) as store:
        ids = [r["id"] for r in store.articles(Query(since=since, until=until, text=text, source=source, limit=10**9))]
        articles = [a for a in (store.get(i) for i in ids) if a is not None]
    if fmt == "acled-csv":
        rows = [r for a in articles for r in ev_export.acled_rows(a, include_background=background)]
        _write_csv(rows, output)
    elif fmt == "claims-csv":
        _write_csv(q_export.claims_table(articles), output)
    elif fmt == "plover-json":
        output.write(
            json.dumps([r for a in articles for r in ev_export.plover_records(a)], ensure_ascii=False, indent=2) + "\n"
        )
    elif fmt == "geojson":
        collection = to_geojson(p for a in articles for p in a.places)
        output.write(json.dumps(collection, ensure_ascii=False) + "\n")
    elif fmt == "gkg-counts":
        output.writelines(f"{a.id}\t{ev_export.gkg_counts(a)}\n" for a in articles)
    elif fmt == "quotations":
        output.writelines(f"{a.id}\t{q_export.gdelt_quotations_field(a)}\n" for a in articles)
    else:
        output.writelines(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in articles)


def _write_csv(rows: list[dict[str, Any]], output: Any) -> None:
    if not rows:
        return
    writer = csv.DictWriter(output, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)


@main.group(name="eval")
def eval_group() -> None:
    """Measure accuracy against gold data (floors pinned in eval/baseline.json)."""


def _register_evals() -> None:
    from dateline.eval import EVAL_COMMANDS

    for name, target in EVAL_COMMANDS.items():
        module, attr = target.split(":")
        command = getattr(importlib.import_module(module), attr)
        eval_group.add_command(command, name=name)


_register_evals()


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--repeat", default=1, show_default=True, type=int, help="Passes over the texts.")
def bench(paths: tuple[str, ...], repeat: int) -> None:
    """Words/s of the whole pipeline next to a bare spaCy pass over the same texts (default: samples)."""
    from dateline.bench import run_benchmark

    texts = [a for a in iter_inputs(list(paths) or [str(sample_dir())]) if not isinstance(a, InputError)]
    result = run_benchmark(texts, repeat=repeat)
    from dateline.dates.bench import tagger_words_per_second

    row = result.as_row()
    row["date tagger words/s"] = round(tagger_words_per_second([a.text for a in texts] * 5))
    _emit([row], "table", "benchmark")
    for name, seconds in result.stage_seconds.items():
        click.echo(
            f"  {name:10s} {seconds * 1000 / max(1, result.articles):8.1f} ms/article "
            f"({100 * seconds / max(result.pipeline_seconds, 1e-9):5.1f}% of pipeline)"
        )
