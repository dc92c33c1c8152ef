"""Near-miss twins: a sentence with the question's words in other roles.

The hard unanswerable questions swap one part of a sentence that is there: "fled from" for its
"fled to", "in Moscow" for its "in Alaska", Harold conquering where he was killed. Each check here
reads one role of the question (as `analyze_question` found it) in one sentence;
`role_mismatches` runs them all and says, in the user's words, what the sentence has instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

from rag.question import OPPOSITE_WAY, PASSIVE, PLACED, TIME_SIDES, WAYS, QuestionInfo, as_asked
from rag.text import OPPOSITES, STOPWORDS, fold, speech_verb, stem, tokens, word_pairs


def role_mismatches(info: QuestionInfo, sentence: str, missing: tuple[str, ...], placed_in_time: bool) -> list[str]:
    """What the sentence says in place of the question's roles, one phrase each; empty if nothing.

    `missing`: the question's names neither the sentence nor the ones before it have (another place
    counts only then). `placed_in_time`: whether the question's time is one the documents do not
    name everywhere ("Norman" in an article about the Normans places nothing)."""
    found = []
    filler = slot_filler(info.slot, sentence) if info.slot else None
    if filler and {stem(t) for t in tokens(filler)} <= set(info.names):  # "Anglo-Saxon" is not "Anglo-Norman"
        found.append(f"{' '.join(info.slot or ())} {filler}, the question's own name")
    reverse = reversed_direction(info.directed, sentence) if info.directed else None
    if reverse:
        found.append(f"{reverse!r}, another way")
    # "When did Trump meet Putin in Moscow?" against "... met Putin in Alaska": another place, when
    # neither the sentence nor the ones before name the question's.
    elsewhere = other_place(info.placed, sentence) if info.placed and missing else None
    if elsewhere and any(n in missing for _, name in info.placed for n in name):
        found.append(f"{elsewhere!r}, another place")
    # "Who leads the cell in Paris?" against "a cell in Kyiv, led by ...": the thing asked about is
    # somewhere else, whatever the sentences before say of Paris.
    moved = thing_elsewhere(info.text, sentence)
    if moved and not elsewhere:
        found.append(f"{moved!r}, another place")
    other_time = other_side_of_time(info.timed, sentence) if info.timed and placed_in_time else None
    if other_time:
        found.append(f"{other_time!r}, the other side of that time")
    done_to_it = has_it_done_to_it(info.doer, sentence) if info.doer else None
    if done_to_it and info.doer:
        found.append(f"{done_to_it!r}, not done by {as_asked(info.doer[1][0], info)}")
    # "When will the last releases take place?" against "the first releases would take place": the
    # other end of the same thing, whatever the sentences before say ("88,100 last week").
    other_end = opposite_modifier(info.text, sentence)
    if other_end:
        found.append(f"{other_end[0]!r}, not {other_end[1]!r}")
    # "Who is the chief inspector of probation?" against "the chief inspector of prisons": another office.
    office = other_office(info.text, info.role_words, sentence) if info.role_words else None
    if office:
        found.append(f"{office[0]!r}, not {office[1]!r}")
    # "Who is the deputy chief constable?" against "Andrea Lockhart (Chief Constable)": another rank.
    rank = other_rank(info.role_words, sentence) if info.role_words else None
    if rank:
        found.append(f"{rank[0]!r}, not {rank[1]!r}")
    # "How much will it cost to run?" against "will cost £6.3 million to build": another cost.
    purpose = other_purpose(info.text, sentence)
    if purpose:
        found.append(f"{purpose[0]!r}, not {purpose[1]!r}")
    swapped = swapped_object(info.objects, sentence) if info.objects else None
    if swapped:
        found.append(f"{swapped!r}, the question's name in another place")
    # "How many passengers will the Carrow Star carry?" against "the MV Carrow Spirit, which ...
    # carries 180 passengers": another name does the question's verb.
    doer = other_named_doer(info.text, sentence)
    if doer:
        found.append(f"{doer[0]!r}, not {doer[1]!r}")
    if info.done_to and does_it_itself(info.done_to, sentence):
        found.append(f"there {as_asked(info.done_to[1], info)} does the {as_asked(info.done_to[0], info)!r} itself")
    return found


# "will the Carrow Star carry": an auxiliary, a name, the verb it does.
NAMED_SUBJECT = re.compile(
    r"\b(?:did|does|do|could|can|will|would|should|may|might|must)\s+(?:the\s+)?((?:[A-Z][\w’'-]*\s+)+)([a-z]+)\b"
)
# "the MV Carrow Spirit, which was built in 1992 and carries ...": a name and the clause about it.
# "the Rural Payments Office in Carlisle, which ...": the place is part of the name "which" is about.
NAMED_CLAUSE = re.compile(
    r"((?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*(?:\s+(?:in|of|at|for)\s+(?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*)*)"
    r",\s+(?:which|who)\s+([^,;:.]{1,100})"
)


@lru_cache(maxsize=256)
def _named_subject(question: str) -> tuple[frozenset[str], str, str] | None:
    """The stems of the name a question has do its verb, the verb's stem, and the two as asked."""
    m = NAMED_SUBJECT.search(question)
    if not m:
        return None
    name = m.group(1).strip()
    return frozenset(stem(fold(w).lower()) for w in tokens(name)), stem(m.group(2)), f"{name} {m.group(2)}"


