"""Loaders: role documents in, ``ParsedDocument`` objects out. They never touch a store.

Formats (see ``FORMATS``): ``catalog`` (plain-text role-blueprint catalog), ``blueprint``
(role-blueprint Markdown), ``job-family`` (GitLab-handbook job-family pages) and ``yaml``
(hand-curated role files) read text into roles; the readers of ``loaders.readers`` (HTML, DOCX,
ODT, PDF, RST, AsciiDoc, LaTeX, plain text, CSV, XLSX, JSON, YAML data, TOML, JavaScript data)
read bytes into a ``DocumentOutline`` that ``loaders.layouts`` interprets.
"""

from loaders.load import load_file, load_paths
from loaders.reading import DEFAULT_MAX_BYTES
from loaders.registry import FORMATS, detect_format

__all__ = ["DEFAULT_MAX_BYTES", "FORMATS", "detect_format", "load_file", "load_paths"]
