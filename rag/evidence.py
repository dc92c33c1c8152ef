"""Evidence: the sentences that answer the question, and whether the documents answer it at all.

A sentence is scored by how much of the question it covers (IDF-weighted key terms, in the
sentence or just before it), by dense similarity, and by whether it holds an answer of the type
asked for (a count for "how many", a date for "when", ...). The best sentence's score, with hard
rules for names the documents never mention, is the answerability score.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from rag.clean import Span
from rag.question import QuestionInfo, type_candidates
from rag.retrieve import Hit
from rag.store import Index
from rag.text import content_stems, stem, tokens

log = logging.getLogger(__name__)

# Weights of the sentence score; set on the dev files (see `rag eval` and README).
W_COVERAGE = 0.6
W_DENSE = 0.4
CONTEXT_CREDIT = 0.5  # a key term in the previous sentence counts half
TYPE_MISSING_FACTOR = 0.6  # no answer of the asked type in the sentence
NAME_MISSING_FACTOR = 0.5  # a name or number of the question is not in the sentence or its context
AGREE_MARGIN = 0.08  # other sentences this close to the best are evidence too
MAX_EVIDENCE = 3


@dataclass(frozen=True)
class Sentence:
    source: str
    start: int
    end: int
    text: str
    page: int | None
    row: int  # row in the index's sentence vectors


@dataclass(frozen=True)
class Scored:
    sentence: Sentence
    score: float
    coverage: float
    dense: float
    candidates: tuple[str, ...]  # answers of the asked type found in it
    missing_names: tuple[str, ...]


@dataclass(frozen=True)
class Evidence:
    chosen: tuple[Scored, ...]
    ranked: tuple[Scored, ...]  # every candidate sentence, best first
    answerability: float
    answerable: bool
    reason: str = ""


class TermStats:
    """Document frequencies of stems over the index's passages, for IDF weights."""

    def __init__(self, index: Index) -> None:
        self.n = max(1, len(index.chunks))
        self.df: Counter[str] = Counter()
        for c in index.chunks:
            self.df.update(set(stem(t) for t in tokens(c.text)))

    def idf(self, term: str) -> float:
        df = self.df.get(term, 0)
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def known(self, term: str) -> bool:
        return term in self.df


def candidate_sentences(index: Index, hits: list[Hit]) -> list[tuple[Sentence, str]]:
    """The sentences of the retrieved passages (each once), with the text just before each."""
    seen: set[tuple[str, int]] = set()
    out: list[tuple[Sentence, str]] = []
    for hit in hits:
        chunk = hit.chunk
        texts = chunk.sentence_texts()
        for i, (span, row) in enumerate(zip(chunk.sentences, index.sentence_rows(hit.row), strict=True)):
            key = (chunk.source, span.start)
            if key in seen:
                continue
            seen.add(key)
            context = " ".join(texts[max(0, i - 2) : i])
            out.append((Sentence(chunk.source, span.start, span.end, texts[i], chunk.page, row), context))
    return out


def score_sentence(
    info: QuestionInfo, sentence: Sentence, context: str, dense: float, stats: TermStats
) -> Scored:
    here = set(content_stems(sentence.text))
    near = set(content_stems(context))
    total = sum(stats.idf(t) for t in info.terms) or 1.0
    got = sum(stats.idf(t) * (1.0 if t in here else CONTEXT_CREDIT if t in near else 0.0) for t in info.terms)
    coverage = got / total
    missing = tuple(n for n in info.names if n not in here and n not in near)
    question_stems = set(info.terms) | set(info.names)
    candidates = tuple(
        c
        for c in type_candidates(info.kind, sentence.text, info.counted)
        if not {stem(t) for t in tokens(c)} <= question_stems or info.kind == "count"
    )
    score = W_COVERAGE * coverage + W_DENSE * max(0.0, dense)
    if info.kind != "other" and not candidates:
        score *= TYPE_MISSING_FACTOR
    if missing:
        score *= NAME_MISSING_FACTOR
    return Scored(sentence, score, coverage, dense, candidates, missing)


def select_evidence(
    info: QuestionInfo, qvec: np.ndarray, index: Index, hits: list[Hit], stats: TermStats, threshold: float
) -> Evidence:
    """Score every sentence of the hits; choose the best (and agreeing ones from other files)."""
    pairs = candidate_sentences(index, hits)
    if not pairs:
        return Evidence((), (), 0.0, False, "the index has no passages")
    rows = [s.row for s, _ in pairs]
    dense = index.sentence_vectors[rows] @ qvec
    ranked = sorted(
        (score_sentence(info, s, ctx, float(d), stats) for (s, ctx), d in zip(pairs, dense, strict=True)),
        key=lambda x: -x.score,
    )
    best = ranked[0]
    unknown = [n for n in info.names if not stats.known(n)]
    if unknown:
        return Evidence((), tuple(ranked), 0.0, False, f"the documents never mention {', '.join(unknown)}")
    if best.score < threshold:
        return Evidence((), tuple(ranked), best.score, False, "no passage answers it")
    chosen = [best]
    for other in ranked[1:]:
        if len(chosen) >= MAX_EVIDENCE or other.score < best.score - AGREE_MARGIN:
            break
        if other.missing_names or (info.kind != "other" and not other.candidates):
            continue
        if any(other.sentence.text == c.sentence.text for c in chosen):
            continue
        chosen.append(other)
    return Evidence(tuple(chosen), tuple(ranked), best.score, True)


def span_of(s: Sentence) -> Span:
    return Span(s.start, s.end)