def other_named_doer(question: str, sentence: str) -> tuple[str, str] | None:
    """The sentence's "Carrow Spirit, which ... carries" where the question asks what "the Carrow
    Star" will carry: a relative clause has another name do the question's verb; with the
    question's words; or None.

    >>> s = "It will replace the MV Carrow Spirit, which was built in 1992 and carries 180 passengers."
    >>> other_named_doer("How many passengers will the Carrow Star carry?", s)
    ('MV Carrow Spirit, which was built in 1992 and carries', 'Carrow Star carry')
    >>> other_named_doer("How many passengers does the Carrow Spirit carry?", s) is None
    True
    >>> other_named_doer("Will the Payments Office hire?", "The Payments Office in Leeds, which will hire 30.") is None
    True
    """
    asked = _named_subject(question)
    if not asked:
        return None
    name, verb, written = asked
    for m in NAMED_CLAUSE.finditer(sentence):
        words = list(re.finditer(r"[a-z]+", m.group(2)))
        done = next((w for w in words if stem(w.group()) == verb), None)
        if done is None:
            continue
        theirs = {stem(fold(w).lower()) for w in tokens(m.group(1))}
        if not (theirs <= name or name <= theirs):
            return sentence[m.start(1) : m.start(2) + done.end()], written
    return None


def opposite_modifier(question: str, sentence: str) -> tuple[str, str] | None:
    """The sentence's "first releases" where the question asks of the "last releases" (a word and
    its opposite, `OPPOSITES`, before one noun), and the sentence does not say the question's, with
    the question's; or None.

    >>> opposite_modifier("When will the last releases take place?", "The first releases would take place in May.")
    ('first releases', 'last releases')
    >>> opposite_modifier("When is the second strike?", "The first strike is in May, the second strike in June.")
    """
    asked = _opposable(question)
    if not asked:
        return None
    said = [(stem(fold(a)), stem(fold(b)), f"{a} {b}") for a, b in word_pairs(sentence)]
    for word, noun, phrase in asked:
        if any(x == word and y == noun for x, y, _ in said):
            continue
        other = next((p for x, y, p in said if y == noun and x in OPPOSITES[word]), None)
        if other:
            return other, phrase
    return None


@lru_cache(maxsize=256)
def _opposable(question: str) -> tuple[tuple[str, str, str], ...]:
    """The question's word pairs whose first word has opposites (`OPPOSITES`), as stems and as asked;
    read once a question, not once a sentence."""
    pairs = ((a, b, stem(fold(a))) for a, b in word_pairs(question))
    return tuple((s, stem(fold(b)), f"{a} {b}") for a, b, s in pairs if s in OPPOSITES and fold(b) not in STOPWORDS)


