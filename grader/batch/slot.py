"""One grading slot: a forked trusted process that grades students one after another.

The parent forks a slot before any suite runs (as `engine.run_in_lanes` forks a lane). The
slot owns its sandbox slot's fork-server (`sandbox.server(slot)`, started here, so the
server and everything under it die with the slot). Between two students it resets the
sandbox slot; it copies each student's modules into the slot's work directory and runs the
suites there; it sends each exercise's row as soon as that exercise's suite has finished,
so a student cut off by the wall limit keeps the exercises that were done.

Messages both ways are length-prefixed pickles of plain dicts, between the parent and its
own fork; nothing from a worker (student code) is ever unpickled.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import json
import os
import pickle
import signal
import struct
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from grader.engine import Target, known_mistakes, run_suites, summarize
from grader.i18n import pick
from grader.plugin import CheckResult, EdrillPlugin, ExerciseRun, exercise_of
from grader.report import ExerciseReport

HEADER = struct.Struct("!I")
OUTPUT_CAP = 4096  # characters of a student's printed output kept per exercise
MESSAGE_CAP = 2000
LANG = "en"  # batch is an instructor's tool; the store keeps English messages
PR_SET_PDEATHSIG = 1


# ---------------------------------------------------------------------- framing
def send(fd: int, message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def recv(fd: int) -> Any:
    """The next message; EOFError when the other side is gone."""
    size = HEADER.unpack(_read_exact(fd, HEADER.size))[0]
    return pickle.loads(_read_exact(fd, size))  # from our own parent process


def _read_exact(fd: int, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def frames(buffer: bytearray) -> list[Any]:
    """Take every complete message off the front of `buffer` (the parent's side)."""
    out = []
    while len(buffer) >= HEADER.size:
        size = HEADER.unpack_from(buffer)[0]
        if len(buffer) < HEADER.size + size:
            break
        out.append(pickle.loads(bytes(buffer[HEADER.size:HEADER.size + size])))  # our fork
        del buffer[:HEADER.size + size]
    return out


# ---------------------------------------------------------------------- rows
def capped(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit] + f"\n… [cut: {len(text) - limit} more characters]"


def check_row(check: CheckResult) -> dict:
    message = pick(check.message, LANG) if check.message else ""
    if check.expected:
        message += f"\nexpected: {check.expected}"
    if check.got:
        message += f"\ngot: {check.got}"
    if check.mistake:
        message += f"\nlikely mistake: {pick(check.mistake, LANG)}"
    # the same in both languages and in parts, for the students' feedback pages
    detail = {key: ({lang: capped(text, MESSAGE_CAP) for lang, text in value.items()}
                    if isinstance(value, dict) else capped(str(value), MESSAGE_CAP))
              for key in ("title", "message", "expected", "got", "mistake")
              if (value := getattr(check, key))}
    return {"name": check.name, "kind": check.kind, "status": check.status,
            "points": check.points, "max_points": check.max_points,
            "message": capped(message.strip(), MESSAGE_CAP), "seconds": check.seconds,
            "hidden": int(getattr(check, "hidden", False)),
            "detail": json.dumps(detail, ensure_ascii=False)}


def exercise_row(rep: ExerciseReport, seconds: float) -> dict:
    """What the store keeps of one exercise's report (plain data)."""
    return {"exercise": rep.id, "status": rep.status, "score": rep.score,
            "max_score": rep.max_score,
            "message": capped(pick(rep.message, LANG) if rep.message else "", MESSAGE_CAP),
            "output": capped(rep.output or "", OUTPUT_CAP), "seconds": round(seconds, 4),
            "graded_at": time.time(), "internal": rep.internal,
            "checks": [check_row(c) for c in rep.checks]}


class Streamer:
    """A pytest plugin: hands each exercise's row on once its suite (and its worker) ended.

    An exercise's result is complete after the teardown of the last test of its suite
    module, where the `student` fixture closes the worker and collects its output.
    """

    def __init__(self, target: Target, emit: Callable[[dict], None],
                 server_dead: Callable[[], bool] = lambda: False) -> None:
        self.target = target
        self.emit = emit
        self.server_dead = server_dead
        self.sent: set[str] = set()
        self.mark = time.perf_counter()

    def finish(self, ex_id: str, run: ExerciseRun | None) -> None:
        if ex_id in self.sent:
            return
        self.sent.add(ex_id)
        now = time.perf_counter()
        seconds, self.mark = now - self.mark, now
        rep = summarize(self.target, ex_id, run)
        if rep.internal and self.server_dead():
            charge_killed_server(rep)
        self.emit(exercise_row(rep, seconds))


    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_teardown(self, item: pytest.Item, nextitem: pytest.Item | None):
        try:
            return (yield)
        finally:
            # an exercise ends after its last suite (the public one, then the hidden one)
            if nextitem is None or exercise_of(nextitem.path) != exercise_of(item.path):
                edrill = next((p for p in item.config.pluginmanager.get_plugins()
                               if isinstance(p, EdrillPlugin)), None)
                if edrill is not None:
                    ex_id = exercise_of(item.path)
                    self.finish(ex_id, edrill.runs.get(ex_id))


def charge_killed_server(rep: ExerciseReport) -> None:
    """The slot's fork-server died while this student was graded: only the student's code
    runs beside it (in the same sandbox uid), so the student is charged, not the grader —
    the exercise is an error of the submission, stored for good instead of being regraded
    as an internal error on every run."""
    rep.internal = False
    rep.status = "error"
    rep.score = 0
    rep.message = {"en": "not gradable: the submission killed the grader's worker server "
                         "(the process that starts its workers); the remaining checks could "
                         "not run",
                   "ja": "採点できません: 提出されたコードが採点用のワーカーサーバー（ワーカーを"
                         "起動するプロセス）を停止させたため、残りのチェックを実行できません"}
    for check in rep.checks:
        check.internal = False


# ---------------------------------------------------------------------- the slot process
def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(70)


def grade_student(task: dict, work: Path, target: Target, server, timeout: float,
                  out: int, mistakes: dict[str, dict]) -> None:
    """Grade one student's modules in the (reset) slot; every row goes to the parent as
    soon as it is done. `mistakes` caches the recorded wrong answers per exercise."""
    for ex_id, source in task["files"].items():
        (work / f"{ex_id}.py").write_bytes(source)
    ids = list(task["files"])
    target = dataclasses.replace(target, seeds=dict(task.get("seeds") or {}))
    for ex_id in ids:
        if ex_id not in mistakes:
            mistakes[ex_id] = known_mistakes(target, [ex_id]).get(ex_id, {})
    streamer = Streamer(target, lambda row: send(out, {"kind": "row", "row": row}),
                        server_dead=lambda: server.proc.poll() is not None)
    runs, _code = run_suites(target, ids, server=server, timeout=timeout, plugins=[streamer],
                             mistakes={ex_id: mistakes[ex_id] for ex_id in ids})
    for ex_id in ids:  # a suite that ran no test never reached the teardown hook
        streamer.finish(ex_id, runs.get(ex_id))
    send(out, {"kind": "done", "student": task["student"]})


def slot_main(sandbox, slot: int, target: Target, timeout: float, tasks_in: int,
              results_out: int, parent: int, close_fds: list[int]) -> None:
    """The body of a forked slot; never returns."""
    code = 0
    server = None
    try:
        _die_with_parent(parent)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        for fd in close_fds:
            with contextlib.suppress(OSError):
                os.close(fd)
        work = sandbox.work_dir(slot)
        target = dataclasses.replace(target, student_dir=Path(work), label=f"slot {slot}")
        server = sandbox.server(slot)  # it starts (loads numpy) while the first task comes
        mistakes: dict[str, dict] = {}
        graded = 0
        while True:
            try:
                task = recv(tasks_in)
            except EOFError:
                break
            if task is None:
                break
            try:
                if graded:  # what the previous student left (a fresh slot is clean)
                    sandbox.reset(slot)
                    server = sandbox.server(slot)  # a reset may have had to replace it
                graded += 1
                grade_student(task, work, target, server, timeout, results_out, mistakes)
            except Exception:  # ours: report it, and let the parent start a fresh slot
                send(results_out, {"kind": "failed", "student": task["student"],
                                   "error": traceback.format_exc(limit=8)[-MESSAGE_CAP:]})
                code = 70
                break
    except BaseException:  # noqa: B036 - a slot must never return into the parent's code
        code = 70
        with contextlib.suppress(Exception):  # say why (a sandbox that cannot start, say)
            send(results_out, {"kind": "failed", "student": None,
                               "error": traceback.format_exc(limit=8)[-MESSAGE_CAP:]})
    finally:
        if server is not None:
            with contextlib.suppress(Exception):
                server.close()
        os._exit(code)
