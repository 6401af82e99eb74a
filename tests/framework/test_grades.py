"""Grades: submission times, late penalties, overrides and their audit trail, the sheet,
feedback pages and the CSV / JSON exports.

A real submissions folder graded by the real `grader batch --assignment` (subprocess,
`--sandbox none`), real SQLite files, the real commands as subprocesses.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from html.parser import HTMLParser
from pathlib import Path

import pytest

from grader.assignment import load_assignment
from grader.batch.discover import discover, parse_timestamp
from grader.batch.store import ResultStore
from grader.export import safe_cell
from grader.grades import sheet
from tests.framework.conftest import ROOT, run_cli

ASSIGNMENT = "day3-rnn"
SUBMITTED = ["gradient_clipping", "gru_update", "embedding"]  # of day3-rnn's five
# due 2026-12-15T23:59:00+09:00, 10 % a started day, cutoff 3 days, grace 10 minutes
STUDENTS = {
    "ontime": "2026-12-15 14:00:00.000000 UTC",  # 23:00 in Japan
    "grace": "2026-12-16T00:05:00+09:00",  # inside the 10 minutes of grace
    "late2": "2026-12-17T10:00:00+09:00",  # 1 day 10 h late: 2 started days, keeps 80 %
    "toolate": "2026-12-20T10:00:00+09:00",  # after the cutoff: not accepted
    "nostamp": None,
    "badstamp": "2026-12-16 10:00:00",  # no zone: unreadable, counted on time
}


def write_student(folder: Path, stamp: str | None, wrong: bool = False) -> None:
    folder.mkdir(parents=True)
    for ex in SUBMITTED:
        source = (ROOT / ("exercises" if wrong and ex == "gru_update" else "solutions")
                  / f"{ex}.py").read_text(encoding="utf-8")
        if wrong and ex == "embedding":
            source = source.replace("return", "return 2 *")  # every returned value doubled
        (folder / f"{ex}.py").write_text(source, encoding="utf-8")
    if stamp is not None:
        (folder / "timestamp.txt").write_text(stamp + "\n", encoding="utf-8")


def grader(*args: str, cwd: Path) -> tuple[int, str, str]:
    proc = run_cli("grader", "--course", str(ROOT), *args, cwd=cwd)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> Path:
    """The results file of one `grader batch --assignment` over the students above."""
    base = tmp_path_factory.mktemp("grades")
    subs = base / "submissions"
    for name, stamp in STUDENTS.items():
        write_student(subs / name, stamp, wrong=name == "late2")
    db = base / "grades.sqlite"
    code, out, err = grader("batch", str(subs), "--assignment", ASSIGNMENT, "--db", str(db),
                            "--sandbox", "none", "--quiet", "--json", cwd=base)
    assert code == 0, err
    summary = json.loads(out)
    assert summary["graded_students"] == len(STUDENTS)
    assert summary["submitted_at"]["late2"] == "2026-12-17T10:00:00+09:00"
    assert summary["submitted_at"]["nostamp"] is None
    return db


@pytest.fixture
def db(graded: Path, tmp_path: Path) -> Path:
    """A private copy of the graded results file (tests that write change only theirs)."""
    copy = tmp_path / "grades.sqlite"
    src, dst = sqlite3.connect(graded), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    return copy


def sheet_json(db: Path, assignment: str = ASSIGNMENT) -> dict:
    code, out, err = grader("grades", assignment, "--db", str(db), "--json", cwd=db.parent)
    assert code == 0, err
    data = json.loads(out)
    return {row["student"]: row for row in data["students"]} | {"_": data}


def one_line_error(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    for word in words:
        assert word in err, err


# ---------------------------------------------------------------------- times
def test_timestamps_in_the_formats_named() -> None:
    utc = parse_timestamp("2026-12-15 23:59:00.000000 UTC")
    assert utc.isoformat() == "2026-12-15T23:59:00+00:00"
    assert parse_timestamp("2026-12-15T23:59:00+09:00").utcoffset().total_seconds() == 9 * 3600
    assert parse_timestamp("2026-12-15 23:59:00.5+0900") < utc
    assert parse_timestamp(" 2026-12-15T14:59:00Z\n") == parse_timestamp(
        "2026-12-15T23:59:00+09:00")
    for bad in ("2026-12-15 23:59:00", "yesterday", "2026-12-15 23:59 JST", ""):
        with pytest.raises(ValueError):
            parse_timestamp(bad)


def test_batch_records_each_students_time(graded: Path) -> None:
    store = ResultStore(graded, readonly=True)
    got = store.submissions(ASSIGNMENT)
    store.close()
    assert set(got) == set(STUDENTS)
    assert got["ontime"]["submitted_at"] == "2026-12-15T14:00:00+00:00"
    assert got["ontime"]["source"] == "ontime/timestamp.txt"
    assert got["late2"]["submitted_at"] == "2026-12-17T10:00:00+09:00"
    assert got["nostamp"] == {"student": "nostamp", "assignment": ASSIGNMENT,
                              "submitted_at": None, "source": "no nostamp/timestamp.txt"}
    assert got["badstamp"]["submitted_at"] is None
    assert "no time zone" in got["badstamp"]["source"]


def test_nbgrader_layout_reads_the_assignment_folder_only(tmp_path: Path) -> None:
    def notebook(path: Path, code: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                                    "cells": [{"cell_type": "code", "metadata": {},
                                               "source": code, "outputs": [],
                                               "execution_count": None}]}))

    root = tmp_path / "course"
    notebook(root / "submitted/amy" / ASSIGNMENT / "embedding.ipynb", "x = 1")
    (root / "submitted/amy" / ASSIGNMENT / "timestamp.txt").write_text(
        "2026-12-16 01:00:00.000000 UTC")
    notebook(root / "submitted/amy/day1/gradient_clipping.ipynb", "y = 2")  # another one
    notebook(root / "submitted/ben" / ASSIGNMENT / "embedding.ipynb", "z = 3")
    found = discover(root, SUBMITTED, ASSIGNMENT)
    assert [(s.student, s.exercise) for s in found.submissions] == [("amy", "embedding"),
                                                                    ("ben", "embedding")]
    assert found.timestamps == {
        "amy": ("2026-12-16T01:00:00+00:00", f"amy/{ASSIGNMENT}/timestamp.txt"),
        "ben": (None, f"no ben/{ASSIGNMENT}/timestamp.txt")}
    assert not discover(root, SUBMITTED).timestamps  # without an assignment: none read


# ---------------------------------------------------------------------- the sheet
def test_the_sheet_scales_and_applies_the_late_policy(graded: Path) -> None:
    rows = sheet_json(graded)
    data = rows.pop("_")
    assert list(rows) == sorted(STUDENTS)
    assert data["max_total"] == 60 and data["exercises"]["lstm_cell"] == 20
    for name in ("ontime", "grace", "nostamp", "badstamp"):
        row = rows[name]
        assert (row["days_late"], row["kept_share"], row["accepted"]) == (0, 1.0, True), name
        assert row["total"] == 30, name  # three of five exercises, 10 points each
        assert row["exercises"]["lstm_cell"]["status"] == "missing"
    late = rows["late2"]
    assert (late["days_late"], late["kept_share"], late["accepted"]) == (2, 0.8, True)
    clip = late["exercises"]["gradient_clipping"]
    assert (clip["scaled"], clip["late_penalty"], clip["final"]) == (10, 2, 8)
    emb = late["exercises"]["embedding"]
    assert emb["status"] == "failed" and emb["score"] < emb["max_score"]
    assert emb["final"] == pytest.approx(emb["score"] / emb["max_score"] * 10 * 0.8)
    assert late["exercises"]["gru_update"]["status"] == "unfilled"
    assert late["total"] == pytest.approx(sum(e["final"] for e in late["exercises"].values()))
    gone = rows["toolate"]
    assert (gone["days_late"], gone["accepted"], gone["total"]) == (5, False, 0)
    assert gone["exercises"]["embedding"]["scaled"] == 10  # graded, then not accepted


def test_grades_prints_the_sheet(graded: Path) -> None:
    code, out, err = grader("grades", ASSIGNMENT, "--db", str(graded), cwd=graded.parent)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[1].split() == ["student", "gradient_clipping", "lstm_cell", "gru_update",
                                "bidirectional_concat", "embedding", "total", "late"]
    assert lines[2].split() == ["(max)", "10", "20", "10", "10", "10", "60"]
    by = {line.split()[0]: line for line in lines[3:9]}
    assert by["ontime"].split()[1:7] == ["10", "0-", "10", "0-", "10", "30"]
    assert "2 day(s) late: -20%" in by["late2"]
    assert "5 days late: not accepted" in by["toolate"]
    assert "no time: counted on time" in by["nostamp"]


def test_sheet_function_reads_an_old_file_read_only(graded: Path, tmp_path: Path) -> None:
    """Others call grader.grades.sheet; a results file made before this schema still works
    (read-only: no times, no overrides), and opening it to write migrates it."""
    old = tmp_path / "old.sqlite"
    con = sqlite3.connect(old)
    con.executescript("""
        CREATE TABLE runs (id INTEGER PRIMARY KEY, started REAL, finished REAL, sandbox TEXT,
                           slots INTEGER, course TEXT, argv TEXT);
        CREATE TABLE results (student TEXT, exercise TEXT, content_hash TEXT,
            suite_version TEXT, status TEXT, score INTEGER, max_score INTEGER, message TEXT,
            output TEXT, seconds REAL, graded_at REAL, run_id INTEGER,
            PRIMARY KEY (student, exercise));
        CREATE TABLE checks (student TEXT, exercise TEXT, name TEXT, kind TEXT, status TEXT,
            points INTEGER, max_points INTEGER, message TEXT, seconds REAL,
            PRIMARY KEY (student, exercise, name));
        INSERT INTO results VALUES ('zoe', 'embedding', 'h', 'v', 'passed', 5, 10, '', '', 0,
                                    0, 1);
        INSERT INTO checks VALUES ('zoe', 'embedding', 'test_encode', 'K', 'passed', 2, 2,
                                   '', 0);""")
    con.close()
    course_assignment = load_assignment(_course(), ASSIGNMENT)
    store = ResultStore(old, readonly=True)
    s = sheet(store, course_assignment)
    store.close()
    assert s.students == ["zoe"] and s.rows["zoe"].submitted_at is None
    assert s.rows["zoe"].cells["embedding"].final == 5 and s.rows["zoe"].total == 5
    ResultStore(old).close()  # migrates
    con = sqlite3.connect(old)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    columns = {r[1] for r in con.execute("PRAGMA table_info(checks)")}
    kept = con.execute("SELECT score FROM results").fetchall()
    con.close()
    assert {"submissions", "overrides"} <= tables and "detail" in columns and kept == [(5,)]


def _course():
    from grader.course import find_course
    return find_course(ROOT)


# ---------------------------------------------------------------------- overrides
def test_overrides_win_and_stay_in_an_append_only_trail(db: Path) -> None:
    def override(*args: str) -> tuple[int, str, str]:
        return grader("override", ASSIGNMENT, *args, "--db", str(db), cwd=db.parent)

    code, out, err = override("late2", "embedding", "9", "--reason",
                              "appeal: tolerance of the float comparison", "--who", "prof-a")
    assert code == 0, err
    assert "late2 embedding" in out and "-> 9 of 10" in out
    assert sheet_json(db)["late2"]["exercises"]["embedding"]["final"] == 9
    code, _, err = override("late2", "embedding", "7.5", "--reason", "second look")
    assert code == 0, err
    emb = sheet_json(db)["late2"]["exercises"]["embedding"]
    assert emb["final"] == 7.5 and emb["override"]["reason"] == "second look"
    code, _, err = override("toolate", "gradient_clipping", "10", "--reason",
                            "medical certificate: accepted late")
    assert code == 0, err
    rows = sheet_json(db)
    assert rows["toolate"]["total"] == 10 and rows["toolate"]["accepted"] is False
    code, _, err = override("late2", "embedding", "--clear", "--reason", "withdrawn")
    assert code == 0, err
    emb = sheet_json(db)["late2"]["exercises"]["embedding"]
    assert emb["override"] is None and emb["final"] == pytest.approx(
        emb["score"] / emb["max_score"] * 8)

    code, out, err = grader("grades", ASSIGNMENT, "--db", str(db), "--audit", cwd=db.parent)
    assert code == 0, err
    trail = out.splitlines()
    assert len(trail) == 4 and [t.split()[0] for t in trail] == ["#1", "#2", "#3", "#4"]
    assert "prof-a: late2 embedding -> 9 — appeal" in trail[0]
    assert "cleared" in trail[3] and "withdrawn" in trail[3]
    code, out, _ = grader("grades", ASSIGNMENT, "--db", str(db), cwd=db.parent)
    assert "toolate gradient_clipping: 10 (was 0) — medical certificate" in out

    con = sqlite3.connect(db)
    for statement in ("DELETE FROM overrides", "UPDATE overrides SET score = 0"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute(statement)
    assert con.execute("SELECT count(*) FROM overrides").fetchone() == (4,)
    con.close()


@pytest.mark.parametrize(("args", "words"), [
    (["late2", "embedding", "11", "--reason", "x"], ["from 0 to 10", "embedding"]),
    (["late2", "embedding", "nan", "--reason", "x"], ["from 0 to 10"]),
    (["late2", "embedding", "5", "--reason", "  "], ["--reason is empty"]),
    (["late2", "embedding", "--reason", "x"], ["--clear"]),
    (["late2", "embedding", "5", "--clear", "--reason", "x"], ["--clear"]),
    (["nobody", "embedding", "5", "--reason", "x"], ["no student 'nobody'", "late2"]),
    (["late2", "conv_output_size", "5", "--reason", "x"], ["not an exercise of day3-rnn"]),
])
def test_bad_overrides_are_refused_and_nothing_is_written(db: Path, args: list[str],
                                                          words: list[str]) -> None:
    code, _, err = grader("override", ASSIGNMENT, *args, "--db", str(db), cwd=db.parent)
    one_line_error(code, err, *words)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM overrides").fetchone() == (0,)
    con.close()


@pytest.mark.parametrize("command", [
    ["grades", ASSIGNMENT], ["override", ASSIGNMENT, "late2", "embedding", "1", "--reason", "x"],
    ["feedback", ASSIGNMENT, "pages"], ["export", ASSIGNMENT, "--csv", "out.csv"]])
def test_a_missing_results_file_or_assignment_is_named(tmp_path: Path, graded: Path,
                                                       command: list[str]) -> None:
    code, _, err = grader(*command, "--db", str(tmp_path / "none.sqlite"), cwd=tmp_path)
    one_line_error(code, err, "no results file", "grader batch")
    assert not (tmp_path / "none.sqlite").exists()
    bad = [command[0], "day9-nope", *command[2:]]
    code, _, err = grader(*bad, "--db", str(graded), cwd=tmp_path)
    one_line_error(code, err, "no assignment 'day9-nope'", "day3-rnn")


def test_batch_refuses_an_unknown_assignment(tmp_path: Path) -> None:
    (tmp_path / "subs").mkdir()
    code, _, err = grader("batch", str(tmp_path / "subs"), "--assignment", "nope", "--db",
                          str(tmp_path / "g.sqlite"), "--sandbox", "none", cwd=tmp_path)
    one_line_error(code, err, "no assignment 'nope'")


# ---------------------------------------------------------------------- feedback
class Page(HTMLParser):
    """The text of a page, and every tag and attribute that could reach the network."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.text: list[str] = []
        self.remote: list[str] = []
        self.checks: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "link", "img", "iframe", "object", "embed"):
            self.remote.append(tag)
        self.remote += [v for k, v in attrs.items() if k in ("src", "href") and v]
        if "data-check" in attrs:
            self.checks.append(attrs["data-check"])

    def handle_data(self, data):
        self.text.append(data)

    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def plant_hidden(db: Path) -> None:
    """Rows as the hidden suites (H3) store them, each carrying a secret."""
    con = sqlite3.connect(db)
    have = {r[1] for r in con.execute("PRAGMA table_info(checks)")}
    if "hidden" not in have:
        con.execute("ALTER TABLE checks ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0")
    secret = json.dumps({"title": {"en": "SECRET-TITLE", "ja": "SECRET-TITLE"},
                         "message": {"en": "SECRET-MESSAGE tests/hidden/test_embedding.py",
                                     "ja": "SECRET-MESSAGE"},
                         "expected": "SECRET-EXPECTED", "got": "SECRET-GOT"})
    con.executemany(
        "INSERT INTO checks (student, exercise, name, kind, status, points, max_points, "
        "message, seconds, detail, hidden) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [("late2", "embedding", "test_hidden_random_SECRET", "R", "failed", 0, 3,
          "SECRET-MESSAGE", 0.0, secret, 1),
         # not flagged hidden, but not a test of the public suite either: hidden all the same
         ("late2", "embedding", "test_unknown_SECRET", "R", "passed", 2, 2, "", 0.0, secret,
          0)])
    # the exercise's own message is its first failing check's: maybe a hidden one's
    con.execute("UPDATE results SET message = 'SECRET-FIRST-FAILURE' WHERE student = 'late2' "
                "AND exercise = 'embedding'")
    # an internal error whose text went through a hidden suite
    con.execute("UPDATE results SET status = 'error', suite_version = '', message = "
                "'Traceback: tests/hidden/test_gradient_clipping.py SECRET-TRACE' WHERE "
                "student = 'late2' AND exercise = 'gradient_clipping'")
    con.commit()
    con.close()


