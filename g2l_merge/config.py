"""g2l.toml: load, validate, defaults, and the hash recorded on every mirror commit."""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from typing import Any

from g2l_merge.errors import G2lError

CONFIG_FILE = "g2l.toml"


@dataclass(frozen=True)
class SourceConfig:
    repo: str
    ref: str = "main"
    include: tuple[str, ...] = ("**/*.py",)
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class TargetConfig:
    branch: str = "main"
    mirror_branch: str = "glue-mirror"
    root: str = ""


DEFAULT_RUNTIME = "17.3"  # a current long-term-support Databricks Runtime (Spark 4.0)
OLDEST_RUNTIME = (14, 3)  # the oldest LTS still supported (Spark 3.5); converted code is tested on its PySpark
_RUNTIME = re.compile(r"[0-9]{1,3}\.[0-9]{1,2}")


@dataclass(frozen=True)
class ConvertConfig:
    catalog: str = "main"
    databases: Mapping[str, str] = field(default_factory=dict)
    paths: Mapping[str, str] = field(default_factory=dict)
    job_parameters: str = "argv"
    runtime: str = DEFAULT_RUNTIME  # the oldest Databricks Runtime the converted code must run on
    bookmarks: str = ""  # where converted jobs keep their Glue job bookmarks; "" is bookmark_store()'s default

    @property
    def runtime_version(self) -> tuple[int, int]:
        """`runtime` as (major, minor); load() has checked that it parses."""
        major, _, minor = self.runtime.partition(".")
        return int(major), int(minor)

    def bookmark_store(self) -> str:
        """The folder of the bookmark store: [convert] bookmarks, else volume g2l_bookmarks in the catalog's
        schema g2l (a Unity Catalog volume, which a job reads and writes with Spark like any path)."""
        return self.bookmarks or f"/Volumes/{self.catalog}/g2l/g2l_bookmarks"


@dataclass(frozen=True)
class ProtectConfig:
    native: tuple[str, ...] = ()


@dataclass(frozen=True)
class PrConfig:
    forge: str = "auto"  # github | gitlab | azure | none; auto: told by the remote's URL, else none
    repository: str | None = None  # owner/name, a GitLab project path, or org/project/repo; else from the URL
    api_url: str | None = None  # GitHub Enterprise, self-managed GitLab, Azure DevOps Server
    remote: str = "origin"
    branch_prefix: str = "g2l/sync-"
    labels: tuple[str, ...] = ()
    reviewers: tuple[str, ...] = ()


@dataclass(frozen=True)
class JobsConfig:
    include: tuple[str, ...] = ()  # Glue job definitions (JSON) in the Glue repository; none: no job resources
    resources: str = "resources"  # the folder of the resource files, from the Databricks repository's top
    bundle: str = "glue_jobs"  # the bundle name of the databricks.yml a sync makes when there is none
    scripts: Mapping[str, str] = field(default_factory=dict)  # S3 prefix of ScriptLocation -> Glue folder
    node_types: Mapping[str, str] = field(default_factory=dict)  # Glue worker type -> node type, over the table


@dataclass(frozen=True)
class Config:
    source: SourceConfig
    target: TargetConfig = TargetConfig()
    convert: ConvertConfig = ConvertConfig()
    protect: ProtectConfig = ProtectConfig()
    pr: PrConfig = PrConfig()
    jobs: JobsConfig = JobsConfig()


_SECTIONS: dict[str, type] = {
    "source": SourceConfig,
    "target": TargetConfig,
    "convert": ConvertConfig,
    "protect": ProtectConfig,
    "pr": PrConfig,
    "jobs": JobsConfig,
}
_CHOICES = {
    ("convert", "job_parameters"): ("argv", "widgets"),
    ("pr", "forge"): ("auto", "github", "gitlab", "azure", "none"),
}
_OPT_IN = {"jobs"}  # sections dump() writes only when they differ from their defaults
_REF_KEYS = {("source", "ref"), ("target", "branch"), ("target", "mirror_branch")}


