"""Regenerate the golden cases' .findings files (tests/convert/cases/<RULE>/<name>.findings).

Usage: python scripts/golden_findings.py [--write] [CASE.in.py ...]

Converts every golden case (or the named ones) as tests/convert/test_rules.py does and compares its findings,
`LINE RULE` one a line, with the case's .findings file. Without --write it lists the files that differ (exit 1
if any); with --write it rewrites them. It refuses to write anything (exit 2) when a case's findings fail the
line check the tests use (tests/convert/finding_check.py: a finding whose review comment is in the output
names that comment's line, no line past the end of the file): a .findings file records lines that are right,
never the converter's mistakes. Running it again changes nothing; run it after merging branches that add cases.
Only .findings files are written: a case whose .out.py differs from its conversion is reported, not fixed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests" / "convert"
sys.path.insert(0, str(TESTS))

from finding_check import misplaced  # noqa: E402  (tests/convert is not a package)
from test_rules import ALL, config_for, findings_of  # noqa: E402

from g2l_merge.convert.engine import convert_source  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the .findings files that differ")
    parser.add_argument("cases", nargs="*", type=Path, help="CASE.in.py files (default: every golden case)")
    arguments = parser.parse_args()
    cases = [case.resolve() for case in arguments.cases] or ALL
    changed: dict[Path, str] = {}
    problems: list[str] = []
    for case in cases:
        before = case.read_text()
        result = convert_source(before, f"jobs/{case.name.removesuffix('.in.py')}.py", config_for(before))
        name = f"{case.parent.name}/{case.name.removesuffix('.in.py')}"
        problems += [f"{name}: {wrong}" for wrong in misplaced(result.text, result.findings, before)]
        if result.text != case.with_name(case.name.replace(".in.py", ".out.py")).read_text():
            print(f"{name}: the conversion differs from its .out.py (not written by this script)", file=sys.stderr)
        target = case.with_name(case.name.replace(".in.py", ".findings"))
        wanted = findings_of(result)
        if not target.exists() or target.read_text() != wanted:
            changed[target] = wanted
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"{len(problems)} finding(s) at the wrong line: nothing written", file=sys.stderr)
        return 2
    for target, wanted in changed.items():
        if arguments.write:
            target.write_text(wanted)
        print(f"{'wrote' if arguments.write else 'differs'}: {target.relative_to(TESTS)}")
    print(f"{len(cases)} cases, {len(changed)} .findings file(s) {'rewritten' if arguments.write else 'differ'}")
    return 1 if changed and not arguments.write else 0


if __name__ == "__main__":
    sys.exit(main())
