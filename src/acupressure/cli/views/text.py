"""Text that is never cut: label and paragraph side by side, the paragraph folded under
itself. Rich wraps only at spaces, so a Chinese paragraph after a label on the same line
would start on the next line; in its own column it starts beside the label and folds."""

from __future__ import annotations

from rich.padding import Padding
from rich.table import Table
from rich.text import Text


def labelled(rows: list[tuple[str, str]], style: str = "", indent: int = 2) -> Padding:
    """Each label, then its text with a hanging indent; nothing truncated at any width."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold", ratio=1)
    for label, text in rows:
        grid.add_row(Text(label, style), Text(text, style))
    return Padding(grid, (0, 0, 0, indent))
