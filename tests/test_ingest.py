"""Ingest: every input kind, metadata precedence, and a specific error for each kind of bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dateline.errors import (
    BinaryInputError,
    CorpusFormatError,
    EmptyInputError,
    EncodingError,
    HTMLExtractionError,
    InputError,
    InputTooLargeError,
    MetadataError,
)
from dateline.ingest import InputOptions, iter_inputs, make_article, normalize_date, read_stdin
from dateline.model import Article
from tests.conftest import FIXTURES

STORY = "Police in Lagos arrested four men on Monday after a robbery at a market, a spokesman said."


def only(items: list[Article | InputError]) -> Article | InputError:
    assert len(items) == 1, items
    return items[0]


def test_text_file_with_sidecar_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.json").write_text(
        json.dumps({"published": "2021-03-01", "source": "Lagos Daily"})
    )
    art = only(
        list(
            iter_inputs(
                [str(tmp_path / "a.txt")], InputOptions(source="Default", published="2020-01-01")
            )
        )
    )
    assert isinstance(art, Article)
    assert (art.published, art.source) == ("2021-03-01", "Lagos Daily")


def test_flags_fill_missing_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    art = only(
        list(
            iter_inputs(
                [str(tmp_path / "a.txt")], InputOptions(source="Flag Wire", published="2021-03-02")
            )
        )
    )
    assert isinstance(art, Article)
    assert (art.published, art.source) == ("2021-03-02", "Flag Wire")


def test_html_page_body_and_metadata() -> None:
    art = only(list(iter_inputs([str(FIXTURES / "page.html")])))
    assert isinstance(art, Article)
    assert art.published == "2022-09-03"
    assert art.author == "Amina Bello"
    assert "MAIDUGURI, Nigeria (Test Wire)" in art.raw_text
    assert "Sport" not in art.raw_text


def test_folder_is_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "one.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sub" / "two.txt").write_text(STORY.replace("four", "five"), encoding="utf-8")
    (tmp_path / "sub" / "two.json").write_text("{}")
    (tmp_path / "notes.pdfx").write_text("ignored")
    items = list(iter_inputs([str(tmp_path)]))
    assert len(items) == 2 and all(isinstance(i, Article) for i in items)


def test_jsonl_and_csv_corpora(tmp_path: Path) -> None:
    rows = [
        {"body": STORY, "date": "2021-05-02", "outlet": "A"},
        {"body": STORY + " Two.", "date": "2021-05-03"},
    ]
    (tmp_path / "c.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8"
    )
    items = list(iter_inputs([str(tmp_path / "c.jsonl")]))
    errors = [i for i in items if isinstance(i, InputError)]
    arts = [i for i in items if isinstance(i, Article)]
    assert len(arts) == 2 and arts[0].source == "A" and arts[1].published == "2021-05-03"
    assert len(errors) == 1 and "line 3" in str(errors[0])
    (tmp_path / "c.csv").write_text('story,when\n"' + STORY + '",2021-05-04\n', encoding="utf-8")
    opts = InputOptions(columns={"text": "story", "published": "when"})
    art = only(list(iter_inputs([str(tmp_path / "c.csv")], opts)))
    assert isinstance(art, Article) and art.published == "2021-05-04"


def test_stdin_text_and_jsonl() -> None:
    art = only(list(read_stdin(InputOptions(published="2021-01-01"), io.BytesIO(STORY.encode()))))
    assert isinstance(art, Article) and art.path == "<stdin>"
    stream = io.BytesIO((json.dumps({"text": STORY}) + "\n").encode())
    assert isinstance(only(list(read_stdin(InputOptions(), stream))), Article)


@pytest.mark.parametrize(
    ("name", "content", "error", "words"),
    [
        ("empty.txt", b"", EmptyInputError, "empty"),
        ("blank.txt", b"  \n\n ", EmptyInputError, "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", BinaryInputError, "PNG"),
        ("blob.txt", bytes(range(256)) * 4, BinaryInputError, "binary"),
        (
            "latin1.txt",
            "Caf\xe9 in Bogot\xe1 closed.".encode("latin-1"),
            EncodingError,
            "--encoding",
        ),
        ("huge.txt", b"word " * 4_200_000, InputTooLargeError, "--max-bytes"),
        ("broken.html", b"<html><body><div", HTMLExtractionError, "HTML"),
        (
            "nocol.csv",
            b"headline,date\nA thing happened,2021-01-01\n",
            CorpusFormatError,
            "--text-column",
        ),
        ("doc.pdf", b"%PDF-1.4", InputError, ".txt"),
    ],
)
def test_bad_inputs_give_one_line_errors_naming_file_and_fix(
    tmp_path: Path, name: str, content: bytes, error: type[InputError], words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    item = only(list(iter_inputs([str(path)])))
    assert isinstance(item, error)
    message = str(item)
    assert "\n" not in message
    assert str(path) in message
    assert "Fix:" in message and words in message


def test_a_batch_goes_on_after_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a_bad.txt").write_bytes(b"")
    (tmp_path / "b_good.txt").write_text(STORY, encoding="utf-8")
    items = list(iter_inputs([str(tmp_path)]))
    assert [type(i) for i in items] == [EmptyInputError, Article]


def test_non_english_is_flagged_not_extracted() -> None:
    text = (
        "Las fuerzas de seguridad confirmaron el viernes la muerte de un comandante rebelde en la "
        "provincia, según un comunicado del ministerio de defensa."
    )
    art = make_article(text)
    assert art.language == "es"
    assert any("not English" in w for w in art.warnings)


def test_dates_are_normalised() -> None:
    assert normalize_date("2020-10-25T09:30:00Z") == "2020-10-25"
    assert normalize_date("25 October 2020") == "2020-10-25"
    with pytest.raises(MetadataError, match="YYYY-MM-DD"):
        normalize_date("last Tuesday")
