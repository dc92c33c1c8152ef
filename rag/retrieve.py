"""Retrieval: dense (FAISS) and keyword (BM25) results fused by reciprocal rank, spread over sources."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import numpy as np

from rag.chunk import Chunk
from rag.store import Index
from rag.text import STOPWORDS, expand_abbreviations, stem, tokens

log = logging.getLogger(__name__)

RRF_K = 60  # the usual constant of reciprocal rank fusion (Cormack et al., 2009)
KEYWORD_STANDOUT = 2.0  # a BM25 score this many times the next one's stands out


@dataclass(frozen=True)
class Hit:
    row: int  # chunk row in the index
    chunk: Chunk
    score: float  # fused score
    cosine: float  # dense similarity of the question and the passage


def analyze(text: str) -> list[str]:
    return [stem(t) for t in tokens(expand_abbreviations(text)) if t not in STOPWORDS]


class Retriever:
    """Hybrid retriever over one loaded index. Builds its BM25 table on creation."""

    def __init__(self, index: Index) -> None:
        import bm25s

        # bm25s sets its own logger to DEBUG on import; keep its chatter out of the user's terminal.
        logging.getLogger("bm25s").setLevel(logging.WARNING)
        self.index = index
        self._bm25: Any = None
        self.passage_stems = [analyze(c.text) for c in index.chunks]
        if index.chunks:
            self._bm25 = bm25s.BM25()
            self._bm25.index(self.passage_stems, show_progress=False)

    def keyword(self, question: str, k: int) -> list[tuple[int, float]]:
        query = [t for t in analyze(question) if t]
        if self._bm25 is None or not query:
            return []
        docs, scores = self._bm25.retrieve([query], k=min(k, len(self.index.chunks)), show_progress=False)
        return [(int(d), float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

    def retrieve(self, question: str, qvec: np.ndarray, k: int, candidates: int = 30) -> list[Hit]:
        dense = self.index.search(qvec, candidates)
        keyword = self.keyword(question, candidates)
        fused: dict[int, float] = {}
        for ranked in (dense, keyword):
            for rank, (row, _) in enumerate(ranked):
                fused[row] = fused.get(row, 0.0) + 1.0 / (RRF_K + rank + 1)
        order = sorted(fused, key=lambda r: -fused[r])
        cosines = self.index.vectors[order] @ qvec if order else np.zeros(0)
        hits = [Hit(r, self.index.chunks[r], fused[r], float(c)) for r, c in zip(order, cosines, strict=True)]
        chosen = diversify(hits, k)
        # A passage that shares far more of the question's rare words than any other ("given a
        # tour") is kept even when its meaning as a whole is far from the question's.
        if len(keyword) > 1 and keyword[0][1] >= KEYWORD_STANDOUT * keyword[1][1]:
            top = next(h for h in hits if h.row == keyword[0][0])
            if top not in chosen and len(chosen) == k:
                chosen = sorted([*chosen[:-1], top], key=lambda h: -h.score)
        return chosen


def diversify(hits: list[Hit], k: int, per_source: int = 2, close: float = 0.5) -> list[Hit]:
    """The top k, at most `per_source` from one file while other files have good candidates left.

    When several files say the same thing, each keeps a place instead of one file taking all; a
    file whose best passage scores under `close` times the top one does not displace anything.
    """
    chosen: list[Hit] = []
    count: dict[str, int] = {}
    floor = close * hits[0].score if hits else 0.0
    for hit in hits:
        if len(chosen) == k:
            break
        if hit.score >= floor and count.get(hit.chunk.source, 0) < per_source:
            chosen.append(hit)
            count[hit.chunk.source] = count.get(hit.chunk.source, 0) + 1
    for hit in hits:  # fill up when there are too few sources
        if len(chosen) == k:
            break
        if hit not in chosen:
            chosen.append(hit)
    return sorted(chosen, key=lambda h: -h.score)
