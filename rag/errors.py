"""The project's one error class: a message a person can act on."""

from __future__ import annotations


class RagError(Exception):
    """A user-facing failure: `str(err)` is one line that says what happened and what to do next.

    >>> str(RagError("No index at index/", hint="build it with 'rag index'"))
    "No index at index/ - build it with 'rag index'"
    """

    def __init__(self, message: str, hint: str = "") -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message} - {hint}" if hint else message)


class IndexStateError(RagError):
    """The index is missing, stale, damaged or built with another model."""


class ModelError(RagError):
    """A model file is missing or cannot be loaded."""


class InputError(RagError):
    """The user's input (question, file, flag) cannot be used."""
