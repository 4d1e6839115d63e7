"""`git g2l-sync verify`: run converted jobs on local Spark or a Spark Connect endpoint and say how each went.

Each job runs in a process of its own (`python -m g2l_merge.verify_run SPEC`, see verify_run.py) the way a
Databricks Python script task runs it: the job file as the script, the job's parameters as sys.argv, an
unrelated working directory, and on PYTHONPATH only the runnable layout's folders (layout.py). Nothing in the
repository is written: the warehouse, the copy of the sample data and the outputs live in a temporary folder.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from g2l_merge.config import CONFIG_FILE, ConvertConfig, load_bytes, load_convert
from g2l_merge.convert.engine import HEADER_PREFIX, has_header
from g2l_merge.errors import G2lError
from g2l_merge.layout import Layout, python_path

CONVERTED_HEADER = HEADER_PREFIX.rstrip()
_REVIEW = re.compile(r"^\s*#\s*g2l:\s*review\s+(?P<rule>[A-Z0-9]+):\s*(?P<message>.*)$")
_REMOTE = re.compile(r"^sc://[A-Za-z0-9.\-\[\]:]+?(:\d+)?(/.*)?$")
# Paths a job reads or writes that local Spark cannot reach: mapped under the copy of --data (verify_run.py).
_FOREIGN_PREFIXES = ("/Volumes/", "dbfs:/", "/dbfs/", "s3://", "s3a://", "s3n://", "abfss://", "gs://")
_CHILD_ENV_DROPPED = ("PYTHONPATH", "SPARK_REMOTE", "SPARK_CONNECT_MODE_ENABLED", "SPARK_LOCAL_REMOTE", "PYTHONHOME")
# cwd of the job processes must not be a folder whose modules a job could import by accident
_SCRATCH_PREFIX = "g2l-verify-"


@dataclass(frozen=True)
class Review:
    line: int
    rule: str
    message: str


@dataclass(frozen=True)
class Write:
    kind: str  # table | path
    target: str
    rows: int | None


@dataclass(frozen=True)
class Failure:
    line: int | None
    code: str | None
    message: str


@dataclass(frozen=True)
class JobResult:
    path: str  # relative to the repository's top
    status: str  # ran | failed | needs-review
    writes: tuple[Write, ...] = ()
    error: Failure | None = None
    review: tuple[Review, ...] = ()
    tables_loaded: tuple[str, ...] = ()
    output: str = ""  # the job's own stdout and stderr, last lines


@dataclass(frozen=True)
class VerifyReport:
    mode: str  # local | remote
    python_path: tuple[str, ...]
    jobs: tuple[JobResult, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def exit_code(self) -> int:
        return 0 if all(job.status == "ran" for job in self.jobs) else 1


@dataclass(frozen=True)
class VerifyOptions:
    paths: tuple[str, ...]
    data: Path | None = None
    remote: str | None = None
    params: tuple[str, ...] = ()
    timeout: float | None = None
    keep: Path | None = None  # each job's warehouse and sample data copy (with its outputs) stay in keep/<job>


def check_options(options: VerifyOptions, cwd: Path) -> None:
    """Bad input, before anything runs: exit 2 with one line."""
    if importlib.util.find_spec("pyspark") is None:
        raise G2lError("verify needs pyspark: pip install 'g2l-merge[spark]'")
    if options.remote is not None and not _REMOTE.match(options.remote):
        raise G2lError(
            f"--remote {_redacted(options.remote)!r}: expected a Spark Connect URL, sc://HOST:PORT "
            "(Databricks Connect: sc://<workspace>:443/;token=<token>;x-databricks-cluster-id=<cluster>)"
        )
    if options.remote is None and shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        raise G2lError("verify runs jobs on local Spark, which needs Java 17 (no `java` on PATH); or use --remote")
    if options.data is not None and options.remote is not None:
        raise G2lError("--data is for local Spark: with --remote the jobs read the workspace's tables and volumes")
    if options.data is not None and not (cwd / options.data).is_dir():
        raise G2lError(f"--data {options.data}: not a folder (it holds the sample tables and files)")
    if options.keep is not None and options.remote is not None:
        raise G2lError("--keep is for local Spark: with --remote the outputs are in the workspace")
    if options.keep is not None and (cwd / options.keep).resolve().is_relative_to(_repository_top(cwd)):
        raise G2lError(
            f"--keep {options.keep}: inside the repository; verify writes nothing there, choose a folder outside it"
        )
    for param in options.params:
        key, sep, _ = param.partition("=")
        if not sep or not key or key.startswith("-"):
            raise G2lError(f"--param {param!r}: expected KEY=VALUE, e.g. --param as_of_date=2024-03-31")


def _redacted(url: str) -> str:
    """A Spark Connect URL without its token (Databricks Connect URLs carry a personal access token)."""
    return re.sub(r"(token=)[^;]*", r"\1***", url)


def verify(options: VerifyOptions, cwd: Path) -> VerifyReport:
    """Run every job `options.paths` names; the report says how each went."""
    check_options(options, cwd)
    top = _repository_top(cwd)
    config, root = _settings(top)
    texts = python_files(top)
    jobs = jobs_named(options.paths, cwd, top, texts)
    layout = python_path(texts, root, jobs)
    if not jobs:
        raise G2lError(f"{', '.join(options.paths)}: no converted job (no file with a {CONVERTED_HEADER!r} line)")
    results = tuple(_run_job(top, cwd, job, layout, config, options, texts[job] or "") for job in jobs)
    return VerifyReport(
        mode="remote" if options.remote else "local",
        python_path=layout.folders,
        jobs=results,
        notes=layout.notes,
    )


def _repository_top(cwd: Path) -> Path:
    for folder in (cwd, *cwd.parents):
        if (folder / ".git").exists():
            return folder.resolve()
    return cwd.resolve()  # not a repository: the folder verify runs in


def _settings(top: Path) -> tuple[ConvertConfig, str]:
    """[convert] and [target] root of the repository's g2l.toml (the defaults without one)."""
    path = top / CONFIG_FILE
    if not path.is_file():
        return ConvertConfig(), ""
    data = path.read_bytes()
    try:
        config = load_bytes(data, str(path))
    except G2lError:
        return load_convert(data.decode("utf-8", errors="replace"), str(path)), ""
    return config.convert, config.target.root


