"""Reported speech without quotation marks: subjects, frames and nesting (texts written here)."""

from __future__ import annotations

from dateline.model import Article, Entity, Mention, Quote
from dateline.pipeline import Pipeline
from dateline.quotes import extract_quotes


def quotes_of(text: str, entities: list[Entity] | None = None) -> tuple[Article, list[Quote]]:
    """Parse ``text`` and extract its quotes (entities given by hand, if any)."""
    art = Pipeline(["nlp"]).run_one(Article(raw_text=text))
    art.entities = entities or []
    art.quotes = extract_quotes(art)
    return art, art.quotes


def with_cue(quotes: list[Quote], cue: str) -> Quote:
    hits = [q for q in quotes if q.cue == cue]
    assert hits, f"no quote with cue {cue!r}: {quotes}"
    return hits[0]


def test_nested_attribution_points_at_its_host() -> None:
    _, qs = quotes_of("The mayor says she believes the new bridge will open in May.")
    says = with_cue(qs, "says")
    believes = with_cue(qs, "believes")
    assert says.parent is None
    assert believes.parent == says.id
    assert believes.speaker_text == "she"


def test_say_so_and_say_yes_take_the_short_object() -> None:
    _, qs = quotes_of("Asked whether the plan would work, most of the farmers said yes.")
    said = with_cue(qs, "said")
    assert said.text == "yes"
    assert said.speaker_text == "most of the farmers"


def test_clock_time_is_not_part_of_the_speaker() -> None:
    _, qs = quotes_of(
        "Early reports were mixed.\n\n"
        "4:10 p.m.  The harbour master says the storm has damaged two piers."
    )
    says = with_cue(qs, "says")
    assert says.speaker_text == "The harbour master"
    assert says.text == "the storm has damaged two piers"


def test_that_clause_hung_on_the_channel_noun() -> None:
    _, qs = quotes_of("The union said in a statement that the strike would continue on Monday.")
    said = with_cue(qs, "said")
    assert said.speaker_text == "The union"
    assert "the strike would continue" in said.text


def test_interrupting_cue_before_its_host_clause() -> None:
    art, qs = quotes_of("This winter, the engineer says, is the hardest in a decade.")
    says = with_cue(qs, "says")
    assert says.speaker_text == "the engineer"
    pieces = [says.text] if not says.fragments else [art.text[a:b] for a, b in says.fragments]
    assert pieces == ["This winter", "is the hardest in a decade"]


def test_passive_cue_keeps_an_unstated_source() -> None:
    _, qs = quotes_of("When asked about the delay, the minister smiled and left the room.")
    asked = with_cue(qs, "asked")
    assert asked.speaker_text is None
    assert asked.text == "the delay"


def test_run_on_headline_takes_the_adjacent_speaker() -> None:
    # A headline that runs into its standfirst with no full stop in between.
    _, qs = quotes_of(
        "Rebel commander Tomas Varga was on the regional wanted list "
        "Harbour Police Service said he was caught at the port"
    )
    said = with_cue(qs, "said")
    assert said.speaker_text == "Harbour Police Service"
    assert said.text == "he was caught at the port"


def test_role_named_before_its_holder_resolves_to_the_unique_holder() -> None:
    text = (
        "The raid prompted the country's governor to accuse the rebels of smuggling. "
        "Later, Governor Ana Ruiz visited the port."
    )
    s = text.index("Ana Ruiz")
    ruiz = Entity("e1", "Ana Ruiz", "PERSON", [Mention(s, s + 8, "Ana Ruiz")], roles=["Governor"])
    _, qs = quotes_of(text, [ruiz])
    accuse = with_cue(qs, "accuse")
    assert accuse.speaker_text == "the country's governor"
    assert accuse.speaker_entity_id == "e1"


def test_unattributed_quotation_continues_the_speaker() -> None:
    art, qs = quotes_of(
        "“The river is rising,” the warden said on Tuesday.\n\n"
        "“We have moved the sheep to the upper fields.”\n\n"
        "The road stayed open."
    )
    said = with_cue(qs, "said")
    assert len(said.fragments) == 2
    assert art.text[slice(*said.fragments[1])] == "“We have moved the sheep to the upper fields.”"


def test_doubled_apostrophe_quotation_continues_the_speaker_not_the_inner_cue() -> None:
    text = (
        "He spoke for an hour. ''We are told all the time, 'The dam is a special case,''' "
        "the minister said. ''It is not. Nothing about it is special.''"
    )
    art, qs = quotes_of(text)
    said = with_cue(qs, "said")
    assert [art.text[slice(*f)] for f in said.fragments][1] == "''It is not. Nothing about it is special.''"
    assert len(with_cue(qs, "told").fragments or []) <= 1


def test_quotation_after_a_paraphrase_closed_by_its_cue_continues_it() -> None:
    art, qs = quotes_of(
        "The new toll was \"plainly unfair\" to commuters, the councillor said. "
        "\"Nobody asked the people who drive that road every day.\""
    )
    said = with_cue(qs, "said")
    assert said.fragments is not None and len(said.fragments) == 2
    assert art.text[slice(*said.fragments[1])].startswith("\"Nobody asked")


def test_predicate_conjoined_to_the_cue_continues_the_reported_clause() -> None:
    art, qs = quotes_of("The mayor said the vote was fair, but required voters to bring an ID.")
    said = with_cue(qs, "said")
    assert art.text[said.end - len("to bring an ID") : said.end] == "to bring an ID"


def test_second_that_clause_conjoined_to_the_cue_is_content() -> None:
    art, qs = quotes_of(
        "The minister believes there are no good options, but that some choices are worse "
        "than others."
    )
    said = with_cue(qs, "believes")
    assert art.text[said.end - len("worse than others") : said.end] == "worse than others"


