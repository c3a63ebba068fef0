"""Ingest: turn files, folders, corpora and stdin into :class:`Article` objects.

Readers never raise on a bad input in a batch: :func:`iter_inputs` yields an :class:`InputError`
in place of the article, so the caller reports it and goes on with the rest.

Metadata comes, most specific first, from the record itself (CSV/JSONL columns, HTML meta tags,
a sidecar ``NAME.json`` next to ``NAME.txt``) and then from the defaults given by the caller
(the CLI's ``--published``/``--source`` flags).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.errors import (
    BinaryInputError,
    CorpusFormatError,
    EmptyInputError,
    EncodingError,
    HTMLExtractionError,
    InputError,
    InputTooLargeError,
    MetadataError,
    UnsupportedInputError,
)
from dateline.model import Article

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES

#: Default limit for one article (bytes). News articles are a few kB; a 20 MB "article" is a dump.
MAX_BYTES = 5_000_000

#: Column names tried, in order, when the caller does not name them.
COLUMN_CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "doc_text", "notes", "summary"),
    "published": ("published", "publication_date", "pub_date", "date", "pubdate", "datetime"),
    "source": ("source", "outlet", "publisher", "sitename"),
    "url": ("url", "link", "uri"),
    "title": ("title", "headline"),
    "author": ("author", "byline"),
    "id": ("id", "doc_id", "article_id"),
}

_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"SQLite format 3": "an SQLite database",
    b"\x7fELF": "an executable",
}


@dataclass
class InputOptions:
    """How to read inputs: defaults for metadata, column names, encoding and limits."""

    published: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    encoding: str = "utf-8"
    max_bytes: int = MAX_BYTES
    columns: dict[str, str] = field(default_factory=dict)
    stdin_format: str = "auto"  # auto | text | jsonl | html


def normalize_date(value: str | None, *, path: str | None = None) -> str | None:
    """Normalise a publication date to ISO ``YYYY-MM-DD`` (None stays None)."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    for fmt in ("%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y", "%Y/%m/%d", "%Y%m%d"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise MetadataError(
        f"publication date '{text}' is not a date dateline can read",
        path=path,
        fix="give it as YYYY-MM-DD (e.g. --published 2020-10-25)",
    )


@functools.cache
def _language_identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """The language of ``text`` (ISO 639-1) and the model's probability, from a bundled model."""
    sample = text[:3000]
    letters = sum(1 for c in sample if c.isalpha())
    if letters < 40:
        return "en", 0.0  # too short to tell; extraction is harmless on a few words
    lang, prob = _language_identifier().classify(sample)
    return str(lang), float(prob)


def make_article(
    text: str,
    *,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    author: str | None = None,
    path: str | None = None,
    meta: Mapping[str, Any] | None = None,
) -> Article:
    """Build an :class:`Article` from text and metadata; checks the text and detects language."""
    if not text.strip():
        raise EmptyInputError(
            "the article is empty (no text)", path=path, fix="remove the file or give it text"
        )
    article = Article(
        raw_text=text,
        source=source,
        url=url,
        title=title,
        author=author,
        published=normalize_date(published, path=path),
        path=path,
        meta=dict(meta or {}),
    )
    lang, prob = detect_language(text)
    article.language = lang if prob >= 0.9 else "en"
    if article.language != "en":
        article.warnings.append(
            f"the text is in '{article.language}' (p={prob:.2f}), not English: stored but not "
            "extracted; translate it to English first to extract events from it"
        )
    return article


def decode_bytes(
    data: bytes, *, path: str, encoding: str = "utf-8", max_bytes: int = MAX_BYTES
) -> str:
    """Decode one input's bytes, with specific errors for empty, binary, huge or mis-encoded data."""
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"{len(data) / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit for one article",
            path=path,
            fix="split it into one article per file (or a .jsonl corpus), or raise --max-bytes",
        )
    if not data.strip():
        raise EmptyInputError("the file is empty", path=path, fix="remove it or give it text")
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryInputError(
                f"this is {kind}, not text", path=path, fix="convert it to text or HTML first"
            )
    head = data[:8192]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if b"\x00" in head or controls > len(head) * 0.1:
        raise BinaryInputError(
            "this looks like a binary file, not text",
            path=path,
            fix="give dateline .txt, .html, .jsonl or .csv files",
        )
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise EncodingError(
            f"not valid {encoding} (byte 0x{bad} at offset {exc.start})",
            path=path,
            fix="re-encode it as UTF-8 (iconv -f cp1252 -t utf-8 FILE) or pass --encoding cp1252",
        ) from exc
    except LookupError as exc:
        raise EncodingError(
            f"unknown encoding '{encoding}'", path=path, fix="pass a Python codec name like cp1252"
        ) from exc


