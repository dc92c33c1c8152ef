import pytest

from rag.conversation import is_follow_up, standalone
from rag.question import analyze_question, type_candidates


@pytest.mark.parametrize(
    "question,kind",
    [
        ("How many troops will France send?", "count"),
        ("How much is the pledge?", "amount"),
        ("When was the coalition announced?", "date"),
        ("In which year did it begin?", "date"),
        ("Who leads the forward cell?", "person"),
        ("Who is Alexus Grynkewich?", "other"),
        ("Who was Richard's fiancee?", "person"),  # a person related to the one named
        ("Where is the HQ?", "place"),
        ("What did Putin agree to?", "other"),
        ("Which two countries co-lead the HQ?", "place"),
        ("How much of Ukrainian territory does Russia occupy?", "amount"),
        ("What is the budget of the force?", "amount"),
        ("What will the force's budget be next year?", "amount"),
        ("How long is the Rhine?", "quantity"),
        ("What is the population of Kyiv?", "quantity"),
        # An average or a maximum is a figure, whatever it is of.
        ("What is the maximum annual rent increase under the bill?", "quantity"),
        ("What is the average discharge of the Moselle?", "quantity"),
        # A name asked for: a proper or quoted name answers it, whatever the thing named is.
        ("What was the name of the castle?", "name"),
        ("What was the plan called?", "name"),
        # The question word that comes first decides.
        ("Who was the leader when the Franks entered the valley?", "person"),
        ("When did the army that Robert led land?", "date"),
        # A "when" that opens a clause leaves the kind to the question word after it.
        ("When the river leaves the lake, which way does it flow?", "direction"),
        ("Near Chur, which direction does the Rhine turn?", "direction"),
        ("In which way did the Normans adapt?", "other"),
        ("What does Obersee mean?", "gloss"),
        ("What is the English translation of Het Scheur?", "gloss"),
        ("When did the war end and who won it?", "date"),
        # "How much" of a measure asks for a quantity; of money or a share, for an amount.
        ("How much water does the river discharge at the border?", "quantity"),
        ("How much did Germany pledge?", "amount"),
        # A part of a whole: a percentage or a fraction answers it, a sum of money does not.
        ("How full is the reservoir?", "share"),
        ("What percentage of homes are empty?", "share"),
        ("Between which years did the sea cover the plain?", "date"),
        # A "how many" after "what" and its verb is what the verb is about, not what is asked.
        ("What limits how many sessions can be run?", "other"),
    ],
)
def test_answer_kinds(question: str, kind: str) -> None:
    assert analyze_question(question).kind == kind


def test_a_direction_is_a_compass_point_or_a_way_along_the_stream_not_a_name() -> None:
    sentence = "It flowed west past the North Sea coast, then northwestward and later downstream."
    assert type_candidates("direction", sentence) == ["west", "northwestward", "downstream"]


def test_ordinals_and_decades_are_one_name_and_verbs_are_kept() -> None:
    info = analyze_question("What did the Normans besiege in the 11th century?")
    assert "11th" in info.names and info.verbs == ("besieg",)
    assert analyze_question("What did industry do to the river until the 1980s?").names == ("1980s",)
    # General verbs ("involve", "start") say too little to be required.
    assert analyze_question("What would the second stage of the plan involve?").verbs == ()
    # "aim to ensure": the verb after "to" says what happens, not "aim".
    assert analyze_question("What does the Black Sea mission aim to ensure?").verbs == ("ensur",)
    # The word "did"/"does" carries is the verb, though it can be a noun too; after an article it is a noun.
    assert analyze_question("When did the Last Glacial Maximum peak?").verbs == ("peak",)
    assert analyze_question("When did the peak of the ice age pass?").verbs == ("pass",)
    # "held" says an event took place, as "take place" does; "next to" is a preposition.
    assert analyze_question("Where was the Lancaster House summit held?").verbs == ()
    assert analyze_question("Who sat next to Starmer?").terms == ("sit", "starmer")
    # "a meeting of 200 planners" says they attended: being at an event is said by the event.
    assert analyze_question("How many planners attended the meeting in Paris?").verbs == ()


def test_the_doer_asked_for_and_a_verb_of_speech() -> None:
    # After "Who" (or "Which general") the word is what the one asked for does, though it can be a noun.
    leads = analyze_question("Who leads the coordination cell in Paris?")
    assert leads.verbs == ("lead",) and leads.acted == "lead"
    assert analyze_question("Which general chairs the headquarters?").acted == "chair"
    assert analyze_question("Who was on a state visit to Germany?").acted is None  # "was" is no deed
    # After "Which officer" or "Which TV" a base form is the rest of the noun, not a deed.
    rank = analyze_question("Which officer rank will head the forward cell in Kyiv?")
    assert rank.acted is None and "rank" not in rank.verbs
    assert analyze_question("Which TV network did Trump talk to?").acted is None
    assert analyze_question("What did Jonathan Powell say about the plans?").speech == "say"
    assert analyze_question("What did the coalition agree to supply?").speech is None


