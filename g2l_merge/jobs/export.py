"""`jobs export`: the live Glue job, trigger and workflow definitions of one region, written as files.

For teams that keep their Glue definitions only in the AWS account, not in git. Every definition is read with
boto3 (the standard AWS credential chain, or `profile`) before anything is written, so an AWS error changes
no file. Then, under `folder`:

- `jobs/<job name>.json` holds `{"Job": {...}}`, as `aws glue get-job` prints it;
- `triggers/<trigger name>.json` holds `{"Trigger": {...}}`, as `aws glue get-trigger` prints it;
- `workflows/<workflow name>.json` holds `{"Workflow": {...}}`, as `aws glue get-workflow --include-graph`
  prints it.

Files are JSON with sorted keys, a 2-space indent and a trailing newline; timestamps are ISO 8601 strings in
UTC. Fields that change on every run and say nothing about the definition are left out, so that exporting an
unchanged account again changes no byte and git diffs show only real changes:

- a job's `CreatedOn` and `LastModifiedOn`;
- a workflow's `CreatedOn`, `LastModifiedOn` and `LastRun`, and in its graph each job node's `JobDetails`
  (its runs) and each crawler node's `CrawlerDetails` (its crawls); the graph's nodes are sorted by type and
  name, its edges by source and destination, since Glue documents no order for them.

Triggers are kept whole (`State` says whether a trigger fires, which is part of the definition).

A name that is not a safe file name on every platform (a `/`, `\\`, `:`, `*`, `?`, `"`, `<`, `>`, `|` or `~`,
a control character, a leading `.` or `-`, a trailing `.` or space, more than 100 characters, a Windows
device name such as `CON` or `nul.x`), or that differs
from another name of its kind only in case, gets a file name made from its safe characters and a hash of the
name (`etl/daily` becomes `etl_daily~02cc3e2ddd.json`); the real name stays inside the JSON. Files in those
three folders whose definition no longer exists are deleted (only `*.json` files there; nothing else is
touched).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from g2l_merge.errors import G2lError


class ExportResult(NamedTuple):
    """What one export did; paths are relative to `folder`, in POSIX form, sorted."""

    folder: Path
    region: str
    jobs: int
    triggers: int
    workflows: int
    written: tuple[str, ...]  # new or changed files
    unchanged: tuple[str, ...]
    deleted: tuple[str, ...]  # files of definitions the account no longer has


KINDS = ("jobs", "triggers", "workflows")
_VOLATILE_JOB = ("CreatedOn", "LastModifiedOn")
_VOLATILE_WORKFLOW = ("CreatedOn", "LastModifiedOn", "LastRun")
_VOLATILE_NODE = ("JobDetails", "CrawlerDetails")
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|~]')
_MAX_NAME = 100
_DEVICES = {"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10))}  # Windows


def export(folder: Path, region: str, *, profile: str | None = None, client: Any = None) -> ExportResult:
    """Read every job, trigger and workflow of `region` and write them under `folder` (see the module)."""
    glue = client if client is not None else _client(region, profile)
    with _aws_errors(region):
        documents = {
            "jobs": [("Job", _job(job)) for job in _paged(glue.get_jobs, "Jobs")],
            "triggers": [("Trigger", _plain(trigger)) for trigger in _paged(glue.get_triggers, "Triggers")],
            "workflows": [
                ("Workflow", _workflow(glue.get_workflow(Name=name, IncludeGraph=True)["Workflow"]))
                for name in _paged(glue.list_workflows, "Workflows")
            ],
        }
    files = {kind: _files(kind, found) for kind, found in documents.items()}
    _check_folders(folder)
    written, unchanged, deleted = _write(folder, files)
    return ExportResult(
        folder=folder,
        region=region,
        jobs=len(files["jobs"]),
        triggers=len(files["triggers"]),
        workflows=len(files["workflows"]),
        written=written,
        unchanged=unchanged,
        deleted=deleted,
    )


def _client(region: str, profile: str | None) -> Any:
    """A Glue client for `region` from the standard credential chain; boto3 loads only here."""
    try:
        import boto3
        import botocore.exceptions
    except ImportError:
        raise G2lError("jobs export needs boto3: pip install 'g2l-merge[aws]'") from None
    try:
        return boto3.Session(profile_name=profile, region_name=region).client("glue")
    except botocore.exceptions.ProfileNotFound as error:
        source = "--profile" if profile else "AWS_PROFILE"
        raise G2lError(
            f"{source} {error.kwargs.get('profile')}: no such AWS profile in the AWS config files; name one "
            "`aws configure list-profiles` shows"
        ) from None
    except botocore.exceptions.InvalidRegionError:
        raise G2lError(f"--region {region!r}: not an AWS region name (e.g. eu-west-1)") from None


def _paged(call: Callable[..., Mapping[str, Any]], key: str) -> Iterator[Any]:
    """Every item of a Glue list call, following NextToken."""
    token: str | None = None
    while True:
        page = call(NextToken=token) if token else call()
        yield from page.get(key, [])
        token = page.get("NextToken")
        if not token:
            return


@contextlib.contextmanager
def _aws_errors(region: str) -> Iterator[None]:
    """What boto3 raises becomes a G2lError naming the region and what to do; nothing has been written yet."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        yield
    except (BotoCoreError, ClientError) as error:
        raise G2lError(f"Glue in {region}: {_advice(error)}; no file was written") from None


