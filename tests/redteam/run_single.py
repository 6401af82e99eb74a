"""Grade red-team submissions one by one through the single-student path (`grade --json`).

A development tool, not a test: until `grader batch` ran them, this is how each attack
file was tried for real. Every (student, exercise) gets a fresh workspace (`grade init`)
with the attack file copied over the stub, then `grade <id> --json` runs there under a
wall limit; the score, the status and what escaped (canary files, surviving processes)
are printed as one JSON line each.

    python -m tests.redteam.run_single [STUDENT ...] [--skip STUDENT ...] [--keep]

Run it from a scratch folder with TMPDIR set to a nested scratch folder (the attacks look
around their workspace, their parents and the cwd of the grader's processes), and keep
student names off the command line (EDRILL_RT_STUDENTS="kill_grader ..." instead): some
attacks hit ancestors whose command line mentions "grade".
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.redteam.expectations import (
    CANARY_PREFIX,
    PROCESS_NAME,
    canary_paths,
    load_expectations,
)

SUBMISSIONS = Path(__file__).resolve().parent / "submissions"
WALL = 120.0


def grade_one(student: str, ex_id: str, keep: bool) -> dict:
    ws = Path(tempfile.mkdtemp(prefix=f"edrill-rt-{student}-"))
    shutil.rmtree(ws)
    subprocess.run(["grade", "init", str(ws)], check=True, capture_output=True)
    folder = SUBMISSIONS / student
    shutil.copy(folder / f"{ex_id}.py", ws / f"{ex_id}.py")  # follows a symlink: see report
    for extra in folder.iterdir():  # files that are not exercises, e.g. a bundled conftest.py
        if extra.suffix != ".py" or extra.name == "conftest.py":
            shutil.copy(extra, ws / extra.name)
    start = time.monotonic()
    proc = subprocess.Popen(["grade", ex_id, "--json", "--timeout", "3"], cwd=ws,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=WALL)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        timed_out = True
    seconds = time.monotonic() - start
    row: dict = {"student": student, "exercise": ex_id, "seconds": round(seconds, 2),
                 "rc": proc.returncode, "wall_exceeded": timed_out}
    try:
        report = json.loads(out)
        ex = report["exercises"][0]
        row.update(score=ex["score"], max=ex["max_score"], status=ex["status"],
                   message=(ex.get("message") or "")[:160],
                   output_chars=len(ex.get("output") or ""),
                   escapes=sorted({w for w in ESCAPE_WORDS if w in (ex.get("output") or "")}))
    except (ValueError, KeyError, IndexError, TypeError) as bad:
        row.update(score=None, status="unparsable", message=f"{bad}: {out[:300]!r} "
                   f"stderr {err[-300:]!r}")
    if not keep:
        shutil.rmtree(ws, ignore_errors=True)
    return row


ESCAPE_WORDS = ("READ-ESCAPE", "PROC-ESCAPE", "FD-ESCAPE", "WRITE-ESCAPE", "GRADEBOOK-ESCAPE",
                "KILL-ESCAPE", "EXFIL-OK", "HARVESTED", "PLANTED", "CONFTEST-DROPPED")


def survivors() -> list[int]:
    """Pids of attack processes (they name themselves edrillcanary) still alive."""
    out = subprocess.run(["ps", "-eo", "pid=,comm="], capture_output=True, text=True).stdout
    return [int(line.split()[0]) for line in out.splitlines()
            if line.split()[1:2] == [PROCESS_NAME]]


def canaries() -> set[Path]:
    places = [Path("/tmp"), Path("/dev/shm"), Path("/var/tmp"), Path(tempfile.gettempdir())]
    found = set(canary_paths(submissions=SUBMISSIONS))
    for place in places:
        found.update(place.glob(CANARY_PREFIX + "*"))
    return found


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("students", nargs="*")
    p.add_argument("--skip", nargs="*", default=[], help="students to leave out")
    p.add_argument("--keep", action="store_true", help="keep the workspaces")
    args = p.parse_args(argv)
    expectations = load_expectations()
    chosen = args.students or os.environ.get("EDRILL_RT_STUDENTS", "").split()
    students = [s for s in chosen or sorted(expectations) if s not in args.skip]
    seen = canaries()
    for student in students:
        exp = expectations[student]
        for ex_id in exp.targets:
            row = grade_one(student, ex_id, args.keep)
            row["allowed"] = exp.allowed(ex_id)
            time.sleep(exp.settle)
            now = canaries()
            row["new_canaries"] = sorted(str(c) for c in now - seen)
            seen = now
            alive = survivors()
            row["survivors"] = len(alive)
            for pid in alive:  # started by this run's attacks: end them
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            print(json.dumps(row, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