def other_office(question: str, role_words: tuple[str, ...], sentence: str) -> tuple[str, str] | None:
    """The sentence's "inspector of prisons" where the question asks for the "inspector of probation"
    (the role's last word, "of" and a lower-case word), with the question's; or None.

    >>> other_office("Who is the inspector of probation?", ("inspector",), "The inspector of prisons, Jo Hay, said.")
    ('inspector of prisons', 'inspector of probation')
    >>> other_office("Who is the head of the probation service?", ("head",), "The head of the Probation Service.")
    >>> other_office("Who is the head of the Care Forum?", ("head",), "The head of the Union, Al Ross, said.")
    """
    asked = _office_asked(question, role_words[-1])
    if not asked:
        return None
    role = re.escape(role_words[-1])
    said = list(re.finditer(rf"\b{role}\s+of\s+(?:the\s+)?([A-Za-z]+)", sentence, re.IGNORECASE))
    if not said or any(stem(fold(m.group(1))) == asked[0] for m in said):
        return None
    return said[0].group(), asked[1]


@lru_cache(maxsize=256)
def _office_asked(question: str, role: str) -> tuple[str, str] | None:
    """The stem of the lower-case word after the role's "of" in the question, and the phrase as
    asked ("inspector of probation"); read once a question."""
    found = re.search(rf"\b{re.escape(role)}\s+of\s+(?:(?:the|a|an)\s+)?(?!(?:the|a|an)\b)([a-z]+)", question)
    return (stem(found.group(1)), found.group()) if found else None


# Words that make a role another office held by someone else: the deputy chair is not the chair.
RANKS = frozenset("deputy vice assistant acting interim shadow former associate".split())


def other_rank(role_words: tuple[str, ...], sentence: str) -> tuple[str, str] | None:
    """The sentence's role with a rank word (`RANKS`) the question's lacks, or without the one it
    has, wherever the sentence says the role: the phrase said and the one asked; or None.

    >>> other_rank(("deputy", "chief", "constable"), "Andrea Lockhart (Chief Constable) spoke.")
    ('Chief Constable', 'deputy chief constable')
    >>> other_rank(("chair",), "Present: Cllr Price (Vice-Chair), Cllr Marsh (Chair).")
    >>> other_rank(("chair",), "Present: Cllr Price (Vice-Chair).")
    ('Vice-Chair', 'chair')
    >>> other_rank(("deputy", "chair"), "The company is chaired by Dame Helen Carver.")
    ('company is chaired', 'deputy chair')
    """
    asked = {w for w in role_words[:-1] if w in RANKS}
    # The role and the two words before it ("Vice-Chair", "deputy chief constable"), or the role
    # done ("is chaired by").
    role = re.escape(role_words[-1])
    said = list(re.finditer(rf"\b((?:[A-Za-z]+[\s-]+){{0,2}}){role}(?:ed|d)?\b", sentence, re.IGNORECASE))
    if not said or any({fold(w) for w in re.findall(r"[A-Za-z]+", m.group(1))} & RANKS == asked for m in said):
        return None
    return said[0].group(), " ".join(role_words)


COST_TO = re.compile(r"\bcost(?:s|ing)?\s+to\s+([a-z]+)")  # as asked: "cost to run"
COST_SAID = re.compile(r"\bcost(?:s|ing)?\b[^;]{0,40}?\bto\s+([a-z]+)")  # as said: "cost £6.3 million to build"


def other_purpose(question: str, sentence: str) -> tuple[str, str] | None:
    """The sentence's cost of doing another thing ("cost £6.3 million to build") where the question
    asks what it costs to do one ("cost to run"), with the question's; or None.

    >>> other_purpose("How much will it cost to run each year?", "It will cost £6.3 million to build.")
    ('to build', 'cost to run')
    >>> other_purpose("How much will it cost to build?", "It will cost £6.3 million to build and run.")
    """
    asked = COST_TO.search(question)
    if not asked:
        return None
    said = COST_SAID.search(sentence)
    if not said or stem(said.group(1)) == stem(asked.group(1)):
        return None
    return f"to {said.group(1)}", asked.group()


