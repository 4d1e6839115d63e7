"""The converter over a corpus of realistic Glue scripts written for this project (tests/convert/corpus).

Hand-written bank risk jobs, Glue Studio output, streaming and JDBC jobs, and library modules taking
DynamicFrames. Each file is converted as `jobs/<name>.py` and its output must parse, import no awsglue,
introduce no undefined name (pyflakes), keep every comment of the input (comment_check.py), and convert to
itself again; each finding names a line of the converted file, its review comment's when it has one
(finding_check.py).

KNOWN_GAPS lists the files that do not pass yet, each with the reason; they are strict xfails, so a gap
that gets fixed fails the run until its entry is removed.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from comment_check import lost_comments
from finding_check import misplaced
from pyflakes import checker, messages
from test_rules import unbound_star_names  # tests/convert is on sys.path (pytest's rootdir-relative import)

from g2l_merge.config import ConvertConfig
from g2l_merge.convert.engine import PARSE_RULE, convert_source

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted(CORPUS.glob("*.py"))
CONFIG = ConvertConfig(
    catalog="main",
    databases={"risk": "prod.risk", "risk-raw": "prod.risk_raw"},
    paths={"s3://bank-risk-raw/": "/Volumes/prod/risk/raw/"},
    job_parameters="argv",  # widgets mode uses `dbutils`, a name only a notebook defines
)
BLUEPRINT_RULE = "G2L006"  # carries Glue workflow blueprint layouts (awsglue.blueprint) over unchanged
AWSGLUE_IMPORT = re.compile(r"^\s*(?:from|import)\s+awsglue(?:dq|ml)?(?:\.|\s|,|$)", re.MULTILINE)

KNOWN_GAPS: dict[str, str] = {
    "studio_pii_masking.py": "G2L408: awsglueml's EntityDetector calls an AWS service; the import stays with a review "
    "item until a Databricks PII step is chosen for it",
}


def _cases() -> list[object]:
    return [
        pytest.param(
            path,
            id=path.stem,
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[path.name])] if path.name in KNOWN_GAPS else [],
        )
        for path in FILES
    ]


def undefined_names(source: str, filename: str) -> set[str]:
    """Names pyflakes reports as undefined in `source`."""
    found = checker.Checker(ast.parse(source), filename).messages
    return {m.message_args[0] for m in found if isinstance(m, messages.UndefinedName)}


def test_the_corpus_is_big_enough_and_every_gap_names_a_corpus_file() -> None:
    assert len(FILES) >= 40
    assert set(KNOWN_GAPS) <= {path.name for path in FILES}


@pytest.mark.parametrize("path", _cases())
def test_corpus_file(path: Path) -> None:
    source = path.read_text()
    glue_path = f"jobs/{path.name}"
    result = convert_source(source, glue_path, CONFIG)

    assert not [f for f in result.findings if f.rule == PARSE_RULE], "corpus inputs are valid Python"
    ast.parse(result.text)
    assert not misplaced(result.text, result.findings, source), "a finding does not name its review comment's line"
    if any(finding.rule == BLUEPRINT_RULE for finding in result.findings):  # a workflow layout, not a job
        assert result.text.count("\n") == source.count("\n") + 2, "a blueprint layout goes over unchanged"
        return
    leftover = AWSGLUE_IMPORT.findall(result.text)
    assert not leftover, f"awsglue still imported: {leftover}"
    introduced = undefined_names(result.text, glue_path) - undefined_names(source, glue_path)
    assert not introduced, f"undefined names introduced: {sorted(introduced)}"
    assert not unbound_star_names(source, result.text), "a name an awsglue star import bound is left unbound"
    assert not lost_comments(source, result.text), "comments of the input are missing from the output"
    assert convert_source(result.text, glue_path, CONFIG).text == result.text, "a second pass changed the output"
