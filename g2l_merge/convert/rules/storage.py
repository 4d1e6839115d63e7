"""What the reader and writer rules share: Glue read/write calls in one canonical shape, their arguments and
option dicts, Unity Catalog table names, storage paths mapped through [convert] paths, and the SparkSession /
DataFrameWriter method chains they become.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import libcst as cst
from libcst.metadata import ParentNodeProvider, PositionProvider

from g2l_merge.config import ConvertConfig
from g2l_merge.convert.context import ConvertContext
from g2l_merge.convert.rules.base import Rule, StatementResult, code_of, expr, string_value

LINE_LIMIT = 100  # a chain longer than this goes one method a line, inside parentheses
APIS = {
    "create_dynamic_frame": "read",
    "create_data_frame": "read",
    "write_dynamic_frame": "write",
    "write_data_frame": "write",
}
METHODS = frozenset({"from_catalog", "from_options", "from_rdd", "from_jdbc_conf"})
# glueContext.create_dynamic_frame_from_catalog(...) and friends: the older, direct spelling.
_DIRECT = re.compile(
    r"(create_dynamic_frame|create_data_frame|write_dynamic_frame|write_data_frame|write)_"
    r"(from_catalog|from_options|from_rdd|from_jdbc_conf)\Z"
)
PARAMETERS: dict[tuple[str, str], tuple[str, ...]] = {
    ("read", "from_catalog"): (
        "database",
        "table_name",
        "redshift_tmp_dir",
        "transformation_ctx",
        "push_down_predicate",
        "additional_options",
        "catalog_id",
    ),
    ("read", "from_options"): (
        "connection_type",
        "connection_options",
        "format",
        "format_options",
        "transformation_ctx",
        "push_down_predicate",
    ),
    ("read", "from_rdd"): ("data", "name", "schema", "sample_ratio", "transformation_ctx"),
    ("write", "from_options"): (
        "frame",
        "connection_type",
        "connection_options",
        "format",
        "format_options",
        "transformation_ctx",
    ),
    ("write", "from_catalog"): (
        "frame",
        "database",
        "table_name",
        "redshift_tmp_dir",
        "transformation_ctx",
        "additional_options",
        "catalog_id",
    ),
    ("write", "from_jdbc_conf"): (
        "frame",
        "catalog_connection",
        "connection_options",
        "redshift_tmp_dir",
        "transformation_ctx",
        "catalog_id",
    ),
}
# Other spellings Glue accepts for the same parameter.
ALIASES = {"sampleRatio": "sample_ratio", "frame_or_dfc": "frame", "name_space": "database"}
JDBC_TYPES = frozenset(
    {"jdbc", "mysql", "postgresql", "sqlserver", "oracle", "redshift", "custom.jdbc", "marketplace.jdbc"}
)
_SIMPLE_NAME = re.compile(r"[A-Za-z0-9_]+\Z")
_QUOTES = ('"', "'")


class GlueCall(NamedTuple):
    """A reader or writer call on a glue context: `glueContext.create_dynamic_frame.from_catalog(...)` etc."""

    direction: str  # "read" or "write"
    method: str  # from_catalog, from_options, from_rdd, from_jdbc_conf
    data_frame: bool  # create_data_frame / write_data_frame: Glue's DataFrame API (streaming reads use it)
    session: cst.BaseExpression  # the SparkSession the glue context became


class Outcome(NamedTuple):
    """What a rule made of a call: a new node (None: leave it as written) and a review message ("" for none)."""

    node: cst.BaseExpression | None
    message: str


def converted(node: cst.BaseExpression, *notes: str) -> Outcome:
    return Outcome(node, "; ".join(note for note in notes if note))


def unconverted(message: str) -> Outcome:
    return Outcome(None, message)


# What an unconverted Glue call does on Databricks: its glue context is the SparkSession there (or
# glue_compat.SessionContext), which has no GlueContext member.
LEFT_AS_WRITTEN = "left as written, it fails on Databricks (no GlueContext there), so the job stops here"


def apply(
    ctx: ConvertContext, rule: str, original: cst.Call, updated: cst.Call, outcome: Outcome
) -> cst.BaseExpression:
    """The node a leave_Call hook returns for an outcome, with its review item (an unconverted call's says that
    it stops the job, unless the message says what it does as written already)."""
    message = outcome.message
    if message and outcome.node is None and "as written" not in message:
        message = f"{message}: {LEFT_AS_WRITTEN}"
    if message:
        ctx.review(original, rule, message)
    return outcome.node if outcome.node is not None else updated


@dataclass
class _CallState:
    """Per file, shared by every CallRule: whichever leaves the call's statement first takes the carried lines."""

    carried: dict[int, list[cst.EmptyLine]] = field(default_factory=dict)  # id(original statement) -> comments
    names: _Names | None = None  # the file's names (_read_names), read on the first options argument that is a name


