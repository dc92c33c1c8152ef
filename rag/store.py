"""The on-disk index: FAISS vectors + a passage table + a manifest, in versioned folders.

Layout of `index/`:
    CURRENT              the name of the active version folder (switched by an atomic rename)
    v-<ns>/manifest.json format version, model, dimension, files, counts, checksums
    v-<ns>/chunks.jsonl  one passage per line, in vector order
    v-<ns>/vectors.faiss passage vectors (faiss.IndexFlatIP over normalized vectors = cosine)
    v-<ns>/sentences.npy sentence vectors in passage, then sentence order (np.save, no pickle)
    .lock                held by a build
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from rag.chunk import Chunk
from rag.clean import Span
from rag.errors import IndexStateError

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
DATA_FILES = ("chunks.jsonl", "vectors.faiss", "sentences.npy")
REBUILD = "rebuild it with 'rag index'"


@dataclass(frozen=True)
class FileEntry:
    source: str
    sha256: str
    title: str
    chunks: int
    encoding: str
    indexed_at: float
    signature: str  # hash of the kept spans: same file + same spans = reuse the passages


@dataclass(frozen=True)
class Manifest:
    embed_model: str
    dim: int
    files: dict[str, FileEntry]
    roots: list[str]
    n_chunks: int
    n_sentences: int
    checksums: dict[str, str] = field(default_factory=dict)
    format_version: int = FORMAT_VERSION
    created_at: float = 0.0

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        raw: dict[str, Any] = json.loads(text)
        raw["files"] = {k: FileEntry(**v) for k, v in raw["files"].items()}
        return cls(**raw)


@dataclass
class Index:
    """A loaded index version: passages, their vectors and their sentences' vectors."""

    manifest: Manifest
    chunks: list[Chunk]
    vectors: np.ndarray  # (n_chunks, dim)
    sentence_vectors: np.ndarray  # (n_sentences, dim)
    sentence_offsets: list[int]  # first sentence row of each chunk
    path: Path
    _faiss: Any = None

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """(chunk row, cosine) of the k nearest passages."""
        if not self.chunks:
            return []
        if self._faiss is None:
            import faiss

            self._faiss = faiss.read_index(str(self.path / "vectors.faiss"))
        scores, rows = self._faiss.search(query.reshape(1, -1).astype(np.float32), min(k, len(self.chunks)))
        return [(int(r), float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]

    def sentence_rows(self, chunk_row: int) -> range:
        start = self.sentence_offsets[chunk_row]
        return range(start, start + len(self.chunks[chunk_row].sentences))


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write(path: Path, data: bytes) -> None:
    with path.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _chunk_row(c: Chunk) -> str:
    row = {"id": c.id, "source": c.source, "start": c.start, "end": c.end, "page": c.page, "text": c.text}
    row["sentences"] = [[s.start, s.end] for s in c.sentences]
    return json.dumps(row, ensure_ascii=False)


def _row_chunk(line: str) -> Chunk:
    r = json.loads(line)
    spans = tuple(Span(a, b) for a, b in r["sentences"])
    return Chunk(r["id"], r["source"], r["start"], r["end"], r["text"], spans, r["page"])


def current_version(index_dir: Path) -> Path | None:
    pointer = index_dir / "CURRENT"
    if not pointer.exists():
        return None
    return index_dir / pointer.read_text().strip()


def load_index(index_dir: Path, embed_model: str | None = None) -> Index:
    """Load and check the active version; every problem is an IndexStateError naming the fix."""
    version = current_version(index_dir)
    if version is None:
        raise IndexStateError(f"No index at {index_dir}/", hint="build it with 'rag index'")
    try:
        manifest = Manifest.from_json((version / "manifest.json").read_text())
    except (OSError, ValueError, TypeError, KeyError) as err:
        raise IndexStateError(f"Index manifest {version}/manifest.json is unreadable ({err})", hint=REBUILD) from None
    if manifest.format_version != FORMAT_VERSION:
        raise IndexStateError(f"Index format {manifest.format_version} is not {FORMAT_VERSION}", hint=REBUILD)
    if embed_model and manifest.embed_model != embed_model:
        raise IndexStateError(
            f"Index was built with {manifest.embed_model}, not {embed_model}",
            hint="rebuild it with 'rag index' or point --index at a matching one",
        )
    for name in DATA_FILES:
        path = version / name
        if not path.exists() or _sha256_file(path) != manifest.checksums.get(name):
            raise IndexStateError(f"Index file {path} is missing or damaged (checksum mismatch)", hint=REBUILD)
    chunks = [_row_chunk(line) for line in (version / "chunks.jsonl").read_text(encoding="utf-8").splitlines()]
    import faiss

    faiss_index = faiss.read_index(str(version / "vectors.faiss"))
    vectors = faiss_index.reconstruct_n(0, faiss_index.ntotal) if faiss_index.ntotal else np.zeros((0, manifest.dim))
    sentence_vectors = np.load(version / "sentences.npy", allow_pickle=False)
    offsets, total = [], 0
    for c in chunks:
        offsets.append(total)
        total += len(c.sentences)
    if not (
        len(chunks) == faiss_index.ntotal == manifest.n_chunks
        and total == len(sentence_vectors) == manifest.n_sentences
    ):
        raise IndexStateError(
            f"Index {version} counts disagree (passages {len(chunks)}, vectors {faiss_index.ntotal}, "
            f"manifest {manifest.n_chunks})",
            hint=REBUILD,
        )
    index = Index(manifest, chunks, np.asarray(vectors, dtype=np.float32), sentence_vectors, offsets, version)
    index._faiss = faiss_index
    return index


def save_index(
    index_dir: Path, manifest: Manifest, chunks: list[Chunk], vectors: np.ndarray, sentence_vectors: np.ndarray
) -> Path:
    """Write a new version next to the old one and switch CURRENT to it atomically.

    Write, fsync, rename: a crash at any moment leaves either the old or the new version active.
    """
    import faiss

    index_dir.mkdir(parents=True, exist_ok=True)
    name = f"v-{time.time_ns()}"
    tmp = index_dir / f".tmp-{name}"
    tmp.mkdir()
    _write(tmp / "chunks.jsonl", "".join(_chunk_row(c) + "\n" for c in chunks).encode())
    flat = faiss.IndexFlatIP(manifest.dim)
    if len(vectors):
        flat.add(np.ascontiguousarray(vectors, dtype=np.float32))
    _write(tmp / "vectors.faiss", faiss.serialize_index(flat).tobytes())
    with (tmp / "sentences.npy").open("wb") as f:
        np.save(f, np.ascontiguousarray(sentence_vectors, dtype=np.float32), allow_pickle=False)
        f.flush()
        os.fsync(f.fileno())
    checksums = {n: _sha256_file(tmp / n) for n in DATA_FILES}
    final_manifest = Manifest(**{**asdict(manifest), "files": manifest.files, "checksums": checksums})
    _write(tmp / "manifest.json", final_manifest.to_json().encode())
    _fsync_dir(tmp)
    os.rename(tmp, index_dir / name)
    _write(index_dir / "CURRENT.tmp", name.encode())
    os.replace(index_dir / "CURRENT.tmp", index_dir / "CURRENT")
    _fsync_dir(index_dir)
    _remove_old_versions(index_dir, keep=name)
    return index_dir / name


def _remove_old_versions(index_dir: Path, keep: str) -> None:
    """Drop leftovers of crashed builds and all but the two newest versions.

    The previous version stays so that a reader that read CURRENT just before the switch can
    still open it.
    """
    versions = sorted(p.name for p in index_dir.iterdir() if p.is_dir() and p.name.startswith("v-"))
    stale = [v for v in versions if v != keep][:-1]
    stale += [p.name for p in index_dir.iterdir() if p.name.startswith(".tmp-")]
    for name in stale:
        shutil.rmtree(index_dir / name, ignore_errors=True)


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """One build at a time per index folder; a second one fails at once with a clear line."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / ".lock").open("a+") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexStateError(
                f"Another 'rag index' is updating {index_dir}/", hint="wait for it to finish, then run again"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)
