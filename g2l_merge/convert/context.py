"""What a rule sees while it runs: metadata of the one parse, the tracked names, imports, review items."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

import libcst as cst
from libcst.metadata import ParentNodeProvider, PositionProvider, QualifiedNameProvider

from g2l_merge.config import ConvertConfig
from g2l_merge.convert.findings import Finding as Finding  # the rules import it from here
from g2l_merge.convert.glue_exports import canonical
from g2l_merge.convert.names import Tracked
from g2l_merge.convert.tree import Tree

S = TypeVar("S")
_STATEMENTS = (cst.SimpleStatementLine, cst.If, cst.For, cst.While, cst.With, cst.Try, cst.FunctionDef, cst.ClassDef)


@dataclass
class ConvertContext:
    """Shared by every rule for one file. Metadata lookups take ORIGINAL nodes (the parse's own)."""

    path: str
    config: ConvertConfig
    tracked: Tracked
    metadata: Tree  # get_metadata(provider, original_node) for parents, qualified names and positions
    findings: list[Finding] = field(default_factory=list)
    reviews: dict[int, list[str]] = field(default_factory=dict)  # id(original statement) -> comment lines
    states: dict[type[object], object] = field(default_factory=dict)  # a rule's state class -> this file's instance
    removals: set[tuple[str, str | None, str | None]] = field(default_factory=set)  # imports to drop if unused
    additions: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # imports to add
    moved: set[int] = field(default_factory=set)  # ids of original comments a rule moved to another statement
    # id(finding) -> id(original statement its review comment goes above), for locate.py; the finding is kept
    # with it so that no other finding takes its id
    anchors: dict[int, tuple[Finding, int]] = field(default_factory=dict)
    redirects: dict[int, int] = field(default_factory=dict)  # id(statement) -> id(statement its reviews moved to)

    def state(self, kind: type[S]) -> S:
        """This file's instance of a rule's state class (a dataclass of its own), made on the first ask."""
        found = self.states.get(kind)
        if isinstance(found, kind):
            return found
        made = kind()
        self.states[kind] = made
        return made

    def qualified(self, node: cst.CSTNode) -> set[str]:
        """Qualified names of an original Name/Attribute, star imports from awsglue included."""
        try:
            names = {canonical(q.name) for q in self.metadata.get_metadata(QualifiedNameProvider, node, set())}
        except KeyError:
            names = set()
        return names or self.tracked.star_qualified(node)

    def line(self, node: cst.CSTNode) -> int:
        try:
            return int(self.metadata.get_metadata(PositionProvider, node).start.line)
        except KeyError:
            return 0

    def review(self, node: cst.CSTNode, rule: str, message: str) -> None:
        """Leave `node` as written, with `# g2l: review RULE: message` above its statement and a finding."""
        finding = Finding(self.path, self.line(node), rule, message)
        self.findings.append(finding)
        statement = self.statement_of(node)
        if statement is not None:
            self.anchors[id(finding)] = (finding, id(statement))
            comment = f"# g2l: review {rule}: {message}"
            lines = self.reviews.setdefault(id(statement), [])
            if comment not in lines:
                lines.append(comment)

    def move_reviews(self, source: cst.CSTNode, target: cst.CSTNode) -> None:
        """The review comments meant for statement `source` (which goes) go above statement `target` instead."""
        comments = self.reviews.pop(id(source), [])
        lines = self.reviews.setdefault(id(target), [])
        lines += [comment for comment in comments if comment not in lines]
        self.redirects[id(source)] = id(target)

    def statement_of_finding(self, finding: Finding) -> int | None:
        """id() of the original statement whose review comment is `finding`'s (None: a rule placed it itself)."""
        anchor = self.anchors.get(id(finding))
        if anchor is None or anchor[0] is not finding:
            return None
        statement = anchor[1]
        seen = {statement}
        while statement in self.redirects and self.redirects[statement] not in seen:
            statement = self.redirects[statement]
            seen.add(statement)
        return statement

    def statement_of(self, node: cst.CSTNode) -> cst.CSTNode | None:
        """The original statement that holds an original node (None past the module)."""
        current: cst.CSTNode | None = node
        while current is not None and not isinstance(current, _STATEMENTS):
            try:
                current = self.metadata.get_metadata(ParentNodeProvider, current)
            except KeyError:
                return None
        return current

    def add_import(self, module: str, obj: str | None = None, asname: str | None = None) -> None:
        """Import this in the converted module (added once, after its import block: imports.py)."""
        if (module, obj, asname) not in self.additions:
            self.additions.append((module, obj, asname))

    def remove_import(self, module: str, obj: str | None = None, asname: str | None = None) -> None:
        """Drop this import at the end if the converted module no longer uses its name (imports.py)."""
        self.removals.add((module, obj, asname))
