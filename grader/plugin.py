"""The pytest plugin the grading suites run under.

A grading suite is plain pytest: `tests/suites/test_<id>.py`, one per exercise, whose
tests are checks (`@check`) or control runs (`@control`). This plugin gives them

- `student`: a proxy to the student's module of the suite's exercise, living in a fresh
  worker process (one per exercise; see grader.worker). There is no other way to reach
  student code: the suites never import it;
- `reference`: the reference solution, live or replayed from recordings (grader.reference);
- `harness`: runs a trusted training loop (grader.harness.*) inside the worker;
- `rng`: a numpy Generator for the hidden checks of `tests/hidden/` (grader.hidden), seeded
  from the (student, exercise) seed of the run and the check's name;

and it collects a verdict per check (the fixtures themselves are module-level functions in
grader.fixtures, which this plugin registers). `grade` and `grader` register it programmatically;
installed as the `edrill` pytest11 entry point it also lets an instructor run one suite
with pytest's own output::

    pytest tests/suites/test_gru_update.py --edrill-student solutions
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from grader.checks import CHECK_MARK, CONTROL_MARK, CheckContext, CheckFailed, Mistake, current
from grader.harness import curves as loss_curves
from grader.i18n import Text, join, pick, tr
from grader.reference import Recording, Reference, ReferenceError, reference_module
from grader.verify import verified
from grader.worker.session import (
    InProcessSession,
    IsolatedSession,
    StudentCrash,
    StudentError,
    StudentFault,
    StudentImportError,
    StudentTimeout,
)

SUITE_PREFIX = "test_"
CURVE_SITE = "@curve:"
"""A recording's site `<check>::@curve:<name>` holds the reference's loss per step."""


@dataclass
class GradingConfig:
    """What to grade and how."""

    student_dir: Path
    module_paths: dict[str, Path]  # exercise id -> the student's file
    solutions_dir: Path | None = None  # live reference
    recorded_dir: Path | None = None  # replayed reference (a workspace)
    isolation: str = "fork"  # "fork" (the product) or "inprocess" (benchmarks only)
    timeout: float = 3.0
    controls: bool = False  # run the control runs instead of the checks
    record: dict[str, Recording] | None = None  # build: record the reference per exercise
    record_got: dict[str, dict[str, Any]] | None = None  # build: record student values
    mistakes: dict[str, dict[str, list[Mistake]]] = field(default_factory=dict)
    hidden_dir: Path | None = None  # the hidden suites' folder, when they run
    seeds: dict[str, int] = field(default_factory=dict)  # exercise id -> seed of `rng`
    # recordings whose reference loss curves the convergence checks' curves are shown against
    curves_dir: Path | None = None


@dataclass
class CheckResult:
    name: str
    title: Text
    kind: str
    max_points: int
    status: str = "passed"  # passed, failed, unfilled, timeout, error
    points: int = 0
    message: Text | None = None
    expected: str | None = None
    got: str | None = None
    mistake: Text | None = None
    internal: bool = False
    seconds: float = 0.0
    hidden: bool = False  # from a hidden suite (tests/hidden/)
    # the loss per step of the trainings a convergence check ran (grader.harness.curves):
    # {"name", "title", "log", "student": {"steps", "values"}, "reference": same or None}
    curves: list[dict] = field(default_factory=list)

    def as_json(self, lang: str) -> dict:
        out = {"name": self.name, "title": pick(self.title, lang), "kind": self.kind,
               "status": self.status, "points": self.points, "max_points": self.max_points,
               "message": pick(self.message, lang) if self.message else ""}
        for key in ("expected", "got"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.mistake:
            out["mistake"] = pick(self.mistake, lang)
        if self.curves:
            out["curves"] = [{"name": c["name"], "title": pick(c["title"], lang), "log": c["log"],
                              "student": c["student"], "reference": c["reference"]}
                             for c in self.curves]
        return out


@dataclass
class ExerciseRun:
    id: str
    checks: list[CheckResult] = field(default_factory=list)
    load_failed: bool = False  # the module could not be imported (or hung importing)
    timed_out: bool = False
    crashes: int = 0
    output: str = ""
    missing: bool = False


@lru_cache(maxsize=1024)
def exercise_of(path: str | Path) -> str:
    """The exercise a suite's file (or a student's module) is for: `test_<id>.py` → `<id>`.
    Asked for every item at every step of a run: remembered per path."""
    stem = Path(path).stem
    return stem[len(SUITE_PREFIX):] if stem.startswith(SUITE_PREFIX) else stem


def classify(err: BaseException) -> tuple[str, Text, dict]:
    """A check's status and message from what ended it."""
    if isinstance(err, CheckFailed):
        return "failed", err.message, {"expected": err.expected, "got": err.got,
                                       "mistake": err.mistake}
    if isinstance(err, StudentImportError):
        cause = err.cause
        if isinstance(cause, StudentTimeout):
            return "timeout", tr("importing your module did not finish within {s:g} s "
                                 "(an infinite loop at module level?)", s=cause.seconds), {}
        if isinstance(cause, StudentError) and cause.type == "SyntaxError":
            return "error", tr("not gradable: SyntaxError at {where}", where=cause.where()), {}
        if isinstance(cause, StudentError) and cause.type == "SystemExit":
            return "error", tr("not gradable: your module called sys.exit() while being "
                               "imported"), {}
        if isinstance(cause, StudentCrash):
            return "error", tr("not gradable: the worker {how} while importing your module "
                               "(os._exit(), a crash, or a resource limit at module level)",
                               how=str(cause).removeprefix("the worker process ")), {}
        return "error", tr("not gradable: importing your module failed: {what}",
                           what=cause.describe()), {}
    if isinstance(err, StudentError):
        if err.unfilled_blank is not None:
            return "unfilled", tr("blank {n} of {id} is not filled in yet",
                                  n=err.unfilled_blank, id=err.unfilled_exercise), {}
        if err.type == "SystemExit":
            return "failed", tr("your code called sys.exit() ({where}); return a value "
                                "instead", where=err.where()), {}
        hint = shape_hint(err)
        return "failed", join(tr("your code raised {what}", what=err.describe()), hint), {}
    if isinstance(err, StudentTimeout):
        if err.earlier:
            return "timeout", tr("not run: an earlier check of this exercise timed out"), {}
        return "timeout", tr("timed out after {s:g} s: an infinite loop, or far too slow",
                             s=err.seconds), {}
    if isinstance(err, StudentCrash):
        if err.signal is not None:
            return "error", tr("the worker running your code was killed ({how}); "
                               "a crash in native code, or a resource limit", how=str(err)), {}
        return "error", tr("the worker running your code ended during the check ({how}): "
                           "your code called os._exit() or ended the interpreter",
                           how=str(err)), {}
    if isinstance(err, StudentFault):
        return "failed", tr("{what}", what=err.describe()), {}
    if isinstance(err, ReferenceError):
        return "error", tr("internal error: {what}", what=str(err)), {"internal": True}
    return "error", tr("internal error in the grading suite: {type}: {what}",
                       type=type(err).__name__, what=str(err)[:500]), {"internal": True}


