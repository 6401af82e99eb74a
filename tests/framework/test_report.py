"""`grader report`: the class report from a real `grader batch` results file, checked in
headless Chromium (the page's DOM and a screenshot are kept under EDRILL_ARTIFACTS).

The data: a generated submissions folder — correct, wrong, unfilled, crashing at import
(with HTML in its exception text), looping in a call and at import, and a symbolic link —
graded by the real CLI with `--sandbox none` into a real SQLite file.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from grader.classreport import collect, score_histogram
from grader.course import find_course
from tests.framework.conftest import ROOT, run_cli

EXERCISES = ["conv_output_size", "gradient_clipping", "embedding"]
DIV = ("return (H + 2*P - FH) // S + 1", "return (H + 2*P - FH) / S + 1")
CLIP = ("return grad * rate", "return grad * threshold")
LOOP = ("return grad * rate", "while True:\n            pass")
EVIL = "raise RuntimeError('<script>alert(1)</script> boom')\n"


def source(ex: str, folder: str = "solutions") -> str:
    return (ROOT / folder / f"{ex}.py").read_text(encoding="utf-8")


def replaced(ex: str, old_new: tuple[str, str]) -> str:
    text = source(ex)
    assert old_new[0] in text
    return text.replace(*old_new)


def make_submissions(root: Path) -> dict[str, dict[str, str | None]]:
    """Student -> exercise -> file text (None: a symbolic link instead of the file)."""
    students = {
        "good-a": {}, "good-b": {},
        "wrong-div-a": {"conv_output_size": replaced("conv_output_size", DIV)},
        "wrong-div-b": {"conv_output_size": replaced("conv_output_size", DIV)},
        "wrong-clip": {"gradient_clipping": replaced("gradient_clipping", CLIP)},
        "stub": {ex: source(ex, "exercises") for ex in EXERCISES},
        "crash": {"embedding": EVIL},
        "loop": {"gradient_clipping": replaced("gradient_clipping", LOOP)},
        "loop-import": {"conv_output_size": "while True:\n    pass\n"},
        "symlink": {"embedding": None},
    }
    for name, files in students.items():
        folder = root / name
        folder.mkdir(parents=True)
        for ex in EXERCISES:
            text = files.get(ex, source(ex))
            if text is None:
                (folder / f"{ex}.py").symlink_to(ROOT / "solutions" / f"{ex}.py")
            else:
                (folder / f"{ex}.py").write_text(text, encoding="utf-8")
    return students


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> Path:
    """The results file of a real `grader batch --sandbox none` over the generated folder."""
    work = tmp_path_factory.mktemp("report")
    make_submissions(work / "submissions")
    db = work / "grades.sqlite"
    proc = run_cli("grader", "batch", str(work / "submissions"), "--db", str(db),
                   "--sandbox", "none", "--submission-timeout", "60",
                   "--json", "--quiet", cwd=work)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["graded_students"] == 10
    assert summary["statuses"] == {"passed": 20, "failed": 3, "unfilled": 3, "error": 2,
                                   "timeout": 2}, summary
    return db


def report(db: Path, *extra: str, cwd: Path | None = None):
    return run_cli("grader", "report", "--db", str(db), *extra, cwd=cwd or db.parent)


def test_the_numbers_of_the_report(graded):
    con = sqlite3.connect(f"file:{graded}?mode=ro", uri=True)
    r = collect(con, find_course(ROOT), db_name=str(graded))
    con.close()
    by = {e.id: e for e in r.exercises}
    assert [e.id for e in r.exercises] == EXERCISES  # the course's order
    assert by["conv_output_size"].counts == {"passed": 6, "failed": 2, "unfilled": 1,
                                             "timeout": 1}
    assert by["gradient_clipping"].counts == {"passed": 7, "failed": 1, "unfilled": 1,
                                              "timeout": 1}
    assert by["embedding"].counts == {"passed": 7, "unfilled": 1, "error": 2}
    assert by["embedding"].pass_rate == pytest.approx(0.7)
    scores = {s.student: (s.score, s.max_score) for s in r.students}
    # the exercises' points, and the hidden suites' (tests/hidden) of two of them
    top = sum(sum(c.max_points for c in r.checks if c.exercise == ex) for ex in EXERCISES)
    assert top > 30
    assert scores["good-a"] == (top, top) and scores["stub"] == (0, top)
    embedding = sum(c.max_points for c in r.checks if c.exercise == "embedding")
    assert scores["crash"] == (top - embedding, top)
    counts, edges = score_histogram(r)
    assert sum(counts) == 10 and counts[-1] == 2 and counts[0] == 1 and edges[-1] == 100
    checks = {(c.exercise, c.name): c for c in r.checks}
    shape = checks["gradient_clipping", "test_shape_and_dtype"]
    assert (shape.passed, shape.total) == (8, 10)  # wrong-clip keeps the shape
    # the symlinked embedding has no check rows: it counts as not passed, out of 10
    assert checks["embedding", "test_encode"].total == 10
    assert checks["embedding", "test_encode"].passed == 7
    top = r.failures[0]
    assert top.exercise == "conv_output_size" and top.students == 2 and top.occurrences == 8
    assert "expected a Python int, got float" in top.message and top.likely
    assert len(top.checks) == 4 and top.statuses == ["failed"]
    assert {(p.student, p.exercise, p.status) for p in r.problems} == {
        ("crash", "embedding", "error"), ("symlink", "embedding", "error"),
        ("loop", "gradient_clipping", "timeout"), ("loop-import", "conv_output_size", "timeout")}
    assert not any(p.internal for p in r.problems)


PROBES = {
    "plots": "[...document.querySelectorAll('svg.plot')].map(s => {"
             " const b = s.getBoundingClientRect(); return [s.classList[1], b.width, b.height] })",
    "histogram": "[...document.querySelectorAll('svg.histogram rect.bar')]"
                 ".map(r => Number(r.dataset.count))",
    "exercise_bars": "[...document.querySelectorAll('#exercises svg g.row')].map(g =>"
                     " [g.dataset.label, [...g.querySelectorAll('rect.bar')].map("
                     "r => r.getAttribute('fill'))])",
    "check_rows": "document.querySelectorAll('#checks svg g.row').length",
    "scripts": "document.scripts.length",
    "summary": "document.getElementById('summary').innerText",
    "problems": "[...document.querySelectorAll('#problems tr')].slice(1).map(tr =>"
                " [...tr.cells].slice(0, 3).map(td => td.innerText.trim()))",
    "evil_text": "document.getElementById('problems').innerText.includes("
                 "'<script>alert(1)</script>')",
    "first_failure": "document.querySelector('#failures tr:nth-child(2)').innerText",
    "overflow": "document.documentElement.scrollWidth <= window.innerWidth",
}


def test_the_page_in_headless_chromium(graded, chromium, tmp_path):
    out = tmp_path / "report.html"
    proc = report(graded, "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == (f"wrote {out}: 10 students, 30 submissions, 4 timed out "
                                   "or not gradable")
    page = chromium.render(out, "class-report", probes=PROBES)
    p = page.probes
    assert page.screenshot.is_file() and page.screenshot.stat().st_size > 10_000
    assert page.dom_path.is_file()
    # self-contained: nothing fetched, nothing broken, no script at all
    assert page.requests_elsewhere == [] and page.errors == [], (page.requests, page.errors)
    assert p["scripts"] == 0 and p["overflow"]
    # three plots, drawn at a real size
    assert [kind for kind, *_ in p["plots"]] == ["histogram", "hbars", "hbars"]
    assert all(w > 300 and h > 150 for _, w, h in p["plots"]), p["plots"]
    assert sum(p["histogram"]) == 10 and len(p["histogram"]) == 10
    bars = dict(p["exercise_bars"])
    assert list(bars) == EXERCISES
    assert bars["embedding"] == ["#2e9e5b", "#a0a4ab", "#e8912d"]  # passed, unfilled, error
    assert p["check_rows"] == 14 + 5  # the public checks and the hidden suites' 5
    assert "10\nstudents" in p["summary"] and "4\ntimed out or not gradable" in p["summary"]
    assert sorted(map(tuple, p["problems"])) == sorted([
        ("crash", "embedding", "error"), ("symlink", "embedding", "error"),
        ("loop", "gradient_clipping", "timeout"),
        ("loop-import", "conv_output_size", "timeout")])
    # a student's exception text is shown as text, never run as markup
    assert p["evil_text"] and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.dom
    assert "expected a Python int, got float" in p["first_failure"]


def test_an_assignment_scopes_and_scales_the_report(graded, tmp_path, chromium):
    toml = tmp_path / "rnn-mini.toml"
    toml.write_text('id = "rnn-mini"\ntitle = "RNN mini"\ndue = 2026-12-15T23:59:00+09:00\n'
                    'exercises = ["gradient_clipping", "embedding"]\n'
                    '[points]\nembedding = 30\n', encoding="utf-8")
    out = tmp_path / "mini.html"
    proc = report(graded, "--assignment", str(toml), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    page = chromium.render(out, "class-report-assignment", probes={
        "title": "document.querySelector('h1').innerText",
        "scores": "Object.fromEntries([...document.querySelectorAll('#distribution tr')]"
                  ".slice(1).map(tr => [tr.cells[0].textContent, tr.cells[1].textContent]))",
        "exercises": "[...document.querySelectorAll('#exercises svg g.row')]"
                     ".map(g => g.dataset.label)"})
    assert page.probes["title"] == "Class report — RNN mini"
    assert page.probes["exercises"] == ["gradient_clipping", "embedding"]
    scores = page.probes["scores"]
    assert scores["good-a"] == "40 / 40" and scores["crash"] == "10 / 40"
    # wrong-clip: the shape check (1 of gradient_clipping's 13 points with its hidden suite)
    # scaled to the assignment's 10, and embedding's 30
    assert scores["wrong-clip"] == "30.77 / 40"


def test_bad_input_is_one_line_exit_2_and_never_a_lost_page(graded, tmp_path):
    out = tmp_path / "report.html"
    out.write_text("the previous report", encoding="utf-8")
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database at all" * 100)
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).executescript(
        "CREATE TABLE results (student TEXT, exercise TEXT, content_hash TEXT, "
        "suite_version TEXT, status TEXT, score INTEGER, max_score INTEGER, message TEXT, "
        "output TEXT, seconds REAL, graded_at REAL, run_id INTEGER);")
    cases = {
        "run `grader batch` first": report(tmp_path / "missing.sqlite", "--out", str(out)),
        "is not a usable results file": report(garbage, "--out", str(out)),
        "holds no results": report(empty, "--out", str(out)),
        "no assignment 'nope'": report(graded, "--assignment", "nope", "--out", str(out)),
        "does not exist: create": report(graded, "--out", str(tmp_path / "no" / "r.html")),
        "is a folder": report(graded, "--out", str(tmp_path)),
    }
    # a folder nobody can create files in, root included
    cases["cannot write /proc/r.html"] = report(graded, "--out", "/proc/r.html")
    for needle, proc in cases.items():
        assert proc.returncode == 2, (needle, proc.stdout, proc.stderr)
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and needle in lines[0], (needle, proc.stderr)
        assert "Traceback" not in proc.stderr
    assert out.read_text(encoding="utf-8") == "the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite", "garbage.sqlite",
                                                          "report.html"]


def test_hidden_checks_and_internal_errors_are_marked(graded, tmp_path, chromium):
    """A results file with the hidden-checks column (tests/hidden suites) and a row our own
    error left for the next run (empty suite version)."""
    db = tmp_path / "copy.sqlite"
    src = sqlite3.connect(f"file:{graded}?mode=ro", uri=True)
    dst = sqlite3.connect(db)
    src.backup(dst)
    src.close()
    dst.executescript(
        "UPDATE checks SET hidden = 1 WHERE exercise = 'embedding' AND name = 'test_encode';"
        "UPDATE results SET status = 'error', score = 0, suite_version = '', message = "
        "'internal error: the grader failed' WHERE student = 'good-b' "
        "AND exercise = 'gradient_clipping';")
    dst.commit()
    dst.close()
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    r = collect(con, find_course(ROOT), db_name=str(db))
    con.close()
    hidden = [(c.exercise, c.name) for c in r.checks if c.hidden]
    assert ("embedding", "test_encode") in hidden
    assert all(name == "test_encode" or name.startswith("test_hidden_") for _, name in hidden)
    marks = [c.hidden for c in r.checks if c.exercise == "embedding"]
    assert marks == sorted(marks)  # hidden checks after the visible ones
    internal = [p for p in r.problems if p.internal]
    assert [(p.student, p.exercise) for p in internal] == [("good-b", "gradient_clipping")]
    out = tmp_path / "r.html"
    assert report(db, "--out", str(out)).returncode == 0
    page = chromium.render(out, "class-report-hidden", probes={
        "labels": "[...document.querySelectorAll('#checks svg g.row')].map(g => g.dataset.label)",
        "internal": "document.getElementById('problems').innerText"})
    assert "embedding · test_encode (hidden)" in page.probes["labels"]
    assert "internal error: graded again by the next run" in page.probes["internal"]
