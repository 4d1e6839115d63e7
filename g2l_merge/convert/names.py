"""What the names in a Glue script hold, found once before the rules run.

Glue contexts, sessions, loggers, jobs and collections are read module-wide. Frame types are read by flow as
well (flow_kind): per scope, statements in order, both sides of a branch joined, loop bodies to a fixed point;
a function's parameters are unknown unless annotated. A name that is a DynamicFrame on one path and something
else on another is AMBIGUOUS there, and a rule that needs a DynamicFrame asks for review instead of guessing.
A global read in a function holds what it holds anywhere at module level, joined; the module-wide `frames` set
stays the answer only where the flow has none (a default value, a decorator, a name no module code binds).
"""

from __future__ import annotations

from collections.abc import Sequence
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
# Glue Data Quality: EvaluateDataQuality.apply returns a DynamicFrame (the rule outcomes), process_rows a collection.
DATA_QUALITY_TYPES = frozenset({"awsgluedq.transforms.EvaluateDataQuality", "awsglue.transforms.EvaluateDataQuality"})
# Calls that return a DynamicFrame, by qualified name prefix.
_FRAME_CALLS = ("awsglue.transforms.", DYNAMIC_FRAME + ".fromDF", "awsgluedq.transforms.EvaluateDataQuality.apply")
DATA_FRAME_TYPES = frozenset({"pyspark.sql.DataFrame", "pyspark.sql.dataframe.DataFrame"})
# What a name holds at a point of the code (flow_kind): a DynamicFrame, something else (a DataFrame, an RDD,
# a collection), not known, or a DynamicFrame on one path and something else on another.
FRAME_KIND, OTHER_KIND, UNKNOWN_KIND, AMBIGUOUS_KIND = "frame", "other", "unknown", "ambiguous"


@dataclass
class Tracked:
    star_modules: set[str] = field(default_factory=set)
    glue_contexts: set[str] = field(default_factory=set)  # module names bound to GlueContext(...)
    glue_context_params: set[str] = field(default_factory=set)  # parameters that receive one
    held_contexts: set[str] = field(default_factory=set)  # attributes assigned one: "self.glue_context"
    # functions that return one (`return GlueContext(sc)`, `-> GlueContext`): a name bound to their call holds one
    context_functions: set[str] = field(default_factory=set)
    session: str = "spark"  # the name the SparkSession goes by
    spark_contexts: set[str] = field(default_factory=set)
    frames: set[str] = field(default_factory=set)  # names that hold DynamicFrames
    collections: set[str] = field(default_factory=set)  # names that hold DynamicFrameCollections
    frame_functions: set[str] = field(default_factory=set)  # functions annotated `-> DynamicFrame`
    collection_functions: set[str] = field(default_factory=set)  # functions annotated `-> DynamicFrameCollection`
    # functions annotated to return a DataFrame or a dict of them (`-> dict[str, DataFrame]`, as G2L407 writes)
    data_frame_functions: set[str] = field(default_factory=set)
    # names imported from awsglue by name in some scope (a Studio custom transform imports in its body, below
    # the `-> DynamicFrameCollection` annotation that names it): name -> qualified name
    glue_imported: dict[str, str] = field(default_factory=dict)
    loggers: set[str] = field(default_factory=set)
    jobs: set[str] = field(default_factory=set)
    uses: dict[str, int] = field(default_factory=dict)  # Name loads, to know whether `sc` is still needed
    # statement (or compound statement header) -> what the frame-typed names hold just before it runs
    flow: dict[cst.CSTNode, dict[str, str]] = field(default_factory=dict)
    assumed: set[cst.CSTNode] = field(default_factory=set)  # names a rule asks about as if they were frames
    globals: dict[str, str] = field(default_factory=dict)  # every kind a module-level name holds, joined

    def flow_kind(self, node: cst.Name, parents: dict[cst.CSTNode, cst.CSTNode]) -> str | None:
        """What an original Name holds where it is read, by flow; None where the flow says nothing."""
        name = node.value
        current: cst.CSTNode = node
        while True:
            found = self.flow.get(current)
            if found is not None:
                return found.get(name, self.globals.get(name))
            parent = parents.get(current)
            if parent is None or type(parent) in _SCOPES:
                return None
            if type(parent) in _INNER_SCOPES and _binds_inside(parent, name):
                return UNKNOWN_KIND  # a lambda's parameter or a comprehension's target
            current = parent

    def star_qualified(self, node: cst.CSTNode) -> set[str]:
        """Qualified name of a bare name brought in by `from awsglue.x import *`, or of a name no scope of the
        node binds that the file imports from awsglue in another scope."""
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
        if not found and parts[0] in self.glue_imported:  # unbound here, imported from awsglue in another scope
            found.add(".".join([self.glue_imported[parts[0]], *parts[1:]]))
        return found

    def is_glue_context(self, node: cst.CSTNode) -> bool:
        if isinstance(node, cst.Name):
            return node.value in self.glue_contexts or node.value in self.glue_context_params
        # `self.glue_context` where a method assigns it GlueContext(...): a job class holding the context
        return (
            bool(self.held_contexts)
            and isinstance(node, cst.Attribute)
            and ".".join(dotted(node)) in self.held_contexts
        )