class CallRule(Rule):
    """A rule that converts one kind of Glue call: `owns` picks its calls, `convert` makes the outcome.

    An options argument may be a name bound once, to a literal dict, and read nowhere else: the conversion
    spells its entries out, so the binding goes too (the engine moves its comments to the next statement; a
    trailing comment goes above the converted one).
    """

    def owns(self, ctx: ConvertContext, original: cst.Call) -> GlueCall | None:
        raise NotImplementedError

    def convert(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call, glue: GlueCall) -> Outcome:
        raise NotImplementedError

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        glue = self.owns(ctx, original)
        if glue is None:
            return updated
        return apply(ctx, self.id, original, updated, self.convert(ctx, original, updated, glue))

    def leave_SimpleStatementLine(
        self, ctx: ConvertContext, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        call = _inlined_into(ctx, original)
        glue = self.owns(ctx, call) if call is not None else None
        if call is not None and glue is not None and self.convert(ctx, call, call, glue).node is not None:
            state = ctx.state(_CallState)
            state.carried.setdefault(id(_statement(ctx, call)), []).extend(trailing_comment(ctx, original))
            return cst.RemovalSentinel.REMOVE
        lines = ctx.state(_CallState).carried.pop(id(original), [])
        return updated.with_changes(leading_lines=[*lines, *updated.leading_lines]) if lines else updated


def trailing_comment(ctx: ConvertContext, statement: cst.SimpleStatementLine) -> list[cst.EmptyLine]:
    """A removed statement's trailing comment, as a line of its own (the engine moves its other comments)."""
    comment = statement.trailing_whitespace.comment
    if comment is None:
        return []
    ctx.moved.add(id(comment))
    return [cst.EmptyLine(comment=comment)]


def options_in(
    ctx: ConvertContext, original: cst.Call, updated: cst.Call, bound: Mapping[str, cst.BaseExpression], key: str
) -> dict[str, cst.BaseExpression] | None:
    """The literal options dict an argument holds, also through a name bound once to one (None: not literal)."""
    node = bound.get(key)
    options = options_of(node)
    if options is not None or not isinstance(node, cst.Name):
        return options
    index = next(i for i, item in enumerate(updated.args) if item.value is node)
    assignment = dict_assignment(ctx, original.args[index].value) if index < len(original.args) else None
    return options_of(assignment.value) if assignment is not None else None


class _Names(NamedTuple):
    references: dict[str, int]  # bindings and reads of each name (argument keywords and attribute names are not)
    dicts: dict[str, list[cst.Assign]]  # `name = {...}` statements, by name
    reads: dict[str, list[cst.Arg]]  # arguments that are just the name


def _read_names(nodes: Iterable[cst.CSTNode]) -> _Names:
    names = _Names({}, {}, {})
    for node in nodes:
        kind = type(node)  # every node of the file: isinstance (to narrow) only where the exact type matched
        if kind is cst.Name and isinstance(node, cst.Name):
            names.references[node.value] = names.references.get(node.value, 0) + 1
        elif kind is cst.Arg and isinstance(node, cst.Arg):
            if node.keyword is not None:
                names.references[node.keyword.value] = names.references.get(node.keyword.value, 0) - 1
            if isinstance(node.value, cst.Name):
                names.reads.setdefault(node.value.value, []).append(node)
        elif kind is cst.Attribute and isinstance(node, cst.Attribute):
            names.references[node.attr.value] = names.references.get(node.attr.value, 0) - 1
        elif (
            kind is cst.Assign
            and isinstance(node, cst.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0].target, cst.Name)
            and isinstance(node.value, cst.Dict)
        ):
            names.dicts.setdefault(node.targets[0].target.value, []).append(node)
    return names


def _names(ctx: ConvertContext) -> _Names:
    """The file's names, read once (on the first options argument that is a name) from the nodes the engine's
    one walk listed (tree.py), not from another walk."""
    state = ctx.state(_CallState)
    if state.names is None:
        state.names = _read_names(ctx.metadata.nodes)
    return state.names


