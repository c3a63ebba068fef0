"""Batch ingestion: read inputs, skip what is stored, run the pipeline, store each article.

One bad input is reported and skipped; a stage failing on one article fails only that article;
each article is written in its own transaction, so an interrupted run keeps what it stored and a
re-run picks up where it stopped (articles are keyed by the hash of their text).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from dateline.errors import DatelineError, InputError
from dateline.ingest import InputOptions, iter_inputs
from dateline.model import Article
from dateline.pipeline import DEFAULT_STAGES, Pipeline
from dateline.store.base import Store

BATCH_SIZE = 32


class ExtractionError(DatelineError):
    """A pipeline stage failed on one article (a bug: the rest of the batch goes on)."""

    code = "DL600"


@dataclass
class IngestReport:
    """What a batch did."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    not_extracted: int = 0
    errors: list[DatelineError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        """Inputs or articles that could not be stored."""
        return len(self.errors)


def run_isolated(pipeline: Pipeline, batch: list[Article]) -> Iterator[Article | ExtractionError]:
    """Run a batch; if a stage raises, re-run article by article so only the culprit fails."""
    pristine = [copy.deepcopy(a) for a in batch]
    try:
        yield from list(pipeline(batch))
        return
    except Exception:  # noqa: BLE001 - any bug in a stage must not lose the rest of the batch
        pass
    for original in pristine:
        article = copy.deepcopy(original)
        try:
            yield pipeline.run_one(article)
        except Exception as exc:  # noqa: BLE001 - reported per article, the batch goes on
            yield ExtractionError(
                f"extraction failed ({type(exc).__name__}: {exc})",
                path=original.path or original.id,
                fix="report this with the input; the other articles were stored",
            )


def ingest(
    paths: Iterable[str],
    store: Store,
    *,
    options: InputOptions | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
    replace: bool = False,
    progress: bool = True,
    on_error: Callable[[DatelineError], None] | None = None,
) -> IngestReport:
    """Process ``paths`` (files, folders, ``-``) into ``store``; returns what happened."""
    report = IngestReport()
    pipeline = Pipeline(stages)

    def fail(err: DatelineError) -> None:
        report.errors.append(err)
        if on_error:
            on_error(err)

    def flush(batch: list[Article]) -> None:
        for result in run_isolated(pipeline, batch):
            if isinstance(result, DatelineError):
                fail(result)
                continue
            if not result.extracted:
                report.not_extracted += 1
            report.warnings.extend(f"{result.path or result.id}: {w}" for w in result.warnings)
            try:
                if store.add(result, replace=replace):
                    report.stored += 1
                else:
                    report.duplicates += 1
            except DatelineError as exc:
                fail(exc)
            bar.advance(task)
        batch.clear()

    columns = (
        SpinnerColumn(),
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=False, disable=not progress) as bar:
        task = bar.add_task("ingest", total=None)
        batch: list[Article] = []
        for item in iter_inputs(paths, options):
            if isinstance(item, InputError):
                fail(item)
                continue
            report.read += 1
            if not replace and store.has(item.id):
                report.duplicates += 1
                bar.advance(task)
                continue
            batch.append(item)
            if len(batch) >= BATCH_SIZE:
                flush(batch)
        flush(batch)
    return report
