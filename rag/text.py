"""Small text helpers shared by retrieval and evidence: tokens, stems, stopwords."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import pairwise

from rag.tables import ROW_LABEL

TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:[.,][0-9]+)*")

STOPWORDS = frozenset(
    """a an the and or but if of at by for with about against between into through during before after
    above below to from up down in out on off over under again further then once here there when where why
    how all any both each few more most other some such no nor not only own same so than too very s t can
    will just don should now is are was were be been being have has had having do does did doing i me my
    myself we our ours you your he him his she her it its they them their what which who whom this that
    these those am would could shall may might must also as per via etc said says say according mentioned
    reportedly one ones thing things much many did does already currently still ever actually really exactly
    approximately""".split()
)
QUESTION_WORDS = frozenset("what which who whom whose when where why how".split())

# Abbreviations written in capitals, read as the words articles also spell out. Case matters:
# "US" is the United States, "us" is a pronoun.
CAPITAL_ABBREVIATIONS = {
    "US": "United States",
    "USA": "United States",
    "UK": "United Kingdom",
    "EU": "European Union",
    "UN": "United Nations",
    "HQ": "headquarters",
    "HQs": "headquarters",
    "Cllr": "Councillor",
    "WWI": "World War I",
    "WW1": "World War I",
    "WWII": "World War II",
    "WW2": "World War II",
}
_CAPITAL_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:U\.S\.A?\.?|U\.K\.?|" + "|".join(CAPITAL_ABBREVIATIONS) + r")(?![\w])"
)


def expand_abbreviations(text: str) -> str:
    """Capitalized abbreviations spelled out, for matching words (never for quoting).

    >>> expand_abbreviations("US envoys and the U.K. HQ; tell us")
    'United States envoys and the United Kingdom headquarters; tell us'
    """

    def spell(m: re.Match[str]) -> str:
        short = m.group().replace(".", "")
        return CAPITAL_ABBREVIATIONS.get(short, m.group())

    return _CAPITAL_ABBREVIATION.sub(spell, text)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The word's stem; an irregular verb form stems as its base ("led" as "lead", "began" as "begin").

    >>> stem("led") == stem("leading"), stem("began") == stem("begins"), stem("left")
    (True, True, 'left')
    """
    word = word.lower()
    return str(_stemmer().stemWord(_verb_base(word)))


@lru_cache(maxsize=65536)
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """The word's possible lemmas by part of speech (lemminflect's tables), lower case in."""
    from lemminflect import getAllLemmas

    return {pos: tuple(lemmas) for pos, lemmas in getAllLemmas(word).items()}


def _verb_base(word: str) -> str:
    """The base of a word that can only be a verb form with one base."""
    lemmas = _lemmas(word)
    if only_verb(word) and len(lemmas["VERB"]) == 1:
        return str(lemmas["VERB"][0])
    return word


def only_verb(word: str) -> bool:
    """Whether the word can only be a verb form ("besieged", "founded"; not "rule" or "flow").

    >>> only_verb("besieged"), only_verb("flow"), only_verb("discharge")
    (True, False, False)
    """
    return set(_lemmas(word.lower())) == {"VERB"}


# Verbs that report what someone said, and the marks of a quotation: "What did Macron say ...?" is
# answered by "Macron stated that ...", "..., saying: “...”", not by a sentence that only names him.
SPEECH_STEMS = frozenset(
    stem(w)
    for w in "say tell speak talk state note add warn claim argue insist stress emphasize emphasise underscore "
    "describe portray praise announce declare suggest remark comment write reply respond welcome promise "
    "predict".split()
)
SPEECH_MARKS = re.compile(r"[“”\"]|\baccording to\b|:\s*$", re.I)
# ... and a table's cell named for what someone said: "Consultee: Natural England; Response: ...".
SPEECH_LABELS = frozenset(
    "response responses comment comments reply replies statement remark remarks view views".split()
)


def reports_speech(text: str) -> bool:
    """Whether the sentence reports what someone said.

    >>> reports_speech("Macron stated that Paris could contribute troops."), reports_speech('He added: "We are ready."')
    (True, True)
    >>> reports_speech("Beside him were John Healey and Jonathan Powell.")
    False
    >>> reports_speech("The United States joined on the last day of the state visit.")
    False
    >>> reports_speech("Consultee: Natural England; Response: Objection withdrawn after revised bat survey.")
    True
    """
    if any(m.group(1).lower() in SPEECH_LABELS for m in ROW_LABEL.finditer(text)):
        return True
    return bool(SPEECH_MARKS.search(text)) or any(speech_verb(t) for t in tokens(text))