def dict_assignment(ctx: ConvertContext, name: cst.BaseExpression) -> cst.Assign | None:
    """`name = {...}`, when that is the name's only binding, a statement of the block this read's statement is
    in and before it, and this read the name's only other use."""
    if not isinstance(name, cst.Name) or ctx.tracked.uses.get(name.value, 0) < 2:
        return None
    names = _names(ctx)
    assignments = names.dicts.get(name.value, [])
    if names.references.get(name.value) != 2 or len(assignments) != 1:
        return None
    assignment = assignments[0]
    binding, read = _parent(ctx, assignment), _statement(ctx, name)
    if (
        not isinstance(binding, cst.SimpleStatementLine)
        or read is None
        or _parent(ctx, binding) is not _parent(ctx, read)
        or not 0 < ctx.line(assignment) < ctx.line(name)
    ):
        return None
    return assignment


def _inlined_into(ctx: ConvertContext, statement: cst.SimpleStatementLine) -> cst.Call | None:
    """The call whose options argument is the dict this statement binds (see dict_assignment), else None."""
    small = statement.body[0] if len(statement.body) == 1 else None
    if (
        not isinstance(small, cst.Assign)
        or not isinstance(small.value, cst.Dict)
        or len(small.targets) != 1
        or not isinstance(small.targets[0].target, cst.Name)
    ):
        return None
    name = small.targets[0].target.value
    if ctx.tracked.uses.get(name, 0) < 2:
        return None
    reads = _names(ctx).reads.get(name, [])
    if len(reads) != 1 or dict_assignment(ctx, reads[0].value) is not small:
        return None
    call = _parent(ctx, reads[0])
    return call if isinstance(call, cst.Call) else None


def _statement(ctx: ConvertContext, node: cst.CSTNode) -> cst.SimpleStatementLine | None:
    current: cst.CSTNode | None = node
    while current is not None and not isinstance(current, cst.SimpleStatementLine):
        current = _parent(ctx, current)
    return current


def _parent(ctx: ConvertContext, node: cst.CSTNode) -> cst.CSTNode | None:
    try:
        parent = ctx.metadata.get_metadata(ParentNodeProvider, node)
    except KeyError:
        return None
    return parent if isinstance(parent, cst.CSTNode) else None


def glue_call(ctx: ConvertContext, original: cst.Call) -> GlueCall | None:
    """The canonical form of a Glue reader/writer call on a glue context, else None."""
    shape = _glue_api(original)
    if shape is None or not ctx.tracked.is_glue_context(shape[2]):
        return None
    api, method, glue_context = shape
    return GlueCall(APIS[api], method, api.endswith("data_frame"), session_of(ctx, glue_context))


def unknown_receiver(ctx: ConvertContext, original: cst.Call) -> cst.BaseExpression | None:
    """The receiver of a call shaped like a Glue reader/writer call (`x.create_dynamic_frame.from_catalog(...)`)
    on something not known to hold a glue context (a mixin's attribute, an untracked parameter), else None."""
    shape = _glue_api(original)
    if shape is None or ctx.tracked.is_glue_context(shape[2]):
        return None
    return shape[2]


def _glue_api(original: cst.Call) -> tuple[str, str, cst.BaseExpression] | None:
    """(api, method, receiver) of a call shaped like a Glue reader/writer call, whatever its receiver."""
    func = original.func
    if not isinstance(func, cst.Attribute):
        return None
    receiver, method = func.value, func.attr.value
    if isinstance(receiver, cst.Attribute) and receiver.attr.value in APIS and method in METHODS:
        api, glue_context = receiver.attr.value, receiver.value
    elif (direct := _DIRECT.match(method)) is not None:
        api, method, glue_context = direct.group(1), direct.group(2), receiver
        api = "write_dynamic_frame" if api == "write" else api
    else:
        return None
    return (api, method, glue_context) if (APIS[api], method) in PARAMETERS else None


def session_of(ctx: ConvertContext, glue_context: cst.BaseExpression) -> cst.BaseExpression:
    """The SparkSession for a glue context: the script's session, or the parameter that now receives one (a
    parameter of an enclosing function shadows a glue context of the same name bound elsewhere)."""
    if isinstance(glue_context, cst.Attribute):
        return glue_context  # `self.glue_context`: assigned the session once converted (G2L002)
    assert isinstance(glue_context, cst.Name)
    name = glue_context.value
    if name in ctx.tracked.glue_contexts and not _is_parameter(ctx, glue_context, name):
        return cst.Name(ctx.tracked.session)
    return cst.Name(name)


