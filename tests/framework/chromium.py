"""Headless Chromium for the tests of HTML pages: load a local file, keep its DOM and a
screenshot as artifacts, and say what the page did (requests, console, errors).

Debian's `chromium` (apt-get install chromium; `.ci/run` installs it), driven through the
DevTools protocol over a pipe (`--remote-debugging-pipe`: JSON messages ending in NUL on
file descriptors 3 and 4), so nothing beyond the standard library is needed. Any test can
use the session-scoped `chromium` fixture::

    def test_page(chromium, tmp_path):
        page = chromium.render(tmp_path / "report.html", "report",
                               probes={"bars": "document.querySelectorAll('rect').length"})
        assert page.probes["bars"] > 0 and not page.errors and not page.requests_elsewhere

`render` saves `<name>.html` (the DOM after load) and `<name>.png` (the whole page) under
EDRILL_ARTIFACTS (default build/artifacts in the repository). Where Chromium is missing the
fixture skips, except in CI (CI=true), where it fails.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BINARIES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL = "install Debian's chromium (apt-get install chromium) or set EDRILL_CHROMIUM"


def artifacts_dir() -> Path:
    """EDRILL_ARTIFACTS, or build/artifacts in the repository."""
    folder = Path(os.environ.get("EDRILL_ARTIFACTS") or ROOT / "build" / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def find_chromium() -> str | None:
    named = os.environ.get("EDRILL_CHROMIUM")
    if named:
        return shutil.which(named)
    return next((path for path in map(shutil.which, BINARIES) if path), None)


class BrowserError(RuntimeError):
    """Chromium died, or did not answer in time."""


@dataclass
class Page:
    """What one `render` saw."""

    url: str
    dom: str  # document.documentElement.outerHTML after the load event
    dom_path: Path
    screenshot: Path
    size: tuple[int, int]  # the page's full width and height in CSS pixels
    requests: list[str] = field(default_factory=list)  # every URL the page asked for
    console: list[str] = field(default_factory=list)  # "level: text" of console calls, logs
    errors: list[str] = field(default_factory=list)  # uncaught exceptions, error logs
    probes: dict = field(default_factory=dict)  # name -> value of each probe expression

    @property
    def requests_elsewhere(self) -> list[str]:
        """Requests for anything but the page itself (a self-contained page makes none)."""
        return [u for u in self.requests if u != self.url and not u.startswith("data:")]


class Chromium:
    """One headless Chromium process; each `render` opens and closes its own tab."""

    def __init__(self, binary: str, artifacts: Path, timeout: float = 30.0) -> None:
        self.binary, self.artifacts, self.timeout = binary, artifacts, timeout
        self.profile = tempfile.mkdtemp(prefix="edrill-chromium-")
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict] = []

        def wire() -> None:  # in the child: its fd 3 reads our messages, fd 4 answers
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.log = Path(self.profile) / "chromium.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--no-default-browser-check", "--disable-dev-shm-usage",
                 "--disable-extensions", "--disable-background-networking",
                 "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe",
                 f"--user-data-dir={self.profile}", "about:blank"],
                pass_fds=(3, 4), preexec_fn=wire, stdin=subprocess.DEVNULL,
                stdout=log, stderr=log, start_new_session=True)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.version = self.call("Browser.getVersion")["product"]

    # ------------------------------------------------------------------ protocol
    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_chrome], [], [], left)[0]:
                raise BrowserError(f"Chromium did not answer within {self.timeout} s "
                                   f"(its log: {self.log})")
            chunk = os.read(self._from_chrome, 1 << 20)
            if not chunk:
                raise BrowserError(f"Chromium exited (status {self.process.poll()}); its "
                                   f"log: {self.log}")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, params: dict | None = None, session: str | None = None
             ) -> dict:
        """Send one command; keep the events that arrive meanwhile; return its result."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def _wait_for(self, method: str, session: str) -> None:
        deadline = time.monotonic() + self.timeout
        while not any(e.get("method") == method and e.get("sessionId") == session
                      for e in self._events):
            self._events.append(self._read_message(deadline))

    # ------------------------------------------------------------------ pages
    def render(self, html: Path, name: str, *, width: int = 1280, height: int = 900,
               probes: dict[str, str] | None = None) -> Page:
        """Load a local HTML file, wait for its load event, run the probe expressions,
        save `<name>.html` (DOM) and `<name>.png` (full-page screenshot) as artifacts."""
        url = Path(html).resolve().as_uri()
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
        self._events.clear()
        try:
            for domain in ("Page", "Runtime", "Network", "Log"):
                self.call(f"{domain}.enable", session=session)
            self.call("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1,
                       "mobile": False}, session=session)
            self.call("Page.navigate", {"url": url}, session=session)
            self._wait_for("Page.loadEventFired", session)

            def evaluate(expression: str):
                out = self.call("Runtime.evaluate", {"expression": expression,
                                                     "returnByValue": True}, session=session)
                if "exceptionDetails" in out:
                    raise BrowserError(f"{expression!r} raised: "
                                       f"{out['exceptionDetails'].get('text')}")
                return out["result"].get("value")

            results = {key: evaluate(expr) for key, expr in (probes or {}).items()}
            dom = evaluate("document.documentElement.outerHTML")
            full = evaluate("[document.documentElement.scrollWidth, "
                            "document.documentElement.scrollHeight]")
            shot = self.call("Page.captureScreenshot",
                             {"format": "png", "captureBeyondViewport": True,
                              "clip": {"x": 0, "y": 0, "width": max(full[0], width),
                                       "height": full[1], "scale": 1}}, session=session)
            events = [e for e in self._events if e.get("sessionId") == session]
        finally:
            self.call("Target.closeTarget", {"targetId": target})
        page = Page(url=url, dom=dom, dom_path=self.artifacts / f"{name}.html",
                    screenshot=self.artifacts / f"{name}.png", size=(full[0], full[1]),
                    probes=results)
        for event in events:
            params = event.get("params", {})
            if event["method"] == "Network.requestWillBeSent":
                page.requests.append(params["request"]["url"])
            elif event["method"] == "Runtime.consoleAPICalled":
                text = " ".join(str(a.get("value", a.get("description", "")))
                                for a in params.get("args", []))
                page.console.append(f"{params.get('type')}: {text}")
                if params.get("type") == "error":
                    page.errors.append(text)
            elif event["method"] == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                page.errors.append(details.get("exception", {}).get("description")
                                   or details.get("text", "exception"))
            elif event["method"] == "Log.entryAdded":
                entry = params.get("entry", {})
                page.console.append(f"{entry.get('level')}: {entry.get('text')}")
                if entry.get("level") == "error":
                    page.errors.append(entry.get("text", ""))
        page.dom_path.write_text("<!DOCTYPE html>\n" + dom, encoding="utf-8")
        page.screenshot.write_bytes(base64.b64decode(shot["data"]))
        return page

    def close(self) -> None:
        try:
            self.call("Browser.close")
            self.process.wait(timeout=10)
        except (BrowserError, OSError, subprocess.TimeoutExpired):
            try:
                os.killpg(self.process.pid, 9)
            except ProcessLookupError:
                pass
            self.process.wait()
        for fd in (self._to_chrome, self._from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium for the whole session; artifacts under EDRILL_ARTIFACTS."""
    binary = find_chromium()
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"no Chromium in CI: {INSTALL}")
        pytest.skip(f"no Chromium here: {INSTALL}")
    browser = Chromium(binary, artifacts_dir())
    try:
        yield browser
    finally:
        browser.close()
