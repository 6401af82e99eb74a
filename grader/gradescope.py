"""Gradescope: the autograder zip (`grader gradescope`) and what runs inside it.

The zip (Gradescope unpacks it into `/autograder/source`)::

    setup.sh                         Gradescope runs it once, when it builds the image: a
                                     Python ≥ 3.11 venv in /autograder/edrill-venv with the
                                     wheel below installed (numpy, pytest, jinja2 from PyPI)
    run_autograder                   runs per submission: `python -m grader.gradescope run`
    edrill-autograder.json           the assignment, the sandbox mode, the timeouts
    wheels/edrill-<v>-py3-none-any.whl   edrill itself (grader.wheel), no network needed
    course/                          what grading needs and students never see: course.toml,
                                     solutions/ (the reference), the assignment's public and
                                     hidden suites, the recordings, assignments/<id>.toml

`run` collects the assignment's files from `/autograder/submission` (`<id>.py` or
`<id>.ipynb`, at most a few folders deep, never through a symbolic link), grades them with
`grader batch` (one student, one slot) into a scratch SQLite file and writes
`/autograder/results/results.json`: one Gradescope test per check, with the check's
visibility from the assignment (visible, hidden, after_due_date), scores scaled to the
assignment's points, the late policy applied from the submission's time. The root
(`/autograder`) is `--root` or `EDRILL_AUTOGRADER_ROOT`, so tests run it in a folder.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import datetime
from pathlib import Path

from grader import __version__
from grader.assignment import Assignment, hidden_suite, load_assignment
from grader.course import RECORDED, Course
from grader.files import write_atomic
from grader.hidden import SECRET_FILE, course_secret, has_hidden_suite

CONFIG = "edrill-autograder.json"
CONFIG_FORMAT = 1
COURSE_DIR = "course"
WHEELS_DIR = "wheels"
VENV_DIR = "edrill-venv"
ROOT_ENV = "EDRILL_AUTOGRADER_ROOT"
DEFAULT_ROOT = Path("/autograder")
SEARCH_DEPTH = 4  # folders below /autograder/submission searched for the exercise files
GS_VISIBILITY = {"visible": "visible", "hidden": "hidden", "after_due_date": "after_due_date"}
STUDENT_FALLBACK = "submission"


class GradescopeError(Exception):
    """The autograder cannot be built; the message names the problem and the fix."""


# ====================================================================== build
SETUP_SH = r"""#!/usr/bin/env bash
# edrill autograder for Gradescope: runs once when Gradescope builds the image.
# Installs a Python >= 3.11 venv with the edrill wheel of this zip (its dependencies,
# numpy, pytest and jinja2, come from PyPI). Made by `grader gradescope`.
set -euo pipefail
ROOT="${EDRILL_AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"
VENV="$ROOT/edrill-venv"
ok_python() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }
PY=""
for candidate in ${EDRILL_PYTHON:-} python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && ok_python "$candidate"; then
        PY="$candidate"; break
    fi
done
if [ -z "$PY" ]; then
    if command -v apt-get >/dev/null 2>&1; then
        echo "edrill: no Python >= 3.11 here; installing python3.11 with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q
        apt-get install -y -q python3.11 python3.11-venv
        PY=python3.11
    else
        echo "edrill: needs Python >= 3.11 and cannot install it (no apt-get)" >&2
        exit 1
    fi
