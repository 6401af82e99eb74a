"""The batch's parent: hands students to parallel slots, enforces the wall limit, stores.

The parent starts pytest and collects the suites once, then forks each slot
(grader.batch.slot) from that collected process: a trusted process with a fork-server of
its own inside its sandbox slot. The parent sends a slot one student at a time over a pipe and
reads that student's rows back (pickles from its own fork). It alone writes the results
store: a student's rows go to `on_student` (one transaction) once the student is done.

A student whose grading exceeds `submission_timeout` seconds of wall time: the parent
kills the slot with its whole process tree (and its sandbox slot), records `timeout` for
the exercises not yet done, and starts a fresh slot for the next student. A slot that
ends by itself (a bug of ours) gives the rest of its student internal-error rows, which the
store marks for regrading.

The parent is the child subreaper: a process that escaped a killed slot's tree is handed
to it and killed, so nothing outlives the batch.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import select
import signal
import sys
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from grader.batch import slot as slot_mod
from grader.engine import Target

PR_SET_CHILD_SUBREAPER = 36
TICK = 0.5  # seconds between progress refreshes while waiting
FAILED_STARTS = 3  # slots in a row that end before finishing any student: give up


class BatchAborted(RuntimeError):
    """The slots cannot grade at all (the sandbox does not start); the message says why."""


@dataclass
class Task:
    """One student's modules to grade: exercise id -> module source, with their hashes."""

    student: str
    files: dict[str, bytes]
    hashes: dict[str, str]
    versions: dict[str, str]
    seeds: dict[str, int] = field(default_factory=dict)  # exercises with a hidden suite


def complete_rows(task: Task, target: Target, rows: dict[str, dict],
                  fill: dict | None = None) -> list[dict]:
    """One row per exercise of `task`: the graded `rows`, and `fill` (status, message) for
    an exercise without one; each stamped with its content hash and suite version (none
    for an internal error, so that the next run grades it again)."""
    out = []
    for ex_id in task.files:
        row = rows.get(ex_id)
        if row is None:
            row = dict(fill or {}, exercise=ex_id, score=0,
                       max_score=int(target.meta(ex_id).get("points", 0)), output="",
                       seconds=0.0, graded_at=time.time(), checks=[])
        out.append(dict(row, content_hash=task.hashes[ex_id],
                        suite_version="" if row.get("internal") else task.versions[ex_id],
                        seed=task.seeds.get(ex_id)))
    return out


@dataclass
class Options:
    slots: int = 1
    timeout: float = 3.0  # per call into student code
    submission_timeout: float = 60.0  # wall time for one student's whole submission


@dataclass
class _Slot:
    slot: int
    pid: int
    tasks_w: int
    results_r: int
    buffer: bytearray = field(default_factory=bytearray)
    task: Task | None = None
    deadline: float = 0.0
    started: float = 0.0
    rows: dict[str, dict] = field(default_factory=dict)
    ending: bool = False  # said it failed: no more students for it, its end is near


def _prctl(option: int, value: int) -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0)


def children_of(pid: int) -> set[int]:
    """The live child processes of `pid` (Linux /proc; empty elsewhere)."""
    out: set[int] = set()
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out.update(int(p) for p in f.read().split())
    except OSError:
        pass
    return out


def descendants(pid: int) -> list[int]:
    seen: list[int] = []
    todo = [pid]
    while todo:
        for child in children_of(todo.pop()):
            if child not in seen:
                seen.append(child)
                todo.append(child)
    return seen


def _signal(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, sig)


def kill_tree(pid: int) -> None:
    """SIGKILL `pid` and every process under it: freeze the tree top-down, then kill."""
    frozen: list[int] = []
    for _ in range(3):
        tree = [p for p in [pid, *descendants(pid)] if p not in frozen]
        if not tree:
            break
        for p in tree:
            _signal(p, signal.SIGSTOP)
        frozen += tree
    for p in frozen:
        _signal(p, signal.SIGKILL)


