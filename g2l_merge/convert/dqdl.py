"""The DQDL (Glue Data Quality Definition Language) parser, as the converter sees it.

glue_compat evaluates rulesets at run time and holds the same parser (glue_compat imports PySpark, which the
converter does not need): the code between the two `---- DQDL parser` markers is identical in both files
(tests/convert/test_glue_compat.py checks it). The converter uses it to decide whether a ruleset can be
evaluated by glue_compat.evaluate_data_quality, or stays for review.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# ---- DQDL parser (the same text in g2l_merge/convert/dqdl.py and glue_compat.py) ----------------------------
# DQDL as documented in https://docs.aws.amazon.com/glue/latest/dg/dqdl.html (syntax, expressions, composite
# rules) and https://docs.aws.amazon.com/glue/latest/dg/dqdl-rule-types.html (the rule types).

# Rule types evaluated by glue_compat, with the number of columns each takes (-1: one or more) and whether it
# compares its value with an expression.
DQ_RULE_TYPES: dict[str, tuple[int, bool]] = {
    "RowCount": (0, True),
    "ColumnCount": (0, True),
    "Completeness": (1, True),
    "IsComplete": (1, False),
    "Uniqueness": (1, True),
    "IsUnique": (1, False),
    "IsPrimaryKey": (-1, False),
    "ColumnExists": (1, False),
    "ColumnValues": (1, True),
    "ColumnLength": (1, True),
    "Mean": (1, True),
    "Sum": (1, True),
    "StandardDeviation": (1, True),
    "DistinctValuesCount": (1, True),
}
# Rule types whose `with threshold` glue_compat evaluates: the share of rows that meet the expression.
DQ_THRESHOLD_TYPES = frozenset({"ColumnValues", "ColumnLength"})
DQ_KEYWORDS = ("NULL", "EMPTY", "WHITESPACES_ONLY")
_DQ_TOKEN = re.compile(
    r'\s*(?:(?P<string>"(?:[^"\\]|\\.)*")|(?P<number>-?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)'
    r"|(?P<op>>=|<=|!=|==|>|<|=)|(?P<word>[A-Za-z_$][A-Za-z0-9_$.]*)|(?P<punct>[\[\](),])|(?P<other>\S))"
)


class DqCondition(NamedTuple):
    """An expression a rule's value is compared with: `> 5`, `between 1 and 9`, `in ["a", NULL]`, `matches "x"`."""

    op: str  # >, >=, <, <=, =, !=, between, not between, in, not in, matches, not matches
    values: tuple[object, ...]  # floats, strings, or DQ_KEYWORDS as DqKeyword

    def __str__(self) -> str:
        shown = [v if isinstance(v, DqKeyword) else _dq_shown(v) for v in self.values]
        if self.op.endswith("between"):
            return f"{self.op} {shown[0]} and {shown[1]}"
        if self.op.endswith("in"):
            return f"{self.op} [{', '.join(str(v) for v in shown)}]"
        return f"{self.op} {shown[0]}"


class DqKeyword(str):
    """NULL, EMPTY or WHITESPACES_ONLY in an expression."""


class DqRule(NamedTuple):
    """One rule: a rule type on columns with an optional expression, or `and`/`or` of rules (`parts`).

    `unsupported` names what glue_compat does not evaluate in it (a rule type, a where clause, a threshold,
    a dynamic expression); such a rule is reported as not evaluated, never as passed.
    """

    text: str
    rule_type: str  # "and" / "or" for a composite rule
    columns: tuple[str, ...] = ()
    condition: DqCondition | None = None
    parts: tuple[DqRule, ...] = ()
    unsupported: str | None = None
    threshold: DqCondition | None = None  # `with threshold > 0.9`: the share of rows that must meet `condition`
    where: str | None = None  # `where "<Spark SQL condition>"`: the rows the rule looks at


def parse_ruleset(ruleset: str) -> list[DqRule]:
    """The rules of a DQDL ruleset (`Rules = [ ... ]`); ValueError naming the rule that does not parse."""
    text = _dq_without_comments(ruleset)
    found = re.search(r"\bRules\s*=\s*\[", text)
    if found is None:
        raise ValueError(f"DQDL ruleset without `Rules = [ ... ]`: {ruleset.strip()!r}")
    body, end = _dq_bracketed(text, found.end() - 1)
    if end < 0:
        raise ValueError(f"DQDL ruleset: `Rules = [` is never closed: {ruleset.strip()!r}")
    rules = [parse_rule(part) for part in _dq_split(body, ",") if part.strip()]
    if not rules:
        raise ValueError(f"DQDL ruleset with no rules: {ruleset.strip()!r}")
    return rules


def ruleset_extras(ruleset: str) -> list[str]:
    """What a ruleset holds besides its Rules list (constants, DefaultLabels, Analyzers): their first words."""
    text = _dq_without_comments(ruleset)
    found = re.search(r"\bRules\s*=\s*\[", text)
    if found is None:
        return []
    _, end = _dq_bracketed(text, found.end() - 1)
    rest = text[: found.start()] + " " + (text[end + 1 :] if end >= 0 else "")
    return [line.split("=")[0].strip() for line in rest.splitlines() if line.strip()]


