"""Answering: question -> standalone question -> passages -> evidence -> checked, cited answer."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator
from collections.abc import Generator as Gen
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import numpy as np

from rag.chunk import leads_in
from rag.config import Settings
from rag.conversation import (
    PERSON,
    answered_people,
    answered_thing,
    asks_after_answer,
    asks_for_thing,
    standalone,
    topic_inline,
    without_topic,
)
from rag.embed import Embedder
from rag.evidence import (
    AGREE_MARGIN,
    ATTENDANCE,
    REFERS_BACK,
    Evidence,
    Scored,
    Sentence,
    TermStats,
    WordMeaning,
    document_headings,
    document_subjects,
    follows,
    is_heading,
    labelled_kinds,
    listed_holders,
    named_kinds,
    opening_rows,
    pronoun_does_it,
    select_evidence,
)
from rag.generate import Generator
from rag.prompt import answer_messages
from rag.question import (
    FIGURE,
    FIGURE_KINDS,
    MONTHS,
    NUMBER_WORDS,
    PLACE_PHRASE,
    YEAR,
    QuestionInfo,
    analyze_question,
)
from rag.retrieve import Hit, Retriever
from rag.store import Index
from rag.tables import is_table_row
from rag.text import content_stems, fold, full_names, given_names, name_aliases, stem, title_holders, tokens, unmarked
from rag.verify import check_claim, split_claims

log = logging.getLogger(__name__)

REFUSAL = "The documents do not say."
WRITTEN = "written and checked"  # Answer.reason when the LLM's sentence passed the checks
MAX_QUOTE_WORDS = 40
MAX_TWO_QUOTES_WORDS = 60  # two sentences quoted together stay this short (SQuAD +2 answers over 50)
ADJACENT_MARGIN = 0.3  # the sentence next to the best one is quoted with it when this close
# "here" or "there" for a place named before, not the "there" of "there were".
POINTS_BACK_TO_A_PLACE = re.compile(
    r"\bhere\b|\b[Tt]here\b(?!\s+(?:is|are|was|were|will|would|have|has|had|may|might|could|must|seems?|remains?|exists?)\b)"
)
# "The latter flows west at Katwijk": what it is, the sentence just before names.
NAMED_BEFORE = re.compile(r"\W*(?:The|the) (?:latter|former)\b")
SAME_STATEMENT_OVERLAP = 0.6  # share of the shorter sentence's words two files must share to be cited as one
DIFFER_COVERAGE = 0.6  # of the question's key terms, in each of two sentences said to differ


@dataclass(frozen=True)
class Citation:
    n: int
    source: str
    start: int
    end: int
    quote: str
    page: int | None = None


@dataclass(frozen=True)
class Retrieved:
    source: str
    start: int
    end: int
    score: float
    page: int | None = None


@dataclass(frozen=True)
class Answer:
    question: str
    standalone_question: str
    answer: str
    refused: bool
    citations: tuple[Citation, ...]
    retrieved: tuple[Retrieved, ...]
    timings_ms: dict[str, float] = field(default_factory=dict)
    id: Any = None
    reason: str = ""  # why it refused, or which path wrote the answer

    def to_json(self) -> dict[str, Any]:
        def drop_none_page(d: dict[str, Any]) -> dict[str, Any]:
            return {k: v for k, v in d.items() if not (k == "page" and v is None)}

        out: dict[str, Any] = {"id": self.id, "question": self.question}
        out["standalone_question"] = self.standalone_question
        out["answer"] = self.answer
        out["refused"] = self.refused
        out["citations"] = [drop_none_page(asdict(c)) for c in self.citations]
        out["retrieved"] = [drop_none_page(asdict(r)) for r in self.retrieved]
        out["timings_ms"] = self.timings_ms
        return out


def _trim(text: str, info: QuestionInfo, candidates: tuple[str, ...], idf: Callable[[str], float]) -> str:
    """A long quote cut to the clauses that hold the question's terms (the rarer the word, the more
    it counts: "Proto-Germanic" places the answer, "Rhine" in an article on the Rhine does not) and
    the answer."""
    words = text.split()
    if len(words) <= MAX_QUOTE_WORDS:
        return text
    clauses = [c for c in re.split(r"(?<=[,;:—])\s+", text) if c]
    terms = set(info.terms) | set(info.names)
    answers = {stem(t) for c in candidates for t in tokens(c)} - terms

    verbs = set(info.verbs)

    def gain(part: list[str]) -> tuple[int, float, int]:
        # The question's verbs first (what it asks happened), then its other terms (they place the
        # answer), then the candidate answers.
        stems = {stem(t) for t in tokens(" ".join(part))}
        # "What did he say?": the words he said, in quotation marks, are what it asks for.
        quoted = int(bool(info.speech) and bool(re.search(r"[“\"]", " ".join(part))))
        return len(verbs & stems) + quoted, round(sum(idf(t) for t in terms & stems), 6), len(answers & stems)

    best, best_gain, end = text, (-1, -1.0, -1), len(clauses)
    for i in range(len(clauses)):
        for j in range(i + 1, len(clauses) + 1):
            part = clauses[i:j]
            if len(" ".join(part).split()) > MAX_QUOTE_WORDS:
                break
            g = gain(part)
            if g > best_gain:
                best, best_gain, end = " ".join(part), g, j
    # A cut right after a name the question asks about ("... came as Lt. Gen. Keith Kellogg,")
    # leaves out what the sentence says of it: the clause after the name.
    last = tokens(best)[-1:] if end < len(clauses) else []
    if last and stem(last[0]) in terms and len(f"{best} {clauses[end]}".split()) <= MAX_QUOTE_WORDS:
        best = f"{best} {clauses[end]}"
    best = best.rstrip(",;:— ")
    return best if sum(best_gain) > 0 else " ".join(words[:MAX_QUOTE_WORDS]) + " …"


def _holder(sentence: str, role_words: tuple[str, ...]) -> str | None:
    """From minutes' list of who was present, the one who holds the role asked for, as listed.

    >>> present = "Present: Cllr Diane Forsyth (Chair), Cllr Tom Elwood (Vice-Chair), Cllr Aisha Rahman."
    >>> _holder(present, ("vice-chair",)), _holder(present, ("chair",))
    ('Cllr Tom Elwood (Vice-Chair)', 'Cllr Diane Forsyth (Chair)')
    """
    if not role_words or not ATTENDANCE.match(sentence):
        return None
    role = [stem(t) for w in role_words for t in tokens(w)]
    for item in re.split(r",\s+|:\s+", sentence.rstrip(".")):
        marked = re.search(r"\(([^)]*)\)", item)
        if marked and [stem(t) for t in tokens(marked.group(1))] == role:
            return item.strip()
    return None


MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b", re.I)


def _sort_of(candidate: str) -> str:
    """What sort of value a candidate is, so that only values of one sort are compared: a year, a
    month, or the unit after a number.

    >>> _sort_of("105 billion"), _sort_of("160 underground"), _sort_of("1 October"), _sort_of("nine hours")
    ('', 'underground', 'month', 'hours')
    """
    if YEAR.search(candidate):
        return "year"
    if MONTH.search(candidate):
        return "month"
    words = [w for w in re.findall(r"[^\W\d]+|%", candidate.lower()) if w not in NUMBER_WORDS]
    return " ".join(words)


def _counts(candidate: str, counted: str) -> bool:
    """Whether a number's phrase counts the thing asked about (its last word has that stem).

    >>> _counts("152,000 vacant posts", "post"), _counts("1,700 places", "post")
    (True, False)
    """
    words = tokens(candidate)
    return bool(words) and stem(fold(words[-1])) == counted


def _value_of(candidate: str) -> str:
    """The value compared across files: the year or month of a date, else the first number.

    >>> _value_of("1 October"), _value_of("October"), _value_of("June 2022"), _value_of("30,000 troops")
    ('october', 'october', '2022', '30000')
    """
    for pattern in (YEAR, MONTH):
        if found := pattern.search(candidate):
            return found.group().lower()
    numbers = re.findall(FIGURE, candidate)
    return numbers[0].replace(",", "") if numbers else candidate.lower()


def _adjacent(a: Sentence, b: Sentence) -> bool:
    """Two sentences one right after the other in one file."""
    return follows(a, b) or follows(b, a)


def _same_statement(a: Scored, b: Scored, kind: str) -> bool:
    """Two sentences that state the same: the same value of the asked type (a count, an amount, a
    date), or mostly the same words. Names do not count: most sentences share some capitalized word."""
    if kind in FIGURE_KINDS and a.candidates and b.candidates:
        return {c.lower() for c in a.candidates} & {c.lower() for c in b.candidates} != set()
    sa, sb = set(content_stems(a.sentence.text)), set(content_stems(b.sentence.text))
    return len(sa & sb) >= SAME_STATEMENT_OVERLAP * min(len(sa), len(sb))


class Assistant:
    """Holds the loaded index and models; `ask` answers one question (with its conversation)."""

    def __init__(self, settings: Settings, index: Index, embedder: Embedder, generator: Generator | None) -> None:
        self.settings = settings
        self.index = index
        self.embedder = embedder
        self.generator = generator
        self.meaning = WordMeaning(embedder)
        self.reload(index)

    def ask(self, question: str, history: list[str] | None = None, qid: Any = None) -> Answer:
        parts = list(self.ask_stream(question, history, qid))
        final = parts[-1]
        assert isinstance(final, Answer)
        return final

    def reload(self, index: Index) -> None:
        """Use this index (at start, and after files were added); the models stay loaded."""
        self.index = index
        self.retriever = Retriever(index)
        texts = [c.text for c in index.chunks]
        # Words the documents write in lower case somewhere: no part of a person's name ("House").
        self.common_words = {w for t in texts for w in re.findall(r"\b[a-z][\w’'-]*", t)}
        names = full_names(texts, self.common_words)
        self.surnames = {name[-1] for name in names}  # "Macron" alone is a person: "Emmanuel Macron"
        self.opening_rows = opening_rows(index.chunks)
        self.stats = TermStats(
            self.retriever.passage_stems,
            name_aliases(texts),
            document_subjects(index.chunks, self.opening_rows),
            {**listed_holders(texts), **title_holders(texts)},
            given_names(names),
            texts,
            named_kinds(index.chunks),
            document_headings(index.chunks, self.opening_rows),
            labelled_kinds(index.chunks),
        )

    def find_evidence(self, question: str, history: list[str]) -> tuple[str, QuestionInfo, list[Hit], Evidence]:
        """The standalone question, what it asks for, the passages found and the evidence chosen."""
        standalone_history: list[str] = []
        for past in history:
            standalone_history.append(self._standalone(past, standalone_history))
        rewritten = self._standalone(question, standalone_history)
        search_text = rewritten if rewritten == question else f"{rewritten} {standalone_history[-1]}"
        qvec = self.embedder.embed_query(search_text)
        hits = self.retriever.retrieve(search_text, qvec, self.settings.top_k, self.settings.candidates)
        # The topic a follow-up borrowed helps find passages but is not what must be answered,
        # unless the follow-up has no terms of its own ("Who else was there?").
        bare = without_topic(rewritten)
        info = analyze_question(bare)
        # "In which month was that?" has no term but the kind of answer; "Who was the other envoy?"
        # asks about someone beside the topic: both are about the topic as well.
        own = [t for t in info.terms if t != info.asked]
        if bare != rewritten and (not own or re.search(r"\bother\b", bare, re.I)):
            info = analyze_question(topic_inline(rewritten))
        evidence = select_evidence(
            info,
            qvec,
            self.index,
            hits + self.opening_hits(info, hits, qvec),
            self.stats,
            self.settings.answer_threshold,
            self.meaning,
        )
        return rewritten, info, hits, evidence

    def _standalone(self, question: str, history: list[str]) -> str:
        """The follow-up as a standalone question; "he" after "Who is the top US general in
        Europe?" is the person that question's answer names, "they" the people it lists."""
        for_person, for_thing = asks_after_answer(question, history), asks_for_thing(question, history)
        if not (for_person or for_thing):
            return standalone(question, history)
        _, info, _, evidence = self.find_evidence(history[-1], [])
        answered = None
        thing = None
        if for_person and evidence.answerable:
            asked = set(info.terms) | set(info.names)
            sentence = evidence.chosen[0].sentence.text
            # The holder of the role asked for, from a list of who was present, is the one named.
            held = _holder(sentence, info.role_words)
            sentence = re.sub(r"\s*\([^)]*\)", "", held) if held else sentence
            people = answered_people(sentence, asked, self.common_words, self.surnames)
            # After "Which retired general ...?" the nearest name may be one the sentence only
            # mentions ("under President Trump"): "he" is the answer only after "who"; "they"
            # stands for a list of names after any question.
            if people and (info.kind == "person" or not PERSON.search(question)):
                answered = people
        # After "Which campaign group ...?", "it" is the group the answer named.
        if for_thing and evidence.answerable:
            thing = answered_thing(evidence.chosen[0].sentence.text, history[-1])
        return standalone(question, history, answered, thing)

    def opening_hits(self, info: QuestionInfo, hits: list[Hit], qvec: np.ndarray) -> list[Hit]:
        """The opening passage of each document whose subject is all the question names ("How long
        is the Rhine?"): what a document says first of what it defines answers general questions."""
        if not info.names or not set(info.names) <= set(info.lone):
            return []
        have = {h.row for h in hits}
        rows = [
            row
            for source, row in self.opening_rows.items()
            if set(info.names) <= self.stats.subjects.get(source, frozenset()) and row not in have
        ]
        return [Hit(r, self.index.chunks[r], 0.0, float(self.index.vectors[r] @ qvec)) for r in rows]

    def ask_stream(self, question: str, history: list[str] | None = None, qid: Any = None) -> Iterator[str | Answer]:
        """Yields pieces of text as the answer is written, then the final checked Answer."""
        t0 = time.perf_counter()
        rewritten, info, hits, evidence = self.find_evidence(question, history or [])
        t1 = time.perf_counter()  # retrieval and evidence selection
        retrieved = tuple(
            Retrieved(h.chunk.source, h.chunk.start, h.chunk.end, round(h.cosine, 4), h.chunk.page) for h in hits
        )
        citations: tuple[Citation, ...] = ()
        if not evidence.answerable:
            text, reason = REFUSAL, evidence.reason
        else:
            text, citations, reason = yield from self._compose(rewritten, info, evidence)
            text = unmarked(text)
        t3 = time.perf_counter()
        timings = {
            "retrieve": round((t1 - t0) * 1000, 1),
            "generate": round((t3 - t1) * 1000, 1),
            "total": round((t3 - t0) * 1000, 1),
        }
        log.debug("answerability %.3f (%s)", evidence.answerability, reason)
        yield Answer(question, rewritten, text, not citations, citations, retrieved, timings, qid, reason)

    def _compose(
        self, question: str, info: QuestionInfo, evidence: Evidence
    ) -> Gen[str, None, tuple[str, tuple[Citation, ...], str]]:
        """Yields the LLM's text as it is written; returns the checked (text, citations, how)."""
        chosen = list(evidence.chosen)
        differing = self._disagreement(info, evidence)
        if differing:
            parts = [f"{value} [{i}]" for i, (_, value) in enumerate(differing, start=1)]
            text = "The documents differ: " + "; ".join(parts) + "."
            return text, self._citations([s for s, _ in differing]), "sources disagree"
        written = ""
        # A typed question whose evidence is one sentence holding one candidate answer: the written
        # sentence must carry it. With several candidates (two dates, say) or two sentences that
        # score alike, a small model picks one at random, so the quote, which holds them all, is
        # the safer answer.
        # A place said without a name ("into the lake") is quoted: the sentence says what goes there.
        # So is a name: any capitalized word may be one ("The Director" for "Which firm will build
        # it?"), and a small model writes it into a sentence that is not so.
        one_candidate = (
            info.kind not in ("other", "name")
            and len(chosen) == 1
            and len({c.lower() for c in chosen[0].candidates}) == 1
            and not PLACE_PHRASE.fullmatch(chosen[0].candidates[0])
        )
        if self.generator is not None and self.settings.use_llm and (one_candidate or self.settings.llm_open_questions):
            messages = answer_messages(question, [s.sentence.text for s in chosen])
            for piece in self.generator.stream(messages, self.settings.max_answer_tokens):
                written += piece
                yield piece  # shown while it is written; replaced by the checked answer below
        kept: list[tuple[str, tuple[int, ...]]] = []
        for claim in split_claims(written):
            check = check_claim(claim, [s.sentence.text for s in chosen], question)
            if not check.supported:
                log.debug("dropped claim %r: %s", claim, check.reason)
                continue
            if info.kind != "other" and not self._has_answer(claim, chosen):
                log.debug("dropped claim %r: no answer of the asked type", claim)
                continue
            kept.append((claim, check.cites))
        if kept:
            used = sorted({i for _, cites in kept for i in cites})
            renumber = {old: new for new, old in enumerate(used, start=1)}
            sentences = [claim.rstrip(".") + "".join(f" [{renumber[i]}]" for i in cites) + "." for claim, cites in kept]
            text = " ".join(sentences)
            return text, self._citations([chosen[i] for i in used]), WRITTEN
        # Nothing written survived the checks: the answer is the best evidence, quoted. A second
        # file that says the same is cited too.
        best = chosen[0]
        if info.listing and best.sentence.listed and self._about_the_list(best.sentence, info):
            # "What are the three tasks ...?" answered by a list: the lead-in with all its items.
            whole = best.sentence.whole_list()
            return f"{whole.text.strip()} [1]", self._citations([replace(best, sentence=whole)]), "quoted"
        first = _trim(best.sentence.text, info, best.candidates, self.stats.idf).rstrip(".")
        held = _holder(best.sentence.text, info.role_words)
        if held:
            return f"{held} [1].", self._citations([best]), "quoted"
        if best.sentence.continued:
            # "Zelenskyy welcomed ..., saying:" says what it says in the next sentence: quote both.
            whole = best.sentence.with_continuation()
            rest = whole.text[len(best.sentence.text) :].strip()
            first = f"{best.sentence.text.strip()} {_trim(rest, info, best.candidates, self.stats.idf).rstrip('.')}"
            return f"{first} [1].", self._citations([replace(best, sentence=whole)]), "quoted"
        # A lead-in ("... and will:") says nothing on its own after another quote.
        runner_up = next((s for s in chosen[1:2] if not leads_in(s.sentence.text)), None)
        # The next-best sentence right before or after the best one, not far behind it, often holds
        # the rest of the answer ("... a straightening program." / "The rate of flow was increased
        # ..."). A heading is no such sentence, whatever it scores: the one after it is looked at.
        other = next((s for s in evidence.ranked[1:] if not is_heading(s.sentence.text)), None)
        if runner_up is None and other is not None:
            near = other.score >= best.score - ADJACENT_MARGIN and _adjacent(best.sentence, other.sentence)
            near = near and not any(is_table_row(s.sentence.text) for s in (best, other))
            # A lead-in says nothing without its list.
            if near and not leads_in(other.sentence.text):
                runner_up = other
        here = info.kind == "place" and POINTS_BACK_TO_A_PLACE.search(best.sentence.text)
        # "Its chair, Charlotte Lee, said ...": what "its" is, the sentence before names.
        unnamed = set(info.names) - set(content_stems(best.sentence.text))
        unnamed = unnamed if REFERS_BACK.match(best.sentence.text) else set()
        # "It will replace the MV Carrow Spirit" for "Which ship will replace it?": what "it" is.
        doer_before = info.kind in ("name", "person", "other") and pronoun_does_it(info.text, best.sentence.text)
        if (runner_up is None and here) or NAMED_BEFORE.match(best.sentence.text) or unnamed or doer_before:
            # "It is here that the Rhine encounters the Neckar": where "here" is, the sentence just
            # before says ("The Rhine is the longest river in Germany."); so does what "the latter" is.
            before = next(
                (
                    s
                    for s in evidence.ranked
                    if s.sentence.start < best.sentence.start
                    and _adjacent(s.sentence, best.sentence)
                    and (s.candidates or info.kind == "other" or unnamed <= set(content_stems(s.sentence.text)))
                    and not is_heading(s.sentence.text)
                ),
                None,
            )
            if before is not None:
                one = _trim(before.sentence.text, info, before.candidates, self.stats.idf).rstrip(".")
                if len(one.split()) + len(first.split()) <= MAX_TWO_QUOTES_WORDS:
                    return f"{one} [1]. {first} [2].", self._citations([before, best]), "quoted"
        if runner_up:
            # Two sentences about equally good: the answer is often split between them (a name in
            # one, what it did in the next) or the scores cannot tell them apart, so both are
            # quoted while short.
            second = _trim(runner_up.sentence.text, info, runner_up.candidates, self.stats.idf).rstrip(".")
            if len(first.split()) + len(second.split()) <= MAX_TWO_QUOTES_WORDS:
                return f"{first} [1]. {second} [2].", self._citations([best, runner_up]), "quoted"
        # A second file is cited only where it says the same thing as the quote.
        quoted = [best] + [
            s for s in chosen[1:2] if s.sentence.source != best.sentence.source and _same_statement(best, s, info.kind)
        ]
        marks = "".join(f"[{n}]" for n in range(1, len(quoted) + 1))
        return f"{first} {marks}.", self._citations(quoted), "quoted"

    @staticmethod
    def _about_the_list(sentence: Sentence, info: QuestionInfo) -> bool:
        """Whether the question asks for the list, not for what one item holds: the lead-in says
        more of the question than the item does ("the three tasks of the force" against "list the
        countries in the Black Sea task force", which one item answers)."""
        lead_in = sentence.list_lead_in()
        if lead_in is None:
            return False
        if sentence.listed and sentence.start == sentence.listed[0]:  # the lead-in itself
            return True
        wanted = set(info.terms) | set(info.names)
        return len(wanted & set(content_stems(lead_in))) > len(wanted & set(content_stems(sentence.text)))

    def _has_answer(self, claim: str, chosen: list[Scored]) -> bool:
        claim_stems = {stem(t) for t in tokens(claim)}
        for s in chosen:
            for c in s.candidates:
                if {stem(t) for t in tokens(c)} <= claim_stems:
                    return True
        return False

    def _disagreement(self, info: QuestionInfo, evidence: Evidence) -> list[tuple[Scored, str]]:
        """For a figure (`FIGURE_KINDS`): the best sentence of each file with its value of
        the same sort as the best one's ("105 billion" against "100 billion", not against "160
        underground"), when those values differ."""
        if info.kind not in FIGURE_KINDS or not evidence.chosen:
            return []
        best = evidence.chosen[0]
        counted = info.counted if info.kind == "count" else None

        def sort_of(candidate: str) -> str:
            return "counted" if counted and _counts(candidate, counted) else _sort_of(candidate)

        def counts_it(s: Scored) -> bool:
            return any(sort_of(c) == "counted" for c in s.candidates)

        close = [
            s
            for s in evidence.ranked
            # Only sentences as good as the best, about the same thing (every name, most key terms);
            # or, for "how many posts", one that counts posts too, with no near-miss mark and nothing
            # unsaid, above the bar ("152,000 vacant posts" against "131,000 posts ... are vacant").
            if not s.missing_names
            and s.coverage >= 0.75 * best.coverage
            # "The documents differ" only where each says most of the question: "A new railway
            # station will open ... in 2031" and "Construction is due to start in the spring of
            # 2028" (the runway's) each say half of when the station's construction starts.
            and s.coverage >= DIFFER_COVERAGE
            and (
                s.score >= best.score - AGREE_MARGIN
                or (
                    counts_it(best)
                    and counts_it(s)
                    and not s.mismatch
                    and not s.unsaid
                    and s.score >= self.settings.answer_threshold
                )
            )
        ]
        for sort in dict.fromkeys(sort_of(c) for c in best.candidates):
            per_source: dict[str, tuple[Scored, str]] = {}
            for s in close:
                alike = next((c for c in s.candidates if sort_of(c) == sort), None)
                if alike is not None:
                    per_source.setdefault(s.sentence.source, (s, alike))
            if len(per_source) >= 2 and len({_value_of(c) for _, c in per_source.values()}) >= 2:
                return list(per_source.values())[:3]
        return []

    def _citations(self, used: list[Scored]) -> tuple[Citation, ...]:
        return tuple(
            Citation(n, s.sentence.source, s.sentence.start, s.sentence.end, s.sentence.quote, s.sentence.page)
            for n, s in enumerate(used, start=1)
        )
