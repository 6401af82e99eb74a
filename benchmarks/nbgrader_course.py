"""Build a real nbgrader course of the six core exercises, and N generated submissions.

    python benchmarks/nbgrader_course.py --out DIR [--n 40] [--nbgrader-venv PATH | --no-nbgrader]

Writes, under DIR:

- ``nbgrader_config.py`` (course id ``edrill-bench``) and ``students.csv``;
- ``source/core/<exercise>.ipynb`` for conv_output_size, gradient_clipping, lstm_cell,
  gru_update, bidirectional_concat and embedding: the exercise's instructions (markdown),
  its given code as locked read-only cells, the functions holding the blanks as a solution
  cell (the blank's statements between ``### BEGIN SOLUTION`` / ``### END SOLUTION``), and
  one autograded test cell per check of the edrill suite (``nbgrader_tests.py``: the same
  points, 10 per exercise, the same inputs, known values, gradient checks and convergence
  runs, the reference's values written in as literals, ``grader.harness`` imported from the
  notebook as an nbgrader course would import its trusted helpers);
- ``submitted/<student>/core/<exercise>.ipynb`` for N students of four kinds, 25/5/5/5 for
  N = 40 (the kind is in the student id, e.g. ``s007-wrong``): ``correct`` (the reference
  answer), ``wrong`` (a recorded wrong answer of the solution's header, a different one per
  student where there are several), ``crashing`` (a NameError when the blank's function runs)
  and ``looping`` (``while True: pass`` at the start of the blank's function). The same
  notebooks are what ``grader batch`` grades (its discovery keeps the code cells minus the
  test cells), so both graders see identical student code.

With nbgrader available (``--nbgrader-venv``, default ``.venv-nb`` of this repository, when it
exists), it also runs ``nbgrader generate_assignment core`` and ``nbgrader db student import``
(the gradebook ``gradebook.db``), and the submissions are the released notebooks (with
nbgrader's checksums) whose solution cells hold the student's code. Without nbgrader
(``--no-nbgrader``, or no venv) it writes plain nbformat v4 JSON only, and checks it.

Needs numpy (the reference values) but not nbgrader: `--n 4 --out /tmp/x --no-nbgrader` runs
in the main environment. Every notebook written is checked against nbformat v4's required
structure (cells, metadata, nbformat 4, cell ids, nbgrader's required keys).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from grader.solution import Blank, Exercise, parse_solution  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from nbgrader_tests import test_cells  # noqa: E402

CORE = ("conv_output_size", "gradient_clipping", "lstm_cell", "gru_update",
        "bidirectional_concat", "embedding")
KINDS = ("correct", "wrong", "crashing", "looping")
ASSIGNMENT = "core"
COURSE_ID = "edrill-bench"
DEFAULT_VENV = ROOT / ".venv-nb"

# --------------------------------------------------------------------------- student code


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _sentinel(number: int) -> str:
    return f"__BLANK_{number}__"


@dataclass
class Layout:
    """The solution's code with each blank replaced by a sentinel, cut into notebook cells."""

    ex: Exercise
    lines: list[str]  # 0-based; no header, no `if __name__ == "__main__":` block
    blank_line: dict[int, int]  # blank number -> line of its sentinel
    marked: list[tuple[int, int]]  # [first, last] lines of statements holding a blank
    body_start: dict[int, int]  # blank number -> first body line of its enclosing function
    cells: list[tuple[str, int, int]]  # ("given" | "solution", start, end exclusive)

    @classmethod
    def of(cls, ex: Exercise) -> Layout:
        from grader.solution import render_blanks

        def fill(b: Blank) -> str:
            return _sentinel(b.number) if b.kind == "expression" else f"{_sentinel(b.number)} = 0"

        code = render_blanks(ex, fill)
        tree = ast.parse(code)
        main = [n for n in tree.body if isinstance(n, ast.If) and "__name__" in ast.unparse(n.test)]
        lines = code.split("\n")
        if main:
            lines = lines[: main[0].lineno - 1]
        while lines and not lines[-1].strip():
            lines.pop()
        tree = ast.parse("\n".join(lines))
        blank_line = {b.number: next(i for i, ln in enumerate(lines) if _sentinel(b.number) in ln)
                      for b in ex.blanks}
        stmts = [n for n in ast.walk(tree) if isinstance(n, ast.stmt)]
        marked: set[tuple[int, int]] = set()
        body_start = {}
        for number, i in blank_line.items():
            holding = [n for n in stmts if n.lineno - 1 <= i <= n.end_lineno - 1]
            inner = min(holding, key=lambda n: n.end_lineno - n.lineno)
            marked.add((inner.lineno - 1, inner.end_lineno - 1))
            funcs = [n for n in holding if isinstance(n, ast.FunctionDef)]
            func = min(funcs, key=lambda n: n.end_lineno - n.lineno)
            body_start[number] = func.body[0].lineno - 1
        cells: list[tuple[str, int, int]] = []
        start = 0
        for node in tree.body:
            end = node.end_lineno
            kind = "solution" if any(node.lineno - 1 <= i < end for i in blank_line.values()) \
                else "given"
            if cells and cells[-1][0] == kind:
                cells[-1] = (kind, cells[-1][1], end)
            else:
                cells.append((kind, start, end))
            start = end
        cells[-1] = (cells[-1][0], cells[-1][1], len(lines))
        return cls(ex, lines, blank_line, sorted(marked), body_start, cells)

    def render(self, start: int, end: int, fill: dict[int, str], *, markers: bool = False,
               loop: int | None = None) -> str:
        """Lines start..end with the blanks filled; nbgrader's markers; a loop inserted."""
        by_line = {i: n for n, i in self.blank_line.items()}
        blanks = {b.number: b for b in self.ex.blanks}
        out: list[str] = []
        for i in range(start, end):
            line = self.lines[i]
            if loop is not None and i == self.body_start[loop]:
                out += [_indent(line) + "while True:", _indent(line) + "    pass"]
            if markers:
                out += [_indent(line) + "### BEGIN SOLUTION" for a, _ in self.marked if a == i]
            number = by_line.get(i)
            if number is None:
                out.append(line)
            elif blanks[number].kind == "expression":
                out.append(line.replace(_sentinel(number), fill[number].strip()))
            else:
                body = textwrap.dedent(fill[number]).strip("\n").split("\n")
                out += [blanks[number].indent + ln if ln.strip() else "" for ln in body]
            if markers:
                out += [_indent(self.lines[a]) + "### END SOLUTION"
                        for a, b in self.marked if b == i]
        return "\n".join(out).strip("\n") + "\n"

    def solution_cells(self, kind: str, variant: int = 0) -> list[str]:
        """The solution cells' code of one kind of submission ("source": with markers)."""
        fill = {b.number: b.answer for b in self.ex.blanks}
        loop = None
        if kind == "wrong":
            wrong = self.ex.wrong[variant % len(self.ex.wrong)]
            fill[wrong.blank] = wrong.answer
        elif kind == "crashing":  # a typo: a NameError when the blank's function runs
            first = self.ex.blanks[0]
            if first.kind == "expression":
                fill[first.number] = "undefined_name"
            else:
                head, *rest = textwrap.dedent(first.answer).strip("\n").split("\n")
                match = re.match(r"(\s*[\w, ]+?)\s*=", head)
                head = f"{match.group(1)} = undefined_name" if match else "undefined_name"
                fill[first.number] = "\n".join([head, *rest])
        elif kind == "looping":
            loop = self.ex.blanks[0].number
        elif kind not in ("correct", "source"):
            raise ValueError(kind)
        return [self.render(a, b, fill, markers=kind == "source", loop=loop)
                for k, a, b in self.cells if k == "solution"]


