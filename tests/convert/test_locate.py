"""Review items name the converted file's line (issue 10 item 6): engine.py relocates findings (locate.py).

The golden cases and the corpus check every finding against its comment (finding_check.py); these are the
cases a single comment per text does not show: the same comment above two statements, a comment the input
already held, files carried over unchanged, and findings with no comment.
"""

from __future__ import annotations

from finding_check import misplaced, text_lines

from g2l_merge.config import ConvertConfig
from g2l_merge.convert import engine
from g2l_merge.convert.locate import relocate, review_lines
from g2l_merge.convert.rules.readers import CREDENTIALS_KEPT

JDBC_READ = """{name} = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={{"url": "jdbc:postgresql://core:5432/loans", "dbtable": "{table}", "user": "etl"}},
)
"""
SETUP = """from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
"""
CREDENTIALS_COMMENT = f"# g2l: review G2L103: {CREDENTIALS_KEPT}"


def _comment_lines(text: str, comment: str) -> list[int]:
    return [number for number, line in enumerate(text_lines(text), start=1) if line.strip() == comment]


def test_statements_with_the_same_comment_get_its_occurrences_in_order() -> None:
    source = (
        SETUP
        + JDBC_READ.format(name="loans", table="public.loans")
        + "\n"
        + JDBC_READ.format(name="limits", table="public.limits")
    )
    result = engine.convert_source(source, "jobs/loans.py", ConvertConfig())
    at = _comment_lines(result.text, CREDENTIALS_COMMENT)
    assert len(at) == 2
    assert [f.line for f in result.findings if f.rule == "G2L103"] == at
    assert not misplaced(result.text, result.findings)


def test_a_comment_the_input_already_held_keeps_its_place_in_the_order() -> None:
    kept = f"{CREDENTIALS_COMMENT}\nlimits = spark.table('risk.limits')\n\n"  # a person kept it above other code
    source = SETUP + kept + JDBC_READ.format(name="loans", table="public.loans")
    result = engine.convert_source(source, "jobs/loans.py", ConvertConfig())
    kept_at, read_at = _comment_lines(result.text, CREDENTIALS_COMMENT)
    assert kept_at < read_at
    assert [f.line for f in result.findings if f.rule == "G2L103"] == [read_at]


def test_converting_the_output_again_names_the_same_lines() -> None:
    source = (
        SETUP
        + JDBC_READ.format(name="loans", table="public.loans")
        + JDBC_READ.format(name="limits", table="public.limits")
    )
    first = engine.convert_source(source, "jobs/loans.py", ConvertConfig())
    again = engine.convert_source(first.text, "jobs/loans.py", ConvertConfig())
    assert again.text == first.text
    claimed = {(f.line, f.rule, f.message) for f in again.findings}
    assert claimed <= {(f.line, f.rule, f.message) for f in first.findings}
    assert not misplaced(again.text, again.findings)


def test_a_file_carried_over_unchanged_keeps_its_lines() -> None:
    broken = "x = 1\n\ndef broken(:\n"
    assert [(f.line, f.rule) for f in engine.convert_source(broken, "jobs/b.py", ConvertConfig()).findings] == [
        (3, engine.PARSE_RULE)
    ]
    layout = "#!/usr/bin/env python\nimport json\nfrom awsglue.blueprint.workflow import Workflow\n"
    result = engine.convert_source(layout, "jobs/layout.py", ConvertConfig())
    [finding] = result.findings
    assert text_lines(result.text)[finding.line - 1].startswith("# g2l: review G2L006: ")
    assert finding.line == 4  # shebang, header, json, the comment: the import is on line 5


def test_a_finding_without_a_comment_moves_down_with_the_header_and_stays_in_the_file() -> None:
    text = "#!/usr/bin/env python\nx = 1\ny = 2\n"
    finding = engine.Finding("jobs/a.py", 2, "G2L999", "no comment for this one")
    at_end = finding._replace(line=9)
    whole_file = finding._replace(line=0)
    converted = engine.with_header(text, "jobs/a.py")
    moved = relocate([finding, at_end, whole_file], text, converted, {}, {}, engine._header_shift(text))
    assert [f.line for f in moved] == [0, 3, 4]  # 0 stays 0; line 2 is line 3 under the header; 9 is past the end
    assert relocate([finding], converted, converted, {}, {}, engine._header_shift(converted)) == (finding,)


def test_review_lines_counts_lines_as_python_does() -> None:
    text = "a = 1\r\n# g2l: review G2L1: x\rb = 2\x0c\n    # g2l: review G2L1: x\n"
    assert review_lines(text) == {"# g2l: review G2L1: x": [2, 4]}


def test_the_line_check_sees_a_wrong_line_a_line_past_the_end_and_a_comment_named_once_for_two() -> None:
    text = "# g2l: review G2L1: x\na = 1\n# g2l: review G2L1: x\nb = 2\n"
    right = [engine.Finding("p", 1, "G2L1", "x"), engine.Finding("p", 3, "G2L1", "x")]
    assert not misplaced(text, right, "a = 1\nb = 2\n")
    assert misplaced(text, [right[0]._replace(line=2)])
    assert misplaced(text, [engine.Finding("p", 5, "G2L2", "y")])
    assert misplaced(text, [right[0], right[0]], "a = 1\nb = 2\n")  # two comments added, one line named
    assert not misplaced(text, [right[0]], "# g2l: review G2L1: x\na = 1\nb = 2\n")  # one was in the input
