"""Building and updating the index from folders: incremental by content hash."""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rag.chunk import CHUNKING_VERSION, Chunk, chunk_document
from rag.clean import clean
from rag.config import Settings
from rag.documents import Skip, read_document
from rag.embed import Embedder
from rag.errors import IndexStateError, InputError
from rag.store import FileEntry, Index, Manifest, build_lock, load_index, save_index

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileResult:
    source: str
    status: str  # indexed | unchanged | removed | skipped
    detail: str = ""

    def line(self) -> str:
        return f"{self.status:9} {self.source}" + (f"  ({self.detail})" if self.detail else "")


def display_path(path: Path) -> str:
    """The path as citations show it: relative to the working folder when inside it."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path.absolute())


def discover(roots: list[Path]) -> Iterator[tuple[Path, FileResult | None]]:
    """Every file under the roots, sorted; a symlink leaving its root is reported, not followed."""
    for root in roots:
        if not root.exists():
            raise InputError(f"{root} does not exist", hint="give a folder or file to index")
        if root.is_file():
            yield root, None
            continue
        real_root = root.resolve()
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(dirs):
                link = Path(folder) / name
                if link.is_symlink():
                    yield link, FileResult(display_path(link), "skipped", "symlinked folder, not followed")
            for name in sorted(files):
                path = Path(folder) / name
                if name.startswith("."):
                    continue
                if path.is_symlink():
                    target = path.resolve()
                    if not target.is_relative_to(real_root):
                        yield path, FileResult(display_path(path), "skipped", "symlink to outside the folder")
                        continue
                    if not target.exists():
                        yield path, FileResult(display_path(path), "skipped", "broken symlink")
                        continue
                yield path, None


def _signature(spans: list[tuple[int, int]], chunk_chars: int) -> str:
    """What a file's passages are cut from and how: its kept spans, the passage size and the
    version of the sentence splitting rules. A change to any of them re-chunks the file."""
    return hashlib.sha1(repr((spans, chunk_chars, CHUNKING_VERSION)).encode()).hexdigest()[:16]


def build_index(
    paths: list[Path],
    settings: Settings,
    embedder: Embedder,
    report: Callable[[FileResult], None] = lambda r: None,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> list[FileResult]:
    """Bring the index in line with the files under `paths` (or the roots it was built from)."""
    index_dir = settings.index_dir
    with build_lock(index_dir):
        previous: Index | None = None
        try:
            previous = load_index(index_dir, embedder.name)
        except IndexStateError as err:
            if (index_dir / "CURRENT").exists():
                log.warning("previous index not reused: %s", err)
        roots = paths or [Path(r) for r in (previous.manifest.roots if previous else [])] or list(settings.corpus)
        old_files = previous.manifest.files if previous else {}
        old_chunks: dict[str, list[tuple[int, Chunk]]] = {}
        if previous:
            for row, c in enumerate(previous.chunks):
                old_chunks.setdefault(c.source, []).append((row, c))

        results: list[FileResult] = []
        files: dict[str, FileEntry] = {}
        chunks: list[Chunk] = []
        reused_rows: dict[int, int] = {}  # new chunk position -> previous row, to copy vectors
        seen_paragraphs: set[str] = set()
        seen_content: dict[str, str] = {}
        max_bytes = int(settings.max_file_mb * 1e6)
        scanned: set[str] = set()

        def emit(result: FileResult) -> None:
            results.append(result)
            report(result)

        for path, problem in discover(roots):
            source = display_path(path)
            scanned.add(source)
            if problem:
                emit(problem)
                continue
            try:
                doc = read_document(path, source, max_bytes)
            except Skip as err:
                emit(FileResult(source, "skipped", err.message))
                continue
            if doc.sha256 in seen_content:
                emit(FileResult(source, "skipped", f"same content as {seen_content[doc.sha256]}"))
                continue
            seen_content[doc.sha256] = source
            spans = clean(doc.text, seen_paragraphs)
            signature = _signature([(s.start, s.end) for s in spans], settings.chunk_chars)
            old = old_files.get(source)
            if old and old.sha256 == doc.sha256 and old.signature == signature:
                for row, c in old_chunks.get(source, []):
                    reused_rows[len(chunks)] = row
                    chunks.append(c)
                files[source] = old
                emit(FileResult(source, "unchanged"))
                continue
            doc_chunks = chunk_document(doc, spans, settings.chunk_chars)
            if not doc_chunks:
                emit(FileResult(source, "skipped", "nothing left after removing page furniture and repeats"))
                continue
            chunks.extend(doc_chunks)
            files[source] = FileEntry(
                source, doc.sha256, doc.title, len(doc_chunks), doc.encoding, time.time(), signature
            )
            emit(FileResult(source, "indexed", f"{len(doc_chunks)} passages"))

        # Files indexed before and not seen now: gone from disk, or under a root not scanned.
        root_names = [display_path(r) for r in roots]
        for source, entry in old_files.items():
            if source in scanned:
                continue
            under_scanned_root = any(source == r or source.startswith(r.rstrip("/") + "/") for r in root_names)
            if under_scanned_root or not Path(source).exists():
                emit(FileResult(source, "removed"))
            else:  # another root's file, still on disk: kept as it is
                for row, c in old_chunks.get(source, []):
                    reused_rows[len(chunks)] = row
                    chunks.append(c)
                files[source] = entry

        changed = any(r.status in ("indexed", "removed") for r in results)
        changed |= previous is None or set(files) != set(old_files)
        all_roots = sorted(set(root_names) | set(previous.manifest.roots if previous else []))
        if not changed and previous and all_roots == sorted(previous.manifest.roots):
            return results
        _embed_and_save(settings, embedder, previous, files, all_roots, chunks, reused_rows, progress)
        return results


def _embed_and_save(
    settings: Settings,
    embedder: Embedder,
    previous: Index | None,
    files: dict[str, FileEntry],
    roots: list[str],
    chunks: list[Chunk],
    reused_rows: dict[int, int],
    progress: Callable[[int, int], None],
) -> None:
    new_positions = [i for i in range(len(chunks)) if i not in reused_rows]
    new_sentences = [s for i in new_positions for s in chunks[i].sentence_texts()]
    total = len(new_positions) + len(new_sentences)
    batch = 512  # large groups: the encoder sorts by length inside a call, so less padding
    done = 0

    def embed(texts: list[str]) -> np.ndarray:
        nonlocal done
        parts = []
        for i in range(0, len(texts), batch):
            parts.append(embedder.embed_documents(texts[i : i + batch]))
            done += len(texts[i : i + batch])
            progress(done, total)
        return np.concatenate(parts) if parts else np.zeros((0, 0), dtype=np.float32)

    new_chunk_vecs = embed([chunks[i].text for i in new_positions])
    new_sent_vecs = embed(new_sentences)
    dim = int(new_chunk_vecs.shape[1]) if len(new_positions) else (previous.manifest.dim if previous else 384)
    vectors = np.zeros((len(chunks), dim), dtype=np.float32)
    sentence_rows: list[np.ndarray] = []
    new_at = {pos: k for k, pos in enumerate(new_positions)}
    sent_cursor = 0
    for i, c in enumerate(chunks):
        if i in reused_rows:
            assert previous is not None
            row = reused_rows[i]
            vectors[i] = previous.vectors[row]
            sentence_rows.append(previous.sentence_vectors[list(previous.sentence_rows(row))])
        else:
            vectors[i] = new_chunk_vecs[new_at[i]]
            n = len(c.sentences)
            sentence_rows.append(new_sent_vecs[sent_cursor : sent_cursor + n])
            sent_cursor += n
    sentence_vectors = np.concatenate(sentence_rows) if sentence_rows else np.zeros((0, dim), dtype=np.float32)
    manifest = Manifest(
        embed_model=embedder.name,
        dim=dim,
        files=files,
        roots=roots,
        n_chunks=len(chunks),
        n_sentences=int(sentence_vectors.shape[0]),
        created_at=time.time(),
    )
    save_index(settings.index_dir, manifest, chunks, vectors, sentence_vectors)
