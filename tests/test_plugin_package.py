"""A third-party check package, really installed and discovered through its entry point."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "poe-check-attendees"


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """pip-install the example into a private folder and put it on the path of child processes."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(EXAMPLE)],
        check=True, timeout=600, capture_output=True,
    )  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}
    env["PYTHONPATH"] = os.pathsep.join([str(target), str(REPO)])
    env["WORKBENCH_INSTANCE_PATH"] = str(tmp_path_factory.mktemp("instance"))
    return env


def run(args, env):
    return subprocess.run(args, capture_output=True, text=True, env=env, cwd=REPO, timeout=600)


def test_the_installed_check_is_listed_with_its_source(installed):
    result = run([sys.executable, "-m", "workbench", "checks", "list"], installed)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("attendee-list"))
    assert "POE lists the attendees" in line
    assert "[poe-check-attendees==0.1.0[attendee-list]]" in line


def test_the_workbench_runs_its_examples(installed):
    result = run(
        [sys.executable, "-m", "pytest", "tests/checks/test_examples.py", "-q", "-k",
         "attendee-list", "-p", "no:cacheprovider"],
        installed,
    )  # fmt: skip
    assert "4 passed" in result.stdout, result.stdout + result.stderr


def test_its_own_tests_pass(installed):
    result = run(
        [sys.executable, "-m", "pytest", str(EXAMPLE / "tests"), "-q", "-p", "no:cacheprovider"],
        installed,
    )  # fmt: skip
    assert "2 passed" in result.stdout, result.stdout + result.stderr
