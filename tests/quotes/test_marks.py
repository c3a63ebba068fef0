"""Pairing of quotation marks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.quotes.marks import CLOSE, OPEN, STRAIGHT, quote_spans

PLAIN = st.text(alphabet=st.characters(blacklist_characters=OPEN + CLOSE + STRAIGHT + "\n"))


@given(st.text())
def test_spans_are_ordered_and_start_on_a_mark(text: str) -> None:
    spans = quote_spans(text)
    last = -1
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert text[s] in OPEN + STRAIGHT or text[s : s + 2] == "''"
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
