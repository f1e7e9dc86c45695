"""LaTeX read through pandoc (no macro runs, nothing included): sections and itemize lists at their lines."""

from loaders.readers.markup import LATEX

SOURCE = r"""\documentclass{article}
\begin{document}
\section{Engineering levels}
\subsection{Senior Engineer}
Owns services end to end.
\begin{itemize}
  \item Mentors others
  \item \textbf{Reports to:} Engineering Manager
\end{itemize}
\input{/etc/passwd}
\end{document}
"""


def test_latex_sections_items_and_labels_at_their_lines():
    doc = LATEX.read(SOURCE.encode(), "levels.tex")
    assert [(b.kind, b.level, b.text, b.at.line) for b in doc.blocks] == [
        ("heading", 1, "Engineering levels", 3),
        ("heading", 2, "Senior Engineer", 4),
        ("paragraph", 0, "Owns services end to end.", 5),
        ("item", 1, "Mentors others", 7),
        ("item", 1, "Reports to: Engineering Manager", 8),
    ]
    assert (doc.blocks[-1].label, doc.blocks[-1].value) == ("Reports to", "Engineering Manager")
