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


def test_second_report_joined_by_and_is_not_the_first_ones_content() -> None:
    _, qs = quotes_of(
        "About half of voters said they were very worried about the economy, and more than a third "
        "said the mayor would be best at handling it."
    )
    first, second = (q for q in qs if q.cue == "said")
    assert first.text == "they were very worried about the economy"
    assert second.speaker_text == "more than a third"
    assert second.text == "the mayor would be best at handling it"


def test_closing_partial_quotation_takes_the_words_that_open_its_sentence() -> None:
    _, qs = quotes_of('The new levy "will not fix the deficit," the treasurer said.')
    assert with_cue(qs, "said").text == 'The new levy "will not fix the deficit,"'
    # A quotation that opens its own sentence stays as it is.
    _, qs = quotes_of('The talks ended early. "We will return," the envoy said.')
    assert with_cue(qs, "said").text == '"We will return,"'


def test_passive_cue_with_an_infinitive_reports_its_subject_too() -> None:
    art, qs = quotes_of("The defence minister is expected to resign before the summit.")
    expected = with_cue(qs, "expected")
    assert [art.text[a:b] for a, b in expected.fragments] == [
        "The defence minister",
        "to resign before the summit",
    ]


def test_preposition_right_after_an_object_cue_is_not_content() -> None:
    _, qs = quotes_of("The senator called for an inquiry into the shelling.")
    called = with_cue(qs, "called")
    assert called.text == "an inquiry into the shelling"


def test_participle_after_the_object_without_a_comma_completes_it() -> None:
    art, qs = quotes_of("Observers criticized the army in the spring using heavy artillery near schools.")
    criticized = with_cue(qs, "criticized")
    assert [art.text[a:b] for a, b in criticized.fragments] == [
        "the army",
        "using heavy artillery near schools",
    ]


def test_clause_closed_before_the_cue_is_not_its_content() -> None:
    _, qs = quotes_of("These officers don’t blame the mayor; they prefer the council to the unions.")
    assert with_cue(qs, "prefer").text == "the council to the unions"
    # An object cue with its own object after it reports that object, not the clause before.
    _, qs = quotes_of("Turnout is low, critics blame the weather.")
    assert with_cue(qs, "blame").text == "the weather"
