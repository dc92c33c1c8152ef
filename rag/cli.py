"""Command line: rag index | ask | chat | eval | sources | ui. Heavy imports stay inside commands."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rag.config import Settings, load_settings
from rag.errors import InputError, RagError

if TYPE_CHECKING:
    from rag.answer import Answer, Assistant
    from rag.embed import Embedder

log = logging.getLogger("rag")


def open_assistant(settings: Settings, with_llm: bool = True, embedder: Embedder | None = None) -> Assistant:
    """Load the index, the embedder (unless one is given, already loaded) and the LLM: once per process."""
    from rag.answer import Assistant
    from rag.embed import SentenceTransformerEmbedder
    from rag.generate import LlamaCppGenerator, resolve_model
    from rag.store import load_index

    embedder = embedder or SentenceTransformerEmbedder()
    index = load_index(settings.index_dir, embedder.name)
    generator = None
    if with_llm and settings.use_llm:
        generator = LlamaCppGenerator(resolve_model(settings.model), settings.n_ctx, settings.n_threads, settings.seed)
        generator.load()
    if isinstance(embedder, SentenceTransformerEmbedder):
        embedder.load()
    return Assistant(settings, index, embedder, generator)


def _require_documents(assistant: Assistant, settings: Settings) -> None:
    from rag.errors import IndexStateError

    if not assistant.index.chunks:
        raise IndexStateError(
            f"The index at {settings.index_dir}/ holds no documents", hint="add some with 'rag index PATH'"
        )


def format_answer(answer: Answer, show_retrieved: int = 3) -> str:
    lines = [answer.answer]
    if answer.standalone_question != answer.question:
        lines.insert(0, f"(answering: {answer.standalone_question})")
    if answer.citations:
        lines.append("")
        lines.append("Sources:")
        for c in answer.citations:
            where = f"{c.source}:{c.start}-{c.end}" + (f" (page {c.page})" if c.page else "")
            # The span as it reads: a PDF's line breaks inside it shown as spaces (JSON keeps them).
            lines.append(f"[{c.n}] {where}\n    \u201c{' '.join(c.quote.split())}\u201d")
    elif answer.retrieved:
        if answer.reason:
            lines.append(f"(why: {answer.reason})")
        lines.append("")
        lines.append("Closest passages (they do not answer it):")
        for r in answer.retrieved[:show_retrieved]:
            lines.append(f"- {r.source}:{r.start}-{r.end} (similarity {r.score:.2f})")
    return "\n".join(lines)


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    from rag.embed import SentenceTransformerEmbedder
    from rag.indexer import FileResult, build_index

    bar: Any = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None and total > 64 and sys.stderr.isatty():  # a bar only where a person watches
            from tqdm import tqdm

            bar = tqdm(total=total, unit="text", desc="embedding", file=sys.stderr, leave=False)
        if bar is not None:
            bar.update(done - bar.n)

    def report(result: FileResult) -> None:
        print(result.line(), flush=True)

    results = build_index([Path(p) for p in args.paths], settings, SentenceTransformerEmbedder(), report, progress)
    if bar is not None:
        bar.close()
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    print(f"index {settings.index_dir}/: {summary or 'no files found'}")
    return 0


def _read_batch(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise InputError(f"Batch file {path} not found", hint="give a .jsonl file with one question per line")
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            item = {"_error": f"line {number} is not JSON"}
        if not isinstance(item, dict):
            item = {"_error": f"line {number} is not a JSON object"}
        items.append(item)
    return items


def _turns(item: dict[str, Any]) -> list[str]:
    if isinstance(item.get("turns"), list) and item["turns"]:
        return [str(t) for t in item["turns"]]
    if isinstance(item.get("question"), str) and item["question"].strip():
        return [item["question"]]
    raise InputError("needs a non-empty 'question' or 'turns'")


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    if args.batch:
        items = _read_batch(Path(args.batch))
        assistant = open_assistant(settings)
        _require_documents(assistant, settings)
        for item in items:
            try:
                if "_error" in item:
                    raise InputError(item["_error"])
                turns = _turns(item)
                answer = assistant.ask(turns[-1], turns[:-1], item.get("id"))
                out = answer.to_json()
            except InputError as err:
                out = {"id": item.get("id"), "error": str(err)}
            print(json.dumps(out, ensure_ascii=False) if args.json else _batch_line(out), flush=True)
        return 0
    question = " ".join(args.question).strip()
    if not question:
        raise InputError("The question is empty", hint='ask like: rag ask "Where is the HQ?"')
    assistant = open_assistant(settings)
    _require_documents(assistant, settings)
    answer = assistant.ask(question)
    print(json.dumps(answer.to_json(), ensure_ascii=False, indent=1) if args.json else format_answer(answer))
    return 0


def _batch_line(out: dict[str, Any]) -> str:
    if "error" in out:
        return f"[{out.get('id')}] error: {out['error']}"
    return f"[{out.get('id')}] {out['answer']}"


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    assistant = open_assistant(settings)
    _require_documents(assistant, settings)
    history: list[str] = []
    print("Ask about the indexed documents. /new starts a new conversation, /quit (or Ctrl-D) ends.")
    while True:
        try:
            question = input("\n> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if question in ("/quit", "/exit"):
            return 0
        if question == "/new":
            history = []
            print("(new conversation)")
            continue
        if not question:
            continue
        answer = None
        for part in assistant.ask_stream(question, history):
            if isinstance(part, str):
                continue
            answer = part
        assert answer is not None
        print(format_answer(answer))
        history.append(question)


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    import datetime

    from rag.store import load_index

    index = load_index(settings.index_dir)
    m = index.manifest
    print(f"{settings.index_dir}/: {len(m.files)} files, {m.n_chunks} passages, model {m.embed_model}")
    for entry in sorted(m.files.values(), key=lambda e: e.source):
        when = datetime.datetime.fromtimestamp(entry.indexed_at).strftime("%Y-%m-%d %H:%M")
        print(f"{entry.source}  {entry.chunks} passages  indexed {when}  {entry.title[:60]}")
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from rag.evaluate import run_eval

    return run_eval(args, settings)


def cmd_ui(args: argparse.Namespace, settings: Settings) -> int:
    try:
        from ui.app import serve
    except ImportError as err:
        raise RagError(f"The chat UI is not available ({err.name} missing)", hint="run 'make setup'") from None
    serve(settings, host=args.host, port=args.port, auth=args.auth)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="rag", description="Cited answers from your documents, offline.")
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging and tracebacks")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--index", dest="index_dir", type=Path, help="index folder (default index/, or RAG_INDEX)")
        sp.add_argument("--model", help="GGUF file, or 'smollm2' (default) or 'gemma' (or RAG_MODEL)")
        sp.add_argument("--no-llm", action="store_true", help="answer with the checked quote only")
        sp.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS)

    sp = sub.add_parser("index", help="build or update the index")
    sp.add_argument("paths", nargs="*", help="files or folders (default: what the index holds, else seeds/)")
    sp.add_argument("--max-file-mb", type=float, help="skip files larger than this (default 50)")
    common(sp)
    sp.set_defaults(func=cmd_index)

    sp = sub.add_parser("ask", help="answer one question, or a JSONL batch")
    sp.add_argument("question", nargs="*")
    sp.add_argument("--json", action="store_true", help="print the JSON answer")
    sp.add_argument("--batch", help="JSONL file: {id, question} or {id, turns} per line")
    common(sp)
    sp.set_defaults(func=cmd_ask)

    sp = sub.add_parser("chat", help="a conversation in the terminal")
    common(sp)
    sp.set_defaults(func=cmd_chat)

    sp = sub.add_parser("sources", help="list the indexed files")
    common(sp)
    sp.set_defaults(func=cmd_sources)

    sp = sub.add_parser("eval", help="measure answers on a QA file")
    sp.add_argument("qa", help="JSONL questions with facts (see shared/eval/README.md)")
    sp.add_argument("--corpus", type=Path, help="folder to index for this evaluation")
    sp.add_argument("--json", action="store_true", help="print the figures as JSON")
    sp.add_argument("--limit", type=int, help="only the first N questions")
    sp.add_argument("--table", action="store_true", help="a line per question")
    sp.add_argument("--baseline", action="store_true", help="plain prompt, no evidence selection or checks")
    common(sp)
    sp.set_defaults(func=cmd_eval)

    sp = sub.add_parser("ui", help="the chat in a browser")
    sp.add_argument("--port", type=int, default=7860)
    sp.add_argument("--host", default="127.0.0.1", help="listen address (default 127.0.0.1: this machine only)")
    sp.add_argument("--auth", help="USER:PASS required to open the page")
    common(sp)
    sp.set_defaults(func=cmd_ui)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    verbose = getattr(args, "verbose", False)
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    if not verbose:
        for noisy in ("sentence_transformers", "transformers", "faiss", "bm25s", "httpx"):
            logging.getLogger(noisy).setLevel(logging.ERROR)
    run: Callable[[argparse.Namespace, Settings], int] = args.func
    try:
        flags = {
            "index_dir": getattr(args, "index_dir", None),
            "model": getattr(args, "model", None),
            "max_file_mb": getattr(args, "max_file_mb", None),
        }
        if getattr(args, "no_llm", False):
            flags["use_llm"] = False
        settings = load_settings(**flags)
        return run(args, settings)
    except RagError as err:
        if verbose:
            raise
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # "rag ask ... | head": the reader has gone; nothing more can be shown, and Python's own
        # flush of stdout at exit must not fail again (the recipe of the signal module's docs).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
