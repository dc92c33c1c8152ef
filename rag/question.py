"""What a question asks for: its key terms and the type of answer it expects."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.tables import row_labels
from rag.text import (
    CAPITAL_ABBREVIATIONS,
    QUESTION_WORDS,
    SPEECH_STEMS,
    STOPWORDS,
    can_be_verb,
    content_stems,
    expand_abbreviations,
    fold,
    is_verb_base,
    joined_name,
    lemma_kinds,
    only_noun,
    only_verb,
    plural_noun,
    stem,
    tokens,
    verb_not_noun,
)

# General abbreviations a user types for words that articles spell out: the capital ones of
# rag/text.py in lower case ("us" is the pronoun), and a few written only in lower case.
ABBREVIATIONS = {short.lower(): long.lower() for short, long in CAPITAL_ABBREVIATIONS.items() if short != "US"} | {
    "pm": "prime minister",
    "govt": "government",
    "intl": "international",
}
ABBREVIATION_NAMES = frozenset(CAPITAL_ABBREVIATIONS) - {"HQs"}
# Words a question uses to frame what it asks; they say nothing about the topic.
FRAME_WORDS = frozenset(
    "name names called call type kind year years date time happen happened mean means main role part take "
    "took give gave get got make made according document documents report reports article articles else".split()
)
# General verbs that say little of what happened ("What would the plan involve?", "where is it located",
# "the summit that started it"): documents say the same with other words, so their absence proves nothing.
LIGHT_VERBS = frozenset(
    stem(w)
    for w in "be have do make take give get go come become begin start use include involve contain consist "
    "happen cause call know see put keep let seem show find locate situate move hold attend "
    # verbs of saying that say nothing of what was said: any report of the speaker's words answers
    # "How did Starmer describe the plans?" ("the Prime Minister said: ... mature")
    "say tell describe speak talk remark comment "
    # verbs that lead into another ("aim to ensure", "seek to end"): the one after "to" says what happens
    "aim try seek want wish hope intend plan attempt manage decide continue".split()
)
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million billion trillion dozen dozens hundreds thousands millions several".split()
)
MONTH_NAMES = "january february march april may june july august september october november december".split()
DAY_NAMES = "monday tuesday wednesday thursday friday saturday sunday".split()
MONTHS = MONTH_NAMES + "jan feb mar apr jun jul aug sep sept oct nov dec".split()
YEAR = re.compile(r"\b(?:1[0-9]{3}|20[0-9]{2})\b")
TIME_UNITS = r"(?:second|minute|hour|day|week|month|year|decade|century|centuries)s?"
DATE = re.compile(
    r"\b(?:" + "|".join(MONTHS) + r")\b|\b1[0-9]{3}s?\b|\b20[0-9]{2}s?\b|\b\d+(?:st|nd|rd|th)\b|\bcentur(?:y|ies)\b"
    r"|\b(?:" + "|".join(DAY_NAMES) + r"|today|yesterday|tomorrow)\b"
    r"|\b(?:\d+|" + "|".join(sorted(NUMBER_WORDS)) + r")[\s-]+" + TIME_UNITS + r"\b"
    r"|\b(?:spring|summer|autumn|winter|ago|since|until)\b"
    r"|\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm)\b|\b(?:midnight|midday|noon)\b"  # a time of day: "at 7.45am"
    # "during the Cold War", "during 1944": a named time; "during the call" says no more than the call.
    r"|\bduring\s+(?:the\s+)?(?-i:[A-Z\d][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
    r"|\b\d[\d,.]*\s?(?:BP|BC|BCE|AD|CE)\b|\bAD\s?\d+",  # "13,000 BP", "AD 70"
    re.IGNORECASE,
)
# "30 months", "fourteen weeks": a time something lasts; "the Thirty Years' War" (a capital) is a name.
DURATION = re.compile(r"\b(?:\d[\d,.]*|(?i:" + "|".join(sorted(NUMBER_WORDS)) + r"))[\s-]+" + TIME_UNITS + r"\b")
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
# "Twenty-two" is one number, not "twenty" and then "two".
NUMBER = re.compile(
    r"\b\d[\d,.]*\b|\b(?:" + "|".join(TENS) + r")-(?:one|two|three|four|five|six|seven|eight|nine)\b"
    r"|\b(?:" + "|".join(sorted(NUMBER_WORDS)) + r")\b",
    re.IGNORECASE,
)
# A number with no noun after it, right after a verb ("it had connected 21,500, the report says").
BARE_COUNT = re.compile(
    r"\b([a-z]+)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+)?(\d[\d,]*\d|\d)(?=[,.;:]?(?:\s|$))"
    # "holds 9,200 and ...", "expects 350,000 a year", not "connected 21,500 homes"
    r"(?!\s+(?!(?:and|but|or|a|an|per|each|every)\b)[a-z])"
)
ORDINAL_ENDINGS = frozenset("st nd rd th".split())
ARTICLES = frozenset("a an the".split())
# A whole figure: "30%", not its last digit; "$1.5 billion", not "$1".
FIGURE = r"\d(?:[\d,.]*\d)?"
AMOUNT = re.compile(
    rf"[$€£¥]\s?{FIGURE}(?:\s*(?:billion|million|trillion|bn)\b)?|\b{FIGURE}\s?%"
    rf"|\b{FIGURE}\s*(?:percent|per cent|percentage points?|billion|million|trillion|dollars|euros|pounds)\b",
    re.I,
)
PERCENT = re.compile(rf"\b{FIGURE}\s?%|\b{FIGURE}\s*(?:percent|per cent|percentage points?)\b", re.I)
SHORT_DURATION = re.compile(r"\b\d[\d,.]*\s?(?:ms|s|secs?|mins?|h|hrs?)\b")  # "4.9 s", "90 mins"
# "How long will the ban stay?": the time it lasts until says it ("until at least the end of October").
UNTIL = re.compile(
    r"\b(?:until|till)\s+(?:[\w’'-]+\s+){0,5}?(?:(?-i:" + "|".join(m.title() for m in MONTH_NAMES) + r")|\d{4})\b",
    re.I,
)
# "a fifth of Ukrainian territory", "two-thirds of the water", "half the budget"
FRACTION = re.compile(
    r"\b(?:(?:a|one|two|three|four)[\s-])?(?:half|halves|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)\b"
    r"(?= of\b| the\b)",
    re.I,
)
# "one in five owners", "2 out of 3": a share given as a ratio.
SMALL_NUMBER = r"(?:\d{1,3}(?![\d,.]\d)|one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)"
RATIO = re.compile(r"\b" + SMALL_NUMBER + r"\s+(?:in|out of)\s+" + SMALL_NUMBER + r"\b", re.I)
SHARE = re.compile(r"\b(?:most|all|none|majority|minority) of\b", re.I)  # "how much of": "most of it"
# A percentage that says by how much something changed, no part of a whole: "20% less cod", "up
# 12%", "cut by 20%", "a rise of 5%".
CHANGE_BEFORE = re.compile(
    r"(?:\b(?:by|up|down)|\b(?:cut|rise|increase|fall|drop|decrease|reduction|growth) of)\s*$|[+−-]$", re.I
)
CHANGE_AFTER = re.compile(r"^\s*(?:less|more|fewer|higher|lower|up|down|cut|rise|increase|fall|drop)\b", re.I)
# What a quantity question asks for: a number, with its unit if any ("86 km", "1,230 kilometres").
QUANTITY_WORDS = (
    "population|size|length|height|width|depth|area|distance|weight|speed|capacity|number|total|age|volume|"
    "elevation|altitude|diameter|duration|average|median|mean|maximum|minimum"
)
MONEY_WORDS = "budget|cost|costs|price|value|worth|salary|spending|funding|revenue|fee"
# A measure by its name and the units it is given in: "how much power" is answered by "150
# megawatts", "the height" by "21 metres", whether or not the sentence says "power" or "height".
_LENGTH_UNITS = r"(?:kilo|centi|milli)?met(?:re|er)s?|km|cm|mm|m|miles?|feet|foot|ft|yards?|inch(?:es)?"
_UNITS = {
    "power": r"(?:kilo|mega|giga)?watts?|[kMG]W",
    "energy": r"(?:kilo|mega|giga|tera)?watt[- ]hours?|[kMGT]Wh",
    "weight": r"tonnes?|tons?|kilo(?:gram)?s?|kg|grams?",
    "length": _LENGTH_UNITS,
    "area": r"hectares?|acres?|ha|(?:square|sq)\s+(?:" + _LENGTH_UNITS + r")|km2|km²|m2|m²",
    "volume": r"litres?|liters?|gallons?|cubic\s+(?:" + _LENGTH_UNITS + r")|m3|m³",
    "speed": r"mph|km/h|kph|knots|(?:" + _LENGTH_UNITS + r")\s+(?:an|per)\s+hour",
    "temperature": r"degrees|°[CF]?|[CF]",
}
DIMENSIONS = {
    # "£9.5m" is money, not metres.
    stem(word): re.compile(rf"(?<![$€£¥\d.,])\b{FIGURE}\s?-?(?:{_UNITS[unit]})(?![\w/])")
    for unit, words in {
        "power": "power",
        "energy": "energy",
        "weight": "weight mass",
        "length": "length height depth width distance elevation altitude diameter",
        "area": "area",
        "volume": "volume",
        "speed": "speed",
        "temperature": "temperature",
    }.items()
    for word in words.split()
}
SPENDING_WORDS = (
    "money|cash|aid|dollars?|euros?|pounds|pay|paid|spend|spent|fund|funded|raise|raised|pledge|pledged|"
    "earn|earned|sell|sold|buy|bought|owe|owed|lend|lent|borrow|borrowed|invest|invested|charge|charged|"
    # Sums of money by what they are for: "how much compensation" is no count of people.
    "compensation|subsid(?:y|ies)|loans?|debts?|tax(?:es)?|rents?|wages?|income|profits?|earnings|fines?"
)
# Bodies a question asks for by name ("Which firm ...?").
ORGANISATION_WORDS = (
    "firms?|compan(?:y|ies)|contractors?|shipyards?|yards?|operators?|suppliers?|developers?|builders?|"
    "consultants?|consultanc(?:y|ies)|charit(?:y|ies)|banks?|newspapers?|agenc(?:y|ies)|organi[sz]ations?"
)
HOW_LONG = re.compile(r"\bhow (?:long|much (?:time|longer))\b", re.I)  # "How much time will it add?"
# "How long ...?", "How far ...?": the words after "how" that say what is measured.
MEASURE_WORDS = "long|far|high|tall|wide|deep|big|large|old|heavy|fast"
# "How tall would the substation be?", "how long is the new runway": what is measured (`_sized`).
SIZED = re.compile(
    r"\b(?i:how (?:" + MEASURE_WORDS + r")\s+(?:is|are|was|were|will|would|could|can)"
    r"\s+(?:the|a|an|its|their))\s+((?:[a-z-]+\s+){0,3}[a-z-]+)\s*\??\s*$"
)
ALREADY = re.compile(r"\balready\b", re.IGNORECASE)
HOLDS_NOW = re.compile(r"^\s*how many\b(?!.*\b(?:will|would)\b).*\b(?:does|do)\b.*\bhave\b", re.IGNORECASE)
HOW_MUCH_MORE = re.compile(r"\bhow (?:much|many) (more|less|fewer)\b", re.IGNORECASE)
CAPITALIZED = re.compile(r"\b[A-Z][\w’'-]*")
# A question that ends on a preposition asks what fills the gap after it ("... swear fealty to?").
SLOT = re.compile(r"([A-Za-z]+)\s+(to|from|by|with|of|in|into|for|on|at|against|over)\s*\??\s*$")
# "Who offered Isaac ...?": the one asked for does the verb; the name has it done to it.
DONE_TO = re.compile(r"\s*Who (\w+) (?:the )?([A-Z][\w’'-]*)")
# "Who leads the cell?", "Which general chairs it?": the word after the asker is what the one asked
# for does, though the word can be a noun too ("leads", "heads").
ACTOR_VERB = re.compile(r"^\W*(?:who|(?:which|what)\s+[a-z]+)\s+([a-z]+)\b", re.I)
# "When did the ice age end?": what "did"/"does" carries, the rest of the question after it; and
# what a modal carries ("How many trees will the council plant?"), though no verb of speech.
AFTER_DO = re.compile(r"\b(?:did|does|do)\s+(.*)", re.I)
AFTER_MODAL = re.compile(r"\b(?:will|would|could|can|should|might|must)\s+(.*)", re.I)
# "When did King Harold II conquer England?": the name after "did" that does the verb after it.
DOER = re.compile(r"\b(?:did|does|do)\s+(?:the\s+)?((?:[A-Z][\w’'-]*\s+)+)([a-z]+)\b")
# A person named with a title of address: "Ms Lloyd", "Cllr Helen Marsh", "Dr. Sarah Mensah".
PERSON_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Professor|Prof)\b\.?(?:\s+[A-Z][\w’'-]*)+")
TITLES = frozenset(
    "king queen prince princess duke duchess earl count lord lady sir dame emperor empress pope saint "
    "president chancellor general admiral senator minister".split()
)
# "What was absorbed into the Anglo-Norman language?", "Who replaced the Normans ...?": a verb, a
# preposition or none, and the name that fills that place.
OBJECT = re.compile(
    r"\b([a-z]{3,})\s+(?:(into|to|with|from|as|for|on|onto|against)\s+)?(?:the\s+)?((?:[A-Z][\w’'-]*\s?)+)"
)
# Verbs whose doer and object can swap without changing what happened ("Trump met Putin").
RECIPROCAL = frozenset("meet join marry wed fight battle ally merge trade negotiate talk agree compete".split())
RECIPROCAL_STEMS = frozenset(stem(w) for w in RECIPROCAL)
# "met Putin in Moscow": a name after a preposition of place.
PLACED = re.compile(r"\b(in|at|near)\s+((?:[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*)*)")
# Sides of a time: "after the conquest" is not "before the conquest" ("until", "from ... onwards").
TIME_SIDES = dict.fromkeys(["before", "until", "till", "prior", "preceding"], "before") | dict.fromkeys(
    ["after", "since", "following", "subsequent", "onwards", "onward"], "after"
)
TIMED = re.compile(
    r"\b(before|after|until|till|since|prior to|following|subsequent to)\s+(?:the\s+)?([\w’'-]+(?:\s+[\w’'-]+)?)", re.I
)
# Ways of going, by what they mean: "flows around the rock" is not "flows into" it, and "flows out
# of" is the opposite way.
WAYS = dict.fromkeys(["into", "to", "toward", "towards", "onto"], "to") | dict.fromkeys(["from", "out"], "from")
WAYS |= {w: w for w in ("around", "past", "through", "along", "across")}
OPPOSITE_WAY = {"to": "from", "from": "to"}
AUXILIARIES = frozenset("is was are were did does do has had have will would could can should may might must".split())
PASSIVE = frozenset("is was were are be been being".split())
LISTING = re.compile(
    r"\b(?:what|which)\s+(?:are|were)\b|^\W*list\b|\b(?:two|three|four|five|six|several|all)\s+(?:the\s+)?[a-z]+s\b"
    r"|\bwhat\s+(?:will|would|does|do|did|should|can)\b.*\bdo\s*\??\s*$",
    re.IGNORECASE,
)
# "Who is the chief executive of X?", "Who is X's operations director?": who holds a role.
WHO_IS = r"^\W*(?:[Aa]nd\s+)?[Ww]ho\s+(?:is|was|are|were|will be)\s+"
# "the council's cabinet member": the role is after whose it is.
HOLDS_ROLE = re.compile(WHO_IS + r"(?:the\s+(?:[a-z][\w-]*['’]s\s+)?|[A-Z][\w\s-]*['’]s\s+)([a-z][\w -]*)")
# "Who chairs the X?" asks who is its chair, the verb and the role one word ("Who heads X?" is
# looser: "the national security adviser" heads the advice).
ROLE_VERB = re.compile(r"^\W*(?:[Aa]nd\s+)?[Ww]ho\s+(chair)(?:s|ed)\s+")
ANYONE = frozenset("person man woman one people individual".split())
# Where a role's words end, besides stopwords ("the top general alongside Steve Witkoff").
ROLE_ENDS = frozenset("alongside beside behind ahead among amongst within near across toward towards like".split())
# Kin are said from either side ("Emma, sister of Duke Richard" says who her brother is; "married"
# who her husband is): no office a sentence names.
KIN = frozenset(
    """brother sister son daughter father mother parent child husband wife spouse widow uncle aunt nephew niece
    cousin grandson granddaughter grandfather grandmother heir half-brother half-sister""".split()
)


def role_phrase(question: str) -> tuple[str, ...]:
    """The words of the role a "who holds it" question asks about: its lower-case words up to a
    stopword, a capitalized word or a preposition ("the top general alongside ...": general).

    >>> role_phrase("Who is the shadow health and social care secretary?")
    ('shadow', 'health', 'and', 'social', 'care', 'secretary')
    >>> role_phrase("Who was the defence secretary sitting with him?"), role_phrase("Who was the ruling class ahead?")
    (('defence', 'secretary'), ('ruling', 'class'))

    Its last word is the role (`QuestionInfo.role`, stemmed):

    >>> def role(q):
    ...     phrase = role_phrase(q)
    ...     return stem(phrase[-1]) if phrase else None
    >>> role("Who is the chief executive of Severn Vale Water?"), role("Who is Acme's finance director?")
    ('execut', 'director')
    >>> role("Who is Lindsey Graham?"), role("Who was the person who resigned?")
    (None, None)
    >>> role("Who was Emma's brother?")  # kin, said from either side
    >>> role("Who was the top general alongside Steve Witkoff?")
    'general'
    >>> role("Who is the health and social care secretary?"), role("Who chairs the Justice Committee?")
    ('secretari', 'chair')
    >>> role("Who is the council's cabinet member for transport?"), role("Who is the park's deputy chief executive?")
    ('member', 'execut')
    """
    verb = ROLE_VERB.match(question)
    if verb:
        return (verb.group(1),)
    held = HOLDS_ROLE.match(question)
    if not held:
        return ()
    words: list[str] = []
    for w in held.group(1).split():
        if w == "and" and words:  # "the health and social care secretary": one role
            words.append(w)
            continue
        if w in STOPWORDS or w in ROLE_ENDS or not w.islower():
            break
        if words and (w.endswith("ing") or verb_not_noun(w)):  # "the defence secretary sitting with him"
            break
        words.append(w)
    while words and words[-1] == "and":
        words.pop()
    return tuple(words) if words and words[-1] not in ANYONE | KIN else ()


# "... of the Rural Policy Institute?", "Who is Severn Vale Water's ...": the name whose role it is,
# which may have small words inside ("the Kelmouth Chamber of Commerce").
BODY_NAME = "(" + joined_name("of|and|for|the") + ")"
ROLE_BODY = re.compile(
    r"\b(?:of|at|for|in)\s+(?:the\s+)?" + BODY_NAME + r"\s*\??\s*$"
    r"|" + WHO_IS + BODY_NAME + r"['’]s\s"
    r"|" + ROLE_VERB.pattern + r"(?:the\s+)?" + BODY_NAME + r"\s*\??\s*$"
)


def role_body(question: str) -> tuple[str, ...]:
    """The stems of the name whose role a "who holds it" question (`role_phrase`) asks about, if two
    words or more.

    >>> role_body("Who is the director of the Rural Policy Institute?"), role_body("Who is Acme's finance director?")
    (('rural', 'polici', 'institut'), ())
    >>> role_body("Who is Severn Vale Water's operations director?"), role_body("Who chairs the Care Commission?")
    (('severn', 'vale', 'water'), ('care', 'commiss'))
    >>> role_body("Who chairs the Kelmouth Chamber of Commerce?"), role_body("Who is the head of the Chamber of Trade?")
    (('kelmouth', 'chamber', 'commerc'), ('chamber', 'trade'))
    """
    named = ROLE_BODY.search(question)
    if not named:
        return ()
    words = [w for w in (named.group(1) or named.group(2) or named.group(4)).split() if w not in STOPWORDS]
    return tuple(stem(fold(re.sub(r"[’']s?$", "", w))) for w in words) if len(words) > 1 else ()


# A capitalized word and a capital letter ("Band A", "Plan B"); not "I", a numeral or a pronoun.
LETTERED = re.compile(r"\b([A-Z][a-z]+) [A-HJ-UWYZ]\b(?![’'.-])")
QUOTED = re.compile(r"[“\"]([^”\"]{2,60})[”\"]")
PLACE_PHRASE = re.compile(
    r"\b(?:into|onto|towards?|through|across|along|past) the [a-z]\w*"
    # A region named by its compass point: "Care homes in the north-east".
    r"|\b(?:north|south)(?:[- ]?(?:east|west))?\b|\b(?:east|west)\b"
)
BRACKETED = re.compile(r"\(([^()]{2,60})\)")
# The words that ask for a gloss ("the English translation of", "what does the word ... mean").
GLOSS_FRAME = frozenset(stem(w) for w in "translate translation mean meaning word term english literally".split())
COUNT_TOKENS = re.compile(r"\d[\d,.]*\d|[\w’'-]+|[^\w\s]")  # "30,000 men": one number, then a word
QUANTITY = re.compile(rf"\b{FIGURE}\s?([a-zA-Z%]+)?")
# A compass direction or a way along a slope or stream ("west", "northwestward", "downstream"), not
# one that is part of a name ("North Sea", "Western Europe").
DIRECTION = re.compile(
    r"\b(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:wards?|erly|ern)?\b(?!\s+(?-i:[A-Z]))"
    r"|\b(?:up|down)(?:stream|hill|river)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class QuestionInfo:
    text: str
    kind: str  # count | amount | quantity | date | direction | gloss | person | place | name | other
    terms: tuple[str, ...]  # stems of the key terms, abbreviations expanded
    words: tuple[str, ...]  # the words behind `terms`, same order (for matching by meaning)
    names: tuple[str, ...]  # stems of capitalized words and numbers: these must be in the evidence
    counted: str | None  # for "how many X": the stem of X
    asked: str | None = None  # for "which X ..."/"what X ...": the stem of X, the kind of thing wanted
    slot: tuple[str, str] | None = None  # "Who did Charles swear fealty to?": ("fealty", "to"), the gap asked about
    # "Who offered Isaac a truce?": (stem of the verb, stem of the name it is done to)
    done_to: tuple[str, str] | None = None
    # Stems of the words that can only be verbs ("besiege", "founded"): what the question says
    # happened, which the answering sentence says too, in some form.
    verbs: tuple[str, ...] = ()
    # "fled from": a verb and the direction word right after it, which a sentence saying "fled to"
    # reverses.
    directed: tuple[tuple[str, str], ...] = ()
    # "... in Moscow?": a place the question puts it in, as (preposition, stems of the name).
    placed: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # "What are the three tasks ...?", "List ...", "What will it do?": several things asked for.
    listing: bool = False
    # "... after the early 1980s?": the side of a time the question asks about ("before" or "after")
    # and the stems of what the time is.
    timed: tuple[str, tuple[str, ...]] | None = None
    # "the EU's pledge": a name the question abbreviates and the stems of it spelled out ("EU",
    # ("european", "union")). The documents must use them: they may write "the EU" or "the European
    # Union", but a body they never name is not in them.
    abbreviated: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # "When did King Harold II conquer England?": the stem of the verb and the stems of the name
    # that does it ("harold"; titles and numerals left out).
    doer: tuple[str, tuple[str, ...]] | None = None
    # "absorbed into the Anglo-Norman language": (stem of the verb, the preposition or "", stems of
    # the name after it), for each such place in the question.
    objects: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    # Stems of the names that are one word on their own ("the Rhine", not "the Old Rhine Bridge"):
    # such a name can be what a whole document is about.
    lone: tuple[str, ...] = ()
    # "Who leads the cell?": the stem of the verb the one asked for does ("lead"), which the
    # answering sentence itself must say; None when the question asks no doer.
    acted: str | None = None
    # "What did Macron say ...?": the stem of the verb of speech asked about; the answering
    # sentence must report someone saying something.
    speech: str | None = None
    # ... and the stems of who the question says spoke ("macron"; titles left out), if it names one.
    speaker: tuple[str, ...] = ()
    # ... and the stems of what it asks they said it about ("the haddock quota": haddock, quota).
    spoken_of: tuple[str, ...] = ()
    # "a Band A household", "Plan B": a name with a letter, which the documents must write as it is
    # ("Band D" is another band; the letter alone is no word to score).
    lettered: tuple[str, ...] = ()
    # "Who is the director of X?": the stem of the role asked about ("director"), which the sentence
    # that names the holder must say itself.
    role: str | None = None
    # ... its words as asked ("shadow health and social care secretary": which secretary) ...
    role_words: tuple[str, ...] = ()
    # ... and the stems of whose role it is, when a name of two words or more ("Rural Policy
    # Institute"): its last word with the role ("the institute's director") names it.
    body: tuple[str, ...] = ()
    # "How many electric buses ...?", "How much ozone ...?": the words, as asked, of the thing to be
    # counted or measured. A document that never uses one of them counts or measures something else.
    measured: tuple[str, ...] = ()
    # "How tall would the substation be?": the stem of the noun whose size is asked (the last word).
    sized: str | None = None
    # How the question frames its answer, read once here rather than for every sentence scored:
    # "how long" (a duration or a length answers), whether it asks how many more or new ones are
    # added ("300 extra staff" answers only then), "already" (the thing must have happened), and
    # the comparison "how much more/less/fewer" asks for (stemmed; "10% less" is no "more").
    how_long: bool = False
    adds: bool = False
    already: bool = False
    compared: tuple[str, ...] = ()
    # "How many street trees does Ravensmoor have?": how many there are now, not how many will be planted.
    holds_now: bool = False


# The kinds whose answer is a figure: two files giving different ones disagree.
FIGURE_KINDS = ("count", "amount", "share", "quantity", "date")
KIND_PATTERNS = (
    ("count", r"\bhow many\b"),
    # "How full is the reservoir?", "What share of ...?": a part of a whole, not a sum of money.
    ("share", r"\bhow full\b|\bwhat (?:percentage|percent|proportion|share|fraction)\b"),
    # "How much did it cost?", "how much of the flow": money or a share. "How much water does it
    # discharge?" asks for a measure: a quantity, below.
    (
        "amount",
        r"\bhow much (?:of\b|(?:\w+ ){0,10}(?:" + MONEY_WORDS + "|" + SPENDING_WORDS + r")\b)"
        r"|\bwhat (?:amount|sum|price|cost)\b",
    ),
    ("amount", r"\bwhat (?:is|was|are|were|will be) (?:the |its |their )?(?:\w+ )?(?:" + MONEY_WORDS + r")\b"),
    # "What will the force's budget be?"
    ("amount", r"\bwhat (?:will|would) (?:the |its |their )?(?:[\w'’]+ ){0,3}(?:" + MONEY_WORDS + r") be\b"),
    (
        "quantity",
        r"\bhow (?:" + MEASURE_WORDS + r"|often|much)\b"
        r"|\bwhat (?:is|was|are|were) (?:the |its |their )?(?:\w+ )?(?:" + QUANTITY_WORDS + r")\b",
    ),
    (
        "date",
        r"\bwhen\b|\b(?:what|which) (?:years?|dates?|months?|days?|century|centuries|decades?|time)\b",
    ),
    # "What does Obersee mean?", "the English translation of Het Scheur": a gloss, given in the
    # documents in brackets or quotes after the word ("the Obersee (\"upper lake\")").
    (
        "gloss",
        r"\btranslat(?:e|es|ed|ion)\b|\bmeaning of\b|\bwhat (?:does|do|did) (?:\S+ ){1,4}mean\b"
        r"|\bwhat (?:is|was) (?:\S+ ){1,4}in english\b",
    ),
    ("direction", r"\b(?:what|which) direction\b|(?<!\bin )\bwhich way\b"),
    ("person", r"^(?:\W*(?:and|so|but)\s+)?(?:who|whom|whose)\b|\bby whom\b"),
    # "What is the name of the force?", "What is the plan called?": a proper name, or a quoted one.
    (
        "name",
        r"\bwhat (?:is|was|are|were) (?:the |its |their )?names?\b|\bwhat name\b"
        r"|\bwhat (?:\w+ ){1,6}(?:called|named)\b"
        # "Which firm will build it?", "Which shipyard built it?": a body asked for by its name.
        r"|^\W*(?:(?:and|so|but)\s+)?(?:which|what) (?:" + ORGANISATION_WORDS + r")\b",
    ),
    (
        "place",
        r"\bwhere\b|\b(?:which|what) (?:(?:two|three|four|five|other|\w+ern) )?"
        r"(?:city|cities|country|countries|place|places|town|towns|region|regions|capital|capitals)\b",
    ),
)


def _kind(original: str) -> str:
    """The kind of answer asked for; the question word that comes first decides ("Who was the
    leader when ...?" asks for a person, not a date)."""
    q = original.lower()
    # "When the Rhine leaves the lake, which way does it flow?": a "when" that opens a clause,
    # not a question, leaves the kind to the question word after it.
    clause = re.match(r"\W*when (?!(?:" + "|".join(AUXILIARIES) + r")\b)(?=.*\b(?:what|which|where|who|how)\b)", q)
    if clause:
        q = q[clause.end() :]
    # "Which bird loses shelter when hedges are flailed?": a "when" after the question word opens a
    # clause too; it asks for no date.
    if re.match(r"\W*(?:(?:and|so|but)\s+)?(?:what|which|who|whom|whose|where|how|why)\b", q):
        q = re.sub(r"\bwhen\b", "as", q)
    # "What limits how many sessions can be run?": the "how many" is what is limited, not asked.
    if re.match(r"\W*what\s+[a-z]+\s+how\s+(?:many|much)\b", q):
        return "other"
    found = [(m.start(), n) for n, (kind, pattern) in enumerate(KIND_PATTERNS) if (m := re.search(pattern, q))]
    if not found:
        return "other"
    kind = KIND_PATTERNS[min(found)[1]][0]
    # "Who is Alexus Grynkewich?" asks for a description, not for a name; "Who was Richard's
    # fiancee?" asks for a person.
    named = re.match(r"^\W*(?i:and\s+)?(?i:who) (?i:is|was|are|were) [A-Z][\w-]*(?:\s[A-Z][\w-]*)*([’']s\b)?", original)
    if kind == "person" and named and not named.group(1):
        return "other"
    return kind


DETERMINERS = frozenset("the a an his her its their this that these those my our your some any each every".split())
BEFORE_NOUNS = DETERMINERS | QUESTION_WORDS | {"much", "many"}  # "what water", "how much water"


def do_support_verb(text: str) -> str | None:
    """The verb that "did"/"does" (or a modal: "will the council plant") carries, though it may be a
    noun too: the last verb base form of the first run of plain lower-case words after it, unless
    that run is one word after an article (a noun).

    >>> do_support_verb("When did the Last Glacial Maximum peak?"), do_support_verb("When did the ice age end?")
    ('peak', 'end')
    >>> do_support_verb("When did the peak of the ice age pass?"), do_support_verb("When was it built?")
    ('pass', None)
    >>> do_support_verb("How many trees will the council plant?"), do_support_verb("Would the stage of it involve?")
    ('plant', 'involve')
    """
    done = AFTER_DO.search(text)
    aux = done or AFTER_MODAL.search(text)
    if not aux:
        return None
    run: list[str] = []
    before = ""
    for w in [*re.findall(r"[A-Za-z][\w’'-]*", aux.group(1)), "."]:
        low = w.lower()
        if w[0].islower() and low not in STOPWORDS:
            run.append(low)
            continue
        verbs = [r for r in run if "-" not in r and is_verb_base(r)]
        # After a modal, a word before "of" heads a noun ("would the second stage of the plan involve").
        if verbs and not (len(run) == 1 and before in DETERMINERS) and (done or low != "of"):
            return verbs[-1]
        run, before = [], low
    return None


def _spoken(text: str) -> tuple[str | None, tuple[str, ...]]:
    """The stem of the verb of speech that "did"/"does" carries and the stems of the words naming
    who spoke, before it.

    >>> _spoken("What did Jonathan Powell say about the plans?"), _spoken("What did the French president say?")
    (('say', ('jonathan', 'powel')), ('say', ('french',)))
    >>> _spoken("How did Starmer describe it?"), _spoken("What did the coalition agree?")
    (('describ', ('starmer',)), (None, ()))
    """
    aux = AFTER_DO.search(text)
    words = re.findall(r"[A-Za-z][\w’'-]*", aux.group(1)) if aux else []
    for i, w in enumerate(words[:6]):
        if w.islower() and stem(w) in SPEECH_STEMS and is_verb_base(w):
            who = [fold(x) for x in words[:i]]
            return stem(w), tuple(stem(x) for x in who if x not in STOPWORDS and x not in TITLES)
    return None, ()


def analyze_question(text: str) -> QuestionInfo:
    """Key terms and the expected answer type.

    >>> info = analyze_question("How many helicopters will Germany send to Ukraine?")
    >>> info.kind, info.counted, info.names
    ('count', 'helicopt', ('germani', 'ukrain'))
    """
    # "take place" frames the question as "happen" does; "place" is not a term of it. In "which
    # two countries" or "the two stages" the number says how many answers there are, not what they
    # are about.
    framed = re.sub(r"\b(?:take|takes|took|taken|taking) place\b", "happen", expand_abbreviations(text), flags=re.I)
    framed = re.sub(r"\b(which|what|the)\s+(?:two|three|four|five|six|several)\b", r"\1", framed, flags=re.I)
    framed = re.sub(r"\b(?:no|any) longer\b", "", framed, flags=re.I)  # time, not length
    # "When will the limit come into force?" asks when it starts, as documents often say it.
    framed = re.sub(
        r"\b(?:come|comes|came|coming) into (?:force|effect)\b|\b(?:take|takes|took|taking) effect\b",
        "start",
        framed,
        flags=re.I,
    )
    framed = re.sub(r"\bnext to\b", "by", framed, flags=re.I)  # a preposition ("sat next to him")
    framed = re.sub(r"\bhow much money\b", "how much", framed, flags=re.I)  # an amount of money is what is asked
    framed = re.sub(r"\bhow often\b", "how", framed, flags=re.I)  # a frequency is what is asked ("500 times a year")
    words = tokens(framed)
    expanded: list[str] = []
    for before, w in zip(["", *words], words, strict=False):
        # "after 11.30pm" is a time: no Prime Minister.
        expanded.extend([w] if w == "pm" and before[-1:].isdigit() else ABBREVIATIONS.get(w, w).split())
    terms: list[str] = []
    term_words: list[str] = []
    for w in expanded:
        if w in STOPWORDS or w in QUESTION_WORDS or w in FRAME_WORDS or (len(w) < 2 and not w.isdigit()):
            continue
        s = stem(w)
        if s not in terms:
            terms.append(s)
            term_words.append(w)
    names: list[str] = []
    abbreviated: dict[str, tuple[str, ...]] = {}
    # "2.5 million": one number; "10th" and "1980s" are one word, as the passages' tokens are.
    # "PM2.5" is one word, as in the passages.
    found = [m.group() for m in re.finditer(r"\d[\d,.]*\d[a-z]*|[A-Za-z0-9][\w’'-]*(?:[.,]\d+)*", text)]
    named = [(i > 0 and w[0].isupper()) or w[0].isdigit() for i, w in enumerate(found)]
    lone: list[str] = []
    for i, (w, is_name) in enumerate(zip(found, named, strict=True)):
        low = fold(w).replace("’s", "").replace("'s", "")
        plain = re.sub(r"[’']s$", "", w)
        # "UN-like", "EU-wide": the body is named, the lower-case rest is no name.
        headed = re.fullmatch(r"([A-Z]{2,})-[a-z][\w-]*", plain)
        if headed and headed.group(1) in ABBREVIATION_NAMES:
            plain = headed.group(1)
            low = plain.lower()
        if is_name and plain in ABBREVIATION_NAMES and plain != "HQ":
            abbreviated[plain] = tuple(stem(t) for t in tokens(expand_abbreviations(plain)) if t not in STOPWORDS)
        if (
            is_name
            and low not in ABBREVIATIONS
            and low not in STOPWORDS | QUESTION_WORDS
            and plain not in ABBREVIATION_NAMES
        ):
            for part in tokens(low):  # "Saint-Clair-sur-Epte" is four words, as in the passages
                s = stem(part)
                # "Henry II" is not "Henry III": a regnal number is part of the name.
                numeral = len(part) > 1 and re.fullmatch(r"[IVX]+", w) is not None
                if s not in names and (len(part) > 2 or part.isdigit() or numeral):
                    names.append(s)
            if len(tokens(low)) == 1 and named[i - 1 : i] != [True] and named[i + 1 : i + 2] != [True]:
                lone.append(stem(low))
    counted = None
    measured: tuple[str, ...] = ()
    many = re.search(r"\b(?i:how many)\s+([A-Za-z-]+)(?:\s+([a-z-]+))?", text)
    # "How many will be planted?", "how many of the new places": what is counted is not said there.
    if many and many.group(1).lower() in AUXILIARIES | {"of", "in", "on", "at", "for", "to", "from"}:
        many = None
    if many:
        # "How many bus journeys", "how many main flows": a plural after a word that is not one is
        # the thing counted; the word before it says which. A name stays the counted word: "US
        # troops" are not any troops, so the count must carry the name.
        word, after = many.group(1).lower(), many.group(2)
        plural = (
            after
            and many.group(1).islower()
            and _plural(after)
            and not _plural(word)
            and after not in STOPWORDS | AUXILIARIES
        )
        counted = stem(after if plural else word)
        measured = (word, after) if plural else (word,)
    much = HOW_MUCH_NOUN.search(text)
    if much and _measure_noun(much.group(1)):
        measured = (much.group(1),)
    # "how many times": the count of occasions, which a document need not call "times"; "how many
    # people": a document counts them as what they are ("9,200", "4,800 supporters").
    measured = tuple(
        w
        for w in measured
        # "How many extra buses": more of them ("two more buses"), no kind of bus.
        if w.islower() and w not in STOPWORDS | AUXILIARIES | NUMBER_WORDS | OCCASIONS | ANYONE | INCREMENTS
    )
    asked = None
    which = re.search(
        r"\b(?i:which|what)\s+(?:(?i:two|three|four|five|several|other|main)\s+)?(?:[A-Z][\w.]*\s+)?([a-z-]+)\b", text
    )
    if which and which.group(1) not in STOPWORDS:
        asked = stem(which.group(1))
    gap = SLOT.search(text)
    slot = (gap.group(1).lower(), gap.group(2).lower()) if gap and gap.group(1).lower() not in STOPWORDS else None
    done = DONE_TO.match(text)
    done_to = (stem(done.group(1)), stem(done.group(2))) if done and done.group(1).lower() not in AUXILIARIES else None
    carried = do_support_verb(framed)
    actor = ACTOR_VERB.match(framed)
    # Only an inflected form: after "Which officer" or "What TV", a base form ("rank", "network") is
    # the rest of the noun.
    acted = actor.group(1).lower() if actor else None
    acted = acted if acted and acted not in AUXILIARIES and not is_verb_base(acted) else None
    modifiers = ing_modifiers(text)
    verbs = tuple(
        t
        for t, w in zip(terms, term_words, strict=True)
        if t not in names
        and t not in LIGHT_VERBS
        and (only_verb(w) or w == carried or (w == acted and can_be_verb(w)))
        and w not in modifiers
    )
    lowered = re.findall(r"[a-z]+", text.lower())
    # "draw partners from": the object of a verb goes nowhere, so it has no way to reverse ("what water
    # flows out" is no object: "water" after a determiner is a noun). Nor does what no verb can be:
    # "the money from the charge" is where it comes from, not a way it goes.
    directed = tuple(
        (stem(a), b)
        for det, verb, a, b in zip(["", "", *lowered], ["", *lowered], lowered, lowered[1:], strict=False)
        if b in WAYS
        and len(a) > 3
        and a not in STOPWORDS
        and can_be_verb(a)
        and (verb in STOPWORDS or not is_verb_base(verb) or det in BEFORE_NOUNS)
    )
    placed = tuple(
        (m.group(1), tuple(stem(t) for t in tokens(fold(m.group(2)))))
        for m in PLACED.finditer(expand_abbreviations(text))
    )
    when = TIMED.search(text)
    timed = None
    if when:
        what = tuple(stem(t) for t in tokens(when.group(2)) if t not in STOPWORDS)
        timed = (TIME_SIDES[when.group(1).lower().split()[0]], what) if what else None
    doer = None
    acting = DOER.search(text)
    if acting and acting.group(2) not in STOPWORDS and is_verb_base(acting.group(2)):
        # "By how much did the Eastfield pilot cut speeds?": a noun then a verb after the name make
        # a thing named after it ("the Eastfield pilot"), not a name that does the noun's verb.
        after = re.match(r"\s+([a-z]+)\b", text[acting.end() :])
        named_thing = (
            after is not None
            and "NOUN" in lemma_kinds(acting.group(2))
            and after.group(1) not in STOPWORDS
            and is_verb_base(after.group(1))
        )
        who = tuple(
            stem(t)
            for t in tokens(fold(acting.group(1)))
            if t not in TITLES and t not in STOPWORDS and len(t) > 2 and not re.fullmatch(r"[ivx]+", t)
        )
        verb = stem(acting.group(2))
        doer = (verb, who) if who and verb not in RECIPROCAL_STEMS and not named_thing else None
    objects = tuple(
        (stem(m.group(1)), m.group(2) or "", tuple(stem(t) for t in tokens(fold(m.group(3)))))
        for m in OBJECT.finditer(text)
        if m.group(1) not in STOPWORDS | AUXILIARIES | QUESTION_WORDS
        and verb_not_noun(m.group(1))
        and stem(m.group(1)) not in RECIPROCAL_STEMS
    )
    kind = _kind(text)
    role_words = role_phrase(text)
    role = stem(role_words[-1]) if role_words else None
    if HOW_LONG.search(text):  # "How long did the talks last?": a length says it ("after nine hours of talks")
        verbs = tuple(v for v in verbs if v != "last")
    if kind == "place":  # "Where does he work?": "a naval analyst at the Stockholm Institute" says it
        verbs = tuple(v for v in verbs if v != "work")
    if kind == "gloss":  # "the English translation of": the words that ask for a gloss are no topic
        kept = [(t, w) for t, w in zip(terms, term_words, strict=True) if t not in GLOSS_FRAME]
        terms, term_words = [t for t, _ in kept], [w for _, w in kept]
        names = [n for n in names if n not in GLOSS_FRAME]
        verbs = tuple(v for v in verbs if v not in GLOSS_FRAME)
    return QuestionInfo(
        text,
        kind,
        tuple(terms),
        tuple(term_words),
        tuple(names),
        counted,
        asked,
        slot,
        done_to,
        verbs,
        directed,
        placed,
        LISTING.search(text) is not None,
        timed,
        tuple(abbreviated.items()),
        doer,
        objects,
        tuple(lone),
        stem(acted) if acted and stem(acted) in verbs else None,
        *_spoken(framed),
        lettered=tuple(m.group() for m in LETTERED.finditer(text) if fold(m.group(1)).lower() not in STOPWORDS),
        role=role,
        role_words=role_words,
        body=role_body(text) if role else (),
        measured=measured,
        sized=_sized(text),
        spoken_of=_spoken_of(framed),
        how_long=HOW_LONG.search(text) is not None,
        adds=INCREMENT_ASKED.search(text) is not None,
        already=ALREADY.search(text) is not None,
        holds_now=HOLDS_NOW.search(text) is not None,
        compared=tuple(stem(m.group(1).lower()) for m in HOW_MUCH_MORE.finditer(text)),
    )


def _sized(text: str) -> str | None:
    """The stem of the noun whose size the question asks, its last word ("How tall would the
    substation be?": substation); None for any other question, or more than a noun after "the".

    >>> _sized("How tall would the substation be?"), _sized("How long is the new runway?")
    ('substat', 'runway')
    >>> _sized("How long is the Rhine?"), _sized("How tall is the tower going to be?")
    (None, None)
    """
    m = SIZED.search(text)
    words = m.group(1).split() if m else []
    if words[-1:] == ["be"]:
        words.pop()
    if not words or any(w in STOPWORDS or w in AUXILIARIES or (can_be_verb(w) and not only_noun(w)) for w in words):
        return None
    return stem(words[-1])


SPOKEN_OF = re.compile(r"\b(?:say|said|think|thought|feel|felt)\s+about\s+(.+?)\s*\??\s*$", re.IGNORECASE)


def _spoken_of(text: str) -> tuple[str, ...]:
    """The stems of what a question asks someone said something about.

    >>> _spoken_of("What did Elaine Morrow say about the haddock quota?"), _spoken_of("What did she say?")
    (('haddock', 'quota'), ())
    """
    about = SPOKEN_OF.search(text)
    return tuple(content_stems(about.group(1))) if about else ()


def ing_modifiers(text: str) -> set[str]:
    """The -ing words between a noun, a name or a determiner and a noun: part of a noun phrase
    ("the neighbourhood policing review", "which pumping station"), no verb a sentence must say.
    After a preposition or a verb one is ("for storing flood water", "start visiting care homes").

    >>> sorted(ing_modifiers("Who carried out the neighbourhood policing review for training staff?"))
    ['policing']
    """
    words = re.findall(r"[A-Za-z’'-]+", text)
    found = set()
    for before, word, after in zip(words, words[1:], words[2:], strict=False):
        if not (word.islower() and word.endswith("ing")) or after.lower() in STOPWORDS:
            continue
        low = before.lower()
        if low in DETERMINERS | {"which", "what", "many"}:
            nominal = True
        elif low in STOPWORDS:
            nominal = False
        else:  # a name, or a noun or adjective that is no verb ("neighbourhood"; not "start")
            nominal = before[0].isupper() or (not can_be_verb(low) and bool({"NOUN", "ADJ"} & lemma_kinds(low)))
        if nominal and "NOUN" in lemma_kinds(after.lower()):
            found.add(word)
    return found


# "How much North Sea whiting": the names before it say which.
HOW_MUCH_NOUN = re.compile(r"\b(?i:how much)\s+(?:[A-Z][\w-]*\s+)*([a-z-]+)")
OCCASIONS = frozenset("times occasions".split())
# "300 extra staff", "60 more officers": how many are added, not how many there are.
INCREMENTS = frozenset("more extra additional further".split())
INCREMENT_ASKED = re.compile(r"\b(?:" + "|".join(sorted(INCREMENTS | {"new"})) + r")\b", re.IGNORECASE)


def _measure_noun(word: str) -> bool:
    """Whether the word after "how much" names what is measured ("ozone", "water"): a noun, not a
    word of the frame ("how much more", "how much will") and not money, which "how much" asks for
    anyway ("how much money", "how much funding").

    >>> [w for w in ("ozone", "water", "more", "will", "money", "funding", "of", "power", "time") if _measure_noun(w)]
    ['ozone', 'water']
    """
    if (
        word in STOPWORDS
        or word in AUXILIARIES
        or word == "time"
        or re.fullmatch(MONEY_WORDS + "|" + SPENDING_WORDS, word)
    ):
        return False
    if stem(word) in DIMENSIONS:  # "how much power": a figure in watts, whatever it is of
        return False
    return only_noun(word)


NUMBER_OF = re.compile(r"\bnumber of ((?:[a-z-]+ ){0,2}[a-z-]+)", re.I)


def _plural(word: str) -> bool:
    return word.endswith("s") and stem(word) != word  # "journeys", not "bus"


def _ratio_ends_at(words: list[str], i: int) -> bool:
    """Whether words[i] is the second number of a ratio: "1 in 4", "3 out of 5"."""
    joined = [w.lower() for w in words[max(0, i - 2) : i]]
    if joined[-1:] == ["in"]:
        return i >= 2 and NUMBER.fullmatch(words[i - 2]) is not None
    return joined == ["out", "of"] and i >= 3 and NUMBER.fullmatch(words[i - 3]) is not None


def _does(word: str, stems: frozenset[str]) -> bool:
    """Whether the word is a verb form of one of these stems ("connected": connect)."""
    return stem(word.lower()) in stems and can_be_verb(word.lower()) and not word.lower().endswith("ing")


def type_candidates(
    kind: str,
    sentence: str,
    counted: str | None = None,
    until: bool = False,
    doing: frozenset[str] = frozenset(),
    added: bool = True,
) -> list[str]:
    """Strings in `sentence` that could answer a question of this kind; `until`: a time something
    lasts until answers too ("How long will the ban stay?"); `doing`: the question's stems, a
    verb of which a bare number right after counts ("it had connected 21,500." for "How many
    premises had been connected?"); `added`: whether the question asks how many more ("300 extra
    staff" counts no staff employed in all).

    >>> type_candidates("count", "Paris could contribute several thousand troops.", "troop")
    ['several thousand troops']
    >>> type_candidates("count", "It began to warm up 22,000 years ago, for 3,000 years.", "year")
    ['3,000 years']
    >>> type_candidates("count", "- Passenger journeys: 21 million in the last year.", "journey")
    ['21 million']
    >>> type_candidates("count", "The number of patients waiting fell to 412,000 in 2024.", "patient")
    ['412,000']
    >>> type_candidates("count", "1 in 4 officers left, and 3 out of 5 nurses; 900 officers stayed.", "offic")
    ['900 officers']
    >>> type_candidates("count", "In 1980 the town of Zwolle founded it; Twelve of the towns joined.", "town")
    ['Twelve of the towns']
    >>> type_candidates("count", "By 2026 it had connected 21,500, it says.", "premis", doing=frozenset({"connect"}))
    ['21,500']
    >>> type_candidates("count", "Ferris Park holds 9,200 and is full.", "peopl", doing=frozenset({"hold"}))
    ['9,200']
    >>> type_candidates("count", "The trust expects 350,000 a year.", "visitor", doing=frozenset({"expect"}))
    ['350,000']
    >>> type_candidates("count", "It has 900 staff and will hire 300 extra staff.", "staff", added=False)
    ['900 staff']
    >>> type_candidates("count", "They approved a new 16,000-seat stadium.", "seat")
    ['16,000-seat']
    >>> type_candidates("amount", "One in five owners paid more, two in 2022.")
    ['One in five']
    >>> type_candidates("share", "It was 41% full and cost £1.1 billion, a third of the budget.")
    ['41%', 'a third']
    >>> type_candidates("share", "It takes 50%, after a cut of 35%: 20% less cod, up 12%, +5%.")
    ['50%']
    >>> type_candidates("share", "- 78% of respondents disagreed.")
    ['78%']
    >>> type_candidates("quantity", "It will stay until reservoirs recover, at least until the end of May.", until=True)
    ['until the end of May']
    >>> type_candidates("quantity", "It takes 240 passengers for nine days, 4.9 s, after 3 hours.", until=True)
    ['3 hours', 'nine', '4.9']
    >>> type_candidates("quantity", "From the 15th century the cog carried 200 tons.")
    ['200 tons']
    >>> type_candidates("date", "The HQ will rotate to London after 12 months.")
    ['12 months']
    >>> type_candidates("date", "It fell during the Cold War."), type_candidates("date", "He sat during the call.")
    (['during the Cold War'], [])
    >>> type_candidates("name", "This future “Multinational Force Ukraine” will deploy.")[-1]
    'Multinational Force Ukraine'
    >>> type_candidates("place", "- Enhance Black Sea security."), type_candidates("place", "Paris will host it.")
    (['Black', 'Sea'], ['Paris'])
    >>> type_candidates("place", "Bicycles are carried to Penvose."), type_candidates("place", "Ms Lloyd said it.")
    (['Penvose'], [])
    >>> type_candidates("place", "42 homes closed in the north-east, none in northern towns.")
    ['north-east']
    >>> type_candidates("person", "In June, Lars Aagaard met Kelly June on Monday.")
    ['Lars', 'Aagaard', 'Kelly', 'June']
    """
    if kind == "date":
        return [m.group() for m in DATE.finditer(sentence)]
    if kind in ("amount", "share"):
        shares = [m.group() for p in (FRACTION, RATIO, SHARE) for m in p.finditer(sentence)]
        if kind == "amount":
            return [m.group() for m in AMOUNT.finditer(sentence)] + shares
        # A percentage that says a change is no part of a whole.
        parts = [
            m.group()
            for m in PERCENT.finditer(sentence)
            if not CHANGE_BEFORE.search(sentence[: m.start()]) and not CHANGE_AFTER.match(sentence[m.end() :])
        ]
        return parts + shares
    if kind == "quantity":
        # A number with the word after it when that is its unit ("400 m", "86 km", "12 months").
        # "the 15th century" is no quantity: an ordinal's letters are no unit.
        found = [
            m.group().rstrip()
            for m in QUANTITY.finditer(sentence)
            if m.group(1) not in STOPWORDS and (m.group(1) or "").lower() not in ORDINAL_ENDINGS
        ]
        found += [m.group() for m in NUMBER.finditer(sentence) if not any(m.group() in f for f in found)]
        parts = [m.group() for m in (*FRACTION.finditer(sentence), *RATIO.finditer(sentence))]
        if not until:
            return found + parts
        lasts = [m.group() for m in UNTIL.finditer(sentence) if not any(f in m.group() for f in found)]
        # "How long ...?" is answered by a time ("nine days", "4.9 s") or a length ("4.2-mile"),
        # not "240 passengers": a number inside one, and those no number was.
        spans = [m.group() for p in (DURATION, SHORT_DURATION, DIMENSIONS["length"]) for m in p.finditer(sentence)]
        kept = [c for c in found + parts if any(c in span for span in spans)]
        return kept + lasts + [span for span in spans if not any(c in span for c in kept)]
    if kind == "count":
        words = count_tokens(sentence)
        out = []
        # "The number of patients waiting ... fell to 412,000": every count in it counts them.
        numbered = counted is not None and any(
            counted in {stem(w) for w in m.group(1).lower().split()} for m in NUMBER_OF.finditer(sentence)
        )
        i = 0
        while i < len(words):
            if NUMBER.fullmatch(words[i]):
                j = i
                while j + 1 < len(words) and NUMBER.fullmatch(words[j + 1]):
                    j += 1
                window = words[j + 1 : j + 5]
                # The counted thing comes before any other number ("200 planners from 30 countries"),
                # and before an article but after "of" ("In 1980 the Dutch town": no count of towns;
                # "Twelve of the ships": one of ships).
                # A table row's cell ends at ";" ("Year: 2024; Trees felled: 610"), a label at ":":
                # what follows is the next cell's column, not what this number counts.
                cut = next(
                    (
                        k
                        for k, w in enumerate(window)
                        if NUMBER.fullmatch(w)
                        or (w.lower() in ARTICLES and window[k - 1 : k] != ["of"])
                        or w in CELL_ENDS
                    ),
                    len(window),
                )
                # "a 16,000-seat stadium": the word joined on by a hyphen is what is counted.
                follow = [stem((_joined(w) if k == 0 else w).lower()) for k, w in enumerate(window[:cut])]
                end = j + 1 + (follow.index(counted) + 1 if counted in follow else 0)
                # "120 police community support officers (PCSOs)": the short name in brackets after
                # the counted words names them too.
                rest = [w for w in words[j + 5 : j + 11] if w not in ("*", "_")]  # Markdown's bold marks
                bracketed = rest[:1] == ["("] and rest[2:3] == [")"] and stem(rest[1].lower()) == counted
                if cut == len(window) and counted is not None and counted not in follow and bracketed:
                    follow.append(counted)
                    end = j + 5
                # "Passenger journeys: 21 million": a label that names the counted thing, then the count.
                labelled = words[i - 1 : i] == [":"] and counted in {stem(w.lower()) for w in _label(words, i - 1)}
                # "22,000 years ago" is a point in time, not a count of years; "1 in 4 prison officers"
                # a share of them.
                counts_it = labelled or (numbered and not YEAR.fullmatch(words[i]))
                ago = words[end : end + 1] == ["ago"]
                more = not added and any(w.lower() in INCREMENTS for w in words[j + 1 : j + 2])
                if (
                    (counted is None or counted in follow or counts_it)
                    and not ago
                    and not more
                    and not _ratio_ends_at(words, i)
                ):
                    out.append(" ".join(words[i:end]).replace(" -", "-"))
                i = j + 1
            else:
                i += 1
        out += [m.group(2) for m in BARE_COUNT.finditer(sentence) if _does(m.group(1), doing) and m.group(2) not in out]
        return out
    if kind == "gloss":
        return [m.group(1) for m in (*BRACKETED.finditer(sentence), *QUOTED.finditer(sentence))]
    if kind == "direction":
        return [m.group() for m in DIRECTION.finditer(sentence)]
    # "flows into the lake": where a thing goes, said without a name.
    places = [m.group() for m in PLACE_PHRASE.finditer(sentence)] if kind == "place" else []
    if kind in ("person", "place", "name"):
        # Capitalized words, but not "The" or "Through" at the start of the sentence, nor a
        # table row's column names; nor, for a place, a person by their title ("Ms Lloyd said").
        labels = row_labels(sentence)
        if kind == "place":
            labels += [m.span() for m in PERSON_TITLED.finditer(sentence)]
        found = [
            m.group()
            for m in CAPITALIZED.finditer(sentence)
            if fold(m.group()) not in STOPWORDS
            and (kind == "name" or not _calendar_word(sentence, m))
            and not any(start <= m.start() < end for start, end in labels)
        ]
        first = found[:1] if found and sentence.lstrip(" \"'“‘(-–—").startswith(found[0]) else []
        named = [w for w in found if w not in first]
        # A verb, things or a word that is no noun opening a sentence ("- Enhance Black Sea security
        # ...", "Bicycles are carried ...", "Several residents raised ...") is capitalized, no place.
        named += [w for w in first if not (kind == "place" and _no_place(w.lower()))]
        # A name may be given in quotation marks only ("dubbed “the coalition of the willing”").
        return named + [m.group(1) for m in QUOTED.finditer(sentence)] if kind == "name" else named + places
    return []


def _no_place(word: str) -> bool:
    """Whether a word (lower case) that opens a sentence is no place for being capitalized: a verb's
    base, a plural noun, or an English word that is no noun ("several", "meanwhile").

    >>> _no_place("enhance"), _no_place("bicycles"), _no_place("several"), _no_place("paris"), _no_place("turkey")
    (True, True, True, False, False)
    """
    kinds = lemma_kinds(word)
    return is_verb_base(word) or plural_noun(word) or bool(kinds and "NOUN" not in kinds)


CALENDAR_WORDS = frozenset(MONTH_NAMES + DAY_NAMES)
NAME_BEFORE = re.compile(r"\b([A-Z][\w’'-]*)\s+$")
NAME_AFTER = re.compile(r"\s+([A-Z][\w’'-]*)")


def _calendar_word(sentence: str, match: re.Match[str]) -> bool:
    """A month or a day ("scheduled for June", "on Thursday") is no person and no place, unless it
    is part of a name, as a surname ("Theresa May") or a given name ("August Hanning").

    >>> type_candidates("person", "In June, Lars Aagaard met August Hanning on Monday.")
    ['Lars', 'Aagaard', 'August', 'Hanning']
    """
    if match.group().lower() not in CALENDAR_WORDS:
        return False
    before = NAME_BEFORE.search(sentence[: match.start()])
    after = NAME_AFTER.match(sentence, match.end())
    return not any(m and fold(m.group(1)) not in STOPWORDS for m in (before, after))


def count_tokens(sentence: str) -> list[str]:
    """Numbers, words and marks; a number word joined to a word by a hyphen split from it, as a
    figure is ("an eight-lane pool" as "a 16,000-seat stadium"; "twenty-one" is one number).

    >>> count_tokens("an eight-lane, 25-metre pool")
    ['an', 'eight', '-lane', ',', '25', '-metre', 'pool']
    """
    out = []
    for w in COUNT_TOKENS.findall(sentence):
        head, _, rest = w.partition("-")
        if rest and head.lower() in NUMBER_WORDS and rest.isalpha() and not NUMBER.fullmatch(w):
            out += [head, "-" + rest]
        else:
            out.append(w)
    return out


CELL_ENDS = frozenset(";:")


def _label(words: list[str], colon: int) -> list[str]:
    """The words of the label before a colon: back to the cell before it (";") or the line's start,
    at most eight ("Trees felled by the council: 610": all five); and a table row's first cell,
    which says what the row is of ("Item: Cycle spaces; Proposed: 400": cycle spaces).

    >>> _label(COUNT_TOKENS.findall("Year: 2024; Trees felled by the council: 610"), 9)
    ['Year', ':', '2024', 'Trees', 'felled', 'by', 'the', 'council']
    """
    start = colon
    while start > 0 and colon - start < 8 and words[start - 1] not in CELL_ENDS:
        start -= 1
    first_cell = words[: words.index(";")] if ";" in words[:start] else []
    return first_cell + words[start:colon]


def _joined(word: str) -> str:
    """A word joined to the number before it by a hyphen, without it ("-seat": "seat"; "-30" stays)."""
    return word[1:] if word.startswith("-") and word[1:].isalpha() else word


def counted_nouns(sentence: str) -> list[str]:
    """The words that say what a number in the sentence counts, time units left out.

    >>> counted_nouns("Paris could send several thousand troops, within 12 months, to four eastern regions.")
    ['troops', 'eastern', 'regions']
    >>> counted_nouns("A new 60-space car park will open.")
    ['space', 'car', 'park']
    """
    words = count_tokens(sentence)
    out: list[str] = []
    for i, w in enumerate(words):
        if not NUMBER.fullmatch(w) or (i + 1 < len(words) and NUMBER.fullmatch(words[i + 1])):
            continue
        for k, after in enumerate(words[i + 1 : i + 4]):
            if k == 0:  # "a 60-space car park"
                after = _joined(after)
            if not after.isalpha() or NUMBER.fullmatch(after) or re.fullmatch(TIME_UNITS, after, re.I):
                break
            if after.islower() and after not in STOPWORDS and after not in out:
                out.append(after)
    return out


def as_asked(stem_: str, info: QuestionInfo) -> str:
    """The question's own spelling of a stem, for messages ("Germany", not "germani")."""
    for m in re.finditer(r"\d[\d,.]*\d|[\w’'-]+", info.text):
        if any(stem(t) == stem_ for t in tokens(m.group())):
            return m.group()
    return stem_