def test_but_clause_after_a_speech_cue_continues_it_after_a_belief_cue_does_not() -> None:
    text = "The mayor said the bridge would reopen in May, but the ferry would keep running."
    art, qs = quotes_of(text)
    said = with_cue(qs, "said")
    assert art.text[said.end - len("keep running") : said.end] == "keep running"
    _, qs = quotes_of("The mayor believed the bridge would reopen in May, but that was not the case.")
    assert with_cue(qs, "believed").text == "the bridge would reopen in May"


def test_report_in_a_concessive_clause_is_its_own() -> None:
    _, qs = quotes_of("The mayor said the bridge was safe, though the engineers said it needed repairs.")
    said = [q for q in qs if q.cue == "said"]
    assert said[0].text == "the bridge was safe"
    assert said[1].speaker_text == "the engineers" and said[1].parent is None


def test_report_conjoined_to_the_cue_stays_out_of_the_clause() -> None:
    _, qs = quotes_of("The mayor said the vote was fair, but went on to say that turnout was low.")
    assert with_cue(qs, "said").text == "the vote was fair"


def test_cue_between_subject_and_quoted_predicate_takes_the_whole_sentence() -> None:
    _, qs = quotes_of(
        "The new ferry timetable, the harbour master said, \"is a first step\" toward "
        "a better service."
    )
    said = with_cue(qs, "said")
    assert said.text.startswith("The new ferry timetable")
    assert said.speaker_text == "the harbour master"


def test_participle_that_reports_nothing_stays_in_the_reported_clause() -> None:
    _, qs = quotes_of(
        "The bakery said it sold 4,000 loaves in May, bringing its total for the spring to 11,000."
    )
    assert with_cue(qs, "said").text.endswith("to 11,000")


def test_participle_that_makes_a_report_leaves_the_reported_clause() -> None:
    _, qs = quotes_of("The coach said the team would win, arguing that its defence was the best.")
    assert with_cue(qs, "said").text == "the team would win"


def test_gerund_sharing_a_lemma_with_a_setting_noun_is_content() -> None:
    _, qs = quotes_of("The residents praised the fire crews for showing great courage.")
    assert with_cue(qs, "praised").text == "the fire crews for showing great courage"


def test_setting_noun_after_to_is_where_the_words_lead() -> None:
    _, qs = quotes_of("The senator challenged the governor to a televised debate.")
    assert with_cue(qs, "challenged").text == "the governor to a televised debate"


def test_infinitive_completing_the_topic_is_content() -> None:
    _, qs = quotes_of("The mayor railed against the council's habit to delay every vote.")
    assert with_cue(qs, "railed").text == "the council's habit to delay every vote"


def test_noun_conjoined_to_an_object_cue_is_content() -> None:
    art, qs = quotes_of(
        "The union criticized the mayor for his votes against the budget in 2019 and his vote "
        "last year to close the library."
    )
    criticized = with_cue(qs, "criticized")
    assert art.text[criticized.end - len("to close the library") : criticized.end] == (
        "to close the library"
    )


def test_as_predicate_of_the_object_is_content_as_time_clause_is_not() -> None:
    _, qs = quotes_of("Critics portrayed the plan as doomed from the start.")
    assert with_cue(qs, "portrayed").text == "the plan as doomed from the start"
    _, qs = quotes_of("Critics praised the plan as the meeting ended.")
    assert with_cue(qs, "praised").text == "the plan"


def test_quotation_with_its_own_cue_is_not_taken_over() -> None:
    _, qs = quotes_of(
        "“The river is rising,” the warden said.\n\n“It will fall by Friday,” the mayor replied."
    )
    said = with_cue(qs, "said")
    assert not said.fragments
    assert with_cue(qs, "replied").speaker_text == "the mayor"


def test_noun_cue_with_possessor_and_of_phrase() -> None:
    _, qs = quotes_of("The senator's criticism of the new tax drew little notice.")
    crit = with_cue(qs, "criticism")
    assert crit.speaker_text == "The senator"
    assert crit.text == "the new tax"
    assert crit.stance == "accuses"


def test_attitude_adjective_after_a_copula() -> None:
    _, qs = quotes_of("The harbour master was confident that the piers would hold.")
    conf = with_cue(qs, "confident")
    assert conf.speaker_text == "The harbour master"
    assert conf.text == "that the piers would hold"


def test_typewriter_quotation_with_cue() -> None:
    _, qs = quotes_of("''The levee held,'' the engineer said.")
    said = with_cue(qs, "said")
    assert said.text == "''The levee held,''"
    assert said.direct
    assert said.speaker_text == "the engineer"


def test_subject_lost_behind_a_fronted_clause() -> None:
    _, qs = quotes_of(
        "Worried by the flooding in the valley, Mayor Ana Ruiz, the council leader, said that "
        "the dam would be inspected."
    )
    said = with_cue(qs, "said")
    assert said.speaker_text is not None and "Ana Ruiz" in said.speaker_text
    assert said.text == "that the dam would be inspected"


def test_terms_of_speaking_are_not_content() -> None:
    _, qs = quotes_of("A port official, speaking on condition of anonymity, gave no figures.")
    assert not [q for q in qs if q.cue == "speaking"]


def test_passive_want_is_not_a_report() -> None:
    _, qs = quotes_of("Police arrested a commander who was wanted for a series of raids.")
    assert not [q for q in qs if q.cue == "wanted"]


def test_a_confirmation_is_linked_to_the_event_of_its_victim() -> None:
    import dateline

    text = ("Security forces killed Omar Haddad, a senior militant commander, in a raid on "
            "Saturday, officials said.\n\nA spokesman for the ministry later confirmed "
            "Haddad's death.")
    art = dateline.extract(text, published="2021-03-21")
    killing = next(e for e in art.events if e.acled_event_type is not None)
    confirm = next(q for q in art.quotes if q.stance == "confirms")
    assert killing.id in confirm.event_ids


