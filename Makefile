# Quick start: `make run` (set up, index seeds/, start the product) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml Makefile | sha1sum | cut -c1-12)
QUESTION ?= Where is the HQ and when does it rotate?

.PHONY: setup index run chat test lint typecheck bench eval clean

setup: $(STAMP)

# torch first, pinned: 2.13.0 resolves to the CPU build kept on this kind of machine, while an
# unpinned torch (pulled in by sentence-transformers) would download several GB of CUDA packages.
$(STAMP):
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[ui,dev]'
	@# The browser tests drive Debian's chromium (no browser download): install it when missing.
	command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -q && apt-get install -y -q chromium; } \
		|| echo "warning: install Debian's chromium package for the browser tests"
	rm -f $(VENV)/.installed-*
	touch $@

index: setup
	$(BIN)/rag index

# Answers the HQ question in the terminal, then serves the chat at http://127.0.0.1:7860
run: index
	$(BIN)/rag ask "$(QUESTION)"
	$(BIN)/rag ui --port 7860

chat: index
	$(BIN)/rag chat

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest

bench: index
	$(BIN)/python scripts/bench.py

eval: setup
	$(BIN)/rag eval ../shared/eval/seeds_dev_qa.jsonl --corpus seeds --index /tmp/rag-eval-seeds

clean:
	rm -rf $(VENV) index/v-* index/CURRENT