_DENIED = {"AccessDeniedException", "AccessDenied", "UnauthorizedOperation"}
_BAD_KEYS = {
    "UnrecognizedClientException",
    "InvalidClientTokenId",
    "InvalidSignatureException",
    "SignatureDoesNotMatch",
    "ExpiredToken",
    "ExpiredTokenException",
}


def _advice(error: BaseException) -> str:
    """One line for a botocore error: what went wrong and what to do."""
    name = type(error).__name__
    response = getattr(error, "response", {})
    code = response.get("Error", {}).get("Code", "")
    if name in ("NoCredentialsError", "PartialCredentialsError", "CredentialRetrievalError"):
        return "no AWS credentials found; set AWS_PROFILE or --profile, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
    if name in ("SSOTokenLoadError", "UnauthorizedSSOTokenError", "TokenRetrievalError"):
        return "the AWS SSO session has expired or never started; run `aws sso login` and export again"
    if code in _DENIED:
        return f"access denied; {_NEEDS}"
    if code in _BAD_KEYS:
        return f"the credentials were refused ({code}); check or renew them"
    if response.get("ResponseMetadata", {}).get("HTTPStatusCode") == 403:
        return f"access denied or the credentials were refused (HTTP 403); check them; {_NEEDS}"
    if name in ("EndpointConnectionError", "ConnectTimeoutError"):
        return "cannot reach the Glue endpoint; check --region and the network"
    return str(error).splitlines()[0]


_NEEDS = "they need glue:GetJobs, glue:GetTriggers, glue:ListWorkflows and glue:GetWorkflow"


def _plain(value: Any) -> Any:
    """boto3's answer as the AWS CLI prints it: datetimes as ISO 8601 strings (here in UTC)."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items() if key != "ResponseMetadata"}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return value


def _job(job: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in _plain(job).items() if key not in _VOLATILE_JOB}


def _workflow(workflow: Mapping[str, Any]) -> dict[str, Any]:
    kept: dict[str, Any] = {key: value for key, value in _plain(workflow).items() if key not in _VOLATILE_WORKFLOW}
    graph = kept.get("Graph")
    if isinstance(graph, dict):
        nodes = [{k: v for k, v in node.items() if k not in _VOLATILE_NODE} for node in graph.get("Nodes", [])]
        edges = list(graph.get("Edges", []))
        graph["Nodes"] = sorted(nodes, key=lambda node: (node.get("Type", ""), node.get("Name", "")))
        graph["Edges"] = sorted(edges, key=lambda edge: (edge.get("SourceId", ""), edge.get("DestinationId", "")))
    return kept


def file_name(name: str, *, hashed: bool = False) -> str:
    """The file name (without .json) a definition called `name` is written to."""
    if not hashed and not _unsafe(name):
        return name
    readable = _UNSAFE.sub("_", name).lstrip(".-").rstrip(". ")[:_MAX_NAME] or "_"
    return f"{readable}~{hashlib.sha256(name.encode('utf-8', 'surrogatepass')).hexdigest()[:10]}"


def _unsafe(name: str) -> bool:
    return (
        not name
        or bool(_UNSAFE.search(name))
        or name.startswith((".", "-"))
        or name.endswith((".", " "))
        or len(name) > _MAX_NAME
        or name.split(".")[0].casefold() in _DEVICES
    )


def _files(kind: str, found: list[tuple[str, dict[str, Any]]]) -> dict[str, bytes]:
    """`kind/<file>.json` to its bytes. Names equal but for case get hashed file names (for case-blind disks);
    no two files coincide: Glue names are unique in their kind, plain file names hold no `~` and hashed ones do."""
    names = [str(document.get("Name", "")) for _, document in found]
    folded: dict[str, int] = {}
    for name in names:
        folded[name.casefold()] = folded.get(name.casefold(), 0) + 1
    files: dict[str, bytes] = {}
    for (key, document), name in zip(found, names, strict=True):
        path = f"{kind}/{file_name(name, hashed=folded[name.casefold()] > 1)}.json"
        files[path] = (json.dumps({key: document}, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    return files


def _check_folders(folder: Path) -> None:
    for path in (folder, *(folder / kind for kind in KINDS)):
        if path.exists() and not path.is_dir():
            raise G2lError(f"{path}: exists and is not a folder; jobs export writes its definitions into folders")


def _write(folder: Path, files: dict[str, dict[str, bytes]]) -> tuple[tuple[str, ...], ...]:
    written: list[str] = []
    unchanged: list[str] = []
    deleted: list[str] = []
    for kind in KINDS:
        (folder / kind).mkdir(parents=True, exist_ok=True)
        for path, data in files[kind].items():
            target = folder / path
            if target.is_file() and not target.is_symlink() and target.read_bytes() == data:
                unchanged.append(path)
                continue
            _replace(target, data)
            written.append(path)
        for old in (folder / kind).glob("*.json"):
            relative = f"{kind}/{old.name}"
            if relative not in files[kind] and (old.is_file() or old.is_symlink()):
                old.unlink()
                deleted.append(relative)
    return tuple(sorted(written)), tuple(sorted(unchanged)), tuple(sorted(deleted))


def _replace(target: Path, data: bytes) -> None:
    """Write `target` whole: a reader sees the old file or the new one, never half of it."""
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise G2lError(f"{target}: cannot write it ({error.strerror})") from None
