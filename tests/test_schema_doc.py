"""docs/schema.md documents the document model as it is (regenerate with
``DATELINE_UPDATE_GOLDEN=1 pytest tests/test_schema_doc.py``)."""

from __future__ import annotations

import dataclasses
import inspect
import os
from pathlib import Path

from dateline import model

DOC = Path(__file__).parent.parent / "docs" / "schema.md"
CLASSES = [model.Article, model.Repair, model.Dateline, model.Entity, model.Mention, model.Place,
           model.TimeExpr, model.Event, model.Argument, model.Count, model.Quote]

HEADER = """# The document schema (version {version})

`dateline extract --format json` and `Article.to_dict()` give one JSON object per article, with
`schema_version` first. A change of the major version means old documents cannot be read back.
Offsets (`start`, `end`) are character offsets into `text` (the cleaned text); `repairs` map them
back to `raw_text` (`Article.raw_offset`). Generated from `dateline/model.py`.
"""


def render() -> str:
    """The schema document for the model in this checkout."""
    parts = [HEADER.format(version=model.SCHEMA_VERSION)]
    for cls in CLASSES:
        doc = inspect.getdoc(cls) or ""
        first = doc.split("\n\n")[0]
        # `compare=False` marks runtime-only fields (the spaCy Doc), which are not serialised.
        rows = "\n".join(f"| `{f.name}` | `{f.type}` |" for f in dataclasses.fields(cls) if f.compare)
        parts.append(f"## {cls.__name__}\n\n{first}\n\n| field | type |\n|---|---|\n{rows}\n")
    return "\n".join(parts)


def test_schema_doc_is_current() -> None:
    text = render()
    if os.environ.get("DATELINE_UPDATE_GOLDEN"):
        DOC.write_text(text, encoding="utf-8")
    assert DOC.read_text(encoding="utf-8") == text, (
        "docs/schema.md is out of date: DATELINE_UPDATE_GOLDEN=1 pytest tests/test_schema_doc.py"
    )