fi
echo "edrill: using $("$PY" --version) at $(command -v "$PY")"
rm -rf "$VENV"
# EDRILL_VENV_FLAGS: e.g. --system-site-packages (the tests use it to stay offline)
"$PY" -m venv ${EDRILL_VENV_FLAGS:-} "$VENV"
"$VENV/bin/python" -m pip install --disable-pip-version-check -q "$SOURCE/__WHEEL__"
"$VENV/bin/python" -c 'import grader, numpy
print("edrill", grader.__version__, "numpy", numpy.__version__, "ready")'
"""

RUN_AUTOGRADER = r"""#!/usr/bin/env bash
# edrill autograder for Gradescope: grades /autograder/submission into
# /autograder/results/results.json. Made by `grader gradescope`.
ROOT="${EDRILL_AUTOGRADER_ROOT:-/autograder}"
PY="$ROOT/edrill-venv/bin/python"
if [ ! -x "$PY" ]; then
    mkdir -p "$ROOT/results"
    cat > "$ROOT/results/results.json" <<'JSON'
{"score": 0, "output_format": "text", "stdout_visibility": "hidden", "tests": [],
 "output": "The autograder is not set up (setup.sh did not finish): please tell your instructor."}
JSON
    echo "edrill: $PY is missing: setup.sh did not finish" >&2
    exit 1