def load_bytes(data: bytes, filename: str = CONFIG_FILE) -> Config:
    """Parse and validate g2l.toml as stored (bytes): text that is not UTF-8 is a G2lError naming the line."""
    return load(decode(data, filename), filename)


def decode(data: bytes, filename: str = CONFIG_FILE) -> str:
    """g2l.toml's text; TOML is UTF-8, so other bytes are a G2lError naming the line (never silently replaced)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise G2lError(f"{filename}:{line}: not UTF-8 (TOML files are UTF-8); re-save it as UTF-8") from None


def _parse(text: str, filename: str) -> dict[str, Any]:
    """The TOML tables of a g2l.toml: only known sections, each a table."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r" \(at line (\d+), column (\d+)\)$", str(exc))
        if at is None:
            raise G2lError(f"{filename}: invalid TOML: {exc}") from None
        what = str(exc)[: at.start()]
        raise G2lError(f"{filename}:{at.group(1)}: invalid TOML: {what} (column {at.group(2)})") from None
    for name in raw:
        if name not in _SECTIONS:
            raise G2lError(f"{filename}: unknown section [{name}]")
        if not isinstance(raw[name], dict):
            raise G2lError(f"{filename}: {name} must be a section ([{name}]), not a {_toml_type(raw[name])}")
    return raw


def load(text: str, filename: str = CONFIG_FILE) -> Config:
    """Parse and validate g2l.toml text; any problem is a G2lError naming the key (or the line) and what to do."""
    with _located(filename):
        return _load(text, filename)


@contextlib.contextmanager
def _located(filename: str) -> Iterator[None]:
    """A G2lError about `filename` ends with the next step: edit the file (g2l.toml: and commit it, since sync,
    status and log read the committed one)."""
    try:
        yield
    except G2lError as exc:
        message = str(exc)
        if not message.startswith(f"{filename}") or message.endswith(edit_hint(filename)):
            raise
        raise G2lError(message + edit_hint(filename)) from None


def edit_hint(filename: str) -> str:
    return f"; edit {filename}" + (" and commit it" if filename == CONFIG_FILE else "")


def _load(text: str, filename: str) -> Config:
    raw = _parse(text, filename)
    if "source" not in raw or "repo" not in raw["source"]:
        raise G2lError(f"{filename}: missing key [source] repo (path or URL of the Glue repository)")
    sections = {name: _section(raw.get(name, {}), name, filename) for name in _SECTIONS}
    config = Config(**sections)
    _check_values(config, filename)
    return config


def load_convert(text: str, filename: str = CONFIG_FILE) -> ConvertConfig:
    """The [convert] settings of a g2l.toml, or of a file that holds only that section (`convert --config`)."""
    return load_convert_jobs(text, filename)[0]


def load_convert_jobs(text: str, filename: str = CONFIG_FILE) -> tuple[ConvertConfig, JobsConfig]:
    """The [convert] and [jobs] settings of a g2l.toml, or of a file that holds only those sections."""
    with _located(filename):
        return _load_convert_jobs(text, filename)


def _load_convert_jobs(text: str, filename: str) -> tuple[ConvertConfig, JobsConfig]:
    raw = _parse(text, filename)
    if "source" in raw:
        config = _load(text, filename)
        return config.convert, config.jobs
    convert: ConvertConfig = _section(raw.get("convert", {}), "convert", filename)
    choices = _CHOICES[("convert", "job_parameters")]
    if convert.job_parameters not in choices:
        raise G2lError(f"{filename}: [convert] job_parameters must be one of {', '.join(choices)}")
    _check_convert(convert, filename)
    jobs: JobsConfig = _section(raw.get("jobs", {}), "jobs", filename)
    _check_jobs(jobs, filename)
    return convert, jobs


def _check_convert(convert: ConvertConfig, filename: str) -> None:
    """The [convert] values whose type alone does not make them valid (load and load_convert both check them)."""
    _check_runtime(convert, filename)
    _check_bookmarks(convert, filename)


