"""The g2l.toml patterns ([source] include/exclude, [protect] native) match file paths as .gitattributes does.

The oracle is git itself: the patterns go into a temporary repository's .gitattributes, one attribute each,
and `git check-attr` says which paths carry which attribute. Nothing of g2l_merge's matcher is reused.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from g2l_merge import config as cfg
from g2l_merge.errors import G2lError


class GitAttributes:
    """A repository whose .gitattributes is rewritten for every question."""

    def __init__(self, path: Path) -> None:
        self.path = path
        subprocess.run(["git", "init", "-q", str(path)], check=True)

    def matching(self, patterns: Sequence[str], paths: Sequence[str]) -> dict[str, set[str]]:
        """pattern -> the paths git gives that pattern's attribute."""
        names = [f"g2l-p{i}" for i in range(len(patterns))]
        lines = "".join(f"{pattern} {name}\n" for pattern, name in zip(patterns, names, strict=True))
        (self.path / ".gitattributes").write_text(lines)
        proc = subprocess.run(
            ["git", "check-attr", "-z", "--stdin", *names],
            cwd=self.path,
            input="".join(path + "\0" for path in paths).encode(),
            capture_output=True,
            check=True,
        )
        fields = proc.stdout.decode().split("\0")[:-1]
        found: dict[str, set[str]] = {pattern: set() for pattern in patterns}
        for i in range(0, len(fields), 3):
            path, name, info = fields[i : i + 3]
            if info == "set":
                found[patterns[int(name.removeprefix("g2l-p"))]].add(path)
        return found


@pytest.fixture(scope="module")
def attributes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GitAttributes]:
    yield GitAttributes(tmp_path_factory.mktemp("attributes"))


def ours(patterns: Sequence[str], paths: Sequence[str]) -> dict[str, set[str]]:
    return {pattern: {path for path in paths if cfg.matches(path, (pattern,))} for pattern in patterns}


PATHS = [
    "a.py",
    "jobs/a.py",
    "jobs/daily/a.py",
    "lib/jobs/a.py",
    "jobs",
    "lib/jobs",
    "jobs.py",
    "a.py/readme.md",
    "monitoring/alerts/x.sql",
    "monitoring",
    "src/monitoring/x.py",
    "tests/test_a.py",
    "lib/tests/test_a.py",
    "b.py",
    "ab.py",
    "x]y",
    "a*b",
    "caf\u00e9.py",
]

CASES = {
    # pattern: the PATHS it matches (git's answer, also checked against git below)
    "*.py": {p for p in PATHS if p.endswith(".py")},
    "a.py": {"a.py", "jobs/a.py", "jobs/daily/a.py", "lib/jobs/a.py"},  # no slash: the name, at any depth
    "/a.py": {"a.py"},  # a leading slash anchors at the top
    "jobs": {"jobs", "lib/jobs"},  # a folder's files are not matched by its name (unlike .gitignore)
    "jobs/*.py": {"jobs/a.py"},  # a middle slash anchors; `*` stays in one folder
    "jobs/**": {"jobs/a.py", "jobs/daily/a.py"},
    "jobs/**/a.py": {"jobs/a.py", "jobs/daily/a.py"},  # `/**/` spans zero or more folders
    "**/jobs/*.py": {"jobs/a.py", "lib/jobs/a.py"},
    "**/tests/**": {"tests/test_a.py", "lib/tests/test_a.py"},
    "monitoring/**": {"monitoring/alerts/x.sql"},
    "j**s/*.py": {"jobs/a.py"},  # `**` inside a name is a `*`
    "?.py": {"a.py", "jobs/a.py", "jobs/daily/a.py", "lib/jobs/a.py", "b.py", "src/monitoring/x.py"},
    "[ab].py": {"a.py", "jobs/a.py", "jobs/daily/a.py", "lib/jobs/a.py", "b.py"},
    "[!a].py": {"b.py", "src/monitoring/x.py"},
    "[a-\\b].py": {"a.py", "jobs/a.py", "jobs/daily/a.py", "lib/jobs/a.py", "b.py"},  # escapes work in ranges
    "[]]*": set(),  # `]` first in a class is a literal `]`: no name here starts with one
    "x[]]y": {"x]y"},
    "a\\*b": {"a*b"},  # a backslash makes the next character literal
    "caf?.py": set(),  # git matches bytes: `?` is one byte, and \u00e9 is two in UTF-8
    "caf??.py": {"caf\u00e9.py"},
    "**": set(PATHS),
}


@pytest.mark.parametrize("pattern", list(CASES))
def test_named_patterns_match_what_git_matches(pattern: str, attributes: GitAttributes) -> None:
    assert ours([pattern], PATHS)[pattern] == CASES[pattern]
    assert attributes.matching([pattern], PATHS)[pattern] == CASES[pattern]


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("!jobs/*.py", "cannot start with '!'"),
        ("jobs/", "ends with '/', which matches folders, not files: write 'jobs/**'"),
        ("jobs/[a", "has a '[' without its closing ']'"),
        ("jobs/[a-\\", "has a '[' without its closing ']'"),
        ("jobs/[\\", "has a '[' without its closing ']'"),
        ("[[:digit:]].py", "uses a [:class:] inside [...]"),
        ("jobs\\/a.py", "has '\\/'"),
        ("jobs\\", "ends with a lone '\\'"),
        ("../jobs/**", "must be a relative path inside the repository"),
        ("//etc/*", "must be a relative path inside the repository"),
        ("", "must be a relative path inside the repository"),
    ],
)
def test_unsupported_patterns_are_config_errors_naming_the_key(pattern: str, problem: str) -> None:
    text = f"[source]\nrepo = '../glue'\n[protect]\nnative = [{cfg.toml_string(pattern)}]\n"
    with pytest.raises(G2lError) as error:
        cfg.load(text)
    assert str(error.value).startswith(f"g2l.toml: [protect] native pattern {pattern!r} {problem}")


def test_a_leading_slash_anchors_and_is_accepted() -> None:
    loaded = cfg.load("[source]\nrepo = '../glue'\ninclude = ['/main.py']\n")
    assert cfg.selected("main.py", loaded.source) and not cfg.selected("jobs/main.py", loaded.source)


def test_an_escaped_folder_matches_only_itself(attributes: GitAttributes) -> None:
    folder = "risk[1]/a*b?\\c"
    pattern = cfg.escape_glob(folder) + "/**"
    paths = [f"{folder}/x.py", "risk1/axb?\\c/x.py", "risk[1]/ab?\\c/x.py", f"{folder}/deep/y.py", "x.py"]
    assert ours([pattern], paths) == attributes.matching([pattern], paths) == {pattern: {paths[0], paths[3]}}


SEGMENT = st.text(alphabet="ab.]*\u00e9", min_size=1, max_size=3).filter(lambda s: s not in (".", ".."))
PATH = st.lists(SEGMENT, min_size=1, max_size=4).map("/".join)
PATTERN = st.text(alphabet="ab/*?[]!-.\\\u00e9", min_size=1, max_size=8)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(patterns=st.lists(PATTERN, min_size=1, max_size=8), paths=st.lists(PATH, min_size=1, max_size=16))
def test_random_patterns_match_what_git_matches(
    patterns: list[str], paths: list[str], attributes: GitAttributes
) -> None:
    patterns = [p for p in dict.fromkeys(patterns) if cfg.pattern_problem(p) is None]
    assume(patterns)
    assert ours(patterns, paths) == attributes.matching(patterns, paths)
