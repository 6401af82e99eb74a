"""The results store: one SQLite file, written by the batch's parent process alone.

Schema as fixed by ISSUE4.md: `runs` (one row per `grader batch`), `results` (one row per
student × exercise) and `checks` (one row per check of it). WAL mode; every row of one
student goes in ONE transaction after that student is graded, so killing the batch at any
moment leaves each student's rows either all there or not there at all. A re-run skips a
(student, exercise) whose stored content hash and suite version match the submission's;
a changed file or a changed suite is graded again.

`suite_version` is a hash over the exercise's suite (and its hidden suite, when it has one),
its solution and the framework's grading code (grader/checks.py, fixtures.py, verify.py and
grader/harness/): a new edrill whose harness trains differently regrades everyone once.
A row whose grading hit an internal error (ours, not the student's) is stored with an
empty suite version, so the next run grades it again.

Hidden checks (grader.hidden): `results.seed` is the seed of the exercise's hidden checks
(NULL without a hidden suite), kept so a regrade or an appeal replays the same inputs, and
`checks.hidden` is 1 for a check of `tests/hidden/`. A file made before these columns
existed gets them when it is opened for writing (`migrate`).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import grader.checks
from grader.course import Course

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, started REAL, finished REAL,
                                 sandbox TEXT, slots INTEGER, course TEXT, argv TEXT);
CREATE TABLE IF NOT EXISTS results (student TEXT, exercise TEXT, content_hash TEXT,
                                    suite_version TEXT, status TEXT, score INTEGER,
                                    max_score INTEGER, message TEXT, output TEXT,
                                    seconds REAL, graded_at REAL, run_id INTEGER,
                                    seed INTEGER,
                                    PRIMARY KEY (student, exercise));
CREATE TABLE IF NOT EXISTS checks (student TEXT, exercise TEXT, name TEXT, kind TEXT,
                                   status TEXT, points INTEGER, max_points INTEGER,
                                   message TEXT, seconds REAL,
                                   hidden INTEGER NOT NULL DEFAULT 0,
                                   PRIMARY KEY (student, exercise, name));
CREATE TABLE IF NOT EXISTS submissions (student TEXT, assignment TEXT, submitted_at TEXT,
                                        source TEXT, PRIMARY KEY (student, assignment));
CREATE TABLE IF NOT EXISTS overrides (id INTEGER PRIMARY KEY, student TEXT, assignment TEXT,
                                      exercise TEXT, score REAL, reason TEXT NOT NULL,
                                      who TEXT, at TEXT);
CREATE TRIGGER IF NOT EXISTS overrides_append_only_update BEFORE UPDATE ON overrides
BEGIN SELECT RAISE(ABORT, 'overrides are an append-only audit trail'); END;
CREATE TRIGGER IF NOT EXISTS overrides_append_only_delete BEFORE DELETE ON overrides
BEGIN SELECT RAISE(ABORT, 'overrides are an append-only audit trail'); END;
"""
RESULT_COLUMNS = ("student", "exercise", "content_hash", "suite_version", "status", "score",
                  "max_score", "message", "output", "seconds", "graded_at", "run_id", "seed")
CHECK_COLUMNS = ("student", "exercise", "name", "kind", "status", "points", "max_points",
                 "message", "seconds", "hidden", "detail")
SUBMISSION_COLUMNS = ("student", "assignment", "submitted_at", "source")
OVERRIDE_COLUMNS = ("id", "student", "assignment", "exercise", "score", "reason", "who", "at")
# columns added after the first schema: (table, column, declaration) — ALTERed into older files
ADDED_COLUMNS = (("results", "seed", "INTEGER"),
                 ("checks", "hidden", "INTEGER NOT NULL DEFAULT 0"),
                 ("checks", "detail", "TEXT"))
STATUSES = ("passed", "failed", "unfilled", "error", "timeout")


class StoreError(Exception):
    """The results file cannot be used; the message names the file and the fix."""


GRADER = Path(grader.checks.__file__).parent
GRADING_CODE = ("checks.py", "fixtures.py", "verify.py")
"""The framework's modules whose code decides a verdict, besides every harness module."""