def reversed_direction(directed: tuple[tuple[str, str], ...], sentence: str) -> str | None:
    """The sentence's "fled to" where the question says "fled from" (or "flows around" where it says
    "flows into", with no "into" after it), or None.

    >>> reversed_direction(((stem("fled"), "from"),), "Several monks fled to southern Italy.")
    'fled to'
    >>> reversed_direction(((stem("fled"), "from"),), "Several monks fled from Normandy to Italy.") is None
    True
    >>> reversed_direction(((stem("flow"), "into"),), "The river flows around the rock.")
    'flows around'
    >>> reversed_direction(((stem("flow"), "into"),), "It flows through Basel into France.") is None
    True
    """
    words = re.findall(r"[a-z]+", sentence.lower())
    for verb, direction in directed:
        for i, (a, b) in enumerate(pairwise(words)):
            if stem(a) != verb:
                continue
            way, asked = WAYS.get(b), WAYS[direction]
            if way is None or way == asked:
                continue
            if way == OPPOSITE_WAY.get(asked) or asked not in {WAYS[w] for w in words[i + 1 :] if w in WAYS}:
                return f"{a} {b}"
    return None


def other_place(placed: tuple[tuple[str, tuple[str, ...]], ...], sentence: str) -> str | None:
    """The sentence's "in Alaska" where the question says "in Moscow" and the sentence does not, or None.

    >>> other_place((("in", (stem("Moscow"),)),), "Trump met Putin in Alaska on 15 August.")
    'in Alaska'
    >>> other_place((("in", (stem("Alaska"),)),), "Trump met Putin in Alaska on 15 August.") is None
    True
    """
    said = {stem(t) for t in tokens(fold(sentence))}
    for prep, name in placed:
        if set(name) & said:
            continue
        for m in PLACED.finditer(sentence):
            if m.group(1) == prep:
                return m.group()
    return None


HEADED_PLACE = re.compile(r"\b([a-z]{3,})\s+(in|at|near)\s+((?:[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*)*)")


def thing_elsewhere(question: str, sentence: str) -> str | None:
    """The sentence's "cell in Kyiv" where the question asks of the "cell in Paris", and the sentence
    places no such thing there, or None.

    >>> thing_elsewhere("Who leads the cell in Paris?", "A cell in Kyiv, led by a general, is planned.")
    'cell in Kyiv'
    >>> thing_elsewhere("Who leads the cell in Paris?", "A cell in Paris and a cell in Kyiv are planned.") is None
    True
    """
    said = [
        (stem(m.group(1)), m.group(2), {stem(t) for t in tokens(fold(m.group(3)))}, m.group())
        for m in HEADED_PLACE.finditer(sentence)
    ]
    for m in HEADED_PLACE.finditer(question):
        head, prep = stem(m.group(1)), m.group(2)
        name = {stem(t) for t in tokens(fold(m.group(3)))}
        same = [s for s in said if s[0] == head and s[1] == prep]
        if same and not any(s[2] & name for s in same):
            return same[0][3]
    return None


def _words(sentence: str) -> tuple[list[str], list[str]]:
    """The sentence's words as written and in lower case ("Rollo's" one word, hyphens kept)."""
    words = re.findall(r"[\w’'-]+", sentence)
    return words, [w.lower() for w in words]


def _name_stem(word: str) -> str:
    """The stem of a word with its possessive "'s" off ("Isaac's" -> "isaac")."""
    return stem(re.sub(r"[’']s$", "", word))


def _capitalized_end(words: list[str], start: int) -> int:
    """The index after the run of capitalized words from `start` ("the Lombards" from "Lombards")."""
    end = start
    while end < len(words) and words[end][:1].isupper():
        end += 1
    return end