def speech_verb(word: str) -> bool:
    """Whether the word is a verb of speech, in a form that is not also a noun ("stated", "says",
    "saying"; not the "state" of a state visit or the United "States").

    >>> speech_verb("stated"), speech_verb("saying"), speech_verb("states"), speech_verb("note")
    (True, True, False, False)
    """
    word = fold(word)
    return stem(word) in SPEECH_STEMS and (word.endswith("ing") or verb_not_noun(word))


def lemma_kinds(word: str) -> set[str]:
    """The parts of speech the word can be ("NOUN", "VERB", ...), lower case in.

    >>> sorted(lemma_kinds("review"))
    ['NOUN', 'VERB']
    """
    return set(_lemmas(word))


def only_noun(word: str) -> bool:
    """Whether the word is a noun and no adverb, adjective or preposition ("passengers", "company";
    not "instead", "outside", "west"). A verb too may be ("volume").

    >>> only_noun("passengers"), only_noun("instead"), only_noun("outside"), only_noun("volume")
    (True, False, False, True)
    """
    lemmas = _lemmas(word.lower())
    return "NOUN" in lemmas and not {"ADV", "ADJ", "ADP"} & set(lemmas)


def can_be_verb(word: str) -> bool:
    """Whether the word can be a verb form, whatever else it can be ("leads", "chairs"; not "river").

    >>> can_be_verb("leads"), can_be_verb("chairs"), can_be_verb("river")
    (True, True, False)
    """
    return "VERB" in _lemmas(word.lower())


def verb_bases(text: str) -> set[str]:
    """Stems of every verb each word can be a form of, "rose" (a flower too) as "rise": for
    checking that a sentence says the verb a question asks about.

    >>> sorted(verb_bases("Attendance rose by 2 points."))
    ['point', 'rise']
    """
    return {stem(lemma) for t in tokens(text) if not t[0].isdigit() for lemma in _lemmas(t).get("VERB", ())}


def is_word(word: str) -> bool:
    """Whether the word (lower case) is one of English, in any form: no misspelling of another.

    >>> is_word("last"), is_word("whiting"), is_word("goverment"), is_word("nederrikn")
    (True, True, False, False)
    """
    return bool(_lemmas(word))


def plural_noun(word: str) -> bool:
    """Whether the word (lower case) is the plural of an English noun ("bicycles", "drivers"; not
    "bus" or "paris").

    >>> plural_noun("bicycles"), plural_noun("drivers"), plural_noun("bus"), plural_noun("paris")
    (True, True, False, False)
    """
    return word.endswith("s") and any(lemma != word for lemma in _lemmas(word).get("NOUN", ()))


def verb_not_noun(word: str) -> bool:
    """Whether the word can be a verb form and not a noun ("absorbed", "made"; not "call", "rock").

    >>> verb_not_noun("absorbed"), verb_not_noun("made"), verb_not_noun("rock"), verb_not_noun("river")
    (True, True, False, False)
    """
    lemmas = _lemmas(word.lower())
    return "VERB" in lemmas and "NOUN" not in lemmas


def is_verb_base(word: str) -> bool:
    """Whether the word is a verb's base form ("end", "peak"), whatever else it can be.

    >>> is_verb_base("end"), is_verb_base("ended"), is_verb_base("delta")
    (True, False, False)
    """
    return word.lower() in _lemmas(word.lower()).get("VERB", ())


def fold(word: str) -> str:
    """Lower case without accents, so that "Hervé" and "Herve" are one word."""
    word = word.lower()
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


MARKUP = re.compile(r"\*\*|__|`|(?:^|(?<=\]\. ))(?:#+|[-*+\u2022])\s+")


# A line break inside a quoted sentence (a PDF's or a hard-wrapped file's line), not one before a
# list's item.
WRAP = re.compile(r"[ \t]*\n\s*(?![-*+\u2022]\s|\d+[.)]\s)")