def reap(pid: int, timeout: float = 5.0) -> int | None:
    """Wait for a child that was killed; None if it has not ended within `timeout` (a
    process stuck in the kernel must not hang the batch)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            done, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return None
        if done:
            return status
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.005)


class Runner:
    """Grade `tasks` over `sandbox`'s slots; call `on_student(task, rows)` per student."""

    def __init__(self, sandbox, target: Target, options: Options,
                 on_student: Callable[[Task, list[dict]], None],
                 progress=None, close_in_slots: list[int] = (),
                 collect_here: bool = True) -> None:
        self.sandbox = sandbox
        self.target = target
        self.options = options
        self.on_student = on_student
        self.progress = progress
        self.close_in_slots = list(close_in_slots)  # the parent's, not a slot's (a lock)
        self.slots: dict[int, _Slot] = {}
        self.baseline: set[int] = set()
        self.failures = 0  # slots ended in a row without finishing a student
        self.ids: list[str] = []
        self.last_error = ""
        # collect the suites once here and fork the slots from that (not in a thread of a
        # Dask worker, whose process pytest's capture and signal handling must not touch)
        self.collect_here = collect_here
        self.collected: slot_mod.Collected | None = None

    # ------------------------------------------------------------------ slots
    def _start(self, slot: int) -> _Slot:
        tasks_r, tasks_w = os.pipe()
        results_r, results_w = os.pipe()
        inherited = [fd for s in self.slots.values() for fd in (s.tasks_w, s.results_r)]
        inherited += self.close_in_slots
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the slot: never returns
            slot_mod.slot_main(self.sandbox, slot, self.target, self.options.timeout,
                               tasks_r, results_w, parent, [tasks_w, results_r, *inherited],
                               ids=self.ids, collected=self.collected)
        os.close(tasks_r)
        os.close(results_w)
        state = _Slot(slot, pid, tasks_w, results_r)
        self.slots[slot] = state
        return state

    def _close_fds(self, state: _Slot) -> None:
        for fd in (state.tasks_w, state.results_r):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _kill(self, state: _Slot) -> None:
        """End a slot with its whole tree, then clean its sandbox slot."""
        kill_tree(state.pid)
        reap(state.pid)
        self._close_fds(state)
        del self.slots[state.slot]
        self.sweep()
        self.sandbox.reset(state.slot)

    def sweep(self) -> None:
        """Kill and reap processes handed to us as subreaper (escaped from a dead slot)."""
        slot_pids = {s.pid for s in self.slots.values()}
        for _ in range(20):
            strays = children_of(os.getpid()) - slot_pids - self.baseline
            if not strays:
                return
            for pid in strays:
                kill_tree(pid)
            for pid in strays:
                reap(pid, timeout=1.0)

    # ------------------------------------------------------------------ students
    def _give(self, state: _Slot, task: Task) -> None:
        state.task, state.rows, state.buffer = task, {}, bytearray()
        state.started = time.monotonic()
        state.deadline = state.started + self.options.submission_timeout
        try:
            slot_mod.send(state.tasks_w, {"student": task.student, "files": task.files,
                                            "seeds": task.seeds})
        except OSError:  # the slot is gone; reading its pipe says so
            pass

    def _finish(self, state: _Slot, fill: dict | None = None) -> None:
        """The student of `state` is done: complete its rows (with `fill` for the exercises
        without one) and hand them on."""
        task = state.task
        rows = complete_rows(task, self.target, state.rows, fill)
        state.task, state.rows = None, {}
        self.on_student(task, rows)
        if self.progress is not None:
            self.progress.advance()

    def _handle(self, state: _Slot, message: dict) -> None:
        kind = message.get("kind")
        if kind == "row" and state.task is not None:
            state.rows[message["row"]["exercise"]] = message["row"]
        elif kind == "done" and state.task is not None:
            self.failures = 0
            error = str(message.get("error") or "").strip()
            self._finish(state, {"status": "error", "internal": True, "message":
                                 "internal error: the suite reported no result"
                                 + (f": {error[-1500:]}" if error else "")})
        elif kind == "failed":
            self.last_error = str(message.get("error", ""))
            state.ending = True
        if kind == "failed" and state.task is not None:
            self._finish(state, {"status": "error", "internal": True, "message":
                                 "internal error while grading (the next run grades it "
                                 "again): " + str(message.get("error", ""))[-1500:]})

    def _timed_out(self, state: _Slot) -> None:
        limit = self.options.submission_timeout
        self._kill(state)
        if self.progress is not None:
            self.progress.note(f"{state.task.student}: over the wall limit of {limit:g} s; "
                               "the slot was killed")
        self._finish(state, {"status": "timeout", "message":
                             f"not graded: the submission went over its wall limit of "
                             f"{limit:g} s (--submission-timeout)"})

    def _ended(self, state: _Slot) -> None:
        """The slot's pipe closed: it ended by itself."""
        try:
            _pid, status = os.waitpid(state.pid, 0)
            how = (f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status)
                   else f"status {os.WEXITSTATUS(status)}")
        except ChildProcessError:
            how = "unknown status"
        self._close_fds(state)
        del self.slots[state.slot]
        self.sweep()
        self.sandbox.reset(state.slot)  # the next slot starts on a clean one
        if state.task is not None:
            self._finish(state, {"status": "error", "internal": True, "message":
                                 f"internal error: grading slot {state.slot} ended ({how}) "
                                 "while grading this submission; the next run grades it "
                                 "again"})
        self.failures += 1
        if self.failures >= FAILED_STARTS:
            raise BatchAborted(f"{self.failures} grading slots in a row ended before "
                               f"finishing a submission (the last: {how}):\n"
                               f"{self.last_error.strip() or '(no message)'}")

    # ------------------------------------------------------------------ the loop
    def run(self, tasks: list[Task]) -> None:
        wanted = {ex_id for task in tasks for ex_id in task.files}  # the suites slots collect
        self.ids = [ex_id for ex_id in self.target.ids() if ex_id in wanted]
        if not (self.collect_here and tasks and self.ids):
            self._run(tasks)
            return

        def body(collected: slot_mod.Collected) -> None:
            self.collected = collected
            try:
                self._run(tasks)
            finally:
                self.collected = None

        try:
            slot_mod.collect_once(self.target, self.ids, self.options.timeout, body)
        except slot_mod.NotServed as err:
            raise BatchAborted(str(err)) from None

    def _run(self, tasks: list[Task]) -> None:
        pending = deque(tasks)
        count = max(1, min(self.options.slots, len(tasks)))
        _prctl(PR_SET_CHILD_SUBREAPER, 1)
        self.baseline = children_of(os.getpid())
        try:
            while pending or any(s.task for s in self.slots.values()):
                for slot in range(count):
                    if not pending:
                        break
                    state = self.slots.get(slot) or self._start(slot)
                    if state.task is None and not state.ending:
                        self._give(state, pending.popleft())
                self._wait()
        finally:
            self._stop()

    def _wait(self) -> None:
        busy = [s for s in self.slots.values() if s.task is not None]
        now = time.monotonic()
        wait = min([TICK, *(s.deadline - now for s in busy)])
        by_fd = {s.results_r: s for s in self.slots.values()}
        try:
            readable, _, _ = select.select(list(by_fd), [], [], max(0.0, wait))
        except InterruptedError:
            readable = []
        for fd in readable:
            state = by_fd[fd]
            try:
                data = os.read(fd, 1 << 20)
            except OSError:
                data = b""
            if not data:
                self._ended(state)
                continue
            state.buffer += data
            for message in slot_mod.frames(state.buffer):
                self._handle(state, message)
        now = time.monotonic()
        for state in [s for s in self.slots.values() if s.task is not None]:
            if now >= state.deadline:
                self._timed_out(state)
        if self.progress is not None:
            self.progress.refresh()

    def _stop(self) -> None:
        """Ask idle slots to end; kill the rest (an interrupted batch); sweep."""
        for state in list(self.slots.values()):
            if state.task is None:
                with contextlib.suppress(OSError):
                    slot_mod.send(state.tasks_w, None)
        deadline = time.monotonic() + 10.0
        for state in list(self.slots.values()):
            status = None  # a busy slot (an interrupted batch) is killed at once
            if state.task is None:
                status = reap(state.pid, max(0.0, deadline - time.monotonic()))
            if status is None:
                kill_tree(state.pid)
                reap(state.pid)
            self._close_fds(state)
            del self.slots[state.slot]
        self.sweep()
