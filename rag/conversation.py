"""Follow-ups: a question that leans on the conversation becomes a standalone question."""

from __future__ import annotations

import re

from rag.question import HOLDS_ROLE, ROLE_VERB
from rag.text import DEMONYMS, STOPWORDS, TITLE_WORDS, fold, person_names, stem, tokens

LEAD = re.compile(r"^\s*(?:and|but|also|so|then|ok|okay)\b[\s,]*", re.IGNORECASE)
PRONOUN = re.compile(r"\b(it|they|he|she)\b", re.IGNORECASE)
# People: those the previous answer named ("Which senators joined?" then "Which party are they from?").
# The empty group is the word after, which `_person` reads for "her"; "their" always owns.
THEY = re.compile(r"\b(they|them|their)\b()", re.IGNORECASE)
IT = re.compile(r"\bit\b", re.IGNORECASE)
# A person: the one the previous question named first, its subject ("What did Trump tell Fox News?").
PERSON = re.compile(r"\b(he|she|him|his|her)\b(\s+[\w’'-]+)?", re.IGNORECASE)
REFERENCE = re.compile(
    r"\b(it|its|they|them|their|he|him|his|she|her|this|that|these|those|there"
    r"|the other|the same|what about|how about)\b",
    re.IGNORECASE,
)
TOPIC_NOTE = re.compile(r"\s*\(about [^)]*\)")
# "Where did Trump meet Putin?": a question word and its auxiliary, then what is asked about.
WH_AUX = re.compile(
    r"^\s*(what|which|who|when|where|why|how)\s+(is|are|was|were|did|does|do|will|would|can|could|has|have|had"
    r"|should)\b\s*(.*)$",
    re.IGNORECASE,
)
# "When was that?", "And where?", "Why?": a question word and nothing of its own to ask about.
BARE_WH = re.compile(r"^\s*(when|where|why|who|how)\b", re.IGNORECASE)
# "What about London?": the previous question again, about something else.
WHAT_ABOUT = re.compile(r"^\s*(?:what|how)\s+about\s+(.+?)\s*\??\s*$", re.IGNORECASE)
# "And Lindsey Graham?": a name alone, asked, the same ("Thanks" is no question).
NAME_ALONE = re.compile(
    r"^\s*(?!(?:What|Which|Who|Whom|Whose|When|Where|Why|How)\b)"
    r"((?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*)\s*\?\s*$"
)
# "And the plaice quota?": a thing alone, in place of the thing of the same name before.
PHRASE_ALONE = re.compile(r"^\s*((?i:the|its|their)\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3})\s*\?\s*$")
PLACEHOLDERS = frozenset("it its they them this that these those there he she him her happen happened".split())
AUX = frozenset(
    "is are was were will would does do did can could should has have had who what when where which how".split()
)


def topic(question: str) -> str:
    """The thing a question is about: its run of capitalized words, or its first noun phrase.

    >>> topic("Who is Lindsey Graham?"), topic("Where is the HQ and when does it rotate?")
    ('Lindsey Graham', 'the HQ')
    """
    runs = _name_runs(question)
    if runs:
        return max(runs, key=lambda r: len(r.split()) - (r.startswith("the ")))
    words = re.findall(r"[\w’'-]+", question)
    for i, w in enumerate(words):
        if w.lower() in ("the", "a", "an", "this", "that"):
            phrase = [w]
            for nxt in words[i + 1 : i + 4]:
                if nxt.lower() in STOPWORDS:
                    break
                phrase.append(nxt)
            if len(phrase) > 1:
                return " ".join(phrase[:3])
    content = [w for w in words if w.lower() not in STOPWORDS and w.lower() not in AUX]
    return " ".join(content[:3])


def _name_runs(question: str) -> list[str]:
    """Runs of capitalized words, less the question word that starts the question."""
    runs = re.findall(r"(?:\b(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*)", question)
    return [r for r in runs if r.split()[0].lower() not in AUX]


def is_follow_up(question: str) -> bool:
    """Whether a question asked after another leans on it: it refers back ("it", "that", "the
    other"), opens with "and", has under two words of its own, or names nothing with two words
    ("How many regions are involved?" after "What does Russia demand from Ukraine?").

    >>> is_follow_up("How many regions are involved?"), is_follow_up("How many troops will Britain send?")
    (True, False)
    >>> is_follow_up("Where is the multinational headquarters based?")
    False
    """
    own_terms = [t for t in tokens(question) if t not in STOPWORDS and t not in AUX]
    names_nothing = not _name_runs(question) and not re.search(r"\d", question)
    return (
        bool(LEAD.match(question) or REFERENCE.search(question))
        or len(own_terms) < 2
        or (names_nothing and len(own_terms) < 3)
    )