def feedback(db: Path, assignment: str, lang: str, *extra: str) -> dict[str, str]:
    out = db.parent / f"pages-{lang}"
    code, stdout, err = grader("feedback", assignment, str(out), "--db", str(db), "--lang",
                               lang, *extra, cwd=db.parent)
    assert code == 0, err
    assert f"wrote {len(list(out.iterdir()))} feedback page(s)" in stdout
    return {p.stem: p.read_text(encoding="utf-8") for p in out.iterdir()}


def test_feedback_pages_show_visible_checks_and_never_hidden_ones(db: Path) -> None:
    code, _, err = grader("override", ASSIGNMENT, "late2", "embedding", "6", "--reason",
                          "REASON-partial credit for the encoder", "--db", str(db),
                          cwd=db.parent)
    assert code == 0, err
    plant_hidden(db)
    pages = feedback(db, ASSIGNMENT, "en")
    assert sorted(pages) == sorted(STUDENTS)
    for html in pages.values():
        page = Page(html)
        assert not page.remote, page.remote  # self-contained: nothing to fetch
        assert "SECRET" not in html and "tests/hidden" not in html
    late = Page(pages["late2"])
    text = late.all_text()
    assert "late2" in text and "2 day(s) late: 80% of the score is kept" in text
    assert "Late penalty" in text and "REASON-partial credit for the encoder" in text
    assert "Instructor's override: 6 / 10" in text
    # a visible failing check: its message, expected and got
    assert "test_forward_values" in late.checks
    assert "values differ from the expected ones" in text
    assert "expected:" in text and "got:" in text and "[[10., 11., 12., 13., 14.]," in text
    # hidden checks: counted, with their points, never named
    con = sqlite3.connect(db)
    hidden = con.execute(  # the hidden suite's own checks, the planted ones, the unknown one
        "SELECT count(*), sum(points), sum(max_points) FROM checks WHERE student = 'late2' "
        "AND exercise = 'embedding' AND (hidden = 1 OR name = 'test_unknown_SECRET')"
        ).fetchone()
    con.close()
    assert hidden[0] >= 2  # the planted two, and the real hidden suite's checks
    assert f"{hidden[0]} hidden check(s), not shown: {hidden[1]} of {hidden[2]} points" in text
    assert not [c for c in late.checks if "SECRET" in c]
    assert "The grader itself failed on this exercise; it will be graded again." in text
    assert "not filled in" in text  # gru_update, the stub
    assert "cutoff: not accepted, 0 points" in Page(pages["toolate"]).all_text()
    assert "counted as on time" in Page(pages["nostamp"]).all_text()
    assert "Total 30 / 60" in Page(pages["ontime"]).all_text()

    ja = feedback(db, ASSIGNMENT, "ja", "--students", "late2")
    assert list(ja) == ["late2"]
    text = Page(ja["late2"]).all_text()
    assert "<html lang=\"ja\">" in ja["late2"] and "SECRET" not in ja["late2"]
    for word in ("2 日遅れ", "遅延減点", "教員による変更", "期待値:", "実際:",
                 "非公開のチェック 2 件", "個の値のうち"):  # the check message in Japanese
        assert word in text, word


