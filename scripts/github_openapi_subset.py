"""Extract the part of GitHub's published OpenAPI description that g2l-merge's GitHub client relies on.

Usage: python scripts/github_openapi_subset.py PACKAGE.tgz [--out tests/forge/github_openapi_subset.json]

PACKAGE.tgz is the npm package @octokit/openapi (`npm pack @octokit/openapi`), which carries GitHub's REST API
description for api.github.com, already dereferenced. For each operation the client calls, the subset keeps its
method, path, query parameters and the JSON schema of its request body, and records the package's name and
version, so the contract tests in tests/forge/test_github.py validate every body the client sends, offline.
Rerun it after upgrading the package and commit the new fixture.
"""

from __future__ import annotations

import argparse
import json
import tarfile
from pathlib import Path
from typing import Any

SPEC_MEMBER = "package/generated/api.github.com.deref.json"
PACKAGE_MEMBER = "package/package.json"
OUT = Path(__file__).resolve().parent.parent / "tests" / "forge" / "github_openapi_subset.json"

# operationId -> (method, path): the REST operations g2l_merge/forge/github.py sends
OPERATIONS = {
    "pulls/list": ("get", "/repos/{owner}/{repo}/pulls"),
    "pulls/create": ("post", "/repos/{owner}/{repo}/pulls"),
    "pulls/update": ("patch", "/repos/{owner}/{repo}/pulls/{pull_number}"),
    "issues/add-labels": ("post", "/repos/{owner}/{repo}/issues/{issue_number}/labels"),
    "pulls/request-reviewers": ("post", "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"),
    "issues/create-comment": ("post", "/repos/{owner}/{repo}/issues/{issue_number}/comments"),
}


def _member(archive: tarfile.TarFile, name: str) -> Any:
    handle = archive.extractfile(name)
    if handle is None:
        raise SystemExit(f"{name} is not a file in the package")
    with handle:
        return json.load(handle)


def _no_refs(node: Any, where: str) -> None:
    """The dereferenced description must not leave a $ref behind: the fixture has to stand on its own."""
    if isinstance(node, dict):
        if "$ref" in node:
            raise SystemExit(f"{where} still holds a $ref")
        for key, value in node.items():
            _no_refs(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _no_refs(value, f"{where}/{index}")


def subset(package: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    operations: dict[str, Any] = {}
    for operation_id, (method, path) in OPERATIONS.items():
        operation = spec["paths"][path][method]
        if operation["operationId"] != operation_id:
            raise SystemExit(f"{method.upper()} {path} is {operation['operationId']}, expected {operation_id}")
        entry: dict[str, Any] = {
            "method": method.upper(),
            "path": path,
            "success": sorted(code for code in operation["responses"] if code.startswith("2")),
            "query": {p["name"]: p["schema"] for p in operation.get("parameters", []) if p["in"] == "query"},
        }
        body = operation.get("requestBody")
        if body is not None:
            entry["request_body"] = body["content"]["application/json"]["schema"]
        _no_refs(entry, operation_id)
        operations[operation_id] = entry
    return {
        "source": {
            "package": package["name"],
            "version": package["version"],
            "file": SPEC_MEMBER.removeprefix("package/"),
            "openapi": spec["openapi"],
        },
        "operations": operations,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="the @octokit/openapi tarball from `npm pack`")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tarfile.open(args.package) as archive:
        package = _member(archive, PACKAGE_MEMBER)
        spec = _member(archive, SPEC_MEMBER)
    args.out.write_text(json.dumps(subset(package, spec), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(OPERATIONS)} operations from {package['name']} {package['version']}")


if __name__ == "__main__":
    main()
