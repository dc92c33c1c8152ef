"""Fusion and diversity with hand-written vectors: no model needed."""

from pathlib import Path

import numpy as np

from rag.chunk import Chunk, chunk_id
from rag.clean import Span
from rag.retrieve import Hit, Retriever, diversify
from rag.store import Index, Manifest


def make_index(texts: list[tuple[str, str]], vectors: list[list[float]]) -> Index:
    import faiss

    chunks = [Chunk(chunk_id(t), src, 0, len(t), t, (Span(0, len(t)),)) for src, t in texts]
    vecs = np.array(vectors, dtype=np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    flat = faiss.IndexFlatIP(vecs.shape[1])
    flat.add(vecs)
    manifest = Manifest("test", vecs.shape[1], {}, [], len(chunks), len(chunks))
    index = Index(manifest, chunks, vecs, vecs, list(range(len(chunks))), Path("."))
    index._faiss = flat
    return index


def test_keyword_and_dense_results_are_fused() -> None:
    index = make_index(
        [("a.txt", "The headquarters rotates to London."), ("b.txt", "Weather in Rome was mild."), ("c.txt", "Paris")],
        [[1, 0, 0], [0, 1, 0], [0.9, 0.1, 0]],
    )
    hits = Retriever(index).retrieve("When does the headquarters rotate?", np.array([0.95, 0.05, 0.0]), k=2)
    # a.txt is first in both lists; c.txt is second by vectors, b.txt matches no keyword.
    assert [h.chunk.source for h in hits] == ["a.txt", "c.txt"]
    assert hits[0].score > hits[1].score


def hit(source: str, score: float) -> Hit:
    c = Chunk(chunk_id(source + str(score)), source, 0, 1, "x", (Span(0, 1),))
    return Hit(0, c, score, score)


def test_diversify_keeps_other_files_that_match_well() -> None:
    hits = [hit("a", 1.0), hit("a", 0.9), hit("a", 0.8), hit("b", 0.7), hit("a", 0.6)]
    assert [h.chunk.source for h in diversify(hits, 3)] == ["a", "a", "b"]


def test_diversify_lets_a_weak_file_displace_nothing() -> None:
    hits = [hit("a", 1.0), hit("a", 0.9), hit("a", 0.8), hit("b", 0.3)]
    assert [h.chunk.source for h in diversify(hits, 3)] == ["a", "a", "a"]