fi
cd "$ROOT"
exec "$PY" -I -m grader.gradescope run --root "$ROOT"
"""


def course_files(course: Course, assignment: Assignment) -> list[tuple[Path, str]]:
    """(file, its path under course/) for everything the autograder grades with."""
    root = course.root
    out: list[tuple[Path, str]] = [(root / "course.toml", "course.toml")]
    for path in sorted(course.solutions_dir.glob("*.py")):  # the course parses all of them
        out.append((path, f"solutions/{path.name}"))
    for ex in assignment.exercises:
        suite = course.suite(ex)
        if not suite.is_file():
            raise GradescopeError(f"{suite} is missing: every exercise of the assignment "
                                  "needs its suite")
        out.append((suite, f"tests/suites/{suite.name}"))
        hidden = hidden_suite(course, ex)
        if hidden.is_file():
            out.append((hidden, f"tests/hidden/{hidden.name}"))
        recorded = course.public_dir / RECORDED / f"{ex}.npz"
        if recorded.is_file():  # the recorded wrong answers name the mistake in feedback
            out.append((recorded, f"exercises/.edrill/{RECORDED}/{recorded.name}"))
    if assignment.path is None or not assignment.path.is_file():
        raise GradescopeError(f"the assignment {assignment.id} has no file to ship")
    out.append((assignment.path, f"assignments/{assignment.id}.toml"))
    return out


def _add(zf: zipfile.ZipFile, name: str, data: bytes, mode: int = 0o644) -> None:
    info = zipfile.ZipInfo(name, time.localtime(time.time())[:6])
    info.external_attr = (0o100000 | mode) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, data)


def build_autograder(course: Course, assignment: Assignment, out: Path, *,
                     sandbox: str = "none", timeout: float = 5.0,
                     submission_timeout: float = 300.0) -> dict:
    """Write the Gradescope autograder zip for `assignment` to `out` (atomically).

    Returns a summary: the files in the zip and the config written.
    """
    from grader.wheel import build_wheel

    files = course_files(course, assignment)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="edrill-gs-build-") as scratch:
        wheel = build_wheel(Path(scratch))
        wheel_name = f"{WHEELS_DIR}/{wheel.name}"
        config = {"format": CONFIG_FORMAT, "assignment": assignment.id,
                  "exercises": list(assignment.exercises), "points": assignment.points,
                  "due": assignment.due.isoformat(), "sandbox": sandbox,
                  "timeout": timeout, "submission_timeout": submission_timeout,
                  "wheel": wheel_name, "edrill_version": __version__}
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
        os.close(fd)
        names = []
        try:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
                for name, data, mode in (
                        ("setup.sh", SETUP_SH.replace("__WHEEL__", wheel_name).encode(),
                         0o755),
                        ("run_autograder", RUN_AUTOGRADER.encode(), 0o755),
                        (CONFIG, (json.dumps(config, indent=2) + "\n").encode(), 0o644),
                        (wheel_name, wheel.read_bytes(), 0o644)):
                    _add(zf, name, data, mode)
                    names.append(name)
                for path, rel in files:
                    _add(zf, f"{COURSE_DIR}/{rel}", path.read_bytes())
                    names.append(f"{COURSE_DIR}/{rel}")
                if any(has_hidden_suite(course, ex) for ex in assignment.exercises):
                    # the same hidden inputs for a student on every run and regrade of
                    # Gradescope (each run is a fresh container): the course secret goes along
                    secret, _where = course_secret(course)
                    _add(zf, f"{COURSE_DIR}/{SECRET_FILE}", secret + b"\n", 0o600)
                    names.append(f"{COURSE_DIR}/{SECRET_FILE}")
            os.replace(tmp, out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return {"zip": str(out), "files": names, "config": config}


# ====================================================================== run
def student_label(metadata: dict) -> str:
    """A folder name for the submitter: `gs-<Gradescope user id>` (the first of a group)."""
    users = metadata.get("users") if isinstance(metadata, dict) else None
    if isinstance(users, list) and users and isinstance(users[0], dict):
        user = users[0]
        for key in ("id", "sid", "email"):
            value = user.get(key)
            if value not in (None, ""):
                label = re.sub(r"[^A-Za-z0-9_.@-]", "_", f"gs-{value}")[:100]
                return label
    return STUDENT_FALLBACK


def find_files(submission: Path, ids: tuple[str, ...]) -> dict[str, list[Path]]:
    """`<id>.py` / `<id>.ipynb` under the submission (no symbolic links, no dot folders)."""
    wanted = {f"{ex}{suffix}": ex for ex in ids for suffix in (".py", ".ipynb")}
    found: dict[str, list[Path]] = {}

    def walk(folder: Path, depth: int) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith(".") or entry.is_symlink():
                continue
            if entry.is_dir(follow_symlinks=False):
                if depth < SEARCH_DEPTH and entry.name != "__pycache__":
                    walk(Path(entry.path), depth + 1)
            elif entry.name in wanted:
                found.setdefault(wanted[entry.name], []).append(Path(entry.path))

    if submission.is_dir():
        walk(submission, 0)
    return found


def collect(submission: Path, ids: tuple[str, ...], dest: Path) -> dict[str, str]:
    """Copy the student's module of each exercise to `dest/<id>.py` (notebooks become their
    code); returns the problems: exercise -> why it is not graded."""
    from grader.batch.discover import (
        MAX_MODULE_BYTES,
        MAX_NOTEBOOK_BYTES,
        NotebookError,
        notebook_module,
        read_untrusted,
    )

    dest.mkdir(parents=True, exist_ok=True)
    found = find_files(submission, ids)
    problems: dict[str, str] = {}
    for ex in ids:
        paths = found.get(ex, [])
        if not paths:
            problems[ex] = f"not submitted: upload {ex}.py (or {ex}.ipynb)"
            continue
        if len(paths) > 1:
            shown = ", ".join(str(p.relative_to(submission)) for p in paths)
            problems[ex] = f"submitted {len(paths)} times ({shown}): upload one"
            continue
        path = paths[0]
        try:
            if path.suffix == ".ipynb":
                source = notebook_module(read_untrusted(path, MAX_NOTEBOOK_BYTES)).encode()
            else:
                source = read_untrusted(path, MAX_MODULE_BYTES)
        except (OSError, NotebookError) as err:
            problems[ex] = f"not gradable: {path.name}: {err}"
            continue
        (dest / f"{ex}.py").write_bytes(source)
    return problems


def _parse_time(text: object) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


def _round(x: float) -> float:
    """Scores as Gradescope stores them: to 9 places, so that a check's share of an exercise
    (points / 13 × 10, say) still adds up to the exercise's points."""
    return round(float(x), 9)


def _check_output(check: dict) -> str:
    if check.get("status") == "passed":
        return "passed"
    return str(check.get("message") or check.get("status") or "")