def unmarked(text: str) -> str:
    """An answer as it reads in a brief (the citation keeps the exact span): without a Markdown
    file's bold marks, backticks and the bullet or heading mark before a quoted sentence, and with
    the lines of a wrapped sentence joined.

    >>> unmarked("- **Register:** a fee of 85 pounds a year [1]. - **Deposits:** four weeks' rent [2].")
    "Register: a fee of 85 pounds a year [1]. Deposits: four weeks' rent [2]."
    >>> unmarked("because fewer children\\nwere born [1]. The plan will:\\n- build homes\\n- cut rents [2].")
    'because fewer children were born [1]. The plan will:\\n- build homes\\n- cut rents [2].'
    """
    return MARKUP.sub("", WRAP.sub(" ", text))


def word_pairs(text: str) -> list[tuple[str, str]]:
    """Each word with the word right after it, where nothing but a space, a hyphen or an apostrophe
    stands between them: "Rent cap: annual" has no pair "cap annual".

    >>> word_pairs("Rent cap: annual no-fault evictions, landlords' register")
    [('Rent', 'cap'), ('annual', 'no'), ('no', 'fault'), ('fault', 'evictions'), ('landlords', 'register')]
    """
    return [
        (a.group(), b.group())
        for a, b in pairwise(TOKEN.finditer(text))
        if re.fullmatch(r"['\u2019]?[\s-]+", text[a.end() : b.start()])
    ]


def modifier_pairs(text: str) -> list[tuple[str, str]]:
    """Each lower-case word but a stopword with the lower-case word right after it (`word_pairs`),
    folded: the word that may say which one of the next ("the defence staff", "a special school").

    >>> modifier_pairs("The defence staff met a special school in Bergen.")
    [('defence', 'staff'), ('staff', 'met'), ('met', 'a'), ('special', 'school'), ('school', 'in')]
    """
    return [(fold(a), fold(b)) for a, b in word_pairs(text) if a.islower() and b.islower() and fold(a) not in STOPWORDS]


def tokens(text: str) -> list[str]:
    """Lower-cased, accent-folded word and number tokens; a thousands comma stays inside a number.

    >>> tokens("NATO's €40 billion pledge, 1,200 troops, Hervé.")
    ['nato', 's', '40', 'billion', 'pledge', '1,200', 'troops', 'herve']
    """
    return [fold(t) for t in TOKEN.findall(text)]


def same_stem(a: str, b: str) -> bool:
    """Stems of one word family that the stemmer keeps apart ("marri"/"marriag"): a shared start
    of five letters or more, the whole of the shorter one.

    >>> same_stem("marri", "marriag"), same_stem("part", "parti"), same_stem("nation", "nation")
    (True, False, True)
    >>> same_stem("zelenskyy", "zelenski"), same_stem("austria", "australia")
    (True, False)
    >>> same_stem("invad", "invas"), same_stem("admit", "admiss"), same_stem("describ", "descript")
    (True, True, True)
    >>> same_stem("presid", "press")  # "pres" once its double letter is single: too short to tell
    False
    """
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    if any(x.endswith(v) and y == x[: -len(v)] + n for x, y in ((a, b), (b, a)) for v, n in LATIN_NOUNS):
        return True
    return any(
        len(short) >= 5 and long_.startswith(short)
        for x, y in ((a, b), (_plain_spelling(a), _plain_spelling(b)))
        for short, long_ in [sorted((x, y), key=len)]
    )


# Verbs whose nouns change the stem's last letters ("invade" / "invasion", "admit" / "admission",
# "describe" / "description"), as the stemmer leaves them.
LATIN_NOUNS = (("d", "s"), ("mit", "miss"), ("ib", "ipt"))


@lru_cache(maxsize=65536)
def _plain_spelling(s: str) -> str:
    """A stem with doubled letters single and a last "y" as "i": transliterated names are spelled
    several ways in one corpus ("Zelenskyy", "Zelensky").

    >>> _plain_spelling("zelenskyy") == _plain_spelling("zelenski")
    True
    """
    return re.sub(r"y$", "i", re.sub(r"(.)\1+", r"\1", s))


# Two capitalized words in a row ("Keir Starmer"); the lookahead lets "Minister Keir Starmer" give
# both pairs.
_NAME_PAIR = re.compile(r"\b([A-Z][a-z’'-]+)(?=\s+([A-Z][a-z’'-]+)\b)")
# A title that goes with the given name alone: "Sir Keir", "Dame Judi".
_HONORIFIC = r"(?:Sir|Dame|Lord|Lady)"
_TITLED = re.compile(r"\b" + _HONORIFIC + r"\s+([A-Z][a-z’'-]+)")


