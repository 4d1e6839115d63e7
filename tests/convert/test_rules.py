"""Golden before/after cases, one folder per rule id: cases/<RULE>/<name>.in.py -> <name>.out.py.

Every case is converted as `jobs/<name>.py`; its output must equal the .out.py file, parse, and convert to
itself again (idempotence). A first line `# case-config: {...}` sets [convert] options for that case.
Every rule in the registry must have a folder with at least one case.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from g2l_merge.config import ConvertConfig
from g2l_merge.convert.engine import convert_source
from g2l_merge.convert.rules import RULES

CASES = Path(__file__).parent / "cases"
ALL = sorted(CASES.glob("*/*.in.py"))


def config_for(text: str) -> ConvertConfig:
    first = text.split("\n", 1)[0]
    if first.startswith("# case-config: "):
        return ConvertConfig(**json.loads(first.removeprefix("# case-config: ")))
    return ConvertConfig()


@pytest.mark.parametrize("case", ALL, ids=[f"{p.parent.name}/{p.name.removesuffix('.in.py')}" for p in ALL])
def test_case(case: Path) -> None:
    before = case.read_text()
    expected = case.with_name(case.name.replace(".in.py", ".out.py")).read_text()
    path = f"jobs/{case.name.removesuffix('.in.py')}.py"
    config = config_for(before)
    result = convert_source(before, path, config)
    assert result.text == expected
    ast.parse(result.text)
    assert convert_source(result.text, path, config).text == result.text, "a second pass changed the output"


def test_every_rule_has_cases() -> None:
    for rule in RULES:
        assert list((CASES / rule.id).glob("*.in.py")), f"rule {rule.id} ({rule.name}) has no golden case"
        assert rule.__doc__ and "Before" in rule.__doc__ and "After" in rule.__doc__, f"{rule.id} docstring"


def test_rule_ids_are_unique_and_well_formed() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert all(len(i) == 6 and i.startswith("G2L") and i[3:].isdigit() for i in ids)
