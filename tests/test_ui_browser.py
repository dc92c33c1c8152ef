"""The chat in headless Chromium (Debian's package, driven by playwright): what a person sees."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import HQ, ROOT

pytestmark = [pytest.mark.slow, pytest.mark.browser]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(seed_settings: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is missing: run 'make setup' (it installs Debian's chromium package)")
    index = tmp_path_factory.mktemp("ui") / "index"
    shutil.copytree(seed_settings.index_dir, index)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "ui", "--port", str(port), "--index", str(index)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"rag ui exited: {proc.stderr.read() if proc.stderr else ''}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.5)
    yield f"http://127.0.0.1:{port}/"
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield b
        b.close()


def open_page(browser: Any, server: str) -> Any:
    """A new visitor (own cookies and state), with every request it makes recorded."""
    pg = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.goto(server)
    pg.wait_for_selector("#ask textarea", timeout=60_000)
    return pg


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    pg = open_page(browser, server)
    yield pg
    pg.context.close()


def ask(page: Any, question: str, answers_before: int) -> Any:
    page.fill("#ask textarea", question)
    page.click("#send")
    # The final, checked answer has its markers linked (a draft does not).
    page.wait_for_function(
        "n => document.querySelectorAll('#chat .answer, #chat .refusal').length > n",
        arg=answers_before,
        timeout=120_000,
    )
    return page.locator("#chat .answer, #chat .refusal").nth(answers_before)


def off_machine(urls: list[str]) -> list[str]:
    local = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
    return [u for u in urls if not u.startswith(local)]


def test_hq_question_with_highlighted_source(page: Any) -> None:
    answer = ask(page, HQ, 0)
    text = answer.inner_text()
    for fact in ("Paris", "London", "12 months"):
        assert fact in text

    answer.locator("a.cite").first.click()
    card = page.locator("#sources .src.active")
    card.wait_for(state="visible", timeout=10_000)
    assert "Paris" in card.locator(".src-context mark").inner_text()
    card.locator("summary").click()
    article_mark = card.locator(".article mark")
    article_mark.wait_for(state="visible", timeout=10_000)
    assert "London" in article_mark.inner_text()

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat.png"), full_page=True)
    assert off_machine(page.requests) == []


def test_follow_up_in_the_same_chat(page: Any) -> None:
    ask(page, HQ, 0)
    follow = ask(page, "And who co-leads it?", 1)
    assert "UK" in follow.inner_text() and "France" in follow.inner_text()
    assert "Answering: Who co-leads the HQ?" in page.locator("#chat").inner_text()
    refusal = ask(page, "What is the capital of Australia?", 2)
    assert "do not say" in refusal.inner_text()
    assert "Why: the documents never mention Australia" in refusal.inner_text()
    assert refusal.evaluate("el => el.classList.contains('refusal')")
    assert off_machine(page.requests) == []


def test_two_people_at_once_both_get_answers(browser: Any, server: str, page: Any) -> None:
    other = open_page(browser, server)
    page.fill("#ask textarea", HQ)
    other.fill("#ask textarea", "Which two countries co-lead the multinational headquarters?")
    page.click("#send")
    other.click("#send")
    for pg in (page, other):
        pg.wait_for_selector("#chat .answer", timeout=120_000)
    mine = page.locator("#chat .answer").first.inner_text()
    theirs = other.locator("#chat .answer").first.inner_text()
    assert "London" in mine and "12 months" in mine
    assert "UK" in theirs and "France" in theirs
    # Each sees only their own conversation.
    assert "Which two countries" not in page.locator("#chat").inner_text()
    assert HQ not in other.locator("#chat").inner_text()
    other.context.close()


def test_upload_indexes_good_files_and_reports_bad_ones(page: Any, tmp_path: Path) -> None:
    good = tmp_path / "budget_note.txt"
    good.write_text(
        "Budget note\n\nThe reassurance force budget for its first year is 4.2 billion euros, officials said.\n"
    )
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01binary\x00" * 40)
    page.get_by_role("tab", name="Documents").click()
    page.locator("#upload input[type=file]").set_input_files([str(good), str(bad)])
    page.get_by_role("button", name="Index the added files").click()
    page.wait_for_selector("text=budget_note.txt", timeout=120_000)
    page.wait_for_function("() => document.body.innerText.includes('binary content')", timeout=120_000)
    listed = page.locator("#docs").inner_text()
    assert "budget_note.txt" in listed and "scan.txt" not in listed
    assert all(f"00{i}_" in listed for i in range(5))  # nothing indexed before was lost
    page.get_by_role("tab", name="Chat").click()
    answer = ask(page, "How much is the reassurance force budget for its first year?", 0)
    assert "4.2 billion" in answer.inner_text()
    assert off_machine(page.requests) == []


def test_chats_persist_and_export(server: str, page: Any) -> None:
    ask(page, HQ, 0)
    page.reload()
    page.wait_for_selector("#ask textarea", timeout=60_000)
    page.get_by_label("Saved chats").click()
    page.get_by_role("option").first.click()
    page.wait_for_selector("#chat .answer", timeout=30_000)
    assert "Paris" in page.locator("#chat .answer").first.inner_text()
    page.get_by_role("button", name="Export as Markdown").click()
    link = page.locator("a[download]").first
    link.wait_for(timeout=30_000)
    with page.expect_download() as info:
        link.click()
    markdown = Path(info.value.path()).read_text()
    assert "## Where is the HQ and when does it rotate?" in markdown and "> A permanent" in markdown


def test_a_quoted_list_keeps_its_items_on_their_own_lines(page: Any) -> None:
    answer = ask(page, "What are the three tasks of the Multinational Force Ukraine?", 0)
    lines = [line.strip() for line in answer.inner_text().splitlines()]
    assert any(line.startswith("- Secure Ukrainian airspace") for line in lines), lines
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "list.png"), full_page=True)
