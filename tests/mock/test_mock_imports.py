"""The mock's modules import each other without cycles (imports under ``if TYPE_CHECKING:`` do
not count: they never run). Function-level imports count: a lazy import that closes a cycle is
still a cycle in the design (it was one between the application and the fault middleware).

Also: the mock imports nothing from the SDK, only the neutral ``scnet_hpc._service``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import scnet_hpc.mock

PACKAGE = "scnet_hpc.mock"
ROOT = Path(scnet_hpc.mock.__file__).parent
ALLOWED_FROM_SDK = {"scnet_hpc._service"}


def module_name(path: Path, root: Path = ROOT, package: str = PACKAGE) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([package, *parts])


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def import_graph(root: Path = ROOT, package: str = PACKAGE) -> dict[str, set[str]]:
    """Module -> the modules of the package it imports (a ``from pkg import sub`` is an edge to
    the submodule when ``sub`` is one, else to the package)."""
    modules = {module_name(p, root, package): p for p in sorted(root.rglob("*.py"))}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        here = name if is_package else name.rpartition(".")[0]
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = here.split(".")
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                    for alias in node.names
                ]
            top = package.partition(".")[0]
            graph[name].update(t for t in targets if t.partition(".")[0] == top)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (``[a, b, ..., a]``), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt in graph and nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def test_the_mock_has_no_import_cycles() -> None:
    graph = import_graph()
    assert len(graph) > 20  # the walk found the package's modules
    assert "scnet_hpc.mock.app.gateway" in graph["scnet_hpc.mock.app.faults"]
    assert find_cycle(graph) is None


def test_the_mock_imports_nothing_from_the_sdk() -> None:
    outside = {
        target
        for targets in import_graph().values()
        for target in targets
        if not target.startswith(PACKAGE + ".") and target != PACKAGE
    }
    assert outside <= ALLOWED_FROM_SDK


def test_the_cycle_check_finds_a_cycle(tmp_path: Path) -> None:
    # The check can fail: the cycle the mock had (application <-> faults, one side lazy).
    pkg = tmp_path / "pkg"
    (pkg / "app").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "app" / "__init__.py").write_text("")
    (pkg / "app" / "application.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from .state import State\n"
        "def create_app():\n    from .faults import Middleware\n"
    )
    (pkg / "app" / "faults.py").write_text("from .application import create_app\n")
    (pkg / "app" / "state.py").write_text("from . import application\n")
    graph = import_graph(pkg, "pkg")
    assert find_cycle(graph) == ["pkg.app.application", "pkg.app.faults", "pkg.app.application"]
    (pkg / "app" / "faults.py").write_text("from .gateway import page\n")  # the fix
    (pkg / "app" / "gateway.py").write_text("page = 1\n")
    assert find_cycle(import_graph(pkg, "pkg")) is None  # TYPE_CHECKING edges do not count
