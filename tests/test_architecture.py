"""The boundaries the design draws, read from the source: who runs git, who prints and exits, what the hot
paths import, and which way the converter and the sync side depend on each other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import g2l_merge

PACKAGE = Path(g2l_merge.__file__).parent
MODULES = {
    ".".join(("g2l_merge", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__"): path
    for path in sorted(PACKAGE.rglob("*.py"))
}
RUNTIME_SUPPORT = "g2l_merge.convert.compat.glue_compat"  # copied into the Databricks repository, runs on Spark


def _tree(module: str) -> ast.Module:
    return ast.parse(MODULES[module].read_text(), str(MODULES[module]))


def _absolute(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".")
    if MODULES[module].name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(module: str, *, top_level_only: bool) -> set[str]:
    """Modules `module` imports; with top_level_only, only those that run when it is imported (not the ones
    inside functions, which load on first use, nor those under `if TYPE_CHECKING`)."""
    tree = _tree(module)
    nodes = _top_level(tree.body) if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, node)
            found.add(source)
            found.update(f"{source}.{alias.name}" for alias in node.names if f"{source}.{alias.name}" in MODULES)
    return found


def _top_level(body: list[ast.stmt]) -> list[ast.stmt]:
    statements: list[ast.stmt] = []
    for node in body:
        if isinstance(node, ast.If):
            if not (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"):
                statements += _top_level(node.body) + _top_level(node.orelse)
        elif isinstance(node, ast.Try):
            statements += _top_level(node.body)
        else:
            statements.append(node)
    return statements


def _loaded_on_import(module: str) -> set[str]:
    """Everything importing `module` loads: its top-level imports, followed through the package (a package's
    __init__ runs first)."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        parts = current.split(".")
        parents = [".".join(parts[:i]) for i in range(1, len(parts))]
        todo += [p for p in parents if p in MODULES]
        if current in MODULES:
            todo += list(_imports(current, top_level_only=True))
    return seen


def _root(name: str) -> str:
    return name.split(".")[0]


def test_the_import_reader_sees_lazy_and_eager_imports_apart() -> None:
    """The oracle for the tests below: entry.py loads the sync engine only inside its commands."""
    assert "g2l_merge.sync" in _imports("g2l_merge.entry", top_level_only=False)
    assert "g2l_merge.sync" not in _loaded_on_import("g2l_merge.entry")
    assert "g2l_merge.convert.engine" in _imports("g2l_merge.pool", top_level_only=False)
    assert "g2l_merge.convert.engine" not in _loaded_on_import("g2l_merge.mirror")


def test_the_sync_engine_loads_the_converter_only_when_a_file_converts() -> None:
    """An up-to-date sync converts nothing: importing the sync side must not load libcst (about half a second)."""
    loaded = _loaded_on_import("g2l_merge.sync") | _loaded_on_import("g2l_merge.history")
    assert {name for name in loaded if _root(name) in ("libcst", "git", "gitdb")} == set()
    assert {name for name in loaded if name.startswith("g2l_merge.convert")} == {
        "g2l_merge.convert",
        "g2l_merge.convert.findings",
    }


@pytest.mark.parametrize("entry", ["g2l_merge.cli", "g2l_merge.check", "g2l_merge.driver"])
def test_the_hook_and_merge_driver_paths_load_neither_libcst_nor_gitpython_nor_typers_dispatch(entry: str) -> None:
    """`check` runs on every commit and the merge driver once per file of a merge: importing libcst, GitPython
    or typer's dispatch (pydantic, rich) costs more than the work itself."""
    loaded = _loaded_on_import(entry)
    heavy = {name for name in loaded if _root(name) in ("libcst", "git", "gitdb", "pydantic", "rich")}
    heavy |= {name for name in loaded if name == "typer.main"}
    assert heavy == set()
    assert not {name for name in loaded if name.startswith("g2l_merge.convert")}, "the converter loads libcst"