def _is_parameter(ctx: ConvertContext, node: cst.CSTNode, name: str) -> bool:
    """Whether `name` at `node` is a parameter of an enclosing function or lambda."""
    current: cst.CSTNode | None = node
    while current is not None:
        if isinstance(current, cst.FunctionDef | cst.Lambda) and any(
            param.name.value == name for param in _parameters(current.params)
        ):
            return True
        try:
            current = ctx.metadata.get_metadata(ParentNodeProvider, current)
        except KeyError:
            return False
    return False


def _parameters(params: cst.Parameters) -> list[cst.Param]:
    stars = [star for star in (params.star_arg, params.star_kwarg) if isinstance(star, cst.Param)]
    return [*params.posonly_params, *params.params, *params.kwonly_params, *stars]


def glue_method(ctx: ConvertContext, original: cst.Call, name: str) -> cst.BaseExpression | None:
    """The session when `original` is `<glue context>.<name>(...)`, else None."""
    func = original.func
    if isinstance(func, cst.Attribute) and func.attr.value == name and ctx.tracked.is_glue_context(func.value):
        return session_of(ctx, func.value)
    return None


def bind(call: cst.Call, parameters: Sequence[str]) -> dict[str, cst.BaseExpression] | str:
    """A call's arguments by parameter name, or why they cannot be matched."""
    bound: dict[str, cst.BaseExpression] = {}
    positional = 0
    for item in call.args:
        if item.star:
            return f"takes {item.star}{code_of(item.value)}"
        if item.keyword is None:
            if positional >= len(parameters):
                return "has more positional arguments than Glue accepts"
            name = parameters[positional]
            positional += 1
        else:
            name = ALIASES.get(item.keyword.value, item.keyword.value)
            if name not in parameters:
                return f"has an argument Glue does not document ({item.keyword.value})"
        if name in bound:
            return f"passes {name} twice"
        bound[name] = item.value
    return bound


def connection_type(call: cst.Call, glue: GlueCall) -> str | None:
    """The literal connection_type of a from_options call, lower-cased; None when it is not a literal."""
    position = 1 if glue.direction == "write" else 0
    for item in call.args:
        if item.keyword is not None and item.keyword.value == "connection_type":
            return _lower(string_value(item.value))
    positional = [item for item in call.args if item.keyword is None and not item.star]
    return _lower(string_value(positional[position].value)) if position < len(positional) else None


def _lower(value: str | None) -> str | None:
    return value.lower() if value is not None else None


def options_of(node: cst.BaseExpression | None) -> dict[str, cst.BaseExpression] | None:
    """A literal options dict by key, in written order ({} when absent or None); None when not a literal."""
    if node is None or (isinstance(node, cst.Name) and node.value == "None"):
        return {}
    if not isinstance(node, cst.Dict):
        return None
    options: dict[str, cst.BaseExpression] = {}
    for element in node.elements:
        key = string_value(element.key) if isinstance(element, cst.DictElement) else None
        if key is None or key in options or not isinstance(element, cst.DictElement):
            return None
        options[key] = element.value
    return options


def flag(node: cst.BaseExpression | None) -> bool | None:
    """True/False for a literal boolean (True or "true"), None when absent or computed."""
    if isinstance(node, cst.Name) and node.value in ("True", "False"):
        return node.value == "True"
    text = string_value(node)
    return text.lower() == "true" if text is not None and text.lower() in ("true", "false") else None


def is_blank(node: cst.BaseExpression | None) -> bool:
    """Absent, None, or an empty string: Glue's way of saying "not given"."""
    return node is None or string_value(node) == "" or (isinstance(node, cst.Name) and node.value == "None")


def py_string(value: str) -> str:
    """A Python string literal for `value`, in double quotes where it can be."""
    literal = repr(value)
    return f'"{literal[1:-1]}"' if literal[0] == "'" and '"' not in value else literal


def string(value: str) -> cst.BaseExpression:
    return expr(py_string(value))


def boolean(value: bool) -> cst.BaseExpression:
    return cst.Name("True" if value else "False")


# Unity Catalog names ---------------------------------------------------------------------------------------


class TableName(NamedTuple):
    node: cst.BaseExpression  # a string literal, or an f-string when part of the name is computed
    computed_database: bool  # the database is known only at run time: [convert] databases could not apply


class _Piece(NamedTuple):
    text: str  # literal text, or f-string body text when `quotes` is set
    quotes: tuple[str, ...] | None  # for a computed piece: the quote characters it may sit in


