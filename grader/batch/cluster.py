"""Grading on a Dask distributed cluster: one task per student, results stored here.

`grader batch SUBMISSIONS --dask ADDRESS` sends each student's modules to the cluster's
scheduler at ADDRESS (`tcp://host:8786`). A Dask worker grades a student exactly as a local
slot does: `grader.batch.runner.Runner` with one slot, so the same sandbox, the same wall
limit, the same reset and kill. Each worker process keeps one sandbox, opened on its first
task, with uids of its own (`uid_base` apart from the other workers of a host). The rows
come back to this process, which alone writes the results store, one transaction per
student as results arrive, so a killed batch resumes as a local one does.

What runs where: the suites, the reference and the verdict run in the Dask worker process
(the instructor's machine, trusted); student code runs only in that worker's sandbox.
Every worker needs edrill (with the `dask` extra) and the course checkout at the same path
as here, and for `--sandbox bwrap` root and `grader sandbox setup` on its host. Name the
workers 0, 1, 2, … (`dask worker --name N`) so that workers sharing a host get distinct
uids; a worker with another name gets uids from a hash of its address.
"""

from __future__ import annotations

import atexit
import dataclasses
import time
import zlib
from collections.abc import Callable

from grader.batch.runner import Options, Runner, Task, complete_rows
from grader.engine import Target

UIDS_PER_WORKER = 8  # a worker uses one slot; the rest is room between workers' uids
_SANDBOXES: dict[str, object] = {}  # per worker process: sandbox mode -> open sandbox


def worker_index() -> int:
    """This Dask worker's number: its name when that is an integer (LocalCluster, `dask
    worker --name 3`), else a hash of its address."""
    from distributed import get_worker

    worker = get_worker()
    try:
        return int(worker.name)
    except (TypeError, ValueError):
        return zlib.crc32(str(worker.address).encode()) % 500


def _sandbox(mode: str):
    """The sandbox of this worker process, opened once."""
    from grader.sandbox.base import open_sandbox

    if mode not in _SANDBOXES:
        options = {}
        if mode != "none":
            from grader.sandbox.linux import UID_BASE

            options["uid_base"] = UID_BASE + UIDS_PER_WORKER * (1 + worker_index())
        sandbox = open_sandbox(mode, 1, **options)
        _SANDBOXES[mode] = sandbox
        atexit.register(sandbox.close)
    return _SANDBOXES[mode]


def grade_on_worker(task: Task, target: Target, options: Options, mode: str) -> list[dict]:
    """Runs on a Dask worker: grade one student in this worker's sandbox; the rows."""
    rows: list[dict] = []
    runner = Runner(_sandbox(mode), target, dataclasses.replace(options, slots=1),
                    on_student=lambda _task, got: rows.extend(got), collect_here=False)
    runner.run([task])
    return rows


def run_on_cluster(address: str, tasks: list[Task], target: Target, options: Options,
                   mode: str, on_student: Callable[[Task, list[dict]], None],
                   progress=None) -> None:
    """Grade `tasks` on the cluster at `address`; `on_student(task, rows)` as each ends."""
    from distributed import Client, as_completed

    with Client(address, timeout="30s") as client:
        futures = {client.submit(grade_on_worker, task, target, options, mode,
                                 pure=False, key=f"edrill-{task.student}-{time.time_ns()}"):
                   task for task in tasks}
        for future in as_completed(futures):
            task = futures[future]
            try:
                rows = future.result()
            except Exception as err:  # noqa: BLE001 - any failure of a task is ours
                rows = complete_rows(task, target, {}, {
                    "status": "error", "internal": True,
                    "message": "internal error on the Dask cluster (the next run grades it "
                               f"again): {type(err).__name__}: {str(err)[-1500:]}"})
            on_student(task, rows)
            if progress is not None:
                progress.advance()
