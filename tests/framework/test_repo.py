"""The repository itself: ruff clean, exercises/ generated from solutions/, docs true."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.framework.conftest import ROOT


def test_ruff_is_clean():
    ruff = shutil.which("ruff")
    if ruff is None:
        if os.environ.get("CI") == "true":
            pytest.fail("ruff is missing in CI: install the dev extra (pip install -e '.[dev]')")
        pytest.skip("ruff is not installed here (pip install -e '.[dev]')")
    proc = subprocess.run([ruff, "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_exercises_are_up_to_date_with_solutions():
    proc = subprocess.run([sys.executable, "-m", "grader.cli.instructor", "build", "--check"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_json_schema_doc_names_every_field():
    doc = (ROOT / "docs" / "json-schema.md").read_text(encoding="utf-8")
    for field in ("schema_version", "lang", "score", "max_score", "exercises", "status",
                  "checks", "name", "kind", "points", "message", "unfilled", "timeout"):
        assert f"`{field}`" in doc, field


def test_the_wheel_ships_the_data_the_worker_and_students_need(tmp_path):
    """A non-editable install has the compiled catalogue, the digits and the helpers."""
    import zipfile

    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp_path,
                    ROOT], check=True, timeout=600)
    (wheel,) = tmp_path.glob("edrill-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("grader/locale/ja/LC_MESSAGES/edrill.mo", "grader/locale/ja.po",
                   "grader/data/digits.npz", "grader/data/README.md",
                   "grader/common/functions.py", "grader/harness/digits.py",
                   "grader/suites.ini"):
        assert needed in names, f"{needed} is missing from the wheel: see package-data"
