"""Benchmark: what `grade` costs, and what isolation costs, side by side in one run.

    python benchmarks/bench_grade.py [--repeat 5] [--ids ID ...]

Prints medians over interleaved repeats (these machines are noisy: every ratio is taken
from runs made in the same loop):

- `grade --workspace solutions`, the command end to end (a fresh Python each time);
- the engine on the six solutions: isolated in lanes (the default), isolated in one lane,
  and in-process without isolation (one lane); the ratio of the one-lane runs and the
  isolation cost per exercise in ms;
- `grade` on a fresh workspace of untouched stubs (command, end to end);
- one fresh worker: fork from the fork-server, import a small module, one call.

and the five slowest exercises with their times (isolated, one lane).

Targets: the six core exercises under 2 s and isolation under 20 ms per exercise (issue 2:
`--ids conv_output_size gradient_clipping lstm_cell gru_update bidirectional_concat
embedding`); the whole course under 10 s (issue 3: no `--ids`).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from grader.course import find_course  # noqa: E402
from grader.engine import course_target, grade_target  # noqa: E402
from grader.worker.client import ForkServerClient  # noqa: E402
from grader.worker.session import IsolatedSession  # noqa: E402
from grader.workspace import init_workspace  # noqa: E402


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def worker_cost(server: ForkServerClient, n: int = 40) -> float:
    """Seconds for one fresh worker: fork, import a tiny module, one call, kill."""
    with tempfile.TemporaryDirectory() as tmp:
        mod = Path(tmp) / "tiny.py"
        mod.write_text("def f(x):\n    return x + 1\n")
        start = time.perf_counter()
        for _ in range(n):
            session = IsolatedSession(server, mod, "tiny", Path(tmp))
            session.module.f(1)
            session.close()
        return (time.perf_counter() - start) / n


def command(args: list[str], cwd: Path) -> None:
    subprocess.run([shutil.which("grade") or "grade", *args], cwd=cwd, capture_output=True,
                   check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--ids", nargs="+", metavar="ID", help="only these exercises")
    args = parser.parse_args()

    course = find_course(ROOT)
    solutions = course_target(course, course.solutions_dir)
    if args.ids:
        solutions.exercises = [solutions.meta(i) for i in args.ids]
    ids = solutions.ids()
    n = len(ids)
    tmp = Path(tempfile.mkdtemp(prefix="edrill-bench-"))
    samples: dict[str, list[float]] = {k: [] for k in (
        "command", "stubs", "lanes", "one_lane", "inprocess")}
    reports = {}
    try:
        ws = init_workspace(course, tmp / "ws").root
        server = ForkServerClient()
        grade_target(solutions, server=server, jobs=1)  # warm: imports, reference modules
        runs = {
            "command": lambda: command(["--workspace", "solutions", "--json", *ids], ROOT),
            "stubs": lambda: command(["--json", *ids], ws),
            "lanes": lambda: reports.__setitem__("lanes", grade_target(solutions,
                                                                       server=server)),
            "one_lane": lambda: reports.__setitem__("one_lane", grade_target(
                solutions, server=server, jobs=1)),
            "inprocess": lambda: reports.__setitem__("inprocess", grade_target(
                solutions, isolation="inprocess")),
        }
        for _ in range(args.repeat):
            for key, run in runs.items():
                samples[key].append(timed(run))
        one_worker = worker_cost(server)
        server.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    for key, report in reports.items():
        assert all(e.status == "passed" for e in report.exercises), (key, report.to_text())
    med = {k: statistics.median(v) for k, v in samples.items()}
    cost_ms = (med["one_lane"] - med["inprocess"]) / n * 1000

    def ok(good: bool) -> str:
        return "OK" if good else "MISSED"

    slowest = sorted(((sum(c.seconds for c in e.checks), e.id)
                      for e in reports["one_lane"].exercises), reverse=True)[:5]
    print(f"edrill grade benchmark — {n} exercises, median of {args.repeat} interleaved runs")
    target = 2.0 if n <= 6 else 10.0  # the six core exercises; the whole course
    print(f"  grade --workspace solutions (command, cold Python)  {med['command']:6.3f} s"
          f"   target < {target:g} s: {ok(med['command'] < target)}")
    print(f"  grade on untouched stubs (command, fresh workspace)  {med['stubs']:6.3f} s")
    print(f"  engine, solutions, isolated, lanes (default)         {med['lanes']:6.3f} s")
    print(f"  engine, solutions, isolated, one lane                {med['one_lane']:6.3f} s")
    print(f"  engine, solutions, in-process, one lane (no isolation) {med['inprocess']:6.3f} s")
    print(f"  ratio isolated / in-process (one lane each)          "
          f"{med['one_lane'] / med['inprocess']:6.2f}")
    print(f"  isolation cost per exercise                          {cost_ms:6.1f} ms"
          f"   target < 20 ms: {ok(cost_ms < 20)}")
    print(f"  one fresh worker (fork + import + one call)          "
          f"{one_worker * 1000:6.1f} ms")
    print("  five slowest exercises (checks' time, isolated, one lane, last run):")
    for seconds, ex_id in slowest:
        print(f"    {ex_id:<28} {seconds:6.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
