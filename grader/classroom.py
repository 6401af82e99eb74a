"""GitHub Classroom: the autograding tests of an assignment, written into a student repository.

GitHub Classroom runs shell commands with points and a timeout in minutes; a command whose
exit status is 0 earns its points. Here: one test per exercise, `grade ID` in the
repository (exit 0 only when that exercise passes), worth the assignment's points for it —
all or nothing, as Classroom scores. Two forms of the same tests:

- `.github/classroom/autograding.json` — the tests (`name`, `setup`, `run`, `input`,
  `output`, `comparison`, `timeout`, `points`), as GitHub Classroom's autograding reads
  them (the values to enter in its "Add test" form, too);
- `.github/workflows/classroom.yml` — the workflow Classroom runs them with
  (`classroom-resources/autograding-command-grader` per test, then the reporter).

The tests install edrill from a wheel written beside the config
(`.github/classroom/wheels/`), into a venv outside the repository; numpy, pytest and jinja2
come from PyPI. Everything runs in the student's own repository: students can read and
change it all, so nothing can be hidden there.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

from grader.assignment import Assignment
from grader.course import MARKER_DIR, WORKSPACE_MARKER
from grader.files import write_atomic

CONFIG_PATH = Path(".github/classroom/autograding.json")
WORKFLOW_PATH = Path(".github/workflows/classroom.yml")
WHEELS = Path(".github/classroom/wheels")
VENV = "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/edrill-venv"


class ClassroomError(Exception):
    """The config cannot be written; the message names the problem and the fix."""


def commands(install: str) -> tuple[str, str]:
    """(setup, the prefix of run): a venv outside the repository with edrill in it.
    EDRILL_VENV_FLAGS (unset on GitHub) lets a local run reuse installed packages."""
    pip = f'"{VENV}/bin/python" -m pip install --disable-pip-version-check -q'
    # the venv is made once per runner; the second install puts this very edrill in it
    setup = (f'{{ [ -x "{VENV}/bin/python" ] || python3 -m venv ${{EDRILL_VENV_FLAGS:-}} '
             f'"{VENV}"; }} && {pip} {install} && {pip} --no-deps --force-reinstall {install}')
    return setup, f'"{VENV}/bin/grade" --lang en'


def tests_for(assignment: Assignment, install: str, minutes: int) -> list[dict]:
    setup, grade = commands(install)
    return [{"name": f"{ex}", "setup": setup, "run": f"{grade} {ex}", "input": "",
             "output": "", "comparison": "included", "timeout": minutes,
             "points": assignment.points[ex]} for ex in assignment.exercises]


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def workflow(assignment: Assignment, tests: list[dict]) -> str:
    steps = []
    for t in tests:
        step_id = t["name"]
        steps.append(f"""    - name: {_q(t['name'])}
      id: {step_id}
      uses: classroom-resources/autograding-command-grader@v1
      with:
        test-name: {_q(t['name'])}
        setup-command: {_q(t['setup'])}
        command: {_q(t['run'])}
        timeout: {t['timeout']}
        max-score: {t['points']}
""")
    env = "".join(f"        {t['name'].upper()}_RESULTS: "
                  f"\"${{{{steps.{t['name']}.outputs.result}}}}\"\n" for t in tests)
    runners = ",".join(t["name"] for t in tests)
    return f"""# GitHub Classroom autograding for {assignment.id}: made by `grader classroom`.
# Runs in the student's repository: nothing here is hidden from students.
name: Autograding Tests
"on":
- push
- repository_dispatch
permissions:
  checks: write
  actions: read
  contents: read
jobs:
  run-autograding-tests:
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    steps:
    - name: Checkout code
      uses: actions/checkout@v4
    - name: Python
      uses: actions/setup-python@v5
      with:
        python-version: "3.12"
{''.join(steps)}    - name: Autograding Reporter
      uses: classroom-resources/autograding-grading-reporter@v1
      env:
{env}      with:
        runners: {runners}
"""


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)


def write_classroom(assignment: Assignment, repo: Path, *, install: str | None = None,
                    minutes: int = 5) -> list[Path]:
    """Write the config, the workflow and (without `install`) the wheel into `repo`."""
    from grader.wheel import build_wheel

    if not repo.is_dir():
        raise ClassroomError(f"the student repository {repo} does not exist: make it with "
                             f"`grade init {repo}` (or `grader release`), or pass --repo DIR")
    if not (repo / MARKER_DIR / WORKSPACE_MARKER).is_file():
        raise ClassroomError(f"{repo} is not a student workspace (no {MARKER_DIR}/"
                             f"{WORKSPACE_MARKER}), so `grade` cannot run there: make it with "
                             f"`grade init DIR` (or `grader release`) and pass --repo DIR")
    written = []
    if install is None:
        wheels = repo / WHEELS
        for old in wheels.glob("edrill-*.whl") if wheels.is_dir() else []:
            old.unlink()
        wheel = build_wheel(wheels)
        written.append(wheel)
        install = shlex.quote(wheel.relative_to(repo).as_posix())
    tests = tests_for(assignment, install, minutes)
    config = repo / CONFIG_PATH
    _write(config, (json.dumps({"tests": tests}, indent=2, ensure_ascii=False) + "\n").encode())
    written.append(config)
    flow = repo / WORKFLOW_PATH
    _write(flow, workflow(assignment, tests).encode())
    written.append(flow)
    return written
