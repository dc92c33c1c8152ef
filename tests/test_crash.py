"""kill -9 during `rag index` never leaves a broken index; two builds at once cannot collide."""

import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from rag.config import Settings
from rag.errors import IndexStateError
from rag.indexer import build_index
from rag.store import build_lock, load_index
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow


def test_sigkill_at_random_moments_keeps_the_previous_index(tmp_path: Path, embedder: Any) -> None:
    corpus = tmp_path / "docs"
    shutil.copytree(SEEDS, corpus)
    settings = replace(Settings(), index_dir=tmp_path / "index")
    build_index([corpus], settings, embedder)
    rng = random.Random(7)
    killed_mid_build = 0
    for round_ in range(10):
        # A change, so that the build has a new version to write.
        (corpus / f"note_{round_}.txt").write_text(f"Round {round_} adds a note about the coalition headquarters.\n")
        proc = subprocess.Popen(
            [sys.executable, "-m", "rag.cli", "index", str(corpus), "--index", str(settings.index_dir)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.5, 7.0))
        if proc.poll() is None:
            killed_mid_build += 1
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        index = load_index(settings.index_dir, embedder.name)  # never raises
        assert len(index.chunks) == index.manifest.n_chunks == len(index.vectors)
    assert killed_mid_build >= 5
    # After the crashes, a build completes and cleans up what they left.
    build_index([corpus], settings, embedder)
    assert not list(settings.index_dir.glob(".tmp-*"))
    assert len(list(settings.index_dir.glob("v-*"))) <= 2


def test_second_build_is_refused_while_one_runs(tmp_path: Path) -> None:
    with build_lock(tmp_path), pytest.raises(IndexStateError, match="Another 'rag index'"), build_lock(tmp_path):
        pass


def test_two_real_builds_at_once(tmp_path: Path, embedder: Any) -> None:
    import fcntl

    corpus = tmp_path / "docs"
    shutil.copytree(SEEDS, corpus)
    index_dir = tmp_path / "index"
    command = [sys.executable, "-m", "rag.cli", "index", str(corpus), "--index", str(index_dir)]
    first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    held = False
    while time.time() < deadline and first.poll() is None and not held:
        time.sleep(0.05)
        lock = index_dir / ".lock"
        if lock.exists():
            with lock.open("a+") as f:
                try:
                    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    fcntl.flock(f, fcntl.LOCK_UN)
                except BlockingIOError:
                    held = True
    assert held, "the first build never held the lock"
    second = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert second.returncode == 2
    assert "Another 'rag index' is updating" in second.stderr and "Traceback" not in second.stderr
    assert first.wait(timeout=120) == 0
    index = load_index(index_dir, embedder.name)
    assert len(index.manifest.files) == 5
