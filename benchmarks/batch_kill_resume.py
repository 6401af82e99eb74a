"""200 mixed submissions, red team included: grade in the sandbox, kill, resume, compare.

    sudo python benchmarks/batch_kill_resume.py [--n 200] [--sandbox bwrap] [--kill-after 20]

Builds a submissions folder of the six core exercises: the red-team students of
`tests/redteam/submissions/` plus generated ones (correct, a recorded wrong answer, the
untouched stub, a crash at import, a call that never returns) up to `--n` students. Then

1. grades it once without interruption (the reference rows);
2. grades it again into a fresh results file, `kill -9`s the batch after `--kill-after`
   seconds (the whole process group), and runs it again to the end;

and prints the figures (students per second, statuses) and whether the resumed results
equal the uninterrupted ones, student by student (timings aside).

Two verdicts are printed. `results_intact`: the resumed file holds exactly the rows of the
uninterrupted one — every (student, exercise) with the same status, score, max score,
content hash and suite version, every check with the same points — none lost, none
doubled. `resumed_equals_uninterrupted` also asks every check's status to be the same; a
red-team attack that races the grader (`kill_grader` kills its slot's fork-server inside
the first call; whether the call's answer leaves the worker before the worker dies with its
fork-server is a matter of microseconds) can end that one check as `failed` in one run and
`error` in another, with 0 points both times, as between any two runs: such checks are
listed under `check_status_races`. Exit 1 unless the results are intact.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the course's grader, also when edrill is not installed
CORE = ["conv_output_size", "gradient_clipping", "lstm_cell", "gru_update",
        "bidirectional_concat", "embedding"]
KINDS = ["correct", "correct", "wrong", "stub", "crash", "loop"]


def module(ex_id: str, kind: str) -> str:
    from grader.solution import parse_solution

    ex = parse_solution(ROOT / "solutions" / f"{ex_id}.py")
    if kind == "stub":
        return (ROOT / "exercises" / f"{ex_id}.py").read_text(encoding="utf-8")
    if kind == "wrong":
        return ex.with_answers({ex.wrong[0].blank: ex.wrong[0].answer})
    source = ex.with_answers({})
    if kind == "crash":
        return source + "\nraise RuntimeError('crash at import')\n"
    if kind == "loop" and ex_id == "gradient_clipping":  # a call that never returns
        return source + "\n\ndef gradient_clipping(grad, threshold):\n    while True:\n" \
                        "        pass\n"
    return source


def make_folder(dest: Path, n: int) -> None:
    redteam = ROOT / "tests" / "redteam" / "submissions"
    for student in sorted(p.name for p in redteam.iterdir() if p.is_dir()):
        shutil.copytree(redteam / student, dest / student, symlinks=True)
    k = 0
    while sum(1 for _ in dest.iterdir()) < n:
        kind = KINDS[k % len(KINDS)]
        folder = dest / f"gen{k:03d}-{kind}"
        folder.mkdir()
        for ex_id in CORE:
            (folder / f"{ex_id}.py").write_text(module(ex_id, kind), encoding="utf-8")
        k += 1


def grade(subs: Path, db: Path, sandbox: str, kill_after: float | None = None) -> float:
    argv = ["grader", "--course", str(ROOT), "batch", str(subs), "--db", str(db),
            "--sandbox", sandbox, "--quiet", "--json", "--submission-timeout", "30"]
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, cwd=db.parent)
    try:
        proc.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return -(time.monotonic() - start)
    out, err = proc.communicate()
    if proc.returncode != 0:
        sys.exit(f"grader batch failed ({proc.returncode}): {err.decode()[-2000:]}")
    return time.monotonic() - start


def results(db: Path) -> dict:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    keep = ("status", "score", "max_score", "content_hash", "suite_version")
    out = {(r[0], r[1]): r[2:] for r in con.execute(
        f"SELECT student, exercise, {', '.join(keep)} FROM results")}
    checks = {(r[0], r[1], r[2]): r[3:] for r in con.execute(
        "SELECT student, exercise, name, status, points FROM checks")}
    con.close()
    return {"results": out, "checks": checks}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--sandbox", default="bwrap", choices=("bwrap", "unshare", "none"))
    ap.add_argument("--kill-after", type=float, default=20.0)
    ap.add_argument("--keep", type=Path, default=None, help="work here and keep the files")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="edrill-resume-"))
    subs = work / "submissions"
    if not subs.exists():
        make_folder(subs, args.n)
    students = sum(1 for _ in subs.iterdir())
    clean, resumed = work / "clean.sqlite", work / "resumed.sqlite"
    for db in (clean, resumed):
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    seconds = grade(subs, clean, args.sandbox)
    killed = grade(subs, resumed, args.sandbox, kill_after=args.kill_after)
    partial = len({s for s, _ in results(resumed)["results"]}) if resumed.exists() else 0
    rest = grade(subs, resumed, args.sandbox)
    want, got = results(clean), results(resumed)
    statuses: dict[str, int] = {}
    for row in want["results"].values():
        statuses[row[0]] = statuses.get(row[0], 0) + 1
    same = want == got
    points = {k: v[1] for k, v in want["checks"].items()}
    intact = (want["results"] == got["results"]
              and points == {k: v[1] for k, v in got["checks"].items()})
    races = sorted(f"{k[0]} {k[1]} {k[2]}: {want['checks'][k][0]} / {got['checks'][k][0]}"
                   for k in set(want["checks"]) & set(got["checks"])
                   if want["checks"][k] != got["checks"][k])
    print(json.dumps({
        "students": students, "sandbox": args.sandbox,
        "uninterrupted_seconds": round(seconds, 2),
        "students_per_second": round(students / seconds, 2),
        "killed_after_seconds": round(-killed, 2) if killed < 0 else None,
        "students_stored_when_killed": partial,
        "resume_seconds": round(rest, 2),
        "statuses": statuses, "rows": len(want["results"]), "check_rows": len(want["checks"]),
        "results_intact": intact, "resumed_equals_uninterrupted": same,
        "check_status_races": races}, indent=2, ensure_ascii=False))
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if intact else 1


if __name__ == "__main__":
    sys.exit(main())