def name_aliases(texts: Iterable[str]) -> dict[str, frozenset[str]]:
    """For a surname, the given name that stands for it in the texts after a title ("Sir Keir"
    for Keir Starmer): a given name written after Sir, Dame, Lord or Lady that, wherever a
    capitalized word follows it, is followed by that one surname.

    >>> name_aliases(["Keir Starmer spoke. Sir Keir hailed it.", "Sir Tony Radakin, Tony Blair"])
    {'starmer': frozenset({'keir'})}
    """
    follows: dict[str, set[str]] = {}
    titled: set[str] = set()
    for text in texts:
        titled.update(_TITLED.findall(text))
        for m in _NAME_PAIR.finditer(text):
            follows.setdefault(m.group(1), set()).add(m.group(2))
    aliases: dict[str, set[str]] = {}
    for first in titled:
        lasts = follows.get(first, set())
        if len(lasts) == 1 and stem(first) != stem(last := next(iter(lasts))):
            aliases.setdefault(stem(last), set()).add(stem(first))
    return {k: frozenset(v) for k, v in aliases.items()}


# Offices written before a person's name ("Prime Minister Keir Starmer"), which a text may then use
# alone for that person ("the Prime Minister added").
OFFICE_TITLES = (
    "Prime Minister",
    "President",
    "Chancellor",
    "Foreign Secretary",
    "Defence Secretary",
    "Defense Secretary",
    "Home Secretary",
    "Secretary of State",
    "Foreign Minister",
    "Defence Minister",
    "Defense Minister",
    "Senator",
    "Governor",
    "Mayor",
)
_HOLDER = re.compile(
    r"(\S+\s+)?\b("
    + "|".join(OFFICE_TITLES)
    + r")\s+(?:(?:"
    + _HONORIFIC
    + r"|Dr)\s+)?((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)"
)


# A run of capitalized words ("Lt. Gen. Keith Kellogg", "Defence Secretary John Healey").
# A full stop only after a short abbreviation ("Lt.", "Dr."): "Ivana Kellogg. President Trump" is two.
_CAPITAL_WORD = r"(?:[A-Z][a-z]{0,2}\.|[A-Z][\w’'-]*)"
CAPITAL_RUN = re.compile(_CAPITAL_WORD + r"(?:[\s\u202f]+" + _CAPITAL_WORD + r")*")
# Words before a name that are not the name: offices, ranks, forms of address.
TITLE_WORDS = frozenset(
    {w.lower() for t in OFFICE_TITLES for w in t.split()}
    | set("sir dame lord lady dr mr mrs ms lt gen general admiral colonel col maj major captain capt".split())
    | set("special presidential envoy senators national adviser advisor chief".split())
)


def person_names(text: str, common: set[str]) -> Iterator[tuple[int, int, list[str], bool]]:
    """Each name in the text: where its run of capitalized words starts, where the name starts, its
    words less the titles before it, and whether a title went before it. A name's words are
    capitalized and never written in lower case in the documents (`common`: "house", "force").

    >>> [n[2:] for n in person_names("Defence Secretary John Healey met President Trump at Lancaster House", {"house"})]
    [(['John', 'Healey'], True), (['Trump'], True)]
    """
    for run in CAPITAL_RUN.finditer(text):
        words = re.split(r"[\s\u202f]+", run.group())
        name: list[str] = []
        for w in reversed(words):
            plain = re.sub(r"[’']s$", "", w).rstrip(".").lower()
            if plain in TITLE_WORDS or plain in common or plain in STOPWORDS or stem(plain) in DEMONYMS:
                break
            name.insert(0, re.sub(r"[’']s$", "", w.rstrip(".")))
        if name:
            titled = len(name) < len(words) and words[len(words) - len(name) - 1].rstrip(".").lower() in TITLE_WORDS
            yield run.start(), run.end() - len(" ".join(name)), name, titled


def full_names(texts: Iterable[str], common: set[str]) -> list[list[str]]:
    """The names of two words or more in the texts (`person_names`), as their words.

    >>> full_names(["Emmanuel Macron met President Trump at Lancaster House."], {"house"})
    [['Emmanuel', 'Macron']]
    """
    return [name for text in texts for _, _, name, _ in person_names(text, common) if len(name) > 1]


