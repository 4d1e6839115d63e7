"""Glue blueprint layouts (`layout.py` of an `awsglue.blueprint` project) read into jobs and a workflow, without
running them.

A blueprint's layout function builds `Job`, `Crawler`, `Workflow` and `Entities` objects from the blueprint's
parameters; Glue runs it to create a workflow. g2l-merge reads the script's syntax tree instead: literals, names
bound to them, f-strings, `.format` and `+` of them are known; `user_params[...]` and `system_params[...]` (the
layout function's two arguments), calls and anything else are known only when the blueprint runs. What is known
becomes GlueJob values and a GlueWorkflow whose triggers are the ones Glue would make: a start trigger for the
entities without `DependsOn` (scheduled by `OnSchedule`, on demand without it), a conditional trigger per entity
with `DependsOn` (its `WaitForDependencies`: AND or ANY). What is not known is a note, and is left out: a job
whose Name or script is a parameter, an optional field that is one, the jobs a loop, a condition or a helper
function makes. Notes go to the workflow (review items of its job); a layout that carries no one workflow keeps
them as Definitions notes (BLUEPRINT_RULE findings on the layout file).
"""

from __future__ import annotations

import ast
import json
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from g2l_merge.convert.findings import syntax_problem
from g2l_merge.errors import G2lError
from g2l_merge.jobs.bundle import GLUE_ONLY
from g2l_merge.jobs.definition import GlueJob, jobs_of
from g2l_merge.jobs.triggers import Action, Condition, Definitions, GlueTrigger, GlueWorkflow, Note

BLUEPRINT_RULE = "G2L509"
_MODULE = "awsglue.blueprint"
_CLASSES = {
    "awsglue.blueprint.job.Job": "Job",
    "awsglue.blueprint.crawler.Crawler": "Crawler",
    "awsglue.blueprint.workflow.Workflow": "Workflow",
    "awsglue.blueprint.workflow.Entities": "Entities",
    "awsglue.blueprint.workflow.Job": "Job",  # the workflow module imports both
    "awsglue.blueprint.workflow.Crawler": "Crawler",
}
_EXPORTS = {
    "awsglue.blueprint.job": ("Job",),
    "awsglue.blueprint.crawler": ("Crawler",),
    "awsglue.blueprint.workflow": ("Workflow", "Entities", "Job", "Crawler"),
}
_READ = {  # the fields of a Job that a bundle job is made from (definition.py reads them)
    "Name",
    "Command",
    "DefaultArguments",
    "NonOverridableArguments",
    "Connections",
    "MaxRetries",
    "Timeout",
    "WorkerType",
    "NumberOfWorkers",
    "MaxCapacity",
    "GlueVersion",
    "ExecutionProperty",
    "Description",
}
_REQUIRED = ("Name", "Command", "Command.ScriptLocation")


@dataclass(frozen=True)
class _Unknown:
    """A value known only when the blueprint runs, and why."""

    why: str  # "blueprint parameter 'X'", "the value at line N"
    noted: bool = False  # made where a loop's or a condition's note says so already


@dataclass(frozen=True)
class _Params:
    kind: str  # "blueprint parameter" (user_params) or "system parameter" (system_params)


class _Entity:
    """A Job(...) or Crawler(...) call; compared by identity, as DependsOn compares the objects."""

    def __init__(self, kind: str, line: int, fields: dict[str, Any]) -> None:
        self.kind = kind
        self.line = line
        self.fields = fields


@dataclass(frozen=True, eq=False)
class _Entities:
    jobs: Any
    crawlers: Any


@dataclass(frozen=True, eq=False)
class _Workflow:
    line: int
    fields: dict[str, Any]