def make_results(assignment: Assignment, rows: list[dict], checks: list[dict],
                 problems: dict[str, str], *, submitted_at: datetime | None,
                 student: str, seconds: float, extra: dict | None = None) -> dict:
    """results.json (Gradescope's format) from the stored rows of one student."""
    by_ex = {r["exercise"]: r for r in rows}
    tests: list[dict] = []
    lines: list[str] = []
    total = 0.0
    for k, ex in enumerate(assignment.exercises, 1):
        points = assignment.points[ex]
        row = by_ex.get(ex)
        mine = [c for c in checks if c["exercise"] == ex]
        if row is None or ex in problems:
            why = problems.get(ex, "not graded")
            tests.append({"name": f"{ex}", "number": f"{k}", "score": 0.0,
                          "max_score": float(points), "status": "failed", "output": why,
                          "output_format": "text", "tags": [ex], "visibility": "visible"})
            lines.append(f"✘ {ex}: {why}")
            continue
        max_score = row.get("max_score") or 0
        scale = points / max_score if max_score else 0.0
        if not mine:  # nothing ran: the module cannot be imported, say
            tests.append({"name": f"{ex}", "number": f"{k}", "score": 0.0,
                          "max_score": float(points), "status": "failed",
                          "output": row.get("message") or row.get("status") or "",
                          "output_format": "text", "tags": [ex], "visibility": "visible"})
        shown = passed = hidden = 0
        for j, check in enumerate(mine, 1):
            is_hidden = bool(check.get("hidden", 0))
            vis = assignment.visibility_of(ex, check["name"], hidden_suite=is_hidden)
            score = (check.get("points") or 0) * scale
            total += score
            tests.append({"name": f"{ex} · {check['name']}", "number": f"{k}.{j}",
                          "score": _round(score),
                          "max_score": _round((check.get("max_points") or 0) * scale),
                          "status": "passed" if check.get("status") == "passed" else "failed",
                          "output": _check_output(check), "output_format": "text",
                          "tags": [ex, "hidden" if is_hidden else check.get("kind") or "check"],
                          "visibility": GS_VISIBILITY[vis],
                          "extra_data": {"exercise": ex, "check": check["name"],
                                         "edrill_status": check.get("status"),
                                         "hidden_suite": is_hidden}})
            if vis == "visible":
                shown += 1
                passed += check.get("status") == "passed"
            else:
                hidden += 1
        mark = "✔" if row.get("status") == "passed" else "✘"
        line = f"{mark} {ex}: {passed} of {shown} visible checks passed"
        if hidden:
            line += f"; {hidden} more check(s) are hidden or shown after the due date"
        if row.get("status") in ("error", "timeout", "unfilled") and row.get("message"):
            line += f" — {row['message'].splitlines()[0]}"
        lines.append(line)

    kept, days, accepted = assignment.late.factor(submitted_at, assignment.due)
    late = {"submitted_at": submitted_at.isoformat() if submitted_at else None,
            "due": assignment.due.isoformat(), "days_late": days, "kept_share": kept,
            "accepted": accepted}
    score = total * kept
    if not accepted:
        lines.append(f"Submitted {days} day(s) after the due date, past the cutoff: not "
                     "accepted, 0 points.")
    elif days:
        lines.append(f"Submitted {days} day(s) late: {kept:.0%} of the score is kept "
                     f"({total:.2f} → {score:.2f}).")
    lines.append("Hidden checks count toward the score; their details are not shown.")
    return {"score": _round(score), "execution_time": max(0, round(seconds)),
            "output": "\n".join(lines), "output_format": "text", "visibility": "visible",
            "stdout_visibility": "hidden",
            "extra_data": {"edrill": __version__, "assignment": assignment.id,
                           "student": student, "late": late, **(extra or {})},
            "tests": tests}


def failure_results(problem: str, seconds: float) -> dict:
    """results.json when the autograder itself failed: the student is told to ask."""
    return {"score": 0.0, "execution_time": max(0, round(seconds)),
            "output": "The autograder could not grade this submission (a problem on the "
                      "course's side, not in your code): please tell your instructor.",
            "output_format": "text", "visibility": "visible", "stdout_visibility": "hidden",
            "extra_data": {"edrill": __version__, "internal_error": problem[-4000:]},
            "tests": []}


