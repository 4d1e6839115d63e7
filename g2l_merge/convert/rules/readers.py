"""Rule family: readers (see rules/__init__.py for the id ranges)."""

from __future__ import annotations

from g2l_merge.convert.rules.base import Rule

RULES_IN_ORDER: tuple[type[Rule], ...] = ()