_SCOPES = frozenset({cst.FunctionDef, cst.ClassDef, cst.Module})
_INNER_SCOPES = frozenset({cst.Lambda, cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp})


def _binds_inside(node: cst.CSTNode, name: str) -> bool:
    if isinstance(node, cst.Lambda):
        return any(param.name.value == name for param in node.params.params)
    comp: cst.CompFor | None = getattr(node, "for_in", None)
    while comp is not None:
        if name in _target_names(comp.target):
            return True
        comp = comp.inner_for_in
    return False


def _target_names(target: cst.BaseExpression) -> list[str]:
    if isinstance(target, cst.Name):
        return [target.value]
    if isinstance(target, (cst.Tuple, cst.List)):
        return [name for element in target.elements for name in _target_names(element.value)]
    if isinstance(target, cst.StarredElement):
        return _target_names(target.value)
    return []


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
    returns: list[cst.Return] = []
    for node in tree.nodes:
        kind = type(node)  # exact types, as libcst's node classes have no subclasses: isinstance costs more
        if kind in _BINDING_TYPES:
            bindings.append(node)  # type: ignore[arg-type]
        elif kind in _NOTED_TYPES:
            _note(tracked, node)
        elif kind is cst.Return and isinstance(node, cst.Return):
            returns.append(node)
    binder = _Bindings(tracked, tree)
    if tracked.uses.get("GlueContext"):
        binder.factories(returns)
    while True:
        before = _sizes(tracked)
        for binding in bindings:
            binder.read(binding)
        if _sizes(tracked) == before:
            break
    _Flow(binder).module(tree.wrapper.module)
    return tracked


_BINDING_TYPES = frozenset({cst.Param, cst.FunctionDef, cst.Assign})
_NOTED_TYPES = frozenset({cst.Name, cst.Attribute, cst.ImportFrom})


