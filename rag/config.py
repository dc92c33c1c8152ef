"""Settings: one frozen dataclass; the only module that reads the environment.

Precedence is flag, then environment variable, then the default written here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

# Environment variables, one per setting that a user may want to change without a flag.
ENV = {
    "index_dir": "RAG_INDEX",
    "model": "RAG_MODEL",
    "max_file_mb": "RAG_MAX_FILE_MB",
    "threads": "RAG_THREADS",
    "answer_threshold": "RAG_ANSWER_THRESHOLD",
}


@dataclass(frozen=True)
class Settings:
    # Where the index lives (a folder of versions; see rag/store.py).
    index_dir: Path = Path("index")
    # What `rag index` reads when no path is given.
    corpus: tuple[Path, ...] = (Path("seeds"),)
    # LLM: None means the bundled SmolLM2-135M-Instruct; "gemma" the bundled Gemma 3 270M;
    # anything else is a path to a GGUF file.
    model: str | None = None
    # Files larger than this are skipped before they are read.
    max_file_mb: float = 50.0
    # Passages are packed from whole sentences up to about this many characters.
    chunk_chars: int = 700
    # Passages handed to evidence selection, and shown as "retrieved".
    top_k: int = 5
    # Candidates taken from each of the dense and keyword retrievers before fusion.
    candidates: int = 30
    # llama.cpp: context window, threads (0 = all cores), seed; temperature is always 0.
    n_ctx: int = 2048
    threads: int = 0
    seed: int = 0
    max_answer_tokens: int = 80
    # Answerability bar (0..1) for the evidence score; set on the dev files, see README.
    answer_threshold: float = 0.5
    # The LLM writes the answer from the evidence; off means the checked quote is the answer.
    use_llm: bool = True
    # The LLM writes only when the best sentence holds one answer of the asked type, which its
    # sentence must then carry. Open questions ("what", "how", "who is X") and sentences with
    # several candidate dates or names get the checked quote: the bundled 135M model drops facts
    # or picks the wrong candidate there. Turn on with a larger model (--model) to let it write.
    llm_open_questions: bool = False

    @property
    def n_threads(self) -> int:
        return self.threads or max(1, os.cpu_count() or 1)


def _coerce(name: str, raw: str) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    if kind == "float":
        return float(raw)
    if kind == "int":
        return int(raw)
    if kind == "Path":
        return Path(raw)
    return raw


def load_settings(**flags: Any) -> Settings:
    """Settings from flags (those not None), then the environment, then defaults."""
    from rag.errors import InputError

    values: dict[str, Any] = {}
    for name, var in ENV.items():
        raw = os.environ.get(var)
        if raw:
            try:
                values[name] = _coerce(name, raw)
            except ValueError:
                raise InputError(f"{var}={raw!r} is not valid", hint=f"unset {var} or fix its value") from None
    values.update({k: v for k, v in flags.items() if v is not None})
    return replace(Settings(), **values)
