"""Benchmark: `grader batch` against `nbgrader autograde` on the same notebooks, in one run.

    python benchmarks/bench_batch.py [--n 40] [--timeout 3] [--sandbox bwrap|unshare|none]
                                     [--slots N] [--keep DIR] [--skip-nbgrader | --skip-edrill]
                                     [--nbgrader-venv PATH] [--grader-root PATH]

Builds a real nbgrader course of the six core exercises with N students (25/5/5/5 correct,
wrong, crashing, looping for N = 40; `benchmarks/nbgrader_course.py`), whose test cells are
the checks `grader batch` runs: the public suites' and, as nbgrader hidden tests (`### BEGIN
HIDDEN TESTS`), the hidden suites' (`tests/hidden/`, inputs from a fixed seed), so both
graders do the same work for the same max score per exercise. Then it grades the same
`submitted/<student>/core/<exercise>.ipynb` notebooks

- with `grader batch <course>/submitted --db <tmp> --sandbox <mode> --timeout S` (the mode
  asked for, and `--sandbox none` too, to show the sandbox's share of the time), and
- with `nbgrader autograde core --ExecutePreprocessor.timeout=S` (the same per-cell
  timeout; nbgrader has no per-submission one),

and prints, side by side: submissions/s for both (a submission is one student's notebook
of one exercise, as in `grader batch`'s results table; students/s too), the ratio (target:
`grader batch` at least 20× nbgrader on a 2-core machine), the sandbox's share (1 − none /
mode), per-submission latency percentiles p50/p90/p99 (grader batch: `results.seconds` of
its SQLite file; nbgrader: the wall time between the "Autograding <notebook>" lines of its
log, stamped as they arrive), the outcomes per kind of submission, whether the two graders
have the same max score for every submission, and the table of (student, exercise) on which
they disagree about full marks.

Requirements. nbgrader comes from the `nbgrader` extra (`pyproject.toml`: nbgrader>=0.9) and
lives in a SEPARATE venv so the main environment stays clean:

    python -m venv .venv-nb && .venv-nb/bin/pip install nbgrader numpy

(numpy for the notebooks' kernel; the test cells import `grader.harness` from this
repository, put on the kernel's PYTHONPATH). Before building anything the script checks that
`import nbgrader, numpy` works in `--nbgrader-venv` (default `.venv-nb`) and exits 2 with the
fix when it does not: it never prints a figure it did not measure. `--skip-nbgrader` runs
the `grader batch` half alone. `grader batch` runs from `--grader-root` (default: this
repository) with `python -c 'from grader.cli.instructor import main; ...'`; the sandboxed
mode needs `grader sandbox setup` done (see `grader sandbox check`).

The machine is shared and noisy: the figures come from one run, each grader once. Exit 0
when the ratio target is met and the graders agree on max scores and on full marks, 1
otherwise (also when `grader batch` exits 3 or leaves submissions ungraded: flagged, not
hidden), 2 when nbgrader is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import nbgrader_course as course  # noqa: E402

TARGET_RATIO = 20.0

SCORES_SCRIPT = """
import json, sys
from nbgrader.api import Gradebook
out = {}
with Gradebook("sqlite:///" + sys.argv[1], sys.argv[2]) as gb:
    for sub in gb.assignment_submissions(sys.argv[3]):
        for nb in sub.notebooks:
            out.setdefault(sub.student.id, {})[nb.name] = [nb.score, nb.max_score]
print(json.dumps(out))
"""


@dataclass
class Outcome:
    """One grader's run: wall seconds, per-(student, exercise) scores and latencies."""

    name: str
    wall: float
    scores: dict[tuple[str, str], tuple[float, float]]  # (score, max)
    latencies: dict[tuple[str, str], float]  # seconds per submission
    notes: dict[tuple[str, str], str] = field(default_factory=dict)  # status / message
    warning: str = ""  # the run did not complete cleanly: its figures are flagged

    def full(self, key: tuple[str, str]) -> bool:
        score, top = self.scores.get(key, (0.0, 1.0))
        return top > 0 and score >= top


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100), linear between closest ranks."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


