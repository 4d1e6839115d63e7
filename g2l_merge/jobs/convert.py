"""`git g2l-sync convert job.json`: Glue job definitions named on the command line, as bundle job resources.

Each job's script is looked for among the .py files under the current folder (git's list in a repository, else
every one outside hidden folders), taken to keep its path from the current folder in the converted output; so
`convert --out` counts the current folder among the inputs' folders and puts the resources by their path from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from g2l_merge.config import Config, ConvertConfig, JobsConfig, SourceConfig
from g2l_merge.convert.command import ConvertedFile, ConvertRun, repository_root
from g2l_merge.errors import G2lError
from g2l_merge.jobs import review_lines
from g2l_merge.jobs.estate import Read, job_files
from g2l_merge.jobs.triggers import read_definitions_file


def convert_definitions(paths: Iterable[str], config: ConvertConfig, jobs: JobsConfig, cwd: Path) -> ConvertRun:
    """The resource file of every job and workflow the named definitions files hold, as a sync writes it; the
    files that cannot be read, and the jobs left out, are problems (exit 2)."""
    problems: list[str] = []
    read: Read = []
    for name in paths:
        try:
            read.append((name, read_definitions_file((cwd / name).read_bytes(), name)))
        except OSError as exc:
            problems.append(f"{name}: cannot read it ({exc.strerror})")
        except G2lError as error:
            problems.append(error.message)
    scripts = _python_files(cwd)
    settings = Config(SourceConfig("."), convert=config, jobs=jobs)
    made, left_out = job_files(read, scripts, _DiskTexts(cwd, scripts), settings)
    problems += [f"{finding.path}: {finding.message}" for finding in left_out]
    here = cwd.resolve()  # the resources' paths, and their scripts', are from the current folder
    files = tuple(
        ConvertedFile(
            path, "", text.decode("utf-8"), False, tuple(review_lines(path, text.decode("utf-8"))), here / path, here
        )
        for path, text in made.items()
    )
    return ConvertRun(files, tuple(problems))


def _python_files(cwd: Path) -> list[str]:
    if repository_root(cwd) is not None:
        from g2l_merge import git

        return [name for name in git.tracked_files_in(cwd) if name.endswith(".py")]
    found = (path.relative_to(cwd) for path in cwd.rglob("*.py") if path.is_file())
    return sorted(path.as_posix() for path in found if not any(part.startswith(".") for part in path.parts))


class _DiskTexts(Mapping[str, "str | None"]):
    """The text of each .py file, read when the layout asks for it."""

    def __init__(self, cwd: Path, files: list[str]) -> None:
        self._cwd = cwd
        self._files = files
        self._known = set(files)

    def __getitem__(self, path: str) -> str | None:
        if path not in self._known:
            raise KeyError(path)
        try:
            return (self._cwd / path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)