def _people(question: str) -> list[str]:
    """The names in a question that can be people: not "US" or "NATO-like" (capitals: a country or
    a body), nor a country, a region or an office ("Europe", "UK Defence Secretary").

    >>> _people("Who is the top US general in Europe?"), _people("What did Trump tell Fox News?")
    ([], ['Trump', 'Fox News'])
    >>> _people("Who is the UK Defence Secretary?"), _people("Who proposed a NATO-like guarantee?")
    ([], [])
    """
    runs = [re.sub(r"^the\s+|['’]s$", "", n) for n in _name_runs(question)]
    return [
        n
        for n in runs
        if not re.sub(r"-[a-z]+\b", "", n).isupper()
        and not all(stem(w.lower()) in DEMONYMS or w.lower() in TITLE_WORDS or w.isupper() for w in n.split())
    ]


def asks_after_answer(question: str, history: list[str]) -> bool:
    """Whether "he", "she" or "they" in a follow-up can only be who the previous answer named: the
    previous question names nobody ("Who is the top US general in Europe?" then "Who was with him?").

    >>> asks_after_answer("Who was with him?", ["Who is the top US general in Europe?"])
    True
    >>> asks_after_answer("What did he rule out?", ["What did Trump tell Fox News?"])
    False
    >>> asks_after_answer("Where did he meet the panel?", ["Who is the chief executive of Severn Vale Water?"])
    True
    """
    pronoun = PERSON.search(question) or THEY.search(question)
    if not history or not pronoun or not is_follow_up(question):
        return False
    return not _people(history[-1]) or _holds_role(history[-1])


def _holds_role(question: str) -> bool:
    """Whether a question asks who holds a role ("Who is the chief executive of X?", "Who is X's
    operations director?"), not who someone is ("Who is Lindsey Graham?").

    >>> _holds_role("Who is Severn Vale Water's operations director?"), _holds_role("Who is Lindsey Graham?")
    (True, False)
    >>> _holds_role("Who chairs the board of Northern Isles Ferries?")
    True
    """
    return HOLDS_ROLE.match(question) is not None or ROLE_VERB.match(question) is not None


def answered_people(sentence: str, asked: set[str], common: set[str], known: set[str]) -> tuple[str, list[str]] | None:
    """The person a sentence names as the answer, the name nearest the question's words (`asked`,
    stems), and the names listed with it ("A, B and C"). A name is given less its titles ("Defence
    Secretary John Healey" -> "John Healey"), is never one the question has, and has one word only
    after a title ("President Trump") or when the documents give it in full somewhere (`known`: the
    last words of the documents' `full_names`: "Macron" alone where "Emmanuel Macron" is written).

    >>> s = "Envoys Steve Witkoff and Jared Kushner were beside the top general in Europe, Alexus Grynkewich."
    >>> answered_people(s, {"top", "general", "europ"}, {"envoys", "general"}, set())
    ('Alexus Grynkewich', ['Alexus Grynkewich'])
    >>> answered_people(s, {"envoy"}, {"envoys", "general"}, set())
    ('Steve Witkoff', ['Steve Witkoff', 'Jared Kushner'])
    >>> answered_people("President Trump ruled out boots on the ground.", {"rule", "boot"}, {"ruled"}, set())
    ('Trump', ['Trump'])
    >>> answered_people("Planning began at Lancaster House in London.", {"plan"}, {"house"}, set()) is None
    True
    """
    near = [m.start() for m in re.finditer(r"[\w’'-]+", sentence) if stem(fold(m.group()).lower()) in asked]
    lists: list[list[tuple[int, str]]] = []
    end = -1
    for run_start, start, name, titled in person_names(sentence, common):
        if any(stem(fold(w).lower()) in asked for w in name) or not (len(name) > 1 or titled or name[0] in known):
            continue
        distance = min((abs(start - p) for p in near), default=0)
        listed = lists and re.fullmatch(r"\s*,?\s*(?:and\s+)?", sentence[end:run_start])
        if listed:
            lists[-1].append((distance, " ".join(name)))
        else:
            lists.append([(distance, " ".join(name))])
        end = start + len(" ".join(name))
    if not lists:
        return None
    nearest = min(lists, key=min)
    return min(nearest)[1], [name for _, name in nearest]