# --------------------------------------------------------------------------- grader batch


def run_grader_batch(grader_root: Path, submitted: Path, db: Path, mode: str, timeout: float,
                     slots: int | None) -> Outcome:
    """`grader batch` end to end (a fresh Python, the fork-servers, the SQLite file)."""
    env = dict(os.environ, PYTHONPATH=str(grader_root))
    env.setdefault("OPENBLAS_NUM_THREADS", "1")  # as for nbgrader's kernels
    cmd = [sys.executable, "-c",
           "import sys; from grader.cli.instructor import main; sys.exit(main())",
           "--course", str(grader_root), "batch", str(submitted), "--db", str(db),
           "--sandbox", mode, "--timeout", f"{timeout:g}", "--quiet"]
    if slots:
        cmd += ["--slots", str(slots)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=db.parent, env=env, capture_output=True, text=True,
                          check=False)
    wall = time.perf_counter() - start
    # exit 3 (internal: some exercise could not be graded) still leaves a results file worth
    # reporting, flagged; anything else (2: usage, the sandbox unusable) has no figures
    if proc.returncode not in (0, 3) or not db.exists():
        raise SystemExit(f"grader batch --sandbox {mode} failed (exit {proc.returncode}):\n"
                         f"  {' '.join(cmd[5:])}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT student, exercise, status, score, max_score, seconds, "
                           "message FROM results").fetchall()
    if not rows:
        raise SystemExit(f"grader batch --sandbox {mode} wrote no results into {db}")
    scores, notes, latencies = {}, {}, {}
    for student, exercise, status, score, top, seconds, message in rows:
        scores[(student, exercise)] = (float(score or 0), float(top or 0))
        notes[(student, exercise)] = f"{status}: {(message or '')[:60]}".strip()
        latencies[(student, exercise)] = float(seconds or 0.0)
    out = Outcome(f"grader batch ({mode})", wall, scores, latencies, notes)
    if proc.returncode == 3:
        errors = [f"{k[0]}/{k[1]} {v}" for k, v in notes.items() if v.startswith("error")]
        out.warning = (f"exit 3 (internal error), {len(errors)} submission(s) not graded: "
                       + "; ".join(errors[:5]) + f"\n    {proc.stderr.strip()[-300:]}")
    return out


# --------------------------------------------------------------------------- nbgrader


def run_nbgrader(venv: Path, course_dir: Path, timeout: float) -> Outcome:
    """`nbgrader autograde core` over every submission, its log lines stamped on arrival."""
    exe = course.nbgrader_bin(venv)
    cmd = [str(exe), "autograde", course.ASSIGNMENT, f"--ExecutePreprocessor.timeout={timeout:g}"]
    stamps: list[tuple[float, str]] = []
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=course_dir, env=course.nbgrader_env(venv), text=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, bufsize=1)

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            stamps.append((time.perf_counter(), line.rstrip("\n")))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    code = proc.wait()
    wall = time.perf_counter() - start
    reader.join(timeout=5)
    log = [line for _, line in stamps]
    if code != 0:
        raise SystemExit(f"nbgrader autograde failed (exit {code}):\n" + "\n".join(log[-40:]))
    # "[AutogradeApp | INFO] Autograding <course>/autograded/<student>/core/<exercise>.ipynb"
    starts = []
    for t, line in stamps:
        if "] Autograding " in line and line.endswith(".ipynb"):
            path = Path(line.rsplit("Autograding ", 1)[1])
            starts.append((t, path.parent.parent.name, path.stem))
    ends = [t for t, _, _ in starts[1:]] + [start + wall]
    latencies = {(student, ex): end - t
                 for (t, student, ex), end in zip(starts, ends, strict=True)}
    python = venv / "bin" / "python"
    dump = subprocess.run([str(python), "-c", SCORES_SCRIPT, str(course_dir / "gradebook.db"),
                           course.COURSE_ID, course.ASSIGNMENT], capture_output=True, text=True,
                          env=course.nbgrader_env(venv), check=False)
    if dump.returncode != 0:
        raise SystemExit(f"cannot read nbgrader's gradebook:\n{dump.stderr[-2000:]}")
    scores = {(student, ex): (float(s), float(m))
              for student, nbs in json.loads(dump.stdout).items()
              for ex, (s, m) in nbs.items()}
    timeouts = sum("Timeout waiting for execute reply" in line for line in log)
    out = Outcome("nbgrader autograde", wall, scores, latencies)
    out.notes[("", "")] = f"{len(starts)} notebooks logged, {timeouts} cell timeouts"
    return out


