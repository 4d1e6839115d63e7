"""`git g2l-sync convert` and `rules`: one-off conversion of files on disk, with no git involved.

The inputs are read and converted first; an input that is missing, not UTF-8 or not Python is a problem
(exit 2) and then nothing is written. Rendering (text, diff, JSON) is pure; cli.py prints it.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from g2l_merge.config import CONFIG_FILE, ConvertConfig, JobsConfig, load_convert_jobs
from g2l_merge.convert.engine import PARSE_RULE, Finding, convert_source, decode_source, encode_source
from g2l_merge.errors import G2lError


class ConvertedFile(NamedTuple):
    path: str  # as the user named it (posix), for messages
    source: str
    text: str  # the converted text
    bom: bool
    findings: tuple[Finding, ...]  # with `path` as above
    place: Path  # the file, its folders resolved (a symlinked file keeps its name)
    base: Path  # what it adds to the inputs' common folder: a named file's folder, a named folder itself, the
    # current folder for a job resource; --out DIR writes it at DIR / `place` from the deepest folder holding every base


class ConvertRun(NamedTuple):
    files: tuple[ConvertedFile, ...]
    problems: tuple[str, ...]  # `PATH:LINE: message` for inputs that cannot be converted (exit 2)

    @property
    def exit_code(self) -> int:
        if self.problems:
            return 2
        return 1 if any(f.findings for f in self.files) else 0


# -- configuration -----------------------------------------------------------------------------


def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds `.git` (a folder, or a file in worktrees)."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def find_config(cwd: Path, explicit: Path | None) -> tuple[ConvertConfig, JobsConfig]:
    """The [convert] and [jobs] settings of --config FILE, else of the g2l.toml at the root of the repository
    around `cwd`, else the defaults."""
    if explicit is not None:
        if not explicit.is_file():
            raise G2lError(f"{explicit}: no such file (--config)")
        return load_convert_jobs(explicit.read_text(encoding="utf-8"), str(explicit))
    root = repository_root(cwd)
    if root is None or not (root / CONFIG_FILE).is_file():
        return ConvertConfig(), JobsConfig()
    return load_convert_jobs((root / CONFIG_FILE).read_text(encoding="utf-8"), str(root / CONFIG_FILE))


# -- conversion --------------------------------------------------------------------------------


TAKES = "convert takes .py scripts, folders and job JSON"


def convert_paths(paths: Iterable[str], config: ConvertConfig, cwd: Path) -> ConvertRun:
    """Convert every named .py file (folders: their .py files); collect problems instead of stopping.
    Glue job definitions (`.json`) are not for this function: cli.py hands them to jobs/convert.py."""
    files: list[ConvertedFile] = []
    problems: list[str] = []
    for name, place, base in _expand(paths, cwd, problems):
        try:
            data = (cwd / name).read_bytes()
        except OSError as exc:
            problems.append(f"{name}: cannot read it ({exc.strerror})")
            continue
        converted = convert_file(name, data, config, _header_path(cwd / name, name), place, base)
        if isinstance(converted, str):
            problems.append(converted)
        else:
            files.append(converted)
    return ConvertRun(tuple(files), tuple(problems))


def _expand(paths: Iterable[str], cwd: Path, problems: list[str]) -> list[tuple[str, Path, Path]]:
    """The files to convert, each once, in the order named, with their place and base (ConvertedFile); a folder
    stands for its .py files outside hidden folders."""
    found: dict[Path, tuple[str, Path, Path]] = {}
    for name in paths:
        target = cwd / name
        if target.is_dir():
            folder = target.resolve()
            inside = [path for path in sorted(target.rglob("*.py")) if path.is_file() and not _hidden(path, target)]
            if not inside:
                problems.append(f"{name}: no .py files in this folder; {TAKES}")
            for path in inside:
                inner = path.relative_to(target)
                found.setdefault(path.resolve(), (_posix(Path(name) / inner), folder / inner, folder))
        elif not target.is_file():
            problems.append(f"{name}: no such file")
        elif not name.endswith(".py"):
            problems.append(f"{name}: not a Python file or a Glue job definition; {TAKES}")
        else:
            folder = target.parent.resolve()
            found.setdefault(target.resolve(), (_posix(Path(name)), folder / target.name, folder))
    return list(found.values())


def _hidden(path: Path, folder: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(folder).parts)


def _posix(path: Path) -> str:
    return PurePosixPath(path.as_posix()).as_posix()


def _header_path(path: Path, name: str) -> str:
    """The path the converted-from header names: relative to the file's git repository, as a sync writes it."""
    root = repository_root(path.resolve().parent)
    if root is None:
        return name
    return path.resolve().relative_to(root).as_posix()


