"""Checking a written claim against the evidence it cites: every name, number and key term."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.question import BEFORE_NOUNS, LIGHT_VERBS
from rag.text import STOPWORDS, can_be_verb, content_stems, modifier_pairs, reports_speech, stem, tokens

# Words a fluent answer adds around the facts; they carry no claim of their own.
GLUE = frozenset(
    "answer question passage passages evidence document documents text according based state states stated "
    "mention mentions mentioned yes also".split()
)


NEGATION = re.compile(r"\b(?:not|no|never|nor|neither|none|nobody|nothing|without)\b|n[’']t\b", re.IGNORECASE)


@dataclass(frozen=True)
class Check:
    supported: bool
    cites: tuple[int, ...]  # indexes of the evidence items that carry the claim's new content
    reason: str = ""


def check_claim(claim: str, evidence: list[str], question: str) -> Check:
    """Is every number, name and content word of `claim` in the evidence (or the question)?

    >>> ev = ["The headquarters will be in Paris and rotate to London after 12 months."]
    >>> check_claim("It moves to Berlin after 12 months.", ev, "When does the HQ move?").reason
    'not in the evidence: berlin'
    >>> check_claim("It rotates after 18 months.", ev, "When does the HQ rotate?").reason
    'numbers not in the evidence: 18'
    >>> check_claim("It rotates to London after 12 months.", ev, "When does the HQ rotate?").cites
    (0,)
    >>> check_claim("About 12 staff will work there.", ev, "How many staff?").reason
    'not in the evidence: work'
    >>> check_claim("It rotates to London, not Paris, after 12 months.", ev, "When does the HQ rotate?").reason
    'a negation the evidence does not make'
    >>> check_claim("After 12 months.", ev, "When does the HQ rotate?").reason
    "says none of the question's words"
    >>> check_claim("The HQ will leave Paris after 12 months.", ev, "When will the HQ leave Paris?").reason
    'not in the evidence: leav'
    >>> special, asked = ["A new special school will open at Millbrook."], "Where will the secondary school open?"
    >>> check_claim("The new secondary school opens at Millbrook.", special, asked).reason
    'not in the evidence: secondari'
    """
    ev_tokens = [set(tokens(e)) for e in evidence]
    ev_stems = [set(content_stems(e)) for e in evidence]
    all_tokens = set().union(*ev_tokens) if ev_tokens else set()
    all_stems = set().union(*ev_stems) if ev_stems else set()
    q_stems = set(content_stems(question))
    numbers = [t for t in tokens(claim) if t[0].isdigit()]
    bad_numbers = [n for n in numbers if n not in all_tokens]
    if bad_numbers:
        return Check(False, (), "numbers not in the evidence: " + ", ".join(bad_numbers))
    if NEGATION.search(claim) and not any(NEGATION.search(t) for t in [*evidence, question]):
        # "It flows into the lake, not into the Rhine": a "not" turns a claim around, and a small
        # model adds one freely.
        return Check(False, (), "a negation the evidence does not make")
    words = [w for w in content_stems(claim) if w not in GLUE and stem(w) not in GLUE]
    # The question's subject may be restated in its words ("the HQ"), but not what it says happened:
    # "The force will leave Ukraine after a ceasefire" from a passage on when it deploys takes the
    # question's premise for a fact.
    if _quoted_as_fact(claim, evidence):
        return Check(False, (), "says as fact what the evidence quotes someone saying")
    premise = _verbs(question) | _swapped_in(claim, evidence, all_stems)
    unsupported = [w for w in words if w not in all_stems and (w not in q_stems or w in premise)]
    if unsupported:
        return Check(False, (), "not in the evidence: " + ", ".join(unsupported))
    new = [w for w in words if w not in q_stems]
    if not new:
        return Check(False, (), "says nothing the question does not")
    if len(new) == len(words):
        # "4.9." says nothing of what it answers: pasted into a brief it misleads, and the quote
        # says what the figure is.
        return Check(False, (), "says none of the question's words")
    cites = tuple(i for i, stems in enumerate(ev_stems) if any(w in stems for w in new))
    return Check(True, cites)


QUOTATION = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def _quoted_as_fact(claim: str, evidence: list[str]) -> bool:
    """Whether the claim writes three words of a quotation in the evidence (two of them not
    stopwords) as its own statement, with no quotation marks and no one said to say them: "The old
    subsidy was a cut dressed up as a reform" from 'Forsyth said the budget was "a cut dressed up
    as a reform"'. Pasted into a brief, an opinion would read as a fact.

    >>> ev = ['Forsyth said the budget was "a cut dressed up as a reform", since the old one cost more.']
    >>> _quoted_as_fact("The old subsidy was a cut dressed up as a reform.", ev)
    True
    >>> _quoted_as_fact('Forsyth called it "a cut dressed up as a reform".', ev)
    False
    >>> _quoted_as_fact("Forsyth said it was a cut dressed up.", ev)
    False
    """
    if re.search(r"[\"“”]", claim) or reports_speech(claim):
        return False
    words = tokens(claim)
    runs = {tuple(words[i : i + 3]) for i in range(len(words) - 2)}
    for text in evidence:
        for quoted in QUOTATION.finditer(text):
            q = tokens(quoted.group(1))
            for i in range(len(q) - 2):
                run = tuple(q[i : i + 3])
                if run in runs and sum(w not in STOPWORDS for w in run) >= 2:
                    return True
    return False


def _swapped_in(claim: str, evidence: list[str], evidence_stems: set[str]) -> set[str]:
    """Stems of claim words the evidence lacks, put before a word the evidence has after another
    word: "The new secondary school will open at Millbrook" from "A new special school ... will
    open at Millbrook" takes the question's "secondary" for what the evidence says.

    >>> evidence = ["A new special school opens."]
    >>> sorted(_swapped_in("The new secondary school opens.", evidence, {"new", "special", "school", "open"}))
    ['secondari']
    """
    before = {stem(b) for text in evidence for _, b in modifier_pairs(text) if b not in STOPWORDS}
    return {
        stem(a)
        for a, b in modifier_pairs(claim)
        if b not in STOPWORDS and stem(a) not in evidence_stems and stem(b) in before
    }


def _verbs(question: str) -> set[str]:
    """Stems of the question's words that can be verbs and do not follow a word that only comes
    before nouns ("how many staff", "the move"); general verbs ("take place", "move") left out.

    >>> sorted(_verbs("When will the HQ leave Paris?")), sorted(_verbs("How many staff?"))
    (['leav'], [])
    """
    words = tokens(question)
    return {
        stem(w)
        for before, w in zip(["", *words], words, strict=False)
        if w not in STOPWORDS and before not in BEFORE_NOUNS and can_be_verb(w) and stem(w) not in LIGHT_VERBS
    }


# "The answer is: 12 months": the model's preamble, which says nothing.
PREAMBLE = re.compile(r"^\s*(?:the\s+)?answer(?:\s+is)?\s*:\s*", re.IGNORECASE)


def split_claims(text: str) -> list[str]:
    """Sentences of a written answer, with [n] markers and a preamble removed (citations are reassigned).

    >>> split_claims('The answer is: "12 months" [1].')
    ['12 months.']
    """
    text = re.sub(r"\s*\[\d+\]", "", text).strip()
    text = PREAMBLE.sub("", text)
    text = re.sub(r'^"([^"]+)"', r"\1", text)  # a quoted bare answer
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"“])", text)
    out: list[str] = []
    for p in parts:
        p = p.strip()
        if p and p not in out and any(t not in STOPWORDS for t in tokens(p)):
            out.append(p)
    return out