# "Which campaign group welcomed the plan?": a thing asked for by its kind, which the answer names.
WHICH_KIND = re.compile(r"^\s*(?:which|what)\s+((?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*)", re.IGNORECASE)
NAME_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*")


def asks_for_thing(question: str, history: list[str]) -> bool:
    """Whether "it" in a follow-up can be what the previous answer named: the previous question
    asked which thing of a kind did something ("Which campaign group welcomed the plan?").

    >>> asks_for_thing("How many members does it have?", ["Which campaign group welcomed the plan?"])
    True
    >>> asks_for_thing("When does it move to London?", ["Where is the HQ?"])
    False
    """
    return bool(history) and IT.search(question) is not None and WHICH_KIND.match(history[-1]) is not None


def answered_thing(sentence: str, question: str) -> str | None:
    """The name a sentence gives to the kind of thing the question asked for: the capitalized words
    right after or before the kind's word ("Campaign group Ravensmoor Tree Watch welcomed it").

    >>> answered_thing("Campaign group Ravensmoor Tree Watch welcomed it.", "Which campaign group welcomed it?")
    'Ravensmoor Tree Watch'
    >>> answered_thing("It sends waste to the Hexley incinerator.", "Which incinerator does it use?")
    'the Hexley incinerator'
    >>> answered_thing("The Islander sailed from Kirkwall.", "Which ship is repairing the cable?") is None
    True
    """
    which = WHICH_KIND.match(question)
    if not which:
        return None
    words = which.group(1).lower().split()
    kinds = {stem(w) for w in words[: next((k for k, w in enumerate(words) if w in AUX), len(words))]}
    for word in re.finditer(r"[\w’'-]+", sentence):
        if stem(word.group().lower()) not in kinds:
            continue
        after = NAME_RUN.match(sentence, word.end() + 1) if sentence[word.end() : word.end() + 1] == " " else None
        before = re.search(r"\b((?:the\s+)?)(" + NAME_RUN.pattern + r")\s+$", sentence[: word.start()])
        if after and _names_it(after.group(), question):
            return after.group()
        if before and _names_it(before.group(2), question):  # "the Hexley incinerator", with its kind
            return before.group(1).lower() + before.group(2) + " " + word.group()
    return None


def _names_it(name: str, question: str) -> bool:
    """Whether capitalized words are a name the question does not have ("The" opening a sentence is none)."""
    return fold(name.split()[0]) not in STOPWORDS and name.lower() not in question.lower()


def standalone(
    question: str,
    history: list[str],
    answered: tuple[str, list[str]] | None = None,
    thing: str | None = None,
) -> str:
    """Rewrite a follow-up with the topic of the previous (already standalone) question. After a
    question that names nobody, "he" or "she" is the person its answer named and "they" the people
    listed with that person, when there are several (`answered`, as `answered_people` gives them);
    after a question that asked which thing of a kind, "it" is the one its answer named (`thing`).

    >>> standalone("And when does it move to London?", ["Where is the HQ?"])
    'When does the HQ move to London?'
    >>> standalone("And what party is the other senator from?", ["Who is Lindsey Graham?"])
    'What party is the other senator from (about Lindsey Graham)?'
    >>> standalone("What did he rule out?", ["What did Trump tell Fox News?"])
    'What did Trump rule out?'
    >>> standalone("Where was he?", ["What did Zelenskyy say?"])
    'Where was Zelenskyy?'
    >>> standalone("What did he say?", ["Who praised the US envoys?"])
    'What did he say (about the US)?'
    >>> standalone("Who was with him?", ["Who is the top US general in Europe?"], ("Alexus Grynkewich", []))
    'Who was with Alexus Grynkewich?'
    >>> standalone("Which parties are they from?", ["Which senators joined?"], ("", ["Lindsey Graham", "Ed Rey"]))
    'Which parties are Lindsey Graham and Ed Rey from?'
    >>> standalone("When did they sign it?", ["Who signed the declaration?"])
    'When did they sign the declaration?'
    >>> standalone("How many members does it have?", ["Which group welcomed the plan?"], None, "Tree Watch")
    'How many members does Tree Watch have?'
    """
    question = question.strip()
    if not history or not is_follow_up(question):
        return question
    previous = history[-1]
    about = topic(previous)
    body = LEAD.sub("", question).strip()
    body = body[:1].upper() + body[1:]
    asked_again = _same_question(body, previous, about)
    if asked_again:
        return asked_again
    if about and about.lower() in body.lower():
        return body
    person = PERSON.search(body)
    names = _people(previous) or ([answered[0]] if answered and answered[0] else [])
    if answered and answered[0] and _holds_role(previous):
        names = [answered[0]]
    if person and names:
        return body[: person.start()] + _person(names[0], person) + body[person.end() :]
    they = THEY.search(body)
    if they and answered and len(answered[1]) > 1 and not _people(previous):
        return body[: they.start()] + _person(_listed(answered[1]), they) + body[they.end() :]
    # "When did they sign it?": "it" is the thing asked about before, "they" may be its people.
    it = IT.search(body)
    if thing and it:
        return body[: it.start()] + thing + body[it.end() :]
    pronoun = it or PRONOUN.search(body)
    if about and pronoun and not person:
        return body[: pronoun.start()] + about + body[pronoun.end() :]
    end = "?" if body.endswith("?") else ""
    return f"{body.rstrip('?').rstrip()} (about {about}){end}" if about else body


