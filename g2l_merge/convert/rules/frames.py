"""DynamicFrame methods and awsglue.transforms: one rule per method, on DataFrames after conversion.

Every transform class call (`ApplyMapping.apply(frame=f, mappings=m)`, `ApplyMapping.apply(f, m)`,
`T.ApplyMapping.apply(...)`, `ApplyMapping()(frame=f, ...)`, star imports included) is read as the method call
it stands for (`f.apply_mapping(m)`), by the code these rules share (frame_calls.py); G2L300 reports the
transform calls no rule takes. Each rule then handles one method in both forms. A rule that
cannot convert a call leaves a method call as written, and a transform class call as the method call it
stands for (`f.resolveChoice(choice="make_cols")`, so that no awsglue name is left undefined once the
awsglue imports go), with a review item.

Glue-only keyword arguments (transformation_ctx, info, stageThreshold, totalThreshold) are dropped from
converted calls: bookmarks are reported by G2L004, non-zero error thresholds by G2L323.

A call on a name that holds a DynamicFrame at that point (by flow, see names.py), on a frame-producing
expression, or to a method only DynamicFrames have is converted; `filter`, `map`, `join`, `union` and `toDF` on
anything else are left alone, since DataFrames and RDDs have methods of the same names. On a name that is a
DynamicFrame on one path and not on another, a call the rule would convert is left with a review item.
"""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from g2l_merge.convert.columns import (
    castable,
    glue_path,
    is_plain,
    is_type_name,
    lambda_predicate,
    py_str,
    spark_path,
    spark_type,
    string_list,
    try_cast_code,
)
from g2l_merge.convert.context import ConvertContext
from g2l_merge.convert.names import COLLECTION_TYPES, FRAME_TYPES
from g2l_merge.convert.rules.base import Rule, StatementResult, code_of, expr, string_value
from g2l_merge.convert.rules.frame_calls import (
    FRAME,
    FROM_DF,
    GLUE_TAIL,
    LEFT_FAILS,
    OTHER,
    STUDIO_TRANSFORMS,
    TRANSFORMS,
    UNKNOWN,
    FrameCall,
    FrameRule,
    arguments,
    bind_arguments,
    bound_by_import,
    catalog_table,
    compat,
    frame_call,
    frame_kind,
    functions_alias,
    is_literal,
    line_indent,
    module_of,
    parent_of,
    receiver,
    spans_lines,
    standalone,
    transform_name,
)
from g2l_merge.convert.rules.storage import storage_path


class TransformForms(Rule):
    """awsglue.transforms class calls are read as DynamicFrame method calls, whatever their form.

    Before::

        from awsglue.transforms import *
        import awsglue.transforms as T

        a = ApplyMapping.apply(frame=trades, mappings=[("id", "string", "id", "long")], transformation_ctx="a")
        b = ApplyMapping.apply(trades, [("id", "string", "id", "long")])
        c = T.ApplyMapping.apply(frame=trades, mappings=[("id", "string", "id", "long")])
        d = trades.apply_mapping([("id", "string", "id", "long")])

    After (every form is converted by the method's rule, here G2L302)::

        a = trades.select(F.col("id").try_cast("bigint").alias("id"))
        b = trades.select(F.col("id").try_cast("bigint").alias("id"))
        c = trades.select(F.col("id").try_cast("bigint").alias("id"))
        d = trades.select(F.col("id").try_cast("bigint").alias("id"))

    A transform call a method rule leaves for review is written as the method call it stands for, its
    arguments by keyword (`ResolveChoice.apply(frame=f, choice="make_cols")` becomes
    `f.resolveChoice(choice="make_cols")`), so no awsglue name is left undefined once the imports go.

    The reading is shared (frame_call): each method rule converts both forms of its own method, so the cases
    of the forms above are in G2L302's folder (and G2L306's, for transforms imported by name). This rule itself
    reports what no method rule takes: FlatMap, MapToCollection and other transform classes without a
    DataFrame counterpart, and calls whose arguments cannot be read (`*args`, `**kwargs`, unknown keywords).
    Those stay as written.
    """

    id = "G2L300"
    name = "transform-forms"
    summary = "awsglue.transforms X.apply(...) forms are read as DynamicFrame method calls; others are review items."

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        name = transform_name(ctx, original)
        if name is None or name in STUDIO_TRANSFORMS:
            return updated
        if name in ("FlatMap", "MapToCollection"):
            ctx.review(
                original,
                self.id,
                f"{name} applies a function to each frame of a DynamicFrameCollection "
                f"(a dict of DataFrames now): {LEFT_FAILS}: rewrite it as a dict comprehension",
            )
        elif name not in TRANSFORMS:
            ctx.review(
                original, self.id, f"{name} has no DataFrame conversion: {LEFT_FAILS}: rewrite it with DataFrame calls"
            )
        elif frame_call(ctx, original, updated) is None:
            ctx.review(
                original,
                self.id,
                f"{name}.apply: its arguments could not be read (*args, **kwargs or "
                f"an unknown keyword): {LEFT_FAILS}: convert it by hand",
            )
        return updated