def write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def grade_submission(root: Path) -> tuple[dict, int]:
    """Grade `root/submission` with the autograder of `root/source`; (results, exit)."""
    from grader.batch.store import ResultStore

    start = time.monotonic()
    source = root / "source"
    config = json.loads((source / CONFIG).read_text(encoding="utf-8"))
    if config.get("format") != CONFIG_FORMAT:
        raise RuntimeError(f"{CONFIG} has format {config.get('format')!r}; this edrill "
                           f"reads {CONFIG_FORMAT}: rebuild the zip with `grader gradescope`")
    course = Course((source / COURSE_DIR).resolve())
    assignment = load_assignment(course, config["assignment"])
    try:
        metadata = json.loads((root / "submission_metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        metadata = {}
    student = student_label(metadata)
    submitted_at = _parse_time(metadata.get("created_at") if isinstance(metadata, dict)
                               else None)
    work = Path(tempfile.mkdtemp(prefix="edrill-gradescope-"))
    code = 0
    try:
        subs = work / "submissions"
        problems = collect(root / "submission", assignment.exercises, subs / student)
        db = work / "grades.sqlite"
        graded = [ex for ex in assignment.exercises if ex not in problems]
        batch: dict = {}
        if graded:
            argv = [sys.executable, "-m", "grader.cli.instructor", "--course",
                    str(course.root), "batch", str(subs), "--db", str(db),
                    "--sandbox", str(config.get("sandbox", "none")), "--slots", "1",
                    "--timeout", str(config.get("timeout", 5.0)),
                    "--submission-timeout", str(config.get("submission_timeout", 300.0)),
                    "--exercises", *graded, "--json", "--quiet"]
            proc = subprocess.run(argv, capture_output=True, text=True, cwd=work,
                                  env=dict(os.environ, EDRILL_LANG="en"),
                                  timeout=float(config.get("submission_timeout", 300)) + 120)
            print(proc.stderr, file=sys.stderr, end="")
            if proc.returncode not in (0, 3):
                raise RuntimeError(f"grader batch exited {proc.returncode}: "
                                   f"{proc.stderr.strip()[-2000:]}")
            code = proc.returncode
            try:
                batch = json.loads(proc.stdout)
            except ValueError:
                batch = {}
            store = ResultStore(db, readonly=True)
            try:
                rows = store.results([student])
                checks = [c for c in store.checks() if c["student"] == student]
            finally:
                store.close()
        else:
            rows, checks = [], []
        extra = {"sandbox": config.get("sandbox", "none"),
                 "statuses": {r["exercise"]: r["status"] for r in rows},
                 "batch_seconds": batch.get("seconds")}
        results = make_results(assignment, rows, checks, problems, submitted_at=submitted_at,
                               student=student, seconds=time.monotonic() - start,
                               extra=extra)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return results, code


def run(root: Path) -> int:
    """The body of run_autograder: always leaves a results.json behind."""
    start = time.monotonic()
    out = root / "results" / "results.json"
    try:
        results, code = grade_submission(root)
    except Exception as err:  # ours, not the student's: record it, tell the student to ask
        import traceback

        traceback.print_exc()
        write_json(out, failure_results(f"{type(err).__name__}: {err}",
                                        time.monotonic() - start))
        return 3
    write_json(out, results)
    print(results["output"])
    print(f"score {results['score']}; results in {out}")
    return code


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m grader.gradescope",
                                description="edrill's Gradescope autograder (run_autograder)")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="grade ROOT/submission into ROOT/results/results.json")
    r.add_argument("--root", type=Path, default=None,
                   help=f"the autograder root (default ${ROOT_ENV} or {DEFAULT_ROOT})")
    args = p.parse_args(argv)
    root = args.root or Path(os.environ.get(ROOT_ENV) or DEFAULT_ROOT)
    return run(root)


if __name__ == "__main__":
    sys.exit(main())
