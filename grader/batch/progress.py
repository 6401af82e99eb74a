"""The batch's progress on stderr: done/total, submissions per second, time left.

On a terminal one line redrawn in place (a bar); elsewhere (a log file, CI) plain lines, one
per tenth of the work and one at the end, so a log stays short. `quiet` prints nothing.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 28
REDRAW = 0.25  # seconds between two redraws of the same count


def clock(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else \
        f"{rest // 60}:{rest % 60:02d}"


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, quiet: bool = False,
                 tty: bool | None = None, what: str = "submissions") -> None:
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.tty = self.stream.isatty() if tty is None else tty
        self.what = what
        self.start = time.monotonic()
        self.last_step = -1
        self.drawn = False
        self.drawn_at = 0.0

    def rate(self) -> float:
        elapsed = time.monotonic() - self.start
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        rate = self.rate()
        left = (self.total - self.done) / rate if rate > 0 else None
        eta = clock(left) if left is not None else "?"
        text = f"{self.done}/{self.total} {self.what}  {rate:.2f}/s  ETA {eta}"
        if self.tty:
            filled = int(WIDTH * self.done / self.total) if self.total else WIDTH
            text = f"[{'#' * filled}{'.' * (WIDTH - filled)}] {text}"
        return text

    def _draw(self) -> None:
        self.drawn_at = time.monotonic()
        self.stream.write(f"\r\x1b[2K{self.line()}")
        self.stream.flush()
        self.drawn = True

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.quiet:
            return
        if self.tty:
            self._draw()
            return
        step = 10 * self.done // self.total if self.total else 10
        if step != self.last_step and self.done < self.total:
            self.last_step = step
            print(self.line(), file=self.stream, flush=True)

    def refresh(self) -> None:
        """Redraw (the rate and ETA move while a slow student is graded)."""
        if not self.quiet and self.tty and time.monotonic() - self.drawn_at >= REDRAW:
            self._draw()

    def note(self, message: str) -> None:
        """A line of its own (a killed slot, say) that does not break the bar."""
        if self.quiet:
            return
        if self.tty and self.drawn:
            self.stream.write("\r\x1b[2K")
        print(message, file=self.stream, flush=True)
        if self.tty:
            self._draw()

    def finish(self) -> None:
        if self.quiet:
            return
        if self.tty:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()
        else:
            print(self.line(), file=self.stream, flush=True)
