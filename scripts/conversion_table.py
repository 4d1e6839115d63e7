"""The README's conversion table, generated from the rules and the semantic tests so it cannot drift.

Usage: python scripts/conversion_table.py [--write] [--check] [--tests DIR] [--readme FILE]

One row per rule of the converter's registry (what `git g2l-sync rules` lists): its id and name, the Glue API it
converts and what that becomes (from the rule's summary; the Glue column names the APIs its semantic tests
prove when it has any), the semantic verdicts of its tests and the sources they cite. The verdicts are read
statically (ast, no Spark, no pytest) from every `@proves(rule, glue, source, verdict, note)` decorator in
tests/spark/test_*.py (tests/spark/semantics.py). Without options it prints the table; --write puts it between
the README's `<!-- conversion table: begin -->` and `<!-- conversion table: end -->` markers; --check exits 1
when the README's table is stale or a rule that must have a semantic test has none (each problem on a line).

DATA_PATH lists the rules issue 11 requires a semantic test for; NOT_LISTED every other G2L1xx/G2L2xx/G2L3xx
rule, with the reason it has none, so that a new data-path rule must be put in one or the other. PENDING holds
the DATA_PATH rules whose tests are still on other branches (none now): the check requires a test for
DATA_PATH - PENDING, and fails for a PENDING rule that has one (take it out of PENDING when its tests merge).
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from g2l_merge.markdown import code  # noqa: E402  (run as a script: the repository root goes on sys.path first)

TESTS = ROOT / "tests" / "spark"
README = ROOT / "README.md"
BEGIN = "<!-- conversion table: begin -->"
END = "<!-- conversion table: end -->"
VERDICTS = ("exact", "open", "review", "workspace")  # tests/spark/semantics.py's, in the order the table shows them
PARAMETERS = ("rule", "glue", "source", "verdict", "note")  # proves(...)'s, in order

# The rules issue 11 names under "Semantics, rule by rule": readers (catalog, S3, JDBC), writers, the
# transforms it lists, add_ingestion_time_columns and getResolvedOptions.
DATA_PATH: frozenset[str] = frozenset(
    {
        "G2L005",  # getResolvedOptions
        "G2L101",  # catalog reader
        "G2L102",  # S3 reader, every format
        "G2L103",  # JDBC reader
        "G2L201",  # S3 writer
        "G2L202",  # catalog writer
        "G2L203",  # JDBC writer
        "G2L204",  # Glue Studio sink (a catalog writer)
        "G2L302",  # ApplyMapping
        "G2L303",  # ResolveChoice
        "G2L304",  # DropNullFields
        "G2L305",  # SelectFields
        "G2L306",  # DropFields
        "G2L307",  # RenameField
        "G2L308",  # SplitFields
        "G2L309",  # SplitRows
        "G2L310",  # Join
        "G2L311",  # Union
        "G2L312",  # Filter
        "G2L313",  # Map
        "G2L314",  # Unbox
        "G2L315",  # UnnestFrame
        "G2L316",  # Relationalize
        "G2L319",  # mergeDynamicFrame
        "G2L322",  # add_ingestion_time_columns
    }
)
# The other data-path rules (G2L1xx, G2L2xx, G2L3xx), and why the issue does not require a semantic test of them.
NOT_LISTED: dict[str, str] = {
    "G2L104": "streaming sources need a Kafka or Kinesis endpoint",
    "G2L105": "from_rdd needs the RDD API: classic compute only (G2L010 reviews it)",
    "G2L106": "review items only",
    "G2L205": "review items only (purge is never converted)",
    "G2L206": "review items only",
    "G2L300": "reads transform forms; each transform's own tests run them",
    "G2L301": "toDF/fromDF change no data",
    "G2L317": "Spigot writes a sample, with a review item",
    "G2L318": "partitioning changes no rows",
    "G2L320": "collections are dicts; the transforms that make them are tested",
    "G2L321": "forEachBatch needs a stream",
    "G2L323": "review items only",
    "G2L324": "type names in annotations and isinstance",
    "G2L325": "schema/show/getNumPartitions inspect a frame",
}
# DATA_PATH rules whose semantic tests are on other branches still: not required yet (none since issue 11's
# semantic tests merged; a rule added to DATA_PATH before its tests exist goes here meanwhile).
PENDING: frozenset[str] = frozenset()


class Proof(NamedTuple):
    """One proves(...) decorator: the test it marks (path::name) and its arguments."""

    test: str
    rule: str
    glue: str
    source: str
    verdict: str
    note: str


class RuleInfo(NamedTuple):
    id: str
    name: str
    summary: str


class TableError(Exception):
    """A proves(...) the script cannot read (an argument that is not a string it can resolve), or README markers
    missing: one line naming the file and line."""


def registry_rules() -> list[RuleInfo]:
    """Every rule of the converter's registry, by id (what `git g2l-sync rules` prints)."""
    from g2l_merge.convert.rules import describe

    return [RuleInfo(*row) for row in describe()]