def test_words_inside_the_quotation_are_not_the_cue_s_clause() -> None:
    _, qs = quotes_of('"Is the bridge ready? Probably not," Ms. Dole said. "Maybe in June."')
    said = with_cue(qs, "said")
    assert said.speaker_text == "Ms. Dole"
    assert said.text.startswith('"Is the bridge ready?')


def test_trailing_who_clause_is_the_writer_s_aside() -> None:
    _, qs = quotes_of(
        "The governor said she would pardon the clerk, who has not been charged with any crime."
    )
    assert with_cue(qs, "said").text == "she would pardon the clerk"


def test_reported_clause_ends_at_a_semicolon() -> None:
    _, qs = quotes_of(
        "The agency said the delay was not deliberate; its staff only learned of the fault on Friday."
    )
    assert with_cue(qs, "said").text == "the delay was not deliberate"


def test_coordinated_speech_verb_reports_for_the_outer_speaker() -> None:
    _, qs = quotes_of(
        "The minister said he would review the budget next month and warned against new taxes."
    )
    said, warned = with_cue(qs, "said"), with_cue(qs, "warned")
    assert "warned" not in said.text
    assert warned.parent is None
    assert warned.speaker_text == "The minister"


def test_pointed_to_takes_what_it_points_at() -> None:
    _, qs = quotes_of("The governor pointed to the fall in burglaries as proof that the plan works.")
    pointed = with_cue(qs, "pointed")
    assert pointed.text.startswith("the fall in burglaries")
    assert pointed.speaker_text == "The governor"


def test_fronted_poll_holds_the_finding() -> None:
    _, qs = quotes_of("In a new poll released on Monday, the mayor leads her rival by six points.")
    poll = with_cue(qs, "In")
    assert poll.speaker_text is not None and "poll" in poll.speaker_text
    assert poll.text == "the mayor leads her rival by six points"


def test_statement_in_a_fronted_phrase_is_the_verb_s() -> None:
    _, qs = quotes_of("In a statement, the ministry said the border would reopen.")
    assert not [q for q in qs if q.cue == "In"]
    assert with_cue(qs, "said").speaker_text == "the ministry"


def test_object_takes_the_complement_the_parser_hung_on_the_verb() -> None:
    _, qs = quotes_of("The union announced a strike in support of the nurses at a rally on Monday.")
    announced = with_cue(qs, "announced")
    assert "in support of the nurses" in announced.text
    assert "rally" not in announced.text


def test_speaker_named_between_quotation_and_cue() -> None:
    _, qs = quotes_of('"We will win this seat," Jane Ortiz, a campaign aide, told reporters.')
    told = with_cue(qs, "told")
    assert told.speaker_text is not None and told.speaker_text.startswith("Jane Ortiz")
    assert told.text == '"We will win this seat,"'


def test_quoted_nickname_stays_in_the_speaker() -> None:
    _, qs = quotes_of(
        'The head of the delegation, Arnulfo Pineda, alias "El Profe", said the talks would resume.'
    )
    assert with_cue(qs, "said").speaker_text == (
        'The head of the delegation, Arnulfo Pineda, alias "El Profe"'
    )


def test_troops_responding_to_an_attack_report_nothing() -> None:
    _, qs = quotes_of("Government troops responded to the attack with artillery fire.")
    assert not [q for q in qs if q.cue == "responded"]
    _, qs = quotes_of("The ministry has not responded to requests for comment.")
    assert with_cue(qs, "responded").text == "requests for comment"


def test_passive_cue_with_an_agent_reports_its_subject() -> None:
    _, qs = quotes_of("The new budget was criticized by several economists on Monday.")
    q = with_cue(qs, "criticized")
    assert q.speaker_text == "several economists"
    assert q.text == "The new budget"


def test_as_clause_cue_reports_the_clause_it_hangs_on() -> None:
    _, qs = quotes_of("As the governor noted in her speech, the river has flooded twice this year.")
    q = with_cue(qs, "noted")
    assert q.speaker_text == "the governor"
    assert q.text == "the river has flooded twice this year"


def test_as_clause_of_time_reports_nothing() -> None:
    _, qs = quotes_of("As he spoke, the crowd grew restless.")
    assert qs == []


def test_impression_has_no_source_and_keeps_its_subject() -> None:
    _, qs = quotes_of("The ceasefire seems to be holding along the northern border.")
    q = with_cue(qs, "seems")
    assert q.speaker_start is None
    assert [q.text for q in qs] == ["The ceasefire seems to be holding along the northern border"]
    assert q.fragments and "seems" not in " ".join(
        q.text[a - q.start : b - q.start] for a, b in q.fragments
    )


def test_impression_leaves_an_expletive_it_out() -> None:
    _, qs = quotes_of("It appears that the talks will resume next week.")
    assert with_cue(qs, "appears").text == "that the talks will resume next week"


def test_impression_over_a_cue_verb_gives_way_to_it() -> None:
    _, qs = quotes_of("The minister appeared to reject the offer.")
    assert [q.cue for q in qs] == ["reject"]
    assert qs[0].speaker_text == "The minister"


def test_an_order_is_a_statement_with_an_object() -> None:
    _, qs = quotes_of("A judge ordered the ministry to release the records within a month.")
    q = with_cue(qs, "ordered")
    assert q.speaker_text == "A judge"
    assert q.text == "the ministry to release the records within a month"
    _, qs = quotes_of("The governor urged residents to leave the coast before the storm.")
    assert with_cue(qs, "urged").text == "residents to leave the coast before the storm"


def test_that_clause_misread_as_a_relative_clause_of_a_time_noun() -> None:
    _, qs = quotes_of("Kim tweeted in the early morning hours that Lopez was dishonest.")
    q = with_cue(qs, "tweeted")
    assert (q.speaker_text, q.text) == ("Kim", "that Lopez was dishonest")


def test_gladness_and_wariness_after_a_copula_are_attitudes() -> None:
    _, qs = quotes_of("The farmers were glad that the road had been repaired.")
    q = with_cue(qs, "glad")
    assert (q.speaker_text, q.text) == ("The farmers", "that the road had been repaired")
    _, qs = quotes_of("The farmers are wary of the new tax.")
    assert with_cue(qs, "wary").text == "the new tax"