def parse_rule(text: str) -> DqRule:
    """One DQDL rule; ValueError naming it when it does not parse."""
    text = text.strip()
    tokens = _dq_tokens(text)
    if tokens and tokens[0] == ("punct", "("):
        return _dq_composite(text, tokens)
    if not tokens or tokens[0][0] != "word":
        raise ValueError(f"DQDL rule does not start with a rule type: {text!r}")
    rule_type = tokens[0][1]
    if rule_type not in DQ_RULE_TYPES:
        return DqRule(text, rule_type, unsupported=f"rule type {rule_type}")
    arity, compares = DQ_RULE_TYPES[rule_type]
    at = 1
    columns: list[str] = []
    while at < len(tokens) and tokens[at][0] in ("string", "word") and (arity == -1 or len(columns) < arity):
        if tokens[at][0] == "word" and tokens[at][1].lower() in _DQ_WORDS:
            break
        columns.append(_dq_unquoted(tokens[at][1]) if tokens[at][0] == "string" else tokens[at][1])
        at += 1
    if len(columns) != arity and not (arity == -1 and columns):
        raise ValueError(f"DQDL rule {rule_type} takes {max(arity, 1)} column name(s): {text!r}")
    condition = None
    if compares:
        condition, at, unsupported = _dq_condition(text, tokens, at)
        if unsupported:
            return DqRule(text, rule_type, tuple(columns), unsupported=unsupported)
    where = None
    if at < len(tokens) and tokens[at][0] == "word" and tokens[at][1].lower() == "where":
        if at + 1 >= len(tokens) or tokens[at + 1][0] != "string":
            raise ValueError(f'DQDL `where` needs a "Spark SQL condition": {text!r}')
        where, at = _dq_unquoted(tokens[at + 1][1]), at + 2
    threshold = None
    if at + 1 < len(tokens) and [t[1].lower() for t in tokens[at : at + 2]] == ["with", "threshold"]:
        threshold, at, unsupported = _dq_condition(text, tokens, at + 2)
        if unsupported or rule_type not in DQ_THRESHOLD_TYPES:
            return DqRule(text, rule_type, tuple(columns), condition, unsupported=unsupported or "a threshold")
    if at < len(tokens):
        word = tokens[at][1].lower()
        if word in ("where", "with", "labels"):
            what = {"where": "a where clause", "with": "a threshold", "labels": "labels"}[word]
            return DqRule(text, rule_type, tuple(columns), condition, unsupported=what)
        raise ValueError(f"DQDL rule has {tokens[at][1]!r} where it should end: {text!r}")
    return DqRule(text, rule_type, tuple(columns), condition, threshold=threshold, where=where)


_DQ_WORDS = frozenset({"between", "not", "in", "matches", "where", "with", "labels"})


def _dq_composite(text: str, tokens: list[tuple[str, str]]) -> DqRule:
    """`(rule) and (rule)`, `(rule) or (rule)`, nested; `and` binds tighter than `or`."""
    groups: list[list[DqRule]] = [[]]
    at = 0
    while True:
        if at >= len(tokens) or tokens[at] != ("punct", "("):
            raise ValueError(f"DQDL composite rule: each rule goes in parentheses: {text!r}")
        depth, start = 0, at
        while at < len(tokens):
            depth += {"(": 1, ")": -1}.get(tokens[at][1], 0) if tokens[at][0] == "punct" else 0
            at += 1
            if depth == 0:
                break
        if depth:
            raise ValueError(f"DQDL composite rule: unbalanced parentheses: {text!r}")
        groups[-1].append(parse_rule(_dq_join(tokens[start + 1 : at - 1])))
        if at == len(tokens):
            break
        word = tokens[at][1].lower() if tokens[at][0] == "word" else ""
        if word not in ("and", "or"):
            raise ValueError(f"DQDL composite rule: {tokens[at][1]!r} where `and` or `or` should be: {text!r}")
        if word == "or":
            groups.append([])
        at += 1
    ands = [group[0] if len(group) == 1 else DqRule(text, "and", parts=tuple(group)) for group in groups]
    rule = ands[0] if len(ands) == 1 else DqRule(text, "or", parts=tuple(ands))
    return rule._replace(text=text)