# --------------------------------------------------------------------------- notebooks


def _meta(grade_id: str, *, grade: bool = False, solution: bool = False, locked: bool = False,
          points: int | None = None) -> dict:
    nb = {"schema_version": 3, "grade": grade, "solution": solution, "locked": locked,
          "grade_id": grade_id}
    if grade:
        nb["points"] = points
    meta: dict[str, Any] = {"nbgrader": nb}
    if locked:
        meta.update(editable=False, deletable=False)
    return meta


def _code(cell_id: str, source: str, metadata: dict) -> dict:
    return {"cell_type": "code", "execution_count": None, "id": cell_id, "metadata": metadata,
            "outputs": [], "source": source}


def source_notebook(layout: Layout) -> dict:
    """The instructor's notebook: instructions, given cells, solution cells, test cells."""
    ex = layout.ex
    title = ex.title.get("en", ex.id)
    cells: list[dict] = [{"cell_type": "markdown", "id": f"{ex.id}-intro",
                          "metadata": _meta(f"{ex.id}-intro", locked=True),
                          "source": f"# {title}\n\n{ex.instructions.get('en', '').strip()}\n"}]
    solutions = iter(layout.solution_cells("source"))
    for k, (kind, a, b) in enumerate(layout.cells):
        cell_id = f"{ex.id}-{kind}-{k}"
        if kind == "given":
            cells.append(_code(cell_id, layout.render(a, b, {}), _meta(cell_id, locked=True)))
        else:
            cells.append(_code(cell_id, next(solutions), _meta(cell_id, solution=True)))
    for grade_id, points, source in test_cells(ex.id):
        cells.append(_code(grade_id, source, _meta(grade_id, grade=True, locked=True,
                                                   points=points)))
    return {"cells": cells,
            "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)",
                                        "language": "python", "name": "python3"},
                         "language_info": {"name": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def is_solution_cell(cell: dict) -> bool:
    nb = cell.get("metadata", {}).get("nbgrader", {})
    return cell["cell_type"] == "code" and bool(nb.get("solution")) and not nb.get("grade")


def student_notebook(base: dict, solution_sources: list[str]) -> dict:
    """`base` (the released notebook, or the source one) with the student's solution cells."""
    nb = json.loads(json.dumps(base))
    sources = iter(solution_sources)
    for cell in nb["cells"]:
        if is_solution_cell(cell):
            cell["source"] = next(sources)
    if next(sources, None) is not None:
        raise ValueError("more solution cells written than the notebook has")
    return nb


def check_notebook(nb: dict, where: str) -> None:
    """A light nbformat v4 check (no nbformat package needed): the keys nbformat requires."""
    problems = []
    if nb.get("nbformat") != 4 or not isinstance(nb.get("nbformat_minor"), int):
        problems.append("nbformat must be 4 with an int nbformat_minor")
    if not isinstance(nb.get("metadata"), dict) or not isinstance(nb.get("cells"), list):
        problems.append("metadata must be a dict and cells a list")
    ids = set()
    for k, cell in enumerate(nb.get("cells", [])):
        required = {"code": {"cell_type", "metadata", "source", "outputs", "execution_count"},
                    "markdown": {"cell_type", "metadata", "source"}}.get(cell.get("cell_type"))
        if required is None or not required <= set(cell):
            problems.append(f"cell {k}: bad cell_type or missing keys")
            continue
        if not isinstance(cell["source"], str | list):
            problems.append(f"cell {k}: source must be a string or a list of strings")
        cell_id = cell.get("id", "")
        if nb.get("nbformat_minor", 0) >= 5 and not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", cell_id):
            problems.append(f"cell {k}: id {cell_id!r} is not a valid nbformat 4.5 cell id")
        if cell_id in ids:
            problems.append(f"cell {k}: duplicate id {cell_id!r}")
        ids.add(cell_id)
        meta = cell["metadata"].get("nbgrader")
        if meta is not None:
            if not {"schema_version", "grade", "solution", "locked"} <= set(meta):
                problems.append(f"cell {k}: nbgrader metadata lacks required keys")
            if meta.get("grade") and not isinstance(meta.get("points"), int | float):
                problems.append(f"cell {k}: a grade cell needs points")
    if problems:
        raise ValueError(f"{where}: not a valid nbformat v4 notebook: " + "; ".join(problems))


def write_notebook(path: Path, nb: dict) -> None:
    check_notebook(nb, str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- the course


def kinds_for(n: int) -> list[str]:
    """N kinds: correct for the rest, one eighth each wrong/crashing/looping (25/5/5/5 of 40),
    shuffled with a fixed seed so no kind is graded all at once."""
    k = max(1, round(n / 8)) if n >= 4 else 0
    kinds = ["correct"] * (n - 3 * k) + ["wrong"] * k + ["crashing"] * k + ["looping"] * k
    random.Random(0).shuffle(kinds)
    return kinds


def student_ids(n: int) -> list[tuple[str, str]]:
    """(student id, kind), the kind written into the id."""
    return [(f"s{i:03d}-{kind}", kind) for i, kind in enumerate(kinds_for(n))]


def kind_of(student: str) -> str:
    return student.rsplit("-", 1)[-1]


def nbgrader_env(venv: Path) -> dict[str, str]:
    """The environment nbgrader and its kernels run in: the venv activated (nbgrader runs
    `alembic` from PATH), the repository importable (the test cells import grader.harness),
    one BLAS thread (as in edrill's sandbox)."""
    env = dict(os.environ)
    env["PATH"] = str(venv / "bin") + os.pathsep + env.get("PATH", "")
    env["VIRTUAL_ENV"] = str(venv)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH")
                                     else "")
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    return env


def nbgrader_bin(venv: Path) -> Path:
    """The venv's `nbgrader`, after checking that the package imports there."""
    python, exe = venv / "bin" / "python", venv / "bin" / "nbgrader"
    probe = None
    if python.exists():
        probe = subprocess.run([str(python), "-c", "import nbgrader, numpy"],
                               capture_output=True, text=True, check=False)
    if probe is None or probe.returncode != 0 or not exe.exists():
        raise SystemExit(
            f"nbgrader is not importable in {venv} (with numpy for its kernels).\n"
            f"  fix: python -m venv {venv} && {venv}/bin/pip install nbgrader numpy\n"
            f"  {probe.stderr.strip()[-300:] if probe else 'no python in the venv'}")
    return exe


def run_nbgrader(exe: Path, course: Path, *args: str) -> None:
    proc = subprocess.run([str(exe), *args], cwd=course, env=nbgrader_env(exe.parent.parent),
                          capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"nbgrader {' '.join(args)} failed ({proc.returncode}):\n"
                         f"{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")


def build_course(out: Path, n: int, nbgrader: Path | None) -> list[tuple[str, str]]:
    """Write the course and the submissions; returns the (student, kind) pairs."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    students = student_ids(n)
    (out / "nbgrader_config.py").write_text(
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.course_id = {COURSE_ID!r}\n"
        f"c.CourseDirectory.db_assignments = [dict(name={ASSIGNMENT!r})]\n"
        "c.ClearSolutions.code_stub = {'python': 'raise NotImplementedError()'}\n")
    (out / "students.csv").write_text(
        "id,first_name,last_name,email\n"
        + "".join(f"{s},{s},{kind},\n" for s, kind in students))
    layouts = {ex_id: Layout.of(parse_solution(ROOT / "solutions" / f"{ex_id}.py"))
               for ex_id in CORE}
    sources = {ex_id: source_notebook(layout) for ex_id, layout in layouts.items()}
    for ex_id, nb in sources.items():
        write_notebook(out / "source" / ASSIGNMENT / f"{ex_id}.ipynb", nb)
    if nbgrader is not None:
        run_nbgrader(nbgrader, out, "generate_assignment", ASSIGNMENT, "--force")
        run_nbgrader(nbgrader, out, "db", "student", "import", "students.csv")
    seen = dict.fromkeys(KINDS, 0)
    for student, kind in students:
        variant = seen[kind]  # the wrong students get different wrong answers
        seen[kind] += 1
        folder = out / "submitted" / student / ASSIGNMENT
        for ex_id, layout in layouts.items():
            release = out / "release" / ASSIGNMENT / f"{ex_id}.ipynb"
            base = json.loads(release.read_text()) if release.exists() else sources[ex_id]
            nb = student_notebook(base, layout.solution_cells(kind, variant=variant))
            write_notebook(folder / f"{ex_id}.ipynb", nb)
        (folder / "timestamp.txt").write_text("2026-11-22 12:00:00.000000 UTC\n")
    return students


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="the course directory (replaced)")
    parser.add_argument("--n", type=int, default=40, help="students (default 40)")
    parser.add_argument("--nbgrader-venv", type=Path, default=None,
                        help=f"venv with nbgrader (default {DEFAULT_VENV} when it exists)")
    parser.add_argument("--no-nbgrader", action="store_true",
                        help="JSON notebooks only: no generate_assignment, no gradebook")
    args = parser.parse_args()
    exe = None
    if not args.no_nbgrader:
        venv = args.nbgrader_venv or (DEFAULT_VENV if DEFAULT_VENV.exists() else None)
        exe = nbgrader_bin(venv) if venv is not None else None
    students = build_course(args.out, args.n, exe)
    counts = {k: sum(1 for _, kind in students if kind == k) for k in KINDS}
    print(f"{args.out}: {len(CORE)} exercises, {len(students)} students "
          f"({', '.join(f'{v} {k}' for k, v in counts.items())}), "
          f"{'with' if exe else 'without'} nbgrader's release and gradebook")
    return 0


if __name__ == "__main__":
    sys.exit(main())