def _check_runtime(convert: ConvertConfig, filename: str) -> None:
    if not _RUNTIME.fullmatch(convert.runtime):
        raise G2lError(
            f"{filename}: [convert] runtime = {convert.runtime!r} must be a Databricks Runtime version "
            f'as MAJOR.MINOR, e.g. "{DEFAULT_RUNTIME}"'
        )
    if convert.runtime_version < OLDEST_RUNTIME:
        oldest = ".".join(map(str, OLDEST_RUNTIME))
        raise G2lError(
            f"{filename}: [convert] runtime = {convert.runtime!r} is older than {oldest}, the oldest Databricks "
            "Runtime g2l-merge writes code for"
        )


_STORE = re.compile(r"(/|[A-Za-z][A-Za-z0-9+.-]*:/)\S*\Z")


def _check_bookmarks(convert: ConvertConfig, filename: str) -> None:
    """[convert] bookmarks: a folder the job's Spark session can write, an absolute path or a URI."""
    if convert.bookmarks and not _STORE.match(convert.bookmarks):
        raise G2lError(
            f"{filename}: [convert] bookmarks = {convert.bookmarks!r} must be an absolute folder path or URI "
            "(/Volumes/<catalog>/<schema>/<volume>/..., dbfs:/..., s3://...)"
        )


