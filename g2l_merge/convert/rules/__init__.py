"""The rule registry: every rule, in the order its hooks run on each node.

One module per rule family, each with a RULES_IN_ORDER tuple. Id ranges: G2L0xx setup and parameters
(boilerplate, parameters), G2L1xx readers, G2L2xx writers, G2L3xx DynamicFrame methods and
awsglue.transforms (frames), G2L4xx Glue Studio output (studio); G2L000 and G2L099 are the engine's own.
G2L010 (connect) runs last: it reviews what the converted statements use (the SparkContext, the RDD API), which
Spark Connect (Databricks serverless) does not have, so it reads the code the other rules wrote.

Order matters in one place: G2L300 reads a transform call's arguments from the node as earlier rules left
it, so it runs before the method rules that rewrite those calls (tests/convert/test_order.py). Moving any
rule to the front or the end changes no golden case and no corpus file unless it puts G2L300 after them.
"""

from __future__ import annotations

from g2l_merge.convert.rules import boilerplate, connect, frames, parameters, readers, studio, writers
from g2l_merge.convert.rules.base import Registry, Rule, registry

FAMILIES = (boilerplate, parameters, studio, frames, readers, writers, connect)
RULE_CLASSES: tuple[type[Rule], ...] = tuple(cls for family in FAMILIES for cls in family.RULES_IN_ORDER)
RULES: tuple[Rule, ...] = tuple(cls() for cls in RULE_CLASSES)
REGISTRY: Registry = registry(RULES)  # refuses a misspelt hook at import


def describe() -> list[tuple[str, str, str]]:
    """(id, name, one-line summary) for every rule, by id."""
    return sorted((rule.id, rule.name, rule.summary) for rule in RULES)
