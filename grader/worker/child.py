"""The worker: the only process that imports and runs a student's module.

It is forked fresh for each exercise from the fork-server, redirects its own stdout/stderr
to a capped log file, imports the student's module and then answers requests from the
trusted process, one at a time:

- ``load``: import the module (remembered: an import error is reported once);
- ``getattr``: read an attribute of the module or of an object held in the worker;
- ``setattr``: set one;
- ``call``: call a function or method; the reply carries the result and the final state of
  every array, list or dict argument, so in-place changes reach the caller;
- ``harness``: run a function of a trusted harness module (``grader.harness.*``) on worker
  objects, e.g. a training loop that calls the student's cell thousands of times without
  crossing the process boundary.

Objects that are not plain data stay here, in a handle table, and travel as handles.
Nothing here is trusted by the other side: it validates every reply.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import signal
import socket
import sys
import traceback
from typing import Any

import numpy as np

from grader.worker.protocol import Channel, ChannelClosed, HandleRef, decode, encode

HARNESS_PREFIX = "grader.harness."


def describe_exception(err: BaseException, student_dir: str) -> dict:
    """Type, message and the frames of the student's own files (never the worker's)."""
    try:
        message = str(err)
    except Exception:  # an exception whose __str__ itself fails
        message = "<the exception's message could not be read>"
    if isinstance(err, SystemExit):
        message = f"sys.exit({err.code!r}) was called"
    frames = []
    root = os.path.realpath(student_dir)
    for frame in traceback.extract_tb(err.__traceback__):
        path = os.path.realpath(frame.filename)
        if path.startswith(root + os.sep):
            frames.append({"file": os.path.relpath(path, root), "line": frame.lineno,
                           "function": frame.name, "code": (frame.line or "")[:300]})
    info = {"type": type(err).__name__, "message": message[:2000], "frames": frames[-8:]}
    if isinstance(err, SyntaxError):
        info.update(file=os.path.basename(err.filename or ""), line=err.lineno,
                    text=(err.text or "").rstrip()[:300], message=err.msg)
    return info


class Worker:
    def __init__(self, channel: Channel, module_path: str, module_name: str,
                 student_dir: str) -> None:
        self.channel = channel
        self.module_path = module_path
        self.module_name = module_name
        self.student_dir = student_dir
        self.module: Any = None
        self.handles: dict[int, Any] = {}
        self.next_id = 1

    # -- handles
    def to_handle(self, obj: Any) -> dict:
        hid = next((h for h, held in self.handles.items() if held is obj), None)
        if hid is None:
            hid = self.next_id
            self.next_id += 1
            self.handles[hid] = obj
        return {"$handle": hid, "type": type(obj).__name__, "callable": callable(obj)}

    def from_handle(self, ref: HandleRef) -> Any:
        if ref.id == 0:
            return self.module
        if ref.id not in self.handles:
            raise LookupError(f"no object with handle {ref.id} in this worker")
        return self.handles[ref.id]

    def reply_value(self, value: Any) -> None:
        tree, out = encode(value, self.to_handle)
        self.channel.send({"ok": True, "value": tree}, out)

    # -- requests
    def serve(self) -> None:
        while True:
            try:
                header, arrays = self.channel.recv()
            except ChannelClosed:
                return
            op = header.get("op")
            try:
                if op == "load":
                    self.load()
                    self.channel.send({"ok": True})
                elif op == "getattr":
                    target = self.from_handle(decode(header["target"], arrays))
                    self.reply_value(getattr(target, header["name"]))
                elif op == "setattr":
                    target = self.from_handle(decode(header["target"], arrays))
                    value = decode(header["value"], arrays, self.from_handle)
                    setattr(target, header["name"], value)
                    self.channel.send({"ok": True})
                elif op in ("call", "harness"):
                    self.call(op, header, arrays)
                elif op == "release":
                    self.handles.pop(int(header["id"]), None)
                    self.channel.send({"ok": True})
                else:
                    self.channel.send({"ok": False, "error": {"type": "ProtocolError",
                                       "message": f"unknown op {op!r}", "frames": []}})
            except ChannelClosed:
                return
            except BaseException as err:  # noqa: B036 - student code may raise anything
                self.channel.send({"ok": False,
                                   "error": describe_exception(err, self.student_dir)})

    def load(self) -> None:
        if self.module is not None:
            return
        spec = importlib.util.spec_from_file_location(self.module_name, self.module_path)
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot load {self.module_path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[self.module_name] = module
        spec.loader.exec_module(module)
        self.module = module

    def call(self, op: str, header: dict, arrays: list) -> None:
        if op == "harness":
            name = str(header["function"])
            module_name, _, func_name = name.rpartition(".")
            try:
                if not module_name.startswith(HARNESS_PREFIX):
                    raise PermissionError(f"{name} is not a harness function")
                func = getattr(importlib.import_module(module_name), func_name)
            except Exception as err:  # the suite named no usable harness: not the student's
                self.channel.send({"ok": False, "internal": f"{name}: {type(err).__name__}: "
                                                            f"{err}"})
                return
        else:
            func = self.from_handle(decode(header["target"], arrays))
        args = decode(header["args"], arrays, self.from_handle)
        kwargs = decode(header["kwargs"], arrays, self.from_handle)
        before = [_snapshot(a) for a in args], {k: _snapshot(v) for k, v in kwargs.items()}
        result = func(*args, **kwargs)
        # Send back the arguments the call changed in place: the caller sees the change,
        # and which entries of a dict or list argument were replaced rather than written
        # into (an optimizer's `params[key] = ...` instead of `params[key] -= ...`).
        mutated = [[i, a, _replaced(before[0][i], a)] for i, a in enumerate(args)
                   if _changed(before[0][i], a)]
        mutated += [[k, v, _replaced(before[1][k], v)] for k, v in kwargs.items()
                    if _changed(before[1][k], v)]
        tree, out = encode({"value": result, "mutated": mutated}, self.to_handle)
        self.channel.send({"ok": True, "result": tree}, out)


def _snapshot(value: Any) -> Any:
    """What an argument holds before a call: containers by identity, arrays by content."""
    if isinstance(value, np.ndarray):
        return ("array", value, value.copy())
    if type(value) is list:
        return ("list", value, [_snapshot(v) for v in value])
    if type(value) is dict:
        return ("dict", value, {k: _snapshot(v) for k, v in value.items()})
    return ("other", value, None)


def _changed(snap: Any, value: Any) -> bool:
    kind, obj, inner = snap
    if value is not obj:
        return kind != "other"
    if kind == "array":
        return (value.shape != inner.shape or value.dtype != inner.dtype
                or value.tobytes() != inner.tobytes())
    if kind == "list":
        if len(value) != len(inner):
            return True
        return any(_changed(s, v) for s, v in zip(inner, value, strict=True))
    if kind == "dict":
        return value.keys() != inner.keys() or any(_changed(inner[k], value[k]) for k in inner)
    return False


def _replaced(snap: Any, value: Any) -> list:
    """The keys (dict) or indexes (list) of a container argument whose array entry is now
    another object: the caller's copy of that entry is replaced, not written into."""
    kind, obj, inner = snap
    if value is not obj or kind not in ("dict", "list"):
        return []
    if kind == "dict":
        keys = [k for k in inner if k in value]
    else:
        keys = list(range(min(len(inner), len(value))))
    return [k for k in keys if inner[k][0] == "array" and value[k] is not inner[k][1]]