def shape_hint(err: StudentError) -> Text | None:
    text = err.message
    if err.type == "ValueError" and ("shapes" in text or "broadcast" in text
                                     or "mismatch" in text or "dimension" in text):
        return tr("(a shape mismatch: compare the shapes in the docstring with the axes "
                  "you use)")
    return None


def named_files(config: pytest.Config) -> tuple[set[Path], set[Path]] | None:
    """The files a run names on its command line and the folders above them, or None when
    an argument is not a plain file (a folder, a node id)."""
    base = config.invocation_params.dir
    files = set()
    for arg in config.args:
        path = Path(base, arg)
        if not (path.suffix == ".py" and path.is_file()):
            return None
        files.add(Path(os.path.abspath(path)))
    return files, {folder for path in files for folder in path.parents}


class EdrillPlugin:
    """Fixtures and hooks for one grading run."""

    def __init__(self, config: GradingConfig, server: Any = None) -> None:
        self.config = config
        self.server = server
        self.runs: dict[str, ExerciseRun] = {}
        self.sessions: dict[str, Any] = {}
        self.references: dict[str, Reference] = {}
        self.order: list[str] = []  # the exercises in the order their suites run
        # per exercise, its suites still to run (public, hidden): its worker serves them all
        self.suites_left: dict[str, int] = {}
        # what a closed worker of an exercise leaves to the next suite of that exercise
        self.carried: dict[str, tuple[Any, Any]] = {}
        self.curves: dict[str, list[loss_curves.Curve]] = {}  # test nodeid -> its trainings
        self.reference_curves: dict[str, dict[tuple[str, str], Any]] = {}  # exercise -> ...
        self.wanted: tuple[set[Path], set[Path]] | None = None  # set in pytest_configure

    def pytest_configure(self, config: pytest.Config) -> None:
        register_markers(config)
        from grader import fixtures  # the suites' fixtures, which find this plugin

        if not config.pluginmanager.is_registered(fixtures):
            config.pluginmanager.register(fixtures, "edrill-fixtures")
        self.wanted = named_files(config)

    # ------------------------------------------------------------------ collection
    @pytest.hookimpl(tryfirst=True)
    def pytest_ignore_collect(self, collection_path: Path,
                              config: pytest.Config) -> bool | None:
        """When the run names its suite files (every grading run does), nothing else is
        looked at: pytest would otherwise make a node for every file of every folder on the
        way to them (the 70 suites beside the six graded), at every start of a slot and of
        `grade`. Runs given a folder (an instructor's plain pytest) collect as usual."""
        if self.wanted is None or collection_path in self.wanted[0]:
            return None
        if collection_path in self.wanted[1] or collection_path.name == "__init__.py":
            return None
        return True

    def pytest_collection_modifyitems(self, config: pytest.Config,
                                      items: list[pytest.Item]) -> None:
        keep, drop = [], []
        for item in items:
            is_control = item.get_closest_marker(CONTROL_MARK) is not None
            (keep if is_control == self.config.controls else drop).append(item)
        if drop:
            config.hook.pytest_deselected(items=drop)
        items[:] = keep
        for item in keep:
            self.run_of(item)
        self.order = list(dict.fromkeys(exercise_of(item.path) for item in keep))
        self.suites_left = dict(Counter(exercise_of(path) for path in
                                        dict.fromkeys(item.path for item in keep)))

    def run_of(self, item: pytest.Item) -> ExerciseRun:
        ex = exercise_of(item.path)
        return self.runs.setdefault(ex, ExerciseRun(ex))

    # ------------------------------------------------------------------ fixtures
    def session_for(self, ex: str) -> Any:
        if ex not in self.sessions:
            path = self.config.module_paths.get(ex, self.config.student_dir / f"{ex}.py")
            cls = IsolatedSession if self.config.isolation == "fork" else InProcessSession
            kwargs = {"timeout": self.config.timeout}
            if cls is IsolatedSession:
                kwargs["server"] = self.server
            self.sessions[ex] = cls(module_path=path, module_name=ex,
                                    student_dir=path.parent, **kwargs)
            if ex in self.carried:  # the public suite's worker failed to import or hung:
                # the hidden suite's checks fail at once instead of waiting again
                load_error, timed_out = self.carried[ex]
                self.sessions[ex].load_error = load_error
                self.sessions[ex].timed_out = timed_out
            if not path.exists():
                self.runs.setdefault(ex, ExerciseRun(ex)).missing = True
                self.sessions[ex].load_error = StudentImportError(
                    StudentFault(f"{path.name} is missing from {path.parent}"))
        return self.sessions[ex]

    def open_student(self, request: pytest.FixtureRequest) -> Iterator[Any]:
        """The `student` fixture (grader.fixtures): the proxy to the module of the suite's
        exercise, its worker closed and its run recorded when the exercise's last suite is
        done. The exercise's suites (public, then hidden) share the worker, as the checks
        of one suite do: a worker less to fork and import per hidden suite."""
        ex = exercise_of(request.path)
        session = self.session_for(ex)
        upcoming = self.order.index(ex) + 1 if ex in self.order else len(self.order)
        if upcoming < len(self.order) and self.config.isolation == "fork":
            # the next exercise's worker forks and imports while this one is graded
            self.session_for(self.order[upcoming]).prestart()
        yield session.module
        self.suites_left[ex] = self.suites_left.get(ex, 1) - 1
        if self.suites_left[ex] > 0 and self.sessions.get(ex) is session:
            return  # the next suite goes on with this worker; its run is recorded after it
        run = self.runs.setdefault(ex, ExerciseRun(ex))
        run.output = "\n".join(o for o in (run.output, session.output()) if o)
        run.load_failed = run.load_failed or session.load_error is not None
        run.timed_out = run.timed_out or session.timed_out is not None
        run.crashes += session.crashes
        session.close()
        # a suite of the exercise run after this (more than counted) starts a fresh worker
        if self.sessions.get(ex) is session:
            del self.sessions[ex]
            if session.load_error is not None or session.timed_out is not None:
                self.carried[ex] = (session.load_error, session.timed_out)

    def harness_for(self, request: pytest.FixtureRequest) -> Any:
        """The `harness` fixture: the worker's harness runner, limited by grader.verify."""
        session = self.session_for(exercise_of(request.path))
        return verified(session.harness)

    def rng_for(self, request: pytest.FixtureRequest) -> Any:
        """The `rng` fixture: fresh random inputs for a hidden check, seeded from the run's
        (student, exercise) seed and the check's name, so a check's inputs do not depend on
        which other checks ran, and the same seed replays the same inputs."""
        import numpy as np

        from grader.hidden import check_entropy

        seed = self.config.seeds.get(exercise_of(request.path), 0)
        return np.random.default_rng([seed, check_entropy(request.node.name)])

    def reference_for(self, request: pytest.FixtureRequest) -> Reference:
        """The `reference` fixture: the reference of the suite's exercise, made once."""
        ex = exercise_of(request.path)
        if ex not in self.references:
            self.references[ex] = self.make_reference(ex)
        return self.references[ex]

    def make_reference(self, ex: str) -> Reference:
        cfg = self.config
        if cfg.solutions_dir is not None:
            module = reference_module(cfg.solutions_dir / f"{ex}.py", ex)
            recording = None
            if cfg.record is not None:
                recording = cfg.record.setdefault(ex, Recording())
            return Reference(module, recording, record=recording is not None)
        if cfg.recorded_dir is not None:
            path = cfg.recorded_dir / f"{ex}.npz"
            if not path.exists():
                raise ReferenceError(f"no recorded reference for {ex} ({path} is missing)")
            recording, _ = Recording.load(path)
            return Reference(recording=recording)
        raise ReferenceError("this run has neither solutions nor recorded references")

    def pytest_sessionfinish(self) -> None:
        for session in self.sessions.values():  # a worker started ahead and never used
            session.close()

    # ------------------------------------------------------------------ running
    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item):
        ex = exercise_of(item.path)
        marker = item.get_closest_marker(CHECK_MARK) or item.get_closest_marker(CONTROL_MARK)
        session = self.sessions.get(ex)
        if session is not None:
            session.mutations = []
        if session is not None and marker is not None:
            session.timeout = marker.kwargs.get("timeout") or self.config.timeout
        record = None
        if self.config.record_got is not None:
            record = self.config.record_got.setdefault(ex, {})
        ctx = CheckContext(nodeid=item.name, known=self.config.mistakes.get(ex, {}),
                           record=record)
        token = current.set(ctx)
        try:
            with loss_curves.collecting() as tracked:
                self.curves[item.nodeid] = tracked
                return (yield)
        finally:
            current.reset(token)
            if session is not None:
                session.timeout = self.config.timeout

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo):
        report = yield
        if call.when == "call" or (call.when == "setup" and call.excinfo is not None):
            self.record(item, call)
        return report

    @pytest.hookimpl(tryfirst=True, specname="pytest_runtest_makereport")
    def brief_failure_report(self, item: pytest.Item,
                             call: pytest.CallInfo) -> pytest.TestReport | None:
        """A failed step's report without pytest's failure text when that text is never
        shown (`--tb=no`, as every grading run has: the check's verdict is ours, made in
        `record`). Building it walks every traceback entry (a path and a stat each) and
        was the largest single cost of a failing check in a grading lane. Passes, skips
        and `--tb` other than `no` (an instructor running the suites with plain pytest)
        get pytest's own report."""
        excinfo = call.excinfo
        if (excinfo is None or item.config.getoption("tbstyle", "auto") != "no"
                or not isinstance(excinfo, pytest.ExceptionInfo)
                or isinstance(excinfo.value, pytest.skip.Exception | BaseExceptionGroup)):
            return None
        sections = [(f"Captured {key} {when}", content)
                    for when, key, content in item._report_sections]
        return pytest.TestReport(
            item.nodeid, item.location, dict.fromkeys(item.keywords, 1), "failed",
            f"{excinfo.typename} (--tb=no)", call.when, sections, call.duration,
            call.start, call.stop, user_properties=item.user_properties)

    def is_hidden(self, item: pytest.Item) -> bool:
        hidden_dir = self.config.hidden_dir
        return hidden_dir is not None and Path(item.path).parent == hidden_dir

    def record(self, item: pytest.Item, call: pytest.CallInfo) -> None:
        run = self.run_of(item)
        marker = item.get_closest_marker(CHECK_MARK)
        control = item.get_closest_marker(CONTROL_MARK)
        if marker is not None:
            title, kind, points = marker.kwargs["title"], marker.kwargs["kind"], \
                marker.kwargs["points"]
        elif control is not None:
            title, kind, points = control.kwargs["title"], "control", 0
        else:
            title, kind, points = {"ja": item.name, "en": item.name}, "?", 0
        result = CheckResult(name=item.name, title=title, kind=kind, max_points=points,
                             seconds=call.duration, hidden=self.is_hidden(item))
        if marker is None and control is None:
            result.status, result.internal = "error", True
            result.message = tr("internal error: the test {name} is not marked as a check "
                                "(@check) or a control run (@control)", name=item.name)
        elif call.excinfo is None:
            result.points = points
        elif (isinstance(call.excinfo.value, ReferenceError) and self.config.recorded_dir
              and getattr(self.sessions.get(run.id), "mutations", None)):
            # The student's code changed the suite's inputs in place, so the inputs no
            # longer are the recorded ones: the student's doing, not an internal error.
            result.status = "failed"
            result.message = tr("your code changed its input arrays in place, so they no "
                                "longer match the recorded reference: leave the arguments "
                                "unchanged (work on a copy)")
        else:
            status, message, extra = classify(call.excinfo.value)
            result.status, result.message = status, message
            result.expected = extra.get("expected")
            result.got = extra.get("got")
            result.mistake = extra.get("mistake")
            result.internal = bool(extra.get("internal"))
        tracked = self.curves.pop(item.nodeid, [])
        if marker is not None and tracked:
            result.curves = self.curves_of(run.id, item, tracked)
        run.checks.append(result)

    def curves_of(self, ex: str, item: pytest.Item, tracked: list) -> list[dict]:
        """The check's curves for the report, each beside the reference's run of the same
        check (recorded by `grader build`, where the suites run on the solutions); while
        recording, the curves are the reference's and go into the recording."""
        import numpy as np

        if self.config.record is not None and not self.is_hidden(item):
            recording = self.config.record.setdefault(ex, Recording())
            for curve in tracked:
                recording.entries[f"{item.name}::{CURVE_SITE}{curve.name}"] = (
                    CURVE_SITE, np.array(curve.values, dtype=np.float64))
        known = {} if self.is_hidden(item) else self.recorded_curves(ex)
        out = []
        for curve in tracked:
            reference = known.get((item.name, curve.name))
            out.append({"name": curve.name, "title": curve.title, "log": curve.log,
                        "student": loss_curves.sampled(curve.values),
                        "reference": None if reference is None
                        else loss_curves.sampled(list(reference))})
        return out

    def recorded_curves(self, ex: str) -> dict[tuple[str, str], Any]:
        """(check, curve name) -> the reference's loss per step, from the recording."""
        if ex not in self.reference_curves:
            found: dict[tuple[str, str], Any] = {}
            folder = self.config.curves_dir
            path = folder / f"{ex}.npz" if folder is not None else None
            if path is not None and path.is_file():
                try:
                    recording, _ = Recording.load(path)
                except (OSError, ValueError, KeyError, ReferenceError):
                    recording = Recording()  # a curve never decides a verdict
                for site, (_digest, values) in recording.entries.items():
                    check_name, _, rest = site.partition("::")
                    if rest.startswith(CURVE_SITE):
                        found[(check_name, rest[len(CURVE_SITE):])] = values
            self.reference_curves[ex] = found
        return self.reference_curves[ex]