def collect(folder: Path) -> list[Proof]:
    """Every proves(...) decorator of folder/test_*.py, read with ast, in file and line order."""
    proofs: list[Proof] = []
    for path in sorted(folder.glob("test_*.py")):
        proofs.extend(_proofs_of(path, folder))
    return proofs


def _proofs_of(path: Path, folder: Path) -> list[Proof]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    constants = _string_constants(tree, folder)
    found: list[Proof] = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for decorator in node.decorator_list:
            if not isinstance(decorator, ast.Call) or _called_name(decorator.func) != "proves":
                continue
            where = str(path.relative_to(ROOT if ROOT in path.parents else folder))
            values = _arguments(decorator, constants, f"{where}:{decorator.lineno}")
            found.append(Proof(f"{where}::{node.name}", **values))
    return sorted(found, key=lambda proof: proof.test)


def _called_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _string_constants(tree: ast.Module, folder: Path, seen: frozenset[str] = frozenset()) -> dict[str, str]:
    """Module-level NAME = "text" assignments (a source URL named once and cited by several tests), and the
    ones `from <a module of the folder> import NAME` brings from a sibling test module."""
    constants: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and not node.level and node.module not in seen:
            sibling = folder / f"{node.module}.py"
            if sibling.is_file():
                theirs = _string_constants(ast.parse(sibling.read_text(encoding="utf-8")), folder, seen | {node.module})
                for alias in node.names:
                    if alias.name in theirs:
                        constants[alias.asname or alias.name] = theirs[alias.name]
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            value = _string(node.value, constants)
            if value is not None:
                constants[node.targets[0].id] = value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            value = _string(node.value, constants)
            if value is not None:
                constants[node.target.id] = value
    return constants


def _string(node: ast.expr, constants: dict[str, str]) -> str | None:
    """A string literal, a module-level string constant's name, or + of those; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _string(node.left, constants), _string(node.right, constants)
        return left + right if left is not None and right is not None else None
    return None


def _arguments(call: ast.Call, constants: dict[str, str], where: str) -> dict[str, str]:
    values: dict[str, str] = {"verdict": "exact", "note": ""}
    named = [(PARAMETERS[i], arg) for i, arg in enumerate(call.args[: len(PARAMETERS)])]
    named += [(keyword.arg, keyword.value) for keyword in call.keywords if keyword.arg is not None]
    if len(call.args) > len(PARAMETERS) or any(keyword.arg is None for keyword in call.keywords):
        raise TableError(f"{where}: proves(...) takes {', '.join(PARAMETERS)}")
    for name, node in named:
        if name not in PARAMETERS:
            raise TableError(f"{where}: proves(...) has no parameter {name!r}")
        value = _string(node, constants)
        if value is None:
            raise TableError(
                f"{where}: proves(...)'s {name} must be a string literal or a module-level string constant"
            )
        values[name] = value
    missing = [name for name in PARAMETERS[:3] if name not in values]
    if missing:
        raise TableError(f"{where}: proves(...) without {', '.join(missing)}")
    if values["verdict"] not in VERDICTS:
        raise TableError(f"{where}: verdict {values['verdict']!r} is not one of {', '.join(VERDICTS)}")
    return values


def split_summary(summary: str) -> tuple[str, str]:
    """(the Glue side, what it becomes) of a rule's summary: "X becomes Y" -> (X, Y); else ("", summary)."""
    match = re.match(r"(.+?) becomes? (.+)", summary)
    if match is None:
        return "", summary
    return match.group(1), match.group(2)


