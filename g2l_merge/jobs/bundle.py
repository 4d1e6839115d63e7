"""A Glue job definition as a Databricks Asset Bundle job resource (`resources/<job>.job.yml`).

The mapping, one Glue field at a time:

- `Command.ScriptLocation` (an S3 object) is the Glue repository's file that `[jobs] scripts` maps it to, else the
  one file of the same name; the task runs that file as converted (`spark_python_task`, or `notebook_task` when
  `[convert] job_parameters = "widgets"`), by its path relative to the resource file.
- `DefaultArguments` and `NonOverridableArguments` are the task's parameters (`--KEY VALUE` in `sys.argv`, what
  `getResolvedOptions` parses; widgets by name for a notebook task), plus `--JOB_NAME`, which Glue passed to every
  run. Glue's own arguments are not the script's: the ones with a Databricks meaning become one (libraries, Spark
  settings, autoscaling, environment variables); the others are dropped and listed in a review item.
  `--job-bookmark-option` stays a parameter: glue_compat's `Job` reads it and keeps the bookmarks.
- `WorkerType` and `NumberOfWorkers` are a job cluster: the node type from `NODE_TYPES` (or `[jobs] node_types`),
  one worker fewer (a Glue job's workers include its driver); `MaxCapacity` without a worker type counts Standard
  workers. The cluster's `PYTHONPATH` is the runnable layout's folders, so the task imports the converted library
  modules as Glue's `--extra-py-files` made them importable.
- `MaxRetries`, `Timeout` (minutes) and `ExecutionProperty.MaxConcurrentRuns` carry over; `Description` too.
- `Connections` and bookmarks are review items that say what to set up.

What a person must act on is a review item, written at the top of the file as a `# g2l: review` comment, like
the ones in converted code, and returned as findings.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from g2l_merge.config import rooted
from g2l_merge.jobs.definition import GlueJob

# Databricks on AWS node types closest to each Glue worker type: the same vCPUs, and the same memory or more
# (Glue worker types, "Defining job properties for Spark jobs"; G.025X has 2 vCPUs and 4 GB, no m5 is smaller).
NODE_TYPES: Mapping[str, str] = {
    "Standard": "m5.xlarge",
    "G.025X": "m5.large",
    "G.1X": "m5.xlarge",
    "G.2X": "m5.2xlarge",
    "G.4X": "m5.4xlarge",
    "G.8X": "m5.8xlarge",
    "G.12X": "m5.12xlarge",
    "G.16X": "m5.16xlarge",
    "R.1X": "r5.xlarge",
    "R.2X": "r5.2xlarge",
    "R.4X": "r5.4xlarge",
    "R.8X": "r5.8xlarge",
    "Z.2X": "r5.2xlarge",  # a Ray worker: 8 vCPUs, 64 GB
}

SCRIPT_RULE = "G2L501"
ARGUMENTS_RULE = "G2L502"
CONNECTIONS_RULE = "G2L503"
BOOKMARKS_RULE = "G2L504"
COMPUTE_RULE = "G2L505"
LIBRARIES_RULE = "G2L506"

# Glue's own arguments that mean nothing to a Databricks job (Glue's "Using job parameters in AWS Glue jobs").
# Each is dropped and listed in the job's review item; the ones with a Databricks meaning are mapped below.
GLUE_ONLY = frozenset(
    {
        "--TempDir",
        "--auto-scale-within-microbatch",
        "--class",
        "--continuous-log-conversionPattern",
        "--continuous-log-logGroup",
        "--continuous-log-logStreamPrefix",
        "--datalake-formats",
        "--disable-proxy-v2",
        "--enable-continuous-cloudwatch-log",
        "--enable-continuous-log-filter",
        "--enable-glue-datacatalog",
        "--enable-job-insights",
        "--enable-lakeformation-fine-grained-access",
        "--enable-metrics",
        "--enable-observability-metrics",
        "--enable-rename-algorithm-v2",
        "--enable-s3-parquet-optimized-committer",
        "--enable-spark-ui",
        "--executor-cores",
        "--extra-files",
        "--job-language",
        "--python-modules-installer-option",
        "--scriptLocation",
        "--spark-event-logs-path",
        "--use-postgres-driver",
        "--user-jars-first",
        "--write-shuffle-files-to-s3",
        "--write-shuffle-spills-to-s3",
    }
)
MAPPED = frozenset(
    {
        "--additional-python-modules",
        "--conf",
        "--customer-driver-env-vars",
        "--customer-executor-env-vars",
        "--enable-auto-scaling",
        "--extra-jars",
        "--extra-py-files",
    }
)
BOOKMARK_OPTION = "--job-bookmark-option"


class JobSettings(NamedTuple):
    """What the mapping needs from g2l.toml."""

    resources: str = "resources"  # [jobs] resources: the folder of the resource files
    scripts: Mapping[str, str] = {}  # [jobs] scripts: S3 prefix -> Glue repository folder
    node_types: Mapping[str, str] = {}  # [jobs] node_types, over NODE_TYPES
    job_parameters: str = "argv"  # [convert] job_parameters
    runtime: str = "17.3"  # [convert] runtime
    bookmark_store: str = "/Volumes/main/g2l/g2l_bookmarks"  # [convert] bookmarks, or its default
    root: str = ""  # [target] root: where Glue paths land in the Databricks repository


class Review(NamedTuple):
    rule: str
    message: str


class BundleJob(NamedTuple):
    """One job resource: its key, its file, the resource and the review items."""

    key: str
    path: str  # the resource file, relative to the Databricks repository's top
    glue_name: str
    kind: str  # what it is made from: "job" (a Glue job) or "workflow" (a Glue workflow)
    resource: dict[str, Any]
    reviews: tuple[Review, ...]


_KEY_LENGTH = 80


def resource_key(name: str) -> str:
    """A bundle resource key for a Glue job name: lower case, letters, digits and `_` (a name made only of other
    characters is `job`), at most 80 of them: a Glue name may have 255, but the key names the resource file (255
    bytes at most with `.job.yml` and a `_2`) and the task (a Databricks task key has at most 100, with `_cluster`
    for its cluster)."""
    key = re.sub(r"[^a-z0-9_]+", "_", name.lower()).strip("_")[:_KEY_LENGTH].rstrip("_")
    return key or "job"


def resource_path(resources: str, key: str) -> str:
    """The resource file of a job key: `<[jobs] resources>/<key>.job.yml`."""
    folder = resources.strip("/")
    return f"{folder}/{key}.job.yml" if folder else f"{key}.job.yml"


def find_script(location: str, glue_files: Iterable[str], scripts: Mapping[str, str]) -> tuple[str | None, str]:
    """The Glue repository file a job's ScriptLocation names, and how it was found (or why it was not).

    `[jobs] scripts` maps an S3 prefix to a folder (the longest prefix wins); else the one file with the script's
    name. Several files of that name, or none, find nothing."""
    files = list(glue_files)
    for prefix in sorted(scripts, key=len, reverse=True):
        if location.startswith(prefix):
            path = posixpath.normpath(posixpath.join(scripts[prefix], location[len(prefix) :].lstrip("/")))
            if path in files:
                return path, f"[jobs] scripts maps {prefix}"
            return None, f"[jobs] scripts maps {prefix} to {path}, which the Glue repository does not hold"
    name = location.rsplit("/", 1)[-1]
    same = sorted(path for path in files if path.rsplit("/", 1)[-1] == name)
    if len(same) == 1:
        return same[0], "the one file of that name"
    if not same:
        return None, f"no file of the Glue repository is named {name}"
    return None, f"{len(same)} files of the Glue repository are named {name} ({', '.join(same[:3])})"


class Task(NamedTuple):
    """One Glue job as a task of a bundle job: the task, its job cluster, and the review items."""

    task: dict[str, Any]
    cluster: dict[str, Any]  # an entry of the job's job_clusters
    reviews: tuple[Review, ...]


def job_task(
    job: GlueJob,
    script: str | None,
    why: str,
    python_path: Iterable[str],
    settings: JobSettings,
    task_key: str,
    resource_file: str,
    *,
    run_arguments: Mapping[str, str] | None = None,
    timeout_minutes: int | None = None,
) -> Task:
    """The task that runs a Glue job: `script` is the Glue repository path of its script (None: not found, `why`
    says so), `python_path` the runnable layout's folders (relative to the Databricks repository's top),
    `run_arguments` what a trigger passes over the job's defaults (Glue: run arguments override the default
    ones, the non-overridable ones override both), `timeout_minutes` a trigger's timeout over the job's."""
    reviews: list[Review] = []
    arguments = {**job.default_arguments, **(run_arguments or {}), **job.non_overridable_arguments}
    task: dict[str, Any] = {"task_key": task_key}
    task |= _entry_point(job, script, why, arguments, resource_file, settings, reviews)
    cluster, libraries = _compute(job, arguments, python_path, settings, reviews)
    task["job_cluster_key"] = f"{task_key}_cluster"
    if libraries:
        task["libraries"] = libraries
    if job.max_retries:
        task["max_retries"] = job.max_retries
    if timeout_minutes or job.timeout_minutes:
        task["timeout_seconds"] = (timeout_minutes or job.timeout_minutes or 0) * 60
    _connections(job, reviews)
    _bookmarks(job, arguments, settings, reviews)
    _dropped(arguments, reviews)
    return Task(task, {"job_cluster_key": f"{task_key}_cluster", "new_cluster": cluster}, tuple(reviews))


def bundle_job(
    job: GlueJob,
    script: str | None,
    why: str,
    python_path: Iterable[str],
    settings: JobSettings,
    key: str = "",
    *,
    schedule: Mapping[str, str] | None = None,
    reviews: Iterable[Review] = (),
) -> BundleJob:
    """The bundle job of one Glue job (see job_task), with the schedule of its scheduled trigger, if any, and
    review items about its triggers."""
    key = key or resource_key(job.name)
    path = resource_path(settings.resources, key)
    task = job_task(job, script, why, python_path, settings, key, path)
    resource: dict[str, Any] = {"name": job.name}
    if job.description:
        resource["description"] = job.description
    if job.max_concurrent_runs and job.max_concurrent_runs > 1:
        resource["max_concurrent_runs"] = job.max_concurrent_runs
    if job.command == "gluestreaming":
        resource["continuous"] = {"pause_status": "UNPAUSED"}
    elif schedule is not None:
        resource["schedule"] = dict(schedule)
    resource["tasks"] = [task.task]
    resource["job_clusters"] = [task.cluster]
    return BundleJob(key, path, job.name, "job", resource, tuple(sorted([*task.reviews, *reviews])))


def _entry_point(
    job: GlueJob,
    script: str | None,
    why: str,
    arguments: Mapping[str, str],
    resource_path: str,
    settings: JobSettings,
    reviews: list[Review],
) -> dict[str, Any]:
    """The task's `spark_python_task` or `notebook_task`: the converted script and its parameters."""
    if script is None:
        reviews.append(
            Review(
                SCRIPT_RULE,
                f"the job's script {job.script_location} is not found in the Glue repository ({why}); as converted, "
                "the task runs Glue's own script from S3, which stops at its first awsglue import: set [jobs] "
                "scripts in g2l.toml to the folder that holds it",
            )
        )
        file = job.script_location
    else:
        converted = rooted(settings.root, script)
        file = posixpath.relpath(converted, posixpath.dirname(resource_path) or ".")
    given = {k: v for k, v in sorted(arguments.items()) if not _glue_argument(k) or k == BOOKMARK_OPTION}
    if "--JOB_NAME" not in given:
        given = {"--JOB_NAME": job.name, **given}
    if settings.job_parameters == "widgets":
        parameters = {name.removeprefix("--"): value for name, value in given.items()}
        return {"notebook_task": {"notebook_path": file, "base_parameters": parameters}}
    flat = [part for name, value in given.items() for part in (name, value)]
    return {"spark_python_task": {"python_file": file, "parameters": flat}}


