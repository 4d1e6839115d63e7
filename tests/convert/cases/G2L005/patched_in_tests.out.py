# g2l: converted from jobs/patched_in_tests.py
from unittest import mock
from unittest.mock import patch

import pytest

from risk_jobs import limits


@pytest.fixture
def run_arguments():
    # the job reads its arguments once, at the start
    with patch("glue_compat.resolved_options") as resolved:
        resolved.return_value = {"JOB_NAME": "limits-test", "AS_OF": "2026-11-30"}
        yield resolved


@mock.patch("risk_jobs.limits.load_limits")
def test_breaches_are_reported(load_limits, run_arguments):
    load_limits.return_value = []
    assert limits.main() == 0
