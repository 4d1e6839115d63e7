"""What the names in a Glue script hold, found once before the rules run.

Flow-insensitive and module-wide, on purpose: a name that holds a DynamicFrame anywhere is treated as one
everywhere, and a rule that needs more certainty than that asks for review instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import QualifiedNameProvider

from g2l_merge.convert.glue_exports import ASSUMED_FROM_STAR, STAR_BINDS, canonical
from g2l_merge.convert.tree import Tree

# What `from awsglue.<module> import *` binds, read from the awsglue library's source (glue_exports.py).
STAR_EXPORTS: dict[str, frozenset[str]] = {module: frozenset(names) for module, names in STAR_BINDS.items()}
GLUE_CONTEXT = "awsglue.context.GlueContext"
DYNAMIC_FRAME = "awsglue.dynamicframe.DynamicFrame"
FRAME_TYPES = frozenset({DYNAMIC_FRAME, "awsglue.DynamicFrame"})
COLLECTION_TYPES = frozenset({"awsglue.dynamicframe.DynamicFrameCollection", "awsglue.DynamicFrameCollection"})
GLUE_CONTEXT_NAMES = frozenset({"glueContext", "glue_context", "glue_ctx", "glueCtx", "gc", "glue"})
# Attributes only a GlueContext has: a name they are read from holds one.
GLUE_CONTEXT_ATTRIBUTES = frozenset(
    {
        "create_dynamic_frame",
        "write_dynamic_frame",
        "create_data_frame",
        "write_data_frame",
        "create_dynamic_frame_from_options",
        "create_dynamic_frame_from_catalog",
        "write_dynamic_frame_from_options",
        "write_dynamic_frame_from_catalog",
        "write_dynamic_frame_from_jdbc_conf",
        "getSink",
        "getSource",
        "spark_session",
        "purge_s3_path",
        "purge_table",
        "get_logger",
        "forEachBatch",
        "add_ingestion_time_columns",
        "extract_jdbc_conf",
        "create_sample_dynamic_frame_from_catalog",
    }
)
# DynamicFrame methods that return a DynamicFrame.
FRAME_METHODS = frozenset(
    {
        "apply_mapping",
        "resolveChoice",
        "drop_fields",
        "select_fields",
        "rename_field",
        "filter",
        "map",
        "unbox",
        "unnest",
        "spigot",
        "repartition",
        "coalesce",
        "join",
        "union",
        "mergeDynamicFrame",
        "dropNullFields",
        "drop_null_fields",
        "errorsAsDynamicFrame",
        "assertErrorThreshold",
        "relationalize_root",
        "split_fields_first",
        "select",
        "simplify_ddb_json",
        "gs_now",
    }
)
COLLECTION_TRANSFORMS = frozenset({"SplitFields", "SplitRows", "Relationalize", "MapToCollection"})


@dataclass
class Tracked:
    star_modules: set[str] = field(default_factory=set)
    glue_contexts: set[str] = field(default_factory=set)  # module names bound to GlueContext(...)
    glue_context_params: set[str] = field(default_factory=set)  # parameters that receive one
    session: str = "spark"  # the name the SparkSession goes by
    spark_contexts: set[str] = field(default_factory=set)
    frames: set[str] = field(default_factory=set)  # names that hold DynamicFrames
    collections: set[str] = field(default_factory=set)  # names that hold DynamicFrameCollections
    frame_functions: set[str] = field(default_factory=set)  # functions annotated `-> DynamicFrame`
    collection_functions: set[str] = field(default_factory=set)  # functions annotated `-> DynamicFrameCollection`
    loggers: set[str] = field(default_factory=set)
    jobs: set[str] = field(default_factory=set)
    uses: dict[str, int] = field(default_factory=dict)  # Name loads, to know whether `sc` is still needed

    def star_qualified(self, node: cst.CSTNode) -> set[str]:
        """Qualified name of a bare name brought in by `from awsglue.x import *`."""
        parts = dotted(node)
        if not parts:
            return set()
        found = {
            ".".join([STAR_BINDS[module][parts[0]], *parts[1:]])
            for module in self.star_modules
            if parts[0] in STAR_BINDS[module]
        }
        if not found and parts[0] in ASSUMED_FROM_STAR and self.star_modules:
            found.add(".".join([ASSUMED_FROM_STAR[parts[0]], *parts[1:]]))  # glue_exports.py
        return found

    def is_glue_context(self, node: cst.CSTNode) -> bool:
        return isinstance(node, cst.Name) and (
            node.value in self.glue_contexts or node.value in self.glue_context_params
        )


def dotted(node: cst.CSTNode) -> list[str]:
    if isinstance(node, cst.Name):
        return [node.value]
    if isinstance(node, cst.Attribute):
        base = dotted(node.value)
        return [*base, node.attr.value] if base else []
    return []


def track(tree: Tree) -> Tracked:
    """Read a parsed module once: star imports, glue contexts, sessions, frames, loggers, jobs.

    A binding can depend on a later one (a function annotated `-> DynamicFrame` defined below its first
    call), so the bindings are read again until nothing new is found: over a list, not the tree.
    """
    tracked = Tracked()
    bindings: list[cst.Param | cst.FunctionDef | cst.Assign] = []
    for node in tree.nodes:
        kind = type(node)  # exact types, as libcst's node classes have no subclasses: isinstance costs more
        if kind in _BINDING_TYPES:
            bindings.append(node)  # type: ignore[arg-type]
        elif kind in _NOTED_TYPES:
            _note(tracked, node)
    binder = _Bindings(tracked, tree)
    while True:
        before = _sizes(tracked)
        for binding in bindings:
            binder.read(binding)
        if _sizes(tracked) == before:
            return tracked


_BINDING_TYPES = frozenset({cst.Param, cst.FunctionDef, cst.Assign})
_NOTED_TYPES = frozenset({cst.Name, cst.Attribute, cst.ImportFrom})


def _sizes(tracked: Tracked) -> tuple[int, ...]:
    return (
        len(tracked.frames),
        len(tracked.collections),
        len(tracked.glue_contexts),
        len(tracked.frame_functions),
        len(tracked.collection_functions),
    )


def _note(tracked: Tracked, node: cst.CSTNode) -> None:
    """Star imports, name uses and names a glue context attribute is read from."""
    if isinstance(node, cst.Name):
        tracked.uses[node.value] = tracked.uses.get(node.value, 0) + 1
    elif (
        isinstance(node, cst.Attribute)
        and isinstance(node.value, cst.Name)
        and node.attr.value in GLUE_CONTEXT_ATTRIBUTES
        and node.value.value in GLUE_CONTEXT_NAMES
    ):
        tracked.glue_context_params.add(node.value.value)
    elif isinstance(node, cst.ImportFrom) and isinstance(node.names, cst.ImportStar) and node.module is not None:
        module = ".".join(dotted(node.module))
        if module in STAR_EXPORTS:
            tracked.star_modules.add(module)


class _Bindings:
    def __init__(self, tracked: Tracked, tree: Tree) -> None:
        self.tracked = tracked
        self.tree = tree

    def read(self, node: cst.Param | cst.FunctionDef | cst.Assign) -> None:
        if isinstance(node, cst.Param):
            self._param(node)
        elif isinstance(node, cst.FunctionDef):
            self._function(node)
        else:
            self._assign(node)

    def _qualified(self, node: cst.CSTNode) -> set[str]:
        names = {canonical(q.name) for q in self.tree.get_metadata(QualifiedNameProvider, node, set())}
        return names or self.tracked.star_qualified(node)

    def _param(self, node: cst.Param) -> None:
        annotation = node.annotation.annotation if node.annotation else None
        qualified = self._qualified(annotation) if annotation is not None else set()
        if GLUE_CONTEXT in qualified or node.name.value in GLUE_CONTEXT_NAMES:
            self.tracked.glue_context_params.add(node.name.value)
        if qualified & FRAME_TYPES:
            self.tracked.frames.add(node.name.value)
        elif qualified & COLLECTION_TYPES:
            self.tracked.collections.add(node.name.value)

    def _function(self, node: cst.FunctionDef) -> None:
        qualified = self._qualified(node.returns.annotation) if node.returns is not None else set()
        if qualified & FRAME_TYPES:
            self.tracked.frame_functions.add(node.name.value)
        elif qualified & COLLECTION_TYPES:
            self.tracked.collection_functions.add(node.name.value)
            # a Glue Studio custom transform: `def MyTransform(glueContext, dfc) -> DynamicFrameCollection`
            self.tracked.collections.update(p.name.value for p in node.params.params if p.name.value == "dfc")

    def _assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                self._bind(target.target.value, node.value)

    def _bind(self, name: str, value: cst.BaseExpression) -> None:
        # isinstance rather than matchers: this runs for every assignment, again on each round of track()
        tracked = self.tracked
        call = value if isinstance(value, cst.Call) else None
        if call is not None and GLUE_CONTEXT in self._qualified(call.func):
            tracked.glue_contexts.add(name)
            tracked.glue_context_params.discard(name)
        elif self._is_spark_context(value):
            tracked.spark_contexts.add(name)
        elif (
            isinstance(value, cst.Attribute)
            and isinstance(value.value, cst.Name)
            and value.attr.value == "spark_session"
        ):
            tracked.session = name
        elif call is not None and isinstance(call.func, cst.Attribute) and call.func.attr.value == "get_logger":
            tracked.loggers.add(name)
        elif call is not None and "awsglue.job.Job" in self._qualified(call.func):
            tracked.jobs.add(name)
        elif self.is_collection(value):
            tracked.collections.add(name)
        elif self.is_frame_expression(value):
            tracked.frames.add(name)

    def _is_spark_context(self, value: cst.BaseExpression) -> bool:
        if not isinstance(value, cst.Call):
            return False
        qualified = self._qualified(value.func)
        return bool(
            qualified
            & {
                "pyspark.context.SparkContext",
                "pyspark.SparkContext",
                "pyspark.context.SparkContext.getOrCreate",
                "pyspark.SparkContext.getOrCreate",
            }
        )

    def is_collection(self, value: cst.BaseExpression) -> bool:
        if not isinstance(value, cst.Call):
            return False
        qualified = self._qualified(value.func)
        if isinstance(value.func, cst.Name) and value.func.value in self.tracked.collection_functions:
            return True
        return (
            any(q.startswith("awsglue.transforms.") and q.split(".")[2] in COLLECTION_TRANSFORMS for q in qualified)
            or bool(qualified & COLLECTION_TYPES)
            or (
                isinstance(value.func, cst.Attribute)
                and value.func.attr.value in ("relationalize", "split_fields", "split_rows")
            )
        )

    def is_frame_expression(self, value: cst.BaseExpression) -> bool:
        """A call that returns a DynamicFrame (a reader, a transform, a frame method, fromDF)."""
        if isinstance(value, cst.Name):
            return value.value in self.tracked.frames
        if not isinstance(value, cst.Call):
            return False
        func = value.func
        if isinstance(func, cst.Name) and func.value in self.tracked.frame_functions:
            return True
        qualified = self._qualified(func)
        if any(q.startswith(("awsglue.transforms.", DYNAMIC_FRAME + ".fromDF")) for q in qualified):
            return True
        if isinstance(func, cst.Attribute):
            receiver, method = func.value, func.attr.value
            if method == "fromDF" and dotted(receiver)[-1:] == ["DynamicFrame"]:
                return True
            if method in FRAME_METHODS and self.is_frame_expression(receiver):
                return True
            if method == "select" and isinstance(receiver, cst.Name) and receiver.value in self.tracked.collections:
                return True
            if isinstance(receiver, cst.Attribute) and receiver.attr.value in (
                "create_dynamic_frame",
                "create_data_frame",
            ):
                return True
            if method.startswith("create_dynamic_frame_from"):
                return True
            if method == "getFrame":
                return True
        return False
