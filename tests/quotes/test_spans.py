"""Content-span boundaries of reported speech (sentences written for dateline's tests)."""

from tests.quotes.test_reported import quotes_of, with_cue


def test_predicate_in_the_cues_tense_leaves_the_reported_clause() -> None:
    _, qs = quotes_of(
        "The senator insists the party must be a party of workers, and has built a coalition "
        "that has drawn fire from the right."
    )
    assert with_cue(qs, "insists").text == "the party must be a party of workers"
    _, qs = quotes_of(
        "The ministry denies that the famine was a crime and goes to great lengths to suppress research on it."
    )
    assert with_cue(qs, "denies").text == "that the famine was a crime"
    # A verb in the reported verb's own tense goes on with what was said.
    _, qs = quotes_of("The governor said she was tired and wanted to rest.")
    assert with_cue(qs, "said").text == "she was tired and wanted to rest"


def test_predicate_split_off_the_reported_clause_keeps_the_cues_speaker() -> None:
    _, qs = quotes_of("She says she will not vote for the mayor and considers him a liar.")
    assert with_cue(qs, "says").text == "she will not vote for the mayor"
    considers = with_cue(qs, "considers")
    assert considers.speaker_text == "She"
    assert considers.parent is None
