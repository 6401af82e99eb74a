"""A student's module as the grading suites see it: a proxy to code in a worker.

`IsolatedSession` owns the worker of one exercise: it starts it on first use, imports the
module once (an import that fails or hangs is remembered, and every later request fails at
once with the same reason), starts a fresh worker after a crash, and stops trying after a
timeout (one timeout per exercise, never one per check). `Remote` is the proxy: attribute
reads, calls and attribute writes go to the worker; what comes back is plain data or
another `Remote`.

Every failure of student code reaches the suite as a `StudentFault` subclass, which the
check library turns into feedback. `InProcessSession` offers the same interface without a
worker; it exists only to measure what isolation costs (benchmarks), never to grade.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from grader.worker.client import ForkServerClient, WorkerGone, WorkerProcess, describe_end
from grader.worker.protocol import HandleRef, ProtocolError, decode, encode

UNFILLED = re.compile(r"blank (\d+) of (\w+) is not filled in yet")
DEFAULT_LIMITS = {"cpu": 120, "as": 4 * 1024**3, "fsize": 64 * 1024**2, "core": 0}


class StudentFault(Exception):
    """Something the student's code did: the check that met it fails with this message."""

    kind = "fault"

    def describe(self) -> str:
        return str(self)


class StudentError(StudentFault):
    """The student's code raised an exception."""

    kind = "raised"

    def __init__(self, info: dict) -> None:
        self.info = info
        self.type = str(info.get("type", "Exception"))
        self.message = str(info.get("message", ""))
        self.frames = list(info.get("frames") or [])
        match = UNFILLED.search(self.message) if self.type == "NotImplementedError" else None
        self.unfilled_blank = int(match.group(1)) if match else None
        self.unfilled_exercise = match.group(2) if match else None
        super().__init__(self.describe())

    def where(self) -> str:
        if self.type == "SyntaxError":
            line = self.info.get("line")
            text = self.info.get("text") or ""
            return f"{self.info.get('file', '')}, line {line}" + (f": {text.strip()}"
                                                                   if text else "")
        if not self.frames:
            return ""
        last = self.frames[-1]
        code = f": {last['code']}" if last.get("code") else ""
        return f"{last['file']}, line {last['line']}, in {last['function']}{code}"

    def describe(self) -> str:
        where = self.where()
        return f"{self.type}: {self.message}" + (f" ({where})" if where else "")


class StudentTimeout(StudentFault):
    kind = "timeout"

    def __init__(self, seconds: float, earlier: bool = False) -> None:
        self.seconds = seconds
        self.earlier = earlier
        super().__init__(f"timed out after {seconds:g} s")


class StudentCrash(StudentFault):
    """The worker process ended during a request (os._exit, a segfault, a kill)."""

    kind = "crash"

    def __init__(self, how: dict) -> None:
        self.how = how
        self.exit_code = (how.get("status") or {}).get("exit")
        self.signal = (how.get("status") or {}).get("signal")
        super().__init__(f"the worker process {describe_end(how)}")


class StudentImportError(StudentFault):
    """The module could not be loaded; every check of the exercise meets this."""

    kind = "import"

    def __init__(self, cause: StudentFault) -> None:
        self.cause = cause
        super().__init__(cause.describe())


class StudentProtocolError(StudentFault):
    """The worker sent something that is not a valid reply (too large, malformed)."""

    kind = "protocol"


class HarnessError(RuntimeError):
    """A suite asked the worker for a harness that cannot be used (a bug of the suite)."""


class StaleHandle(StudentFault):
    kind = "stale"

    def __init__(self) -> None:
        super().__init__("this object lived in a worker that has since ended "
                         "(after an earlier crash)")


