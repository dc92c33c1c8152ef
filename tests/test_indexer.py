import os
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from rag.config import Settings
from rag.errors import IndexStateError
from rag.indexer import build_index
from rag.store import current_version, load_index
from tests.conftest import SEEDS


def statuses(results: list[Any]) -> dict[str, str]:
    return {Path(r.source).name: r.status for r in results}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("000_1a0718c33b4ffa2a.txt", "004_343fc0e0e2615a75.txt"):
        shutil.copy(SEEDS / name, folder / name)
    return folder


def test_incremental_updates(tmp_path: Path, corpus: Path, embedder: Any) -> None:
    settings = replace(Settings(), index_dir=tmp_path / "index")
    first = build_index([corpus], settings, embedder)
    assert set(statuses(first).values()) == {"indexed"}
    version = current_version(settings.index_dir)

    again = build_index([corpus], settings, embedder)
    assert set(statuses(again).values()) == {"unchanged"}
    assert current_version(settings.index_dir) == version  # nothing rewritten

    (corpus / "000_1a0718c33b4ffa2a.txt").write_text("A short new article about the Paris headquarters today.\n")
    shutil.copy(corpus / "004_343fc0e0e2615a75.txt", corpus / "copy_of_004.txt")
    changed = statuses(build_index([corpus], settings, embedder))
    assert changed == {
        "000_1a0718c33b4ffa2a.txt": "indexed",
        "004_343fc0e0e2615a75.txt": "unchanged",
        "copy_of_004.txt": "skipped",
    }
    (corpus / "000_1a0718c33b4ffa2a.txt").unlink()
    removed = statuses(build_index([corpus], settings, embedder))
    assert removed["000_1a0718c33b4ffa2a.txt"] == "removed"
    index = load_index(settings.index_dir, embedder.name)
    assert {Path(s).name for s in index.manifest.files} == {"004_343fc0e0e2615a75.txt"}
    assert len(index.chunks) == index.manifest.n_chunks == len(index.vectors)


def test_new_chunking_rules_rechunk_unchanged_files(
    tmp_path: Path, corpus: Path, embedder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = replace(Settings(), index_dir=tmp_path / "index")
    build_index([corpus], settings, embedder)
    # Passages of another size, or sentences cut by newer rules, are not the ones indexed.
    resized = statuses(build_index([corpus], replace(settings, chunk_chars=settings.chunk_chars // 2), embedder))
    assert set(resized.values()) == {"indexed"}
    monkeypatch.setattr("rag.indexer.CHUNKING_VERSION", -1)
    assert set(statuses(build_index([corpus], settings, embedder)).values()) == {"indexed"}


def test_hostile_folder_is_indexed_around_bad_files(tmp_path: Path, corpus: Path, embedder: Any) -> None:
    (corpus / "empty.txt").write_text("")
    (corpus / "spaces.md").write_text("   \n\n  ")
    (corpus / "fake.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    (corpus / "big.txt").write_text("word " * 300_000)
    (corpus / "tool.exe").write_bytes(b"MZ")
    outside = tmp_path / "secret.txt"
    outside.write_text("A secret outside the corpus folder that must never be indexed.")
    (corpus / "link.txt").symlink_to(outside)
    locked = corpus / "locked.txt"
    locked.write_text("Nobody may read this file at all.")
    locked.chmod(0)
    settings = replace(Settings(), index_dir=tmp_path / "index", max_file_mb=1.0)
    results = {Path(r.source).name: r for r in build_index([corpus], settings, embedder)}
    assert results["000_1a0718c33b4ffa2a.txt"].status == "indexed"
    expected = {
        "empty.txt": "empty",
        "spaces.md": "empty",
        "fake.txt": "binary",
        "big.txt": "size limit",
        "tool.exe": "unknown extension",
        "link.txt": "outside",
    }
    if os.geteuid() != 0:  # root reads every file, whatever its mode
        expected["locked.txt"] = "unreadable"
    for name, reason in expected.items():
        assert results[name].status == "skipped" and reason in results[name].detail, results[name]
    index = load_index(settings.index_dir, embedder.name)
    assert not any("secret" in c.text for c in index.chunks)


def test_damage_is_detected_and_named(tmp_path: Path, corpus: Path, embedder: Any) -> None:
    settings = replace(Settings(), index_dir=tmp_path / "index")
    build_index([corpus], settings, embedder)
    version = current_version(settings.index_dir)
    assert version is not None
    vectors = version / "vectors.faiss"
    vectors.write_bytes(vectors.read_bytes()[:-100])
    with pytest.raises(IndexStateError, match=r"vectors\.faiss.*rag index"):
        load_index(settings.index_dir, embedder.name)
    # A rebuild repairs it.
    build_index([corpus], settings, embedder)
    assert load_index(settings.index_dir, embedder.name).chunks


def test_missing_index_and_wrong_model(tmp_path: Path, corpus: Path, embedder: Any) -> None:
    with pytest.raises(IndexStateError, match=r"No index.*rag index"):
        load_index(tmp_path / "nothing")
    settings = replace(Settings(), index_dir=tmp_path / "index")
    build_index([corpus], settings, embedder)
    with pytest.raises(IndexStateError, match="built with sentence-transformers/all-MiniLM-L6-v2"):
        load_index(settings.index_dir, "another/model")
