"""`grader batch --dask ADDRESS`: the same rows from a Dask cluster as from local slots.

A real `distributed.LocalCluster` (two worker processes) started here; the real CLI as a
subprocess. With bubblewrap present (always in CI), the cluster's workers grade in their
own bwrap sandboxes, each with uids of its own.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.framework.conftest import ROOT, run_cli
from tests.framework.test_batch import batch, rows, write_student

distributed = pytest.importorskip("distributed") if os.environ.get("CI") != "true" \
    else __import__("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local.scheduler_address


def students(tmp_path):
    subs = tmp_path / "subs"
    write_student(subs / "a-good", "good")
    write_student(subs / "b-wrong", "wrong")
    write_student(subs / "c-stub", "stub")
    return subs


def test_the_cluster_gives_the_rows_of_local_slots(tmp_path, cluster):
    subs = students(tmp_path)
    local, remote = tmp_path / "local.sqlite", tmp_path / "dask.sqlite"
    batch(subs, local, "--slots", "1")
    summary = batch(subs, remote, "--dask", cluster)
    assert summary["graded_students"] == 3
    assert rows(local) == rows(remote)
    assert batch(subs, remote, "--dask", cluster)["graded_students"] == 0  # resumes


def _bwrap_usable() -> bool:
    if shutil.which("bwrap") is None:
        return False
    return run_cli("grader", "sandbox", "check").returncode == 0


def test_the_cluster_grades_in_bwrap_sandboxes(tmp_path, cluster):
    if not _bwrap_usable():
        if os.environ.get("CI") == "true":
            pytest.fail("bubblewrap must be usable in CI (`grader sandbox check`)")
        pytest.skip("the bwrap sandbox is not usable here (`grader sandbox check`)")
    subs = students(tmp_path)
    db = tmp_path / "g.sqlite"
    proc = run_cli("grader", "--course", str(ROOT), "batch", str(subs), "--db", str(db),
                   "--sandbox", "bwrap", "--dask", cluster, "--json", "--quiet",
                   cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    results = rows(db)[0]
    assert {k: r["status"] for k, r in results.items() if k[0] == "a-good"} == {
        ("a-good", ex): "passed" for ex in ("conv_output_size", "gradient_clipping",
                                           "embedding")}
    assert results["b-wrong", "conv_output_size"]["status"] == "failed"
    assert all(r["status"] == "unfilled" for k, r in results.items() if k[0] == "c-stub")
    leftover = subprocess.run(["ps", "-eo", "uid="], capture_output=True, text=True).stdout
    assert not [u for u in leftover.split() if 61008 <= int(u) < 61100], \
        "a worker's sandbox process outlived the batch"
