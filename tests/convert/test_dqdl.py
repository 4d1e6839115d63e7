"""The DQDL parser the converter reads rulesets with (g2l_merge/convert/dqdl.py), and its copy inside glue_compat.py
that converted jobs evaluate rulesets with: every test runs on both (no Spark session is started).

Each expected value is written out by hand from the DQDL reference (docs.aws.amazon.com/glue/latest/dg/dqdl.html):
what a rule parses into decides whether the converter rewrites an EvaluateDataQuality call or leaves it for review.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from g2l_merge.convert import dqdl
from g2l_merge.convert.compat import glue_compat
from g2l_merge.convert.dqdl import DqCondition, DqRule


@pytest.fixture(params=["converter", "glue_compat"])
def dq(request: pytest.FixtureRequest) -> ModuleType:
    """The parser under test: the converter's module, or the same text inside glue_compat.py."""
    return dqdl if request.param == "converter" else glue_compat


@pytest.mark.parametrize(
    ("text", "rule_type", "columns", "condition"),
    [
        ("RowCount > 0", "RowCount", (), DqCondition(">", (0.0,))),
        ("ColumnCount == 12", "ColumnCount", (), DqCondition("=", (12.0,))),
        ('Completeness "notional" >= 0.95', "Completeness", ("notional",), DqCondition(">=", (0.95,))),
        ("IsComplete desk", "IsComplete", ("desk",), None),
        ('IsPrimaryKey "desk" "trade_id"', "IsPrimaryKey", ("desk", "trade_id"), None),
        ('ColumnValues "rating" in ["AAA", "AA", NULL]', "ColumnValues", ("rating",), None),
        ('ColumnValues "pd" between 0 and 1', "ColumnValues", ("pd",), DqCondition("between", (0.0, 1.0))),
        ('ColumnValues "pd" not between 0 and 1', "ColumnValues", ("pd",), DqCondition("not between", (0.0, 1.0))),
        (
            'ColumnValues "lei" matches "[A-Z0-9]{20}"',
            "ColumnValues",
            ("lei",),
            DqCondition("matches", ("[A-Z0-9]{20}",)),
        ),
        ('ColumnLength "lei" = 20', "ColumnLength", ("lei",), DqCondition("=", (20.0,))),
        ('Mean "pd" < 1e-1', "Mean", ("pd",), DqCondition("<", (0.1,))),
        ('DistinctValuesCount "desk" != -3', "DistinctValuesCount", ("desk",), DqCondition("!=", (-3.0,))),
    ],
)
def test_a_rule_parses_into_its_type_columns_and_expression(
    dq: ModuleType, text: str, rule_type: str, columns: tuple[str, ...], condition: DqCondition | None
) -> None:
    rule = dq.parse_rule(text)
    assert (rule.rule_type, rule.columns, rule.unsupported) == (rule_type, columns, None)
    if condition is not None:
        assert rule.condition == condition


def test_in_lists_keep_keywords_apart_from_strings(dq: ModuleType) -> None:
    rule = dq.parse_rule('ColumnValues "rating" not in ["D", NULL, EMPTY]')
    assert rule.condition is not None
    assert rule.condition.op == "not in"
    assert rule.condition.values == ("D", "NULL", "EMPTY")
    assert [isinstance(value, dq.DqKeyword) for value in rule.condition.values] == [False, True, True]
    assert str(rule.condition) == 'not in ["D", NULL, EMPTY]'


def test_threshold_and_where_are_read_for_the_types_that_take_them(dq: ModuleType) -> None:
    rule = dq.parse_rule('ColumnValues "pd" <= 1 where "desk = \'FX\'" with threshold > 0.9')
    assert rule.where == "desk = 'FX'"
    assert rule.threshold == DqCondition(">", (0.9,))
    assert rule.unsupported is None
    assert dq.parse_rule('Mean "pd" > 0 with threshold > 0.5').unsupported == "a threshold"


