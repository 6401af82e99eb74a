"""Exercises as Jupyter notebooks in nbgrader's format (cell metadata schema 3).

A solution file becomes cells: its given code as locked read-only cells, the top-level
statements that hold a blank as solution cells (each blank's statement between nbgrader's
`### BEGIN SOLUTION` / `### END SOLUTION`, which `nbgrader generate_assignment` turns into
`raise NotImplementedError()`), then the test cells the caller gives. `Layout` also fills
the blanks with a recorded wrong answer, a crash or an endless loop, which is how the
benchmark and the tests make students' submissions.

Every notebook written is checked against nbformat v4's required structure and nbgrader's
required metadata keys first (no nbformat package needed), and written atomically.
"""

from __future__ import annotations

import ast
import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader.files import write_atomic
from grader.solution import Blank, Exercise


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
          points: float | None = None) -> dict:
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


def source_notebook(layout: Layout, tests: list[tuple[str, float, str]],
                    langs: tuple[str, ...] = ("en",)) -> dict:
    """The instructor's notebook: instructions (in `langs`), the given code as locked cells,
    the solution cells with nbgrader's markers, then one locked test cell per
    (grade id, points, source) of `tests`."""
    ex = layout.ex
    title = " / ".join(dict.fromkeys(ex.title.get(lang, ex.id) for lang in langs))
    text = "\n\n".join(ex.instructions.get(lang, "").strip() for lang in langs)
    cells: list[dict] = [{"cell_type": "markdown", "id": f"{ex.id}-intro",
                          "metadata": _meta(f"{ex.id}-intro", locked=True),
                          "source": f"# {title}\n\n{text.strip()}\n"}]
    solutions = iter(layout.solution_cells("source"))
    for k, (kind, a, b) in enumerate(layout.cells):
        cell_id = f"{ex.id}-{kind}-{k}"
        if kind == "given":
            cells.append(_code(cell_id, layout.render(a, b, {}), _meta(cell_id, locked=True)))
        else:
            cells.append(_code(cell_id, next(solutions), _meta(cell_id, solution=True)))
    for grade_id, points, source in tests:
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
    """Check `nb`, then write it whole or not at all (a temporary file renamed)."""
    check_notebook(nb, str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