def given_names(names: Iterable[list[str]]) -> dict[str, str]:
    """A given name's stem -> its surname's, where the names (`full_names`) have that given name
    before one surname only and that surname after no other given name: "Donald Trump" makes a
    sentence that says "Trump" say Donald too ("What did Donald Trump rule out?" against
    "President Trump ruled out"). Names only: "the Mainz Basin" is none where the texts write "basin".

    >>> given_names(full_names(["Donald Trump met Ivana Kellogg. President Trump and Keith Kellogg spoke."], set()))
    {'donald': 'trump'}
    >>> given_names(full_names(["Lt. Gen. Keith Kellogg spoke."], set()))
    {'keith': 'kellogg'}
    >>> given_names(full_names(["The Mainz Basin is a basin."], {"basin"}))
    {}
    """
    follows: dict[str, set[str]] = {}
    precedes: dict[str, set[str]] = {}
    for name in names:
        follows.setdefault(name[-2], set()).add(name[-1])
        precedes.setdefault(name[-1], set()).add(name[-2])
    return {
        stem(fold(first)): stem(fold(last))
        for first, lasts in follows.items()
        if len(lasts) == 1 and len(precedes[last := next(iter(lasts))]) == 1 and stem(fold(first)) != stem(fold(last))
    }


def title_holders(texts: Iterable[str]) -> dict[str, str]:
    """An office title (lower case) -> the stem of the one surname the texts write right after it
    when nothing names the office before it: "Prime Minister Sir Keir Starmer" makes "the Prime
    Minister" Starmer, unless some other name also follows a bare "Prime Minister" ("Italian Prime
    Minister Giorgia Meloni" names another office, the Italian one).

    >>> title_holders(["Prime Minister Sir Keir Starmer spoke. Italian Prime Minister Giorgia Meloni too."])
    {'prime minister': 'starmer'}
    >>> title_holders(["President Trump met Kellogg. President Volodymyr Zelenskyy was there."])
    {}
    """
    holders: dict[str, set[str]] = {}
    for text in texts:
        for m in _HOLDER.finditer(text):
            before = (m.group(1) or "").strip()
            if before[:1].isupper() and before[-1:].isalnum() and before != "The":
                continue  # "Italian Prime Minister", "UK Prime Minister": a qualified office
            surname = re.sub(r"[’']s$", "", m.group(3).split()[-1])  # "Starmer's"
            holders.setdefault(m.group(2).lower(), set()).add(stem(fold(surname)))
    return {title: next(iter(names)) for title, names in holders.items() if len(names) == 1}


# An encyclopedic opening: "The Rhine (German: Rhein) is a European river ...", "The Normans were
# the people who ...", "The Great Fire of London was ...": a name (its small joining words too),
# perhaps a bracket or a phrase between commas ("..., known simply as the Monument,"), then "is"/"was".
def joined_name(joins: str, words: str = "*") -> str:
    """A pattern for a name of capitalized words with small joining words between them ("Chamber
    of Commerce", "Monument to the Great Fire of London"): `joins`, the small words ("of|the");
    `words`, how many capitalized words before the last (a quantifier).

    >>> re.fullmatch(joined_name("of|the"), "Chamber of the Commerce") is not None
    True
    """
    return rf"(?:[A-Z][\w’'-]*\s+(?:(?:{joins})\s+)*){words}[A-Z][\w’'-]*"


_DEFINING = re.compile(
    r"(?:The\s+)?(" + joined_name("of|the|to|and|for|on|in", "{0,5}?") + r")\s*"
    r"(?:\([^)]*\)\s*)?(?:,[^,]{1,60},\s*)?(?:is|are|was|were)\b"
)


def defined_subject(sentence: str) -> str | None:
    """The name a document's opening sentence defines, which the rest of it is about.

    >>> defined_subject("The Rhine (Romansh: Rein, German: Rhein) is a European river.")
    'Rhine'
    >>> defined_subject("The United States has joined talks on a peacekeeping force.") is None
    True
    >>> defined_subject("The Monument to the Great Fire of London, known as the Monument, is a column.")
    'Monument to the Great Fire of London'
    """
    m = _DEFINING.match(sentence.strip())
    return m.group(1) if m else None


