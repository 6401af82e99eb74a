"""Progress that lasts: every `grade` run and every quiz answer, in a SQLite file.

The file is `.edrill/progress.sqlite` of the workspace (plain SQLite; open it with any
SQLite tool). Tables:

    sessions(id, kind 'grade'|'quiz', at, detail)     one `grade` run or one drill
    grades(session, exercise, day, status, score, max_score, digest)
    answers(session, at, item, type, exercise, day, chosen, answer, correct)

`at` is UTC (ISO 8601); days of activity are shown in the local time zone. Nothing is ever
deleted or rewritten: a row is added per graded exercise and per answered question.

Mastery of an exercise (a topic) is the mean of what is known about it: the share of
points of its last grading (unless a blank was still empty: not tried yet), and the share
of right answers among its last `RECENT_ANSWERS` quiz answers (a skip counts as wrong).
`ReviewHistory` gives the drill of `grade quiz --review` its weights: weak topics first,
the items last answered wrong most.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from grader.course import CourseError, Workspace
from grader.i18n import Text, pick, tr

PROGRESS_FILE = "progress.sqlite"
SCHEMA_VERSION = 1
RECENT_ANSWERS = 10  # the quiz answers per exercise that count towards its mastery
RECENT_DAYS = 7  # days of activity shown by `grade progress`

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('grade', 'quiz')),
    at TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS grades (
    session INTEGER NOT NULL REFERENCES sessions(id),
    exercise TEXT NOT NULL,
    day INTEGER,
    status TEXT NOT NULL,
    score INTEGER NOT NULL,
    max_score INTEGER NOT NULL,
    digest TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS answers (
    session INTEGER NOT NULL REFERENCES sessions(id),
    at TEXT NOT NULL,
    item TEXT NOT NULL,
    type TEXT NOT NULL,
    exercise TEXT NOT NULL,
    day INTEGER,
    chosen TEXT,
    answer TEXT NOT NULL,
    correct INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS grades_exercise ON grades (exercise);
CREATE INDEX IF NOT EXISTS answers_exercise ON answers (exercise);
CREATE INDEX IF NOT EXISTS answers_item ON answers (item);
"""


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def local_day(at: str) -> date:
    return datetime.fromisoformat(at).astimezone().date()