def redirect_output(log_path: str, log_fd: int | None = None) -> None:
    """Student prints go to the log file (or the open log `log_fd` the trusted side passed,
    in a sandbox that cannot see the log's path); stdin is empty."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    if log_fd is not None:
        log = log_fd
    else:
        log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(log)
    for stream in (sys.stdout, sys.stderr):  # every print reaches the log, even before a crash
        try:
            stream.reconfigure(line_buffering=True, errors="replace")
        except Exception:
            pass


def apply_limits(limits: dict) -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    table = {"cpu": resource.RLIMIT_CPU, "fsize": resource.RLIMIT_FSIZE,
             "as": getattr(resource, "RLIMIT_AS", None), "core": resource.RLIMIT_CORE}
    for key, value in limits.items():
        which = table.get(key)
        if which is None or value is None:
            continue
        try:
            soft, hard = resource.getrlimit(which)
            value = int(value)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(which, (value, value if hard == resource.RLIM_INFINITY
                                       else hard))
        except (ValueError, OSError):
            pass


def start(sock: socket.socket, spec: dict, log_fd: int | None = None) -> None:
    """Run in the fresh worker process: isolate, then serve until the channel closes."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)
    redirect_output(spec["log_path"], log_fd)
    apply_limits(spec.get("limits", {}))
    student_dir = spec["student_dir"]
    os.chdir(student_dir)
    sys.path.insert(0, student_dir)
    sys.argv = [spec["module_path"]]
    channel = Channel(sock)
    channel.send({"hello": os.getpid()})  # before any student code runs
    Worker(channel, spec["module_path"], spec["module_name"], student_dir).serve()
