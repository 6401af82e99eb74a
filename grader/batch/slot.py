"""One grading slot: a forked trusted process that grades students one after another.

The parent starts pytest and collects the suites once (`collect_once`), then forks its
slots from that collected process, so no slot starts pytest or collects again (a slot
without that, on a Dask worker, collects when it starts). The slot owns its sandbox slot's
fork-server (`sandbox.server(slot)`, started here, so the server and everything under it
die with the slot) and points the collected session at it and at its own work directory;
then, per student, it copies the student's modules into the slot's work directory and
forks one lane per exercise (at most LANES): a copy of the collected process that runs
that exercise's items against the shared fork-server (each request carries its own reply
socket) and streams the exercise's row as soon as it is done, so a student cut off by the
wall limit keeps the exercises that were done, and a student whose exercises all loop
costs one timeout of wall time, not one per exercise.
The slot forwards the rows, waits for every lane, and resets the sandbox slot before the
next student. It leads a session of its own and is the child subreaper of its subtree:
an orphan (a student's process whose fork-server was killed) is adopted by the slot and
killed after the student, and never sees the batch's parent as its parent.

Messages both ways are length-prefixed pickles of plain dicts, between the parent and its
own fork; nothing from a worker (student code) is ever unpickled.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import gc
import json
import os
import pickle
import select
import signal
import struct
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from grader.engine import (
    StudentImportBlocker,
    Target,
    known_mistakes,
    plan_lanes,
    run_items,
    serve_suites,
    suite_files,
    summarize,
)
from grader.i18n import LANGS, pick, translation
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
PR_SET_CHILD_SUBREAPER = 36
LANES = 6  # exercises of one student graded at once in a slot (forked lanes)


def _prctl(option: int, value: int) -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0)


def _die_with_parent(parent: int) -> None:
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(70)


def _own_session() -> None:
    """The slot leads a session and process group of its own and adopts its orphans
    (child subreaper): a process of a student that loses its parent (the fork-server
    killed, say) is handed to the slot, never to the batch's parent, so no student
    process can ever name the parent's process group (`killpg(getppid())`)."""
    with contextlib.suppress(OSError):
        os.setsid()
    _prctl(PR_SET_CHILD_SUBREAPER, 1)


def _reap_strays(keep: set[int]) -> None:
    """Kill and reap the slot's children other than `keep` (orphans it adopted)."""
    killed: set[int] = set()
    for _ in range(20):
        strays = set(children_of(os.getpid())) - keep - killed
        if not strays:
            break
        for pid in strays:
            for kill in (os.killpg, os.kill):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    kill(pid, signal.SIGKILL)
        killed |= strays
        time.sleep(0.002)
    deadline = time.monotonic() + 2.0
    for pid in killed:
        while time.monotonic() < deadline:
            try:
                if os.waitpid(pid, os.WNOHANG)[0]:
                    break
            except ChildProcessError:
                break
            time.sleep(0.002)


def children_of(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(p) for p in f.read().split()]
    except OSError:
        pass
    return out


def _run_lane(session: pytest.Session, plugin: EdrillPlugin, streamer: Streamer,
              lane: list[str], out: int) -> None:
    """In a forked lane: run the collected items of `lane`'s exercises, one row each."""
    plugin.order = list(lane)  # the next worker started ahead is this lane's own
    streamer.emit = lambda row: send(out, {"kind": "row", "row": row})
    streamer.sent, streamer.mark = set(), time.perf_counter()
    items = [item for ex_id in lane for item in session.items
             if exercise_of(item.path) == ex_id]
    try:
        run_items(items)
        for ex_id in lane:  # a suite that ran no test never reached the teardown hook
            streamer.finish(ex_id, plugin.runs.get(ex_id))
    finally:
        plugin.pytest_sessionfinish()  # workers started ahead and never used


def grade_student(task: dict, work: Path, target: Target, session: pytest.Session,
                  plugin: EdrillPlugin, streamer: Streamer, collected: set[str],
                  out: int) -> None:
    """Grade one student's modules in the (reset) slot, its exercises in parallel lanes
    (forks of this collected process sharing the slot's fork-server); every row goes to
    the parent as soon as it is done. Returns when every lane has ended."""
    for ex_id, source in task["files"].items():
        (work / f"{ex_id}.py").write_bytes(source)
    ids = [ex_id for ex_id in task["files"] if ex_id in collected]
    plugin.config.seeds = dict(task.get("seeds") or {})  # the hidden checks' `rng`, per student
    plugin.server.wait_ready()  # before the lanes fork: the `ready` message is read here
    lanes = plan_lanes(target, ids, LANES) if ids else []
    me = os.getpid()
    readers: dict[int, tuple[int, bytearray]] = {}
    for lane in lanes:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the lane: never returns
            code = 0
            try:
                _die_with_parent(me)
                os.close(read_end)
                for fd in readers:
                    os.close(fd)
                _run_lane(session, plugin, streamer, lane, write_end)
            except BaseException:  # noqa: B036 - a lane must never return into the slot
                code = 70
                with contextlib.suppress(Exception):
                    send(write_end, {"kind": "lane-failed",
                                     "error": traceback.format_exc(limit=8)[-MESSAGE_CAP:]})
            finally:
                os._exit(code)
        os.close(write_end)
        readers[read_end] = (pid, bytearray())
    errors = []
    while readers:
        ready, _, _ = select.select(list(readers), [], [])
        for fd in ready:
            pid, buffer = readers[fd]
            data = os.read(fd, 1 << 20)
            if data:
                buffer += data
                for message in frames(buffer):
                    if message.get("kind") == "row":
                        send(out, message)
                    else:
                        errors.append(str(message.get("error", "")))
                continue
            os.close(fd)
            del readers[fd]
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
    _reap_strays(keep={plugin.server.proc.pid})
    send(out, {"kind": "done", "student": task["student"],
               "error": "\n".join(errors)[-MESSAGE_CAP:]})


