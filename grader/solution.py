"""Solution files: the header block, the blanks, and the sources made from them.

A solution file (see docs/authoring.md) is runnable Python that starts with a TOML header
block (`# /// exercise` … `# ///`) and marks its blanks either as a region of whole lines
(`# BEGIN BLANK` … `# END BLANK`) or as one expression inside a line (`# BLANK: <text>`).

`parse_solution` reads and validates one file; every problem is a `SolutionFormatError`
that names the file, the line, what is wrong and how to fix it. `Exercise.with_answers`
makes the source with some blanks replaced (the engine of `grader try`); the stub itself is
rendered by `grader.build`.
"""

from __future__ import annotations

import ast
import re
import textwrap
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

LANGS = ("ja", "en")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
# `grade ID` and `grade SUBCOMMAND` share one namespace: an exercise may not take these names.
RESERVED_IDS = frozenset(
    {"all", "build", "check", "help", "hint", "html", "init", "list", "progress", "quiz",
     "reset", "selftest", "try", "update", "version", "watch"}
)
HEADER_OPEN = "# /// exercise"
HEADER_CLOSE = "# ///"
REGION_BEGIN = "# BEGIN BLANK"
REGION_END = "# END BLANK"
EXPRESSION_MARK = "# BLANK:"
BARE_MARK = "# BLANK"  # alone at the end of `return EXPR` or `TARGET = EXPR`: the blank is EXPR

Text = dict[str, str]  # {"ja": ..., "en": ...}


