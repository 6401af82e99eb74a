"""The suites' fixtures are module-level (grader.fixtures) and find the run's plugin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from grader.plugin import EdrillPlugin

ROOT = Path(__file__).resolve().parents[2]


def test_the_plugin_defines_no_fixture_as_a_method():
    # pytest 9 deprecates fixtures that are methods of a plugin instance
    marked = [name for name in dir(EdrillPlugin)
              if hasattr(getattr(EdrillPlugin, name), "_fixture_function_marker")
              or type(getattr(EdrillPlugin, name)).__name__ == "FixtureFunctionDefinition"]
    assert marked == []


def test_a_suite_runs_under_plain_pytest_with_the_fixtures_and_no_warning():
    # the pytest11 entry point (`pytest tests/suites/... --edrill-student DIR`), warnings
    # turned into errors
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/suites/test_conv_output_size.py",
         "--edrill-student", "solutions", "-q", "-p", "no:cacheprovider", "-W", "error"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "4 passed" in proc.stdout, proc.stdout[-2000:]