class NotServed(RuntimeError):
    """pytest ended before the grading suites could be served (a suite file missing, say)."""


@dataclasses.dataclass
class Collected:
    """The suites collected once in the batch's parent (`collect_once`), which every slot
    forks from and makes its own: its fork-server, its work directory, its streamer."""

    session: pytest.Session
    plugin: EdrillPlugin
    streamer: Streamer
    ids: set[str]  # the exercises whose suites were collected
    streams: tuple[Any, Any]  # pytest's sys.stdout and sys.stderr, as in a slot of its own


def _prepare(session: pytest.Session, plugin: EdrillPlugin, target: Target) -> set[str]:
    """What every lane would otherwise load for itself, loaded once before they fork; the
    exercises collected."""
    collected = {exercise_of(item.path) for item in session.items}
    if target.solutions_dir is not None:
        for ex_id in collected:  # import each reference once, before the lanes fork
            with contextlib.suppress(Exception):
                plugin.make_reference(ex_id)
    import numpy.random  # noqa: F401 - numpy loads it lazily: once here, not per lane

    for lang in LANGS:  # the catalogues too (read on first use): once, not per lane
        translation(lang)
    # What the lanes share with this process is never collected again: a lane's
    # collections then do not touch (and copy) those pages.
    gc.collect()
    gc.freeze()
    return collected


def collect_once(target: Target, ids: list[str], timeout: float,
                 body: Callable[[Collected], None]) -> None:
    """Start pytest and collect the suites of `ids` here, once, then call `body(collected)`
    (the batch's parent: it forks its slots from this collected process, so no slot starts
    pytest or collects again). `body` runs with the real sys.stdout and sys.stderr, not
    pytest's captured ones; what it raises is raised here once pytest has ended."""
    real = sys.stdout, sys.stderr
    outcome: list[BaseException | None] = []

    def loop(session: pytest.Session, plugin: EdrillPlugin) -> None:
        streamer = next(p for p in session.config.pluginmanager.get_plugins()
                        if isinstance(p, Streamer))
        collected = Collected(session, plugin, streamer, _prepare(session, plugin, target),
                              (sys.stdout, sys.stderr))
        sys.stdout, sys.stderr = real
        try:
            body(collected)
            outcome.append(None)
        except BaseException as err:  # noqa: B036 - pytest would swallow it (Ctrl-C too)
            outcome.append(err)
        finally:
            sys.stdout, sys.stderr = collected.streams

    code = serve_suites(target, ids, loop, server=None, timeout=timeout,
                        mistakes=known_mistakes(target, ids),
                        plugins=[Streamer(target, lambda row: None)])
    if not outcome:
        missing = [str(path) for path in suite_files(target, ids) if not path.is_file()]
        raise NotServed("the grading suites could not be collected (pytest exit code "
                        f"{code})" + (f"; missing: {', '.join(missing)}" if missing else ""))
    if outcome[0] is not None:
        raise outcome[0]


def slot_main(sandbox, slot: int, target: Target, timeout: float, tasks_in: int,
              results_out: int, parent: int, close_fds: list[int],
              ids: list[str] | None = None, collected: Collected | None = None) -> None:
    """The body of a forked slot; never returns. `ids`: the exercises its students may
    have. `collected`: the suites the parent collected (`collect_once`), made this slot's
    own here; without it the slot collects them itself, once, when it starts."""
    code = 0
    server = None
    try:
        _die_with_parent(parent)
        _own_session()
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        for fd in close_fds:
            with contextlib.suppress(OSError):
                os.close(fd)
        work = sandbox.work_dir(slot)
        target = dataclasses.replace(target, student_dir=Path(work), label=f"slot {slot}")
        ids = list(ids or target.ids())
        server = sandbox.server(slot)  # it starts (loads numpy) while pytest collects
        state = {"code": 0, "server": server}

        def serve(session: pytest.Session, plugin: EdrillPlugin, streamer: Streamer,
                  collected: set[str]) -> None:
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
                        plugin.server = state["server"] = sandbox.server(slot)  # a reset
                        # may have had to replace it
                    graded += 1
                    grade_student(task, work, target, session, plugin, streamer, collected,
                                  results_out)
                except Exception:  # ours: report it, and let the parent start a fresh slot
                    send(results_out, {"kind": "failed", "student": task["student"],
                                       "error": traceback.format_exc(limit=8)[-MESSAGE_CAP:]})
                    state["code"] = 70
                    break

        def server_dead() -> bool:
            return not state["server"].alive()

        if collected is not None:  # the parent's collected session, pointed at this slot
            sys.stdout, sys.stderr = collected.streams
            sys.meta_path.insert(0, StudentImportBlocker(target.student_dir))
            plugin = collected.plugin
            plugin.server = server
            plugin.config.student_dir = target.student_dir
            plugin.config.module_paths = {ex_id: target.module_path(ex_id) for ex_id in ids}
            collected.streamer.target = target
            collected.streamer.server_dead = server_dead
            serve(collected.session, plugin, collected.streamer, collected.ids)
        else:
            def loop(session: pytest.Session, plugin: EdrillPlugin) -> None:
                serve(session, plugin, streamer, _prepare(session, plugin, target))

            streamer = Streamer(target, lambda row: None, server_dead=server_dead)
            serve_suites(target, ids, loop, server=server, timeout=timeout,
                         mistakes=known_mistakes(target, ids), plugins=[streamer])
        server = state["server"]
        code = state["code"]
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