def _section(table: Any, name: str, filename: str) -> Any:
    cls = _SECTIONS[name]
    if not isinstance(table, dict):
        raise G2lError(f"{filename}: [{name}] must be a table")
    defaults = {f.name: f for f in fields(cls)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in defaults:
            raise G2lError(f"{filename}: unknown key [{name}] {key}")
        values[key] = _typed(value, defaults[key].type, f"[{name}] {key}", filename)
    try:
        return cls(**values)
    except TypeError:
        raise G2lError(f"{filename}: missing keys in [{name}]") from None


def _typed(value: Any, type_name: Any, key: str, filename: str) -> Any:
    expected = str(type_name)
    if expected.startswith("tuple"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise G2lError(f"{filename}: {key} must be a list of strings, not {_shown(value)}")
        return tuple(value)
    if expected.startswith("Mapping"):
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise G2lError(f"{filename}: {key} must be a table of strings, not {_shown(value)}")
        return dict(value)
    if not isinstance(value, str):
        raise G2lError(f"{filename}: {key} must be a string, not {_shown(value)}")
    return value


def _toml_type(value: Any) -> str:
    """What a TOML value is, as a person who wrote it would call it."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "table"
    if isinstance(value, str):
        return "string"
    return "date or time"


def _shown(value: Any) -> str:
    """A wrong value in an error message: its type, and the value itself when it is short."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return f"a list ({_short(value)})" if value else "an empty list"
    if isinstance(value, list):
        wrong = next(v for v in value if not isinstance(v, str))
        return f"a list holding a {_toml_type(wrong)} ({_short(wrong)})"
    if isinstance(value, dict):
        wrong = next((v for v in value.values() if not isinstance(v, str)), None)
        return f"a table holding a {_toml_type(wrong)}" if wrong is not None else "a table"
    kind = _toml_type(value)
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} ({_short(value)})"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _check_values(config: Config, filename: str) -> None:
    _check_convert(config.convert, filename)
    for (section, key), choices in _CHOICES.items():
        value = getattr(getattr(config, section), key)
        if value not in choices:
            raise G2lError(f"{filename}: [{section}] {key} must be one of {', '.join(choices)}")
    for section, key in _REF_KEYS:
        value = getattr(getattr(config, section), key)
        problem = ref_name_problem(value, branch=section == "target")
        if problem:
            raise G2lError(f"{filename}: [{section}] {key} = {value!r} is not a valid git ref name: {problem}")
    if config.source.repo.startswith("-"):
        raise G2lError(
            f"{filename}: [source] repo = {config.source.repo!r} cannot start with '-' "
            "(write ./" + config.source.repo + " for a folder named so)"
        )
    if not safe_relative_path(config.target.root, allow_empty=True):
        raise G2lError(f"{filename}: [target] root = {config.target.root!r} must stay inside the repository")
    if not safe_repository_path(config.target.root):
        raise G2lError(
            f"{filename}: [target] root = {config.target.root!r} must be a plain folder path "
            "(no .git folder, no empty or control-character parts)"
        )
    if config.target.branch == config.target.mirror_branch:
        raise G2lError(f"{filename}: [target] mirror_branch must differ from [target] branch")
    _check_pr(config.pr, filename)
    _check_jobs(config.jobs, filename)
    for key, globs in (
        ("[source] include", config.source.include),
        ("[source] exclude", config.source.exclude),
        ("[protect] native", config.protect.native),
        ("[jobs] include", config.jobs.include),
    ):
        for glob in globs:
            problem = pattern_problem(glob)
            if problem:
                raise G2lError(f"{filename}: {key} pattern {glob!r} {problem}")


def _check_pr(pr: PrConfig, filename: str) -> None:
    problem = ref_name_problem(pr.branch_prefix + "a1b2c3d", branch=True)
    if problem:
        raise G2lError(
            f"{filename}: [pr] branch_prefix = {pr.branch_prefix!r} does not make a valid branch name: {problem}"
        )
    if not pr.remote or pr.remote.startswith("-") or ref_name_problem(pr.remote):
        raise G2lError(f"{filename}: [pr] remote = {pr.remote!r} is not a git remote name")
    if pr.api_url is not None and not re.match(r"https?://[^/\s]+", pr.api_url):
        raise G2lError(f"{filename}: [pr] api_url = {pr.api_url!r} must be an http:// or https:// URL")
    if pr.repository is not None and not re.fullmatch(r"[\w.-]+(/[\w.-]+)+", pr.repository):
        raise G2lError(
            f"{filename}: [pr] repository = {pr.repository!r} must be a path such as acme/risk-engine-dbx "
            "(GitLab: group/project; Azure DevOps: org/project/repo)"
        )


_BAD_REF = re.compile(r"(^|/)\.|\.\.|[\x00-\x20\x7f~^:?*\[\\]|@\{|//|/$|^/|\.lock(/|$)|\.$")


_BUNDLE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def _check_jobs(jobs: JobsConfig, filename: str) -> None:
    if not (safe_relative_path(jobs.resources, allow_empty=True) and safe_repository_path(jobs.resources)):
        raise G2lError(
            f"{filename}: [jobs] resources = {jobs.resources!r} must be a plain folder path inside the repository"
        )
    if not _BUNDLE_NAME.fullmatch(jobs.bundle):
        raise G2lError(
            f"{filename}: [jobs] bundle = {jobs.bundle!r} must be a bundle name: letters, digits, '_', '-' and '.'"
        )
    for prefix, folder in jobs.scripts.items():
        if not prefix.startswith("s3://"):
            raise G2lError(f"{filename}: [jobs] scripts key {prefix!r} must be an S3 prefix (s3://bucket/folder/)")
        if not (safe_relative_path(folder, allow_empty=True) and safe_repository_path(folder)):
            raise G2lError(
                f"{filename}: [jobs] scripts.{toml_string(prefix)} = {folder!r} must be a folder path inside the "
                "Glue repository"
            )
    for worker, node in jobs.node_types.items():
        if not node.strip():
            raise G2lError(f"{filename}: [jobs] node_types.{toml_string(worker)} must name a Databricks node type")


def ref_name_problem(name: str, *, branch: bool = False) -> str | None:
    """Why `name` cannot be a git ref name (a branch name, with `branch`), or None when it can."""
    if not name:
        return "it is empty"
    if name.startswith("-"):
        return "it starts with '-', so git would read it as an option"
    if name == "@" or _BAD_REF.search(name):
        return (
            "git does not allow spaces, control characters, '..', '@{', any of ~^:?*[\\, or a leading or "
            "trailing '/' or '.' (see `git help check-ref-format`)"
        )
    if branch and name == "HEAD":
        return "HEAD is git's own name for the current commit"
    if branch and name.startswith("refs/"):
        return "give the branch name without refs/heads/"
    return None


def safe_repository_path(path: str) -> bool:
    """True when `path` (relative, inside the repository) names a place git can hold files in.

    `.git` (in any case, as case-insensitive file systems see it) is refused: git never records files there, so a
    mirror rooted inside it would hold nothing and the next sync would delete every migrated file.
    """
    if path in ("", "."):
        return True
    parts = path.strip("/").split("/")
    return all(
        part and part != "." and part.lower() != ".git" and not re.search(r"[\x00-\x1f\x7f]", part) for part in parts
    )


def safe_relative_path(path: str, *, allow_empty: bool) -> bool:
    """True when `path` is relative and cannot climb out of the repository."""
    if path in ("", "."):
        return allow_empty
    if path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", path):
        return False
    return ".." not in re.split(r"[/\\]", path)


def pattern_problem(pattern: str) -> str | None:
    """Why `pattern` is not a file pattern g2l.toml accepts, or None when it is one.

    Patterns follow .gitattributes: they name files, so a trailing `/` (a folder-only pattern, which matches
    no file) and a leading `!` (negation, which .gitattributes forbids too) are refused with the way to say it.
    """
    if pattern.startswith("!"):
        return "cannot start with '!': negation is not supported (list what to leave out under [source] exclude)"
    if pattern.endswith("/"):
        return f"ends with '/', which matches folders, not files: write {pattern + '**'!r} for every file in it"
    if "\\/" in pattern:
        return "has '\\/': write '/' between folders (a backslash escapes the character after it)"
    try:
        _glob_regex(pattern)
    except _Unsupported as problem:
        return str(problem)
    if not safe_relative_path(_WILD.sub("x", pattern.removeprefix("/")), allow_empty=False):
        return "must be a relative path inside the repository"
    return None


class _Unsupported(ValueError):
    pass


_WILD = re.compile(r"[*?]|\[[^]]*\]?")


def _bytewise(text: str) -> str:
    """`text` with one character per byte of its UTF-8 (as git sees names): `?` and `[...]` match a byte."""
    return text.encode("utf-8", "surrogateescape").decode("latin-1")


@lru_cache(maxsize=256)
def _glob_regex(glob: str) -> re.Pattern[str]:
    """The regex of a .gitattributes pattern, matched against a whole file path (folders joined by `/`), both
    `_bytewise`.

    Git's rules: a pattern without `/` matches the file's name at any depth; otherwise it is matched against
    the whole path from the repository's top (a leading `/` only anchors). `*`, `?` and `[...]` never match
    `/`; `**` between slashes (or at either end) spans any number of folders, elsewhere it is a `*`; a
    backslash makes the next character literal.
    """
    glob = _bytewise(glob)
    if "/" not in glob:
        return re.compile(r"(?:.*/)?" + _translate(glob) + r"\Z", re.DOTALL)
    return re.compile(_translate(glob.removeprefix("/")) + r"\Z", re.DOTALL)  # a file name may hold a newline


def _translate(glob: str) -> str:
    out: list[str] = []
    i, n = 0, len(glob)
    while i < n:
        c = glob[i]
        if c == "*":
            j = i
            while j < n and glob[j] == "*":
                j += 1
            starts = i == 0 or glob[i - 1] == "/"
            if j - i >= 2 and starts and j == n:
                out.append(".*")
            elif j - i >= 2 and starts and glob[j] == "/":
                out.append("(?:.*/)?")
                j += 1
            else:
                out.append("[^/]*")
            i = j
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            klass, i = _bracket(glob, i)
            out.append(klass)
        elif c == "\\":
            if i + 1 == n:
                raise _Unsupported("ends with a lone '\\' (a backslash escapes the character after it)")
            out.append(re.escape(glob[i + 1]))
            i += 2
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out)


