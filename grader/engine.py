"""The grading engine: run the suites of some exercises against some student files.

`grade_target` is what `grade`, `grader try` and `grader selftest` share (`grader build`
calls `run_suites` directly): it runs pytest in this trusted process with the edrill plugin
on the selected suites — `--noconftest`, `--import-mode=importlib`, no plugin autoloading,
and a finder that refuses modules from the student's folder, so no student code is
imported here — and turns the check results into a `Report`. Exercises run in lanes, one
per core: this process takes one, forked copies of it the others.
"""

from __future__ import annotations

import ast
import contextlib
import importlib.abc
import importlib.machinery
import io
import os
import pickle
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from grader.course import RECORDED, Course, Workspace
from grader.i18n import tr
from grader.plugin import EdrillPlugin, ExerciseRun, GradingConfig
from grader.reference import Recording
from grader.report import ExerciseReport, Report
from grader.worker.client import ForkServerClient

PYTEST_INI = Path(__file__).with_name("suites.ini")


@dataclass
class Target:
    """Which student files to grade, against which suites and reference."""

    label: str
    student_dir: Path
    suites_dir: Path
    exercises: list[dict]  # public metadata, in course order
    solutions_dir: Path | None = None
    recorded_dir: Path | None = None
    module_paths: dict[str, Path] = field(default_factory=dict)
    mistakes_dir: Path | None = None  # recordings whose known wrong answers give feedback
    hidden_dir: Path | None = None  # run the hidden suites found here (grading only)
    seeds: dict[str, int] = field(default_factory=dict)  # exercise -> hidden-check seed

    def ids(self) -> list[str]:
        return [e["id"] for e in self.exercises]

    def meta(self, ex_id: str) -> dict:
        return next(e for e in self.exercises if e["id"] == ex_id)

    def module_path(self, ex_id: str) -> Path:
        return self.module_paths.get(ex_id, self.student_dir / f"{ex_id}.py")


def course_target(course: Course, student_dir: Path, label: str | None = None) -> Target:
    """Grade files in `student_dir` (solutions/, exercises/, a folder of answers) with the
    course's own suites and the live reference."""
    return Target(label=label or str(student_dir), student_dir=student_dir,
                  suites_dir=course.suites_dir,
                  exercises=[ex.meta() for ex in course.exercises()],
                  solutions_dir=course.solutions_dir,
                  mistakes_dir=course.public_dir / RECORDED)


def workspace_target(ws: Workspace) -> Target:
    manifest = ws.manifest()
    return Target(label=str(ws.root), student_dir=ws.root, suites_dir=ws.suites_dir,
                  exercises=manifest["exercises"], recorded_dir=ws.recorded_dir,
                  mistakes_dir=ws.recorded_dir)


def known_mistakes(target: Target, ids: list[str]) -> dict[str, dict]:
    """What recorded wrong answers give at each comparison site, per exercise."""
    out = {}
    for ex_id in ids:
        path = target.mistakes_dir / f"{ex_id}.npz" if target.mistakes_dir else None
        if path is not None and path.exists():
            out[ex_id] = Recording.load(path)[1]
    return out


def unfilled_blanks(path: Path) -> list[int]:
    """Numbers of the `_blank(N)` placeholders still in a student's file."""
    try:
        source = path.read_text(encoding="utf-8")
        # no name in the file can be `_blank` (Python folds identifiers with NFKC): done,
        # without parsing it
        if "_blank" not in unicodedata.normalize("NFKC", source):
            return []
        tree = ast.parse(source)
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return []
    found = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "_blank" and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, int)):
            found.add(node.args[0].value)
    return sorted(found)


class StudentImportBlocker(importlib.abc.MetaPathFinder):
    """While suites run, a module found in the student's folder cannot be imported here.

    Suites reach student code only through the `student` fixture (a worker); this finder
    makes `import <exercise>` in the trusted process fail instead of running student code.
    """

    def __init__(self, student_dir: Path) -> None:
        self.student_dir = str(student_dir)

    def find_spec(self, name, path=None, target=None):
        if "." in name:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, [self.student_dir])
        if spec is not None:
            raise ImportError(f"a grading suite cannot import the student's module {name!r}; "
                              "use the `student` fixture")
        return None