def convert_file(
    name: str, data: bytes, config: ConvertConfig, header_path: str, place: Path, base: Path
) -> ConvertedFile | str:
    """One file's conversion, or the problem (`PATH:LINE: message`) that stops it."""
    source = decode_source(data)
    if isinstance(source, int):
        return f"{name}:{source}: not UTF-8; nothing converted"
    result = convert_source(source.text, header_path, config)
    if result.syntax is not None:
        line, column, reason = result.syntax
        return f"{name}:{line}:{column}: not valid Python ({reason}); nothing converted"
    for finding in result.findings:
        if finding.rule == PARSE_RULE:  # too big, or bytes the parser would not keep
            reason = finding.message.removesuffix(", carried over unchanged")
            return f"{name}:{finding.line}: {reason}; nothing converted"
    findings = tuple(finding._replace(path=name) for finding in result.findings)
    return ConvertedFile(name, source.text, result.text, source.bom, findings, place, base)


# -- output ------------------------------------------------------------------------------------


def output_paths(files: Iterable[ConvertedFile], out_dir: Path) -> dict[str, Path]:
    """Where --out DIR puts each file: DIR / its path from the inputs' common folder (ConvertedFile.base), as
    `2to3 --output-dir` does; an output that would land on an input is refused (exit 2), before anything is
    written."""
    files = list(files)
    if out_dir.exists() and not out_dir.is_dir():
        raise G2lError(f"{out_dir}: not a folder (--out DIR)")
    if not files:
        return {}
    common = Path(os.path.commonpath([file.base for file in files]))
    root = out_dir.resolve()
    inputs = {file.place.resolve(): file.path for file in files if file.path.endswith(".py")}  # not job resources
    targets = {}
    for file in files:
        target = root / file.place.relative_to(common)
        overwritten = inputs.get(target.resolve())
        if overwritten is not None:
            raise G2lError(
                f"{overwritten}: --out {out_dir} would write a converted file over this input; "
                "name another folder (git g2l-sync convert ... --out converted)"
            )
        targets[file.path] = target
    return targets


def written_names(targets: dict[str, Path], out_dir: Path) -> dict[str, str]:
    """Each input's written file as `--out DIR` names it (DIR as given, then its path under it): review items name
    it, as their lines are the written file's."""
    root = out_dir.resolve()
    return {path: (out_dir / target.relative_to(root)).as_posix() for path, target in targets.items()}


def written_summary(count: int, out_dir: Path) -> str:
    """The line `--out DIR` ends with on stderr: `wrote 3 files under DIR`."""
    return f"wrote {count} file{'' if count == 1 else 's'} under {out_dir.as_posix()}"


def write_outputs(files: Iterable[ConvertedFile], targets: dict[str, Path]) -> None:
    for file in files:
        target = targets[file.path]
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(encode_source(file.text, file.bom))
        except OSError as exc:
            raise G2lError(f"{target}: cannot write it ({exc.strerror})") from None


def render_text(files: tuple[ConvertedFile, ...]) -> str:
    """The converted texts; with several files, each after a `==> PATH <==` line."""
    if len(files) == 1:
        return files[0].text
    return "".join(f"==> {file.path} <==\n{_ended(file.text)}" for file in files)


def render_diff(files: Iterable[ConvertedFile]) -> str:
    """A unified diff per file, a/PATH -> b/PATH."""
    chunks: list[str] = []
    for file in files:
        before, after = _ended(file.source).splitlines(keepends=True), _ended(file.text).splitlines(keepends=True)
        chunks.extend(difflib.unified_diff(before, after, fromfile=f"a/{file.path}", tofile=f"b/{file.path}"))
    return "".join(chunks)


def render_json(files: Iterable[ConvertedFile]) -> str:
    """`{"files": [{"path", "findings": [{"path", "line", "rule", "message"}]}]}`; `line` is the converted
    file's: the line of the finding's `# g2l: review` comment in the converted text (engine.py, locate.py)."""
    return json.dumps(
        {
            "files": [
                {"path": file.path, "findings": [finding._asdict() for finding in file.findings]} for file in files
            ]
        },
        indent=2,
    )


def render_findings(files: Iterable[ConvertedFile], names: Mapping[str, str] | None = None) -> list[str]:
    """Review items as `PATH:LINE: RULE message`, one a line; LINE is the converted file's, and PATH the written
    file's when `names` (written_names) has it."""
    names = names or {}
    return [f"{names.get(f.path, f.path)}:{f.line}: {f.rule} {f.message}" for file in files for f in file.findings]


def _ended(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


def rules_table(rules: list[tuple[str, str, str]]) -> list[str]:
    """`G2L001  awsglue-imports  Remove awsglue imports...`, names padded to one column."""
    width = max((len(name) for _, name, _ in rules), default=0)
    return [f"{rule_id}  {name.ljust(width)}  {summary}" for rule_id, name, summary in rules]
