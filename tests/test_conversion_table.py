"""The README's conversion table (scripts/conversion_table.py): what the script renders now is what the README
holds, and the renderer reads every verdict of a proves(...) decorator without running anything."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("conversion_table", ROOT / "scripts" / "conversion_table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("conversion_table", module)
    spec.loader.exec_module(module)
    return module


table = _script()

FAKE_TESTS = """\
import pytest
from semantics import proves

from pages import GLUE_DG as DG

MAPPING_PAGE = DG + "aws-glue-api-crawler-pyspark-transforms-ApplyMapping.html"


@proves("G2L302", "ApplyMapping", MAPPING_PAGE)
def test_mapped_fields_only(spark): ...


@proves(rule="G2L302", glue="dyf.apply_mapping", source=MAPPING_PAGE, verdict="exact")
def test_method_form(spark): ...


@proves("G2L310", "Join", "awslabs/aws-glue-libs awsglue/transforms/join.py", "open", note="column order | unspecified")
def test_join_columns(spark): ...


@pytest.mark.xfail(strict=True, reason="not yet")
@proves(
    "G2L105", "create_dynamic_frame.from_rdd", "awslabs/aws-glue-libs awsglue/context.py", "review",
    "RDD: classic compute only",
)
def test_from_rdd(classic_spark): ...


class TestAvro:
    @proves(
        "G2L102",
        "from_options avro",
        "https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-format-avro-home.html",
        "workspace",
        "spark-avro is a Databricks Runtime library",
    )
    def test_avro(self, spark): ...