def _read_bytes(path: Path, opts: InputOptions) -> bytes:
    size = path.stat().st_size
    if size > opts.max_bytes and path.suffix.lower() not in JSONL_SUFFIXES | CSV_SUFFIXES:
        raise InputTooLargeError(
            f"{size / 1e6:.1f} MB is over the {opts.max_bytes / 1e6:.1f} MB limit for one article",
            path=str(path),
            fix="split it into one article per file (or a .jsonl corpus), or raise --max-bytes",
        )
    return path.read_bytes()


def _sidecar(path: Path) -> dict[str, Any]:
    side = path.with_suffix(".json")
    if not side.exists():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MetadataError(
            f"sidecar metadata is not valid JSON ({exc})", path=str(side), fix="fix or remove it"
        ) from exc
    if not isinstance(data, dict):
        raise MetadataError(
            "sidecar metadata must be a JSON object", path=str(side), fix="wrap it in {}"
        )
    return data


def _with_defaults(meta: Mapping[str, Any], opts: InputOptions) -> dict[str, Any]:
    out = {k: getattr(opts, k) for k in ("published", "source", "url", "title")}
    out.update({k: v for k, v in meta.items() if v not in (None, "")})
    return out


def _article_from_meta(
    text: str, meta: Mapping[str, Any], opts: InputOptions, path: str
) -> Article:
    m = _with_defaults(meta, opts)
    extra = {
        k: v for k, v in m.items() if k not in ("published", "source", "url", "title", "author")
    }
    return make_article(
        text,
        published=m.get("published"),
        source=m.get("source"),
        url=m.get("url"),
        title=m.get("title"),
        author=m.get("author"),
        path=path,
        meta=extra,
    )


def read_text(
    data: bytes, path: str, opts: InputOptions, meta: Mapping[str, Any] | None = None
) -> Article:
    """One plain-text article."""
    text = decode_bytes(data, path=path, encoding=opts.encoding, max_bytes=opts.max_bytes)
    return _article_from_meta(text, meta or {}, opts, path)


def read_html(
    data: bytes, path: str, opts: InputOptions, meta: Mapping[str, Any] | None = None
) -> Article:
    """One HTML page: body, title, date and author extracted with trafilatura."""
    import trafilatura

    html = decode_bytes(data, path=path, encoding=opts.encoding, max_bytes=opts.max_bytes)
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, url=opts.url
    )
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise HTMLExtractionError(
            "no article text could be extracted from this HTML (malformed, empty, or not an "
            "article page)",
            path=path,
            fix="check the page in a browser; save the article body as .txt if it is there",
        )
    page = {
        "title": getattr(doc, "title", None),
        "author": getattr(doc, "author", None),
        "published": getattr(doc, "date", None),
        "url": getattr(doc, "url", None),
        "source": getattr(doc, "sitename", None),
    }
    merged = {k: v for k, v in page.items() if v}
    merged.update(meta or {})
    # Paragraphs come one per line from trafilatura; a blank line keeps them apart for the parser.
    text = "\n\n".join(line for line in body.split("\n") if line.strip())
    return _article_from_meta(text, merged, opts, path)


def _column(fieldnames: Iterable[str], key: str, opts: InputOptions) -> str | None:
    names = list(fieldnames)
    if key in opts.columns:
        return opts.columns[key] if opts.columns[key] in names else None
    lower = {n.lower().strip(): n for n in names}
    return next((lower[c] for c in COLUMN_CANDIDATES[key] if c in lower), None)


def _records(
    rows: Iterable[tuple[int, Mapping[str, Any]]],
    fields: list[str],
    path: str,
    opts: InputOptions,
    unit: str,
) -> Iterator[Article | InputError]:
    text_col = _column(fields, "text", opts)
    if text_col is None:
        wanted = opts.columns.get("text", "/".join(COLUMN_CANDIDATES["text"][:4]))
        yield CorpusFormatError(
            f"no text column '{wanted}' (columns: {', '.join(fields) or 'none'})",
            path=path,
            fix="name the text column with --text-column NAME",
        )
        return
    cols = {k: _column(fields, k, opts) for k in COLUMN_CANDIDATES if k != "text"}
    for n, row in rows:
        where = f"{path}:{unit} {n}"
        text = row.get(text_col)
        if not isinstance(text, str) or not text.strip():
            yield EmptyInputError(
                f"{unit} {n} has no text in '{text_col}'", path=path, fix="fill or drop the row"
            )
            continue
        meta = {k: row.get(c) for k, c in cols.items() if c and row.get(c) not in (None, "")}
        meta = {k: str(v) for k, v in meta.items()}
        try:
            yield _article_from_meta(text, meta, opts, where)
        except InputError as exc:
            yield exc