def quote_part(part: str) -> str:
    """A catalog, schema or table name part, in backticks when it holds more than letters, digits and _."""
    if _SIMPLE_NAME.match(part) or (len(part) > 1 and part.startswith("`") and part.endswith("`")):
        return part
    return "`" + part.replace("`", "``") + "`"


def schema_of(config: ConvertConfig, database: str) -> str:
    """Glue database -> Unity Catalog `catalog.schema`: a [convert] databases override, else the default catalog."""
    mapped = config.databases.get(database) or config.databases.get(database.lower())
    parts = mapped.split(".") if mapped else [config.catalog, database]
    return ".".join(quote_part(part) for part in parts)


def table_name(
    config: ConvertConfig, database: cst.BaseExpression | None, table: cst.BaseExpression | None
) -> TableName | None:
    """`catalog.schema.table` for a Glue database and table; None when either is missing or not usable."""
    if is_blank(database) or is_blank(table):
        return None
    assert database is not None and table is not None
    db_text, table_text = string_value(database), string_value(table)
    pieces: list[_Piece] = []
    if db_text is not None:
        pieces.append(_Piece(schema_of(config, db_text) + ".", None))
    else:
        pieces += [_Piece(quote_part(config.catalog) + ".", None), *_computed(database), _Piece(".", None)]
    pieces += [_Piece(quote_part(table_text), None)] if table_text is not None else _computed(table)
    node = _fstring(pieces)
    return TableName(node, db_text is None) if node is not None else None


def _computed(node: cst.BaseExpression) -> list[_Piece]:
    """An f-string piece for a name computed at run time ([] marks it unusable via an impossible quote set)."""
    if isinstance(node, cst.FormattedString):
        usable = node.prefix.lower() == "f" and node.quote in _QUOTES
        return [_Piece(code_of(node)[len(node.start) : -len(node.end)], (node.quote,) if usable else ())]
    code = code_of(node)
    if any(char in code for char in "\n\\#{}"):
        return [_Piece("", ())]
    return [_Piece("{" + code + "}", tuple(q for q in _QUOTES if q not in code))]


def _fstring(pieces: Sequence[_Piece]) -> cst.BaseExpression | None:
    computed = [piece.quotes for piece in pieces if piece.quotes is not None]
    if not computed:
        return string("".join(piece.text for piece in pieces))
    quotes = [q for q in _QUOTES if all(q in allowed for allowed in computed)]
    if not quotes:
        return None
    quote = quotes[0]
    body = "".join(piece.text if piece.quotes is not None else _escaped(piece.text, quote) for piece in pieces)
    return expr(f"f{quote}{body}{quote}")


def _escaped(text: str, quote: str) -> str:
    return text.replace("\\", "\\\\").replace(quote, "\\" + quote).replace("{", "{{").replace("}", "}}")


# Storage paths ---------------------------------------------------------------------------------------------


def mapped_path(paths: Mapping[str, str], value: str) -> str:
    """An S3 URI through [convert] paths: the longest matching prefix is replaced; no match, no change."""
    candidate = re.sub(r"\As3[an]://", "s3://", value)
    matches = [prefix for prefix in paths if _under(candidate, prefix)]
    if not matches:
        return value
    prefix = max(matches, key=len)
    target, rest = paths[prefix], candidate[len(prefix) :]
    if candidate == prefix.rstrip("/"):
        return target.rstrip("/") or target
    if target.endswith("/") and rest.startswith("/"):
        return target + rest[1:]
    if prefix.endswith("/") and not target.endswith("/") and rest:
        return target + "/" + rest
    return target + rest


def _under(value: str, prefix: str) -> bool:
    if prefix.endswith("/"):
        return value.startswith(prefix) or value == prefix[:-1]
    return value == prefix or value.startswith(prefix + "/")


def storage_path(config: ConvertConfig, node: cst.BaseExpression) -> tuple[cst.BaseExpression, bool]:
    """A path expression with its S3 prefix mapped, and whether it could be (False: computed at run time while
    [convert] paths is set, so a mapping may have applied)."""
    text = string_value(node)
    if text is not None:
        mapped = mapped_path(config.paths, text)
        return (node if mapped == text else string(mapped)), True
    if not config.paths:
        return node, True
    if isinstance(node, cst.FormattedString) and node.parts and isinstance(node.parts[0], cst.FormattedStringText):
        return _mapped_fstring(config, node)
    return node, False