def test_after_due_date_checks_wait_for_the_due_date(db: Path, tmp_path: Path) -> None:
    def assignment(due: str) -> Path:
        folder = tmp_path / due[:4]
        folder.mkdir()
        text = (ROOT / "assignments" / f"{ASSIGNMENT}.toml").read_text(encoding="utf-8")
        text = text.replace("due = 2026-12-15T23:59:00+09:00", f"due = {due}")
        text += 'embedding.test_forward_values = "after_due_date"\n'
        text += 'embedding.test_encode = "hidden"\n'
        path = folder / f"{ASSIGNMENT}.toml"
        path.write_text(text, encoding="utf-8")
        return path

    before = Page(feedback(db, str(assignment("2099-01-01T00:00:00+09:00")), "en")["late2"])
    assert "test_forward_values" not in before.checks and "test_encode" not in before.checks
    assert "1 check(s) shown after the due date: 0 of 2 points" in before.all_text()
    con = sqlite3.connect(db)  # the hidden suite's checks, and test_encode made hidden here
    hidden = con.execute("SELECT count(*), sum(points), sum(max_points) FROM checks WHERE "
                         "student = 'late2' AND exercise = 'embedding' AND (hidden = 1 OR "
                         "name = 'test_encode')").fetchone()
    con.close()
    assert hidden[0] >= 2
    assert (f"{hidden[0]} hidden check(s), not shown: {hidden[1]} of {hidden[2]} points"
            in before.all_text())
    shutil.rmtree(db.parent / "pages-en")
    after = Page(feedback(db, str(assignment("2020-01-01T00:00:00+09:00")), "en")["late2"])
    assert "test_forward_values" in after.checks and "test_encode" not in after.checks
    assert "[[10., 11., 12., 13., 14.]," in after.all_text()