# --------------------------------------------------------------------------- report


def per_kind(outcome: Outcome, keys: list[tuple[str, str]]) -> dict[str, str]:
    """kind -> "full marks/submissions, mean score %, mean latency s"."""
    table: dict[str, list] = {}
    for key in keys:
        score, top = outcome.scores.get(key, (0.0, 0.0))  # missing: 0 %, flagged in report
        row = table.setdefault(course.kind_of(key[0]), [0, 0, 0.0, 0.0])
        row[0] += outcome.full(key)
        row[1] += 1
        row[2] += 100 * score / top if top else 0.0
        row[3] += outcome.latencies.get(key, 0.0)
    return {k: f"{a}/{b}, {c / b:5.1f} %, {d / b:6.3f} s" for k, (a, b, c, d) in table.items()}


def report(n_students: int, keys: list[tuple[str, str]], runs: list[Outcome], mode: str,
           timeout: float) -> int:
    n = len(keys)
    print(f"batch grading benchmark — {n_students} students × {len(course.CORE)} exercises = "
          f"{n} submissions (notebooks), per-call/per-cell timeout {timeout:g} s, one run each")
    print(f"  {'grader':<28} {'wall s':>8} {'subm/s':>8} {'students/s':>10} "
          f"{'p50 s':>7} {'p90 s':>7} {'p99 s':>7}")
    for run in runs:
        lat = list(run.latencies.values())
        print(f"  {run.name:<28} {run.wall:8.2f} {n / run.wall:8.2f} "
              f"{n_students / run.wall:10.3f} {percentile(lat, 50):7.3f} "
              f"{percentile(lat, 90):7.3f} {percentile(lat, 99):7.3f}")
    status = 0
    for run in runs:
        missing = [k for k in keys if k not in run.scores]
        if missing:  # counted as 0 below; say so rather than hide it
            run.warning += (f"{'; ' if run.warning else ''}{len(missing)} submission(s) "
                            f"missing from its results, e.g. {missing[0][0]}/{missing[0][1]}")
        if run.warning:
            print(f"  WARNING {run.name}: {run.warning}")
            status = 1
    by = {run.name: run for run in runs}
    nb = by.get("nbgrader autograde")
    main = by.get(f"grader batch ({mode})")
    bare = by.get("grader batch (none)")
    if nb and main:
        ratio = nb.wall / main.wall
        good = ratio >= TARGET_RATIO
        status |= 0 if good else 1
        print(f"  ratio grader batch ({mode}) / nbgrader, submissions/s   {ratio:8.1f}×"
              f"   target ≥ {TARGET_RATIO:g}×: {'OK' if good else 'MISSED'}")
    if main and bare and mode != "none":
        share = 1 - bare.wall / main.wall
        print(f"  sandbox's share of grader batch's time ({mode} vs none)   {share:8.1%}"
              f"   ({main.wall - bare.wall:+.2f} s, {(main.wall - bare.wall) / n * 1000:+.1f} ms"
              f" per submission)")
    if nb:
        print(f"  nbgrader log: {nb.notes[('', '')]}; per-notebook latency from log stamps")
    kinds = [k for k in course.KINDS if any(course.kind_of(s) == k for s, _ in keys)]
    print("  outcomes per kind (full marks / submissions, mean score, mean latency):")
    print(f"    {'kind':<10}" + "".join(f" {run.name:>30}" for run in runs))
    tables = [per_kind(run, keys) for run in runs]
    for kind in kinds:
        print(f"    {kind:<10}" + "".join(f" {t[kind]:>30}" for t in tables))
    if nb:
        for run in runs:
            if run is nb:
                continue
            tops = [k for k in keys if k in run.scores and k in nb.scores
                    and run.scores[k][1] != nb.scores[k][1]]
            print(f"  {run.name} vs nbgrader: the same max score on {n - len(tops)}/{n}"
                  + "".join(f"; {s}/{ex} {run.scores[(s, ex)][1]:g} vs "
                            f"{nb.scores[(s, ex)][1]:g}" for s, ex in tops[:3]))
            status |= 1 if tops else 0
            differ = [k for k in keys if run.full(k) != nb.full(k)]
            other = [k for k in keys if k not in differ
                     and run.scores.get(k, (None,))[0] != nb.scores.get(k, (None,))[0]]
            print(f"  {run.name} vs nbgrader: {n - len(differ)}/{n} agree on full marks, "
                  f"{n - len(differ) - len(other)}/{n} on the exact score; {len(differ)} "
                  "disagreement(s) on full marks, then up to 5 other score differences:")
            for student, ex in differ + other[:5]:
                s1, m1 = run.scores.get((student, ex), (float("nan"), float("nan")))
                s2, m2 = nb.scores.get((student, ex), (float("nan"), float("nan")))
                print(f"    {student:<16} {ex:<22} edrill {s1:g}/{m1:g} "
                      f"nbgrader {s2:g}/{m2:g}  {run.notes.get((student, ex), '')}")
            status |= 1 if differ else 0
    return status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40, help="students (default 40: 25/5/5/5)")
    parser.add_argument("--timeout", type=float, default=3.0,
                        help="seconds per call (grader batch) and per cell (nbgrader)")
    parser.add_argument("--sandbox", choices=("bwrap", "unshare", "none"), default="bwrap")
    parser.add_argument("--slots", type=int, default=None, help="grader batch --slots")
    parser.add_argument("--keep", type=Path, default=None, metavar="DIR",
                        help="build the course in DIR and keep it (default: a temporary dir)")
    parser.add_argument("--skip-nbgrader", action="store_true", help="grader batch alone")
    parser.add_argument("--skip-edrill", action="store_true", help="nbgrader alone")
    parser.add_argument("--nbgrader-venv", type=Path, default=course.DEFAULT_VENV)
    parser.add_argument("--grader-root", type=Path, default=ROOT,
                        help="the edrill tree `grader batch` runs from (default: this one)")
    args = parser.parse_args()
    if args.skip_nbgrader and args.skip_edrill:
        parser.error("nothing to run")

    exe = None
    if not args.skip_nbgrader:
        try:  # loudly, before anything is built: no figure without nbgrader
            exe = course.nbgrader_bin(args.nbgrader_venv)
        except SystemExit as err:
            print(f"bench_batch: {err}", file=sys.stderr)
            return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="edrill-bench-batch-"))
    work.mkdir(parents=True, exist_ok=True)
    course_dir = work / "course"
    try:
        students = course.build_course(course_dir, args.n, exe)
        keys = [(s, ex) for s, _ in students for ex in course.CORE]
        runs: list[Outcome] = []
        if not args.skip_edrill:
            modes = [args.sandbox] + (["none"] if args.sandbox != "none" else [])
            for mode in modes:
                db = work / f"grades-{mode}.sqlite"
                db.unlink(missing_ok=True)
                runs.append(run_grader_batch(args.grader_root, course_dir / "submitted", db,
                                             mode, args.timeout, args.slots))
        if exe is not None:
            runs.append(run_nbgrader(args.nbgrader_venv, course_dir, args.timeout))
        return report(len(students), keys, runs, args.sandbox, args.timeout)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"  kept: {work} (course/, grades-*.sqlite)")


if __name__ == "__main__":
    sys.exit(main())
