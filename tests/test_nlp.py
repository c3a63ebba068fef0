"""The nlp stage's own sentence rule (texts written for these tests)."""

from __future__ import annotations

from dateline.nlp import load_model


def test_a_blank_line_ends_a_sentence() -> None:
    doc = load_model()("Rebels Seize Border Town After Week of Fighting\n\nThe army said on "
                       "Monday that it had lost contact with two units.")
    starts = [s.start_char for s in doc.sents]
    assert doc.text.index("The army") in starts


def test_a_single_line_break_does_not() -> None:
    doc = load_model()("The army said on Monday that it had\nlost contact with two units.")
    assert len(list(doc.sents)) == 1
