"""The reference solution as the suites see it: live, recording, or replaying.

Where `solutions/` is at hand (the course repository, `grader selftest`, `grader try`) the
reference is the real module, imported in the trusted process. `grader build` runs every
suite against its solution and records each reference result, keyed by the check and the
call's position in it, with a digest of the arguments. A student workspace has no
solutions: there the same calls replay those recordings — so a workspace is graded without
`solutions/`, and a call with inputs other than the recorded ones is an error, not a guess.

Two spellings in a suite::

    want = reference.gru(x, h, *weights)            # a function of the solution module
    want = reference(scenario, W, idx, dout)         # scenario(module, W, idx, dout)

A scenario is a plain function of a module; run it on the `student` proxy too, and both
sides are driven the same way (useful for classes with forward/backward).
"""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from grader.checks import Mistake, current
from grader.worker.protocol import decode, encode

RECORD_FORMAT = 1


class ReferenceError(RuntimeError):
    """The reference cannot answer (no recording for this call, or other inputs)."""


def digest(value: Any) -> str:
    tree, arrays = encode(value)
    h = hashlib.sha256(json.dumps(tree, sort_keys=True, allow_nan=True).encode())
    for arr in arrays:
        h.update(str((arr.dtype.str, arr.shape)).encode())
        h.update(np.ascontiguousarray(arr).tobytes())
    return h.hexdigest()[:32]


def load_module(path: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ReferenceError(f"cannot load the reference {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Recording:
    """Reference results of one exercise: site -> (argument digest, encoded result)."""

    def __init__(self, entries: dict[str, tuple[str, Any]] | None = None,
                 inputs_digest: str = "") -> None:
        self.entries = entries or {}
        self.inputs_digest = inputs_digest

    def save(self, path: Path, mistakes: dict[str, list] | None = None,
             seconds: float | None = None) -> None:
        """Write the recording, and the values known wrong answers give at each site."""
        values = {site: result for site, (_d, result) in self.entries.items()}
        tree, arrays = encode({"values": values, "mistakes": mistakes or {}})
        index = {"format": RECORD_FORMAT, "inputs_digest": self.inputs_digest,
                 "digests": {site: d for site, (d, _r) in self.entries.items()},
                 "data": tree, "seconds": seconds}
        blob = np.frombuffer(json.dumps(index, allow_nan=True, sort_keys=True).encode(),
                             dtype=np.uint8)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            np.savez(f, index=blob, **{f"a{i}": a for i, a in enumerate(arrays)})
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> tuple[Recording, dict[str, list[Mistake]]]:
        """The recording and the known mistakes per comparison site."""
        with np.load(path, allow_pickle=False) as data:
            index = json.loads(bytes(data["index"]).decode())
            arrays = [data[f"a{i}"] for i in range(len(data.files) - 1)]
        if index.get("format") != RECORD_FORMAT:
            raise ReferenceError(f"{path} was recorded by another version of edrill")
        data = decode(index["data"], arrays)
        entries = {site: (index["digests"][site], value)
                   for site, value in data["values"].items()}
        mistakes = {site: [Mistake(value, why) for value, why in found]
                    for site, found in data["mistakes"].items()}
        return cls(entries, index.get("inputs_digest", "")), mistakes

    @staticmethod
    def read_index(path: Path) -> dict:
        with np.load(path, allow_pickle=False) as data:
            return json.loads(bytes(data["index"]).decode())


class Reference:
    """The `reference` fixture: live (a module), recording (live + a Recording), or replay."""

    def __init__(self, module: Any = None, recording: Recording | None = None,
                 record: bool = False) -> None:
        if module is None and recording is None:
            raise ReferenceError("a reference needs the solution or a recording")
        self._module = module
        self._recording = recording
        self._record = record
        self._counts: dict[str, int] = {}

    def _site(self, label: str) -> str:
        ctx = current.get()
        nodeid = ctx.nodeid if ctx is not None else "?"
        key = f"{nodeid}::{label}"
        k = self._counts.get(key, 0)
        self._counts[key] = k + 1
        return f"{key}#{k}"

    def __call__(self, scenario: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self._run(getattr(scenario, "__name__", "scenario"), scenario, args, kwargs)

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_"):
            raise AttributeError(name)

        def call(*args: Any, **kwargs: Any) -> Any:
            return self._run(name, lambda module, *a, **k: getattr(module, name)(*a, **k),
                             args, kwargs)

        return call

    def _run(self, label: str, scenario: Callable[..., Any], args: tuple,
             kwargs: dict) -> Any:
        site = self._site(label)
        arg_digest = digest([list(args), kwargs])
        if self._module is not None:
            result = scenario(self._module, *copy.deepcopy(args), **copy.deepcopy(kwargs))
            if self._record and self._recording is not None:
                encode(result)  # plain data only: fails here, at build time, if not
                self._recording.entries[site] = (arg_digest, result)
            return result
        assert self._recording is not None
        if site not in self._recording.entries:
            raise ReferenceError(
                f"no recorded reference value for {site}: the recordings are older than the "
                "suite (instructors: run `grader build`; students: update the workspace)")
        recorded_digest, result = self._recording.entries[site]
        if recorded_digest != arg_digest:
            raise ReferenceError(
                f"the reference value for {site} was recorded for other inputs: a check may "
                "only ask the reference about inputs it builds deterministically")
        return copy.deepcopy(result)


def reference_module(solution: Path, exercise_id: str) -> Any:
    name = f"_edrill_reference_{exercise_id}"
    if name not in sys.modules:
        sys.modules[name] = load_module(solution, name)
    return sys.modules[name]