class ToDF(Rule):
    """DynamicFrames are DataFrames after conversion: `.toDF()` and `DynamicFrame.fromDF(...)` go.

    Before::

        trades = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="trades")
        df = trades.toDF()
        back = DynamicFrame.fromDF(df.where("qty > 0"), glueContext, "back")
        pairs = sc.parallelize([(1, "a")]).toDF()

    After::

        trades = spark.read.table("main.risk.trades")
        df = trades
        back = df.where("qty > 0")
        pairs = sc.parallelize([(1, "a")]).toDF()

    `.toDF()` is only dropped from a value known to hold a DynamicFrame: an RDD's stays, and on a value this
    file does not say (a function parameter, a helper's result) it stays with a review item.
    `toDF(options)` with ResolveOptions is a review item.
    """

    id = "G2L301"
    name = "to-from-df"
    summary = "dyf.toDF() becomes dyf and DynamicFrame.fromDF(df, ...) becomes df; never on an RDD or DataFrame."

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        if ctx.qualified(original.func) & FROM_DF:
            return self._from_df(ctx, original, updated)
        func = original.func
        if (
            not isinstance(func, cst.Attribute)
            or func.attr.value != "toDF"
            or not isinstance(updated.func, cst.Attribute)
        ):
            return updated
        kind = frame_kind(ctx, func.value)
        if kind == FRAME and original.args:
            ctx.review(
                original,
                self.id,
                f"toDF(options) resolves choice types with ResolveOption: {LEFT_FAILS}: cast the columns instead",
            )
        elif kind == FRAME:
            return updated.func.value
        elif kind == UNKNOWN and not original.args:
            ctx.review(
                original,
                self.id,
                f"{code_of(func.value)}.toDF(): if this is a DynamicFrame (a DataFrame "
                "after conversion), drop .toDF(); an RDD keeps it: as written, on a DataFrame it fails and the job "
                "stops",
            )
        return updated

    def leave_SimpleStatementLine(
        self, ctx: ConvertContext, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine
    ) -> StatementResult:
        """`trades = trades.toDF()` converted to `trades = trades` says nothing: it goes (unless commented)."""
        small = updated.body[0] if len(updated.body) == 1 else None
        written = original.body[0] if len(original.body) == 1 else None
        if (
            isinstance(small, cst.Assign)
            and isinstance(written, cst.Assign)
            and isinstance(written.value, cst.Call)
            and len(small.targets) == 1
            and isinstance(small.value, cst.Name)
            and small.value.value == code_of(small.targets[0].target)
            and not any(line.comment for line in updated.leading_lines)
            and id(original) not in ctx.reviews
        ):
            return cst.RemovalSentinel.REMOVE
        return updated

    def _from_df(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        bound = bind_arguments(("dataframe", "glue_ctx", "name"), {}, original, updated, False)
        if bound is None or "dataframe" not in bound.args:
            ctx.review(
                original, self.id, f"DynamicFrame.fromDF with unusual arguments: {LEFT_FAILS}: pass the DataFrame on"
            )
            return updated
        return standalone(bound.args["dataframe"])


class ApplyMappingRule(FrameRule):
    """ApplyMapping becomes a select: only the mapped fields survive, renamed and cast.

    Before::

        mapped = ApplyMapping.apply(
            frame=trades,
            mappings=[
                ("trade_id", "string", "trade_id", "long"),
                ("ntl", "double", "notional", "double"),
                ("cpty.id", "string", "counterparty_id", "string"),
                ("book", "string", "meta.book", "string"),
            ],
            transformation_ctx="mapped",
        )

    After::

        mapped = trades.select(
            F.col("trade_id").try_cast("bigint").alias("trade_id"),
            F.col("ntl").alias("notional"),
            F.col("cpty.id").alias("counterparty_id"),
            F.struct(F.col("book").alias("book")).alias("meta"),
        )

    Mappings are (source, target), (source, target, target_type) or (source, source_type, target,
    target_type); a value is cast when the types differ, with try_cast so that a value that does not convert
    becomes null as in Glue (Spark's ANSI cast would fail the job). Dotted sources read nested fields, dotted
    targets build structs, backticks quote a name with dots. Mappings held in a variable go through
    glue_compat.apply_mapping, which applies the same rules at run time. Unknown types and ambiguous
    tuples (is ("a", "long") a rename or a type?) are review items.
    """

    id = "G2L302"
    name = "apply-mapping"
    summary = "ApplyMapping becomes select(F.col(source).try_cast(type).alias(target), ...): mapped fields only."
    methods = frozenset({"apply_mapping", "applyMapping"})

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        mappings = call.args.get("mappings")
        case = call.args.get("case_sensitive")
        if mappings is None:
            return None
        literal = _literal_mappings(mappings)
        if literal is None or (case is not None and not is_literal(case, "False")):
            extra = [] if case is None else [f"case_sensitive={code_of(case)}"]
            return compat(ctx, "apply_mapping", receiver(call.receiver), code_of(mappings), *extra)
        problem = _mapping_columns(literal, "F", ctx.config.runtime_version)
        if isinstance(problem, str):
            ctx.review(original, self.id, f"{problem}: {LEFT_FAILS}")
            return None
        columns = _mapping_columns(literal, functions_alias(ctx, original), ctx.config.runtime_version)
        assert not isinstance(columns, str)
        indent = line_indent(ctx, original)
        return expr(f"{receiver(call.receiver)}.select{arguments(columns, spans_lines(mappings), indent)}")


def _literal_mappings(node: cst.BaseExpression) -> list[tuple[str, ...]] | None:
    elements = (
        [node]
        if isinstance(node, cst.Tuple) and string_list(node) is not None
        else (
            [e.value for e in node.elements if isinstance(e, cst.Element)]
            if isinstance(node, (cst.List, cst.Tuple))
            else None
        )
    )
    if elements is None:
        return None
    mappings = [string_list(element) if isinstance(element, cst.Tuple) else None for element in elements]
    return None if any(m is None for m in mappings) else [tuple(m) for m in mappings if m is not None]


def _mapping_columns(mappings: list[tuple[str, ...]], fn: str, runtime: tuple[int, int]) -> list[str] | str:
    """select() arguments for literal mappings, or why they cannot be written out."""
    columns: list[tuple[list[str], str]] = []
    for mapping in mappings:
        column = _mapping_column(mapping, fn, runtime)
        if isinstance(column, str):
            return column
        columns.append(column)
    targets = [parts for parts, _ in columns]
    if any(a != b and a == b[: len(a)] for a in targets for b in targets) or len({tuple(t) for t in targets}) != len(
        targets
    ):
        return "two mappings write the same target field: decide which one Glue kept"
    return _targets(columns, fn)


def _mapping_column(mapping: tuple[str, ...], fn: str, runtime: tuple[int, int]) -> tuple[list[str], str] | str:
    if len(mapping) == 4:
        source, source_type, target, target_type = mapping
    elif len(mapping) == 3 and is_type_name(mapping[2]):
        (source, target, target_type), source_type = mapping, ""
    elif len(mapping) == 2 and not is_type_name(mapping[1]):
        (source, target), source_type, target_type = mapping, "", ""
    else:
        return f"mapping {mapping!r}: expected (source, [source_type,] target, target_type): check it"
    if "[" in source or "[" in target:
        return f"mapping {mapping!r}: array paths: map the array elements with F.transform"
    code = f"{fn}.col({py_str(spark_path(glue_path(source)))})"
    if target_type and spark_type(target_type) != spark_type(source_type):
        if not castable(target_type):
            return f"mapping {mapping!r}: {target_type} is not a type a column can be cast to: convert it by hand"
        code = try_cast_code(fn, glue_path(source), spark_type(target_type), runtime)
    return glue_path(target), code


def _targets(columns: list[tuple[list[str], str]], fn: str) -> list[str]:
    groups: dict[str, list[tuple[list[str], str]]] = {}
    for parts, code in columns:
        groups.setdefault(parts[0], []).append((parts[1:], code))
    result = []
    for name, members in groups.items():
        if len(members) == 1 and not members[0][0]:
            code = members[0][1]
            result.append(
                code if code == f"{fn}.col({py_str(spark_path([name]))})" else f"{code}.alias({py_str(name)})"
            )
        else:
            result.append(f"{fn}.struct({', '.join(_targets(members, fn))}).alias({py_str(name)})")
    return result


SPLITS = frozenset({"make_cols", "make_struct"})  # resolveChoice actions that split or regroup a choice type


class ResolveChoiceRule(FrameRule):
    """ResolveChoice: `cast:` specs become casts, `project:` keeps the values of the type; make_cols and
    make_struct are the frame as it is.

    Before::

        typed = ResolveChoice.apply(frame=raw, specs=[("qty", "cast:long"), ("ntl", "cast:double")])
        one = raw.resolveChoice(specs=[("qty", "cast:int")])
        kept = raw.resolveChoice(specs=[("price", "project:double")])
        nested = raw.resolveChoice(specs=[("items[].price", "cast:double")])
        split = raw.resolveChoice(choice="make_cols")
        matched = raw.resolveChoice(choice="match_catalog", database="risk", table_name="trades")

    After::

        typed = raw.withColumns({"qty": F.col("qty").try_cast("bigint"), "ntl": F.col("ntl").try_cast("double")})
        one = raw.withColumn("qty", F.col("qty").try_cast("int"))
        kept = glue_compat.resolve_choice(raw, [("price", "project:double")])
        nested = glue_compat.resolve_choice(raw, [("items[].price", "cast:double")])
        split = raw
        matched = glue_compat.match_catalog(raw, "main.risk.trades")

    Glue's project:type keeps only the values already of that type; a DataFrame column has one type, so
    glue_compat.resolve_choice decides at run time: the column as it is when it has the type, the values
    whose text is of the type in a string column (where Glue's typed reader would have kept a choice), null
    otherwise. make_cols and make_struct split or regroup Glue's choice types, which a DataFrame does not
    have (Spark's reader already picked one type): the call is dropped. Another `choice=` for every column
    stays as written with a review item.
    """

    id = "G2L303"
    name = "resolve-choice"
    summary = (
        "ResolveChoice cast: specs become try_casts, project: keeps the values of the type, make_cols/make_struct "
        "leave the frame; match_catalog casts to the catalog table's types."
    )
    methods = frozenset({"resolveChoice"})

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        specs, choice = call.args.get("specs"), string_value(call.args.get("choice"))
        if specs is not None and not is_literal(specs, "None") and not choice:
            return self._specs(ctx, original, call, specs)
        if choice == "match_catalog" and specs is None:
            return self._match_catalog(ctx, original, call)
        if choice in SPLITS and (specs is None or is_literal(specs, "None")):
            return standalone(call.receiver)  # no choice type to split or regroup: the frame as it is
        ctx.review(
            original,
            self.id,
            f"resolveChoice(choice={choice!r}): a DataFrame has no choice types (Spark's "
            "reader picked one type per column) and no resolveChoice, so this fails at run time until "
            "rewritten: cast the columns that need it",
        )
        return None

    def _specs(
        self, ctx: ConvertContext, original: cst.Call, call: FrameCall, specs: cst.BaseExpression
    ) -> cst.BaseExpression | None:
        literal = _literal_mappings(specs)
        if literal is None:
            return compat(ctx, "resolve_choice", receiver(call.receiver), code_of(specs))
        actions = [spec[1].partition(":") if len(spec) == 2 else ("", "", "") for spec in literal]
        if all(kind in SPLITS and not type_name for kind, _, type_name in actions):
            return standalone(call.receiver)  # no choice type to split or regroup: the frame as it is
        if any(
            (kind not in ("cast", "project") or not castable(type_name)) and not (kind in SPLITS and not type_name)
            for kind, _, type_name in actions
        ):
            ctx.review(
                original,
                self.id,
                "resolveChoice with an unknown action or type: left as written, it fails at run time on a "
                "DataFrame (no column changes type until it is rewritten): cast the columns below by hand",
            )
            return None
        if not all(is_plain(spec[0]) for spec in literal) or any(kind != "cast" for kind, _, _ in actions):
            # project:type depends on the column's type at run time; make_cols/make_struct leave their field
            return compat(ctx, "resolve_choice", receiver(call.receiver), code_of(specs))
        fn = functions_alias(ctx, original)
        casts = [
            (spec[0], try_cast_code(fn, [spec[0]], spark_type(action[2]), ctx.config.runtime_version))
            for spec, action in zip(literal, actions, strict=True)
        ]
        if len(casts) == 1:
            return expr(f"{receiver(call.receiver)}.withColumn({py_str(casts[0][0])}, {casts[0][1]})")
        items = [f"{py_str(name)}: {code}" for name, code in casts]
        body = arguments(items, spans_lines(specs), line_indent(ctx, original))
        return expr(f"{receiver(call.receiver)}.withColumns({{{body[1:-1]}}})")

    def _match_catalog(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        database, table = string_value(call.args.get("database")), string_value(call.args.get("table_name"))
        if database is None or table is None or "catalog_id" in call.args:
            ctx.review(
                original,
                self.id,
                "resolveChoice(choice='match_catalog') needs a literal database and "
                f"table_name (and no catalog_id): {LEFT_FAILS}: cast to the Unity Catalog table's types by hand",
            )
            return None
        name = catalog_table(ctx.config, database, table)
        return compat(ctx, "match_catalog", receiver(call.receiver), py_str(name))


class CompatRule(FrameRule):
    """A method glue_compat implements with Glue's semantics, called as `glue_compat.<function>(frame)`."""

    function: ClassVar[str]

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        return compat(ctx, self.function, receiver(call.receiver))


class DropNullFieldsRule(CompatRule):
    """DropNullFields keeps Glue's semantics through glue_compat: fields null in every record are dropped.

    Before::

        clean = DropNullFields.apply(frame=mapped, transformation_ctx="clean")

    After::

        clean = glue_compat.drop_null_fields(mapped)

    Glue drops the fields its schema types as NullType, those no record has a value for (nested ones too);
    a DataFrame keeps declared types, so glue_compat counts the values in one pass instead.
    """

    id = "G2L304"
    name = "drop-null-fields"
    summary = "DropNullFields becomes glue_compat.drop_null_fields(df): columns null in every record are dropped."
    methods = frozenset({"drop_null_fields"})

    function = "drop_null_fields"


class SelectFieldsRule(FrameRule):
    """SelectFields becomes select; nested paths keep their structs through glue_compat.

    Before::

        ids = SelectFields.apply(frame=trades, paths=["trade_id", "book"])
        addr = trades.select_fields(["address.city"])

    After::

        ids = trades.select(["trade_id", "book"])
        addr = glue_compat.select_fields(trades, ["address.city"])

    Glue ignores a field the frame does not have; select() fails on it, which shows a real schema change.
    """

    id = "G2L305"
    name = "select-fields"
    summary = "SelectFields becomes select([...]); nested paths go through glue_compat.select_fields."
    methods = frozenset({"select_fields"})

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        paths = call.args.get("paths")
        if paths is None:
            return None
        names = string_list(paths)
        if names is None or not all(is_plain(name) for name in names):
            return compat(ctx, "select_fields", receiver(call.receiver), code_of(paths))
        return expr(f"{receiver(call.receiver)}.select({code_of(paths)})")


class DropFieldsRule(FrameRule):
    """DropFields becomes drop; nested paths are dropped in place through glue_compat.

    Before::

        slim = DropFields.apply(frame=trades, paths=["ssn", "raw_payload"])
        slimmer = trades.drop_fields(["address.zip"])

    After::

        slim = trades.drop("ssn", "raw_payload")
        slimmer = glue_compat.drop_fields(trades, ["address.zip"])
    """

    id = "G2L306"
    name = "drop-fields"
    summary = "DropFields becomes drop(...); nested paths go through glue_compat.drop_fields."
    methods = frozenset({"drop_fields"})

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        paths = call.args.get("paths")
        if paths is None:
            return None
        names = string_list(paths)
        if names is None or not all(is_plain(name) for name in names):
            return compat(ctx, "drop_fields", receiver(call.receiver), code_of(paths))
        items = [code_of(paths)] if isinstance(paths, cst.SimpleString) else [code_of(e.value) for e in paths.elements]  # type: ignore[attr-defined]
        return expr(f"{receiver(call.receiver)}.drop({', '.join(items)})")


class RenameFieldRule(FrameRule):
    """RenameField becomes withColumnRenamed; nested paths go through glue_compat.

    Before::

        renamed = RenameField.apply(frame=trades, old_name="ntl", new_name="notional")
        moved = trades.rename_field("address.zip", "address.postcode")

    After::

        renamed = trades.withColumnRenamed("ntl", "notional")
        moved = glue_compat.rename_field(trades, "address.zip", "address.postcode")
    """

    id = "G2L307"
    name = "rename-field"
    summary = "RenameField becomes withColumnRenamed; nested or quoted paths go through glue_compat.rename_field."
    methods = frozenset({"rename_field"})

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        old, new = call.args.get("oldName"), call.args.get("newName")
        if old is None or new is None:
            return None
        old_name, new_name = string_value(old), string_value(new)
        if old_name is None or new_name is None or not is_plain(old_name) or not is_plain(new_name):
            return compat(ctx, "rename_field", receiver(call.receiver), code_of(old), code_of(new))
        return expr(f"{receiver(call.receiver)}.withColumnRenamed({code_of(old)}, {code_of(new)})")


class SplitFieldsRule(FrameRule):
    """SplitFields becomes a dict of two DataFrames: the given fields, and all the others.

    Before::

        parts = SplitFields.apply(frame=trades, paths=["trade_id", "ntl"], name1="core", name2="rest")
        core = parts.select("core")

    After::

        parts = {"core": trades.select(["trade_id", "ntl"]), "rest": trades.drop("trade_id", "ntl")}
        core = parts["core"]

    Nested paths, or a frame that is not a plain name, go through glue_compat.split_fields. Without name1 and
    name2, Glue names the parts after the frame's name: a review item.
    """

    id = "G2L308"
    name = "split-fields"
    summary = "SplitFields becomes {name1: df.select(paths), name2: df.drop(*paths)} (or glue_compat.split_fields)."
    methods = frozenset({"split_fields"})

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        paths, name1, name2 = (call.args.get(key) for key in ("paths", "name1", "name2"))
        if paths is None or name1 is None or name2 is None:
            ctx.review(
                original,
                self.id,
                "SplitFields without name1 and name2: Glue named the parts after the "
                f"frame (frame1/frame2 for an unnamed one): {LEFT_FAILS}: name them and check the keys used below",
            )
            return None
        names = string_list(paths)
        if names is None or not all(is_plain(n) for n in names) or not isinstance(call.receiver, cst.Name):
            return compat(ctx, "split_fields", receiver(call.receiver), code_of(paths), code_of(name1), code_of(name2))
        frame = call.receiver.value
        selected, dropped = f"{frame}.select({code_of(paths)})", f"{frame}.drop({', '.join(map(py_str, names))})"
        return expr(f"{{{code_of(name1)}: {selected}, {code_of(name2)}: {dropped}}}")


class SplitRowsRule(FrameRule):
    """SplitRows becomes glue_compat.split_rows: a dict of the matching rows and all the others.

    Before::

        split = SplitRows.apply(frame=trades, comparison_dict={"qty": {">": 0, "<=": 100}}, name1="small",
                                name2="other")

    After::

        split = glue_compat.split_rows(trades, {"qty": {">": 0, "<=": 100}}, "small", "other")

    A row whose compared field is null goes to the second part, as in Glue. The names default to Glue's
    "frame1" and "frame2".
    """

    id = "G2L309"
    name = "split-rows"
    summary = "SplitRows becomes glue_compat.split_rows(df, comparison_dict, name1, name2): a dict of DataFrames."
    methods = frozenset({"split_rows"})

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        comparisons = call.args.get("comparison_dict")
        if comparisons is None or (not call.transform and ("name1" not in call.args or "name2" not in call.args)):
            return None
        name1, name2 = (
            code_of(call.args[key]) if key in call.args else default
            for key, default in (("name1", '"frame1"'), ("name2", '"frame2"'))
        )
        return compat(ctx, "split_rows", receiver(call.receiver), code_of(comparisons), name1, name2)


class JoinRule(FrameRule):
    """Join becomes glue_compat.join: an equality join that keeps every column of both frames as Glue does.

    Before::

        joined = Join.apply(frame1=trades, frame2=books, keys1=["book_id"], keys2=["id"])
        same = Join.apply(trades, positions, "trade_id", "trade_id")

    After::

        joined = glue_compat.join(trades, books, ["book_id"], ["id"])
        same = glue_compat.join(trades, positions, "trade_id", "trade_id")

    Both key columns stay. A column of the second frame whose name the first frame also has (a key or not)
    gets a leading dot, as Glue names it (`trade_id` and `.trade_id`); a dot more while the name is still
    taken (`..trade_id` when a nested join already made `.trade_id`). A plain `df1.join(df2, k1 == k2)` would
    keep both same-named columns and fail on the first use or write of one (AMBIGUOUS_REFERENCE,
    COLUMN_ALREADY_EXISTS), and the converter cannot see the frames' columns to tell.
    """

    id = "G2L310"
    name = "join"
    summary = "Join becomes glue_compat.join(df1, df2, keys1, keys2): both keys kept, clashing names dot-prefixed."
    methods = frozenset({"join"})

    def accepts(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> bool:
        """A transform; or keys written as strings (DataFrame.join takes a frame first); or both frames known."""
        if call.transform:
            return True
        frame2 = call.args.get("frame2")
        if frame2 is None or "paths1" not in call.args or "paths2" not in call.args:
            return False
        if string_list(call.args["paths1"]) is not None and string_list(call.args["paths2"]) is not None:
            return frame_kind(ctx, call.source) != OTHER
        return frame_kind(ctx, call.source) == FRAME and frame_kind(ctx, call.sources["frame2"]) == FRAME

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        if not {"frame2", "paths1", "paths2"} <= set(call.args):
            return None
        return compat(
            ctx,
            "join",
            receiver(call.receiver),
            code_of(call.args["frame2"]),
            code_of(call.args["paths1"]),
            code_of(call.args["paths2"]),
        )


class UnionRule(FrameRule):
    """Union becomes unionByName with missing columns allowed: DynamicFrame records carry their own fields.

    Before::

        everything = Union.apply(frame1=eu, frame2=us)
        more = eu.union(apac)

    After::

        everything = eu.unionByName(us, allowMissingColumns=True)
        more = eu.unionByName(apac, allowMissingColumns=True)
    """

    id = "G2L311"
    name = "union"
    summary = "Union (and dyf.union) becomes unionByName(other, allowMissingColumns=True)."
    methods = frozenset({"union"})

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        other = call.args.get("other_frame")
        if other is None:
            return None
        return expr(f"{receiver(call.receiver)}.unionByName({code_of(other)}, allowMissingColumns=True)")


class FilterRule(FrameRule):
    """Filter with a simple lambda becomes a Column condition; any other function runs per record.

    Before::

        live = Filter.apply(frame=trades, f=lambda r: r["status"] != "CANCELLED" and r["qty"] > 0)
        big = trades.filter(lambda r: r["book"] in ["EQ", "FX"] or r["ntl"] >= 1e6)
        odd = trades.filter(is_odd_lot)

    After::

        live = trades.filter(~F.col("status").eqNullSafe("CANCELLED") & (F.col("qty") > 0))
        # g2l: review G2L312: where a compared field is null, Glue's lambda raised and dropped the record; ...
        big = trades.filter(F.col("book").isin(["EQ", "FX"]) | (F.col("ntl") >= 1e6))
        # g2l: review G2L312: is_odd_lot runs in Python for every record (glue_compat.filter_records): ...
        odd = glue_compat.filter_records(trades, is_odd_lot)

    Simple means: comparisons of `r["field"]` (or `r["a"]["b"]`, `r.get("a")`) with literals or other fields,
    `in` a literal list, `is None`, joined by and/or/not. They keep Python's answers on None (`!=` keeps a
    null, `==` and `in` drop it). glue_compat.filter_records passes each record as a dict, as Glue does, and
    drops the records for which the function raises.
    """

    id = "G2L312"
    name = "filter"
    summary = "Filter(lambda r: r['x'] > 5) becomes filter(F.col('x') > 5); other functions run via glue_compat."
    methods = frozenset({"filter"})

    def accepts(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> bool:
        return _function_on_frame(ctx, original, call, self.id)

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        function = call.args.get("f")
        if function is None:
            return None
        predicate = (
            lambda_predicate(function, functions_alias(ctx, original)) if isinstance(function, cst.Lambda) else None
        )
        if predicate is None:
            ctx.review(
                original,
                self.id,
                f"{_function_name(function)} runs in Python for every record "
                "(glue_compat.filter_records): as converted, it keeps the records Glue kept (one it raises on is "
                "dropped, as in Glue), only slower: write it as a Column condition where you can",
            )
            return compat(ctx, "filter_records", receiver(call.receiver), code_of(function))
        if "re." in code_of(function):
            ctx.remove_import("re")  # only if nothing else uses it
        if predicate.nulls_differ:
            ctx.review(
                original,
                self.id,
                "where a compared field is null, Glue's lambda raised and dropped the "
                "record; as converted, with `or` this condition can keep it: check null handling",
            )
        return expr(f"{receiver(call.receiver)}.filter({predicate.code})")


def _function_on_frame(ctx: ConvertContext, original: cst.Call, call: FrameCall, rule: str) -> bool:
    """filter/map: a DynamicFrame's, or a review item when a function goes to something this file cannot tell."""
    function = call.args.get("f")
    if call.transform:
        return True
    if not isinstance(function, (cst.Lambda, cst.Name, cst.Attribute)):
        return False  # a Column or a SQL string: DataFrame.filter's own arguments
    if frame_kind(ctx, call.source) == FRAME and _is_function(ctx, call.sources["f"]):
        return True
    record_function = isinstance(function, cst.Name) or (
        isinstance(function, cst.Lambda) and len(function.params.params) == 1
    )
    if frame_kind(ctx, call.source) != OTHER and record_function and set(call.args) == {"f"}:
        ctx.review(
            original,
            rule,
            f"{code_of(call.source)}.{call.method}(function): if this is a DynamicFrame "
            f"(a DataFrame now), use glue_compat.{call.method}_records or Column expressions: as written, on a "
            "DataFrame it fails and the job stops",
        )
    return False


def _is_function(ctx: ConvertContext, node: cst.BaseExpression) -> bool:
    """A lambda, a function this module defines or imports, or a module's attribute: not a Column variable."""
    if isinstance(node, (cst.Lambda, cst.Attribute)):
        return True
    if not isinstance(node, cst.Name):
        return False
    module = module_of(ctx, node)
    defined = module is not None and any(
        isinstance(statement, cst.FunctionDef) and statement.name.value == node.value for statement in module.body
    )
    return defined or bound_by_import(ctx, node)


def _function_name(node: cst.BaseExpression) -> str:
    return code_of(node) if isinstance(node, (cst.Name, cst.Attribute)) else "this function"


class MapRule(FrameRule):
    """Map runs its function per record through glue_compat.map_records, with a review item.

    Before::

        enriched = Map.apply(frame=trades, f=add_desk)

    After::

        # g2l: review G2L313: add_desk runs in Python for every record (glue_compat.map_records: ...
        enriched = glue_compat.map_records(trades, add_desk)

    The function gets each record as a dict and returns the new one, as Glue's DynamicRecord; a record for
    which it raises is left out (Glue keeps it among its error records).
    """

    id = "G2L313"
    name = "map"
    summary = "Map becomes glue_compat.map_records(df, f) (a dict per record), with a review item."
    methods = frozenset({"map"})

    def accepts(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> bool:
        return _function_on_frame(ctx, original, call, self.id)

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        function = call.args.get("f")
        if function is None:
            return None
        ctx.review(
            original,
            self.id,
            f"{_function_name(function)} runs in Python for every record "
            "(glue_compat.map_records: a Python UDF, and one more pass to read the result's schema): "
            "rewrite it with withColumn/select; as converted, the result has one schema, the union of the returned "
            "records' (a field a record lacks is null there, whole and fractional numbers of a field become "
            "double, a field with values of different types is a string, as is one only ever null), and "
            "dates, timestamps and decimals the function returns come back as text" + _variant_note(ctx),
        )
        return compat(ctx, "map_records", receiver(call.receiver), code_of(function))


VARIANT_RUNTIME = (15, 3)  # parse_json and schema_of_variant_agg, which glue_compat reads record schemas with


def _variant_note(ctx: ConvertContext) -> str:
    """What an older [convert] runtime lacks for glue_compat's schema inference (map_records, unbox)."""
    if ctx.config.runtime_version >= VARIANT_RUNTIME:
        return ""
    return (
        f"; on Databricks Runtime {ctx.config.runtime} ([convert] runtime) it stops with an error instead, since "
        "reading the schema needs VARIANT (Runtime 15.3 or later)"
    )


class UnboxRule(FrameRule):
    """Unbox of a JSON string field becomes glue_compat.unbox, which parses it into a struct in place.

    Before::

        parsed = Unbox.apply(frame=events, path="payload", format="json")

    After::

        # g2l: review G2L314: glue_compat.unbox reads the JSON schema from all the values ...
        parsed = glue_compat.unbox(events, "payload", "json")

    Other formats (csv with separator, ...) are review items.
    """

    id = "G2L314"
    name = "unbox"
    summary = "Unbox(path, 'json') becomes glue_compat.unbox(df, path, 'json'); other formats are review items."
    methods = frozenset({"unbox"})

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        path, format_ = call.args.get("path"), call.args.get("format")
        if path is None or format_ is None or (string_value(format_) or "").lower() != "json":
            ctx.review(
                original,
                self.id,
                f"unbox of a format other than json: {LEFT_FAILS}: parse the field with from_csv or split and a schema",
            )
            return None
        ctx.review(
            original,
            self.id,
            "glue_compat.unbox reads the JSON schema from all the values on every run, as Glue does (the same "
            "data): "
            "pass schema= to fix it" + _variant_note(ctx),
        )
        options = [f"{name}={code_of(value)}" for name, value in call.options.items()]
        return compat(ctx, "unbox", receiver(call.receiver), code_of(path), code_of(format_), *options)


class UnnestRule(CompatRule):
    """UnnestFrame becomes glue_compat.unnest: struct fields become top-level `a.b` columns.

    Before::

        flat = UnnestFrame.apply(frame=events)
        flatter = events.unnest()

    After::

        flat = glue_compat.unnest(events)
        flatter = glue_compat.unnest(events)
    """

    id = "G2L315"
    name = "unnest"
    summary = "UnnestFrame / dyf.unnest() becomes glue_compat.unnest(df): structs flattened to dotted names."
    methods = frozenset({"unnest"})

    function = "unnest"


class RelationalizeRule(FrameRule):
    """Relationalize becomes glue_compat.relationalize: a dict of DataFrames, the root and one per array.

    Before::

        tables = Relationalize.apply(frame=people, staging_path=args["TempDir"], name="root")
        tables = people.relationalize("root", args["TempDir"])

    After::

        tables = glue_compat.relationalize(people, "root", args["TempDir"])
        tables = glue_compat.relationalize(people, "root", args["TempDir"])

    The tables and their columns are Glue's (`root`, `root_contacts` with `id`, `index`,
    `contacts.val.*`); the staging path is where the keyed frame is written and read back, as in Glue.
    """

    id = "G2L316"
    name = "relationalize"
    summary = "Relationalize becomes glue_compat.relationalize(df, name, staging_path): a dict of DataFrames."
    methods = frozenset({"relationalize"})

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        name = call.args.get("root_table_name")
        staging = call.args.get("staging_path")
        if not call.transform and (name is None or staging is None):
            return None
        parts = [receiver(call.receiver), code_of(name) if name is not None else '"roottable"']
        if staging is not None:
            parts.append(code_of(storage_path(ctx.config, staging)[0]))
        return compat(ctx, "relationalize", *parts)


class SpigotRule(FrameRule):
    """Spigot becomes glue_compat.spigot, which writes a sample as JSON and returns the frame; a review item.

    Before::

        checked = Spigot.apply(frame=trades, path="s3://risk-debug/trades", options={"topk": 10})

    After::

        # g2l: review G2L317: Spigot writes sample records to a path: check Databricks can write there, ...
        checked = glue_compat.spigot(trades, "s3://risk-debug/trades", {"topk": 10})
    """

    id = "G2L317"
    name = "spigot"
    summary = "Spigot becomes glue_compat.spigot(df, path, options) (a sample written as JSON), with a review item."
    methods = frozenset({"spigot"})

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        path = call.args.get("path")
        if path is None:
            return None
        ctx.review(
            original,
            self.id,
            "Spigot writes sample records to a path: as converted, where Databricks cannot write there the job "
            "fails here: check it can, or drop this debugging step",
        )
        options = call.args.get("options")
        target = code_of(storage_path(ctx.config, path)[0])
        return compat(
            ctx, "spigot", receiver(call.receiver), target, *([code_of(options)] if options is not None else [])
        )


class PartitionsRule(FrameRule):
    """Repartition and Coalesce keep their DataFrame namesakes; Coalesce with shuffle=True repartitions.

    Before::

        spread = Repartition.apply(frame=trades, num_partitions=64, transformation_ctx="spread")
        few = trades.coalesce(4, shuffle=True, transformation_ctx="few")

    After::

        spread = trades.repartition(64)
        few = trades.repartition(4)
    """

    id = "G2L318"
    name = "repartition-coalesce"
    summary = "Repartition/Coalesce become repartition(n)/coalesce(n); coalesce with shuffle=True repartitions."
    methods = frozenset({"repartition", "coalesce"})

    def accepts(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> bool:
        """Glue's arguments after the count only by keyword: DataFrame.repartition(n, *cols) takes columns there."""
        if call.transform:
            return True
        positional = sum(1 for arg in original.args if arg.keyword is None)
        if positional > (1 if call.method == "repartition" else 2):
            return False
        kind = frame_kind(ctx, call.source)
        return kind == FRAME or (kind == UNKNOWN and bool(set(call.args) & set(GLUE_TAIL)))

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        count = call.args.get("num_partitions")
        shuffle = call.args.get("shuffle")
        if count is None:
            return None
        if shuffle is not None and not is_literal(shuffle, "True", "False"):
            ctx.review(
                original, self.id, f"coalesce with a computed shuffle: {LEFT_FAILS}: use repartition(n) when it is true"
            )
            return None
        method = "repartition" if call.method == "repartition" or is_literal(shuffle, "True") else "coalesce"
        return expr(f"{receiver(call.receiver)}.{method}({code_of(count)})")


class MergeFramesRule(FrameRule):
    """mergeDynamicFrame becomes glue_compat.merge_frames, with Glue's semantics.

    Before::

        merged = current.mergeDynamicFrame(updates, ["trade_id"], transformation_ctx="merged")

    After::

        merged = glue_compat.merge_frames(current, updates, ["trade_id"])

    Records of the staging frame replace the source's records with the same primary keys; source records
    without a match stay (duplicates too); staging records without a match are not added, as Glue documents.
    """

    id = "G2L319"
    name = "merge-frames"
    summary = "mergeDynamicFrame becomes glue_compat.merge_frames(source, staging, keys): staging replaces matches."
    methods = frozenset({"mergeDynamicFrame"})

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        staging, keys = call.args.get("stage_dynamic_frame"), call.args.get("primary_keys")
        if staging is None or keys is None:
            return None
        options = call.args.get("options")
        if options is not None and not is_literal(options, "{}", "None"):
            ctx.review(
                original,
                self.id,
                "mergeDynamicFrame options have no DataFrame meaning: as converted, they are dropped: check them",
            )
        return compat(ctx, "merge_frames", receiver(call.receiver), code_of(staging), code_of(keys))


class Collections(FrameRule):
    """A DynamicFrameCollection becomes a dict of DataFrames; select(key) and SelectFromCollection index it.

    Before::

        parts = DynamicFrameCollection({"eu": eu, "us": us}, glueContext)
        eu_again = parts.select("eu")
        us_again = SelectFromCollection.apply(dfc=parts, key="us", transformation_ctx="us")

    After::

        parts = {"eu": eu, "us": us}
        eu_again = parts["eu"]
        us_again = parts["us"]

    Glue returns an empty frame for a key it does not have; a dict raises KeyError. A collection built from a
    list of frames (keyed by their names) and collection map/flatmap are review items.
    """

    id = "G2L320"
    name = "frame-collections"
    summary = "DynamicFrameCollection becomes a dict of DataFrames; dfc.select(key) becomes dfc[key]."
    methods = frozenset({"select", "collection_map", "collection_flatmap"})

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        if ctx.qualified(original.func) & COLLECTION_TYPES:
            return self._constructor(ctx, original, updated)
        return super().leave_Call(ctx, original, updated)

    def accepts(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> bool:
        return True  # frame_call only names these methods on a known collection

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        key = call.args.get("key")
        if call.method != "select" or key is None:
            ctx.review(
                original,
                self.id,
                f"{call.method.removeprefix('collection_')} over a DynamicFrameCollection "
                f"(a dict of DataFrames now): {LEFT_FAILS}: rewrite it as a dict comprehension",
            )
            return None
        return expr(f"{receiver(call.receiver)}[{code_of(key)}]")

    def _constructor(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        bound = bind_arguments(("dynamic_frames", "glue_ctx"), {}, original, updated, False)
        frames = bound.args.get("dynamic_frames") if bound is not None else None
        if frames is None or isinstance(frames, (cst.List, cst.Tuple)):
            ctx.review(
                original,
                self.id,
                "DynamicFrameCollection from a list keys the frames by their Glue names: "
                f"{LEFT_FAILS}: write the dict of DataFrames by hand",
            )
            return updated
        return standalone(frames)


class ForEachBatch(Rule):
    """glueContext.forEachBatch becomes a Structured Streaming foreachBatch query that runs until stopped.

    Before::

        glueContext.forEachBatch(
            frame=events,
            batch_function=process_batch,
            options={"windowSize": "100 seconds", "checkpointLocation": args["TempDir"] + "/checkpoint/"},
        )

    After::

        # g2l: review G2L321: Glue retried a failed batch (batchMaxRetries, 3 by default), persisted each ...
        (
            events.writeStream.foreachBatch(process_batch)
            .option("checkpointLocation", args["TempDir"] + "/checkpoint/")
            .trigger(processingTime="100 seconds")
            .start()
            .awaitTermination()
        )

    awaitTermination() blocks, as Glue's forEachBatch did. The batch function receives (DataFrame, batch id)
    in both. Glue's batchMaxRetries, persistDataFrame and storageLevel have no Spark counterpart (the review
    item says what they did); unknown options, a missing windowSize or checkpointLocation, or options not
    written as a dict are review items.
    """

    id = "G2L321"
    name = "for-each-batch"
    summary = "glueContext.forEachBatch becomes writeStream.foreachBatch(fn) with checkpoint and trigger, awaited."

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        func = original.func
        if not isinstance(func, cst.Attribute) or func.attr.value != "forEachBatch":
            return updated
        bound = bind_arguments(("frame", "batch_function", "options"), {}, original, updated, False)
        options = _string_keys(bound.args.get("options")) if bound is not None else None
        if (
            bound is None
            or options is None
            or not REQUIRED_BATCH_OPTIONS <= set(options) <= BATCH_OPTIONS
            or "frame" not in bound.args
            or "batch_function" not in bound.args
        ):
            ctx.review(
                original,
                self.id,
                "forEachBatch needs its options written as a dict with windowSize and "
                f"checkpointLocation: {LEFT_FAILS}: write the writeStream.foreachBatch query by hand",
            )
            return updated
        temp_dir = "TempDir" in code_of(options["checkpointLocation"])
        ctx.review(
            original,
            self.id,
            "Glue retried a failed batch (batchMaxRetries, 3 by default), persisted "
            "each batch and skipped empty ones; this query fails on the first error: use job retries, "
            "and trigger(availableNow=True) for a run that should end"
            + (
                "; the checkpoint is under Glue's TempDir, which a Databricks run does not get unless "
                "the job passes --TempDir: point it at durable storage (a Volume) the next run resumes "
                "from"
                if temp_dir
                else ""
            ),
        )
        return expr(self._query(ctx, original, bound.args, options))

    def _query(
        self,
        ctx: ConvertContext,
        original: cst.Call,
        args: dict[str, cst.BaseExpression],
        options: dict[str, cst.BaseExpression],
    ) -> str:
        steps = [
            f"{receiver(args['frame'])}.writeStream.foreachBatch({code_of(args['batch_function'])})",
            f'.option("checkpointLocation", {code_of(options["checkpointLocation"])})',
            f".trigger(processingTime={code_of(options['windowSize'])})",
            ".start()",
            ".awaitTermination()",
        ]
        if len("".join(steps)) <= 100:
            return "".join(steps)
        indent = line_indent(ctx, original)
        return "(\n" + "".join(f"{indent}    {step}\n" for step in steps) + f"{indent})"


REQUIRED_BATCH_OPTIONS = frozenset({"windowSize", "checkpointLocation"})
# Glue's retry and persistence settings: the review item covers them, Spark has no counterpart.
BATCH_OPTIONS = REQUIRED_BATCH_OPTIONS | {"batchMaxRetries", "persistDataFrame", "storageLevel"}


def _string_keys(node: cst.BaseExpression | None) -> dict[str, cst.BaseExpression] | None:
    if not isinstance(node, cst.Dict):
        return None
    items: dict[str, cst.BaseExpression] = {}
    for element in node.elements:
        key = string_value(element.key) if isinstance(element, cst.DictElement) else None
        if key is None:
            return None
        items[key] = element.value
    return items


class IngestionTimeColumns(Rule):
    """glueContext.add_ingestion_time_columns becomes glue_compat.add_ingestion_time_columns.

    Before::

        stamped = glueContext.add_ingestion_time_columns(batch_df, "hour")

    After::

        stamped = glue_compat.add_ingestion_time_columns(batch_df, "hour")

    It appends ingest_year, ingest_month, ingest_day (and ingest_hour, ingest_minute) from the current UTC
    time, as zero-padded strings, as Glue does.
    """

    id = "G2L322"
    name = "ingestion-time-columns"
    summary = "glueContext.add_ingestion_time_columns(df, g) becomes glue_compat.add_ingestion_time_columns(df, g)."

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        func = original.func
        if not isinstance(func, cst.Attribute) or func.attr.value != "add_ingestion_time_columns":
            return updated
        bound = bind_arguments(("frame", "time_granularity"), {}, original, updated, False)
        if bound is None or set(bound.args) != {"frame", "time_granularity"}:
            ctx.review(
                original,
                self.id,
                f"add_ingestion_time_columns with unusual arguments: {LEFT_FAILS}: convert it by hand",
            )
            return updated
        return compat(
            ctx, "add_ingestion_time_columns", code_of(bound.args["frame"]), code_of(bound.args["time_granularity"])
        )


class ErrorChannel(FrameRule):
    """Glue's error records have no DataFrame counterpart: errorsAsDynamicFrame, error counts and thresholds
    are review items.

    Before::

        mapped = ApplyMapping.apply(frame=raw, mappings=m, stageThreshold=10, totalThreshold=100)
        errors = mapped.errorsAsDynamicFrame()
        if mapped.stageErrorsCount() > 0:
            raise RuntimeError("bad records")

    After::

        # g2l: review G2L323: stageThreshold: Glue failed the job past that many error records; ...
        mapped = glue_compat.apply_mapping(raw, m)
        # g2l: review G2L323: errorsAsDynamicFrame: Spark keeps no error records ...
        errors = mapped.errorsAsDynamicFrame()
        # g2l: review G2L323: stageErrorsCount: Spark keeps no error records ...
        if mapped.stageErrorsCount() > 0:
            raise RuntimeError("bad records")

    A value that does not convert fails the job (ANSI mode) or becomes null (try_cast) in Spark; where the
    job counted or routed bad records, check them with explicit conditions or Delta constraints.
    """

    id = "G2L323"
    name = "error-channel"
    summary = "errorsAsDynamicFrame, errorsCount, stageErrorsCount, assertErrorThreshold and thresholds: review items."
    methods = frozenset({"errorsAsDynamicFrame", "errorsCount", "stageErrorsCount", "assertErrorThreshold"})

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        ctx.review(
            original,
            self.id,
            f"{call.method}: Spark keeps no error records (a bad value fails the job or "
            f"becomes null): {LEFT_FAILS}: check bad records with explicit conditions",
        )
        return None


class FrameTypes(Rule):
    """The DynamicFrame type becomes DataFrame, and DynamicFrameCollection a dict of DataFrames.

    Before::

        from awsglue.dynamicframe import DynamicFrame, DynamicFrameCollection

        def clean(frame: DynamicFrame) -> DynamicFrameCollection:
            if isinstance(frame, DynamicFrame):
                ...

    After::

        from pyspark.sql import DataFrame

        def clean(frame: DataFrame) -> dict[str, DataFrame]:
            if isinstance(frame, DataFrame):
                ...

    `DynamicFrame(jdf, glue_ctx)` built from a Java frame is a review item.
    """

    id = "G2L324"
    name = "frame-types"
    summary = "DynamicFrame in annotations and isinstance becomes DataFrame; DynamicFrameCollection a dict."

    def leave_Name(self, ctx: ConvertContext, original: cst.Name, updated: cst.Name) -> cst.BaseExpression:
        if original.value not in ("DynamicFrame", "DynamicFrameCollection"):
            return updated
        parent = parent_of(ctx, original)
        if isinstance(parent, (cst.Attribute, cst.ImportAlias)):
            return updated
        return self._replaced(ctx, original, updated, parent)

    def leave_Attribute(
        self, ctx: ConvertContext, original: cst.Attribute, updated: cst.Attribute
    ) -> cst.BaseExpression:
        if original.attr.value not in ("DynamicFrame", "DynamicFrameCollection"):
            return updated
        parent = parent_of(ctx, original)
        if (isinstance(parent, cst.Attribute) and parent.value is original) or isinstance(parent, cst.ImportAlias):
            return updated
        return self._replaced(ctx, original, updated, parent)

    def _replaced(
        self, ctx: ConvertContext, original: cst.BaseExpression, updated: cst.BaseExpression, parent: cst.CSTNode | None
    ) -> cst.BaseExpression:
        qualified = ctx.qualified(original)
        frame, collection = bool(qualified & FRAME_TYPES), bool(qualified & COLLECTION_TYPES)
        if not frame and not collection:
            return updated
        if isinstance(parent, cst.Call) and parent.func is original:
            if frame:
                ctx.review(
                    original, self.id, f"DynamicFrame(...) from a Java frame: {LEFT_FAILS}: build the DataFrame instead"
                )
            return updated
        ctx.add_import("pyspark.sql", "DataFrame")
        if frame:
            return cst.Name("DataFrame")
        return expr("dict[str, DataFrame]") if _in_annotation(ctx, original) else cst.Name("dict")


def _in_annotation(ctx: ConvertContext, node: cst.CSTNode) -> bool:
    current = parent_of(ctx, node)
    while current is not None and not isinstance(current, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
        if isinstance(current, cst.Annotation):
            return True
        current = parent_of(ctx, current)
    return False


class FrameMethods(FrameRule):
    """The rest of DynamicFrame's own API on a known DynamicFrame: schema(), getNumPartitions(), show(num_rows=).

    Before::

        fields = trades.schema().fields
        parts = trades.getNumPartitions()
        trades.show(num_rows=5)
        flat = trades.unnest_ddb_json()

    After::

        fields = trades.schema.fields
        parts = trades.rdd.getNumPartitions()
        trades.show(5)
        # g2l: review G2L325: unnest_ddb_json reads DynamoDB JSON (...)
        flat = trades.unnest_ddb_json()

    count() and printSchema() mean the same on a DataFrame and stay.
    """

    id = "G2L325"
    name = "frame-methods"
    summary = "dyf.schema() becomes df.schema, getNumPartitions() df.rdd.getNumPartitions(), show(num_rows=n) show(n)."
    methods = frozenset({"schema", "getNumPartitions", "show", "unnest_ddb_json", "simplify_ddb_json"})

    def same_on_a_data_frame(self, original: cst.Call, call: FrameCall) -> bool:
        """show() and show(n): a DataFrame's show takes the row count first too."""
        return call.method == "show" and all(arg.keyword is None for arg in original.args)

    def convert(self, ctx: ConvertContext, original: cst.Call, call: FrameCall) -> cst.BaseExpression | None:
        frame = receiver(call.receiver)
        if call.method == "schema":
            return expr(f"{frame}.schema")
        if call.method == "getNumPartitions":
            return expr(f"{frame}.rdd.getNumPartitions()")
        if call.method == "show":
            rows = call.args.get("num_rows")
            return expr(f"{frame}.show({code_of(rows) if rows is not None else ''})")
        ctx.review(
            original,
            self.id,
            f"{call.method} reads DynamoDB JSON (attribute-type wrappers): {LEFT_FAILS}: unwrap the fields with "
            "Column expressions",
        )
        return None


RULES_IN_ORDER: tuple[type[Rule], ...] = (
    TransformForms,  # first: it reads the Glue call's arguments, which the method rules below rewrite
    ToDF,
    ApplyMappingRule,
    ResolveChoiceRule,
    DropNullFieldsRule,
    SelectFieldsRule,
    DropFieldsRule,
    RenameFieldRule,
    SplitFieldsRule,
    SplitRowsRule,
    JoinRule,
    UnionRule,
    FilterRule,
    MapRule,
    UnboxRule,
    UnnestRule,
    RelationalizeRule,
    SpigotRule,
    PartitionsRule,
    MergeFramesRule,
    Collections,
    ForEachBatch,
    IngestionTimeColumns,
    ErrorChannel,
    FrameTypes,
    FrameMethods,
)