def test_feedback_refuses_a_file_as_its_folder(db: Path) -> None:
    (db.parent / "taken").write_text("x")
    code, _, err = grader("feedback", ASSIGNMENT, str(db.parent / "taken"), "--db", str(db),
                          cwd=db.parent)
    one_line_error(code, err, "is a file")
    code, _, err = grader("feedback", ASSIGNMENT, str(db.parent / "p"), "--db", str(db),
                          "--students", "ghost", cwd=db.parent)
    one_line_error(code, err, "no result for ghost")
    assert not (db.parent / "p").exists()


# ---------------------------------------------------------------------- exports
def test_export_csv_for_an_lms_and_json_per_student(db: Path) -> None:
    grader("override", ASSIGNMENT, "late2", "embedding", "6", "--reason", "appeal", "--db",
           str(db), cwd=db.parent)
    out = db.parent / "export"
    out.mkdir()
    code, stdout, err = grader("export", ASSIGNMENT, "--csv", str(out / "grades.csv"),
                               "--json", str(out / "students"), "--db", str(db),
                               cwd=db.parent)
    assert code == 0, err
    raw = (out / "grades.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == len(STUDENTS) + 1
    table = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
    assert table[0] == ["student", "gradient_clipping", "lstm_cell", "gru_update",
                        "bidirectional_concat", "embedding", "total"]
    assert len(table) == len(STUDENTS) + 1 and all(len(r) == 7 for r in table)
    rows = {r[0]: [float(x) for x in r[1:]] for r in table[1:]}
    assert set(rows) == set(STUDENTS)
    for values in rows.values():
        assert values[-1] == pytest.approx(sum(values[:-1]), abs=0.011)
    assert rows["ontime"] == [10, 0, 10, 0, 10, 30]
    assert rows["late2"][0] == 8 and rows["late2"][4] == 6  # late; overridden
    assert rows["toolate"] == [0] * 6
    files = sorted(p.name for p in (out / "students").iterdir())
    assert files == sorted(f"{s}.json" for s in STUDENTS)
    late = json.loads((out / "students" / "late2.json").read_text(encoding="utf-8"))
    assert late == sheet_json(db)["late2"]
    assert late["exercises"]["embedding"]["override"]["reason"] == "appeal"
    assert "message" not in json.dumps(late)  # grades only, never a check's text
    assert not [p for p in out.rglob(".*")]  # no temporary file left behind


def test_export_errors_name_the_fix(db: Path) -> None:
    code, _, err = grader("export", ASSIGNMENT, "--db", str(db), cwd=db.parent)
    one_line_error(code, err, "--csv FILE", "--json DIR")
    code, _, err = grader("export", ASSIGNMENT, "--csv", str(db.parent / "no/such/x.csv"),
                          "--db", str(db), cwd=db.parent)
    one_line_error(code, err, "does not exist", "create it first")
    code, _, err = grader("export", ASSIGNMENT, "--csv", str(db.parent), "--db", str(db),
                          cwd=db.parent)
    one_line_error(code, err, "is a folder")


def test_a_student_name_is_never_a_spreadsheet_formula() -> None:
    assert safe_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert safe_cell("+1") == "'+1" and safe_cell("alice") == "alice"