class SolutionFormatError(ValueError):
    """A malformed solution file: where, what is wrong, and how to fix it."""

    def __init__(self, path: Path | str, line: int | None, problem: str, fix: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {problem}\n  fix: {fix}")
        self.path, self.line, self.problem, self.fix = Path(path), line, problem, fix


@dataclass(frozen=True)
class Blank:
    """One blank. Lines are 1-based line numbers of the solution file."""

    number: int
    kind: Literal["region", "expression"]
    line: int  # the `# BEGIN BLANK` line, or the expression's line
    end_line: int  # the `# END BLANK` line, or the expression's line
    answer: str  # the reference text (a region's lines dedented)
    indent: str  # the indentation of the region, or of the expression's line
    label: str = ""  # optional text after `# BEGIN BLANK:`


@dataclass(frozen=True)
class RecordedAnswer:
    """A wrong answer or an accepted alternative recorded in the header."""

    blank: int
    answer: str
    source: str = "common"
    why: Text = field(default_factory=dict)


@dataclass(frozen=True)
class Exercise:
    id: str
    day: int
    section: int
    points: int
    topic: Text
    title: Text
    instructions: Text
    hints: tuple[Text, ...]
    wrong: tuple[RecordedAnswer, ...]
    accepted: tuple[RecordedAnswer, ...]
    blanks: tuple[Blank, ...]
    path: Path
    lines: tuple[str, ...]  # the whole file, without line ends
    body_start: int  # index in `lines` of the first line after the header block
    requires: tuple[str, ...] = ()  # exercises to do first (earlier in the manifest)

    @property
    def body(self) -> str:
        """The solution's code without its header block, blank markers left in place."""
        return "\n".join(self.lines[self.body_start:]).lstrip("\n") + "\n"

    def with_answers(self, answers: dict[int, str], keep_others: bool = True) -> str:
        """The solution's code with blank N replaced by `answers[N]`.

        Blanks not in `answers` keep the reference text (`keep_others`) or become
        `_blank(N)` placeholders. The markers themselves are removed.
        """
        for number in answers:
            if not 1 <= number <= len(self.blanks):
                raise ValueError(
                    f"{self.id} has {len(self.blanks)} blank(s); there is no blank {number}"
                )
        replacement = {}
        for blank in self.blanks:
            if blank.number in answers:
                replacement[blank.number] = answers[blank.number]
            elif keep_others:
                replacement[blank.number] = blank.answer
        return render_blanks(self, lambda b: replacement.get(b.number))

    def meta(self) -> dict:
        """The public metadata (no answers, no wrong answers) for manifests and workspaces."""
        return {
            "id": self.id,
            "day": self.day,
            "section": self.section,
            "points": self.points,
            "requires": list(self.requires),
            "topic": self.topic,
            "title": self.title,
            "instructions": self.instructions,
            "hints": list(self.hints),
            "blanks": [
                {"number": b.number, "kind": b.kind, "label": b.label} for b in self.blanks
            ],
        }


def render_blanks(ex: Exercise, fill) -> str:
    """Rebuild the body, asking `fill(blank)` for each blank's text.

    `fill` returns the text to put in (an expression, or lines for a region), or None to
    leave the placeholder `_blank(N)`. Returns the body without the header block.
    """
    by_line = {b.line: b for b in ex.blanks}
    out: list[str] = []
    i = ex.body_start
    while i < len(ex.lines):
        line = ex.lines[i]
        blank = by_line.get(i + 1)
        if blank is None:
            out.append(line)
            i += 1
            continue
        text = fill(blank)
        if blank.kind == "expression":
            code = _code_part(line)
            filled = text if text is not None else f"_blank({blank.number})"
            out.append(code.replace(blank.answer, _one_line(filled), 1))
            i += 1
        else:
            if text is None:
                out.extend(region_placeholder(blank))
            else:
                body = textwrap.dedent(text).strip("\n")
                out.extend(
                    (blank.indent + ln) if ln.strip() else "" for ln in body.split("\n")
                )
            i = blank.end_line  # skip past `# END BLANK`
    return "\n".join(out).lstrip("\n") + "\n"


def region_placeholder(blank: Blank) -> list[str]:
    label = f" ({blank.label})" if blank.label else ""
    return [
        f"{blank.indent}# ┌── 空欄 {blank.number} / blank {blank.number}{label}"
        " ── ここを埋める / fill in here",
        f"{blank.indent}_blank({blank.number})",
        f"{blank.indent}# └──",
    ]


def _one_line(text: str) -> str:
    text = text.strip()
    if "\n" in text:
        raise ValueError("an expression blank takes one line of text, not several")
    return text


def _code_part(line: str) -> str:
    """The code of an expression blank's line, without its `# BLANK` comment."""
    return line[: line.rfind(BARE_MARK)].rstrip()


def _is_bare_mark(line: str, stripped: str) -> bool:
    return (line.rstrip().endswith(BARE_MARK) and stripped not in (REGION_BEGIN, REGION_END)
            and bool(_code_part(line).strip()))


def _value_text(code: str) -> str | None:
    """The EXPR of a one-line `return EXPR` or `TARGET = EXPR` (also `+=`, `: T =`)."""
    source = code.strip()
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    if len(tree.body) != 1:
        return None
    node = tree.body[0]
    if isinstance(node, (ast.Return, ast.Assign, ast.AugAssign, ast.AnnAssign)) and node.value:
        return ast.get_source_segment(source, node.value)
    return None


def _text(value: object, key: str, path: Path) -> Text:
    if not isinstance(value, dict) or not all(
        isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGS
    ):
        raise SolutionFormatError(
            path, None, f"header key '{key}' must have both languages",
            f'write {key} = {{ ja = "…", en = "…" }}',
        )
    return {lang: value[lang].strip() for lang in LANGS}


def _int(meta: dict, key: str, path: Path, low: int, high: int) -> int:
    value = meta.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise SolutionFormatError(
            path, None, f"header key '{key}' must be a whole number from {low} to {high}",
            f"write {key} = <number> in the header block",
        )
    return value


def _read_header(path: Path, lines: list[str]) -> tuple[dict, int]:
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None or lines[first].strip() != HEADER_OPEN:
        raise SolutionFormatError(
            path, (first or 0) + 1, "the file does not start with the header block",
            f"begin the file with '{HEADER_OPEN}', the TOML metadata as '# ' lines, "
            f"and '{HEADER_CLOSE}' (docs/authoring.md)",
        )
    toml_lines = []
    for i in range(first + 1, len(lines)):
        line = lines[i]
        if line.strip() == HEADER_CLOSE:
            text = "\n".join(toml_lines)
            try:
                return tomllib.loads(text), i + 1
            except tomllib.TOMLDecodeError as err:
                match = re.search(r"line (\d+)", str(err))
                at = first + 1 + int(match.group(1)) if match else first + 1
                raise SolutionFormatError(
                    path, at, f"the header block is not valid TOML: {err}",
                    "correct the TOML syntax (strings in quotes, tables as [[wrong]])",
                ) from None
        if line.startswith("# "):
            toml_lines.append(line[2:])
        elif line.rstrip() == "#":
            toml_lines.append("")
        else:
            raise SolutionFormatError(
                path, i + 1, "a line inside the header block does not start with '# '",
                f"start every header line with '# ', or close the block with '{HEADER_CLOSE}'",
            )
    raise SolutionFormatError(
        path, first + 1, "the header block is never closed",
        f"add a line '{HEADER_CLOSE}' after the metadata",
    )


def _find_blanks(path: Path, lines: list[str], start: int) -> list[Blank]:
    blanks: list[Blank] = []
    open_at: int | None = None
    for i in range(start, len(lines)):
        line = lines[i]
        stripped = line.strip()
        indent = line[: len(line) - len(line.lstrip())]
        if stripped.startswith(REGION_BEGIN):
            if open_at is not None:
                raise SolutionFormatError(
                    path, i + 1, f"a new '{REGION_BEGIN}' before the one at line "
                    f"{open_at + 1} is closed", f"add '{REGION_END}' after the first region",
                )
            rest = stripped[len(REGION_BEGIN):]
            if rest and not rest.startswith(":"):
                raise SolutionFormatError(
                    path, i + 1, f"unexpected text after '{REGION_BEGIN}'",
                    f"write '{REGION_BEGIN}' alone, or '{REGION_BEGIN}: <label>'",
                )
            open_at = i
        elif stripped == REGION_END:
            if open_at is None:
                raise SolutionFormatError(
                    path, i + 1, f"'{REGION_END}' without a '{REGION_BEGIN}'",
                    f"add '{REGION_BEGIN}' before the blank's first line",
                )
            begin = lines[open_at]
            begin_indent = begin[: len(begin) - len(begin.lstrip())]
            if begin_indent != indent:
                raise SolutionFormatError(
                    path, i + 1, f"'{REGION_END}' is not indented like its '{REGION_BEGIN}' "
                    f"(line {open_at + 1})", "indent both markers like the code between them",
                )
            inner = lines[open_at + 1: i]
            if not any(ln.strip() for ln in inner):
                raise SolutionFormatError(
                    path, open_at + 1, "the blank region holds no code",
                    "put the reference lines between the two markers",
                )
            for k, ln in enumerate(inner):
                if ln.strip() and not ln.startswith(indent):
                    raise SolutionFormatError(
                        path, open_at + 2 + k, "a line of the region is indented less than "
                        "its markers", "indent the markers like the region's code",
                    )
            label = begin.strip()[len(REGION_BEGIN):].lstrip(":").strip()
            blanks.append(Blank(
                number=len(blanks) + 1, kind="region", line=open_at + 1, end_line=i + 1,
                answer=textwrap.dedent("\n".join(inner)).strip("\n"), indent=indent,
                label=label,
            ))
            open_at = None
        elif EXPRESSION_MARK in line or _is_bare_mark(line, stripped):
            if open_at is not None:
                raise SolutionFormatError(
                    path, i + 1, "an expression blank inside a blank region",
                    "close the region first, or make the expression part of the region",
                )
            code = _code_part(line)
            if EXPRESSION_MARK in line:
                text = line[line.rfind(EXPRESSION_MARK) + len(EXPRESSION_MARK):].strip()
            else:
                text = _value_text(code) or ""
                if not text:
                    raise SolutionFormatError(
                        path, i + 1, f"a bare '{BARE_MARK}' needs a line 'return EXPR' or "
                        "'TARGET = EXPR'", f"write '{EXPRESSION_MARK} <the blank's text>' "
                        "to name the blank yourself")
            if not text:
                raise SolutionFormatError(
                    path, i + 1, f"'{EXPRESSION_MARK}' names no expression",
                    f"write the blank's text after '{EXPRESSION_MARK}'",
                )
            count = code.count(text)
            if count != 1:
                raise SolutionFormatError(
                    path, i + 1,
                    f"the blank's text {text!r} occurs {count} times in the code of its line",
                    "copy the expression exactly as it stands in the code, and mark a line "
                    "where it occurs once",
                )
            blanks.append(Blank(
                number=len(blanks) + 1, kind="expression", line=i + 1, end_line=i + 1,
                answer=text, indent=indent,
            ))
    if open_at is not None:
        raise SolutionFormatError(
            path, open_at + 1, "a blank region is never closed",
            f"add '{REGION_END}' after the region's last line",
        )
    return blanks


def _answers(meta: dict, key: str, path: Path, n_blanks: int) -> tuple[RecordedAnswer, ...]:
    entries = meta.get(key, [])
    if not isinstance(entries, list):
        raise SolutionFormatError(
            path, None, f"'{key}' must be a list of tables", f"write each one as [[{key}]]"
        )
    out = []
    for k, entry in enumerate(entries, 1):
        blank = entry.get("blank") if isinstance(entry, dict) else None
        answer = entry.get("answer") if isinstance(entry, dict) else None
        if not isinstance(blank, int) or not 1 <= blank <= n_blanks:
            raise SolutionFormatError(
                path, None, f"[[{key}]] number {k} names blank {blank!r}, but the file has "
                f"{n_blanks} blank(s)", "set blank = <number of the blank, counted from 1>",
            )
        if not isinstance(answer, str) or not answer.strip():
            raise SolutionFormatError(
                path, None, f"[[{key}]] number {k} has no answer text",
                'set answer = "<the text that goes in the blank>"',
            )
        why = _text(entry.get("why"), f"{key}[{k}].why", path) if key == "wrong" else {}
        source = entry.get("source", "common")
        if source not in ("quiz", "common"):
            raise SolutionFormatError(
                path, None, f"[[{key}]] number {k}: source must be 'quiz' or 'common'",
                'set source = "quiz" for an official course-quiz distractor',
            )
        out.append(RecordedAnswer(blank=blank, answer=answer.strip("\n"), source=source,
                                  why=why))
    return tuple(out)


def _requires(meta: dict, path: Path) -> tuple[str, ...]:
    """The `requires` key: ids of exercises a student should do first (may be absent)."""
    value = meta.get("requires", [])
    if not isinstance(value, list) or not all(
            isinstance(x, str) and ID_PATTERN.match(x) for x in value):
        raise SolutionFormatError(
            path, None, f"header key 'requires' must be a list of exercise ids, not {value!r}",
            'write requires = ["softmax", "cross_entropy"] (or leave the key out)',
        )
    if len(set(value)) != len(value):
        raise SolutionFormatError(path, None, "header key 'requires' names an id twice",
                                  "list each exercise once")
    return tuple(value)


def parse_solution(path: Path | str) -> Exercise:
    """Read, check and return one solution file."""
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SolutionFormatError(
            path, None, "no such solution file", "check the path, or run from the course root"
        ) from None
    except UnicodeDecodeError as err:
        raise SolutionFormatError(
            path, None, f"the file is not UTF-8 ({err.reason})", "save the file as UTF-8"
        ) from None
    lines = source.splitlines()
    meta, body_start = _read_header(path, lines)
    try:
        ast.parse(source, filename=str(path))
    except SyntaxError as err:
        raise SolutionFormatError(
            path, err.lineno, f"the solution is not valid Python: {err.msg}",
            "a solution file must run as it is; correct the code",
        ) from None

    ex_id = meta.get("id")
    if not isinstance(ex_id, str) or not ID_PATTERN.match(ex_id):
        raise SolutionFormatError(
            path, None, f"header key 'id' must be a lowercase identifier, not {ex_id!r}",
            f'write id = "{path.stem}"',
        )
    if ex_id != path.stem:
        raise SolutionFormatError(
            path, None, f"the id {ex_id!r} differs from the file name {path.name!r}",
            f"rename the file to {ex_id}.py or set id = \"{path.stem}\"",
        )
    if ex_id in RESERVED_IDS:
        raise SolutionFormatError(
            path, None, f"the id {ex_id!r} is a subcommand of 'grade'",
            "choose another id: exercise ids and subcommands share one namespace",
        )
    blanks = _find_blanks(path, lines, body_start)
    if not blanks:
        raise SolutionFormatError(
            path, None, "the solution marks no blank",
            f"mark the code students fill in with '{REGION_BEGIN}'/'{REGION_END}' or "
            f"'{EXPRESSION_MARK} <text>'",
        )
    hints = meta.get("hints")
    if not isinstance(hints, list) or len(hints) < 2:
        raise SolutionFormatError(
            path, None, "the header needs at least two hints",
            'write hints = [{ ja = "…", en = "…" }, { ja = "…", en = "…" }]',
        )
    ex = Exercise(
        id=ex_id,
        day=_int(meta, "day", path, 1, 4),
        section=_int(meta, "section", path, 0, 99),
        points=_int(meta, "points", path, 1, 1000),
        topic=_text(meta.get("topic"), "topic", path),
        title=_text(meta.get("title"), "title", path),
        instructions=_text(meta.get("instructions"), "instructions", path),
        hints=tuple(_text(h, f"hints[{k}]", path) for k, h in enumerate(hints, 1)),
        wrong=_answers(meta, "wrong", path, len(blanks)),
        accepted=_answers(meta, "accepted", path, len(blanks)),
        blanks=tuple(blanks),
        path=path,
        lines=tuple(lines),
        body_start=body_start,
        requires=_requires(meta, path),
    )
    unknown = set(meta) - {"id", "day", "section", "points", "topic", "title",
                           "instructions", "hints", "wrong", "accepted", "requires"}
    if unknown:
        raise SolutionFormatError(
            path, None, f"unknown header key(s): {', '.join(sorted(unknown))}",
            "remove them or correct their spelling (docs/authoring.md lists the keys)",
        )
    return ex