def _bracket(glob: str, start: int) -> tuple[str, int]:
    """The regex of the `[...]` class at `start` and the index after it; it never matches `/`."""
    i = start + 1
    negated = i < len(glob) and glob[i] in "!^"
    i += negated
    ranges: list[tuple[str, str]] = []
    first = True
    while True:
        if i >= len(glob):
            raise _Unsupported("has a '[' without its closing ']'")
        c = glob[i]
        if c == "]" and not first:
            break
        first = False
        if c == "[" and glob.startswith("[:", i):
            raise _Unsupported("uses a [:class:] inside [...], which g2l does not support")
        if c == "\\":
            if i + 1 >= len(glob):
                raise _Unsupported("has a '[' without its closing ']'")
            c = glob[i + 1]
            i += 1
        i += 1
        if glob.startswith("-", i) and i + 1 < len(glob) and glob[i + 1] != "]":
            high = glob[i + 1]
            if high == "\\":
                if i + 2 >= len(glob):
                    raise _Unsupported("has a '[' without its closing ']'")
                high = glob[i + 2]
                i += 1
            i += 2
            ranges.append((c, high))
        else:
            ranges.append((c, c))
    chars = "".join(re.escape(lo) if lo == hi else f"{re.escape(lo)}-{re.escape(hi)}" for lo, hi in ranges if lo <= hi)
    if negated:
        return f"[^/{chars}]", i + 1
    return (f"(?!/)[{chars}]" if chars else "(?!)"), i + 1


