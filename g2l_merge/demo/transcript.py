"""The demo's shell: runs git and `git g2l-sync` in the sample repositories, echoing each command.

Commands are echoed as a person would type them, prefixed by the folder they run in
(`risk-engine-dbx$ git g2l-sync sync`), followed by their output.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from g2l_merge import git
from g2l_merge.errors import G2lError


class Person(NamedTuple):
    name: str
    email: str


class DemoRepo(NamedTuple):
    folder: Path
    author: Person  # who makes this repository's hand-made commits in the story

    @property
    def name(self) -> str:
        return self.folder.name


class Transcript:
    """Echoes headings, notes and commands; runs the commands in the demo's repositories."""

    def __init__(self, echo: Callable[[str], None], g2l_user: Person) -> None:
        self._echo = echo
        self._started = False
        self.g2l_env = _identity_env(g2l_user)

    def echo(self, text: str) -> None:
        self._started = True
        self._echo(text)

    def heading(self, text: str) -> None:
        self.echo(f"\n== {text} ==" if self._started else f"== {text} ==")

    def note(self, text: str) -> None:
        self.echo(f"# {text}")

    def git(self, repo: DemoRepo, *args: str) -> str:
        """Run git as the repository's author (identity passed per call, no config written)."""
        self.echo(f"{repo.name}$ git {shlex.join(args)}")
        identity = ("-c", f"user.name={repo.author.name}", "-c", f"user.email={repo.author.email}")
        output = git.run_in(repo.folder, *identity, *args)
        self._show(output)
        return output

    def g2l(self, repo: DemoRepo, *args: str, expect: int = 0) -> str:
        """Run `git g2l-sync ARGS` in a subprocess; any exit code but `expect` stops the demo."""
        command = f"git g2l-sync {shlex.join(args)}"
        self.echo(f"{repo.name}$ {command}")
        proc = subprocess.run(
            [sys.executable, "-m", "g2l_merge", *args],
            cwd=repo.folder,
            env=self.g2l_env,
            capture_output=True,
            text=True,
            check=False,
        )
        self._show(proc.stdout + proc.stderr)
        if proc.returncode != expect:
            raise G2lError(f"demo stopped: `{command}` in {repo.folder} exited {proc.returncode}, expected {expect}")
        if proc.returncode:
            self.echo(f"(exit {proc.returncode})")
        return proc.stdout

    def _show(self, output: str) -> None:
        if output.strip():
            self.echo(output.rstrip("\n"))


def _identity_env(person: Person) -> dict[str, str]:
    """The environment of `git g2l-sync` runs: `person` commits, unless GIT_AUTHOR_* etc. are set.

    Like `-c user.name=...` for the demo's own git commands: it wins over git config (so the
    demo works where no identity is configured) and loses to the environment.
    """
    env = dict(os.environ)
    for role in ("AUTHOR", "COMMITTER"):
        env.setdefault(f"GIT_{role}_NAME", person.name)
        env.setdefault(f"GIT_{role}_EMAIL", person.email)
    return env
