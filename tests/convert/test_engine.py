"""The engine's own promises: never a crash, one parse, header placement, comments of removed statements."""

from __future__ import annotations

import subprocess
import sys

import libcst as cst
import pytest

from g2l_merge.config import ConvertConfig
from g2l_merge.convert import engine
from g2l_merge.convert.context import ConvertContext
from g2l_merge.convert.rules import REGISTRY, RULES
from g2l_merge.convert.rules.base import Rule, UnknownHook, registry
from g2l_merge.convert.rules.boilerplate import GlueLogger
from g2l_merge.convert.tree import walk

GLUE = """from pyspark.context import SparkContext
from awsglue.context import GlueContext

glueContext = GlueContext(SparkContext.getOrCreate())
logger = glueContext.get_logger()
logger.warn("late")
"""


class _BrokenLogger(GlueLogger):
    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        raise RuntimeError("bug in a rule")


def test_a_failing_rule_leaves_its_node_as_written_with_a_finding() -> None:
    rules = registry(_BrokenLogger() if isinstance(rule, GlueLogger) else rule for rule in RULES)
    result = engine.convert_source(GLUE, "jobs/a.py", ConvertConfig(), rules)
    assert 'logger.warn("late")' in result.text  # GlueLogger's work was not done, nothing else broke
    assert "spark = SparkSession.builder.getOrCreate()" in result.text
    failed = [(f.line, f.rule) for f in result.findings if "could not apply" in f.message]
    # one per call it saw, at the converted file's lines: no comment, so its Glue line under the header
    assert failed == [(5, "G2L003"), (5, "G2L003"), (6, "G2L003"), (7, "G2L003")]


def test_unparseable_file_is_carried_over_with_one_finding_naming_the_line() -> None:
    result = engine.convert_source("x = 1\ndef broken(:\n", "jobs/b.py", ConvertConfig())
    assert result.text == "x = 1\ndef broken(:\n"
    assert [(f.line, f.rule) for f in result.findings] == [(2, "G2L000")]


def test_a_syntax_error_is_where_python_puts_it_not_at_the_parser_s_next_token() -> None:
    """libcst names the line after an unquoted path (where its next token is); Python, and an editor, its own."""
    text = 'write(options={\n    "path": s3://risk/positions\n  },\n  format="parquet",\n)\n'
    result = engine.convert_source(text, "jobs/b.py", ConvertConfig())
    assert result.text == text
    assert result.findings == (
        engine.Finding(
            "jobs/b.py", 2, "G2L000", "not valid Python at column 15 (invalid syntax), carried over unchanged"
        ),
    )
    assert result.syntax == (2, 15, "invalid syntax")


def test_a_file_only_libcst_rejects_keeps_libcst_s_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should Python read a file the converter's parser does not, the finding says so at libcst's position."""
    monkeypatch.setattr(engine, "syntax_problem", lambda text: None)
    result = engine.convert_source("x = 1\nif x\n    y = 2\n", "jobs/b.py", ConvertConfig())
    assert result.findings == (
        engine.Finding(
            "jobs/b.py",
            3,
            "G2L000",
            "not valid Python at column 1 (Python reads it, the converter's parser (libcst) does not), "
            "carried over unchanged",
        ),
    )


def test_a_converter_failure_outside_the_rules_carries_the_file_over_with_its_own_id(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(tree: object) -> object:
        raise RuntimeError("bug in the engine")

    monkeypatch.setattr(engine, "track", broken)
    result = engine.convert_source(GLUE, "jobs/a.py", ConvertConfig())
    assert result.text == GLUE
    assert [(f.line, f.rule) for f in result.findings] == [(1, engine.INTERNAL_RULE)]
    assert engine.INTERNAL_RULE != engine.PARSE_RULE
    assert "RuntimeError" in result.findings[0].message


def test_header_goes_after_shebang_and_coding_lines_once() -> None:
    text = "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nx = 1\n"
    once = engine.convert_source(text, "jobs/c.py", ConvertConfig()).text
    assert once == "#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n# g2l: converted from jobs/c.py\nx = 1\n"
    assert engine.convert_source(once, "jobs/c.py", ConvertConfig()).text == once


def test_comments_of_removed_statements_move_to_the_next_statement() -> None:
    text = (
        "from awsglue.job import Job\nfrom awsglue.context import GlueContext\nfrom pyspark.context import "
        "SparkContext\n\nglueContext = GlueContext(SparkContext.getOrCreate())\n# start the job\n"
        "job = Job(glueContext)\ntotal = 1\n"
    )
    out = engine.convert_source(text, "jobs/d.py", ConvertConfig()).text
    assert "# start the job\ntotal = 1\n" in out


def test_every_rule_instance_is_registered_once() -> None:
    assert len({id(rule) for rule in RULES}) == len(RULES)
    assert len({type(rule) for rule in RULES}) == len(RULES)


class _Misspelt(GlueLogger):
    def leave_Cal(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        return updated


class _Visiting(GlueLogger):
    def visit_Call(self, ctx: ConvertContext, node: cst.Call) -> None:
        return None


@pytest.mark.parametrize("rule", [_Misspelt(), _Visiting()], ids=["leave_Cal", "visit_Call"])
def test_a_hook_the_engine_would_never_run_is_refused_when_the_registry_is_built(rule: GlueLogger) -> None:
    with pytest.raises(UnknownHook, match="is not a hook the engine runs"):
        registry([*RULES, rule])


def test_the_registry_lists_only_the_hooks_a_rule_overrides_in_rule_order() -> None:
    calls = [hook.rule for hook in REGISTRY.hooks[cst.Call]]
    assert calls == [rule for rule in RULES if type(rule).leave_Call is not Rule.leave_Call]
    assert cst.While not in REGISTRY.hooks  # no rule hooks it: its nodes cost no hook lookups
    assert [rule.id for rule in REGISTRY.finishing] == ["G2L001", "G2L002", "G2L405"]


def test_rule_state_is_made_per_file() -> None:
    tree = walk(cst.parse_module("x = 1\n"))
    first, second = (ConvertContext("a.py", ConvertConfig(), engine.track(tree), tree) for _ in range(2))
    assert first.state(list) is first.state(list)
    assert first.state(list) is not second.state(list)


COMMENTED = """import sys