def escape_glob(path: str) -> str:
    """`path` as a pattern that matches it literally (`*`, `?`, `[` and `\\` escaped); `native DIR` uses it."""
    return re.sub(r"([*?\[\\])", r"\\\1", path)


def matches(path: str, globs: tuple[str, ...]) -> bool:
    """True when a file path matches one of the patterns, as .gitattributes would (see `_glob_regex`)."""
    name = _bytewise(path)
    return any(_glob_regex(glob).match(name) for glob in globs)


def rooted(root: str, glue_path: str) -> str:
    """Where a Glue file lands in the Databricks repository, under `[target] root`."""
    root = root.strip("/")
    return f"{root}/{glue_path}" if root and root != "." else glue_path


def selected(path: str, source: SourceConfig) -> bool:
    """True when a Glue path belongs in the mirror."""
    return matches(path, source.include) and not matches(path, source.exclude)


def config_hash(config: Config) -> str:
    """Hash of everything that changes the converted tree; recorded as G2l-Config."""
    relevant = {
        "include": config.source.include,
        "exclude": config.source.exclude,
        "root": config.target.root,
        "convert": asdict(config.convert),
    }
    if config.jobs != JobsConfig():  # the hash of a configuration without [jobs] stays what it was
        relevant["jobs"] = asdict(config.jobs)
    canonical = json.dumps(relevant, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:12]


_TOML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def toml_string(value: str) -> str:
    """A TOML basic string that reads back as `value` (quotes, backslashes and control characters escaped)."""
    out = []
    for char in value:
        if char in _TOML_ESCAPES:
            out.append(_TOML_ESCAPES[char])
        elif char < " " or char == "\x7f":
            out.append(f"\\u{ord(char):04x}")
        elif "\ud800" <= char <= "\udfff":  # a byte that was not UTF-8 (surrogateescape): TOML cannot hold it
            raise ValueError(value)
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _toml_value(value: Any) -> str:
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        pairs = ", ".join(f"{toml_string(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{ " + pairs + " }" if pairs else "{}"
    return toml_string(value)


def dump(config: Config) -> str:
    """Render a config as g2l.toml text (every key written, so the file documents itself; an opt-in section
    only when it is set)."""
    lines = ["# g2l-merge configuration: see `git g2l-sync --help`.", ""]
    for name in _SECTIONS:
        if name in _OPT_IN and getattr(config, name) == _SECTIONS[name]():
            continue  # an opt-in feature left off: no section, so an older g2l-merge reads the file too
        lines.append(f"[{name}]")
        for key, value in asdict(getattr(config, name)).items():
            if value is None:
                continue
            try:
                lines.append(f"{key} = {_toml_value(value)}")
            except ValueError as exc:
                shown = str(exc.args[0]).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                raise G2lError(
                    f"{CONFIG_FILE}: [{name}] {key}: {shown!r} is not valid UTF-8, so g2l.toml cannot "
                    "hold it; use a name without such bytes"
                ) from None
        lines.append("")
    return "\n".join(lines)