@contextlib.contextmanager
def _no_student_imports(student_dir: Path) -> Iterator[None]:
    here = {str(student_dir.resolve()), str(student_dir)}
    saved_path = list(sys.path)
    sys.path[:] = [p for p in sys.path
                   if p not in ("", ".") and str(Path(p).resolve()) not in here]
    blocker = StudentImportBlocker(student_dir)
    sys.meta_path.insert(0, blocker)
    try:
        yield
    finally:
        sys.meta_path.remove(blocker)
        sys.path[:] = saved_path


@contextlib.contextmanager
def _quiet_pytest() -> Iterator[None]:
    """No third-party plugins, nothing printed: the report is ours to print."""
    saved = os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD")
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            yield
    finally:
        if saved is None:
            os.environ.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
        else:
            os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = saved


def suite_files(target: Target, ids: list[str], controls: bool = False) -> list[Path]:
    """The suites of `ids`: each exercise's public suite, and right after it its hidden
    suite when the target runs them (grading only; never with the control runs)."""
    suites = []
    for ex_id in ids:
        suites.append(target.suites_dir / f"test_{ex_id}.py")
        hidden = target.hidden_dir / f"test_{ex_id}.py" if target.hidden_dir else None
        if hidden is not None and hidden.is_file() and not controls and hidden != suites[-1]:
            suites.append(hidden)
    return suites


def suites_root(target: Target) -> Path:
    """pytest's rootdir: pytest names a suite's module after its path from the rootdir and
    reuses a module of that name, so a hidden suite alone must not be named like the public
    one (test_<id>)."""
    return target.suites_dir.parent if target.suites_dir == target.hidden_dir \
        else target.suites_dir


def pytest_args(target: Target, suites: list[Path]) -> list[str]:
    """pytest's command line for a grading run of `suites` (the plugins come separately).
    --tb=no: the report is ours; pytest's own failure text (source of every traceback entry)
    costs ~70 ms per failed check and is never shown."""
    return [*map(str, suites), "-c", str(PYTEST_INI), "--rootdir", str(suites_root(target)),
            "--noconftest", "--import-mode=importlib", "--assert=plain", "--capture=sys",
            "-p", "no:cacheprovider", "-p", "no:warnings", "-p", "no:stepwise", "-q", "--tb=no"]


def run_suites(target: Target, ids: list[str], *, server: ForkServerClient | None,
               controls: bool = False, timeout: float = 3.0, isolation: str = "fork",
               record: dict[str, Recording] | None = None,
               record_got: dict[str, dict] | None = None,
               mistakes: dict | None = None,
               plugins: Sequence[object] = ()) -> tuple[dict[str, ExerciseRun], int]:
    """Run the suites of `ids`; returns the runs per exercise and pytest's exit code.

    `plugins` are more pytest plugins for the run (`grader batch` streams each exercise's
    result as soon as its suite has finished).
    """
    suites = suite_files(target, ids, controls)
    if mistakes is None:
        mistakes = known_mistakes(target, ids)
    config = GradingConfig(
        student_dir=target.student_dir,
        module_paths={ex_id: target.module_path(ex_id) for ex_id in ids},
        solutions_dir=target.solutions_dir, recorded_dir=target.recorded_dir,
        isolation=isolation, timeout=timeout, controls=controls, record=record,
        record_got=record_got, mistakes=mistakes or {},
        hidden_dir=target.hidden_dir, seeds=dict(target.seeds),
        curves_dir=target.recorded_dir or target.mistakes_dir,
    )
    plugin = EdrillPlugin(config, server)
    with _quiet_pytest(), _no_student_imports(target.student_dir):
        code = pytest.main(pytest_args(target, suites), plugins=[plugin, *plugins])
    return plugin.runs, int(code)


class _ServeLoop:
    """A pytest plugin that replaces the run of the collected items by `loop`."""

    def __init__(self, loop, plugin: EdrillPlugin) -> None:
        self.loop = loop
        self.plugin = plugin

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> bool:
        self.loop(session, self.plugin)
        return True