# Glue runtime: {comment}
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions  # {comment}
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())  # {comment}
job = Job(glueContext)
job.init(args["JOB_NAME"], args)  # {comment}
ledger = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={{
        "url": "jdbc:postgresql://ledger:5432/gl",
        # "dbtable": "{comment}",
        "dbtable": "gl.balances",  # {comment}
    }},
)
glueContext.write_dynamic_frame.from_options(
    frame=ledger,
    connection_type="s3",
    # {comment}
    connection_options={{"path": "s3://bank-risk-curated/gl/"}},
    format="parquet",
)
# {comment}
job.commit()  # {comment}
"""


@pytest.mark.parametrize("at", range(COMMENTED.count("{comment}")))
def test_a_glue_change_to_a_comment_only_still_changes_the_output(at: int) -> None:
    """Every comment is carried, so a Glue commit that edits just one (in an options dict the rule spells out, on
    a removed import or Job line) reaches the converted file, with the new text."""
    parts = COMMENTED.split("{comment}")

    def with_comment(text: str) -> str:
        return (
            "".join(
                part + ("" if i == len(parts) - 1 else text if i == at else "kept as it was")
                for i, part in enumerate(parts)
            )
            .replace("{{", "{")
            .replace("}}", "}")
        )

    before = engine.convert_source(with_comment("ledger v1"), "jobs/gl.py", ConvertConfig())
    after = engine.convert_source(with_comment("ledger v2"), "jobs/gl.py", ConvertConfig())
    assert before.findings == after.findings
    assert before.text != after.text
    assert "ledger v2" in after.text and "ledger v1" not in after.text


def test_the_statement_type_set_names_every_statement_class_libcst_exports() -> None:
    exported = {
        kind
        for kind in vars(cst).values()
        if isinstance(kind, type)
        and issubclass(kind, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
        and not getattr(kind, "__abstractmethods__", None)
    }
    assert exported == set(engine._STATEMENT_TYPES)


def test_converting_a_file_does_not_import_libcst_matchers() -> None:
    """libcst.matchers takes a quarter of a second to import, in every process that converts: the rules test
    nodes with isinstance and attribute reads instead."""
    script = (
        "import sys\n"
        "from g2l_merge.config import ConvertConfig\n"
        "from g2l_merge.convert.engine import convert_source\n"
        f"converted = convert_source({GLUE!r}, 'jobs/a.py', ConvertConfig())\n"
        "assert 'getLogger' in converted.text, converted.text\n"
        "print(sorted(name for name in sys.modules if name.startswith(('libcst.matchers', 'libcst.codemod'))))\n"
    )
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


def test_a_rule_with_call_names_leaves_every_other_attribute_call_alone() -> None:
    """The engine skips a rule's leave_Call for a call `x.<attr>(...)` whose attr is outside the rule's call_names
    (base.Rule): over every call of the corpus and golden cases, such a rule gives back `updated` as it is,
    without reading anything else (no context: any use of it would fail)."""
    from pathlib import Path

    here = Path(__file__).parent
    naming = [rule for rule in RULES if rule.call_names is not None]
    assert naming
    files = sorted((here / "corpus").rglob("*.py")) + sorted((here / "cases").rglob("*.py"))
    calls = [
        node
        for path in files
        for node in walk(cst.parse_module(path.read_text())).nodes
        if type(node) is cst.Call and type(node.func) is cst.Attribute
    ]
    assert calls
    for rule in naming:
        for call in calls:
            assert isinstance(call.func, cst.Attribute)
            if call.func.attr.value not in rule.call_names:
                assert rule.leave_Call(None, call, call) is call  # type: ignore[arg-type]


def test_the_runner_looks_hooks_up_by_name_only_when_it_has_some_of_its_own() -> None:
    """CSTTransformer's own visit_/leave_ methods do nothing: the engine's runner skips their lookups, and a
    subclass that adds one gets it called."""
    from g2l_merge.convert.names import track
    from g2l_merge.convert.tree import transform

    assert not engine._dispatches(engine._Runner)

    class Renaming(engine._Runner):
        def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.Name:
            return updated_node.with_changes(value="renamed")

    assert engine._dispatches(Renaming)
    module = cst.parse_module("x = y\n")
    tree = walk(module)
    runner = Renaming(REGISTRY, "job.py", ConvertConfig(), track(tree), tree)
    assert transform(module, runner).code == "renamed = renamed\n"