def python_files(top: Path) -> dict[str, str | None]:
    """Every .py file of the work tree (hidden folders and virtual environments left out) -> its text."""
    found: dict[str, str | None] = {}
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("__pycache__", "node_modules"))
        if (Path(folder) / "pyvenv.cfg").exists():
            dirs[:] = []
            continue
        for name in sorted(files):
            if name.endswith(".py"):
                path = Path(folder) / name
                try:
                    found[path.relative_to(top).as_posix()] = path.read_text(encoding="utf-8", errors="replace")
                except OSError:
                    found[path.relative_to(top).as_posix()] = None
    return found


def jobs_named(paths: tuple[str, ...], cwd: Path, top: Path, texts: dict[str, str | None]) -> list[str]:
    """The converted files PATHs name (a folder: every converted file in it that no other file imports)."""
    jobs: list[str] = []
    for given in paths:
        target = (cwd / given).resolve()
        if not target.exists():
            raise G2lError(f"{given}: no such file or folder")
        if not target.is_relative_to(top):
            raise G2lError(f"{given}: outside the repository {top}")
        relative = target.relative_to(top).as_posix()
        if target.is_file():
            if not _converted(texts.get(relative)):
                raise G2lError(f"{given}: not a converted job (it has no {CONVERTED_HEADER!r} line)")
            jobs.append(relative)
            continue
        inside = "" if relative == "." else relative + "/"
        found = [p for p in texts if p.startswith(inside) and _converted(texts[p])]
        library = python_path(texts, "", found).modules
        jobs += [p for p in found if p not in library]
    return list(dict.fromkeys(jobs))


def _converted(text: str | None) -> bool:
    return text is not None and has_header(text)


def review_items(text: str) -> tuple[Review, ...]:
    return tuple(
        Review(number, m["rule"], m["message"])
        for number, line in enumerate(text.splitlines(), 1)
        if (m := _REVIEW.match(line))
    )


def _catalogs(config: ConvertConfig) -> list[str]:
    names = {config.catalog}
    names |= {target.split(".")[0] for target in config.databases.values() if "." in target}
    return sorted(names)


def _prefixes(config: ConvertConfig) -> list[str]:
    targets = [t for t in config.paths.values() if t.startswith("/") or "://" in t or t.startswith("dbfs:")]
    return sorted(set(targets) | set(_FOREIGN_PREFIXES), key=len, reverse=True)


def child_environment(top: Path, folders: tuple[str, ...], remote: str | None) -> dict[str, str]:
    """The job process's environment: this one's, with PYTHONPATH = the layout's folders (and the folder
    g2l_merge's runner loads from, last) and the Spark workers on this interpreter."""
    env = {k: v for k, v in os.environ.items() if k not in _CHILD_ENV_DROPPED}
    runner_home = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join([*(str((top / f).resolve()) for f in folders), runner_home])
    env["PYSPARK_PYTHON"] = sys.executable
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # no __pycache__ folders in the repository's work tree
    if remote is not None:
        env["SPARK_REMOTE"] = remote
        env["SPARK_CONNECT_MODE_ENABLED"] = "1"
    return env


