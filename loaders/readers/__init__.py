"""Readers: one module per file format, each turning a file into a ``loaders.document.DocumentOutline``."""