def read_blueprint(data: bytes, path: str) -> Definitions:
    """The jobs and workflow a blueprint layout makes, as far as they are known without running it; G2lError for
    a file that is not Python or imports nothing of awsglue.blueprint."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise G2lError(f"{path}: not UTF-8 text; expected a Glue blueprint layout script") from None
    try:
        tree = ast.parse(text, filename=path)
    except SyntaxError as error:
        line, _column, reason = syntax_problem(text) or (error.lineno or 1, 1, error.msg)  # a null byte: its line
        raise G2lError(f"{path}:{line}: not valid Python ({reason})") from None
    except RecursionError:
        raise G2lError(f"{path}: an expression nested too deep to read") from None
    layout = _Layout(path, tree)
    try:
        layout.run()
    except RecursionError:
        raise G2lError(f"{path}: an expression nested too deep to read") from None
    return layout.definitions()


class _Layout:
    """One layout script, evaluated statement by statement where its values are known."""

    def __init__(self, path: str, tree: ast.Module) -> None:
        self.path = path
        self.tree = tree
        self.names = _imports(tree, path)
        self.env: dict[str, Any] = {}
        self.notes: dict[str, int] = {}  # message -> line, in the order found
        self.workflows: list[_Workflow] = []

    # -- evaluating ------------------------------------------------------------------------------------------

    def run(self) -> None:
        """The module's statements, then the layout function's: the top-level function that makes a Workflow."""
        functions = [node for node in self.tree.body if isinstance(node, ast.FunctionDef)]
        makers = [f for f in functions if any(self._class(n) == "Workflow" for n in _calls(f))]
        layout = next((f for f in makers if f.name == "generate_layout"), makers[0] if makers else None)
        layout = layout or next((f for f in functions if f.name == "generate_layout"), None)
        self._block(self.tree.body)
        for function in functions:
            if function is not layout and any(self._class(n) in ("Job", "Crawler") for n in _calls(function)):
                self._note(
                    function.lineno,
                    f"the jobs and crawlers function {function.name} makes are not carried: g2l-merge reads the "
                    "layout without running it: add them as tasks by hand",
                )
        if layout is not None:
            arguments = [argument.arg for argument in layout.args.posonlyargs + layout.args.args]
            for name, kind in zip(arguments, ("blueprint parameter", "system parameter"), strict=False):
                self.env[name] = _Params(kind)
            self._block(layout.body)

    def _block(self, body: Iterable[ast.stmt]) -> None:
        for statement in body:
            self._statement(statement)

    def _statement(self, node: ast.stmt) -> None:
        if isinstance(node, ast.Assign):
            value = self.eval(node.value)
            for target in node.targets:
                self._bind(target, value)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            self._bind(node.target, self.eval(node.value))
        elif isinstance(node, ast.AugAssign):
            self._bind(node.target, self.eval(ast.BinOp(node.target, node.op, node.value, lineno=node.lineno)))
        elif isinstance(node, (ast.Expr, ast.Return)) and node.value is not None:
            self.eval(node.value)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            self._block(node.body)
        elif isinstance(node, ast.Try):
            self._block(node.body)
            self._skipped([*node.handlers, *node.orelse], node.lineno, "under the condition")
            self._block(node.finalbody)
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.While)):
            self._skipped([node], node.lineno, "in the loop")
        elif isinstance(node, ast.If):
            self._skipped([node], node.lineno, "under the condition")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            self.env[node.name] = _Unknown(f"{node.name} (line {node.lineno})")

    def _skipped(self, nodes: list[Any], line: int, where: str) -> bool:
        """Statements that run only when (or as often as) the parameters say: what they bind is unknown, and
        the jobs and crawlers they make are a note (True: there is one)."""
        makes = any(self._class(call) in ("Job", "Crawler", "Workflow") for node in nodes for call in _calls(node))
        for node in nodes:
            for found in ast.walk(node):
                if isinstance(found, ast.Name) and isinstance(found.ctx, ast.Store):
                    self.env[found.id] = _Unknown(f"a value set {where} at line {line}", makes)
        if makes:
            self._note(
                line,
                f"the jobs and crawlers made {where} here are not carried: g2l-merge reads the layout without "
                "running it, and what they are is known only when the blueprint runs: add them as tasks by hand",
            )
        return makes

    def _bind(self, target: ast.expr, value: Any) -> None:
        if isinstance(target, ast.Name):
            self.env[target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            values = value if isinstance(value, (tuple, list)) and len(value) == len(target.elts) else None
            for index, element in enumerate(target.elts):
                unknown = value if isinstance(value, _Unknown) else _unknown_at(target)
                self._bind(element, values[index] if values is not None else unknown)
        elif isinstance(target, ast.Subscript):
            container, key = self.eval(target.value), self.eval(target.slice)
            if isinstance(container, dict) and not isinstance(key, _Unknown):
                container[key] = value

    def eval(self, node: ast.expr) -> Any:
        """The value of an expression, or _Unknown."""
        if isinstance(node, ast.Constant):
            return node.value if isinstance(node.value, (str, int, float, bool, type(None))) else _unknown_at(node)
        if isinstance(node, ast.Name):
            return self.env.get(node.id, _Unknown(f"{node.id} (line {node.lineno})"))
        if isinstance(node, (ast.List, ast.Tuple)):
            items = [self.eval(e) for e in node.elts if not isinstance(e, ast.Starred)]
            if len(items) < len(node.elts):
                return _unknown_at(node)
            return items if isinstance(node, ast.List) else tuple(items)
        if isinstance(node, ast.Dict):
            return self._dict(node)
        if isinstance(node, ast.JoinedStr):
            return self._fstring(node)
        if isinstance(node, ast.Subscript):
            return self._subscript(node)
        if isinstance(node, ast.Call):
            return self._call(node)
        if isinstance(node, ast.BinOp):
            return _operation(node, self.eval(node.left), self.eval(node.right))
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            makes = self._skipped([node], node.lineno, "in the loop")
            return _Unknown(f"a value made in the loop at line {node.lineno}", makes)
        return _unknown_at(node)

    def _dict(self, node: ast.Dict) -> Any:
        found: dict[Any, Any] = {}
        for key, value in zip(node.keys, node.values, strict=True):
            if key is None:
                spread = self.eval(value)
                if not isinstance(spread, dict):
                    return spread if isinstance(spread, _Unknown) else _unknown_at(value)
                found |= spread
                continue
            evaluated = self.eval(key)
            if isinstance(evaluated, (_Unknown, list, dict)):
                return evaluated if isinstance(evaluated, _Unknown) else _unknown_at(key)
            found[evaluated] = self.eval(value)
        return found

    def _fstring(self, node: ast.JoinedStr) -> Any:
        parts = []
        for part in node.values:
            if isinstance(part, ast.FormattedValue):
                value = self.eval(part.value)
                spec = self.eval(part.format_spec) if part.format_spec is not None else ""
                if isinstance(value, _Unknown) or isinstance(spec, _Unknown):
                    return value if isinstance(value, _Unknown) else spec
                if not isinstance(value, (str, int, float, bool, type(None))) or _wide(f":{spec}"):
                    return _unknown_at(part)
                parts.append(format(_converted(value, part.conversion), spec))
            else:
                parts.append(str(self.eval(part)))
        return "".join(parts)

    def _subscript(self, node: ast.Subscript) -> Any:
        container, key = self.eval(node.value), self.eval(node.slice)
        if isinstance(container, _Params):
            return _Unknown(f"{container.kind} {key!r}" if isinstance(key, str) else container.kind)
        if isinstance(container, _Unknown) or isinstance(key, _Unknown):
            return container if isinstance(container, _Unknown) else key
        try:
            return container[key]
        except (TypeError, KeyError, IndexError):
            return _unknown_at(node)

    def _call(self, node: ast.Call) -> Any:
        kind = self._class(node)
        if kind is not None:
            return self._construct(kind, node)
        function = node.func
        arguments = [self.eval(a) for a in node.args if not isinstance(a, ast.Starred)]
        if isinstance(function, ast.Attribute):
            owner = self.eval(function.value)
            if isinstance(owner, _Params) and function.attr == "get" and arguments:
                key = arguments[0]
                return _Unknown(f"{owner.kind} {key!r}" if isinstance(key, str) else owner.kind)
            if isinstance(owner, list) and function.attr in ("append", "extend") and len(node.args) == 1:
                added = arguments[0]
                if function.attr == "append":
                    owner.append(added)
                elif isinstance(added, list):
                    owner.extend(added)
                else:
                    owner.append(added)  # an unknown entry: a note when Entities reads it
                return None
            if isinstance(owner, str) and function.attr == "format" and not node.keywords and not _wide(owner):
                unknown = next((a for a in arguments if isinstance(a, _Unknown)), None)
                if unknown is not None:
                    return unknown
                try:
                    return owner.format(*arguments)
                except (IndexError, KeyError, ValueError):
                    return _unknown_at(node)
        if isinstance(function, ast.Name) and function.id == "str" and len(arguments) == 1:
            value = arguments[0]
            return value if isinstance(value, _Unknown) else str(value)
        return _unknown_at(node)

    def _construct(self, kind: str, node: ast.Call) -> Any:
        fields: dict[str, Any] = {}
        for keyword in node.keywords:
            if keyword.arg is None:
                spread = self.eval(keyword.value)
                if isinstance(spread, dict):
                    fields |= spread
                else:
                    fields["**"] = spread if isinstance(spread, _Unknown) else _unknown_at(keyword.value)
            else:
                fields[keyword.arg] = self.eval(keyword.value)
        if kind == "Entities":
            return _Entities(fields.get("Jobs", []), fields.get("Crawlers", []))
        if kind == "Workflow":
            workflow = _Workflow(node.lineno, fields)
            self.workflows.append(workflow)
            return workflow
        return _Entity(kind, node.lineno, fields)

    def _class(self, node: ast.Call) -> str | None:
        """Job, Crawler, Workflow or Entities when `node` calls one of them (however imported)."""
        parts: list[str] = []
        function: ast.expr = node.func
        while isinstance(function, ast.Attribute):
            parts.insert(0, function.attr)
            function = function.value
        if not isinstance(function, ast.Name) or function.id not in self.names:
            return None
        return _CLASSES.get(".".join([self.names[function.id], *parts]))

    def _note(self, line: int, message: str) -> None:
        self.notes.setdefault(f"layout line {line}: {message}", line)

    # -- what is carried -------------------------------------------------------------------------------------

    def definitions(self) -> Definitions:
        """The carried jobs and workflows; the notes on the one workflow, or on the file without one."""
        carried: dict[int, GlueJob | str | None] = {}  # id(entity) -> its job, a crawler's name, None: not carried
        jobs: list[GlueJob] = []
        workflows = []
        for workflow in self.workflows:
            entities = self._entities(workflow)
            for entity in entities:
                if id(entity) not in carried:
                    carried[id(entity)] = self._carried(entity)
                    found = carried[id(entity)]
                    if isinstance(found, GlueJob):
                        jobs.append(found)
            workflows.append(self._workflow(workflow, entities, carried))
        seen: dict[str, str] = {}
        for job in jobs:
            if job.name in seen:
                raise G2lError(f"{job.where}: job {job.name!r} is made twice in this layout (also {seen[job.name]})")
            seen[job.name] = job.where
        if not self.workflows:
            self._note(1, "no Workflow(...) is made here, so nothing of this blueprint is carried")
        if len(workflows) == 1:
            return Definitions(jobs=tuple(jobs), workflows=(workflows[0]._replace(notes=tuple(self.notes)),))
        notes = tuple(Note(self.path, line, message) for message, line in self.notes.items())
        return Definitions(jobs=tuple(jobs), workflows=tuple(workflows), notes=notes)

    def _entities(self, workflow: _Workflow) -> list[_Entity]:
        entities = workflow.fields.get("Entities")
        if not isinstance(entities, _Entities):
            why = entities.why if isinstance(entities, _Unknown) else "nothing"
            self._note(workflow.line, f"the Workflow's Entities come from {why}, so none of its jobs is carried")
            return []
        found: list[_Entity] = []
        for label, listed in (("Jobs", entities.jobs), ("Crawlers", entities.crawlers)):
            for entry in listed if isinstance(listed, (list, tuple)) else [listed]:
                if isinstance(entry, _Entity):
                    found.append(entry)
                elif isinstance(entry, _Unknown) and not entry.noted:
                    self._note(
                        workflow.line,
                        f"the Workflow's Entities {label} hold {entry.why}, which is known only when the "
                        "blueprint runs: it is not carried",
                    )
        return found

    def _carried(self, entity: _Entity) -> GlueJob | str | None:
        """A Job's GlueJob or a Crawler's name; None (with a note) when what it needs is not known."""
        name = entity.fields.get("Name")
        if entity.kind == "Crawler":
            if isinstance(name, str):
                return name
            why = name.why if isinstance(name, _Unknown) else "nothing"
            self._note(entity.line, f"the Crawler's Name comes from {why}: it is not carried")
            return None
        static, unknown = _known({k: v for k, v in entity.fields.items() if k in _READ or k == "**"})
        spread = entity.fields.get("**")
        missing = [field for field in _REQUIRED if field in unknown or (spread and not _has(static, field))]
        label = f"job {static['Name']!r}" if isinstance(static.get("Name"), str) else "the Job"
        if missing:
            why = unknown.get(missing[0]) or (spread.why if isinstance(spread, _Unknown) else "")
            self._note(
                entity.line,
                f"{label} is not carried: its {missing[0]} comes from {why}, known only when the blueprint runs; "
                "as converted, the workflow has no task for it and the tasks after it do not wait for it: add it "
                "by hand",
            )
            return None
        left = [f"{field} ({why})" for field, why in unknown.items() if not _dropped(field)]
        if left:
            self._note(
                entity.line,
                f"{label}: {', '.join(left)}: known only when the blueprint runs, so as converted left out: set "
                "them by hand",
            )
        [job] = jobs_of({"Job": static}, f"{self.path}:{entity.line}") or ()
        return job._replace(where=f"{self.path}:{entity.line}")

    def _workflow(self, workflow: _Workflow, entities: list[_Entity], carried: dict[int, Any]) -> GlueWorkflow:
        fields = workflow.fields
        name = fields.get("Name")
        if not isinstance(name, str):
            folder = posixpath.basename(posixpath.dirname(self.path)) or "blueprint"
            why = name.why if isinstance(name, _Unknown) else "nothing"
            self._note(
                workflow.line,
                f"the Workflow's Name comes from {why}; as converted, the job is named after the blueprint's "
                f"folder, {folder!r}: rename it if you like",
            )
            name = folder
        start = GlueTrigger(f"{name}_starting_trigger", "ON_DEMAND", "ACTIVATED", None, name, (), "AND", (), "", "")
        schedule = fields.get("OnSchedule")
        if isinstance(schedule, _Unknown):
            self._note(
                workflow.line,
                f"the Workflow's OnSchedule comes from {schedule.why}; as converted, the job runs only when "
                "started: set its schedule by hand",
            )
        elif schedule == "EVENT":
            start = start._replace(kind="EVENT")
        elif isinstance(schedule, str) and schedule not in ("", "ON_DEMAND"):
            start = start._replace(kind="SCHEDULED", schedule=schedule)
        triggers: list[GlueTrigger] = []
        for entity in entities:
            action = _action(entity, carried[id(entity)])
            depends = entity.fields.get("DependsOn")
            if action is None:
                continue
            if not depends:
                start = start._replace(actions=(*start.actions, action))
                continue
            triggers.append(
                start._replace(
                    name=f"{name}_{action.job or action.crawler}_trigger",
                    kind="CONDITIONAL",
                    schedule=None,
                    actions=(action,),
                    logical=self._logical(entity),
                    conditions=tuple(self._conditions(entity, depends, carried)),
                )
            )
        where = f"{self.path}:{workflow.line}"
        description = fields.get("Description")
        properties = fields.get("DefaultRunProperties")
        properties = properties if isinstance(properties, dict) else {}
        return GlueWorkflow(
            name=name,
            description=description if isinstance(description, str) else None,
            max_concurrent_runs=None,
            run_properties={str(k): "" if isinstance(v, _Unknown) else str(v) for k, v in properties.items()},
            triggers=tuple(t._replace(path=self.path, where=where) for t in [start, *triggers]),
            path=self.path,
            where=where,
        )

    def _logical(self, entity: _Entity) -> str:
        logical = entity.fields.get("WaitForDependencies", "AND")
        if isinstance(logical, _Unknown):
            self._note(
                entity.line,
                f"WaitForDependencies comes from {logical.why}; as converted, the task waits for all its "
                "dependencies (AND)",
            )
            return "AND"
        if logical not in ("AND", "ANY"):
            raise G2lError(
                f'{self.path}:{entity.line}: WaitForDependencies: expected "AND" or "ANY", found {_shown(logical)}'
            )
        return str(logical)

    def _conditions(self, entity: _Entity, depends: Any, carried: dict[int, Any]) -> Iterator[Condition]:
        if isinstance(depends, _Unknown):
            self._note(
                entity.line,
                f"DependsOn comes from {depends.why}; as converted, the task does not wait: add its dependencies "
                "by hand",
            )
            return
        if not isinstance(depends, dict):
            raise G2lError(f"{self.path}:{entity.line}: DependsOn: expected a dict of jobs and crawlers to states")
        for dependency, state in depends.items():
            found = carried.get(id(dependency)) if isinstance(dependency, _Entity) else None
            if isinstance(dependency, _Entity) and isinstance(state, str) and found is not None:
                name = found.name if isinstance(found, GlueJob) else found
                crawler = dependency.kind == "Crawler"
                yield Condition(None if crawler else name, name if crawler else None, state)
                continue
            if isinstance(dependency, _Entity) and id(dependency) not in carried:
                what = f"the {dependency.kind} at line {dependency.line}, which is in no Workflow's Entities"
            elif isinstance(dependency, _Entity) and found is None:
                what = f"the {dependency.kind} at line {dependency.line}, which is not carried"
            elif isinstance(dependency, _Entity):
                what = f"a state that comes from {state.why if isinstance(state, _Unknown) else _shown(state)}"
            else:
                what = dependency.why if isinstance(dependency, _Unknown) else _shown(dependency)
            self._note(entity.line, f"DependsOn names {what}; as converted, the task does not wait for it")


def _imports(tree: ast.Module, path: str) -> dict[str, str]:
    """Local name -> the dotted name it stands for, for every import of awsglue.blueprint (anywhere)."""
    names: dict[str, str] = {}
    found = False
    for node in sorted(
        (n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))), key=lambda n: n.lineno
    ):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == _MODULE or alias.name.startswith(f"{_MODULE}."):
                    found = True
                    local = alias.asname or alias.name.split(".")[0]
                    names[local] = alias.name if alias.asname else local
        elif node.module and (node.module == "awsglue" or node.module.startswith(_MODULE)) and not node.level:
            for alias in node.names:
                qualified = f"{node.module}.{alias.name}"
                found = found or qualified.startswith(_MODULE)
                if alias.name == "*":
                    names |= {name: f"{node.module}.{name}" for name in _EXPORTS.get(node.module, ())}
                else:
                    names[alias.asname or alias.name] = qualified
    if not found:
        raise G2lError(
            f"{path}: no awsglue.blueprint import: not a Glue blueprint layout (expected e.g. "
            "`from awsglue.blueprint.workflow import Workflow, Entities`)"
        )
    return names


def _calls(node: ast.AST) -> Iterator[ast.Call]:
    return (found for found in ast.walk(node) if isinstance(found, ast.Call))


def _unknown_at(node: ast.AST) -> _Unknown:
    return _Unknown(f"the value at line {getattr(node, 'lineno', 1)}")


def _wide(template: str) -> bool:
    """Whether a format template asks for a width of 10,000 or more (a layout must not fill the memory)."""
    return re.search(r"[%:][^%:{}]*\d{5}", template) is not None


def _converted(value: Any, conversion: int) -> Any:
    """An f-string field after its `!s`, `!r` or `!a`."""
    if conversion == ord("s"):
        return str(value)
    if conversion == ord("r"):
        return repr(value)
    return ascii(value) if conversion == ord("a") else value


def _operation(node: ast.BinOp, left: Any, right: Any) -> Any:
    """`+` of strings, numbers or lists, `%` formatting, `-` and `*` of numbers; unknown for the rest."""
    if isinstance(left, _Unknown) or isinstance(right, _Unknown):
        return left if isinstance(left, _Unknown) else right
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (left, right))
    try:
        if isinstance(node.op, ast.Add) and (numbers or type(left) is type(right) in (str, list)):
            return left + right
        if isinstance(node.op, ast.Mod) and isinstance(left, str) and not _wide(left):
            return left % right
        if isinstance(node.op, ast.Sub) and numbers:
            return left - right
        if isinstance(node.op, ast.Mult) and numbers:
            return left * right
    except (TypeError, ValueError, KeyError):
        pass
    return _unknown_at(node)


def _known(value: Any, prefix: str = "") -> tuple[Any, dict[str, str]]:
    """`value` with what is not known left out, and field -> why for what was (Job fields as dotted paths)."""
    unknown: dict[str, str] = {}
    if isinstance(value, dict):
        kept = {}
        for key, item in value.items():
            field = f"{prefix}{key}"
            if isinstance(item, (_Unknown, _Entity, _Entities, _Workflow, _Params)):
                unknown[field] = item.why if isinstance(item, _Unknown) else "a blueprint object"
            else:
                kept[key], more = _known(item, f"{field}.")
                unknown |= more
        return kept, unknown
    if isinstance(value, (list, tuple)):
        items = []
        for index, item in enumerate(value):
            if isinstance(item, (_Unknown, _Entity, _Entities, _Workflow, _Params)):
                unknown[f"{prefix}{index}"] = item.why if isinstance(item, _Unknown) else "a blueprint object"
            else:
                items.append(_known(item, f"{prefix}{index}.")[0])
        return items, unknown
    return value, unknown


def _dropped(field: str) -> bool:
    """Whether a field is a Glue-only argument, which the task drops whatever its value."""
    group, _, name = field.partition(".")
    return group in ("DefaultArguments", "NonOverridableArguments") and name in GLUE_ONLY


def _has(fields: dict[str, Any], dotted: str) -> bool:
    first, _, rest = dotted.partition(".")
    if first not in fields:
        return False
    return not rest or (isinstance(fields[first], dict) and _has(fields[first], rest))


def _action(entity: _Entity, carried: GlueJob | str | None) -> Action | None:
    if isinstance(carried, GlueJob):
        return Action(carried.name, None, {}, None)
    return Action(None, carried, {}, None) if carried is not None else None


def _shown(value: Any) -> str:
    try:
        return json.dumps(value)[:60]
    except TypeError:
        return "a blueprint object"