def test_closing_according_to_keeps_the_speaker_s_appositive() -> None:
    _, qs = quotes_of(
        "Crime fell by a third last year, according to Maria Lopez, head of the city's statistics office."
    )
    q = with_cue(qs, "according to")
    assert q.speaker_text == "Maria Lopez, head of the city's statistics office"
    assert q.text == "Crime fell by a third last year"


def test_pushing_for_something_is_advocacy_pushing_troops_back_is_not() -> None:
    _, qs = quotes_of("Farmers have pushed for lower fuel prices.")
    assert with_cue(qs, "pushed").text == "lower fuel prices"
    _, qs = quotes_of("Government forces pushed the rebels back across the river.")
    assert qs == []


def test_rulings_and_identifications_are_reports() -> None:
    _, qs = quotes_of("The court ruled that the election had been fair.")
    assert with_cue(qs, "ruled").speaker_text == "The court"
    _, qs = quotes_of("Police identified the dead man as a local trader.")
    assert with_cue(qs, "identified").text == "the dead man as a local trader"


def test_participle_on_a_noun_speaks_for_the_noun() -> None:
    _, qs = quotes_of("Dispatchers took frantic calls saying a tanker had overturned on the bridge.")
    saying = with_cue(qs, "saying")
    assert saying.speaker_text == "frantic calls"
    assert saying.text == "a tanker had overturned on the bridge"


def test_calling_for_someone_to_act_takes_the_whole_request() -> None:
    _, qs = quotes_of("The senator is calling for the city council to repair the old harbour wall.")
    calling = with_cue(qs, "calling")
    assert calling.speaker_text == "The senator"
    assert calling.text == "the city council to repair the old harbour wall"


def test_criticism_someone_faces_is_not_their_own() -> None:
    _, qs = quotes_of("The minister faced sharp criticism over the closure of the clinic.")
    criticism = with_cue(qs, "criticism")
    assert criticism.speaker_text is None
    assert criticism.text == "the closure of the clinic"


def test_finding_a_job_reports_nothing_but_a_finding_does() -> None:
    _, qs = quotes_of("Many graduates cannot find jobs in the region.")
    assert qs == []
    _, qs = quotes_of("The audit found that the clinic had been overbilling patients.")
    assert with_cue(qs, "found").text == "that the clinic had been overbilling patients"


def test_supposed_to_is_an_expectation_not_a_report() -> None:
    _, qs = quotes_of("The new bridge was supposed to open in May.")
    assert qs == []


def test_relative_clause_with_a_report_of_its_own_leaves_the_speaker() -> None:
    _, qs = quotes_of(
        "Ana Ruiz, who said last month that the dam was safe, told reporters the spillway had cracked."
    )
    told = with_cue(qs, "told")
    assert told.speaker_text == "Ana Ruiz"
    said = with_cue(qs, "said")
    assert said.text == "that the dam was safe"


def test_relative_clause_describing_the_speaker_stays_with_it() -> None:
    _, qs = quotes_of("Ana Ruiz, who chairs the water board, told reporters the spillway had cracked.")
    assert with_cue(qs, "told").speaker_text == "Ana Ruiz, who chairs the water board"


def test_headline_speaker_before_a_colon() -> None:
    _, qs = quotes_of("Mayor Ruiz: The bridge will reopen in spring.\n\nThe city council met on Monday.")
    (q,) = qs
    assert q.speaker_text == "Mayor Ruiz"
    assert q.text == "The bridge will reopen in spring."


def test_headline_kicker_before_a_colon_is_no_speaker() -> None:
    _, qs = quotes_of("Breaking: Floods close the coast road.\n\nThe city council met on Monday.")
    assert qs == []


def test_backing_someone_has_is_held_by_the_backers() -> None:
    _, qs = quotes_of("The governor has the support of most farm unions.")
    support = with_cue(qs, "support")
    assert support.speaker_text == "most farm unions"
    assert support.text == "The governor"


def test_tally_lines_are_not_transcript_turns() -> None:
    _, qs = quotes_of("Delegates so far.\n\nOkafor: 412.\n\nMensah: 388.\n\nOkafor: 15.\n\nThe count resumes today.")
    assert qs == []


def test_cue_sentence_with_nothing_else_takes_the_quotation_before_its_full_stop() -> None:
    _, qs = quotes_of("“The ferry will not sail tomorrow.” The harbour master said.\n\nTrucks waited.")
    said = with_cue(qs, "said")
    assert said.text == "“The ferry will not sail tomorrow.”"
    assert said.speaker_text == "The harbour master"


def test_cue_with_an_object_after_a_closed_quotation_keeps_its_object() -> None:
    _, qs = quotes_of("“The ferry will not sail.” The harbour master announced a delay of two days.")
    assert with_cue(qs, "announced").text == "a delay of two days"


def test_cue_closing_with_a_colon_introduces_a_block_quotation() -> None:
    _, qs = quotes_of(
        "The mayor spoke after the vote. The mayor added:\n\n"
        "We will rebuild the market hall before the rains. Nobody will be left without a stall.\n\n"
        "The council adjourned."
    )
    added = with_cue(qs, "added")
    assert added.text.startswith("We will rebuild the market hall")
    assert added.text.endswith("without a stall.")


def test_outlining_and_lashing_out_are_statements() -> None:
    _, qs = quotes_of("The minister outlined a plan to rebuild the port.")
    assert with_cue(qs, "outlined").text == "a plan to rebuild the port"
    _, qs = quotes_of("The senator lashed out at the council.")
    assert with_cue(qs, "lashed").text == "the council"


def test_reportedly_marks_a_report_with_no_named_source() -> None:
    art, qs = quotes_of("The mining company has reportedly sold its stake in the port.")
    q = with_cue(qs, "reportedly")
    assert q.speaker_text is None
    assert [art.text[a:b] for a, b in q.fragments] == ["The mining company has", "sold its stake in the port"]