def _sizes(tracked: Tracked) -> tuple[int, ...]:
    return (
        len(tracked.glue_context_params),
        len(tracked.context_functions),
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
    elif isinstance(node, cst.ImportFrom) and node.module is not None and not node.relative:
        module = ".".join(dotted(node.module))
        if module.split(".")[0] == "awsglue" and not isinstance(node.names, cst.ImportStar):
            for alias in node.names:
                bound = alias.asname.name if alias.asname is not None else alias.name
                if isinstance(bound, cst.Name):
                    tracked.glue_imported[bound.value] = canonical(f"{module}.{'.'.join(dotted(alias.name))}")


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

    def factories(self, returns: list[cst.Return]) -> None:
        """Functions that return GlueContext(...): session factories, pytest fixtures."""
        for node in returns:
            value = node.value
            if not isinstance(value, cst.Call) or dotted(value.func)[-1:] != ["GlueContext"]:
                continue
            if GLUE_CONTEXT not in self._qualified(value.func):
                continue
            current = self.tree.parents.get(node)
            while current is not None and not isinstance(current, cst.FunctionDef | cst.Lambda | cst.ClassDef):
                current = self.tree.parents.get(current)
            if isinstance(current, cst.FunctionDef):
                self.tracked.context_functions.add(current.name.value)

    def _function(self, node: cst.FunctionDef) -> None:
        qualified = self._qualified(node.returns.annotation) if node.returns is not None else set()
        if GLUE_CONTEXT in qualified:
            self.tracked.context_functions.add(node.name.value)
        if qualified & FRAME_TYPES:
            self.tracked.frame_functions.add(node.name.value)
        elif qualified & COLLECTION_TYPES:
            self.tracked.collection_functions.add(node.name.value)
            # a Glue Studio custom transform: `def MyTransform(glueContext, dfc) -> DynamicFrameCollection`
            self.tracked.collections.update(p.name.value for p in node.params.params if p.name.value == "dfc")
        elif node.returns is not None and self._data_frames(node.returns.annotation):
            self.tracked.data_frame_functions.add(node.name.value)

    def _data_frames(self, annotation: cst.BaseExpression) -> bool:
        """`DataFrame`, or `dict[str, DataFrame]` (a custom transform's return once converted)."""
        if isinstance(annotation, cst.Subscript) and dotted(annotation.value)[-1:] in (["dict"], ["Dict"]):
            elements = annotation.slice
            last = elements[-1].slice if elements else None
            return isinstance(last, cst.Index) and self._data_frames(last.value)
        return bool(self._qualified(annotation) & DATA_FRAME_TYPES)

    def _assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                self._bind(target.target.value, node.value)
            elif (
                isinstance(target.target, cst.Attribute)
                and isinstance(node.value, cst.Call)
                and GLUE_CONTEXT in self._qualified(node.value.func)
                and dotted(target.target)
            ):
                self.tracked.held_contexts.add(".".join(dotted(target.target)))

    def _bind(self, name: str, value: cst.BaseExpression) -> None:
        # isinstance rather than matchers: this runs for every assignment, again on each round of track()
        tracked = self.tracked
        call = value if isinstance(value, cst.Call) else None
        if call is not None and GLUE_CONTEXT in self._qualified(call.func):
            tracked.glue_contexts.add(name)
            tracked.glue_context_params.discard(name)
        elif call is not None and isinstance(call.func, cst.Name) and call.func.value in tracked.context_functions:
            if name not in tracked.glue_contexts:
                tracked.glue_context_params.add(name)  # a factory's context: the session once converted
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
            or self._data_quality_rows(value.func)
        )

    def _data_quality_rows(self, func: cst.BaseExpression) -> bool:
        """EvaluateDataQuality().process_rows(...): a collection of ruleOutcomes and rowLevelOutcomes."""
        return (
            isinstance(func, cst.Attribute)
            and func.attr.value == "process_rows"
            and isinstance(func.value, cst.Call)
            and bool(self._qualified(func.value.func) & DATA_QUALITY_TYPES)
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
        if any(q.startswith(_FRAME_CALLS) for q in qualified):
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


Env = dict[str, str]


def _join_kinds(a: str, b: str) -> str:
    if a == b:
        return a
    if AMBIGUOUS_KIND in (a, b) or FRAME_KIND in (a, b):
        return AMBIGUOUS_KIND  # a DynamicFrame on one path only
    return UNKNOWN_KIND


def _join(a: Env | None, b: Env | None) -> Env | None:
    """Two paths meet: a name bound on one path only keeps that path's kind (the other would fail to run)."""
    if a is None or a is b:
        return b
    if b is None:
        return a
    joined = dict(a)
    for name, kind in b.items():
        joined[name] = _join_kinds(joined[name], kind) if name in joined else kind
    return joined


_TERMINAL = (cst.Return, cst.Raise, cst.Continue, cst.Break)


class _Flow:
    """Frame kinds by flow, over the statements (not every node): each statement and compound statement header
    is noted in Tracked.flow with the kinds that hold just before it. A block returns the kinds after it, or
    None when it always leaves (return, raise, break, continue).
    """

    def __init__(self, binder: _Bindings) -> None:
        self.binder = binder
        self.tracked = binder.tracked
        self.flow = binder.tracked.flow
        self.exits: list[list[tuple[bool, Env]]] = []  # per enclosing loop: (a break?, the kinds there)
        self.raises: list[list[Env]] = []  # per enclosing try: the kinds at each statement of its body
        self.deferred: list[cst.FunctionDef | cst.ClassDef] = []  # bodies read after the module's statements
        self.batch_functions: set[str] = set()  # glueContext.forEachBatch(batch_function=f): f takes a DataFrame

    def module(self, module: cst.Module) -> None:
        """The module's statements first, then each function and class body, which can read any module-level
        name: a global holds there whatever it holds anywhere at module level, joined."""
        end = self.block(module.body, {})
        seen: set[int] = set()
        joined: Env | None = end
        for env in [*self.flow.values()]:
            if id(env) not in seen:
                seen.add(id(env))
                joined = _join(joined, env)
        self.tracked.globals = joined or {}
        while self.deferred:
            node = self.deferred.pop(0)
            if isinstance(node, cst.FunctionDef):
                self._function(node)
            else:
                self.body(node.body, {})

    def block(self, statements: Sequence[cst.BaseStatement] | Sequence[cst.BaseSmallStatement], env: Env) -> Env | None:
        current: Env | None = env
        for statement in statements:
            if current is None:
                current = {}  # unreachable code: nothing known
            current = self.statement(statement, current)
        return current

    def body(self, suite: cst.BaseSuite, env: Env) -> Env | None:
        if isinstance(suite, cst.SimpleStatementSuite):
            return self.block(suite.body, env)
        if isinstance(suite, cst.IndentedBlock):
            return self.block(suite.body, env)
        return env

    def statement(self, node: cst.BaseStatement | cst.BaseSmallStatement, env: Env) -> Env | None:
        if isinstance(node, cst.SimpleStatementLine):
            return self.block(node.body, env)
        self.flow[node] = env
        if isinstance(node, cst.Expr | cst.Assign):
            self._batch_function(node.value)
        if isinstance(node, cst.Assign):
            return self._assign(node, env)
        if isinstance(node, cst.AnnAssign):
            return self._ann_assign(node, env)
        if isinstance(node, cst.AugAssign):
            return self._bind(env, _target_names(node.target), UNKNOWN_KIND)
        if isinstance(node, _TERMINAL):
            if isinstance(node, cst.Break | cst.Continue) and self.exits:
                self.exits[-1].append((isinstance(node, cst.Break), env))  # what follows the loop, or its head
            elif self.raises and isinstance(node, cst.Raise):
                self.raises[-1].append(env)
            return None
        if isinstance(node, cst.If):
            return self._if(node, env)
        if isinstance(node, cst.For | cst.While):
            return self._loop(node, env)
        if isinstance(node, cst.Try | cst.TryStar):
            return self._try(node, env)
        if isinstance(node, cst.With):
            names = [name for item in node.items if item.asname for name in _target_names(item.asname.name)]
            return self.body(node.body, self._bind(env, names, UNKNOWN_KIND))
        if isinstance(node, cst.FunctionDef | cst.ClassDef):
            self.deferred.append(node)  # a scope of its own, read once the module-level kinds are all known
            return self._bind(env, [node.name.value], UNKNOWN_KIND)
        return env

    # ---- statements -----------------------------------------------------------------------------------------

    @staticmethod
    def _bind(env: Env, names: list[str], kind: str) -> Env:
        if all(env.get(name) == kind for name in names):
            return env
        return {**env, **dict.fromkeys(names, kind)}

    def _assign(self, node: cst.Assign, env: Env) -> Env:
        kind = self.kind(node.value, env)
        for target in node.targets:
            names = _target_names(target.target)
            env = self._bind(env, names, kind if isinstance(target.target, cst.Name) else UNKNOWN_KIND)
        return env

    def _ann_assign(self, node: cst.AnnAssign, env: Env) -> Env:
        kind = self._annotated(node.annotation.annotation)
        if kind == UNKNOWN_KIND and node.value is not None:
            kind = self.kind(node.value, env)
        return self._bind(env, _target_names(node.target), kind)

    def _annotated(self, annotation: cst.BaseExpression) -> str:
        qualified = self.binder._qualified(annotation)
        if qualified & FRAME_TYPES:
            return FRAME_KIND
        if qualified & (DATA_FRAME_TYPES | COLLECTION_TYPES):
            return OTHER_KIND
        return UNKNOWN_KIND

    def _if(self, node: cst.If, env: Env) -> Env | None:
        self.flow[node.test] = env
        taken = self.body(node.body, env)
        orelse = node.orelse
        if orelse is None:
            other: Env | None = env
        elif isinstance(orelse, cst.If):
            other = self.statement(orelse, env)
        else:
            other = self.body(orelse.body, env)
        return _join(taken, other)

    def _loop(self, node: cst.For | cst.While, env: Env) -> Env | None:
        """The body until the kinds at its head stop changing: they can only grow towards AMBIGUOUS."""
        if isinstance(node, cst.For):
            self.flow[node.iter] = env
            targets = _target_names(node.target)
        else:
            self.flow[node.test] = env
            targets = []
        head = env
        exits: list[tuple[bool, Env]] = []
        self.exits.append(exits)
        for _ in range(8):
            exits.clear()
            end = self.body(node.body, self._bind(head, targets, UNKNOWN_KIND))
            for broke, one in exits:
                end = end if broke else _join(end, one)
            joined = _join(head, end)
            if joined == head or joined is None:
                break
            head = joined
        self.exits.pop()
        if isinstance(node, cst.For):
            self.flow[node.iter] = env
        else:
            self.flow[node.test] = head
        after = self.body(node.orelse.body, head) if node.orelse is not None else head
        out = _join(after, head) if after is not None else head
        for broke, one in exits:
            out = _join(out, one) if broke else out
        return out

    def _try(self, node: cst.Try | cst.TryStar, env: Env) -> Env | None:
        """A handler can start anywhere in the body: it starts from the kinds before each of its statements and
        after the last, joined."""
        seen: list[Env] = []
        self.raises.append(seen)
        end = self._noting(node.body, env, seen)
        self.raises.pop()
        start: Env = env
        for one in (*seen, end):
            start = _join(start, one) or start
        ends: list[Env | None] = [self.body(node.orelse.body, end) if node.orelse and end is not None else end]
        ends.extend(self.body(handler.body, start) for handler in node.handlers)
        out: Env | None = None
        for one in ends:
            out = _join(out, one)
        if node.finalbody is not None:
            return self.body(node.finalbody.body, out if out is not None else start)
        return out

    def _batch_function(self, value: cst.BaseExpression) -> None:
        """Glue's forEachBatch(frame, batch_function) or Spark's writeStream...foreachBatch(f) in a call chain."""
        while isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute):
            method, args = value.func.attr.value, value.args
            place, keyword = (1, "batch_function") if method == "forEachBatch" else (0, "func")
            if method in ("forEachBatch", "foreachBatch"):
                for at, arg in enumerate(args):
                    by_place = arg.keyword is None and at == place
                    if (by_place or (arg.keyword is not None and arg.keyword.value == keyword)) and isinstance(
                        arg.value, cst.Name
                    ):
                        self.batch_functions.add(arg.value.value)
            value = value.func.value

    def _noting(self, suite: cst.BaseSuite, env: Env, seen: list[Env]) -> Env | None:
        """A try body, statement by statement, noting the kinds between them (nested blocks note theirs as
        they raise)."""
        seen.append(env)
        if not isinstance(suite, cst.IndentedBlock):
            return self.body(suite, env)
        current: Env | None = env
        for statement in suite.body:
            current = self.statement(statement, {} if current is None else current)
            if current is not None:
                seen.append(current)
        return current

    def _function(self, node: cst.FunctionDef) -> None:
        """A new scope: parameters are unknown unless their annotations say, or a Studio transform's `dfc`, or
        the batch a streaming forEachBatch function is given (a DataFrame)."""
        inner: Env = {}
        studio = node.name.value in self.tracked.collection_functions
        batch = node.name.value in self.batch_functions
        for at, param in enumerate((*node.params.posonly_params, *node.params.params, *node.params.kwonly_params)):
            name = param.name.value
            if param.annotation is not None:
                inner[name] = self._annotated(param.annotation.annotation)
            else:
                known = (studio and name == "dfc") or (batch and at == 0)
                inner[name] = OTHER_KIND if known else UNKNOWN_KIND
        for star in (node.params.star_arg, node.params.star_kwarg):
            if isinstance(star, cst.Param):
                inner[star.name.value] = UNKNOWN_KIND
        self.body(node.body, inner)

    # ---- expressions ----------------------------------------------------------------------------------------

    def kind(self, value: cst.BaseExpression, env: Env) -> str:
        """What an expression evaluates to, with the names' kinds at that point."""
        tracked = self.tracked
        if isinstance(value, cst.Name):
            found = env.get(value.value)
            if found is not None:
                return found
            found = tracked.globals.get(value.value)  # a global read in a function
            if found is not None:
                return found
            return FRAME_KIND if value.value in tracked.frames else UNKNOWN_KIND
        if isinstance(value, cst.Subscript):
            collection = self.binder.is_collection(value.value) or self._collection_name(value.value)
            return FRAME_KIND if collection else UNKNOWN_KIND
        if isinstance(value, cst.Attribute):
            return OTHER_KIND if self.kind(value.value, env) == OTHER_KIND else UNKNOWN_KIND
        if not isinstance(value, cst.Call):
            return UNKNOWN_KIND
        if self.binder.is_collection(value):
            return OTHER_KIND
        func = value.func
        if isinstance(func, cst.Name) and func.value in tracked.data_frame_functions:
            return OTHER_KIND
        if not isinstance(func, cst.Attribute):
            return FRAME_KIND if self.binder.is_frame_expression(value) else UNKNOWN_KIND
        method, receiver = func.attr.value, func.value
        if method == "toDF":
            return OTHER_KIND
        if (
            (method == "select" and self._collection_name(receiver))
            or (method == "fromDF" and dotted(receiver)[-1:] == ["DynamicFrame"])
            or method.startswith("create_dynamic_frame_from")
            or method == "getFrame"
            or (isinstance(receiver, cst.Attribute) and receiver.attr.value in _READERS)
            or any(q.startswith(_FRAME_CALLS) for q in self.binder._qualified(func))
        ):
            return FRAME_KIND
        receiver_kind = self.kind(receiver, env)
        if method in FRAME_METHODS and receiver_kind in (FRAME_KIND, AMBIGUOUS_KIND):
            return receiver_kind
        if receiver_kind == OTHER_KIND:
            return OTHER_KIND if method not in _FRAME_ONLY_METHODS else UNKNOWN_KIND
        root = dotted(receiver)[:1]
        # spark.read..., spark.sql(...), and glue_compat's DataFrames in converted code (a second pass)
        return OTHER_KIND if root and root[0] in (tracked.session, "glue_compat") else UNKNOWN_KIND

    def _collection_name(self, node: cst.BaseExpression) -> bool:
        return isinstance(node, cst.Name) and node.value in self.tracked.collections


_READERS = frozenset({"create_dynamic_frame", "create_data_frame"})
# DynamicFrame methods no DataFrame has: called on a DataFrame, the DataFrame's kind says nothing.
_FRAME_ONLY_METHODS = FRAME_METHODS - {"filter", "join", "union", "repartition", "coalesce", "select", "map"}