def render(rules: Sequence[RuleInfo], proofs: Iterable[Proof]) -> str:
    """The Markdown table, one row per rule, rules in id order."""
    by_rule: dict[str, list[Proof]] = {}
    for proof in proofs:
        by_rule.setdefault(proof.rule, []).append(proof)
    lines = [
        "| Rule | Glue | Databricks | Semantics | Sources |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in rules:
        mine = by_rule.get(rule.id, [])
        glue, becomes = split_summary(rule.summary)
        tested = list(dict.fromkeys(proof.glue for proof in mine))
        glue_cell = ", ".join(code(name) for name in tested) if tested else glue
        semantics = (
            _semantics(mine) if mine or rule.id not in NOT_LISTED else f"no semantic test: {NOT_LISTED[rule.id]}"
        )
        cells = [f"{rule.id} {rule.name}", glue_cell, becomes, semantics, _sources(mine)]
        lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    return "\n".join(lines) + "\n"


def _semantics(proofs: list[Proof]) -> str:
    if not proofs:
        return "no semantic test"
    parts: list[str] = []
    for verdict in VERDICTS:
        those = [proof for proof in proofs if proof.verdict == verdict]
        if not those:
            continue
        if verdict == "exact":
            parts.append(f"exact ({len(those)} test{'s' if len(those) > 1 else ''})")
            continue
        label = {"open": "open", "review": "needs review", "workspace": "workspace only"}[verdict]
        notes = list(dict.fromkeys(proof.note for proof in those if proof.note))
        parts.extend(f"{label}: {note}" for note in notes)
        if not notes:
            parts.append(label)
    return _BREAK.join(parts)


def _sources(proofs: list[Proof]) -> str:
    return ", ".join(_link(source) for source in dict.fromkeys(proof.source for proof in proofs))


def _link(source: str) -> str:
    """A URL as a link named by its page; `owner/repo path/file.py` (the awsglue library) as a GitHub link."""
    if source.startswith(("https://", "http://")):
        page = source.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html") or source
        return f"[{page}]({source})"
    match = re.fullmatch(r"([\w.-]+/[\w.-]+) ([\w./-]+)", source.strip())
    if match is not None:
        repository, path = match.groups()
        return f"[{path}](https://github.com/{repository}/blob/master/{path})"
    return source


_BREAK = "\x00"  # a line break inside a cell, written as <br> once the cell's text is escaped


def _cell(text: str) -> str:
    """A table cell's text as Markdown shows it: no pipe ends the cell, no <...> is taken for HTML, no __x__ or *
    for emphasis (a summary's `logging.getLogger(__name__)`); links and inline code are kept."""
    pieces = re.split(r"(`+ ?[^`]*? ?`+)", text.replace("\n", " "))  # odd pieces: inline code, kept as written
    for at in range(0, len(pieces), 2):
        piece = pieces[at].replace("<", "&lt;").replace(">", "&gt;")
        pieces[at] = piece.replace("__", "\\_\\_").replace("*", "\\*")
    return "".join(pieces).replace("|", "\\|").replace(_BREAK, "<br>")  # a pipe ends a cell even in code


def problems(rules: Sequence[RuleInfo], proofs: Sequence[Proof], required: Iterable[str] | None = None) -> list[str]:
    """What the check fails for, besides a stale README: a required rule without a semantic test, a pending one
    with tests, a proves(...) naming no rule, a data-path rule in neither DATA_PATH nor NOT_LISTED."""
    ids = {rule.id for rule in rules}
    tested = {proof.rule for proof in proofs}
    found: list[str] = []
    for proof in proofs:
        if proof.rule not in ids:
            found.append(f"{proof.test}: proves({proof.rule!r}, ...) names no rule of the registry")
    needed = sorted(set(DATA_PATH - PENDING) if required is None else set(required))
    found += [
        f"{rule}: a data-path rule without a semantic test (tests/spark, @proves)"
        for rule in needed
        if rule not in tested
    ]
    if required is None:
        found += [
            f"{rule}: has semantic tests now: take it out of PENDING in scripts/conversion_table.py"
            for rule in sorted(PENDING & tested)
        ]
    for rule in sorted(ids):
        if rule[3] in "123" and rule not in DATA_PATH and rule not in NOT_LISTED:
            found.append(f"{rule}: a data-path rule in neither DATA_PATH nor NOT_LISTED (scripts/conversion_table.py)")
    return found


def replace_table(readme: str, table: str, where: str = "README.md") -> str:
    """The README with `table` between the markers (each on a line of its own, once)."""
    if readme.count(BEGIN) != 1 or readme.count(END) != 1 or readme.index(BEGIN) > readme.index(END):
        raise TableError(f"{where}: needs one {BEGIN} line and, below it, one {END} line")
    head, rest = readme.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{table}{END}{tail}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the table into the README")
    parser.add_argument("--check", action="store_true", help="exit 1 when the README is stale or a test is missing")
    parser.add_argument("--tests", type=Path, default=TESTS, help="the semantic tests' folder (tests/spark)")
    parser.add_argument("--readme", type=Path, default=README)
    arguments = parser.parse_args(argv)
    try:
        proofs = collect(arguments.tests)
        rules = registry_rules()
        table = render(rules, proofs)
        if not arguments.write and not arguments.check:
            sys.stdout.write(table)
            return 0
        readme = arguments.readme.read_text(encoding="utf-8")
        wanted = replace_table(readme, table, str(arguments.readme))
    except TableError as exc:
        print(f"conversion_table: {exc}", file=sys.stderr)
        return 2
    if arguments.write and wanted != readme:
        arguments.readme.write_text(wanted, encoding="utf-8")
        print(f"wrote the conversion table into {arguments.readme}")
    found = problems(rules, proofs)
    if arguments.check and not arguments.write and wanted != readme:
        found.insert(
            0, f"{arguments.readme}: the conversion table is stale: python scripts/conversion_table.py --write"
        )
    for problem in found if arguments.check else ():
        print(problem, file=sys.stderr)
    return 1 if arguments.check and found else 0


if __name__ == "__main__":
    sys.exit(main())