def test_siding_with_someone_takes_them_as_content() -> None:
    _, qs = quotes_of("The mayor sided with the striking nurses.")
    assert with_cue(qs, "sided").text == "the striking nurses"
    _, qs = quotes_of("The party distanced itself from the leaked memo.")
    assert with_cue(qs, "distanced").text == "the leaked memo"


def test_relative_pronoun_is_what_the_relative_clause_cue_reports_on() -> None:
    _, qs = quotes_of("The new toll, which the harbour council strongly opposed, passed on Friday.")
    opposed = with_cue(qs, "opposed")
    assert opposed.text == "which"
    assert opposed.speaker_text == "the harbour council"


def test_clause_cue_takes_the_object_of_with_or_of() -> None:
    _, qs = quotes_of("The governor agreed with the plan. The union warned of a long strike.")
    agreed = with_cue(qs, "agreed")
    assert agreed.text == "the plan"
    assert agreed.speaker_text == "The governor"
    assert with_cue(qs, "warned").text == "a long strike"


def test_clause_cue_takes_a_gerund_after_its_preposition() -> None:
    _, qs = quotes_of("The farmers complained about being left out of the talks.")
    complained = with_cue(qs, "complained")
    assert complained.text == "being left out of the talks"
    assert complained.speaker_text == "The farmers"


def test_comment_on_and_hint_at_take_what_the_words_were_about() -> None:
    _, qs = quotes_of("The minister commented on the new budget on Tuesday. The mayor hinted at a second term.")
    commented = with_cue(qs, "commented")
    assert commented.text == "the new budget"
    assert commented.speaker_text == "The minister"
    assert with_cue(qs, "hinted").text == "a second term"


def test_passive_cue_with_an_as_phrase_reports_the_thing_and_its_name() -> None:
    _, qs = quotes_of(
        "The river towns, known locally as the Reach, voted early. The militia is described as a local force."
    )
    # "known as" gives a name (an alias for the entities stage), not anyone's view.
    assert not [q for q in qs if q.cue == "known"]
    described = with_cue(qs, "described")
    assert "The militia" in described.text and "a local force" in described.text
    assert described.speaker_text is None


def test_colon_closing_the_paragraph_introduces_the_next_one() -> None:
    _, qs = quotes_of(
        "The harbour master wrote:\n\n"
        "The north pier will close for repairs in May and reopen in the autumn.\n\n"
        "Boats were moved on Monday."
    )
    wrote = with_cue(qs, "wrote")
    assert wrote.text == "The north pier will close for repairs in May and reopen in the autumn."
    assert wrote.speaker_text == "The harbour master"


def test_bare_cue_sentence_reports_the_quotation_closed_by_a_full_stop() -> None:
    _, qs = quotes_of("“The ferry will run again next week.” The harbour master said.")
    said = with_cue(qs, "said")
    assert said.text == "“The ferry will run again next week.”"
    assert said.speaker_text == "The harbour master"


def test_fronted_clause_parsed_as_a_second_subject_is_the_content() -> None:
    _, qs = quotes_of("The closure of the mill signals the end of the town, said Jane Ortiz, a local historian.")
    said = with_cue(qs, "said")
    assert said.text == "The closure of the mill signals the end of the town"
    assert said.speaker_text == "Jane Ortiz, a local historian"


def test_gerund_after_on_is_the_content_but_a_date_is_not() -> None:
    _, qs = quotes_of("The two unions agreed on extending the strike into March. The mayor agreed on Monday.")
    agreed = with_cue(qs, "agreed")
    assert agreed.text == "extending the strike into March"
    assert agreed.speaker_text == "The two unions"
    assert len([q for q in qs if q.cue == "agreed"]) == 1


def test_trailing_participle_after_a_reported_cue_speaks_for_the_reporter() -> None:
    _, qs = quotes_of(
        "Jane Ortiz said her union expects a long strike, insisting that the owners had refused to talk."
    )
    insisting = with_cue(qs, "insisting")
    assert insisting.speaker_text == "Jane Ortiz"


def test_infinitive_after_it_is_adjective_has_no_speaker() -> None:
    _, qs = quotes_of(
        "It is hard to imagine that the bridge will open before winter. "
        "The mayor is eager to say that the bridge will open soon."
    )
    imagine = with_cue(qs, "imagine")
    assert imagine.text == "that the bridge will open before winter"
    assert imagine.speaker_text is None
    assert with_cue(qs, "say").speaker_text == "The mayor"


def test_no_break_space_inside_the_speaker_name_does_not_cut_it() -> None:
    _, qs = quotes_of("Union spokeswoman\u00a0Jane Ortiz told reporters that the strike would end on Monday.")
    told = with_cue(qs, "told")
    assert told.speaker_text == "Union spokeswoman\u00a0Jane Ortiz"


def test_relative_clause_set_off_by_dashes_is_not_part_of_the_speaker() -> None:
    _, qs = quotes_of("The film -- which follows three miners -- argues that the town was abandoned.")
    argues = with_cue(qs, "argues")
    assert argues.speaker_text == "The film"


def test_offering_issuing_voting_and_encouraging_are_cues() -> None:
    _, qs = quotes_of(
        "The governor offered a blunt assessment of the flood defences. "
        "The ministry issued new rules for the harbour. "
        "Two council members voted against the new tax. "
        "The bishop encouraged the villagers to return home. "
        "The mayor addressed the crowd outside the town hall."
    )
    offered = with_cue(qs, "offered")
    assert offered.speaker_text == "The governor"
    assert "assessment of the flood defences" in offered.text
    assert with_cue(qs, "issued").speaker_text == "The ministry"
    voted = with_cue(qs, "voted")
    assert voted.speaker_text == "Two council members"
    assert "the new tax" in voted.text
    assert "return home" in with_cue(qs, "encouraged").text
    # Whom a speaker addresses is the audience, not what was said.
    assert not [q for q in qs if q.cue == "addressed"]


