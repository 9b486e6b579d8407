"""The package is layered: no module imports, at run time, a module that
imports it back (type checkers may look anywhere, under ``if TYPE_CHECKING``),
and imports sit at the top of modules, except for the optional heavy
dependencies, which are imported only when a feature needs them."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "python" / "tocgraph"
#: Imported inside functions, so that `import tocgraph` does not load them.
OPTIONAL = {"pandas", "numpy", "networkx", "matplotlib", "openpyxl", "yaml"}  # numpy comes with pandas


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_imports(tree: ast.Module, package: str) -> set[str]:
    """The package modules a module imports when it runs (not under TYPE_CHECKING)."""
    found: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If) and is_type_checking(node):
                visit(node.orelse)
            elif isinstance(node, ast.ImportFrom) and node.level > 0:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
                if node.module:
                    found.add(target)
                else:
                    found.update(f"{target}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names if alias.name.startswith("tocgraph"))
            elif isinstance(node, (ast.If, ast.Try)):
                visit(node.body)
                visit(getattr(node, "orelse", []))

    visit(tree.body)
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        edges[name] = {m for m in runtime_imports(tree, package) if m in modules and m != name}
    return edges


def find_cycle(edges: dict[str, set[str]]) -> list[str]:
    """One import cycle, as the modules along it (the first repeated at the end), or []."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(module: str) -> list[str]:
        state[module] = 1
        path.append(module)
        for target in sorted(edges[module]):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state and (cycle := walk(target)):
                return cycle
        path.pop()
        state[module] = 2
        return []

    for module in sorted(edges):
        if module not in state and (cycle := walk(module)):
            return cycle
    return []


def test_there_is_no_import_cycle() -> None:
    edges = graph()
    assert "tocgraph._toc" in edges["tocgraph"]  # the walk sees the package
    assert find_cycle(edges) == []


def test_the_cycle_finder_finds_cycles() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_feature_modules_do_not_import_the_theory_of_change_class() -> None:
    edges = graph()
    below = [m for m, targets in edges.items() if "tocgraph._toc" in targets and m != "tocgraph"]
    assert below == []


def test_imports_inside_functions_are_only_optional_dependencies() -> None:
    local: list[str] = []
    for path in PACKAGE.rglob("*.py"):
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom):
                    names = [("." * node.level) + (node.module or "")]
                else:
                    continue
                local += [f"{path.name}: {n}" for n in names if n.split(".")[0] not in OPTIONAL]
    assert local == []