class ProgressStore:
    """The workspace's progress file; a damaged one is a CourseError naming the fix."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        if not create and not path.exists():
            self.db = None
            return
        try:
            self.db = sqlite3.connect(path, timeout=10)
            self.db.executescript(SCHEMA)
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None:
                with self.db:
                    self.db.execute("INSERT INTO meta VALUES ('schema', ?)",
                                    (str(SCHEMA_VERSION),))
            elif row[0] != str(SCHEMA_VERSION):
                raise CourseError(tr("{path} was written by another version of edrill "
                                     "(schema {schema}): update edrill, or move the file "
                                     "away to start a new record", path=str(path),
                                     schema=row[0]))
        except sqlite3.Error as err:
            raise CourseError(damaged(path, err)) from None

    @classmethod
    def of(cls, ws: Workspace, *, create: bool = True) -> ProgressStore:
        return cls(ws.meta_dir / PROGRESS_FILE, create=create)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def new_session(self, kind: str, detail: dict | None = None, at: str | None = None) -> int:
        try:
            with self.db:
                cur = self.db.execute(
                    "INSERT INTO sessions (kind, at, detail) VALUES (?, ?, ?)",
                    (kind, at or now_utc(), json.dumps(detail or {}, ensure_ascii=False)))
            return int(cur.lastrowid)
        except sqlite3.Error as err:
            raise CourseError(damaged(self.path, err)) from None

    def record_grade(self, report_json: dict, digests: dict[str, str] | None = None,
                     at: str | None = None) -> int:
        """One `grade` run: a row per graded exercise."""
        digests = digests or {}
        session = self.new_session("grade", {"target": report_json.get("target", "")}, at)
        try:
            with self.db:
                self.db.executemany(
                    "INSERT INTO grades VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(session, ex["id"], ex.get("day"), ex["status"], int(ex["score"]),
                      int(ex["max_score"]), digests.get(ex["id"], ""))
                     for ex in report_json["exercises"]])
        except sqlite3.Error as err:
            raise CourseError(damaged(self.path, err)) from None
        return session

    def record_answer(self, session: int, *, item: str, type: str, exercise: str,
                      day: int | None, chosen: str | None, answer: str, correct: bool,
                      at: str | None = None) -> None:
        try:
            with self.db:
                self.db.execute("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                (session, at or now_utc(), item, type, exercise, day, chosen,
                                 answer, int(bool(correct))))
        except sqlite3.Error as err:
            raise CourseError(damaged(self.path, err)) from None

    # ------------------------------------------------------------------ reading

    def _rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        if self.db is None:
            return []
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.Error as err:
            raise CourseError(damaged(self.path, err)) from None

    def last_grades(self) -> dict[str, dict]:
        """Per exercise, its last grading: status, score, max_score, at."""
        rows = self._rows(
            "SELECT g.exercise, g.status, g.score, g.max_score, s.at FROM grades g "
            "JOIN sessions s ON s.id = g.session ORDER BY g.rowid")
        return {ex: {"status": st, "score": sc, "max_score": mx, "at": at}
                for ex, st, sc, mx, at in rows}

    def recent_answers(self) -> dict[str, list[bool]]:
        """Per exercise, its last `RECENT_ANSWERS` quiz answers (oldest first)."""
        out: dict[str, list[bool]] = {}
        for ex, correct in self._rows("SELECT exercise, correct FROM answers ORDER BY rowid"):
            out.setdefault(ex, []).append(bool(correct))
        return {ex: v[-RECENT_ANSWERS:] for ex, v in out.items()}

    def item_streaks(self) -> dict[str, list[bool]]:
        """Per quiz item key, every answer in order (True: right)."""
        out: dict[str, list[bool]] = {}
        for item, correct in self._rows("SELECT item, correct FROM answers ORDER BY rowid"):
            out.setdefault(item, []).append(bool(correct))
        return out

    def activity(self) -> dict[date, dict]:
        """Per local calendar day: grade runs, exercises passed, quiz right/asked."""
        days: dict[date, dict] = {}

        def day_of(at: str) -> dict:
            return days.setdefault(local_day(at), {"grade_runs": 0, "passed": set(),
                                                   "quiz_right": 0, "quiz_asked": 0})

        for (at,) in self._rows("SELECT at FROM sessions WHERE kind = 'grade'"):
            day_of(at)["grade_runs"] += 1
        for ex, at in self._rows("SELECT g.exercise, s.at FROM grades g JOIN sessions s "
                                 "ON s.id = g.session WHERE g.status = 'passed'"):
            day_of(at)["passed"].add(ex)
        for at, correct in self._rows("SELECT at, correct FROM answers"):
            d = day_of(at)
            d["quiz_asked"] += 1
            d["quiz_right"] += int(correct)
        return days

    def first_seen(self) -> str | None:
        rows = self._rows("SELECT MIN(at) FROM sessions")
        return rows[0][0] if rows else None


def damaged(path: Path, err: Exception) -> Text:
    return tr("{path} cannot be read ({err}): your progress record is damaged; rename it "
              "(e.g. to progress.sqlite.damaged) and a new one is started — your exercise "
              "files are not affected", path=str(path), err=str(err))


# --------------------------------------------------------------------------- mastery


@dataclass
class Topic:
    exercise: str
    day: int
    topic: Text
    title: Text
    grade: dict | None  # the last grading
    answers: list[bool]  # the recent quiz answers

    @property
    def grade_share(self) -> float | None:
        if (self.grade is None or not self.grade["max_score"]
                or self.grade["status"] == "unfilled"):  # not tried yet: nothing known
            return None
        return self.grade["score"] / self.grade["max_score"]

    @property
    def quiz_share(self) -> float | None:
        return sum(self.answers) / len(self.answers) if self.answers else None

    @property
    def mastery(self) -> float | None:
        known = [x for x in (self.grade_share, self.quiz_share) if x is not None]
        return sum(known) / len(known) if known else None

    def as_json(self, lang: str) -> dict:
        return {"exercise": self.exercise, "day": self.day, "topic": pick(self.topic, lang),
                "title": pick(self.title, lang),
                "mastery": None if self.mastery is None else round(self.mastery, 3),
                "grade": self.grade,
                "quiz": {"right": sum(self.answers), "asked": len(self.answers)}}


def topics(store: ProgressStore, manifest: dict) -> list[Topic]:
    """Every exercise of the manifest, in course order, with what is known of it."""
    grades = store.last_grades()
    answers = store.recent_answers()
    return [Topic(exercise=m["id"], day=m["day"], topic=m.get("topic") or m["title"],
                  title=m["title"], grade=grades.get(m["id"]), answers=answers.get(m["id"], []))
            for m in manifest["exercises"]]


def weakest(items: list[Topic], n: int = 5) -> list[Topic]:
    """The topics met so far and not mastered, weakest first (more attempts first on ties)."""
    met = [t for t in items if t.mastery is not None and t.mastery < 1]
    return sorted(met, key=lambda t: (t.mastery, -len(t.answers)))[:n]


def overview(store: ProgressStore, manifest: dict, lang: str) -> dict:
    """What `grade progress --json` prints."""
    items = topics(store, manifest)
    days = []
    for day in sorted({t.day for t in items}):
        in_day = [t for t in items if t.day == day]
        answers = [a for t in in_day for a in t.answers]
        days.append({"day": day, "exercises": len(in_day),
                     "passed": sum(1 for t in in_day
                                   if t.grade and t.grade["status"] == "passed"),
                     "met": sum(1 for t in in_day if t.mastery is not None),
                     "mastery": round(sum(t.mastery or 0 for t in in_day) / len(in_day), 3),
                     "quiz": {"right": sum(answers), "asked": len(answers)}})
    activity = store.activity()
    recent = sorted(activity)[-RECENT_DAYS:]
    return {"since": store.first_seen(), "days": days,
            "topics": [t.as_json(lang) for t in items],
            "weakest": [t.as_json(lang) for t in weakest(items)],
            "activity": [{"date": d.isoformat(), "grade_runs": activity[d]["grade_runs"],
                          "passed": sorted(activity[d]["passed"]),
                          "quiz": {"right": activity[d]["quiz_right"],
                                   "asked": activity[d]["quiz_asked"]}} for d in recent]}


# --------------------------------------------------------------------------- the drill hook


class ReviewHistory:
    """The `History` of `grade quiz`: records every answer; with `review`, weights the draw.

    `item_exercise` maps each item key of the bank to its exercise. With `review` the weight
    of an item is 1 + 8 × (1 − mastery of its exercise), tripled when the item itself was
    last answered wrong; items never met weigh 1e-6 and items of mastered exercises 1e-7,
    so a review drill serves the weak topics first (in weighted random order) and the rest
    only when they run out (sampled with Efraimidis–Spirakis keys u^(1/w) by make_drill).
    """

    def __init__(self, store: ProgressStore | None, item_exercise: dict[str, str],
                 manifest: dict | None, *, review: bool, detail: dict | None = None) -> None:
        self.store = store
        self.item_exercise = item_exercise
        self.manifest = manifest
        self.review = review
        self.detail = detail or {}
        self.session: int | None = None
        self.met_any = False

    def weights(self, keys: list[str]) -> dict[str, float]:
        if not self.review or self.store is None:
            return {}
        manifest = self.manifest or {"exercises": []}
        mastery = {t.exercise: t.mastery for t in topics(self.store, manifest)}
        for ex, answers in self.store.recent_answers().items():  # exercises outside it
            if ex not in mastery:
                mastery[ex] = sum(answers) / len(answers)
        streaks = self.store.item_streaks()
        out = {}
        for key in keys:
            m = mastery.get(self.item_exercise.get(key, ""))
            last_wrong = bool(streaks.get(key)) and not streaks[key][-1]
            if m is None:
                w = 1e-6
            elif m >= 1 and not last_wrong:
                w = 1e-7
            else:
                w = 1 + 8 * (1 - m)
                self.met_any = True
            out[key] = w * (3 if last_wrong else 1)
            self.met_any = self.met_any or last_wrong
        return out

    def record(self, result) -> None:
        if self.store is None:
            return
        from grader.quiz.drill import LABELS

        q = result.question
        if self.session is None:
            self.session = self.store.new_session("quiz", self.detail)
        self.store.record_answer(
            self.session, item=q.key, type=q.type, exercise=q.exercise, day=q.day,
            chosen=LABELS[result.chosen] if result.chosen is not None else None,
            answer=LABELS[q.answer], correct=result.correct)


def note_grade(ws: Workspace, report_json: dict, lang: str) -> None:
    """Record a `grade` run; a progress file that cannot be written costs one warning line,
    never the verdict (a read-only workspace records nothing, silently)."""
    import os

    from grader.workspace import file_digest

    if not os.access(ws.meta_dir, os.W_OK):
        return
    digests = {ex["id"]: file_digest(ws.root / f"{ex['id']}.py")
               for ex in report_json["exercises"]}
    try:
        with ProgressStore.of(ws) as store:
            store.record_grade(report_json, digests)
    except CourseError as err:
        warn(err, lang)


def warn(err: CourseError, lang: str) -> None:
    message = err.args[0] if err.args else ""
    print(f"{pick(tr('warning:'), lang)} {pick(message, lang)}", file=sys.stderr)
