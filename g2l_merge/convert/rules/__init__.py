"""The rule registry: every rule, in the order its hooks run on each node.

Order matters where one rule's output is another's input: canonical forms (transforms rewritten to
method calls) come before the per-method rules, and the setup rules come first.
"""

from __future__ import annotations

from g2l_merge.convert.rules.base import Rule
from g2l_merge.convert.rules.boilerplate import AwsglueImports, GlueLogger, JobLifecycle, SparkSessionSetup
from g2l_merge.convert.rules.parameters import ResolvedOptions

RULE_CLASSES: tuple[type[Rule], ...] = (
    AwsglueImports,
    SparkSessionSetup,
    GlueLogger,
    JobLifecycle,
    ResolvedOptions,
)
RULES: tuple[Rule, ...] = tuple(cls() for cls in RULE_CLASSES)


def describe() -> list[tuple[str, str, str]]:
    """(id, name, one-line summary) for every rule, by id."""
    return sorted((rule.id, rule.name, rule.summary) for rule in RULES)