class Remote:
    """A proxy to an object in the worker (the module itself, a class instance, a method)."""

    __slots__ = ("_session", "_target", "_generation", "_label")

    def __init__(self, session: Any, target: Any, generation: int, label: str) -> None:
        object.__setattr__(self, "_session", session)
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_generation", generation)
        object.__setattr__(self, "_label", label)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return self._session.getattr(self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        self._session.setattr(self, name, value)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._session.call(self, args, kwargs)

    def __repr__(self) -> str:
        return f"<student {self._label}>"


def sync_back(original: Any, final: Any, replaced: Any = ()) -> Any:
    """Copy the worker's final state of an argument into the caller's object, in place.

    `replaced`: the keys or indexes of a dict or list argument whose array the call replaced
    by another one; the caller's entry is replaced too, so an array held elsewhere before
    the call (a layer's weights) keeps its old values, as it would in one process.
    """
    replaced = set(replaced) if isinstance(replaced, list) else set()
    if isinstance(original, np.ndarray) and isinstance(final, np.ndarray):
        if original.shape == final.shape and original.flags.writeable:
            np.copyto(original, final, casting="unsafe")
        return original
    if type(original) is list and type(final) is list:
        merged = [f if i in replaced else sync_back(o, f)
                  for i, (o, f) in enumerate(zip(original, final, strict=False))]
        original[:] = merged + final[len(original):]
        return original
    if type(original) is dict and type(final) is dict:
        for key in list(original):
            if key not in final:
                del original[key]
        for key, value in final.items():
            original[key] = (sync_back(original[key], value)
                             if key in original and key not in replaced else value)
        return original
    return final


class IsolatedSession:
    """The worker of one exercise, restarted after a crash, given up after a timeout."""

    def __init__(self, server: ForkServerClient, module_path: Path, module_name: str,
                 student_dir: Path, *, timeout: float = 5.0, import_timeout: float = 10.0,
                 limits: dict | None = None, log_dir: Path | None = None) -> None:
        self.server = server
        self.module_path = Path(module_path)
        self.module_name = module_name
        self.student_dir = Path(student_dir)
        self.timeout = timeout
        self.import_timeout = import_timeout
        self.limits = dict(DEFAULT_LIMITS, **(limits or {}))
        self._tmp = None if log_dir else tempfile.TemporaryDirectory(prefix="edrill-log-")
        self.log_dir = Path(log_dir or self._tmp.name)
        self.worker: WorkerProcess | None = None
        self.loading = False  # a "load" request is on its way
        self.generation = 0
        self.load_error: StudentImportError | None = None
        self.timed_out: StudentTimeout | None = None
        self.crashes = 0
        self.mutations: list[str] = []  # calls of the current check that changed arguments
        self.logs: list[Path] = []
        self.module = Remote(self, HandleRef(0, "module", False), -1, f"module {module_name}")

    # -- the worker's life
    def prestart(self) -> None:
        """Fork the worker and start importing the module now, while other work goes on;
        the first request waits for the import (its clock starts then)."""
        if (self.worker is None and self.load_error is None and self.timed_out is None
                and self.module_path.exists()):
            self._spawn()

    def _spawn(self) -> None:
        self.generation += 1
        log = self.log_dir / f"{self.module_name}.{self.generation}.log"
        self.logs.append(log)
        spec = {"module_path": str(self.module_path), "module_name": self.module_name,
                "student_dir": str(self.student_dir), "log_path": str(log),
                "limits": self.limits}
        self.worker = WorkerProcess(self.server, spec)
        self.worker.send({"op": "load"})
        self.loading = True

    def _start(self) -> WorkerProcess:
        if self.load_error is not None:
            raise self.load_error
        if self.timed_out is not None:
            raise StudentTimeout(self.timed_out.seconds, earlier=True)
        if self.worker is None or not self.worker.alive:
            self._spawn()
        if self.loading:
            self.loading = False
            try:
                self._receive(self.import_timeout)  # the reply to "load"
            except StudentFault as fault:
                self.load_error = StudentImportError(fault)
                self.worker.end(kill=True)
                raise self.load_error from None
        return self.worker

    def _exchange(self, header: dict, arrays: list, timeout: float) -> tuple[dict, list]:
        assert self.worker is not None
        try:
            self.worker.send(header, arrays)
        except WorkerGone as gone:
            self.crashes += 1
            raise StudentCrash(gone.how) from None
        return self._receive(timeout)

    def _receive(self, timeout: float) -> tuple[dict, list]:
        assert self.worker is not None
        try:
            reply, out = self.worker.receive(timeout)
        except WorkerGone as gone:
            if gone.timed_out:
                self.timed_out = StudentTimeout(timeout)
                raise self.timed_out from None
            self.crashes += 1
            raise StudentCrash(gone.how) from None
        except ProtocolError as err:
            self.worker.end(kill=True)
            raise StudentProtocolError(f"the worker sent an invalid reply: {err}") from None
        if not reply.get("ok"):
            if "internal" in reply:
                raise HarnessError(str(reply["internal"])[:500])
            raise StudentError(reply.get("error") or {})
        return reply, out

    def close(self) -> None:
        if self.worker is not None:
            self.worker.end(kill=True, wait=False)
            self.worker = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def output(self, limit: int = 4000) -> str:
        """What the student's code printed (capped), across this exercise's workers."""
        text = ""
        for log in self.logs:
            try:
                with open(log, "rb") as f:
                    text += f.read(limit).decode("utf-8", "replace")
            except OSError:
                continue
            if len(text) >= limit:
                return text[:limit] + "\n… (output cut)"
        return text

    # -- requests
    def _target(self, remote: Remote) -> HandleRef:
        ref = remote._target
        if ref.id != 0 and remote._generation != self.generation:
            raise StaleHandle()
        return ref

    def _decode(self, tree: Any, arrays: list) -> Any:
        generation = self.generation

        def to_remote(ref: HandleRef) -> Remote:
            return Remote(self, ref, generation, ref.type)

        try:
            return decode(tree, arrays, to_remote)
        except ProtocolError as err:
            raise StudentProtocolError(f"the worker sent an invalid value: {err}") from None

    def _encode(self, value: Any) -> tuple[Any, list]:
        def from_remote(obj: Any) -> Any:
            if isinstance(obj, Remote):
                return {"$handle": self._target(obj).id}
            raise TypeError(f"a suite cannot send a {type(obj).__name__} to the worker")

        return encode(value, from_remote)

    def getattr(self, remote: Remote, name: str) -> Any:
        self._start()
        tree, arrays = self._encode(self._target(remote))
        reply, out = self._exchange({"op": "getattr", "target": tree, "name": name}, arrays,
                                    self.timeout)
        value = self._decode(reply.get("value"), out)
        if isinstance(value, Remote):
            object.__setattr__(value, "_label", f"{remote._label.split(' ')[-1]}.{name}")
        return value

    def setattr(self, remote: Remote, name: str, value: Any) -> None:
        self._start()
        tree, arrays = self._encode([self._target(remote), value])
        self._exchange({"op": "setattr", "target": tree[0], "value": tree[1], "name": name},
                       arrays, self.timeout)

    def call(self, remote: Remote, args: tuple, kwargs: dict,
             timeout: float | None = None) -> Any:
        self._start()
        tree, arrays = self._encode([self._target(remote), list(args), kwargs])
        reply, out = self._exchange(
            {"op": "call", "target": tree[0], "args": tree[1], "kwargs": tree[2]}, arrays,
            timeout or self.timeout)
        return self._result(reply, out, args, kwargs)

    def harness(self, function: str, *args: Any, timeout: float | None = None,
                **kwargs: Any) -> Any:
        """Run a trusted harness function (grader.harness.*) inside the worker."""
        self._start()
        tree, arrays = self._encode([list(args), kwargs])
        reply, out = self._exchange(
            {"op": "harness", "function": function, "args": tree[0], "kwargs": tree[1]},
            arrays, timeout or self.timeout)
        return self._result(reply, out, args, kwargs)

    def _result(self, reply: dict, out: list, args: tuple, kwargs: dict) -> Any:
        result = self._decode(reply.get("result"), out)
        if type(result) is not dict or "value" not in result:
            raise StudentProtocolError("the worker's reply has no result")
        for entry in result.get("mutated") or []:
            if type(entry) is not list or len(entry) < 2:
                raise StudentProtocolError("the worker's reply has a malformed argument")
            key, final = entry[0], entry[1]
            replaced = entry[2] if len(entry) > 2 and type(entry[2]) is list else []
            if not all(type(k) in (int, str) for k in replaced):
                replaced = []
            if type(key) is int and 0 <= key < len(args):
                sync_back(args[key], final, replaced)
            elif type(key) is str and key in kwargs:
                sync_back(kwargs[key], final, replaced)
            self.mutations.append(str(key))
        return result["value"]


class InProcessSession:
    """The same interface, calling the module directly. For benchmarks only: no isolation."""

    def __init__(self, module_path: Path, module_name: str, student_dir: Path, **_: Any):
        self.module_path = Path(module_path)
        self.module_name = module_name
        self.student_dir = Path(student_dir)
        self.load_error = None
        self.timed_out = None
        self.crashes = 0
        self.mutations: list[str] = []
        self._module: Any = None
        self.module = Remote(self, None, 0, f"module {module_name}")

    def _load(self) -> Any:
        if self._module is None:
            spec = importlib.util.spec_from_file_location(
                f"_edrill_inprocess_{self.module_name}", self.module_path)
            module = importlib.util.module_from_spec(spec)
            sys.path.insert(0, str(self.student_dir))
            try:
                spec.loader.exec_module(module)
            finally:
                sys.path.remove(str(self.student_dir))
            self._module = module
        return self._module

    def _wrap(self, value: Any) -> Any:
        plain = (type(None), bool, int, float, str, tuple, list, dict, np.ndarray, np.generic)
        return value if isinstance(value, plain) else Remote(self, value, 0, type(value).__name__)

    def _obj(self, remote: Remote) -> Any:
        return self._load() if remote._target is None else remote._target

    def getattr(self, remote: Remote, name: str) -> Any:
        return self._wrap(getattr(self._obj(remote), name))

    def setattr(self, remote: Remote, name: str, value: Any) -> None:
        setattr(self._obj(remote), name, value)

    def call(self, remote: Remote, args: tuple, kwargs: dict, timeout: float | None = None):
        unwrap = [a._target if isinstance(a, Remote) else a for a in args]
        try:
            return self._wrap(self._obj(remote)(*unwrap, **kwargs))
        except Exception as err:
            raise StudentError({"type": type(err).__name__, "message": str(err)}) from None

    def harness(self, function: str, *args: Any, timeout: float | None = None, **kwargs: Any):
        module_name, _, func_name = function.rpartition(".")
        func = getattr(importlib.import_module(module_name), func_name)
        unwrap = [a._target if isinstance(a, Remote) else a for a in args]
        return func(*unwrap, **kwargs)

    def output(self, limit: int = 4000) -> str:
        return ""

    def close(self) -> None:
        pass