def _glue_argument(name: str) -> bool:
    return name in GLUE_ONLY or name in MAPPED or name == BOOKMARK_OPTION


def _compute(
    job: GlueJob, arguments: Mapping[str, str], python_path: Iterable[str], settings: JobSettings, reviews: list[Review]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The job cluster (`new_cluster`) and the task's libraries."""
    worker = job.worker_type or ("Standard" if job.command in ("glueetl", "gluestreaming") else None)
    node_types = {**NODE_TYPES, **settings.node_types}
    cluster: dict[str, Any] = {"spark_version": _spark_version(settings.runtime)}
    if job.command == "pythonshell":
        # A Python shell job has one machine and no Spark cluster: a single-node job cluster.
        cluster |= {
            "node_type_id": node_types["G.1X"],
            "num_workers": 0,
            "spark_conf": {"spark.master": "local[*]", "spark.databricks.cluster.profile": "singleNode"},
            "custom_tags": {"ResourceClass": "SingleNode"},
        }
    elif worker is None or worker not in node_types:
        reviews.append(
            Review(
                COMPUTE_RULE,
                f"Glue worker type {worker or job.command!r} has no Databricks node type in g2l-merge's table; as "
                f"converted, the job cluster names none and the bundle does not deploy: set [jobs] node_types "
                f'in g2l.toml (e.g. {{ "{worker or job.command}" = "m5.xlarge" }})',
            )
        )
        cluster["node_type_id"] = ""
    else:
        cluster["node_type_id"] = node_types[worker]
    if job.command != "pythonshell":
        workers = _workers(job)
        if arguments.get("--enable-auto-scaling", "").lower() == "true":
            cluster["autoscale"] = {"min_workers": 1, "max_workers": workers}
        else:
            cluster["num_workers"] = workers
        spark_conf = _spark_conf(arguments.get("--conf", ""))
        if spark_conf:
            cluster["spark_conf"] = spark_conf
    if job.command == "glueray":
        reviews.append(
            Review(
                COMPUTE_RULE,
                "a Glue Ray job: as converted, the task runs the script on a Spark job cluster, where `import ray` "
                "finds no Ray cluster and the job stops: set up Ray on Spark (ray.util.spark) or rewrite it",
            )
        )
    env = _env_vars(arguments)
    folders = list(python_path)
    if folders:
        env["PYTHONPATH"] = ":".join(
            "${workspace.file_path}" if folder == "." else f"${{workspace.file_path}}/{folder}" for folder in folders
        )
    if env:
        cluster["spark_env_vars"] = env
    return cluster, _libraries(arguments, reviews)


def _spark_version(runtime: str) -> str:
    """The job cluster's Databricks Runtime: Scala 2.13 from 17.0 on, 2.12 before."""
    major = int(runtime.split(".")[0])
    return f"{runtime}.x-scala2.13" if major >= 17 else f"{runtime}.x-scala2.12"


def _workers(job: GlueJob) -> int:
    """Databricks workers for a Glue job: its workers but the driver (Glue counts the driver among them)."""
    if job.number_of_workers is not None:
        return max(job.number_of_workers - 1, 1)
    if job.max_capacity is not None:
        return max(int(job.max_capacity + 0.999) - 1, 1)
    return 9  # Glue's default for a Spark job: 10 DPUs


def _spark_conf(value: str) -> dict[str, str]:
    """Glue's `--conf` value (`k=v --conf k2=v2`, the documented way to pass several) as Spark settings."""
    found = {}
    for part in re.split(r"\s*--conf\s+", value.strip()):
        name, sep, setting = part.partition("=")
        if sep and name.strip():
            found[name.strip()] = setting.strip()
    return found


def _env_vars(arguments: Mapping[str, str]) -> dict[str, str]:
    """`--customer-driver-env-vars` and `--customer-executor-env-vars` (`KEY=VALUE,KEY2=VALUE2`): a job cluster's
    environment variables are the same on the driver and the workers."""
    found = {}
    for name in ("--customer-driver-env-vars", "--customer-executor-env-vars"):
        for pair in arguments.get(name, "").split(","):
            key, sep, value = pair.partition("=")
            if sep and key.strip():
                found[key.strip()] = value.strip()
    return found


def _libraries(arguments: Mapping[str, str], reviews: list[Review]) -> list[dict[str, Any]]:
    """The task's libraries: PyPI packages and wheels of `--additional-python-modules`, wheels of `--extra-py-files`,
    jars of `--extra-jars`. The `.py` and `.zip` files of `--extra-py-files` are the Glue repository's library
    modules, which the cluster's PYTHONPATH makes importable: a review item names them."""
    found: list[dict[str, Any]] = []
    for entry in _listed(arguments.get("--additional-python-modules", "")):
        found.append({"whl": entry} if entry.endswith(".whl") else {"pypi": {"package": entry}})
    carried = []
    for entry in _listed(arguments.get("--extra-py-files", "")):
        if entry.endswith(".whl"):
            found.append({"whl": entry})
        else:
            carried.append(entry)
    found += [{"jar": entry} for entry in _listed(arguments.get("--extra-jars", ""))]
    if carried:
        reviews.append(
            Review(
                LIBRARIES_RULE,
                f"--extra-py-files {', '.join(carried)}: as converted, the task imports library modules from the "
                "Databricks repository's folders on the cluster's PYTHONPATH, not from these files; a module that "
                "lives only in them is missing and the job stops at its import: add it to the Glue repository",
            )
        )
    return found


def _listed(value: str) -> list[str]:
    return [entry.strip() for entry in value.split(",") if entry.strip()]


def _connections(job: GlueJob, reviews: list[Review]) -> None:
    if job.connections:
        reviews.append(
            Review(
                CONNECTIONS_RULE,
                f"Glue connections {', '.join(job.connections)}: as converted, the job has no network route or "
                "credentials of theirs, so its JDBC, Kafka or VPC reads fail: create a Unity Catalog connection "
                "(or a secret scope for the credentials) and let the cluster reach the network",
            )
        )


def _bookmarks(job: GlueJob, arguments: Mapping[str, str], settings: JobSettings, reviews: list[Review]) -> None:
    if arguments.get(BOOKMARK_OPTION) == "job-bookmark-enable":
        reviews.append(
            Review(
                BOOKMARKS_RULE,
                f"job bookmarks are on: as converted, glue_compat keeps them in {settings.bookmark_store}, which "
                "starts empty, so the first run reads all the input: create that volume (or set [convert] "
                "bookmarks), or move the reads to Auto Loader or a watermark table",
            )
        )


def _dropped(arguments: Mapping[str, str], reviews: list[Review]) -> None:
    dropped = sorted(name for name in arguments if name in GLUE_ONLY)
    if dropped:
        reviews.append(
            Review(
                ARGUMENTS_RULE,
                f"Glue-only arguments dropped: {', '.join(dropped)}; the Databricks job runs without them (Glue's "
                "logging, metrics, temporary folder and catalog settings have no job setting there)",
            )
        )
