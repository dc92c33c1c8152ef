"""Shared fixtures: the real bundled models, loaded once per session; no network, ever."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from rag.config import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
HQ = "Where is the HQ and when does it rotate?"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection off this machine fails the test that made it."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else str(address)
        if self.family in (socket.AF_INET, socket.AF_INET6) and host not in ("127.0.0.1", "::1", "localhost"):
            raise AssertionError(f"test tried to reach the network: {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(scope="session")
def embedder() -> Any:
    from rag.embed import SentenceTransformerEmbedder

    e = SentenceTransformerEmbedder()
    e.load()
    return e


@pytest.fixture(scope="session")
def seed_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory: pytest.TempPathFactory, seed_corpus: Path, embedder: Any) -> Settings:
    from rag.indexer import build_index

    settings = replace(Settings(), index_dir=tmp_path_factory.mktemp("index"), corpus=(seed_corpus,))
    build_index([seed_corpus], settings, embedder)
    return settings


@pytest.fixture(scope="session")
def assistant(seed_settings: Settings, embedder: Any) -> Iterator[Any]:
    from rag.answer import Assistant
    from rag.generate import LlamaCppGenerator, resolve_model
    from rag.store import load_index

    generator = LlamaCppGenerator(resolve_model(None, Path("/nonexistent")), 2048, 2, 0)
    generator.load()
    yield Assistant(seed_settings, load_index(seed_settings.index_dir, embedder.name), embedder, generator)