def read_jsonl(
    stream: Iterable[str], path: str, opts: InputOptions
) -> Iterator[Article | InputError]:
    """A JSON-lines corpus: one object per line with a text field and metadata fields."""
    rows: list[tuple[int, Mapping[str, Any]]] = []
    errors: list[InputError] = []
    fields: dict[str, None] = {}
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(
                CorpusFormatError(
                    f"line {n} is not valid JSON ({exc.msg})",
                    path=path,
                    fix="fix or remove that line",
                )
            )
            continue
        if not isinstance(obj, dict):
            errors.append(
                CorpusFormatError(
                    f"line {n} is not a JSON object", path=path, fix="write one {...} per line"
                )
            )
            continue
        fields.update(dict.fromkeys(obj))
        rows.append((n, obj))
    yield from errors
    if rows:
        yield from _records(rows, list(fields), path, opts, "line")
    elif not errors:
        yield EmptyInputError(
            "the corpus has no records", path=path, fix="give it one JSON object per line"
        )


def read_csv(
    text: str, path: str, opts: InputOptions, delimiter: str = ","
) -> Iterator[Article | InputError]:
    """A CSV/TSV corpus with a header row: a text column and metadata columns."""
    csv.field_size_limit(max(opts.max_bytes, 131072))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    fields = [f for f in (reader.fieldnames or []) if f]
    if not fields:
        yield CorpusFormatError(
            "the CSV has no header row", path=path, fix="add a header with a 'text' column"
        )
        return
    try:
        rows = [(n, row) for n, row in enumerate(reader, 2)]
    except csv.Error as exc:
        yield CorpusFormatError(f"the CSV is malformed ({exc})", path=path, fix="check its quoting")
        return
    yield from _records(rows, fields, path, opts, "row")


def _corpus_text(path: Path, opts: InputOptions) -> str:
    data = path.read_bytes()
    return decode_bytes(
        data, path=str(path), encoding=opts.encoding, max_bytes=max(opts.max_bytes, len(data))
    )


def read_file(path: Path, opts: InputOptions) -> Iterator[Article | InputError]:
    """All articles in one file (one for .txt/.html, many for .jsonl/.csv)."""
    suffix = path.suffix.lower()
    name = str(path)
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(_corpus_text(path, opts).splitlines(), name, opts)
        elif suffix in CSV_SUFFIXES:
            yield from read_csv(
                _corpus_text(path, opts), name, opts, "\t" if suffix == ".tsv" else ","
            )
        elif suffix in HTML_SUFFIXES:
            yield read_html(_read_bytes(path, opts), name, opts, _sidecar(path))
        elif suffix in TEXT_SUFFIXES or not suffix:
            yield read_text(_read_bytes(path, opts), name, opts, _sidecar(path))
        else:
            yield UnsupportedInputError(
                f"dateline does not read '{suffix}' files",
                path=name,
                fix="give it .txt, .html, .jsonl or .csv (convert other formats first)",
            )
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(
            f"cannot read the file ({exc.strerror})",
            path=name,
            fix="check the path and its permissions",
        )


def read_stdin(
    opts: InputOptions, stream: io.BufferedIOBase | None = None
) -> Iterator[Article | InputError]:
    """Articles from standard input: one text or HTML article, or a JSON-lines corpus."""
    data = (stream or sys.stdin.buffer).read()
    kind = opts.stdin_format
    if kind == "auto":
        head = data.lstrip()[:200].lower()
        kind = (
            "jsonl"
            if head.startswith(b"{")
            else "html"
            if head.startswith((b"<!doctype", b"<html"))
            else "text"
        )
    try:
        if kind == "jsonl":
            text = decode_bytes(
                data, path="<stdin>", encoding=opts.encoding, max_bytes=max(len(data), 1)
            )
            yield from read_jsonl(text.splitlines(), "<stdin>", opts)
        elif kind == "html":
            yield read_html(data, "<stdin>", opts)
        else:
            yield read_text(data, "<stdin>", opts)
    except InputError as exc:
        yield exc


def expand_paths(paths: Iterable[str]) -> Iterator[Path | str]:
    """Files named directly, and supported files under folders (recursively, sorted); ``-`` is stdin."""
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUPPORTED and not f.name.startswith("."):
                    yield f
        else:
            yield path


def iter_inputs(
    paths: Iterable[str], opts: InputOptions | None = None
) -> Iterator[Article | InputError]:
    """Every article in ``paths`` (files, folders, ``-`` for stdin); bad inputs come as errors."""
    opts = opts or InputOptions()
    for p in expand_paths(paths):
        if p == "-":
            yield from read_stdin(opts)
        elif isinstance(p, Path) and not p.exists():
            yield InputError("no such file or folder", path=str(p), fix="check the path")
        elif isinstance(p, Path):
            yield from read_file(p, opts)