def _run_job(
    top: Path, cwd: Path, job: str, layout: Layout, config: ConvertConfig, options: VerifyOptions, text: str
) -> JobResult:
    review = review_items(text)
    with tempfile.TemporaryDirectory(prefix=_SCRATCH_PREFIX) as scratch_name:
        scratch = Path(scratch_name)
        spec = {
            "job": str(top / job),
            "argv": [f"--{param}" for param in options.params],
            "result": str(scratch / "result.json"),
            "remote": options.remote,
            "data": str((cwd / options.data).resolve()) if options.data is not None else None,
            "scratch": str(_kept(options.keep, cwd, job) if options.keep is not None else scratch / "spark"),
            "catalogs": _catalogs(config),
            "path_prefixes": _prefixes(config),
            "python_path": [str((top / folder).resolve()) for folder in layout.folders],
        }
        (scratch / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
        (scratch / "cwd").mkdir()
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "g2l_merge.verify_run", str(scratch / "spec.json")],
                cwd=scratch / "cwd",
                env=child_environment(top, layout.folders, options.remote),
                capture_output=True,
                text=True,
                errors="replace",
                timeout=options.timeout,
                check=False,
            )
            output = _tail(proc.stdout + proc.stderr)
        except subprocess.TimeoutExpired:
            return JobResult(job, "failed", error=Failure(None, None, f"timed out after {options.timeout:g} s"))
        result_file = scratch / "result.json"
        if not result_file.is_file():
            if proc.returncode < 0:  # no line of output says why: the signal does
                last = f"killed by {signal.Signals(-proc.returncode).name}"
            else:
                last = output.splitlines()[-1] if output else f"exit code {proc.returncode}"
            return JobResult(job, "failed", error=Failure(None, None, f"the job process ended early: {last}"))
        outcome: dict[str, Any] = json.loads(result_file.read_text(encoding="utf-8"))
    writes = tuple(Write(w["kind"], str(w["target"]), w["rows"]) for w in outcome["writes"])
    error = Failure(**outcome["error"]) if outcome["error"] else None
    status = outcome["status"]
    if status == "ran" and review:
        status = "needs-review"
    return JobResult(job, status, writes, error, review, tuple(outcome.get("tables_loaded", ())), output)


def _kept(keep: Path, cwd: Path, job: str) -> Path:
    """keep/<the job's path, with / as __ and no .py>: a new folder, so runs never mix."""
    folder = (cwd / keep).resolve() / job.removesuffix(".py").replace("/", "__")
    if folder.exists():
        shutil.rmtree(folder)
    return folder


def _tail(text: str, lines: int = 20) -> str:
    return "\n".join(text.rstrip().splitlines()[-lines:])


# -- rendering ---------------------------------------------------------------------------------


def to_dict(report: VerifyReport) -> dict[str, Any]:
    return {
        "mode": report.mode,
        "python_path": list(report.python_path),
        "notes": list(report.notes),
        "jobs": [
            {
                "path": job.path,
                "status": job.status,
                "writes": [{"kind": w.kind, "target": w.target, "rows": w.rows} for w in job.writes],
                "error": None
                if job.error is None
                else {"line": job.error.line, "code": job.error.code, "message": job.error.message},
                "review": [{"line": r.line, "rule": r.rule, "message": r.message} for r in job.review],
                "tables_loaded": list(job.tables_loaded),
            }
            for job in report.jobs
        ],
    }


def to_json(report: VerifyReport) -> str:
    return json.dumps(to_dict(report), indent=2, sort_keys=True)


def to_text(report: VerifyReport) -> str:
    lines = []
    for job in report.jobs:
        if job.status == "failed" and job.error is not None:
            where = f" at line {job.error.line}: {job.error.code}" if job.error.line else ""
            lines.append(f"{job.path}: failed{where}")
            lines.append(f"    {job.error.message}")
        else:
            lines.append(f"{job.path}: {'ran' if job.status == 'ran' else 'ran, needs review'}")
        lines += [f"    wrote {w.target} ({w.kind}): {_rows(w.rows)}" for w in job.writes]
        lines += [f"    review {job.path}:{r.line}: {r.rule}: {r.message}" for r in job.review]
    counts = {s: sum(1 for j in report.jobs if j.status == s) for s in ("ran", "needs-review", "failed")}
    lines.append(
        f"{len(report.jobs)} job{'s' if len(report.jobs) != 1 else ''} on {report.mode} Spark: "
        f"{counts['ran'] + counts['needs-review']} ran"
        + (f" ({counts['needs-review']} of them with review items)" if counts["needs-review"] else "")
        + f", {counts['failed']} failed"
    )
    lines.append(f"Python path (PYTHONPATH of the driver and the workers): {os.pathsep.join(report.python_path)}")
    lines += [f"Note: {note}" for note in report.notes]
    return "\n".join(lines)


def _rows(rows: int | None) -> str:
    return "rows not counted" if rows is None else f"{rows} row{'s' if rows != 1 else ''}"