# ---------------------------------------------------------------------- entry point
# `pytest tests/suites/test_x.py --edrill-student DIR` (the pytest11 entry point).


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("edrill", "edrill grading suites")
    group.addoption("--edrill-student", metavar="DIR",
                    help="grade the exercise modules in DIR (e.g. solutions)")
    group.addoption("--edrill-solutions", metavar="DIR", default=None,
                    help="reference solutions (default: solutions/ beside tests/)")
    group.addoption("--edrill-controls", action="store_true",
                    help="run the control runs instead of the checks")


def register_markers(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{CHECK_MARK}(kind, points, title): a graded check")
    config.addinivalue_line("markers", f"{CONTROL_MARK}(title): a control run (selftest)")


def pytest_configure(config: pytest.Config) -> None:
    register_markers(config)
    student = config.getoption("--edrill-student", default=None)
    if not student or config.pluginmanager.has_plugin("edrill-run"):
        return
    from grader.worker.client import ForkServerClient

    student_dir = Path(student).resolve()
    solutions = config.getoption("--edrill-solutions") or str(
        Path(config.rootpath) / "solutions")
    server = ForkServerClient()
    plugin = EdrillPlugin(GradingConfig(student_dir=student_dir, module_paths={},
                                        solutions_dir=Path(solutions).resolve(),
                                        controls=config.getoption("--edrill-controls")),
                          server)
    config.pluginmanager.register(plugin, "edrill-run")
    config.add_cleanup(server.close)