def test_not_a_semantic_test(): ...
"""


def _fake(tmp_path: Path, text: str = FAKE_TESTS) -> Path:
    folder = tmp_path / "tests" / "spark"
    folder.mkdir(parents=True)
    (folder / "test_semantics_fake.py").write_text(text)
    (folder / "semantics.py").write_text("@proves('G2L999', 'x', 'y')\ndef test_ignored(): ...\n")  # not test_*.py
    (folder / "pages.py").write_text('GLUE_DG = "https://docs.aws.amazon.com/glue/latest/dg/"\n')
    return folder


def _row(rendered: str, rule: str) -> list[str]:
    (line,) = [line for line in rendered.splitlines() if line.startswith(f"| {rule} ")]
    return [cell.strip() for cell in line.strip("|").split(" | ")]


def test_the_readme_holds_the_table_the_script_renders_now() -> None:
    readme = (ROOT / "README.md").read_text()
    rendered = table.render(table.registry_rules(), table.collect(ROOT / "tests" / "spark"))
    assert table.replace_table(readme, rendered) == readme, "stale: run python scripts/conversion_table.py --write"
    assert table.problems(table.registry_rules(), table.collect(ROOT / "tests" / "spark")) == []


def test_every_verdict_of_a_fake_tests_folder_is_rendered(tmp_path: Path) -> None:
    proofs = table.collect(_fake(tmp_path))
    assert [(p.test.split("::")[1], p.rule, p.verdict) for p in proofs] == [
        ("test_avro", "G2L102", "workspace"),
        ("test_from_rdd", "G2L105", "review"),
        ("test_join_columns", "G2L310", "open"),
        ("test_mapped_fields_only", "G2L302", "exact"),
        ("test_method_form", "G2L302", "exact"),
    ]
    rendered = table.render(table.registry_rules(), proofs)
    page = "https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-ApplyMapping.html"
    assert _row(rendered, "G2L302") == [
        "G2L302 apply-mapping",
        "`ApplyMapping`, `dyf.apply_mapping`",
        "select(F.col(source).try_cast(type).alias(target), ...): mapped fields only.",
        "exact (2 tests)",
        f"[aws-glue-api-crawler-pyspark-transforms-ApplyMapping]({page})",
    ]
    join = _row(rendered, "G2L310")
    assert join[3] == "open: column order \\| unspecified"  # a pipe in a note does not split the row
    assert (
        join[4]
        == "[awsglue/transforms/join.py](https://github.com/awslabs/aws-glue-libs/blob/master/awsglue/transforms/join.py)"
    )
    assert _row(rendered, "G2L105")[3] == "needs review: RDD: classic compute only"
    assert _row(rendered, "G2L102")[3] == "workspace only: spark-avro is a Databricks Runtime library"
    assert _row(rendered, "G2L311")[3] == "no semantic test"
    assert _row(rendered, "G2L325")[3] == f"no semantic test: {table.NOT_LISTED['G2L325']}"
    assert _row(rendered, "G2L311")[1] == "Union (and dyf.union)"  # the summary's Glue side, no test naming it
    # Markdown would take <...> for HTML and __name__ for emphasis; inline code stays as written
    assert _row(rendered, "G2L003")[2] == "logging.getLogger(\\_\\_name\\_\\_); warn() becomes warning()."
    assert _row(rendered, "G2L007")[1] == "try: &lt;awsglue imports&gt; except ImportError:"
    assert table._cell("`a<b>__c__` <d>") == "`a<b>__c__` &lt;d&gt;"
    assert len(rendered.splitlines()) == 2 + len(table.registry_rules())


def test_the_check_requires_a_test_for_each_required_rule_and_a_known_rule_in_each_proves(tmp_path: Path) -> None:
    rules = table.registry_rules()
    proofs = table.collect(_fake(tmp_path, FAKE_TESTS.replace('"G2L310"', '"G2L398"')))
    assert table.problems(rules, proofs, required={"G2L302", "G2L311"}) == [
        "test_semantics_fake.py::test_join_columns: proves('G2L398', ...) names no rule of the registry",
        "G2L311: a data-path rule without a semantic test (tests/spark, @proves)",
    ]


def test_every_data_path_rule_is_required_or_listed_with_a_reason() -> None:
    ids = {rule.id for rule in table.registry_rules()}
    data_path = {rule for rule in ids if rule[3] in "123"}
    assert (table.DATA_PATH - {"G2L005"}) | set(table.NOT_LISTED) == data_path
    assert not table.DATA_PATH & set(table.NOT_LISTED)
    assert table.PENDING <= table.DATA_PATH
    assert "G2L005" in table.DATA_PATH  # getResolvedOptions, which the issue lists too


def test_a_proves_the_script_cannot_read_is_an_error_naming_its_line(tmp_path: Path) -> None:
    folder = _fake(
        tmp_path, "from semantics import proves\n\n\n@proves('G2L302', glue_api(), 'x')\ndef test_x(): ...\n"
    )
    with pytest.raises(table.TableError, match=r"test_semantics_fake.py:4: proves\(...\)'s glue must be a string"):
        table.collect(folder)
    with pytest.raises(table.TableError, match="needs one"):
        table.replace_table("# no markers\n", "| table |\n")


def test_write_puts_the_table_between_the_markers_and_check_names_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _fake(tmp_path)
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\n{table.BEGIN}\nold table\n{table.END}\n\nAfter.\n")
    arguments = ["--tests", str(folder), "--readme", str(readme)]
    assert table.main([*arguments, "--check"]) == 1
    assert "the conversion table is stale" in capsys.readouterr().err
    assert table.main([*arguments, "--write"]) == 0
    written = readme.read_text()
    assert written.startswith(f"# Title\n\n{table.BEGIN}\n| Rule | Glue |") and written.endswith(
        f"{table.END}\n\nAfter.\n"
    )
    assert table.main([*arguments, "--write"]) == 0 and readme.read_text() == written  # idempotent
    # fresh, but the fake folder proves three rules only; a PENDING rule is not required, and one with tests is named
    monkeypatch.setattr(table, "PENDING", frozenset({"G2L102", "G2L203"}))
    assert table.main([*arguments, "--check"]) == 1
    missing = sorted(table.DATA_PATH - {"G2L102", "G2L203", "G2L302", "G2L310"})
    assert capsys.readouterr().err.splitlines() == [
        *(f"{rule}: a data-path rule without a semantic test (tests/spark, @proves)" for rule in missing),
        "G2L102: has semantic tests now: take it out of PENDING in scripts/conversion_table.py",
    ]
    assert table.main(["--tests", str(folder)]) == 0
    assert capsys.readouterr().out.endswith(table.render(table.registry_rules(), table.collect(folder)))