def versioned_files(course: Course, ex_id: str) -> list[Path]:
    """What a grade of the exercise depends on: its suite file (and hidden suite), its
    solution file, and the framework's grading code: grader/checks.py, fixtures.py,
    verify.py and every module of grader/harness/ (a harness that trains differently
    changes verdicts as surely as a suite does)."""
    paths = [course.suite(ex_id), course.solutions_dir / f"{ex_id}.py"]
    hidden = course.root / "tests" / "hidden" / f"test_{ex_id}.py"
    if hidden.is_file():
        paths.insert(1, hidden)
    paths += [GRADER / name for name in GRADING_CODE]
    return paths + sorted((GRADER / "harness").glob("*.py"))


def suite_version(course: Course, ex_id: str) -> str:
    """sha256 over `versioned_files`: names and contents (a missing file counts as such)."""
    digest = hashlib.sha256()
    for path in versioned_files(course, ex_id):
        digest.update(str(path.name).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<missing>")
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass
class Stored:
    content_hash: str
    suite_version: str
    seed: int | None = None


class ResultStore:
    """The SQLite results file of a batch."""

    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = Path(path)
        self._lock_fd: int | None = None
        try:
            if readonly:
                if not self.path.is_file():
                    raise StoreError(f"no results file {self.path}: run `grader batch` first")
                self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                          isolation_level=None)
            else:
                self._lock()
                self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=FULL")
                self.db.executescript(SCHEMA)
                migrate(self.db)
            self.db.execute("SELECT count(*) FROM results").fetchone()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path} is not a usable results file ({err}): name "
                             "another file with --db") from None

    def _has(self, table: str, column: str | None = None) -> bool:
        """Whether the file has `table` (and its `column`): a read-only older file may not."""
        names = {row[1] for row in self.db.execute(f"PRAGMA table_info({table})")}
        return bool(names) and (column is None or column in names)

    def _lock(self) -> None:
        """One writing batch per results file: a second one would grade the same students.

        An flock on the file itself, taken before SQLite opens it and released after SQLite
        has closed it (closing another descriptor of the file while SQLite holds its POSIX
        locks would drop them).
        """
        try:
            self._lock_fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as err:
            raise StoreError(f"cannot open the results file {self.path}: {err.strerror}: "
                             "name another file with --db") from None
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._lock_fd)
            self._lock_fd = None
            raise StoreError(f"another `grader batch` is writing to {self.path}: wait for it "
                             "to finish, or name another file with --db") from None

    def lock_fds(self) -> list[int]:
        """Descriptors a forked slot closes, so the lock ends with the parent."""
        return [self._lock_fd] if self._lock_fd is not None else []

    def close(self) -> None:
        self.db.close()
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    # ------------------------------------------------------------------ runs
    def start_run(self, sandbox: str, slots: int, course: str, argv: list[str]) -> int:
        with self.transaction():
            cur = self.db.execute(
                "INSERT INTO runs (started, sandbox, slots, course, argv) VALUES (?,?,?,?,?)",
                (time.time(), sandbox, slots, course, json.dumps(argv)))
        return int(cur.lastrowid)

    def finish_run(self, run_id: int) -> None:
        with self.transaction():
            self.db.execute("UPDATE runs SET finished = ? WHERE id = ?", (time.time(), run_id))

    # ------------------------------------------------------------------ results
    def stored(self) -> dict[tuple[str, str], Stored]:
        """What is graded already: (student, exercise) -> hashes."""
        rows = self.db.execute("SELECT student, exercise, content_hash, suite_version, "
                               f"{self._column('results', 'seed')} FROM results")
        return {(s, e): Stored(h or "", v or "", seed) for s, e, h, v, seed in rows}

    def _column(self, table: str, column: str) -> str:
        """`column`, or NULL AS it in a read-only file made before it existed."""
        have = {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}
        return column if column in have else f"NULL AS {column}"

    def _select(self, table: str, columns: tuple[str, ...]) -> str:
        return ", ".join(self._column(table, c) for c in columns)

    def transaction(self):
        return _Transaction(self.db)

    def write_student(self, student: str, rows: list[dict], run_id: int) -> None:
        """All rows of one graded student (each with its `checks`), in one transaction."""
        with self.transaction():
            for row in rows:
                key = (student, row["exercise"])
                self.db.execute("DELETE FROM checks WHERE student = ? AND exercise = ?", key)
                values = dict(row, student=student, run_id=run_id)
                self.db.execute(
                    f"INSERT OR REPLACE INTO results ({', '.join(RESULT_COLUMNS)}) "
                    f"VALUES ({', '.join('?' * len(RESULT_COLUMNS))})",
                    [values.get(c) for c in RESULT_COLUMNS])
                self.db.executemany(
                    f"INSERT OR REPLACE INTO checks ({', '.join(CHECK_COLUMNS)}) "
                    f"VALUES ({', '.join('?' * len(CHECK_COLUMNS))})",
                    [[dict(check, student=student, exercise=row["exercise"],
                           hidden=int(bool(check.get("hidden")))).get(c)
                      for c in CHECK_COLUMNS] for check in row.get("checks", [])])

    def forget(self, student: str, exercises: list[str]) -> None:
        """Drop the rows of exercises a student no longer submits (one transaction)."""
        with self.transaction():
            for ex_id in exercises:
                self.db.execute("DELETE FROM checks WHERE student = ? AND exercise = ?",
                                (student, ex_id))
                self.db.execute("DELETE FROM results WHERE student = ? AND exercise = ?",
                                (student, ex_id))

    def results(self, students: list[str] | None = None) -> list[dict]:
        """The stored result rows (of `students`), ordered by student."""
        cur = self.db.execute(f"SELECT {self._select('results', RESULT_COLUMNS)} FROM results "
                              "ORDER BY student, rowid")
        rows = [dict(zip(RESULT_COLUMNS, r, strict=True)) for r in cur]
        if students is not None:
            wanted = set(students)
            rows = [r for r in rows if r["student"] in wanted]
        return rows

    def checks(self) -> list[dict]:
        """Every stored check (`hidden` as 0/1, `detail` None in rows stored before it)."""
        cur = self.db.execute(f"SELECT {self._select('checks', CHECK_COLUMNS)} FROM checks "
                              "ORDER BY student, exercise, rowid")
        out = [dict(zip(CHECK_COLUMNS, r, strict=True)) for r in cur]
        for row in out:
            row["hidden"] = int(row["hidden"] or 0)
        return out

    # ------------------------------------------------------------------ assignments
    def record_submissions(self, assignment: str,
                           stamps: dict[str, tuple[str | None, str]]) -> None:
        """Each student's submission time for `assignment`: student -> (ISO-8601 time with
        its offset or None, where it came from). A student recorded again is replaced."""
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO submissions (student, assignment, submitted_at, "
                "source) VALUES (?,?,?,?)",
                [(student, assignment, at, source) for student, (at, source) in stamps.items()])

    def submissions(self, assignment: str) -> dict[str, dict]:
        """student -> {submitted_at, source} of `assignment`."""
        if not self._has("submissions"):
            return {}
        cur = self.db.execute(f"SELECT {', '.join(SUBMISSION_COLUMNS)} FROM submissions "
                              "WHERE assignment = ? ORDER BY student", (assignment,))
        return {r[0]: dict(zip(SUBMISSION_COLUMNS, r, strict=True)) for r in cur}

    def add_override(self, student: str, assignment: str, exercise: str,
                     score: float | None, reason: str, who: str, at: str) -> int:
        """Append one override to the audit trail (score None: back to the graded score)."""
        if not reason.strip():
            raise StoreError("an override needs a reason")
        with self.transaction():
            cur = self.db.execute(
                "INSERT INTO overrides (student, assignment, exercise, score, reason, who, at)"
                " VALUES (?,?,?,?,?,?,?)", (student, assignment, exercise, score, reason,
                                            who, at))
        return int(cur.lastrowid)

    def overrides(self, assignment: str | None = None) -> list[dict]:
        """The audit trail, oldest first (of `assignment`, or all)."""
        if not self._has("overrides"):
            return []
        where, params = ("WHERE assignment = ? ", (assignment,)) if assignment else ("", ())
        cur = self.db.execute(f"SELECT {', '.join(OVERRIDE_COLUMNS)} FROM overrides {where}"
                              "ORDER BY id", params)
        return [dict(zip(OVERRIDE_COLUMNS, r, strict=True)) for r in cur]


def migrate(db: sqlite3.Connection) -> None:
    """Add the columns of ADDED_COLUMNS that an older results file lacks (one transaction)."""
    missing = []
    for table, column, decl in ADDED_COLUMNS:
        have = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
        if column not in have:
            missing.append(f"ALTER TABLE {table} ADD COLUMN {column} {decl}")
    if missing:
        with _Transaction(db):
            for statement in missing:
                db.execute(statement)


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK when the block raises."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind, value, tb) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")