def test_verb_with_particle_or_object_noun_is_one_cue() -> None:
    _, qs = quotes_of(
        "The senator took aim at the new tax on fuel. "
        "The mayor laid out her plan for the harbour. "
        "The union made the case that wages must rise."
    )
    took = with_cue(qs, "took aim")
    assert took.speaker_text == "The senator"
    assert "the new tax on fuel" in took.text and "aim" not in took.text
    laid = with_cue(qs, "laid out")
    assert laid.text == "her plan for the harbour"
    made = with_cue(qs, "made the case")
    assert made.speaker_text == "The union"
    assert "wages must rise" in made.text and "case" not in made.text


def test_as_she_put_it_reports_the_clause_it_hangs_on() -> None:
    _, qs = quotes_of("As the general put it, the war is over.")
    put = with_cue(qs, "put it")
    assert put.text == "the war is over"
    assert put.speaker_text == "the general"
    # A plain "put" moves things; it reports nothing.
    _, qs = quotes_of("The general put the maps on the table.")
    assert not [q for q in qs if q.cue.startswith("put")]


def test_made_it_clear_is_a_cue_and_the_adjective_is_not_content() -> None:
    _, qs = quotes_of("The senator made it clear that she would stand again in the spring.")
    made = with_cue(qs, "made it clear")
    assert made.speaker_text == "The senator"
    assert made.text.startswith("that she would stand again")
    assert "clear" not in made.text


def test_a_survey_finds_its_plain_object_but_the_police_find_a_thing() -> None:
    _, qs = quotes_of("A survey in March found a narrow lead for the governor.")
    found = with_cue(qs, "found")
    assert found.text == "a narrow lead for the governor"
    assert found.speaker_text == "A survey"  # the date is when it found, not which survey
    _, qs = quotes_of("The police found a bicycle in the river.")
    assert not [q for q in qs if q.cue == "found"]


def test_detailing_and_convincing_are_cues() -> None:
    _, qs = quotes_of(
        "The minister detailed the costs of the new dam. "
        "Officials convinced the union that the plant would stay open."
    )
    detailed = with_cue(qs, "detailed")
    assert detailed.text == "the costs of the new dam"
    assert detailed.speaker_text == "The minister"
    convinced = with_cue(qs, "convinced")
    assert convinced.text == "that the plant would stay open"
    assert convinced.speaker_text == "Officials"


def test_a_mention_or_a_rebuke_is_a_noun_cue() -> None:
    _, qs = quotes_of(
        "The minister's mention of the border talks surprised diplomats. "
        "The mayor's rebuke of the police chief was brief."
    )
    mention = with_cue(qs, "mention")
    assert mention.speaker_text == "The minister"
    assert mention.text == "the border talks"
    assert with_cue(qs, "rebuke").text == "the police chief"


def test_made_no_secret_of_is_a_cue() -> None:
    _, qs = quotes_of("The governor made no secret of her plans to run.")
    made = with_cue(qs, "made no secret")
    assert made.speaker_text == "The governor"
    assert "her plans to run" in made.text and "secret" not in made.text


def test_question_put_to_the_reader_is_no_attribution() -> None:
    _, qs = quotes_of(
        "The council approved the new tram line on Monday. Do you support the tram line? "
        "The mayor supports it."
    )
    assert [q.cue for q in qs if q.cue in ("support", "supports")] == ["supports"]
    assert with_cue(qs, "supports").speaker_text == "The mayor"


def test_advice_with_should_is_no_report() -> None:
    _, qs = quotes_of(
        "The regulator should insist that the company pays the fine. "
        "The minister insisted that the company pays the fine."
    )
    assert [q.cue for q in qs] == ["insisted"]
    assert qs[0].speaker_text == "The minister"


def test_focused_on_without_an_agent_is_no_report() -> None:
    _, qs = quotes_of("The audit was focused on the cost of the new harbour wall.")
    assert not [q for q in qs if q.cue == "focused"]


def test_agentless_judgement_without_as_reports_its_subject_and_predicate() -> None:
    art, qs = quotes_of("The old ferry terminal is widely considered the ugliest building in the port.")
    considered = with_cue(qs, "considered")
    parts = [art.text[a:b] for a, b in considered.fragments or [(considered.start, considered.end)]]
    assert parts[0] == "The old ferry terminal"
    assert parts[-1].startswith("the ugliest building in the port")
    assert considered.speaker_text is None


def test_two_cues_for_one_quotation_give_one_attribution() -> None:
    _, qs = quotes_of('The minister responded: "Nobody will lose their job," saying it twice.')
    claimed = [q for q in qs if q.text == '"Nobody will lose their job,"']
    assert [q.cue for q in claimed] == ["responded"]
    assert claimed[0].speaker_text == "The minister"


def test_quotation_inside_the_same_speakers_report_is_not_given_to_a_second_cue() -> None:
    _, qs = quotes_of('The mayor said the works "should be finished by winter," referring to the harbour wall.')
    said = with_cue(qs, "said")
    assert said.text == 'the works "should be finished by winter,"'
    assert not [q for q in qs if q.cue == "referring" and q.parent is None]


def test_less_common_speech_verbs_are_cues() -> None:
    _, qs = quotes_of(
        "The opposition leader chastised the cabinet for the delays. "
        "The bishop implored the gunmen to free the hostages."
    )
    chastised = with_cue(qs, "chastised")
    assert chastised.speaker_text == "The opposition leader"
    assert "the delays" in chastised.text
    assert "free the hostages" in with_cue(qs, "implored").text