_NAME_RUN = re.compile(r"[A-Z][\w’']*(?:(?:\s+|-)[A-Z][\w’']*)*")


def names_alone(text: str) -> set[str]:
    """Stems of the one-word names the text has on their own, not as part of a longer name ("the
    Rhine flows", not "the Upper Rhine Plain" or "Rhine-Ruhr"); a capitalized stopword that opens
    a sentence ("The", "In") is no part of a name.

    >>> sorted(names_alone("The Rhine meets the Upper Rhine Plain near Rhine-Ruhr."))
    ['rhine']
    >>> sorted(names_alone("In the Upper Rhine Plain the river widens."))
    []
    """
    out = set()
    for m in _NAME_RUN.finditer(text):
        words = [w for w in re.split(r"\s+|-", m.group()) if fold(w) not in STOPWORDS]
        if len(words) == 1:
            out.add(stem(fold(re.sub(r"[’']s$", "", words[0]))))
    return out


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning (no stopwords), in order, repeated ones once."""
    out: list[str] = []
    for t in tokens(expand_abbreviations(text)):
        if t in STOPWORDS or (len(t) < 2 and not t.isdigit()):
            continue
        s = stem(t)
        if s not in out:
            out.append(s)
    return out


# A country and the adjective news text uses for it interchangeably ("American security guarantee"
# for "the US", "French troops" for France). General English, not tuned to any document. Names of
# more than one word are separated by commas: "United Kingdom" stands for "British" only whole.
_DEMONYMS = """
united states, us, usa, america = american americans
united kingdom, uk, britain = british
england = english
france = french
germany = german germans
italy = italian italians
spain = spanish
poland = polish
russia = russian russians
ukraine = ukrainian ukrainians
china = chinese
japan = japanese
india = indian
canada = canadian
australia = australian
turkey = turkish
netherlands, holland = dutch
switzerland = swiss
austria = austrian
belgium = belgian
sweden = swedish
norway = norwegian
denmark = danish
finland = finnish
greece = greek
romania = romanian
bulgaria = bulgarian
hungary = hungarian
israel = israeli
iran = iranian
syria = syrian
egypt = egyptian
mexico = mexican
brazil = brazilian
europe = european europeans
scotland = scottish
ireland = irish
wales = welsh
"""


def _demonym_tables() -> tuple[dict[str, frozenset[str]], dict[frozenset[str], frozenset[str]]]:
    """A stem -> the stems it stands for ("french" -> {"franc"}); a name of several words, as its
    stems -> what it stands for ({"unit", "kingdom"} -> {"british", "uk", "britain"})."""
    single: dict[str, frozenset[str]] = {}
    phrases: dict[frozenset[str], frozenset[str]] = {}
    for line in _DEMONYMS.strip().splitlines():
        left, right = line.split("=")
        names = [frozenset(stem(w) for w in name.split()) for name in left.split(",")]
        adjectives = frozenset(stem(w) for w in right.split())
        one_word = frozenset(next(iter(n)) for n in names if len(n) == 1)
        for w in adjectives:
            single[w] = single.get(w, frozenset()) | one_word.union(*names)
        for w in one_word:
            single[w] = single.get(w, frozenset()) | adjectives
        phrases.update({n: adjectives | one_word for n in names if len(n) > 1})
    return single, phrases


DEMONYMS, _PHRASE_DEMONYMS = _demonym_tables()


def with_demonyms(stems: set[str]) -> set[str]:
    """The stems and what their country names and adjectives stand for ("American" says "US", and
    "United Kingdom" says "British", but "kingdom" alone says nothing).

    >>> sorted(with_demonyms({"unit", "kingdom", "militari"}) - {"unit", "kingdom", "militari"})
    ['britain', 'british', 'uk']
    >>> sorted(with_demonyms({"kingdom"}))
    ['kingdom']
    """
    out = stems | {d for s in stems for d in DEMONYMS.get(s, frozenset())}
    return out.union(*(meant for phrase, meant in _PHRASE_DEMONYMS.items() if phrase <= stems))


# Opposite words: each word on the left of "=" is the opposite of each on the right. A question
# that says one where the passage says the other ("larger streams" / "smaller streams",
# "northward" / "southward") asks something the passage does not say. General English, not tuned
# to any document. A question word that is a stopword here ("before", "more") is no key term and
# never takes part; the passage's stopwords do ("least" in a question, "most" in the passage).
_OPPOSITES = """
large larger largest big bigger biggest = small smaller smallest little
long longer longest = short shorter shortest
high higher highest upper = low lower lowest
north northern northward northwards = south southern southward southwards
east eastern eastward eastwards = west western westward westwards
northeast = southwest
northwest = southeast
first = last
next = last previous
destroy destroyed = spare spared survive survived
first = second third fourth fifth
second = third fourth fifth
third = fourth fifth
primary = secondary
landlord landlords = tenant tenants
employer employers = employee employees
lender lenders = borrower borrowers
before = after
early earlier earliest = late later latest
increase increased increasing = decrease decreased decreasing
rise rose risen = fall fell fallen drop dropped
precede preceded precedes = succeed succeeded succeeds
less least fewer fewest = more most
many = few
major = minor
old older oldest ancient = new newer newest modern
inner internal = outer external
maximum = minimum
wide wider widest = narrow narrower narrowest
deep deeper deepest = shallow shallower shallowest
strong stronger strongest = weak weaker weakest
fast faster fastest = slow slower slowest
hot warm warmer = cold colder
wet = dry
day days daytime = night nights nighttime
heavy = light
win won victory = lose lost defeat
accept accepted = reject rejected
open opens opened = close closes closed shut
begin begins began begun start starts started = finish finishes finished complete completed
agree agreed = disagree disagreed
approve approved = disapprove disapproved
support supported = oppose opposed object objected objection objections
satisfied = dissatisfied
trust trusted = distrust distrusted
allow allowed = forbid forbidden
success successful = failure unsuccessful failed
rich = poor
private = public
top = bottom
above = below
inside = outside
upstream = downstream
import imported = export exported
buy bought = sell sold
gain gained = loss lost
always = never
legal = illegal
male = female
domestic = foreign
entrance = exit
arrive arrived = depart departed
start = finish
begin began begun beginning = end ended ending
"""
OPPOSITES: dict[str, frozenset[str]] = {}
SAME_SIDE: dict[str, frozenset[str]] = {}  # "larger" -> "large", "largest": the word in another form
for _line in _OPPOSITES.strip().splitlines():
    _left, _right = ({stem(w) for w in side.split()} for side in _line.split("="))
    for _a, _b in ((_left, _right), (_right, _left)):
        for _w in _a:
            OPPOSITES[_w] = OPPOSITES.get(_w, frozenset()) | _b
            SAME_SIDE[_w] = SAME_SIDE.get(_w, frozenset()) | _a


def contrasted(question_stems: set[str], sentence_stems: set[str]) -> list[str]:
    """Question words the sentence lacks while it has their opposite.

    >>> contrasted({"larger", "stream"}, {"smaller", "stream", "north"})
    ['larger']
    >>> contrasted({stem("insignificant"), "flow"}, {stem("significant"), "flow"})
    ['insignific']
    >>> contrasted({"begin", "ice"}, {"until", "end", "ice"}), contrasted({"larger"}, {"largest", "smaller"})
    (['begin'], [])
    >>> contrasted({"second", "half"}, {"first", "half"}), contrasted({"tenant", "regist"}, {"landlord", "regist"})
    (['second'], ['tenant'])
    >>> contrasted({stem("agreed"), "propos"}, {stem("disagreed"), "propos"})
    ['agre']
    >>> contrasted({"night", "nois"}, {"day", "nois"}), contrasted({"night", "nois"}, {"day", "night", "nois"})
    (['night'], [])
    """
    return sorted(
        w
        for w in question_stems - sentence_stems
        if (OPPOSITES.get(w, frozenset()) & sentence_stems and not SAME_SIDE[w] & sentence_stems)
        or _negated(w, sentence_stems)
    )


def _negated(word: str, stems: set[str]) -> bool:
    """Whether one of `stems` is the word with a negating prefix, or the word without it
    ("insignificant"/"significant", "unknown"/"known"). Long stems only: "inform" is no "form"."""
    for prefix, shortest in (("un", 5), ("non", 5), ("in", 6)):
        if word.startswith(prefix) and len(word) - len(prefix) >= shortest and word[len(prefix) :] in stems:
            return True
        if len(word) >= shortest and prefix + word in stems:
            return True
    return False