def test_terms_expand_abbreviations_and_keep_names() -> None:
    info = analyze_question("Which UK officer leads the HQ in Kyiv?")
    assert "headquart" in info.terms and "kingdom" in info.terms
    assert info.names == ("kyiv",)
    assert info.asked == "offic"


def test_wwii_is_world_war_ii_not_a_name_the_documents_lack() -> None:
    info = analyze_question("What was the Rhine considered to invaders in WWII?")
    assert {"world", "war", "ii"} <= set(info.terms)
    assert info.names == ("rhine",)


def test_us_is_the_united_states_only_in_capitals() -> None:
    assert {"unit", "state"} <= set(analyze_question("Which US envoys took part?").terms)
    assert "unit" not in analyze_question("What did they tell us?").terms


def test_an_abbreviation_before_a_hyphen_is_the_body_it_names() -> None:
    info = analyze_question("Which country's prime minister proposed a UN-like guarantee?")
    assert info.abbreviated == (("UN", ("unit", "nation")),)
    assert info.names == ()


def test_take_place_is_framing_and_regnal_numbers_are_names() -> None:
    assert "place" not in analyze_question("Where did the summit take place?").terms
    assert analyze_question("What title did Henry II take?").names == ("henri", "ii")


def test_fractions_answer_how_much_of() -> None:
    assert type_candidates("amount", "Moscow continues to occupy a fifth of Ukrainian territory.") == ["a fifth"]
    assert type_candidates("quantity", "The list fell to 412. It grew by 9.5 km.") == ["412", "9.5 km"]
    assert type_candidates("amount", "Rents rose 8.9%, or $1.5 billion, and fees 30 per cent.") == [
        "8.9%",
        "$1.5 billion",
        "30 per cent",
    ]
    assert type_candidates("quantity", "This section is nearly 86 km long.") == ["86 km"]
    assert type_candidates("quantity", "It crosses the 400 m wide river, built in 1939 and rebuilt.") == [
        "400 m",
        "1939",
    ]


def test_a_capitalized_first_word_is_not_a_name() -> None:
    assert type_candidates("place", "Through stream capture, the Rhine extended its watershed.") == ["Rhine"]


def test_count_candidates_need_the_counted_thing() -> None:
    assert type_candidates("count", "The HQ rotates after 12 months.", "staff") == []
    assert type_candidates("count", "About 200 planners from 30 countries met.", "countri") == ["30 countries"]


def test_the_counted_thing_is_the_plural_a_word_before_it_narrows() -> None:
    assert analyze_question("How many bus journeys were made last year?").counted == "journey"
    assert analyze_question("How many main flows branch off?").counted == "flow"
    assert analyze_question("How many people live there?").counted == "peopl"
    # A name before it stays what is counted: a count of troops is no count of US troops.
    assert analyze_question("How many US troops will monitor it?").counted == "us"
    assert type_candidates("count", "- Passenger journeys: 21 million in the last year.", "journey") == ["21 million"]
    assert type_candidates("count", "The number of patients waiting fell to 412,000.", "patient") == ["412,000"]
    assert type_candidates("count", "The number of beds fell to 412,000.", "patient") == []


def test_follow_ups() -> None:
    assert not is_follow_up("Where is the multinational headquarters based?")
    assert is_follow_up("And when does it move?")
    assert standalone("Who co-leads it?", ["Where is the HQ and when does it rotate?"]) == "Who co-leads the HQ?"
    assert standalone("Where is the HQ?", []) == "Where is the HQ?"


def test_a_person_pronoun_is_the_person_the_previous_question_named_first() -> None:
    # "he" is Trump, the subject, not "Fox News", the longer name.
    assert standalone("What did he rule out?", ["What did Trump tell Fox News?"]) == "What did Trump rule out?"
    assert standalone("And who accompanied him?", ["Who is Steve Witkoff?"]) == "Who accompanied Steve Witkoff?"
    assert standalone("Where would his country monitor it?", ["Who is Friedrich Merz?"]) == (
        "Where would Friedrich Merz's country monitor it?"
    )
    assert standalone("What did she propose?", ["Who is Giorgia Meloni?"]) == "What did Giorgia Meloni propose?"