def test_pointed_out_takes_a_plain_object_and_cast_doubt_takes_on() -> None:
    _, qs = quotes_of(
        "The auditor pointed out the flaws in the budget. The judge cast doubt on the confession."
    )
    pointed = with_cue(qs, "pointed out")
    assert pointed.text == "the flaws in the budget"
    assert pointed.speaker_text == "The auditor"
    cast = with_cue(qs, "cast doubt")
    assert "the confession" in cast.text and "doubt" not in cast.text
    assert cast.speaker_text == "The judge"


def test_statement_noun_before_a_colon_introduces_the_next_paragraph() -> None:
    _, qs = quotes_of(
        "The ministry released the following statement:\n\n"
        "The border will reopen on Monday and trade will resume.\n\n"
        "Lorries were waiting on Sunday."
    )
    released = with_cue(qs, "released the following statement")
    assert released.text == "The border will reopen on Monday and trade will resume."
    assert released.speaker_text == "The ministry"


def test_the_object_of_used_is_a_means_not_the_speaker() -> None:
    _, qs = quotes_of("The mayor used her speech to call for a new bridge over the river.")
    call = with_cue(qs, "call")
    assert call.speaker_text == "The mayor"


def test_extraposed_it_is_no_speaker() -> None:
    _, qs = quotes_of("It is wrong to blame the drivers for the delays.")
    blame = with_cue(qs, "blame")
    assert blame.text == "the drivers for the delays"
    assert blame.speaker_text is None


def test_clause_before_a_colon_is_not_the_content_of_a_cue_after_it() -> None:
    _, qs = quotes_of("The farmers were split on the new levy: most of the younger ones preferred a flat fee.")
    assert not [q for q in qs if q.text == "The farmers were split on the new levy"]


def test_subordinate_cue_under_could_is_a_possibility_not_a_report() -> None:
    _, qs = quotes_of(
        "The talks collapsed before the minister could announce a deal. "
        "The mayor warned that the council could reject the plan."
    )
    assert not [q for q in qs if q.cue == "announce"]
    assert with_cue(qs, "warned").text == "that the council could reject the plan"


def test_quoted_title_inside_the_speaker_phrase_is_kept() -> None:
    _, qs = quotes_of("The “Avatar” star wrote that nobody should be surprised.")
    wrote = with_cue(qs, "wrote")
    assert wrote.speaker_text == "The “Avatar” star"


def test_participle_on_an_object_speaks_for_the_clause_subject() -> None:
    _, qs = quotes_of(
        "The council passed a motion condemning the new tax. "
        "The senator emailed supporters saying that the fight would go on."
    )
    assert with_cue(qs, "condemning").speaker_text == "The council"
    assert with_cue(qs, "saying").speaker_text == "The senator"


def test_the_us_as_speaker_is_not_read_as_the_pronoun_us() -> None:
    _, qs = quotes_of(
        "Local officials said the convoy had been attacked. "
        "The US said it would send investigators to the border town."
    )
    us = [q for q in qs if q.speaker_text == "The US"]
    assert us
    assert us[0].speaker_description != "Local officials"


def test_closing_cue_reports_the_sentence_the_parser_hung_elsewhere() -> None:
    _, qs = quotes_of(
        "In nearby Mazar, the old textile mill is holding on, but it is under heavy pressure from "
        "cheap imports, said the mill's general manager, Farid Noori."
    )
    said = with_cue(qs, "said")
    assert said.text.startswith("In nearby Mazar, the old textile mill is holding on")
    assert said.text.endswith("cheap imports")
    assert said.speaker_text == "the mill's general manager, Farid Noori"


def test_object_before_a_subjectless_reported_clause_is_its_subject() -> None:
    _, qs = quotes_of(
        "The mayor explained the council’s refusal to call the flood a “national emergency” is a weakness."
    )
    assert with_cue(qs, "explained").text == (
        "the council’s refusal to call the flood a “national emergency” is a weakness"
    )


def test_transcript_turns_match_a_speaker_named_in_full_then_by_surname() -> None:
    _, qs = quotes_of(
        "The debate went on into the night.\n\n"
        "AMINA YUSUF: The budget leaves the north without clinics.\n\n"
        "HOST: Is that fair?\n\n"
        "YUSUF: No, and the figures show it."
    )
    turns = [q for q in qs if q.cue == ":"]
    assert [q.speaker_text for q in turns] == ["AMINA YUSUF", "YUSUF"]
    assert turns[1].text == "No, and the figures show it."


def test_name_after_a_dash_and_before_a_quotation_signs_it() -> None:
    _, qs = quotes_of(
        "RURAL TURNOUT MAY DECIDE IT - Lena Ortiz and Tom Baker: “Small towns voted late and in large numbers.”"
    )
    signed = with_cue(qs, ":")
    assert signed.speaker_text == "Lena Ortiz and Tom Baker"
    assert signed.text == "“Small towns voted late and in large numbers.”"


def test_negated_and_withheld_statements_are_flagged() -> None:
    _, qs = quotes_of(
        "The ministry did not confirm that the convoy was attacked. "
        "The governor declined to confirm the number of dead. "
        "Police said the road was closed."
    )
    assert [q.negated for q in qs if q.cue == "confirm"] == [True, True]
    assert not with_cue(qs, "said").negated


def test_judging_cue_with_the_role_hung_on_its_object_or_as_a_clause() -> None:
    _, qs = quotes_of(
        "The governor sees her rival as captured by wealthy donors. "
        "Observers see the elections held on Sunday as a test of the new council."
    )
    sees = with_cue(qs, "sees")
    assert sees.text == "her rival as captured by wealthy donors"
    assert sees.speaker_text == "The governor"
    see = with_cue(qs, "see")
    assert see.text.startswith("the elections held on Sunday as a test")
    assert see.speaker_text == "Observers"


def test_stance_noun_drawn_from_someone_is_about_the_subject() -> None:
    _, qs = quotes_of(
        "The new water tariff has drawn sharp criticism from rival candidates. "
        "The mayor won strong support from the teachers' union."
    )
    criticism = with_cue(qs, "criticism")
    assert criticism.text == "The new water tariff"
    assert criticism.speaker_text == "rival candidates"
    support = with_cue(qs, "support")
    assert support.text == "The mayor"
    assert support.speaker_text == "the teachers' union"