def test_the_console_script_loads_no_typer_before_it_knows_the_command() -> None:
    """`check`, `status` and `sync` are parsed in entry.py; typer and click (about 50 ms) load only for the
    other commands, inside main()."""
    loaded = _loaded_on_import("g2l_merge.entry")
    assert {name for name in loaded if _root(name) in ("typer", "click", "rich", "pydantic", "libcst")} == set()
    assert "g2l_merge.cli" in _imports("g2l_merge.entry", top_level_only=False)
    assert "g2l_merge.cli" not in loaded


def test_the_converter_never_imports_the_sync_side() -> None:
    """convert/ is a library of its own (the `convert` command uses it without git). It shares only the
    configuration format (its [convert] section) and the error type."""
    shared = {"g2l_merge", "g2l_merge.config", "g2l_merge.errors"}
    sync_side = {name for name in MODULES if not name.startswith("g2l_merge.convert")} - shared
    found = {
        (module, imported)
        for module in MODULES
        if module.startswith("g2l_merge.convert")
        for imported in _imports(module, top_level_only=False)
        if imported in sync_side or imported in ("git", "typer")
    }
    assert found == set()


EXITS = {("sys", "exit"), ("os", "_exit"), ("typer", "echo"), ("typer", "Exit"), ("sys", "stdout"), ("sys", "stderr")}


def _prints_or_exits(module: str) -> list[str]:
    found = []
    for node in ast.walk(_tree(module)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("print", "exit", "quit"):
            found.append(f"{node.func.id}() on line {node.lineno}")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and (node.value.id, node.attr) in EXITS:
            found.append(f"{node.value.id}.{node.attr} on line {node.lineno}")
        if isinstance(node, ast.Raise) and isinstance(node.exc, (ast.Name, ast.Call)):
            name = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(name, ast.Name) and name.id in ("SystemExit", "KeyboardInterrupt"):
                found.append(f"raise {name.id} on line {node.lineno}")
    return found


def test_the_checker_finds_printing_and_exiting() -> None:
    assert _prints_or_exits("g2l_merge.cli")  # the boundary itself does both
    assert _prints_or_exits("g2l_merge.entry")


@pytest.mark.parametrize("module", sorted(set(MODULES) - {"g2l_merge.cli", "g2l_merge.entry", RUNTIME_SUPPORT}))
def test_nothing_below_the_cli_prints_or_exits(module: str) -> None:
    """Results are values and problems are G2lError: only cli.py and entry.py (the console script's fast
    paths) turn them into output and exit codes."""
    assert _prints_or_exits(module) == []


def _private_git_calls(module: str) -> list[str]:
    return [
        f"git.{node.attr} on line {node.lineno}"
        for node in ast.walk(_tree(module))
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "git"
        and node.attr.startswith("_")
    ]


def test_git_commands_are_named_functions_of_git_py() -> None:
    """No module passes raw git arguments: git.py's runner is private, its callers name what they ask."""
    tree = _tree("g2l_merge.git")
    public = {n.name for n in tree.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")}
    assert {"run", "out", "rev_list"} & public == set()
    assert {module: _private_git_calls(module) for module in MODULES if _private_git_calls(module)} == {}


def test_a_sync_loads_the_rules_only_when_it_converts() -> None:
    """An up-to-date sync converts nothing: the rules (libcst.matchers alone costs 0.2 s) load on first use."""
    loaded = _loaded_on_import("g2l_merge.sync") | _loaded_on_import("g2l_merge.cli")
    assert not {name for name in loaded if name.startswith("g2l_merge.convert.rules") or name == "libcst.matchers"}
    assert "g2l_merge.pr" not in loaded  # sync --pr's forge clients load only with --pr


def test_status_and_log_load_no_converter() -> None:
    """`status` reads the mirror's history and the target's markers: libcst would cost more than the answer."""
    loaded = _loaded_on_import("g2l_merge.history") - {"g2l_merge.convert", "g2l_merge.convert.findings"}
    assert not {name for name in loaded if name.startswith("g2l_merge.convert") or _root(name) in ("libcst", "git")}
