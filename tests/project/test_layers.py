"""The import rule: each layer imports only the layers below it, and no module cycles.

    i18n < body, layout < atlas < safety, charts, vision < plan < session < outcomes < program
         < exports, reminders < records < web, cli

(``i18n``: languages, below everything, since every layer produces text. ``outcomes``,
``program`` and ``exports``: layers of their own between session and web, as the design says:
questionnaires and their scoring; programs, which use them for the weekly summary; files
written from both. ``layout``: the label placer that the charts and the camera's photos share.
``records``: every person's records, the Django models and the services that change them,
which the web app and the terminal share; web and cli sit side by side and never import each
other, except that ``acupressure serve`` starts the web app.)

Every import counts, late ones inside functions and ``TYPE_CHECKING`` ones too. A new
package must be given its place in LAYERS before it can be imported by anything.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "acupressure"
LAYERS: dict[str, int] = {
    "i18n": -1,
    "geometry": -1,  # Vec: the one point-in-the-plane type of body, layout, charts, vision
    "paths": 0,  # where personal data lives (ACUPRESSURE_DATA_DIR): the one deciding function
    "body": 0,
    "layout": 0,
    "atlas": 1,
    "safety": 2,
    "charts": 2,
    "vision": 2,
    "plan": 3,
    "session": 4,
    "outcomes": 5,
    "program": 6,
    "exports": 7,
    "reminders": 7,  # when reminders fire and what they say (pure); the web app sends them
    "records": 8,  # the Django models, stores and services: what the web and the CLI share
    "web": 9,
    "cli": 9,
}
# Peers never import each other, but for these: `acupressure serve` (and its gunicorn
# workers) start the web app, and nothing else of the web.
PEER_IMPORTS_ALLOWED = {
    "acupressure.cli.serve": ("acupressure.web.wsgi", "acupressure.web.staticbuild"),
    "acupressure.cli.workers": ("acupressure.web.wsgi",),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "migrations" not in p.parts}


def imports(path: Path) -> Iterator[str]:
    """Every acupressure module the file imports (``from acupressure import x`` -> ``.x``)."""
    known = modules()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("acupressure"))
        elif (
            isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "acupressure"
        ):
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                yield sub if sub in known else str(node.module)


def package_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def test_every_package_has_a_layer() -> None:
    packages = {package_of(m) for m in modules()} - {None, "__main__"}
    assert packages <= LAYERS.keys(), f"give these a layer: {packages - LAYERS.keys()}"


def test_no_layer_imports_a_higher_one_or_a_peer() -> None:
    wrong: list[str] = []
    for name, path in modules().items():
        here = package_of(name)
        if here is None or here == "__main__":
            continue
        for target in imports(path):
            there = package_of(target)
            if there is None or there == here:
                continue
            if there not in LAYERS:
                wrong.append(f"{name} imports {target}, a package without a layer")
            elif LAYERS[there] > LAYERS[here]:
                wrong.append(f"{name} ({here}) imports {target} ({there}), a higher layer")
            elif LAYERS[there] == LAYERS[here] and target not in PEER_IMPORTS_ALLOWED.get(name, ()):
                wrong.append(f"{name} ({here}) imports {target} ({there}), a peer")
    assert not wrong, "\n".join(wrong)


def test_only_serve_starts_the_web_app() -> None:
    """The terminal reaches people's records through ``records``; of the web it imports the
    WSGI app and the static build, and only in the modules that start the server."""
    reached = {
        (name, target)
        for name, path in modules().items()
        if package_of(name) == "cli"
        for target in imports(path)
        if package_of(target) == "web"
    }
    assert reached, "serve starts the web app: the checker must see that import"
    assert all(target in PEER_IMPORTS_ALLOWED.get(name, ()) for name, target in reached)
    records = [
        n
        for n, p in modules().items()
        if package_of(n) == "records"
        for t in imports(p)
        if package_of(t) in ("web", "cli")
    ]
    assert not records


def test_no_import_cycles_between_modules() -> None:
    """Package ``__init__`` files re-export their modules, so an edge from a module into its
    own package's ``__init__`` is not counted; every other cycle is a defect."""
    known = modules()
    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        for target in imports(path):
            own_init = name.startswith(target + ".")
            if target in known and target != name and not own_init:
                graph[name].add(target)
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


def test_the_checker_sees_a_late_import(tmp_path: Path) -> None:
    late = tmp_path / "late.py"
    late.write_text("def f():\n    from acupressure import atlas\n    return atlas\n")
    assert list(imports(late)) == ["acupressure.atlas"]


def test_tests_use_only_public_modules() -> None:
    """Tests import neither private modules (``acupressure.x._y``) nor other test modules
    (helpers such as tests/doubles.py and tests/web/browser.py are modules, not tests)."""
    tests = PACKAGE.parents[1] / "tests"
    wrong: list[str] = []
    for path in sorted(tests.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                parts = name.split(".")
                private = parts[0] == "acupressure" and any(p.startswith("_") for p in parts)
                other_test = parts[0] == "tests" and (
                    parts[-1].startswith("test_") or parts[-1] == "conftest"
                )
                if private or other_test:
                    wrong.append(f"{path.relative_to(tests)} imports {name}")
    assert not wrong, "\n".join(wrong)
