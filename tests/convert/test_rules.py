"""Golden before/after cases, one folder per rule id: cases/<RULE>/<name>.in.py -> <name>.out.py.

Every case is converted as `jobs/<name>.py`; its output must equal the .out.py file, parse, keep every comment
of the input (comment_check.py), and convert to itself again (idempotence). Its findings must be those in
<name>.findings, one `LINE RULE` a line in the engine's order (an empty file: none), each LINE a line of the
converted file: the line of the finding's `# g2l: review` comment when it has one (finding_check.py). The
.findings files are written by scripts/golden_findings.py --write, which refuses lines that fail that check.
A first line
`# case-config: {...}` sets [convert] options for that case.

A case proves its folder's rule: without that rule in the registry, the output or the findings differ. A case
named `noop*` is a near miss the rule must leave alone: without the rule, nothing differs.
Every rule in the registry must have a folder with at least one case, and one no-op case.
"""

from __future__ import annotations

import ast
import builtins
import json
from pathlib import Path

import pytest
from comment_check import lost_comments
from finding_check import misplaced

from g2l_merge.config import ConvertConfig
from g2l_merge.convert.engine import Conversion, convert_source
from g2l_merge.convert.glue_exports import STAR_BINDS
from g2l_merge.convert.rules import RULES
from g2l_merge.convert.rules.base import registry
from g2l_merge.convert.rules.frame_calls import THRESHOLDS_RULE
from g2l_merge.convert.rules.frames import ErrorChannel

CASES = Path(__file__).parent / "cases"
ALL = sorted(CASES.glob("*/*.in.py"))


def config_for(text: str) -> ConvertConfig:
    first = text.split("\n", 1)[0]
    if first.startswith("# case-config: "):
        return ConvertConfig(**json.loads(first.removeprefix("# case-config: ")))
    return ConvertConfig()


@pytest.mark.parametrize("case", ALL, ids=[f"{p.parent.name}/{p.name.removesuffix('.in.py')}" for p in ALL])
def test_case(case: Path) -> None:
    before = case.read_text()
    expected = case.with_name(case.name.replace(".in.py", ".out.py")).read_text()
    path = f"jobs/{case.name.removesuffix('.in.py')}.py"
    config = config_for(before)
    result = convert_source(before, path, config)
    assert result.text == expected
    assert not misplaced(result.text, result.findings, before), "a finding does not name its review comment's line"
    assert findings_of(result) == case.with_name(case.name.replace(".in.py", ".findings")).read_text()
    ast.parse(result.text)
    assert not lost_comments(before, result.text), "comments of the input are missing from the output"
    assert convert_source(result.text, path, config).text == result.text, "a second pass changed the output"
    assert not unbound_star_names(before, result.text), "a name a removed awsglue star import bound is left unbound"
    without = convert_source(before, path, config, registry(rule for rule in RULES if rule.id != case.parent.name))
    if case.name.startswith("noop"):
        assert without == result, f"{case.parent.name} changes a case named as its no-op"
    else:
        assert without != result, f"the case passes without {case.parent.name}: it proves another rule"


def findings_of(result: Conversion) -> str:
    """The findings as a .findings file holds them: `LINE RULE`, one a line."""
    return "".join(f"{finding.line} {finding.rule}\n" for finding in result.findings)


def test_every_findings_file_belongs_to_a_case() -> None:
    for findings in CASES.glob("*/*.findings"):
        assert findings.with_name(findings.name.replace(".findings", ".in.py")).exists(), findings


def test_every_rule_has_cases() -> None:
    for rule in RULES:
        assert list((CASES / rule.id).glob("*.in.py")), f"rule {rule.id} ({rule.name}) has no golden case"
        assert list((CASES / rule.id).glob("noop*.in.py")), f"rule {rule.id} ({rule.name}) has no no-op case"
        assert rule.__doc__ and "Before" in rule.__doc__ and "After" in rule.__doc__, f"{rule.id} docstring"


def test_rule_ids_are_unique_and_well_formed() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert all(len(i) == 6 and i.startswith("G2L") and i[3:].isdigit() for i in ids)


def test_error_thresholds_are_reviewed_under_the_error_channel_rule() -> None:
    assert ErrorChannel.id == THRESHOLDS_RULE


def unbound_star_names(before: str, after: str) -> set[str]:
    """Names an awsglue star import of `before` bound (glue_exports.STAR_BINDS) and `before` reads without binding
    them, which `after` still reads without binding them: pyflakes cannot see through star imports."""
    tree = ast.parse(before)
    star_bound = {
        name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module in STAR_BINDS and node.names[0].name == "*"
        for name in STAR_BINDS[node.module]
    }
    from_star = (_read(tree) - _bound(tree)) & star_bound
    converted = ast.parse(after)
    return (from_star & _read(converted)) - _bound(converted) - set(dir(builtins))


def _read(tree: ast.AST) -> set[str]:
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)}


def _bound(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            found.add(node.id)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            found.update((alias.asname or alias.name).split(".")[0] for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found.add(node.name)
        elif isinstance(node, ast.arg):
            found.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            found.add(node.name)
    return found


def test_unbound_star_names_sees_a_name_only_the_star_import_bound() -> None:
    before = "from awsglue.context import *\nlog = logging.getLogger(__name__)\nframe = DynamicFrame\n"
    assert unbound_star_names(before, "log = logging.getLogger(__name__)\n") == {"logging"}
    assert not unbound_star_names(before, "import logging\nlog = logging.getLogger(__name__)\n")
    assert not unbound_star_names("from awsglue.transforms import *\nx = DynamicFrame\n", "x = DynamicFrame\n")