def _mapped_fstring(config: ConvertConfig, node: cst.FormattedString) -> tuple[cst.BaseExpression, bool]:
    head = node.parts[0]
    assert isinstance(head, cst.FormattedStringText)
    if "\\" in head.value or node.prefix.lower() != "f" or node.quote not in _QUOTES:
        return node, False
    normal = re.sub(r"\As3[an]://", "s3://", head.value)
    prefixes = [prefix for prefix in config.paths if normal.startswith(prefix)]
    if not prefixes:
        undecided = any(prefix.startswith(normal) for prefix in config.paths)
        return node, not undecided
    mapped = mapped_path(config.paths, normal)
    if node.quote in mapped or "\\" in mapped:
        return node, False
    text = cst.FormattedStringText(mapped.replace("{", "{{").replace("}", "}}"))
    return node.with_changes(parts=[text, *node.parts[1:]]), True


def paths_note(unmapped: bool) -> str:
    return (
        "a path is computed at run time: as converted, [convert] paths does not map it (an S3 path stays one): "
        "map its S3 prefix as [convert] paths would"
        if unmapped
        else ""
    )


# Method chains ---------------------------------------------------------------------------------------------


class Step(NamedTuple):
    method: str
    args: tuple[cst.BaseExpression | cst.Arg, ...] = ()


def option(key: str, value: cst.BaseExpression) -> Step:
    return Step("option", (string(key), value))


def chain(
    ctx: ConvertContext,
    original: cst.Call,
    root: cst.BaseExpression,
    steps: Sequence[Step],
    head: int = 1,
    column: int | None = None,
) -> cst.BaseExpression:
    """root.step(...).step(...): on one line when it fits, else one step a line after the first `head`.

    `column` is where the expression will start when that is not where `original` starts."""
    one_line = _chain(root, steps, head, wrap=False)
    code = code_of(one_line)
    start = column_of(ctx, original) if column is None else column
    if len(steps) <= head or not _own_line(ctx, original) or ("\n" not in code and start + len(code) <= LINE_LIMIT):
        return one_line
    return _chain(root, steps, head, wrap=True)


def _chain(root: cst.BaseExpression, steps: Sequence[Step], head: int, wrap: bool) -> cst.BaseExpression:
    node = root
    for index, step in enumerate(steps):
        dot = cst.Dot(whitespace_before=_continuation()) if wrap and index >= head else cst.Dot()
        args = [item if isinstance(item, cst.Arg) else cst.Arg(item) for item in step.args]
        node = cst.Call(func=cst.Attribute(value=node, attr=cst.Name(step.method), dot=dot), args=args)
    if wrap:
        node = node.with_changes(
            lpar=[cst.LeftParen(whitespace_after=_continuation())],
            rpar=[cst.RightParen(whitespace_before=_continuation(""))],
        )
    return node


def _continuation(indent: str = "    ") -> cst.ParenthesizedWhitespace:
    return cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(), empty_lines=[], indent=True, last_line=cst.SimpleWhitespace(indent)
    )


def _own_line(ctx: ConvertContext, original: cst.Call) -> bool:
    """The call is a statement's whole value (x = call, call, return call): room for a parenthesised block."""
    try:
        parent = ctx.metadata.get_metadata(ParentNodeProvider, original)
    except KeyError:
        return False
    return isinstance(parent, cst.Assign | cst.AnnAssign | cst.Expr | cst.Return) and parent.value is original


def column_of(ctx: ConvertContext, node: cst.CSTNode) -> int:
    try:
        return int(ctx.metadata.get_metadata(PositionProvider, node).start.column)
    except KeyError:
        return 0


def one_item_a_line(node: cst.BaseExpression) -> cst.BaseExpression:
    """A list written over several lines, laid out again one item a line for the chain it now sits in."""
    if not isinstance(node, cst.List) or not node.elements or "\n" not in code_of(node) or "#" in code_of(node):
        return node
    last = len(node.elements) - 1
    elements = [
        element.with_changes(comma=cst.Comma(whitespace_after=_continuation("    " if index == last else "        ")))
        for index, element in enumerate(node.elements)
    ]
    return node.with_changes(
        lbracket=cst.LeftSquareBracket(whitespace_after=_continuation("        ")),
        elements=elements,
        rbracket=cst.RightSquareBracket(),
    )


def receiver(node: cst.BaseExpression) -> cst.BaseExpression:
    """An expression that can take `.write`: names, calls, attributes and subscripts as they are, else parenthesised."""
    if isinstance(node, cst.Name | cst.Attribute | cst.Call | cst.Subscript) or node.lpar:
        return node
    return node.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