def other_side_of_time(timed: tuple[str, tuple[str, ...]], sentence: str) -> str | None:
    """The sentence's "Until the early 1980s" where the question asks "after the early 1980s" (and
    the sentence says nothing of that side anywhere), or None.

    >>> other_side_of_time(("after", (stem("1980s"),)), "Until the early 1980s, industry was a major source.")
    'Until the early 1980s'
    >>> other_side_of_time(("after", (stem("1935"),)), "It was occupied until 1935 and after that free.") is None
    True
    """
    side, what = timed
    words, low = _words(sentence)
    if any(TIME_SIDES.get(w) == side for w in low):
        return None
    for i, w in enumerate(low):
        if stem(w) not in what:
            continue
        for j in range(max(0, i - 4), min(len(low), i + 3)):
            if TIME_SIDES.get(low[j]) not in (None, side):
                first, last = min(i, j), max(i, j)
                return " ".join(words[first : last + 1])
    return None


def does_it_itself(done_to: tuple[str, str], sentence: str) -> bool:
    """Whether the sentence has the name doing the verb ("Isaac ... offered") rather than having
    it done to it, in the active voice ("Isaac was offered" and "offered by Isaac" do not count).

    >>> does_it_itself((stem("offered"), stem("Isaac")), "Isaac, who wanted peace, offered his daughter.")
    False
    >>> does_it_itself((stem("offered"), stem("Isaac")), "Isaac then offered his daughter.")
    True
    >>> does_it_itself((stem("founded"), stem("Rome")), "Rome was founded by Romulus.")
    False
    """
    verb, name = done_to
    _, words = _words(sentence)
    for i, w in enumerate(words):
        if _name_stem(w) != name:
            continue
        for j in range(i + 1, min(i + 4, len(words))):
            if stem(words[j]) == verb:
                passive = set(words[i + 1 : j]) & PASSIVE or words[j + 1 : j + 2] == ["by"]
                return not passive
    return False


def has_it_done_to_it(doer: tuple[str, tuple[str, ...]], sentence: str) -> str | None:
    """The sentence's "conquered England killing King Harold" where the question asks when Harold
    conquered: the name comes only after the verb and not as its agent ("by Harold"), or None.

    >>> has_it_done_to_it((stem("conquer"), (stem("Harold"),)), "William conquered England killing King Harold.")
    'conquered England killing King Harold'
    >>> has_it_done_to_it((stem("conquer"), (stem("Harold"),)), "Harold, the son of Godwin, conquered it.") is None
    True
    >>> has_it_done_to_it((stem("conquer"), (stem("Harold"),)), "England was conquered in 1066 by Harold.") is None
    True
    >>> has_it_done_to_it((stem("encourage"), (stem("Normans"),)), "Normans were encouraged to come by the Lombards.")
    'Normans were encouraged to come by the Lombards'
    """
    verb, name = doer
    words, low = _words(sentence)
    spots = [i for i, w in enumerate(low) if _name_stem(w) in name]
    acts = [i for i, w in enumerate(low) if stem(w) == verb]
    if not spots or not acts:
        return None
    if spots[0] < acts[0]:
        # "Norman mercenaries were encouraged ... by the Lombards": the name has it done to it.
        act = acts[0]
        passive = set(low[max(spots[0], act - 3) : act]) & PASSIVE
        agent = next((k for k in range(act + 1, min(act + 9, len(low))) if low[k] == "by"), None)
        if passive and agent is not None and agent + 1 < len(low) and not set(spots) & set(range(agent, agent + 4)):
            end = _capitalized_end(words, agent + 1 + (low[agent + 1] == "the"))
            return " ".join(words[spots[0] : max(end, agent + 2)])
        return None
    if spots[0] - acts[0] > 4 or "by" in low[acts[0] : spots[0]]:  # its object is close; "by" names the doer
        return None
    return " ".join(words[acts[0] : spots[0] + 1])


