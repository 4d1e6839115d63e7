"""risk_common.arguments: the run arguments of the liquidity jobs, resolved the same way everywhere."""
import sys

try:
    from awsglue.utils import getResolvedOptions
except ImportError:
    getResolvedOptions = None  # unit tests import this module without Glue

REQUIRED = ["JOB_NAME", "AS_OF"]
OPTIONAL = ["ENTITY", "CURRENCY"]


def resolve(argv=None):
    """Required arguments always; optional ones only when the run passes them (Glue fails on a missing one)."""
    argv = sys.argv if argv is None else argv
    if getResolvedOptions is None:
        return {"JOB_NAME": "test", "AS_OF": "2026-11-30"}
    names = REQUIRED + [name for name in OPTIONAL if f"--{name}" in argv]
    return getResolvedOptions(argv, names)


def is_job_run(argv=None):
    # Glue passes --JOB_NAME to every run; an interactive session does not
    return "--JOB_NAME" in (sys.argv if argv is None else argv)