def serve_suites(target: Target, ids: list[str], loop, *, server: ForkServerClient,
                 timeout: float = 3.0, mistakes: dict | None = None,
                 plugins: Sequence[object] = ()) -> int:
    """Configure pytest and collect the suites of `ids` once, then call `loop(session,
    plugin)` instead of running them; returns pytest's exit code.

    `grader batch` grades student after student this way: its parent collects once and
    forks its slots inside `loop`, and a slot forks a copy of the collected process per
    lane (`run_items` there), so no student (and no slot) pays for pytest's start-up,
    collection and shutdown, and the collected items stay untouched here.
    """
    suites = suite_files(target, ids)
    if mistakes is None:
        mistakes = known_mistakes(target, ids)
    config = GradingConfig(
        student_dir=target.student_dir,
        module_paths={ex_id: target.module_path(ex_id) for ex_id in ids},
        solutions_dir=target.solutions_dir, recorded_dir=target.recorded_dir,
        isolation="fork", timeout=timeout, mistakes=mistakes or {},
        hidden_dir=target.hidden_dir, seeds=dict(target.seeds),  # the loop sets the seeds
    )
    plugin = EdrillPlugin(config, server)
    with _quiet_pytest(), _no_student_imports(target.student_dir):
        code = pytest.main(pytest_args(target, suites),
                           plugins=[plugin, _ServeLoop(loop, plugin), *plugins])
    return int(code)


def run_items(items: Sequence[pytest.Item]) -> None:
    """Run collected items in order, as pytest's own loop does (fixtures set up and torn
    down by module; everything torn down after the last)."""
    for i, item in enumerate(items):
        nextitem = items[i + 1] if i + 1 < len(items) else None
        item.config.hook.pytest_runtest_protocol(item=item, nextitem=nextitem)


def summarize(target: Target, ex_id: str, run: ExerciseRun | None) -> ExerciseReport:
    meta = target.meta(ex_id)
    rep = ExerciseReport(id=ex_id, title=meta["title"], day=meta["day"],
                         section=meta["section"])
    path = target.module_path(ex_id)
    if run is None or (not run.checks and not run.missing):
        rep.status = "error"
        rep.internal = True
        rep.message = tr("internal error: the grading suite of {id} ran no check", id=ex_id)
        return rep
    rep.checks = run.checks
    rep.output = run.output
    rep.score = sum(c.points for c in run.checks)
    rep.max_score = sum(c.max_points for c in run.checks)
    rep.internal = any(c.internal for c in run.checks)
    if run.missing:
        rep.status = "error"
        rep.message = tr("{file} is missing from {dir}: put it back (a new workspace made "
                         "by `grade init` holds a fresh copy of the stub)", file=path.name,
                         dir=str(path.parent))
        return rep
    rep.unfilled = unfilled_blanks(path)
    statuses = {c.status for c in run.checks}
    if run.load_failed:
        rep.status = "timeout" if "timeout" in statuses else "error"
    elif rep.unfilled or "unfilled" in statuses:
        rep.status = "unfilled"
    elif "timeout" in statuses:
        rep.status = "timeout"
    elif "error" in statuses and run.crashes:
        rep.status = "error"
    elif statuses - {"passed"}:
        rep.status = "error" if rep.internal else "failed"
    else:
        rep.status = "passed"
    first = next((c for c in run.checks if c.status != "passed"), None)
    if rep.status == "unfilled" and rep.unfilled:
        rep.message = tr("blanks still to fill in: {blanks}",
                         blanks=", ".join(map(str, rep.unfilled)))
    elif first is not None:
        rep.message = first.message
    return rep


_recorded_costs: dict[Path, tuple[int, float]] = {}  # recording -> (its mtime, seconds)


