"""What `grader batch` needs from a sandbox: per-slot fork-servers and work directories.

A *slot* is one concurrent grading lane. Each slot has

- a host work directory, `work_dir(slot)`, into which the batch runner copies one
  submission's files before grading it. The sandbox makes that directory visible *at the
  same path* inside, so module paths need no translation; nothing else of the host's files
  (tests, solutions, the gradebook) is visible inside.
- a fork-server, `server(slot)`, started inside the slot's sandbox (numpy loaded once); the
  runner forks one fresh worker per exercise from it, as `grade` does.

`reset(slot)` runs between two submissions: it kills every process the previous one left
behind and empties the work directory. `close()` stops everything.

Implementations: `none` (plain fork-server, for development and laptops) here;
`bwrap` and `unshare` in `grader.sandbox.linux`.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from grader.worker.client import ForkServerClient


class SandboxError(RuntimeError):
    """The sandbox cannot be used; the message names the problem and the fix."""


class Sandbox:
    """The interface, and the `none` mode: no OS isolation beyond the worker split."""

    mode = "none"

    def __init__(self, slots: int, root: Path | None = None) -> None:
        self.slots = slots
        self._own_root = root is None
        self.root = Path(tempfile.mkdtemp(prefix="edrill-slots-")) if root is None else root
        self._servers: dict[int, ForkServerClient] = {}

    def work_dir(self, slot: int) -> Path:
        path = self.root / f"slot{slot}" / "work"
        path.mkdir(parents=True, exist_ok=True)
        return path

    def server(self, slot: int) -> ForkServerClient:
        """The slot's fork-server; a new one when the last one has died (killed, say)."""
        current = self._servers.get(slot)
        if current is not None and current.proc.poll() is not None:
            current.close()
            current = None
        if current is None:
            current = self._servers[slot] = ForkServerClient()
        return current

    def reset(self, slot: int) -> None:
        work = self.work_dir(slot)
        for child in work.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)

    def close(self) -> None:
        for server in self._servers.values():
            server.close()
        self._servers.clear()
        if self._own_root:
            shutil.rmtree(self.root, ignore_errors=True)


def open_sandbox(mode: str, slots: int, **options) -> Sandbox:
    """The sandbox named by `mode` (`bwrap`, `unshare` or `none`), ready for `slots` slots."""
    if mode == "none":
        return Sandbox(slots, **options)
    from grader.sandbox import linux  # noqa: PLC0415 - Linux-only

    return linux.open_linux_sandbox(mode, slots, **options)
