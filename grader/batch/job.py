"""One `grader batch` run: discover, decide what is already graded, grade the rest, store.

The plan compares every submission's content hash and suite version with the stored row:
equal -> skipped; otherwise graded again. A submission that discovery could not read (an
unreadable file, a malformed notebook) gets its error row without running anything; it is
written in the same transaction as its student's graded rows.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from grader.batch.discover import Discovery, Submission
from grader.batch.progress import Progress
from grader.batch.runner import Options, Runner, Task
from grader.batch.store import ResultStore
from grader.engine import Target


@dataclass
class Plan:
    tasks: list[Task] = field(default_factory=list)  # students with modules to grade
    error_rows: dict[str, list[dict]] = field(default_factory=dict)  # student -> rows
    up_to_date: int = 0  # (student, exercise) pairs skipped
    forget: dict[str, list[str]] = field(default_factory=dict)  # rows of vanished files

    def students(self) -> list[str]:
        return list(dict.fromkeys([*(t.student for t in self.tasks), *self.error_rows]))


@dataclass
class Outcome:
    run_id: int
    graded_students: int = 0
    graded_exercises: int = 0
    internal: int = 0
    statuses: dict[str, int] = field(default_factory=dict)  # of this run's rows
    seconds: float = 0.0


def error_row(sub: Submission, target: Target, version: str) -> dict:
    return {"exercise": sub.exercise, "content_hash": sub.content_hash,
            "suite_version": version, "status": "error", "score": 0,
            "max_score": int(target.meta(sub.exercise).get("points", 0)),
            "message": f"not gradable: {sub.error}", "output": "", "seconds": 0.0,
            "graded_at": time.time(), "checks": []}


def make_plan(found: Discovery, store: ResultStore, target: Target,
              versions: dict[str, str],
              seed_of: Callable[[str, str], int | None] | None = None) -> Plan:
    """`seed_of(student, exercise)`: the seed of the exercise's hidden checks (None without
    a hidden suite); a seed already stored for the pair is kept, so a regrade replays the
    same inputs."""
    stored = store.stored()
    plan = Plan()
    by_student: dict[str, list[Submission]] = {}
    for sub in found.submissions:
        by_student.setdefault(sub.student, []).append(sub)
    for student, subs in by_student.items():
        present = {s.exercise for s in subs}
        gone = [ex for (st, ex) in stored if st == student and ex in versions
                and ex not in present]
        if gone:
            plan.forget[student] = gone
        files, hashes, seeds = {}, {}, {}
        for sub in subs:
            have = stored.get((student, sub.exercise))
            if (have is not None and have.content_hash == sub.content_hash
                    and have.suite_version == versions[sub.exercise]):
                plan.up_to_date += 1
            elif sub.source is None:
                plan.error_rows.setdefault(student, []).append(
                    error_row(sub, target, versions[sub.exercise]))
            else:
                files[sub.exercise] = sub.source
                hashes[sub.exercise] = sub.content_hash
                seed = seed_of(student, sub.exercise) if seed_of is not None else None
                if seed is not None and have is not None and have.seed is not None:
                    seed = have.seed
                if seed is not None:
                    seeds[sub.exercise] = seed
        if files:
            plan.tasks.append(Task(student, files, hashes,
                                   {ex: versions[ex] for ex in files}, seeds))
    return plan


def run_plan(plan: Plan, store: ResultStore, run_id: int, target: Target, sandbox,
             options: Options, progress: Progress, dask: tuple[str, str] | None = None
             ) -> Outcome:
    """Grade the plan in `sandbox` (closed here), or with `dask` = (scheduler address,
    sandbox mode) on a Dask cluster; each student's rows are one transaction of `store`."""
    outcome = Outcome(run_id)
    start = time.monotonic()

    def write(student: str, rows: list[dict]) -> None:
        store.write_student(student, rows, run_id)
        outcome.graded_students += 1
        outcome.graded_exercises += len(rows)
        for row in rows:
            outcome.statuses[row["status"]] = outcome.statuses.get(row["status"], 0) + 1
            outcome.internal += bool(row.get("internal"))

    try:
        for student, exercises in plan.forget.items():
            store.forget(student, exercises)
    except BaseException:
        if sandbox is not None:
            sandbox.close()
        raise
    with_tasks = {t.student for t in plan.tasks}
    for student, rows in plan.error_rows.items():  # nothing to run for these students
        if student not in with_tasks:
            write(student, rows)
            progress.advance()
    if plan.tasks and dask is not None:
        from grader.batch.cluster import run_on_cluster

        address, mode = dask
        run_on_cluster(address, plan.tasks, target, options, mode, progress=progress,
                       on_student=lambda task, rows: write(
                           task.student, rows + plan.error_rows.get(task.student, [])))
    elif plan.tasks:
        try:
            runner = Runner(sandbox, target, options, progress=progress,
                            close_in_slots=store.lock_fds(),
                            on_student=lambda task, rows: write(
                                task.student, rows + plan.error_rows.get(task.student, [])))
            runner.run(plan.tasks)
        finally:
            sandbox.close()
    outcome.seconds = time.monotonic() - start
    return outcome


def student_table(rows: list[dict], order: list[str], problems: dict[str, str]) -> str:
    """Per student: score/max and the count of each status (`grader batch`'s last words)."""
    per: dict[str, list[dict]] = {}
    for row in rows:
        per.setdefault(row["student"], []).append(row)
    names = [s for s in order if s in per] + sorted(set(per) - set(order))
    width = max([7, *(len(n) for n in names), *(len(n) for n in problems)])
    lines = [f"{'student':<{width}}  {'score':>9}  statuses"]
    for name in names:
        mine = per[name]
        score = sum(r["score"] or 0 for r in mine)
        top = sum(r["max_score"] or 0 for r in mine)
        counts: dict[str, int] = {}
        for r in mine:
            counts[r["status"]] = counts.get(r["status"], 0) + 1
        statuses = ", ".join(f"{n} {s}" for s, n in sorted(counts.items(),
                                                              key=lambda kv: -kv[1]))
        lines.append(f"{name:<{width}}  {f'{score}/{top}':>9}  {statuses}")
    for name, problem in sorted(problems.items()):
        lines.append(f"{name:<{width}}  {'-':>9}  {problem}")
    return "\n".join(lines)


def status_counts(rows: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    return counts


def inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False
