"""Small text helpers shared by retrieval and evidence: tokens, stems, stopwords."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
_CAPITAL_ABBREVIATIONS = {
    "US": "United States",
    "USA": "United States",
    "UK": "United Kingdom",
    "EU": "European Union",
    "UN": "United Nations",
    "HQ": "headquarters",
    "HQs": "headquarters",
}
_CAPITAL_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:U\.S\.A?\.?|U\.K\.?|" + "|".join(_CAPITAL_ABBREVIATIONS) + r")(?![\w])"
)


def expand_abbreviations(text: str) -> str:
    """Capitalized abbreviations spelled out, for matching words (never for quoting).

    >>> expand_abbreviations("US envoys and the U.K. HQ; tell us")
    'United States envoys and the United Kingdom headquarters; tell us'
    """

    def spell(m: re.Match[str]) -> str:
        short = m.group().replace(".", "")
        return _CAPITAL_ABBREVIATIONS.get(short, m.group())

    return _CAPITAL_ABBREVIATION.sub(spell, text)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return str(_stemmer().stemWord(word.lower()))


def fold(word: str) -> str:
    """Lower case without accents, so that "Hervé" and "Herve" are one word."""
    word = word.lower()
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


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
    """
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 5 and long_.startswith(short)


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
