"""The Gradio chat: wiring only. Answers, sessions and indexing live in `rag`."""

from __future__ import annotations

import html
import logging
import os
import shutil
import tempfile
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no calls home, before gradio loads

import gradio as gr

from rag.answer import Answer, Assistant
from rag.config import Settings
from rag.errors import RagError
from rag.sessions import SessionStore
from ui.render import answer_html, sources_html

log = logging.getLogger(__name__)

# System fonts only: the default theme would fetch web fonts, and the page must work offline.
THEME = gr.themes.Soft(
    font=["system-ui", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
)
CSS = (Path(__file__).parent / "style.css").read_text()
# A click on a marker [n] shows its source card: scrolled into view, outlined, article closed.
HEAD = """<script>
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.cite");
  if (!link) return;
  event.preventDefault();
  event.stopPropagation();
  const card = document.getElementById(link.getAttribute("href").slice(1));
  if (!card) return;
  document.querySelectorAll(".src.active").forEach((el) => el.classList.remove("active"));
  card.classList.add("active");
  card.scrollIntoView({behavior: "smooth", block: "center"});
}, true);
// Opening a whole article scrolls it to the marked passage.
document.addEventListener("toggle", (event) => {
  if (event.target.open) event.target.querySelector("mark")?.scrollIntoView({block: "center"});
}, true);
</script>"""


def _chat_messages(turns: list[tuple[str, dict[str, Any]]]) -> list[dict[str, str]]:
    messages = []
    for i, (question, answer) in enumerate(turns):
        messages.append({"role": "user", "content": question})
        messages.append({"role": "assistant", "content": answer_html(answer, i)})
    return messages


def build_app(assistant: Assistant, settings: Settings, store: SessionStore) -> gr.Blocks:
    uploads = settings.index_dir / "uploads"
    index_lock = threading.Lock()  # one index build at a time from the page

    def session_choices() -> list[tuple[str, str]]:
        return [(f"{s.title} ({s.turns})", s.id) for s in store.list()]

    def documents_table() -> list[list[Any]]:
        import datetime

        files = assistant.index.manifest.files.values()
        return [
            [
                Path(f.source).name,
                f.chunks,
                datetime.datetime.fromtimestamp(f.indexed_at).strftime("%Y-%m-%d %H:%M"),
                f.title,
            ]
            for f in sorted(files, key=lambda f: f.source)
        ]

    def ask(message: str, sid: str | None) -> Any:
        message = (message or "").strip()
        if not message:
            raise gr.Error("Type a question first.")
        if not sid:
            sid = store.create()
        turns = store.turns(sid)
        history = [q for q, _ in turns]
        shown = [*_chat_messages(turns), {"role": "user", "content": message}]
        final: Answer | None = None
        written = ""
        for part in assistant.ask_stream(message, history):
            if isinstance(part, str):
                written += part
                draft = {"role": "assistant", "content": f'<div class="draft">{html.escape(written)}…</div>'}
                yield [*shown, draft], gr.update(), sid, gr.update(), ""
            else:
                final = part
        assert final is not None
        record = final.to_json()
        if final.refused and final.reason:
            record["why"] = final.reason  # kept with the chat, shown in the refusal box
        store.add_turn(sid, message, record)
        turns = store.turns(sid)
        yield _chat_messages(turns), sources_html(turns), sid, gr.update(choices=session_choices(), value=sid), ""

    def open_session(sid: str | None) -> Any:
        turns = store.turns(sid) if sid else []
        return _chat_messages(turns), sources_html(turns), sid

    def new_session() -> Any:
        return [], sources_html([]), None, gr.update(choices=session_choices(), value=None)

    def delete_session(sid: str | None) -> Any:
        if sid:
            store.delete(sid)
        return [], sources_html([]), None, gr.update(choices=session_choices(), value=None)

    def export_session(sid: str | None) -> Any:
        if not sid:
            raise gr.Error("Open or start a chat first.")
        path = Path(tempfile.mkdtemp(prefix="rag-export-")) / f"chat-{sid}.md"
        path.write_text(store.export_markdown(sid), encoding="utf-8")
        return gr.update(value=str(path), visible=True)

    def add_files(files: list[Any] | None, progress: gr.Progress = gr.Progress()) -> Any:  # noqa: B008
        from rag.indexer import build_index
        from rag.store import load_index

        if not files:
            raise gr.Error("Choose one or more files to add.")
        uploads.mkdir(parents=True, exist_ok=True)
        for f in files:
            path = Path(f if isinstance(f, str) else f.name)
            shutil.copy(path, uploads / path.name)
        progress(0, desc="Reading files")

        def step(done: int, total: int) -> None:
            progress(done / max(total, 1), desc=f"Embedding {done}/{total}")

        with index_lock:
            try:
                results = build_index([uploads], settings, assistant.embedder, progress=step)
                assistant.reload(load_index(settings.index_dir, assistant.embedder.name))
            except RagError as err:
                return f"**Not indexed:** {err}", documents_table()
        lines = [f"- **{r.status}** {Path(r.source).name}" + (f" — {r.detail}" if r.detail else "") for r in results]
        return "\n".join(lines) or "Nothing to do.", documents_table()

    with gr.Blocks(title="Ask the documents") as app:
        sid = gr.State(None)
        with gr.Row():
            with gr.Column(scale=1, min_width=260):
                gr.Markdown("### Chats")
                sessions = gr.Dropdown(choices=session_choices(), label="Saved chats", value=None, interactive=True)
                with gr.Row():
                    new_btn = gr.Button("New chat", size="sm")
                    del_btn = gr.Button("Delete", size="sm", variant="stop")
                export_btn = gr.Button("Export as Markdown", size="sm")
                export_file = gr.File(label="Export", visible=False, interactive=False)
            with gr.Column(scale=3):
                with gr.Tab("Chat"):
                    chat = gr.Chatbot(
                        label="Answers", height=460, elem_id="chat", feedback_options=None, buttons=["copy"]
                    )
                    with gr.Row():
                        box = gr.Textbox(
                            placeholder="Ask about the documents…", show_label=False, scale=5, elem_id="ask"
                        )
                        send = gr.Button("Ask", variant="primary", scale=1, elem_id="send")
                with gr.Tab("Documents"):
                    docs = gr.Dataframe(
                        headers=["file", "passages", "indexed", "title"],
                        value=documents_table(),
                        interactive=False,
                        elem_id="docs",
                    )
                    upload = gr.File(
                        label="Add files (.txt .md .html .pdf .docx)", file_count="multiple", elem_id="upload"
                    )
                    add_btn = gr.Button("Index the added files", variant="primary")
                    report = gr.Markdown()
            with gr.Column(scale=2, min_width=320):
                gr.Markdown("### Sources")
                sources = gr.HTML(sources_html([]), elem_id="sources")

        outputs = [chat, sources, sid, sessions, box]
        # One answer at a time: the LLM and the index are shared; others see their place in the queue.
        for trigger in (box.submit, send.click):
            trigger(ask, [box, sid], outputs, concurrency_limit=1, concurrency_id="model")
        sessions.input(open_session, [sessions], [chat, sources, sid])
        new_btn.click(new_session, None, [chat, sources, sid, sessions])
        del_btn.click(delete_session, [sid], [chat, sources, sid, sessions])
        export_btn.click(export_session, [sid], [export_file])
        add_btn.click(add_files, [upload], [report, docs], concurrency_limit=1, concurrency_id="model")
        # A page (re)load lists the chats and documents as they are now, not as at start-up.
        app.load(lambda: (gr.update(choices=session_choices()), documents_table()), None, [sessions, docs])
    return app


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 7860, auth: str | None = None) -> None:
    from rag.cli import open_assistant

    credentials = None
    if auth:
        user, _, password = auth.partition(":")
        if not user or not password:
            raise RagError("--auth needs USER:PASS", hint="for example --auth staff:secret")
        credentials = (user, password)
    assistant = open_assistant(settings)
    store = SessionStore(settings.index_dir / "sessions.sqlite3")
    app = build_app(assistant, replace(settings), store)
    app.queue(default_concurrency_limit=1).launch(
        server_name=host,
        server_port=port,
        share=False,
        auth=credentials,
        theme=THEME,
        css=CSS,
        head=HEAD,
        footer_links=[],
        show_error=True,
        quiet=False,
    )