def _dq_condition(text: str, tokens: list[tuple[str, str]], at: int) -> tuple[DqCondition | None, int, str | None]:
    """The expression from tokens[at]: the condition, where it ends, and what makes it unsupported."""
    if at >= len(tokens):
        raise ValueError(f"DQDL rule needs an expression (> 0, between 1 and 9, in [...]): {text!r}")
    kind, value = tokens[at]
    op = value.lower()
    negated = False
    if kind == "word" and op == "not":
        negated, at = True, at + 1
        if at >= len(tokens):
            raise ValueError(f"DQDL rule ends after `not`: {text!r}")
        kind, value = tokens[at]
        op = value.lower()
    if kind == "op" and not negated:
        found, end = _dq_value(tokens, at + 1)
        if found is None:
            return None, end, _dq_dynamic(text, tokens, at + 1)
        return DqCondition("=" if value == "==" else value, (found,)), end, None
    if kind == "word" and op == "between":
        low, end = _dq_value(tokens, at + 1)
        if end >= len(tokens) or tokens[end][1].lower() != "and":
            if low is None:
                return None, end, _dq_dynamic(text, tokens, at + 1)
            raise ValueError(f"DQDL `between x and y` without `and`: {text!r}")
        high, end = _dq_value(tokens, end + 1)
        if low is None or high is None:
            return None, end, _dq_dynamic(text, tokens, at + 1)
        return DqCondition(("not " if negated else "") + "between", (low, high)), end, None
    if kind == "word" and op == "in":
        if at + 1 >= len(tokens) or tokens[at + 1] != ("punct", "["):
            raise ValueError(f"DQDL `in` needs a [list]: {text!r}")
        values: list[object] = []
        end = at + 2
        while end < len(tokens) and tokens[end] != ("punct", "]"):
            found, end = _dq_value(tokens, end)
            if found is None:
                raise ValueError(f"DQDL `in [...]` holds something other than values: {text!r}")
            values.append(found)
            if end < len(tokens) and tokens[end] == ("punct", ","):
                end += 1
        if end >= len(tokens):
            raise ValueError(f"DQDL `in [` is never closed: {text!r}")
        return DqCondition(("not " if negated else "") + "in", tuple(values)), end + 1, None
    if kind == "word" and op == "matches":
        if at + 1 >= len(tokens) or tokens[at + 1][0] != "string":
            raise ValueError(f'DQDL `matches` needs a "pattern": {text!r}')
        pattern = _dq_unquoted(tokens[at + 1][1])
        return DqCondition(("not " if negated else "") + "matches", (pattern,)), at + 2, None
    raise ValueError(f"DQDL rule has {value!r} where an expression should be: {text!r}")


def _dq_value(tokens: list[tuple[str, str]], at: int) -> tuple[object | None, int]:
    """A number, a "string" or a keyword at tokens[at]; None for anything else (now(), last(), $constant)."""
    if at >= len(tokens):
        return None, at
    kind, value = tokens[at]
    follows = tokens[at + 1] if at + 1 < len(tokens) else ("", "")
    if (follows[0] == "punct" and follows[1] == "(") or follows[0] == "other":
        return None, at  # a function call or arithmetic: a dynamic expression
    if kind == "number":
        return float(value), at + 1
    if kind == "string":
        return _dq_unquoted(value), at + 1
    if kind == "word" and value.upper() in DQ_KEYWORDS:
        return DqKeyword(value.upper()), at + 1
    return None, at


def _dq_dynamic(text: str, tokens: list[tuple[str, str]], at: int) -> str:
    if at < len(tokens) and (tokens[at][0] in ("word", "punct", "other")):
        starts = [found.start(found.lastgroup) for found in _DQ_TOKEN.finditer(text) if found.lastgroup]
        return f"the dynamic expression {text[starts[at] :].strip()!r}"
    raise ValueError(f"DQDL rule needs a value after its operator: {text!r}")


def _dq_tokens(text: str) -> list[tuple[str, str]]:
    tokens = []
    for found in _DQ_TOKEN.finditer(text):
        kind = found.lastgroup
        if kind is not None:
            tokens.append((kind, found.group(kind)))
    if not tokens and text.strip():
        raise ValueError(f"DQDL rule does not parse: {text!r}")
    return tokens


def _dq_join(tokens: list[tuple[str, str]]) -> str:
    return " ".join(value for _, value in tokens)


def _dq_unquoted(value: str) -> str:
    return re.sub(r"\\(.)", r"\1", value[1:-1])


def _dq_shown(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _dq_without_comments(text: str) -> str:
    """DQDL comments run from # to the end of the line (a # in a "string" is not one)."""
    return re.sub(r'("(?:[^"\\\n]|\\.)*")|#[^\n]*', lambda m: m.group(1) or "", text)


def _dq_bracketed(text: str, start: int) -> tuple[str, int]:
    """The text inside the bracket at `start` and the position of its closing bracket (-1: never closed)."""
    depth, quoted, at = 0, False, start
    while at < len(text):
        char = text[at]
        if quoted:
            if char == "\\":
                at += 1
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
            if depth == 0:
                return text[start + 1 : at], at
        at += 1
    return "", -1


def _dq_split(text: str, separator: str) -> list[str]:
    """`text` split at `separator` outside brackets, parentheses and strings."""
    parts, current, depth, quoted, escaped = [], "", 0, False, False
    for char in text:
        if quoted:
            quoted = escaped or char != '"'
            escaped = not escaped and char == "\\"
        elif char == '"':
            quoted = True
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(current)
            current = ""
            continue
        current += char
    parts.append(current)
    return parts


# ---- end of DQDL parser -------------------------------------------------------------------------------------
