"""Security properties read from the source itself: no shell anywhere, processes only through git.py."""

from __future__ import annotations

import ast
from pathlib import Path

import g2l_merge
from conftest import Story, g2l

PACKAGE = Path(g2l_merge.__file__).parent


def _modules() -> list[tuple[str, ast.Module]]:
    return [
        (str(path.relative_to(PACKAGE)), ast.parse(path.read_text(), str(path)))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def test_no_module_runs_a_shell() -> None:
    found = []
    for name, tree in _modules():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.keyword)
                and node.arg == "shell"
                and not (isinstance(node.value, ast.Constant) and node.value.value is False)
            ):
                found.append(f"{name}:{node.lineno} shell=")
            if (
                isinstance(node, ast.Attribute)
                and node.attr in ("system", "popen", "spawnl", "spawnlp")
                and isinstance(node.value, ast.Name)
                and node.value.id == "os"
            ):
                found.append(f"{name}:{node.lineno} os.{node.attr}")
    assert found == []


ALLOWED = {
    "git.py": "every git command g2l-merge runs",
    "demo/transcript.py": "the demo runs `git g2l-sync` itself, as a user would, to print a real transcript",
    "pool.py": "the conversion pool: worker processes of this Python that convert files (no command runs)",
    "verify.py": "verify runs each converted job in a Python process of its own, as a Databricks script task runs",
}


def test_only_git_py_starts_processes() -> None:
    starters = {"subprocess", "pty", "multiprocessing"}
    found = []
    for name, tree in _modules():
        for node in ast.walk(tree):
            imported = []
            if isinstance(node, ast.Import):
                imported = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported = [node.module.split(".")[0]]
            if set(imported) & starters and name not in ALLOWED:
                found.append(f"{name}:{node.lineno}")
    assert found == []


def test_native_and_protect_never_write_outside_the_repository(story: Story, tmp_path: Path) -> None:
    dbx = story.dbx
    outside = tmp_path / "outside.py"
    outside.write_text("x = 1\ny = 2\n")
    (dbx.path / "risk_engine" / "link").symlink_to(tmp_path, target_is_directory=True)
    for args in (
        ["native", str(outside)],
        ["native", "risk_engine/link/outside.py"],
        ["protect", "risk_engine/link/outside.py", "--lines", "1-2"],
        ["protect", "../outside.py", "--lines", "1-2"],
        ["protect", ".git/config", "--lines", "1-1"],
    ):
        run = g2l(dbx.path, *args)
        assert run.code == 2, (args, run.output)
        assert "outside the repository" in run.output and "g2l-merge writes only inside it" in run.output, args
        assert len(run.output.splitlines()) == 1
    assert outside.read_text() == "x = 1\ny = 2\n"