def test_a_bare_follow_up_asks_the_previous_question_again() -> None:
    # A question word and nothing of its own: the previous question with the new question word.
    assert standalone("When was that?", ["Where did Trump meet Putin?"]) == "When did Trump meet Putin?"
    assert standalone("And why?", ["Where did Trump meet Putin?"]) == "Why did Trump meet Putin?"
    # "What about X?": the previous question about X instead of its topic.
    assert standalone("What about London?", ["How many troops could Paris send?"]) == (
        "How many troops could London send?"
    )
    # A name alone is "What about" that name; "Thanks" asks nothing.
    assert standalone("And Lindsey Graham?", ["Who is Keith Kellogg?"]) == "Who is Lindsey Graham?"
    assert standalone("Thanks", ["Who is Keith Kellogg?"]) != "Who is Thanks?"
    # With two names in the previous question, which one "What about X?" replaces is not guessed.
    assert standalone("What about Zelenskyy?", ["When did Trump meet Putin?"]) != "When did Zelenskyy meet Putin?"
    # A follow-up with terms of its own keeps them.
    assert standalone("When was it announced?", ["What is the coalition?"]) != "When is the coalition?"


def test_numbers_stay_whole() -> None:
    assert type_candidates("count", "He led an army of 30,000 men in 300 ships.", "men") == ["30,000 men"]
    assert "2.5" in analyze_question("What period was 2.5 million years ago?").names
    assert "13,000 BP" in type_candidates("date", "Rapid warming began about 13,000 BP.")
    # "Twenty-two" is one number, which counts the schools after it.
    found = type_candidates("count", "Twenty-two primary schools now have one.", "school")
    assert found == ["Twenty-two primary schools"]
    # The short name in brackets after the counted words names what they count.
    found = type_candidates("count", "It will recruit **120 police community support officers** (PCSOs) soon.", "pcsos")
    assert found == ["120 police community support officers"]
    # "PM2.5" is one word, as the passages' tokens are: not "PM2", which no passage says.
    assert "pm2.5" in analyze_question("What is the guideline for PM2.5?").names


def test_a_way_belongs_to_what_moves_not_to_a_verbs_object() -> None:
    assert analyze_question("Which alliance will the force draw partners from?").directed == ()
    assert analyze_question("How much water flows out of the canal?").directed == (("flow", "out"),)
    assert analyze_question("Who fled from southern Italy?").directed == (("flee", "from"),)


def test_a_name_alone_can_be_what_a_document_is_about_a_longer_name_cannot() -> None:
    assert analyze_question("Why has the Rhine's course been shortened?").lone == ("rhine",)
    assert analyze_question("When was the Old Rhine Bridge built?").lone == ()
    assert analyze_question("Who did Rollo meet at Saint-Clair-sur-Epte?").lone == ("rollo",)


def test_a_table_rows_column_names_are_no_names() -> None:
    row = "Company: Eastbrook Water; Head: Dana Whitlock; Ban starts: 4 September."
    assert type_candidates("person", row) == ["Eastbrook", "Water", "Dana", "Whitlock"]
    assert "Mr" in type_candidates("person", "Mr Osei said: leaks fell.")  # one label is no row


def test_a_name_with_a_letter_is_kept_whole() -> None:
    assert analyze_question("How much will a Band A household pay?").lettered == ("Band A",)
    assert analyze_question("Who was Henry V?").lettered == ()  # a numeral
    assert analyze_question("Is A the best plan?").lettered == ()


def test_what_a_how_many_or_how_much_counts_or_measures() -> None:
    assert analyze_question("How many electric buses does it run?").measured == ("electric", "buses")
    assert analyze_question("How much ozone was recorded?").measured == ("ozone",)
    # Frame words, money and occasions are no thing measured.
    assert analyze_question("How many more streets will it add?").measured == ("streets",)
    for question in ("How much money will it get?", "How many times was it?", "How much will it cost?"):
        assert analyze_question(question).measured == (), question


def test_an_ing_word_between_nouns_is_no_verb() -> None:
    assert analyze_question("Who carried out the neighbourhood policing review?").verbs == ("carri",)
    assert "pump" not in analyze_question("Which pumping station failed?").verbs
    # After a preposition or a verb it is one.
    assert "store" in analyze_question("How much are farmers paid for storing flood water?").verbs
    assert "visit" in analyze_question("When will the unit start visiting care homes?").verbs


def test_a_time_of_day_is_no_prime_minister_and_how_often_no_term() -> None:
    # "11.30pm" was read as "11.30" and "PM", the Prime Minister; "often" as a word to find.
    terms = analyze_question("How often may delayed flights land after 11.30pm?").terms
    assert "prime" not in terms and "often" not in terms, terms
    assert {"prime", "minist"} <= set(analyze_question("What did the PM say?").terms)


def test_a_unit_says_which_measure_and_money_is_no_length() -> None:
    """ "150 megawatts" is power and "21 metres" a height; "£9.5m" is money, not metres."""
    from rag.question import DIMENSIONS

    assert DIMENSIONS["power"].search("a grid connection of 150 megawatts")
    assert DIMENSIONS["height"].search("would be 21 metres high")
    assert not DIMENSIONS["height"].search("homes to get £9.5m sea defence")
    assert not DIMENSIONS["power"].search("21 metres high")
