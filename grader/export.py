"""Exports of an assignment's grade sheet (`grader export`).

- CSV for an LMS gradebook import (Moodle, Canvas, Google Classroom …): UTF-8, comma
  separated, RFC 4180 quoting, a header row `student,<exercise>…,total`, then one row per
  student with each exercise's final points (late penalty and overrides applied) and the
  total, numbers with at most two decimals and a dot. The maxima are in the assignment
  (`grader grades` prints them) — a second header row would break the importers.
- JSON, one file per student (`<student>.json`): the student's row of the sheet (times,
  days late, kept share, per exercise the stored score, points, penalty, override and
  final points), never a check's message.

Every file is written to a temporary file and renamed into place.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from grader.files import write_atomic
from grader.grades import Sheet, points, row_json

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """A spreadsheet must not read a student's name as a formula (CSV injection)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(s: Sheet) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["student", *s.assignment.exercises, "total"])
    for row in s:
        writer.writerow([safe_cell(row.student),
                         *(points(c.final) for c in row.cells.values()), points(row.total)])
    return out.getvalue()


def write_csv(s: Sheet, path: Path) -> None:
    write_atomic(path, csv_text(s))


def json_name(student: str) -> str:
    """The file of a student: the name as it is when it is a plain file name."""
    if student in ("", ".", "..") or "/" in student or "\\" in student or "\0" in student:
        raise ValueError(f"the student name {student!r} cannot be a file name")
    return f"{student}.json"


def write_json(s: Sheet, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for row in s:
        path = folder / json_name(row.student)
        write_atomic(path, json.dumps(row_json(row, s.assignment), indent=2,
                                      ensure_ascii=False) + "\n")
        written.append(path)
    return written