def exercise_costs(target: Target, ids: list[str]) -> dict[str, float]:
    """Seconds each exercise took on its solution when `grader build` recorded it (read
    once per recording file and kept while the file is unchanged: a batch plans its lanes
    for every student)."""
    costs = {}
    for ex_id in ids:
        path = target.mistakes_dir / f"{ex_id}.npz" if target.mistakes_dir else None
        try:
            mtime = path.stat().st_mtime_ns
            known = _recorded_costs.get(path)
            if known is None or known[0] != mtime:
                seconds = float(Recording.read_index(path).get("seconds", 0.1))
                _recorded_costs[path] = known = (mtime, seconds)
            costs[ex_id] = known[1]
        except (OSError, ValueError, TypeError, AttributeError, KeyError):
            costs[ex_id] = 0.1
    return costs


def plan_lanes(target: Target, ids: list[str], jobs: int) -> list[list[str]]:
    """Split the exercises into `jobs` lanes of about equal cost (longest first)."""
    costs = exercise_costs(target, ids)
    lanes: list[list[str]] = [[] for _ in range(max(1, min(jobs, len(ids))))]
    totals = [0.0] * len(lanes)
    for ex_id in sorted(ids, key=lambda i: -costs[i]):
        k = totals.index(min(totals))
        lanes[k].append(ex_id)
        totals[k] += costs[ex_id]
    return [sorted(lane, key=ids.index) for lane in lanes if lane]


def run_in_lanes(target: Target, lanes: list[list[str]], server: ForkServerClient,
                 **kwargs) -> dict[str, ExerciseRun]:
    """Run the lanes at once: this process takes the first, a forked copy each other one.

    A lane is trusted code like this process (a fork of it taken before any suite runs),
    with a fork-server of its own; it hands back its check results as a pickle over a
    pipe. Student code still runs only in workers. A lane that dies leaves its exercises
    without results, which the report shows as internal errors.
    """
    extra = [ForkServerClient() for _ in lanes[1:]]  # they boot while we fork
    children = []
    for lane, lane_server in zip(lanes[1:], extra, strict=True):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the lane
            status = 0
            try:
                os.close(read_end)
                runs, _code = run_suites(target, lane, server=lane_server, **kwargs)
                with os.fdopen(write_end, "wb") as out:
                    out.write(pickle.dumps(runs))
                lane_server.shutdown()
            except BaseException:  # noqa: B036 - a lane must never return into the caller
                status = 70
            finally:
                os._exit(status)
        os.close(write_end)
        lane_server.ctrl.close()  # the lane owns the conversation with its fork-server
        children.append((pid, read_end, lane_server))
    runs, _code = run_suites(target, lanes[0], server=server, **kwargs)
    for pid, read_end, lane_server in children:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        _pid, status = os.waitpid(pid, 0)
        lane_server.reap()
        if status == 0 and data:
            runs.update(pickle.loads(data))  # from our own fork, not from a worker
    return runs


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


def grade_target(target: Target, ids: list[str] | None = None, *, lang: str = "en",
                 timeout: float = 3.0, isolation: str = "fork",
                 server: ForkServerClient | None = None, jobs: int | None = None,
                 **kwargs) -> Report:
    """Grade `ids` (default: all) of `target` and return the report.

    With isolation, exercises run in up to `jobs` lanes at once (default: the cores, at
    most 4); in-process runs and recording runs stay in one lane.
    """
    ids = list(ids) if ids else target.ids()
    unknown = [x for x in ids if x not in target.ids()]
    if unknown:
        raise KeyError(", ".join(unknown))
    own_server = server is None and isolation == "fork"
    if own_server:
        server = ForkServerClient()
    try:
        lanes = [ids]
        if (isolation == "fork" and hasattr(os, "fork") and not kwargs.get("record")
                and not kwargs.get("record_got")):
            lanes = plan_lanes(target, ids, jobs or default_jobs())
        if len(lanes) > 1:
            runs = run_in_lanes(target, lanes, server, timeout=timeout, isolation=isolation,
                                **kwargs)
        else:
            runs, _code = run_suites(target, ids, server=server, timeout=timeout,
                                     isolation=isolation, **kwargs)
    finally:
        if own_server:
            server.close()
    return Report(lang=lang, target=target.label,
                  exercises=[summarize(target, ex_id, runs.get(ex_id)) for ex_id in ids])
