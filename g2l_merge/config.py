"""g2l.toml: load, validate, defaults, and the hash recorded on every mirror commit."""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Mapping
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


@dataclass(frozen=True)
class ConvertConfig:
    catalog: str = "main"
    databases: Mapping[str, str] = field(default_factory=dict)
    paths: Mapping[str, str] = field(default_factory=dict)
    job_parameters: str = "argv"


@dataclass(frozen=True)
class ProtectConfig:
    native: tuple[str, ...] = ()


@dataclass(frozen=True)
class PrConfig:
    forge: str = "none"
    repository: str | None = None
    api_url: str | None = None
    branch_prefix: str = "g2l/sync-"
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    source: SourceConfig
    target: TargetConfig = TargetConfig()
    convert: ConvertConfig = ConvertConfig()
    protect: ProtectConfig = ProtectConfig()
    pr: PrConfig = PrConfig()


_SECTIONS: dict[str, type] = {
    "source": SourceConfig,
    "target": TargetConfig,
    "convert": ConvertConfig,
    "protect": ProtectConfig,
    "pr": PrConfig,
}
_CHOICES = {
    ("convert", "job_parameters"): ("argv", "widgets"),
    ("pr", "forge"): ("github", "gitlab", "azure", "none"),
}
_REF_KEYS = {("source", "ref"), ("target", "branch"), ("target", "mirror_branch")}


def load(text: str, filename: str = CONFIG_FILE) -> Config:
    """Parse and validate g2l.toml text; any problem is a G2lError naming the key."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise G2lError(f"{filename}: invalid TOML: {exc}") from None
    for name in raw:
        if name not in _SECTIONS:
            raise G2lError(f"{filename}: unknown section [{name}]")
    if "source" not in raw or "repo" not in raw["source"]:
        raise G2lError(f"{filename}: missing key [source] repo (path or URL of the Glue repository)")
    sections = {name: _section(raw.get(name, {}), name, filename) for name in _SECTIONS}
    config = Config(**sections)
    _check_values(config, filename)
    return config


def load_convert(text: str, filename: str = CONFIG_FILE) -> ConvertConfig:
    """The [convert] settings of a g2l.toml, or of a file that holds only that section (`convert --config`)."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise G2lError(f"{filename}: invalid TOML: {exc}") from None
    if "source" in raw:
        return load(text, filename).convert
    for name in raw:
        if name not in _SECTIONS:
            raise G2lError(f"{filename}: unknown section [{name}]")
    convert: ConvertConfig = _section(raw.get("convert", {}), "convert", filename)
    choices = _CHOICES[("convert", "job_parameters")]
    if convert.job_parameters not in choices:
        raise G2lError(f"{filename}: [convert] job_parameters must be one of {', '.join(choices)}")
    return convert


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
            raise G2lError(f"{filename}: {key} must be a list of strings")
        return tuple(value)
    if expected.startswith("Mapping"):
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise G2lError(f"{filename}: {key} must be a table of strings")
        return dict(value)
    if not isinstance(value, str):
        raise G2lError(f"{filename}: {key} must be a string")
    return value


def _check_values(config: Config, filename: str) -> None:
    for (section, key), choices in _CHOICES.items():
        value = getattr(getattr(config, section), key)
        if value not in choices:
            raise G2lError(f"{filename}: [{section}] {key} must be one of {', '.join(choices)}")
    for section, key in _REF_KEYS:
        value = getattr(getattr(config, section), key)
        if not valid_ref_name(value):
            raise G2lError(f"{filename}: [{section}] {key} = {value!r} is not a valid git ref name")
    if not safe_relative_path(config.target.root, allow_empty=True):
        raise G2lError(f"{filename}: [target] root = {config.target.root!r} must stay inside the repository")
    if config.target.branch == config.target.mirror_branch:
        raise G2lError(f"{filename}: [target] mirror_branch must differ from [target] branch")
    for key, globs in (("[source] include", config.source.include),
                       ("[source] exclude", config.source.exclude),
                       ("[protect] native", config.protect.native)):
        for glob in globs:
            if not safe_relative_path(glob.replace("*", "x").replace("?", "x"), allow_empty=False):
                raise G2lError(f"{filename}: {key} pattern {glob!r} must be a relative path inside the repository")


_BAD_REF = re.compile(r"(^|/)\.|\.\.|[\x00-\x20\x7f~^:?*\[\\]|@\{|//|/$|^/|\.lock(/|$)|\.$")


def valid_ref_name(name: str) -> bool:
    """Git's check-ref-format rules for a branch, tag or commit name, without spawning git."""
    return bool(name) and name != "@" and not _BAD_REF.search(name)


def safe_relative_path(path: str, *, allow_empty: bool) -> bool:
    """True when `path` is relative and cannot climb out of the repository."""
    if path in ("", "."):
        return allow_empty
    if path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", path):
        return False
    return ".." not in re.split(r"[/\\]", path)


@lru_cache(maxsize=256)
def _glob_regex(glob: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def matches(path: str, globs: tuple[str, ...]) -> bool:
    """Git-style glob match: `*` stays in one folder, `**/` spans any number of folders."""
    return any(_glob_regex(glob).match(path) for glob in globs)


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
    canonical = json.dumps(relevant, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:12]


def _toml_value(value: Any) -> str:
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        pairs = ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {_toml_value(v)}" for k, v in value.items())
        return "{ " + pairs + " }" if pairs else "{}"
    return json.dumps(value, ensure_ascii=False)


def dump(config: Config) -> str:
    """Render a config as g2l.toml text (every key written, so the file documents itself)."""
    lines = ["# g2l-merge configuration: see `git g2l-sync --help`.", ""]
    for name in _SECTIONS:
        lines.append(f"[{name}]")
        for key, value in asdict(getattr(config, name)).items():
            if value is None:
                continue
            lines.append(f"{key} = {_toml_value(value)}")
        lines.append("")
    return "\n".join(lines)
