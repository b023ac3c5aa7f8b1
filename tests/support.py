"""Helpers the tests share: the repository root, a strict site build, diagrams drawn."""

import os
import re
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]


def build_site(site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    """Run a strict build of the offline site; the caller checks the return code and log."""
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--config-file", str(config), "--site-dir", str(site_dir)],
        cwd=ROOT,
        # What `make offline` builds: no source for Pyodide packages, no other host.
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYODIDE_PACKAGES_URL": ""},
        capture_output=True,
        text=True,
        check=False,
    )


def build_problems(log: str, limit: int = 8_000) -> str:
    """A failed build's warnings and errors, each with the lines that follow it.

    Notebook conversion logs hundreds of INFO lines after the warning that
    failed a strict build, so the log's tail alone hides the cause.
    """
    kept, keeping = [], False
    for line in log.splitlines():
        if re.match(
            r"[A-Z]+ +- |\[", line
        ):  # a new log record: "INFO    -  ...", "[IPKernelApp] ..."
            keeping = line.startswith(("WARNING", "ERROR"))
        if keeping:
            kept.append(line)
    return "\n".join(kept).strip()[-limit:] if kept else log[-4_000:]


def draw_every_diagram(page: Page) -> None:
    """Diagrams are drawn as they near the viewport: bring each one there in turn."""
    pending = page.locator("pre.diagram")
    while left := pending.count():
        pending.first.scroll_into_view_if_needed()
        page.wait_for_function("n => document.querySelectorAll('pre.diagram').length < n", arg=left)
    expect(page.get_by_text("This diagram could not be drawn")).to_have_count(0)
