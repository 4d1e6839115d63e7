"""Rule order: where it matters (G2L300 before the method rules), and a statement rule that no longer depends on it.

Moving each rule to the front and to the end of the registry, over the golden cases and the corpus, changes
an output only when G2L300 ends up after a method rule; the rules otherwise act on different nodes, or read
the original node. G2L409 after the writers also did, until it stopped asserting the statement's shape.
"""

from __future__ import annotations

from g2l_merge.config import ConvertConfig
from g2l_merge.convert.engine import Conversion, convert_source
from g2l_merge.convert.rules import RULES
from g2l_merge.convert.rules.base import Rule, registry
from g2l_merge.convert.rules.frame_calls import FrameRule
from g2l_merge.convert.rules.frames import ApplyMappingRule, TransformForms
from g2l_merge.convert.rules.studio import CustomVisualTransform

MAPPED = """from awsglue.transforms import ApplyMapping

mapped = ApplyMapping.apply(frame=trades, mappings=[("id", "string", "id", "long")])
"""
# A Studio script that keeps a write's result: the writer rule (G2L201) makes the statement a bare write.
WRITTEN = """from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
frame = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="trades")
sink = glueContext.write_dynamic_frame.from_options(
    frame=frame, connection_type="s3", connection_options={"path": "s3://risk/out/"}, format="parquet"
)
"""


def _moved_after(rule: type[Rule], other: type[Rule]) -> list[Rule]:
    moving = next(r for r in RULES if type(r) is rule)
    order = [r for r in RULES if r is not moving]
    at = next(i for i, r in enumerate(order) if type(r) is other)
    return [*order[: at + 1], moving, *order[at + 1 :]]


def _convert(text: str, rules: list[Rule] | None = None) -> Conversion:
    return convert_source(text, "jobs/x.py", ConvertConfig(), registry(rules) if rules is not None else None)


def test_transform_forms_runs_before_the_method_rules() -> None:
    # G2L300 reads a transform call's arguments from `updated`, the node as the earlier rules left it. After
    # G2L302 rewrote `ApplyMapping.apply(frame=..., mappings=...)` into `trades.select(...)`, those are the
    # select's arguments, which bind to no transform parameter: G2L300 would report a call it cannot read.
    ordered, swapped = _convert(MAPPED), _convert(MAPPED, _moved_after(TransformForms, ApplyMappingRule))
    assert "review G2L300" not in ordered.text and 'trades.select(F.col("id")' in ordered.text
    assert "# g2l: review G2L300: ApplyMapping.apply: its arguments could not be read" in swapped.text
    rules = list(RULES)
    first_method = min(i for i, rule in enumerate(rules) if isinstance(rule, FrameRule))
    assert rules.index(next(r for r in rules if isinstance(r, TransformForms))) < first_method


def test_custom_visual_transform_takes_a_statement_a_writer_already_changed() -> None:
    # The writers run after the Studio family. A writer turns `sink = write(...)` into a bare write, so a
    # statement rule after it sees no assignment: G2L409 checks the statement it is given, and the order of
    # the two shows in no output (it once asserted the shape, and failed on this statement when moved last).
    writer = next(type(rule) for rule in RULES if rule.id == "G2L201")
    ordered, moved = _convert(WRITTEN), _convert(WRITTEN, _moved_after(CustomVisualTransform, writer))
    assert ".save(" in ordered.text and "sink =" not in ordered.text
    assert moved == ordered