def _listed(names: list[str]) -> str:
    """ "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _person(name: str, pronoun: re.Match[str]) -> str:
    """The name in the pronoun's place: "his country" and "her plan" -> "Merz's country", "him" -> "Merz".

    >>> _person("Steve Witkoff", PERSON.search("Who accompanied him?"))
    'Steve Witkoff'
    >>> _person("Friedrich Merz", PERSON.search("Where would his country monitor it?"))
    "Friedrich Merz's country"
    """
    word, after = pronoun.group(1).lower(), pronoun.group(2) or ""
    owns = word in ("his", "their") or (word == "her" and after.strip().lower() not in STOPWORDS | AUX | {""})
    return f"{name}'s{after}" if owns else f"{name}{after}"


def _same_question(body: str, previous: str, about: str) -> str | None:
    """The previous question asked again with a new question word ("When was that?") or about
    something else ("What about London?"), or None when the follow-up is not of that shape.

    >>> _same_question("When was that?", "Where did Trump meet Putin?", "Trump")
    'When did Trump meet Putin?'
    >>> _same_question("What about London?", "How many troops could Paris send?", "Paris")
    'How many troops could London send?'
    >>> _same_question("Lindsey Graham?", "Who is Keith Kellogg?", "Keith Kellogg")
    'Who is Lindsey Graham?'
    >>> _same_question("The plaice quota?", "What is the haddock quota for 2027?", "the haddock quota")
    'What is the plaice quota for 2027?'
    """
    alone = PHRASE_ALONE.match(body)
    if alone:
        # The previous question's thing that has the same last word ("the haddock quota").
        phrase = alone.group(1)
        head = re.escape(phrase.split()[-1])
        same = re.search(rf"\b(?i:the|its|their)\s+(?:[\w’'-]+\s+){{0,3}}?{head}\b", previous)
        if same:
            return previous[: same.start()] + phrase[:1].lower() + phrase[1:] + previous[same.end() :]
    other = WHAT_ABOUT.match(body) or NAME_ALONE.match(body)
    if other:
        # Only when the previous question names one thing: in "When did Trump meet Putin?", which
        # of the two "What about Zelenskyy?" replaces is anyone's guess.
        if about and len(_name_runs(previous)) == 1 and re.search(rf"\b{re.escape(about)}\b", previous):
            return re.sub(rf"\b{re.escape(about)}\b", other.group(1), previous, count=1)
        return None
    wh = BARE_WH.match(body)
    own = [t for t in tokens(body) if t not in STOPWORDS and t not in AUX and t not in PLACEHOLDERS]
    earlier = WH_AUX.match(previous)
    # "Where was he?" asks about the person the previous question named, not about its event.
    if wh and not own and earlier and not PERSON.search(body):
        return f"{wh.group(1).capitalize()} {earlier.group(2)} {earlier.group(3)}"
    return None


def topic_inline(question: str) -> str:
    """The standalone question with the topic it borrowed as part of it.

    >>> topic_inline("Who else was there (about Jonathan Powell)?")
    'Who else was there about Jonathan Powell?'
    """
    return TOPIC_NOTE.sub(lambda m: " " + m.group()[m.group().index("(") + 1 : -1], question)


def without_topic(question: str) -> str:
    """The standalone question less the topic `standalone` borrowed in brackets: what must be answered.

    >>> without_topic("What party is the other senator from (about Lindsey Graham)?")
    'What party is the other senator from?'
    """
    return TOPIC_NOTE.sub("", question)
