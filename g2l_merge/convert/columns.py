"""Column-expression code written by the frames rules: Glue paths and types, record predicates as Columns.

Pure functions from syntax to source text. glue_compat holds the runtime twins of the path and type helpers;
it cannot be imported here, because it imports PySpark and the converter does not need it.
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple

import libcst as cst

from g2l_merge.convert.rules.base import code_of, string_value
from g2l_merge.convert.tree import visit

# Glue type names whose Spark spelling differs; "decimal" alone is Glue's DecimalType(), that is (10, 2).
SPARK_TYPES = {"long": "bigint", "integer": "int", "short": "smallint", "byte": "tinyint", "decimal": "decimal(10,2)"}
CASTABLE = frozenset(
    {"string", "int", "bigint", "smallint", "tinyint", "float", "double", "boolean", "date", "timestamp", "binary"}
)
UNCASTABLE = frozenset({"array", "struct", "map", "null", "choice"})
DECIMAL = re.compile(r"decimal\(\s*\d+\s*,\s*\d+\s*\)")
ORDERING = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}  # an operator and its mirror, to put the column first
# re functions and the anchors rlike (which searches) needs to match as they do.
REGEX_ANCHORS = {"re.match": ("^", ""), "re.search": ("", ""), "re.fullmatch": ("^", "$")}


def py_str(value: str) -> str:
    """A double-quoted Python string literal."""
    return json.dumps(value, ensure_ascii=False)


def glue_path(path: str) -> list[str]:
    """A Glue field path as names: `a.b` is two, `` `a.b` `` is one; `items[]` keeps its brackets."""
    parts, current, quoted = [], "", False
    for char in path:
        if char == "`":
            quoted = not quoted
        elif char == "." and not quoted:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def is_plain(path: str) -> bool:
    """A top-level field name that needs no path handling."""
    return bool(path) and not any(mark in path for mark in (".", "`", "[", "]"))


def spark_path(parts: list[str]) -> str:
    """Spark's column reference for Glue path names (backticks where a name holds a dot)."""
    return ".".join(f"`{part}`" if "." in part or "`" in part else part for part in parts)


# Column.try_cast is in PySpark from Databricks Runtime 15.0 (open-source Spark 4.0); SQL's try_cast(x AS t),
# reached through F.expr, is in every runtime g2l-merge writes for.
TRY_CAST_METHOD = (15, 0)
SQL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def try_cast_code(fn: str, parts: list[str], type_name: str, runtime: tuple[int, int]) -> str:
    """A try_cast of the column at the Glue path parts to a Spark type, as the runtime can run it."""
    if runtime >= TRY_CAST_METHOD:
        return f"{fn}.col({py_str(spark_path(parts))}).try_cast({py_str(type_name)})"
    names = ".".join(part if SQL_NAME.fullmatch(part) else "`" + part.replace("`", "``") + "`" for part in parts)
    return f"{fn}.expr({py_str(f'try_cast({names} AS {type_name})')})"


def spark_type(glue_type: str) -> str:
    name = glue_type.strip().lower()
    return SPARK_TYPES.get(name, name)


def is_type_name(value: str) -> bool:
    name = spark_type(value)
    return name in CASTABLE or name in UNCASTABLE or bool(DECIMAL.fullmatch(name)) or name.startswith("varchar(")


def castable(glue_type: str) -> bool:
    name = spark_type(glue_type)
    return name in CASTABLE or bool(DECIMAL.fullmatch(name))


def string_list(node: cst.BaseExpression | None) -> list[str] | None:
    """The strings of a literal list/tuple of string literals (or of one string literal), else None."""
    if node is None:
        return None
    single = string_value(node)
    if single is not None:
        return [single]
    if not isinstance(node, (cst.List, cst.Tuple)):
        return None
    values = [string_value(element.value) if isinstance(element, cst.Element) else None for element in node.elements]
    return None if any(value is None for value in values) else [v for v in values if v is not None]


class Predicate(NamedTuple):
    code: str
    nulls_differ: bool  # an `or` over comparisons that raise on None in Python: null rows may be kept


class _Code(NamedTuple):
    text: str
    kind: str  # "atom" (a call chain), "compare", "and", "or", "not"


