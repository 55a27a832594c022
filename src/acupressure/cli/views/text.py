"""Text that is never cut: label and paragraph side by side, the paragraph folded under
itself. Rich wraps only at spaces, so a Chinese paragraph after a label on the same line
would start on the next line; wrapped on its own, beside the label, it starts there and
folds. Only rich.text is needed (`acupressure point` loads no table)."""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.text import Text


class Labelled:
    """Each label, then its text with a hanging indent; nothing truncated at any width."""

    def __init__(self, rows: list[tuple[str, str]], style: str = "", indent: int = 2) -> None:
        self.rows = rows
        self.style = style
        self.indent = indent
        self.gutter = indent + max((cell_len(label) for label, _ in rows), default=0) + 1

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        room = max(options.max_width - self.gutter, 8)
        for label, text in self.rows:
            lines = Text(text, self.style).wrap(console, room, overflow="fold")
            for n, line in enumerate(lines):
                head = (" " * self.indent + label) if n == 0 else ""
                yield Text.assemble((head.ljust(self.gutter), self.style), line)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((cell_len(text) for _, text in self.rows), default=0)
        return Measurement(self.gutter + 8, self.gutter + widest).clamp(max_width=options.max_width)


def labelled(rows: list[tuple[str, str]], style: str = "", indent: int = 2) -> Labelled:
    return Labelled(rows, style, indent)