def test_noun_with_a_that_clause_needs_no_named_holder() -> None:
    _, qs = quotes_of(
        "Despite complaints that the bridge is unsafe, the council kept it open. "
        "The mayor delayed the vote in the hope that the unions would agree."
    )
    complaints = with_cue(qs, "complaints")
    assert complaints.text == "that the bridge is unsafe"
    assert complaints.speaker_text is None
    hope = with_cue(qs, "hope")
    assert hope.text == "that the unions would agree"
    assert hope.speaker_text == "The mayor"


def test_stance_noun_takes_its_to_infinitive() -> None:
    _, qs = quotes_of("Residents welcomed the governor's decision to close the old dam.")
    decision = with_cue(qs, "decision")
    assert decision.text == "to close the old dam"
    assert decision.speaker_text == "the governor"


def test_gerund_after_a_noun_is_held_by_the_noun_holder() -> None:
    _, qs = quotes_of("The mayor has a long history of blaming the unions for the delays.")
    blaming = with_cue(qs, "blaming")
    assert blaming.text.startswith("the unions")
    assert blaming.speaker_text == "The mayor"


def test_cue_read_as_a_participle_of_a_verbless_sentence_has_its_subject() -> None:
    _, qs = quotes_of(
        "Paul Grant, who worked as the governor's press secretary during the 2014 campaign, "
        'called the senator\'s remarks on Friday "shameful."'
    )
    called = with_cue(qs, "called")
    assert called.speaker_text is not None and called.speaker_text.startswith("Paul Grant")
    assert "shameful" in called.text


def test_call_for_a_passive_infinitive_clause() -> None:
    _, qs = quotes_of("The senator has called for the border camps in the north to be closed by the end of the year.")
    called = with_cue(qs, "called")
    assert called.text.startswith("the border camps in the north to be closed")
    assert called.speaker_text == "The senator"


def test_bare_participle_with_an_agent_is_the_agent_speaking() -> None:
    _, qs = quotes_of('"Never," the mayor said when asked by a reporter if the bridge would reopen.')
    asked = with_cue(qs, "asked")
    assert asked.text == "if the bridge would reopen"
    assert asked.speaker_text == "a reporter"


def test_stance_noun_in_a_phrase_of_the_verb_is_held_by_its_subject() -> None:
    _, qs = quotes_of("The governor came out in support of the new fuel tax.")
    support = with_cue(qs, "support")
    assert support.text == "the new fuel tax"
    assert support.speaker_text == "The governor"


def test_stance_noun_about_something_needs_no_named_holder() -> None:
    _, qs = quotes_of("The vote came amid growing concern about the water supply.")
    concern = with_cue(qs, "concern")
    assert concern.text == "the water supply"
    assert concern.speaker_text is None


def test_judging_cue_with_as_read_as_an_adverb_of_the_predicate() -> None:
    _, qs = quotes_of("Most residents see the mayor as most likely to win the race.")
    see = with_cue(qs, "see")
    assert see.text == "the mayor as most likely to win the race"
    assert see.speaker_text == "Most residents"


def test_stance_noun_as_subject_of_a_copula_takes_its_clause() -> None:
    _, qs = quotes_of("The mayor's argument was that the new tax would hurt small farmers.")
    argument = with_cue(qs, "argument")
    assert argument.text == "that the new tax would hurt small farmers"
    assert argument.speaker_text == "The mayor"


def test_statement_channel_does_not_take_the_verbs_clause() -> None:
    _, qs = quotes_of(
        "The charity said in a statement that six of those taken were Nigerians and one was a Cameroonian national."
    )
    assert not [q for q in qs if q.cue == "statement"]
    assert with_cue(qs, "said").speaker_text == "The charity"


def test_infinitive_after_a_copula_noun_speaks_for_the_subject() -> None:
    _, qs = quotes_of("Doe was the first governor to endorse Smith in the primary.")
    endorse = with_cue(qs, "endorse")
    assert endorse.text.startswith("Smith")
    assert endorse.speaker_text == "Doe"


def test_infinitive_after_a_possessed_noun_speaks_for_the_holder() -> None:
    _, qs = quotes_of("Critics seized on the minister's refusal to condemn the raid on the camp.")
    condemn = with_cue(qs, "condemn")
    assert condemn.text.startswith("the raid")
    assert condemn.speaker_text.startswith("the minister")


def test_support_thrown_behind_someone_is_held_by_the_thrower() -> None:
    _, qs = quotes_of("Several senators threw their support behind the mayor on Monday.")
    support = with_cue(qs, "support")
    assert support.text.startswith("the mayor")
    assert support.speaker_text == "Several senators"


def test_support_among_a_group_is_held_by_the_group() -> None:
    _, qs = quotes_of("The governor has strong support among farmers in the north.")
    support = with_cue(qs, "support")
    assert support.text == "The governor"
    assert support.speaker_text.startswith("farmers")


def test_gerund_after_a_passive_is_done_by_its_subject() -> None:
    _, qs = quotes_of("The councillor was shunned for supporting the mayor.")
    supporting = with_cue(qs, "supporting")
    assert supporting.text == "the mayor"
    assert supporting.speaker_text == "The councillor"


def test_gerund_after_a_predicate_adjective_is_done_by_the_subject() -> None:
    _, qs = quotes_of("The governor has been the most aggressive in the field in denouncing the press.")
    denouncing = with_cue(qs, "denouncing")
    assert denouncing.text == "the press"
    assert denouncing.speaker_text == "The governor"


def test_inverted_speaker_read_as_the_object_after_a_quotation() -> None:
    _, qs = quotes_of('"Vote for change," read one of the signs.')
    read = with_cue(qs, "read")
    assert "Vote for change" in read.text
    assert read.speaker_text == "one of the signs"
