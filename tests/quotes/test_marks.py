"""Pairing of quotation marks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.quotes.marks import CLOSE, OPEN, STRAIGHT, before_close, quote_spans

PLAIN = st.text(alphabet=st.characters(blacklist_characters=OPEN + CLOSE + STRAIGHT + "\n"))


@given(st.text())
def test_spans_are_ordered_and_start_on_a_mark(text: str) -> None:
    spans = quote_spans(text)
    last = -1
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        # A closing mark opens a quotation only where nothing is open and a word starts.
        opened_by_close = text[s] in CLOSE and (s == 0 or text[s - 1].isspace())
        assert text[s] in OPEN + STRAIGHT or text[s : s + 2] == "''" or opened_by_close
        assert s >= last
        last = e


@given(PLAIN, PLAIN.filter(lambda s: len(s) > 1), PLAIN)
def test_curly_quote_found_whole(before: str, inner: str, after: str) -> None:
    text = f"{before}“{inner}”{after}"
    start = len(before)
    assert (start, start + len(inner) + 2) in quote_spans(text)


def test_straight_quotes_and_apostrophes() -> None:
    text = 'The country"s leader said "we are ready" and left.'
    (span,) = quote_spans(text)
    assert text[span[0] : span[1]] == '"we are ready"'


def test_open_quote_closes_at_paragraph_end() -> None:
    text = "He said: “first part\n\nNext paragraph."
    (span,) = quote_spans(text)
    assert text[span[0] : span[1]] == "“first part"


def test_doubled_apostrophes_are_a_quotation_mark() -> None:
    text = "''The levee held,'' the engineer said. It isn't over. ''Not yet.''"
    spans = quote_spans(text)
    assert [text[a:b] for a, b in spans] == ["''The levee held,''", "''Not yet.''"]


def test_inner_quotation_closing_before_doubled_apostrophes() -> None:
    text = "''They call it 'a one-off,''' she said. ''It is not.''"
    spans = quote_spans(text)
    assert [text[a:b] for a, b in spans] == ["''They call it 'a one-off,'''", "''It is not.''"]


def test_closing_mark_typed_for_an_opening_one() -> None:
    text = "Readers wrote in.\n\n”Too slow. Far too slow.” ― Ana Ruiz\n"
    start = text.index("”")
    assert quote_spans(text) == [(start, text.index("” ―") + 1)]


@given(PLAIN.filter(lambda s: s[:1].isalnum()))
def test_closing_mark_inside_a_word_opens_nothing(inner: str) -> None:
    assert quote_spans(f"x”{inner}") == []


def test_punctuation_inside_nested_closing_marks() -> None:
    text = "“She asked, ‘What do you need?’” he said."
    (span,) = [s for s in quote_spans(text) if text[s[0]] == "“"]
    assert before_close(text, span) == "?"
