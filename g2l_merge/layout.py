"""The runnable layout: the folders of the Databricks repository that converted code needs on its Python path.

Converted jobs `import glue_compat` (the mirror puts glue_compat.py at `[target] root`) and import the Glue
library modules by the top-level names Glue's `--extra-py-files` gave them (`from risk_common import ...` for
`lib/risk_common.py`). `python <root>/jobs/job.py`, which is how Databricks runs a Python script task, puts only
the job's own folder on `sys.path`, so those imports resolve only when the layout's folders are on the Python
path of the driver and of the Spark Python workers (PYTHONPATH). This module computes those folders from the
repository's files alone: a pure function over paths and source texts.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from posixpath import dirname, join


@dataclass(frozen=True)
class Layout:
    """`folders`: relative to the repository's top ("." for the top itself), in the order they go on the path.
    `modules`: the repository files that some scanned file imports (library modules, not jobs).
    `notes`: what a person should know (a module name found in two folders)."""

    folders: tuple[str, ...]
    modules: frozenset[str]
    notes: tuple[str, ...]


def python_path(files: Mapping[str, str | None], root: str, entry_points: Iterable[str]) -> Layout:
    """The folders `entry_points` (converted jobs, paths relative to the repository's top) need on the Python
    path, given every .py file of the repository (`files`: path -> text, None when it cannot be read).

    `root` (`[target] root`, where glue_compat.py lives) always comes first. Then, for each absolute import
    whose first name is no standard-library module and does not resolve from a folder already on the path,
    the folder holding a module or package of that name (the shortest path wins; a name found in several
    folders is a note). The modules found are scanned in turn, so a library module's own imports count too.
    """
    root_folder = _folder(root)
    providers = _providers(files)
    folders = [root_folder]
    modules: set[str] = set()
    notes: list[str] = []
    todo = sorted(entry_points)
    scanned: set[str] = set()
    while todo:
        path = todo.pop(0)
        if path in scanned:
            continue
        scanned.add(path)
        for dotted in _imports(files.get(path)):
            top = dotted.split(".")[0]
            if top in sys.stdlib_module_names or top == "__future__":
                continue
            found = next((f for f in folders if top in providers.get(f, {})), None)
            if found is None:
                candidates = sorted((f for f, names in providers.items() if top in names), key=_rank)
                if not candidates:
                    continue  # an installed package (pyspark) or a module the repository does not have
                found = candidates[0]
                folders.append(found)
                if len(candidates) > 1:
                    others = ", ".join(_shown(f) for f in candidates[1:])
                    notes.append(f"module {top!r} is in {_shown(found)} and {others}: {_shown(found)} comes first")
            for module in _module_files(files, found, dotted):
                modules.add(module)
                todo.append(module)
    return Layout(tuple(folders), frozenset(modules), tuple(notes))


def _folder(root: str) -> str:
    return root.strip("/") or "."


def _shown(folder: str) -> str:
    return "the repository's top" if folder == "." else f"{folder}/"


def _rank(folder: str) -> tuple[int, str]:
    return (0 if folder == "." else folder.count("/") + 1, folder)


def _providers(files: Iterable[str]) -> dict[str, set[str]]:
    """folder -> the top-level module names importable from it: `name.py` files and package folders (with or
    without __init__.py: Python 3 imports namespace packages too)."""
    found: dict[str, set[str]] = {}
    for path in files:
        if not path.endswith(".py"):
            continue
        parts = path.split("/")
        name = parts[-1].removesuffix(".py")
        if name.isidentifier():
            found.setdefault(_folder(dirname(path)), set()).add(name)
        for depth in range(len(parts) - 1):  # every folder above the file is a (namespace) package of its parent
            if parts[depth].isidentifier():
                found.setdefault(_folder("/".join(parts[:depth])), set()).add(parts[depth])
    return found


def _module_files(files: Mapping[str, str | None], folder: str, dotted: str) -> list[str]:
    """The repository files `import dotted` runs, found from `folder`: each package's __init__.py and the
    module itself."""
    base = "" if folder == "." else folder
    parts = dotted.split(".")
    found = []
    for depth in range(1, len(parts) + 1):
        stem = join(base, *parts[:depth])
        found += [p for p in (f"{stem}.py", f"{stem}/__init__.py") if p in files]
    return found


def _imports(text: str | None) -> list[str]:
    """The absolute imports of a module, in order (`import a.b` -> a.b; `from a.b import c` -> a.b and a.b.c,
    as c may be a submodule). Relative imports resolve inside their package and add no folder."""
    if not text:
        return []
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return []
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.append(node.module)
            found += [f"{node.module}.{alias.name}" for alias in node.names if alias.name != "*"]
    return found
