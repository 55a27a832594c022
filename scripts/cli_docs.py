"""Keep docs/cli.md in step with the CLI's own help.

Each command's help sits in docs/cli.md between `<!-- help: NAME -->` and `<!-- /help -->`
(NAME is the command path after `acupressure`, or `acupressure` for the top level).
`python scripts/cli_docs.py` rewrites those blocks; `--check` fails when any is stale or
when a command has no block.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import typer
import typer.main
from typer.testing import CliRunner

from acupressure.cli import app

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
BLOCK = re.compile(r"(<!-- help: (?P<name>[\w -]+) -->\n)(?P<body>.*?)(<!-- /help -->)", re.S)


def commands() -> dict[str, list[str]]:
    root = typer.main.get_command(app)
    found: dict[str, list[str]] = {"acupressure": []}

    def walk(group: object, path: list[str]) -> None:
        if hasattr(group, "list_commands"):  # commands may be built on demand (LazyGroup)
            ctx = typer.Context(group)
            for name in sorted(group.list_commands(ctx)):
                found[" ".join([*path, name])] = [*path, name]
                walk(group.get_command(ctx, name), [*path, name])

    walk(root, [])
    return found


def help_text(args: list[str]) -> str:
    result = CliRunner().invoke(
        app, [*args, "--help"], terminal_width=88, env={"COLUMNS": "88", "LANGUAGE": "en"}
    )
    if result.exit_code != 0:
        raise SystemExit(f"`acupressure {' '.join(args)} --help` failed: {result.output}")
    return result.output.rstrip() + "\n"


def render(text: str) -> tuple[str, list[str]]:
    wanted = commands()
    seen: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        name = match.group("name").strip()
        seen.add(name)
        if name not in wanted:
            return match.group(0)
        body = "```text\n" + help_text(wanted[name]) + "```\n"
        return match.group(1) + body + match.group(4)

    new = BLOCK.sub(replace, text)
    problems = [f"docs/cli.md has no help block for `{n}`" for n in wanted if n not in seen]
    problems += [f"docs/cli.md documents `{n}`, which is no command" for n in seen - set(wanted)]
    return new, problems


def main() -> int:
    text = DOC.read_text(encoding="utf-8")
    new, problems = render(text)
    if "--check" in sys.argv:
        if new != text:
            problems.append("docs/cli.md is stale: run `python scripts/cli_docs.py`")
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    DOC.write_text(new, encoding="utf-8")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