def swapped_object(objects: tuple[tuple[str, str, tuple[str, ...]], ...], sentence: str) -> str | None:
    """The sentence's "absorbed into the Anglo-Saxon language" where the question asks what was
    absorbed into the Anglo-Norman one, and the sentence names Anglo-Norman elsewhere: the two swap
    places. None when the sentence has the question's name in that place too, or not at all.

    >>> q = ((stem("absorbed"), "into", (stem("Anglo"), stem("Norman"))),)
    >>> swapped_object(q, "The Anglo-Norman language was absorbed into the Anglo-Saxon language.")
    'absorbed into the Anglo-Saxon'
    >>> swapped_object(q, "Old Norse was absorbed into the Anglo-Norman language.") is None
    True
    """
    found = list(re.finditer(r"[^\W_]+", sentence))  # "Anglo-Saxon" is two words, as in `tokens`
    words = [m.group() for m in found]
    low = [stem(fold(w)) for w in words]
    for verb, prep, name in objects:
        if not set(name) <= set(low):
            continue
        for i, w in enumerate(low):
            if w != verb or (prep and low[i + 1 : i + 2] != [prep]):
                continue
            j = i + 1 + bool(prep)
            j += low[j : j + 1] == ["the"]
            if set(name) <= set(low[j : j + len(name) + 1]):
                break  # the question's name is in that place here too
            run = _capitalized_end(words, j)
            if run > j:
                return sentence[found[i].start() : found[run - 1].end()]
    return None


def slot_filler(slot: tuple[str, str], sentence: str) -> str | None:
    """What fills the question's gap in the sentence: the capitalized words after "fealty to".

    >>> slot_filler(("fealty", "to"), "Rollo agreed to swear fealty to King Charles III of West Francia.")
    'King Charles III'
    """
    word, prep = slot
    found = [
        m.group(1)
        for m in re.finditer(
            rf"(?i:\b{re.escape(word)}\w*\s+{prep}\s+(?:the\s+)?)([\w’'-]+(?:\s+[A-Z][\w’'-]*)*)", sentence
        )
    ]
    # Only a gap that is always filled by a name ("name to Nederrijn ... name to Lek" has two).
    return found[0] if len(found) == 1 and found[0][0].isupper() else None


# Quoted words: between curly or straight quotation marks, or from an opening mark to the end of a
# sentence the closing mark ends later.
QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")


def named_only_in_quote(speaker: tuple[str, ...], sentence: str, names_in: Callable[[str], set[str]]) -> bool:
    """Whether the sentence names the speaker asked about only inside quoted words: someone else
    speaks of them ("What did Graham say?" against "“... the senators (Lindsey Graham ...) is a signal.”").

    >>> names = lambda text: {stem(t) for t in tokens(text)}
    >>> named_only_in_quote(("graham",), "“The presence of Senator Graham is a signal.”", names)
    True
    >>> named_only_in_quote(("graham",), "Graham said: “The plan is ready.”", names)
    False
    """
    return bool(set(speaker) & names_in(sentence)) and not set(speaker) & names_in(QUOTED.sub(" ", sentence))


# '"...," she said.': a quote's speech tag that is a pronoun, after the closing quotation mark.
PRONOUN_TAG = re.compile(r"[\"”’]\s*(?:he|she)\s+([a-z]+)")


def tagged_speaker(sentence: str, before: str, names_in: Callable[[str], set[str]]) -> set[str]:
    """Who a quote's pronoun tag ('"...," she said.') stands for: the one the sentence before
    (`before`, the sentences before it) opens with, its words up to the first comma or lower-case word.

    >>> names = lambda text: {stem(t) for t in tokens(text)}
    >>> said = '"We share their frustration," she said.'
    >>> sorted(tagged_speaker(said, "Fiona Laird, managing director, blamed the yard.", names))
    ['fiona', 'laird']
    >>> "fiona" in tagged_speaker(said, "The yard blamed Fiona Laird.", names)
    False
    >>> tagged_speaker("She said no.", "Ann Roe spoke.", names)
    set()
    """
    tag = PRONOUN_TAG.search(sentence)
    if not tag or not speech_verb(tag.group(1)) or not before.strip():
        return set()
    last = re.split(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“])", before.strip())[-1]
    return names_in(re.split(r"[,;:(]|\s(?=[a-z])", last, maxsplit=1)[0])


CLAUSE_START = re.compile(r"[,;:“”\"(]")
SUBJECT_PRONOUNS = frozenset("he she they it i we you who which that this these those one".split())