def lambda_predicate(node: cst.BaseExpression, functions: str) -> Predicate | None:
    """A Column condition for `lambda r: <comparisons of r["field"] with literals, and/or/not>`, else None.

    It keeps Glue's record semantics where Python and SQL differ on None: `==` and `!=` against a null
    field give False and True as in Python (eqNullSafe), `in` gives False; an ordering comparison with
    None raises in Python (Glue then drops the record) and is null in SQL (the row is dropped too).
    """
    if not isinstance(node, cst.Lambda) or not _single_parameter(node.params):
        return None
    translator = _Predicates(node.params.params[0].name.value, functions)
    code = translator.condition(node.body, negated=False)
    if code is None:
        return None
    return Predicate(code.text, translator.saw_or and translator.saw_raising)


def _single_parameter(params: cst.Parameters) -> bool:
    return (
        len(params.params) == 1
        and not params.posonly_params
        and not params.kwonly_params
        and not isinstance(params.star_arg, cst.Param)
        and params.star_kwarg is None
        and params.params[0].default is None
    )


class _Predicates:
    def __init__(self, record: str, functions: str) -> None:
        self.record = record
        self.functions = functions
        self.saw_or = False
        self.saw_raising = False

    def condition(self, node: cst.BaseExpression, negated: bool) -> _Code | None:
        if isinstance(node, cst.BooleanOperation):
            return self._boolean(node, negated)
        if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Not):
            inner = self.condition(node.expression, not negated)
            if inner is not None and inner.kind in ("and", "or"):
                self.saw_or = True
            return None if inner is None else _Code("~" + _wrapped(inner, ("compare", "and", "or")), "not")
        if isinstance(node, cst.Comparison):
            return self._comparison(node, negated)
        if isinstance(node, cst.Call):
            return self._call(node, negated)
        return None

    def _call(self, node: cst.Call, negated: bool) -> _Code | None:
        """bool(x) is x; re.match/search/fullmatch(pattern, field) is field.rlike(pattern), anchored alike."""
        name = code_of(node.func).strip()
        plain = [a.value for a in node.args if a.keyword is None and not a.star]
        if len(plain) != len(node.args):
            return None
        if name == "bool" and len(plain) == 1:
            return self.condition(plain[0], negated)
        pattern = string_value(plain[0]) if name in REGEX_ANCHORS and len(plain) == 2 else None
        field = self.value(plain[1]) if pattern is not None else None
        if pattern is None or field is None or not field[1] or "(?P" in pattern:
            return None
        start, end = REGEX_ANCHORS[name]
        anchored = pattern if (not start or pattern.startswith("^")) and not end else f"{start}(?:{pattern}){end}"
        return _Code(f"{field[0]}.rlike({py_str(anchored)})", "atom")

    def _boolean(self, node: cst.BooleanOperation, negated: bool) -> _Code | None:
        left, right = self.condition(node.left, negated), self.condition(node.right, negated)
        if left is None or right is None:
            return None
        if isinstance(node.operator, cst.And):
            return _Code(f"{_wrapped(left, ('compare', 'or'))} & {_wrapped(right, ('compare', 'or'))}", "and")
        self.saw_or = True
        return _Code(f"{_wrapped(left, ('compare', 'and'))} | {_wrapped(right, ('compare', 'and'))}", "or")

    def _comparison(self, node: cst.Comparison, negated: bool) -> _Code | None:
        pairs: list[_Code] = []
        left = node.left
        for target in node.comparisons:
            pair = self._pair(left, target.operator, target.comparator, negated)
            if pair is None:
                return None
            pairs.append(pair)
            left = target.comparator
        if len(pairs) == 1:
            return pairs[0]
        return _Code(" & ".join(_wrapped(pair, ("compare",)) for pair in pairs), "and")

    def _pair(
        self, left: cst.BaseExpression, operator: cst.BaseCompOp, right: cst.BaseExpression, negated: bool
    ) -> _Code | None:
        if isinstance(operator, (cst.In, cst.NotIn)):
            return self._membership(left, right, isinstance(operator, cst.NotIn), negated)
        a, b = self.value(left), self.value(right)
        op = code_of(operator).strip()
        if a is None or b is None or not (a[1] or b[1]):
            return None
        if not a[1]:  # literal first: put the field first
            a, b, op = b, a, ORDERING.get(op, op)
        if b[0] == "None":
            return _null_test(a[0], op)
        if op in ORDERING:
            self.saw_raising = True
            return _Code(f"{a[0]} {op} {b[0]}", "compare")
        if op == "==":
            return (
                _Code(f"{a[0]}.eqNullSafe({b[0]})", "atom")
                if negated or b[1]
                else _Code(f"{a[0]} == {b[0]}", "compare")
            )
        if op == "!=":
            return _Code(f"~{a[0]}.eqNullSafe({b[0]})", "not")
        return None

    def _membership(
        self, left: cst.BaseExpression, right: cst.BaseExpression, not_in: bool, negated: bool
    ) -> _Code | None:
        field = self.value(left)
        if field is None or not field[1] or not isinstance(right, (cst.List, cst.Tuple, cst.Set)):
            return None
        items = [self.value(e.value) if isinstance(e, cst.Element) else None for e in right.elements]
        if any(item is None or item[1] or item[0] == "None" for item in items):
            return None
        values = "[" + ", ".join(item[0] for item in items if item is not None) + "]"
        if not_in:
            return _Code(f"{field[0]}.isNull() | ~{field[0]}.isin({values})", "or")
        if negated:
            return _Code(f"{field[0]}.isNotNull() & {field[0]}.isin({values})", "and")
        return _Code(f"{field[0]}.isin({values})", "atom")

    def value(self, node: cst.BaseExpression) -> tuple[str, bool] | None:
        """(code, is a field of the record) for a field reference, a literal or arithmetic on them."""
        path = self._field(node)
        if path:
            return f"{self.functions}.col({py_str(spark_path(path))})", True
        if isinstance(node, (cst.Integer, cst.Float)) or (
            isinstance(node, cst.SimpleString) and string_value(node) is not None
        ):
            return code_of(node), False
        if isinstance(node, cst.Name) and node.value in ("True", "False", "None"):
            return node.value, False
        if isinstance(node, (cst.Name, cst.Attribute, cst.Subscript)) and not self._mentions_record(node):
            return code_of(node), False  # a value the job computed (args["period"]): the same for every row
        if (
            isinstance(node, cst.UnaryOperation)
            and isinstance(node.operator, cst.Minus)
            and isinstance(node.expression, (cst.Integer, cst.Float))
        ):
            return code_of(node), False
        if isinstance(node, cst.BinaryOperation) and code_of(node.operator).strip() in ("+", "-", "*", "/", "%"):
            a, b = self.value(node.left), self.value(node.right)
            if a is None or b is None or not (a[1] or b[1]):
                return None
            self.saw_raising = True
            return f"({a[0]} {code_of(node.operator).strip()} {b[0]})", True
        return None

    def _mentions_record(self, node: cst.CSTNode) -> bool:
        found = False
        record = self.record

        class Find(cst.CSTVisitor):
            def visit_Name(self, name: cst.Name) -> None:
                nonlocal found
                found = found or name.value == record

            def visit_Call(self, call: cst.Call) -> bool:
                nonlocal found
                found = True  # a call may differ per row: not a constant
                return False

        visit(node, Find())
        return found

    def _field(self, node: cst.BaseExpression) -> list[str] | None:
        """r["a"]["b"] or r.get("a") as the path ["a", "b"]."""
        if isinstance(node, cst.Name):
            return [] if node.value == self.record else None
        if isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
            base, key = self._field(node.value), string_value(node.slice[0].slice.value)
            return None if base is None or key is None else [*base, key]
        if (
            isinstance(node, cst.Call)
            and isinstance(node.func, cst.Attribute)
            and node.func.attr.value == "get"
            and len(node.args) == 1
            and node.args[0].keyword is None
        ):
            base, key = self._field(node.func.value), string_value(node.args[0].value)
            return None if base is None or key is None else [*base, key]
        return None


def _null_test(field: str, op: str) -> _Code | None:
    if op in ("==", "is"):
        return _Code(f"{field}.isNull()", "atom")
    if op in ("!=", "is not"):
        return _Code(f"{field}.isNotNull()", "atom")
    return None


def _wrapped(code: _Code, kinds: tuple[str, ...]) -> str:
    return f"({code.text})" if code.kind in kinds else code.text
