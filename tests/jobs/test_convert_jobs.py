"""`git g2l-sync convert job.json`: job definitions converted by hand, as a sync converts them."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from conftest import g2l, git

JOB = {
    "Name": "nightly exposure",
    "Command": {"Name": "glueetl", "ScriptLocation": "s3://aws-glue-assets-1/scripts/nightly.py"},
    "DefaultArguments": {"--run_date": "today", "--enable-metrics": "true"},
    "WorkerType": "G.2X",
    "NumberOfWorkers": 3,
}


def glue_folder(tmp_path: Path) -> Path:
    (tmp_path / "jobs").mkdir()
    (tmp_path / "jobs/nightly.py").write_text("import sys\nfrom risk_lib import pricing\n")
    (tmp_path / "lib/risk_lib").mkdir(parents=True)
    (tmp_path / "lib/risk_lib/pricing.py").write_text("RATE = 1\n")
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra/jobs.json").write_text(json.dumps({"Jobs": [JOB, JOB | {"Name": "intraday"}]}))
    return tmp_path


def test_convert_prints_each_job_resource_and_its_review_items(tmp_path: Path) -> None:
    folder = glue_folder(tmp_path)
    run = g2l(folder, "convert", "infra/jobs.json")
    assert run.code == 1  # review items remain, as for scripts
    assert "==> resources/nightly_exposure.job.yml <==\n# g2l: converted from infra/jobs.json" in run.output
    assert "==> resources/intraday.job.yml <==" in run.output
    assert "resources/intraday.job.yml:2: G2L502 Glue-only arguments dropped: --enable-metrics;" in run.output


def test_convert_out_writes_the_resources_next_to_the_converted_scripts(tmp_path: Path) -> None:
    folder = glue_folder(tmp_path)
    run = g2l(folder, "convert", "infra/jobs.json", "jobs/nightly.py", "lib", "--out", "converted")
    assert run.code == 1, run.output
    written = yaml.safe_load((folder / "converted/resources/nightly_exposure.job.yml").read_text())
    task = written["resources"]["jobs"]["nightly_exposure"]["tasks"][0]
    assert task["spark_python_task"]["python_file"] == "../jobs/nightly.py"
    assert (folder / "converted/resources/../jobs/nightly.py").exists()
    cluster = written["resources"]["jobs"]["nightly_exposure"]["job_clusters"][0]["new_cluster"]
    assert cluster["spark_env_vars"]["PYTHONPATH"] == "${workspace.file_path}:${workspace.file_path}/lib"
    assert (cluster["node_type_id"], cluster["num_workers"]) == ("m5.2xlarge", 2)


def test_convert_finds_scripts_among_the_files_git_tracks(tmp_path: Path) -> None:
    folder = glue_folder(tmp_path)
    git(folder, "init", "-q")
    git(folder, "add", "infra")  # jobs/nightly.py is not tracked: not found
    run = g2l(folder, "convert", "infra/jobs.json")
    assert "G2L501 the job's script s3://aws-glue-assets-1/scripts/nightly.py is not found" in run.output
    git(folder, "add", "jobs")
    assert "G2L501" not in g2l(folder, "convert", "infra/jobs.json").output


def test_convert_takes_jobs_settings_from_config(tmp_path: Path) -> None:
    folder = glue_folder(tmp_path)
    (folder / "settings.toml").write_text('[jobs]\nresources = "bundle/jobs"\nnode_types = { "G.2X" = "r5.2xlarge" }\n')
    run = g2l(folder, "convert", "infra/jobs.json", "--config", "settings.toml", "--out", "out")
    assert run.code == 1, run.output
    text = (folder / "out/bundle/jobs/intraday.job.yml").read_text()
    assert "node_type_id: r5.2xlarge" in text
    assert "python_file: ../../jobs/nightly.py" in text


def test_convert_refuses_definitions_that_do_not_read_and_writes_nothing(tmp_path: Path) -> None:
    folder = glue_folder(tmp_path)
    (folder / "infra/bad.json").write_text('{"Jobs": [\n  {"Name": 3}\n]}')
    run = g2l(folder, "convert", "infra/jobs.json", "infra/bad.json", "--out", "out")
    assert run.code == 2
    assert run.output == "git g2l-sync: infra/bad.json: Jobs[0].Command: missing\n"
    assert not (folder / "out").exists()


def test_convert_refuses_a_job_defined_twice(tmp_path: Path) -> None:
    folder = glue_folder(tmp_path)
    (folder / "infra/again.json").write_text(json.dumps({"Job": JOB}))
    run = g2l(folder, "convert", "infra/jobs.json", "infra/again.json")
    assert run.code == 2
    assert run.output == (
        "git g2l-sync: infra/again.json: Glue job 'nightly exposure' is defined again here (first in "
        "infra/jobs.json: Jobs[0]): this one is left out\n"
    )


def test_convert_out_places_scripts_by_their_path_from_the_current_folder_when_definitions_are_named(
    tmp_path: Path,
) -> None:
    """The resources' script paths are from the current folder: so is the converted script's place under --out,
    also when it is named by an absolute path and alone would land at DIR/nightly.py."""
    (tmp_path / "glue").mkdir()
    folder = glue_folder(tmp_path / "glue")
    out = tmp_path / "out"
    run = g2l(folder, "convert", "infra/jobs.json", str(folder / "jobs/nightly.py"), "--out", str(out))
    assert run.code == 1, run.output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "jobs/nightly.py",
        "resources/intraday.job.yml",
        "resources/nightly_exposure.job.yml",
    ]
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared/util.py").write_text("U = 1\n")  # outside the current folder: the common folder is above it
    run = g2l(folder, "convert", "infra/jobs.json", "jobs/nightly.py", "../shared/util.py", "--out", "../out2")
    assert run.code == 1, run.output
    out2 = tmp_path / "out2"
    assert sorted(p.relative_to(out2).as_posix() for p in out2.rglob("*") if p.is_file()) == [
        "glue/jobs/nightly.py",
        "glue/resources/intraday.job.yml",
        "glue/resources/nightly_exposure.job.yml",
        "shared/util.py",
    ]
    resource = yaml.safe_load((out2 / "glue/resources/intraday.job.yml").read_text())
    python_file = resource["resources"]["jobs"]["intraday"]["tasks"][0]["spark_python_task"]["python_file"]
    assert (out2 / "glue/resources" / python_file).resolve() == (out2 / "glue/jobs/nightly.py").resolve()
