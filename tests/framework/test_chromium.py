"""The headless-Chromium fixture itself: a real page, its DOM after scripts ran, a real
screenshot, what it requested and what went wrong in it, and skip/fail without Chromium."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

from tests.framework.conftest import ROOT

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>probe</title>
<style>body { margin: 0 } #tall { height: 2400px; background: #3a7 }</style></head>
<body><h1 id="title">静的</h1><div id="tall"></div>
<img src="http://example.invalid/tracker.png" alt="">
<script>
document.getElementById("title").textContent = "動的 from script";
console.error("boom from the page");
</script></body></html>
"""


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_render_keeps_the_dom_a_full_page_screenshot_and_what_the_page_did(chromium,
                                                                           tmp_path):
    html = tmp_path / "probe.html"
    html.write_text(PAGE, encoding="utf-8")
    page = chromium.render(html, "chromium-selftest", width=800,
                           probes={"title": "document.getElementById('title').textContent",
                                   "tall": "document.getElementById('tall')"
                                           ".getBoundingClientRect().height"})
    assert page.probes == {"title": "動的 from script", "tall": 2400}
    assert "動的 from script" in page.dom and "静的" not in page.dom  # the DOM, not the file
    assert page.dom_path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert page.screenshot.parent == page.dom_path.parent
    width, height = png_size(page.screenshot)
    assert width == 800 and height == page.size[1] >= 2400  # the whole page, not the window
    assert page.requests_elsewhere == ["http://example.invalid/tracker.png"]
    assert any("boom from the page" in e for e in page.errors)


def test_without_chromium_the_fixture_skips_here_and_fails_in_ci(tmp_path):
    test = tmp_path / "test_needs_chromium.py"
    test.write_text("def test_it(chromium):\n    pass\n", encoding="utf-8")
    base = dict(os.environ, EDRILL_CHROMIUM="no-such-chromium-binary",
                EDRILL_ARTIFACTS=str(tmp_path / "artifacts"), PYTHONPATH=str(ROOT))
    outcomes = {}
    for ci in ("false", "true"):
        proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p",
                               "tests.framework.chromium", str(test)], cwd=ROOT,
                              env=dict(base, CI=ci), capture_output=True, text=True,
                              timeout=120)
        outcomes[ci] = (proc.returncode, proc.stdout)
    assert outcomes["false"][0] == 0 and "1 skipped" in outcomes["false"][1]
    assert "apt-get install chromium" in outcomes["false"][1]
    assert outcomes["true"][0] == 1 and "1 error" in outcomes["true"][1]
    assert "no Chromium in CI" in outcomes["true"][1]