@pytest.mark.parametrize(
    ("text", "unsupported"),
    [
        ('CustomSql "select count(*) from primary" > 0', "rule type CustomSql"),
        ('DataFreshness "as_of" <= 24 hours', "rule type DataFreshness"),
        ("RowCount > avg(last(3))", "the dynamic expression 'avg(last(3))'"),
        ('Completeness "pd" > 0.9 labels = ["credit"]', "labels"),
        ('ColumnValues "pd" > 0 with threshold > 0.5 where "desk = 1"', "a where clause"),
    ],
)
def test_what_glue_compat_does_not_evaluate_is_named_not_dropped(dq: ModuleType, text: str, unsupported: str) -> None:
    assert dq.parse_rule(text).unsupported == unsupported


def test_composite_rules_bind_and_tighter_than_or(dq: ModuleType) -> None:
    rule = dq.parse_rule('(RowCount > 0) or (IsComplete "desk") and (IsUnique "trade_id")')
    assert rule.rule_type == "or"
    first, second = rule.parts
    assert first.rule_type == "RowCount"
    assert second.rule_type == "and"
    assert [part.rule_type for part in second.parts] == ["IsComplete", "IsUnique"]
    assert rule.text == '(RowCount > 0) or (IsComplete "desk") and (IsUnique "trade_id")'


def test_a_ruleset_reads_its_rules_comments_and_extras(dq: ModuleType) -> None:
    ruleset = """
        # limits feed checks
        MinRows = 10
        Rules = [
            RowCount > 0,  # never empty
            ColumnValues "desk" in ["FX", "RATES"],
            (IsComplete "desk") and (IsComplete "pd")
        ]
    """
    rules = dq.parse_ruleset(ruleset)
    assert [rule.rule_type for rule in rules] == ["RowCount", "ColumnValues", "and"]
    assert rules[1].condition == DqCondition("in", ("FX", "RATES"))
    assert dq.ruleset_extras(ruleset) == ["MinRows"]
    assert dq.ruleset_extras("no rules here") == []
    assert dq.parse_ruleset('Rules = [ColumnValues "note" = "a # b"]')[0].condition == DqCondition("=", ("a # b",))


@pytest.mark.parametrize(
    ("ruleset", "message"),
    [
        ("RowCount > 0", "without `Rules = [ ... ]`"),
        ("Rules = [ RowCount > 0", "never closed"),
        ("Rules = [ ]", "with no rules"),
        ("Rules = [ > 3 ]", "does not start with a rule type"),
        ("Rules = [ Completeness > 0.5 ]", "takes 1 column name(s)"),
        ('Rules = [ Completeness "pd" ]', "needs an expression"),
        ('Rules = [ ColumnValues "pd" not ]', "ends after `not`"),
        ('Rules = [ ColumnValues "pd" between 1 ]', "without `and`"),
        ('Rules = [ ColumnValues "pd" in "a" ]', "needs a [list]"),
        ('Rules = [ ColumnValues "pd" in ["a", now()] ]', "other than values"),
        ('Rules = [ ColumnValues "pd" in ["a" ]', "never closed"),
        ('Rules = [ ColumnValues "pd" matches 3 ]', 'needs a "pattern"'),
        ('Rules = [ ColumnValues "pd" "x" ]', "where an expression should be"),
        ('Rules = [ ColumnValues "pd" > ]', "needs a value after its operator"),
        ('Rules = [ ColumnValues "pd" > 1 extra ]', "where it should end"),
        ('Rules = [ IsComplete "pd" where 3 ]', "`where` needs"),
        ("Rules = [ (RowCount > 0) RowCount > 1 ]", "where `and` or `or` should be"),
        ("Rules = [ (RowCount > 0) and RowCount > 1 ]", "each rule goes in parentheses"),
    ],
)
def test_a_ruleset_that_does_not_parse_is_named_in_the_error(dq: ModuleType, ruleset: str, message: str) -> None:
    with pytest.raises(ValueError, match="DQDL") as raised:
        dq.parse_ruleset(ruleset)
    assert message in str(raised.value)


def test_rules_compare_as_named_tuples(dq: ModuleType) -> None:
    assert dq.parse_rule("RowCount > 0") == DqRule("RowCount > 0", "RowCount", (), DqCondition(">", (0.0,)))
