"""Checking a written claim against the evidence it cites: every name, number and key term."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.question import LIGHT_VERBS
from rag.text import STOPWORDS, content_stems, reports_speech, stem, tokens

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
    """Is every number, name and content word of `claim` in the evidence?

    >>> ev = ["The headquarters will be in Paris and rotate to London after 12 months."]
    >>> check_claim("It moves to Berlin after 12 months.", ev, "When does the HQ move?").reason
    'not in the evidence: berlin'
    >>> check_claim("It rotates after 18 months.", ev, "When does the HQ rotate?").reason
    'numbers not in the evidence: 18'
    >>> check_claim("It rotates to London after 12 months.", ev, "When does the HQ rotate?").cites
    (0,)
    >>> check_claim("About 12 staff will work there.", ev, "How many staff?").reason
    'not in the evidence: staff, work'
    >>> check_claim("It rotates to London, not Paris, after 12 months.", ev, "When does the HQ rotate?").reason
    'a negation the evidence does not make'
    >>> check_claim("After 12 months.", ev, "When does the HQ rotate?").reason
    "says none of the question's words"
    >>> check_claim("The HQ will leave Paris after 12 months.", ev, "When will the HQ leave Paris?").reason
    'not in the evidence: leav'
    >>> promised = ["The government has promised 20,000 new places."]
    >>> check_claim("The opposition promised 20,000 new places.", promised, "What has the opposition promised?").reason
    'not in the evidence: opposit'
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
    if _quoted_as_fact(claim, evidence):
        return Check(False, (), "says as fact what the evidence quotes someone saying")
    # Every word the claim states is the evidence's, the question's too: a question word the
    # evidence lacks is the question's premise, not a fact ("The opposition promised 20,000 new
    # places" from "The government has promised 20,000 new prison places"; "The force will leave
    # Ukraine" from a passage on when it deploys). The quote says it in the evidence's words. A
    # light verb of the question frames it and claims nothing ("How long does it take?": "It takes").
    unsupported = [w for w in words if w not in all_stems and not (w in q_stems and w in LIGHT_VERBS)]
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
