"""Offline cited-answer assistant: ask questions of a folder of documents, get cited answers."""

__version__ = "0.1.0"
