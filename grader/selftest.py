"""`grader selftest`: prove that every grading suite discriminates.

For each exercise:

- the solution passes every check, and its points add up to the header's `points`;
- the solution passes in a workspace too, where the reference is replayed from recordings
  (so the recordings are current and the suite asks the reference only deterministic things);
- the untouched stub is `unfilled`, scores 0, and every check says "not filled in yet";
- every control run fails as designed (its test passes: e.g. "without clipping it diverges");
- every recorded wrong answer is `failed` at a named check — a wrong answer that is only
  caught by a NameError or SyntaxError is itself malformed and reported as such;
- every accepted alternative passes;
- at least five wrong answers are recorded;
- a hidden suite (`tests/hidden/test_<id>.py`, if any): every test in it is a `@check` that
  draws its inputs from `rng`, named unlike the public checks; the solution passes it for
  several seeds; the stub is unfilled there too; every recorded wrong answer is caught by
  a hidden check as well (so the hidden inputs test the blank, not only the public ones).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from grader.build import build
from grader.course import Course, Workspace
from grader.engine import course_target, grade_target, workspace_target
from grader.hidden import has_hidden_suite, hidden_only_target, hidden_suite, suite_checks
from grader.report import ExerciseReport
from grader.solution import Exercise
from grader.trial import try_answers
from grader.worker.client import ForkServerClient
from grader.workspace import init_workspace

MIN_WRONG = 5
HIDDEN_SEEDS = (0, 1, 2, 3, 4, 2**62 + 12345)  # the solution must pass the hidden suite for each
MALFORMED = ("NameError", "SyntaxError", "IndentationError", "UnboundLocalError")


@dataclass
class Finding:
    ok: bool
    what: str


@dataclass
class ExerciseSelftest:
    id: str
    findings: list[Finding] = field(default_factory=list)
    caught_by: dict[tuple[int, str], list[str]] = field(default_factory=dict)  # (blank, answer)

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.findings)

    def add(self, ok: bool, what: str) -> None:
        self.findings.append(Finding(bool(ok), what))


def _first_problem(rep: ExerciseReport) -> str:
    bad = next((c for c in rep.checks if c.status != "passed"), None)
    if bad is None:
        return (rep.message or {}).get("en", "")
    return f"{bad.name}: {(bad.message or {}).get('en', '')}"


def _short(answer: str) -> str:
    one = " ⏎ ".join(ln.strip() for ln in answer.strip().splitlines())
    return one if len(one) <= 70 else one[:67] + "..."


def check_exercise(course: Course, ex: Exercise, server: ForkServerClient,
                  timeout: float = 3.0, workspace: Workspace | None = None,
                  stale: list[str] | None = None) -> ExerciseSelftest:
    out = ExerciseSelftest(ex.id)
    solution = grade_target(course_target(course, course.solutions_dir), [ex.id],
                            server=server, timeout=timeout).exercises[0]
    out.add(solution.status == "passed" and solution.score == solution.max_score,
            f"the solution passes every check ({solution.score}/{solution.max_score})"
            if solution.status == "passed" else
            f"the solution is {solution.status}: {_first_problem(solution)}")
    out.add(solution.max_score == ex.points,
            f"the checks' points add up to the header's points ({solution.max_score} vs "
            f"{ex.points})")

    if workspace is None:
        out.add(False, "exercises/ is out of date, so the recorded reference cannot be "
                f"tested: run `grader build` ({'; '.join(stale or [])})")
    else:
        target = workspace_target(workspace)
        target.module_paths = {ex.id: course.solutions_dir / f"{ex.id}.py"}
        replayed = grade_target(target, [ex.id], server=server, timeout=timeout).exercises[0]
        out.add(replayed.status == "passed" and replayed.score == replayed.max_score,
                "the solution passes in a workspace without solutions/ (recorded reference)"
                if replayed.status == "passed" else
                f"in a workspace (recorded reference) the solution is {replayed.status}: "
                f"{_first_problem(replayed)}")

    stub = grade_target(course_target(course, course.exercises_dir), [ex.id], server=server,
                        timeout=timeout).exercises[0]
    not_unfilled = [c.name for c in stub.checks if c.status != "unfilled"]
    out.add(stub.status == "unfilled" and stub.score == 0 and not not_unfilled,
            "the untouched stub is unfilled, scores 0, and every check says 'not filled in "
            "yet'" if stub.status == "unfilled" and not not_unfilled and stub.score == 0 else
            f"the untouched stub is {stub.status} with {stub.score} points; checks that do "
            f"not reach a blank: {', '.join(not_unfilled) or '-'}")

    controls = grade_target(course_target(course, course.solutions_dir), [ex.id],
                            server=server, timeout=timeout, controls=True).exercises[0]
    for check in controls.checks:
        out.add(check.status == "passed",
                f"control run {check.name} fails as designed" if check.status == "passed"
                else f"control run {check.name} did not fail as designed: "
                f"{(check.message or {}).get('en', '')}")

    out.add(len(ex.wrong) >= MIN_WRONG,
            f"{len(ex.wrong)} wrong answers recorded (at least {MIN_WRONG})")
    for wrong in ex.wrong:
        label = f"wrong answer for blank {wrong.blank} «{_short(wrong.answer)}»"
        rep = try_answers(course, ex, {wrong.blank: wrong.answer}, server=server,
                          timeout=timeout).exercises[0]
        failed = [c for c in rep.checks if c.status == "failed"]
        malformed = [c for c in rep.checks if c.status != "passed"
                     and any(m in (c.message or {}).get("en", "") for m in MALFORMED)]
        if rep.status == "passed":
            out.add(False, f"{label} passes every check: no check catches it")
        elif malformed and len(malformed) == len([c for c in rep.checks
                                                  if c.status != "passed"]):
            out.add(False, f"{label} is malformed: {_first_problem(rep)}")
        elif not failed:
            out.add(False, f"{label} is {rep.status}, not caught by a check: "
                    f"{_first_problem(rep)}")
        else:
            out.caught_by[(wrong.blank, wrong.answer)] = [c.name for c in failed]
            out.add(True, f"{label} is caught by {', '.join(c.name for c in failed)}")
    if has_hidden_suite(course, ex.id):
        check_hidden_suite(course, ex, server, timeout, out)
    for accepted in ex.accepted:
        label = f"accepted answer for blank {accepted.blank} «{_short(accepted.answer)}»"
        rep = try_answers(course, ex, {accepted.blank: accepted.answer}, server=server,
                          timeout=timeout).exercises[0]
        out.add(rep.status == "passed", f"{label} passes" if rep.status == "passed"
                else f"{label} is {rep.status}: {_first_problem(rep)}")
    return out


def selftest(course: Course, ids: list[str] | None = None, timeout: float = 3.0,
             progress=None) -> list[ExerciseSelftest]:
    exercises = course.exercises()
    if ids:
        unknown = set(ids) - {ex.id for ex in exercises}
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        exercises = [ex for ex in exercises if ex.id in ids]
    stale = build(course, check=True).stale
    server = ForkServerClient()
    with tempfile.TemporaryDirectory(prefix="edrill-selftest-") as tmp:
        workspace = None if stale else init_workspace(course, Path(tmp) / "ws")
        try:
            results = []
            for ex in exercises:
                result = check_exercise(course, ex, server, timeout, workspace, stale)
                if progress is not None:
                    progress(result)
                results.append(result)
            return results
        finally:
            server.close()


def check_hidden_suite(course: Course, ex: Exercise, server: ForkServerClient,
                       timeout: float, out: ExerciseSelftest) -> None:
    """Prove the exercise's hidden suite (tests/hidden/test_<id>.py)."""
    path = hidden_suite(course, ex.id)
    try:
        tests = suite_checks(path)
    except SyntaxError as err:
        out.add(False, f"hidden suite {path.name}: not valid Python (line {err.lineno})")
        return
    graded = [t for t in tests if t.kind == "check"]
    public = {t.name for t in suite_checks(course.suite(ex.id))}
    others = [t.name for t in tests if t.kind != "check"]
    out.add(bool(graded) and not others,
            f"hidden suite: {len(graded)} hidden check(s), every test a @check"
            if graded and not others else
            f"hidden suite: tests that are not @check: {', '.join(others) or 'none at all'}")
    clash = [t.name for t in graded if t.name in public]
    out.add(not clash, "hidden checks are named unlike the public checks" if not clash else
            f"hidden checks named like public ones: {', '.join(clash)}")
    no_rng = [t.name for t in graded if not t.uses_rng]
    out.add(not no_rng, "every hidden check draws fresh inputs from `rng`" if not no_rng else
            f"hidden checks without `rng` (no fresh inputs): {', '.join(no_rng)}")

    def hidden_run(folder: Path, seed: int, module: Path | None = None):
        target = hidden_only_target(course, folder, {ex.id: seed})
        if module is not None:
            target.module_paths = {ex.id: module}
        return grade_target(target, [ex.id], server=server, timeout=timeout).exercises[0]

    bad = []
    for seed in HIDDEN_SEEDS:
        rep = hidden_run(course.solutions_dir, seed)
        if rep.status != "passed":
            bad.append(f"seed {seed}: {_first_problem(rep)}")
    out.add(not bad, f"the solution passes the hidden checks for {len(HIDDEN_SEEDS)} seeds"
            if not bad else f"the solution fails hidden checks: {'; '.join(bad)}")
    stub = hidden_run(course.exercises_dir, 0)
    not_unfilled = [c.name for c in stub.checks if c.status != "unfilled"]
    out.add(stub.score == 0 and not not_unfilled,
            "the stub is unfilled at every hidden check" if stub.score == 0 and not not_unfilled
            else f"hidden checks the stub does not reach: {', '.join(not_unfilled)}")
    with tempfile.TemporaryDirectory(prefix="edrill-hidden-") as tmp:
        module = Path(tmp) / f"{ex.id}.py"
        for wrong in ex.wrong:
            module.write_text(ex.with_answers({wrong.blank: wrong.answer}), encoding="utf-8")
            rep = hidden_run(Path(tmp), 0, module)
            failed = [c.name for c in rep.checks if c.status == "failed"]
            label = f"wrong answer for blank {wrong.blank} «{_short(wrong.answer)}»"
            out.add(bool(failed), f"{label} is caught by hidden {', '.join(failed)}"
                    if failed else f"{label} passes the hidden checks ({rep.status})")