def spoken_by_another(speaker: tuple[str, ...], sentence: str, names_in: Callable[[str], set[str]]) -> str | None:
    """Who the sentence has speak, when each of its verbs of speech has someone named before it in
    its clause and none is the speaker asked about; None when one is, or when it cannot tell ("he
    said"). `names_in`: the question's stems a piece of text names (by office, by given name too).

    >>> names = lambda text: {stem(t) for t in tokens(text)}
    >>> spoken_by_another(("macron",), "As Macron joined the call, the Prime Minister said: 'Yes.'", names)
    'the Prime Minister'
    >>> spoken_by_another(("macron",), "'We are ready,' Macron stated.", names) is None
    True
    >>> spoken_by_another(("macron",), "'We are ready,' he said.", names) is None
    True
    >>> spoken_by_another(("holm",), "As Holm joined, the governor said: 'Yes.'", names)
    'the governor'
    >>> spoken_by_another(("holm",), "Holm, the mayor, said: 'Yes.'", names) is None
    True
    """
    others = []
    for verb in re.finditer(r"[A-Za-z][\w’'-]*", sentence):
        word = verb.group()
        if not word.islower() or word.endswith("ing") or not speech_verb(word):
            continue
        start = max((b.end() for b in CLAUSE_START.finditer(sentence, 0, verb.start())), default=0)
        clause = sentence[start : verb.start()].strip()
        if set(speaker) & names_in(clause):
            return None
        # "he said", or nothing ("Holm, the mayor, said"): who spoke is in another clause.
        if not set(re.findall(r"[a-z][a-z’'-]*", clause.lower())) - SUBJECT_PRONOUNS:
            return None
        others.append(clause)
    return others[0] if others else None


# "How many seats will the community sports hall have?": what the count is of, and whose it is.
HAS_COUNT = re.compile(
    r"\bhow many\s+(?:[a-z-]+\s+){1,2}(?:will|does|do|did|would|could|can)\s+(?:the|a|an|its|their)\s+"
    r"((?:[a-z-]+\s+){0,3}[a-z-]+)\s+(?:have|hold|seat|take|contain)\b",
    re.IGNORECASE,
)
# "a stadium of 15,500 seats": the count is the stadium's.
OF_COUNT = re.compile(
    r"\b([a-z]+)\s+of\s+(?:about\s+|around\s+|some\s+|up\s+to\s+|nearly\s+|over\s+)?\d[\d,]*\s+([a-z]+)"
)
# Words that hold a count of anything ("a total of 400 seats", "a capacity of 9,000 people").
MEASURE_NOUNS = frozenset(
    "total maximum minimum average number increase rise fall cut loss crowd capacity sum figure peak".split()
)


def count_of_another(question: str, sentence: str, counted: str | None) -> list[str]:
    """Where the sentence gives the count asked for as another thing's ("a stadium of 15,500
    seats") than the one the question asks has it ("How many seats will the community sports
    hall have?").

    >>> count_of_another("How many seats will the community sports hall have?",
    ...     "It seeks permission for a stadium of 15,500 seats, with a community sports hall.", "seat")
    ["'stadium of 15,500 seats', not the community sports hall's"]
    >>> count_of_another("How many seats will the stadium have?", "a stadium of 15,500 seats", "seat")
    []
    >>> count_of_another("How many seats will the hall have?", "a capacity of 300 seats", "seat")
    []
    """
    owner, owns = _count_owner(question)
    if not owner or counted is None:
        return []
    return [
        f"{m.group()!r}, not the {owner}'s"
        for m in OF_COUNT.finditer(sentence)
        if stem(m.group(2)) == counted and m.group(1) not in STOPWORDS | MEASURE_NOUNS and stem(m.group(1)) not in owns
    ]


@lru_cache(maxsize=256)
def _count_owner(question: str) -> tuple[str, frozenset[str]]:
    """What the question asks has the count ("the community sports hall"), and its stems: read
    once a question, not for every sentence scored."""
    found = HAS_COUNT.search(question)
    return (found.group(1), frozenset(stem(fold(w)) for w in found.group(1).split())) if found else ("", frozenset())
