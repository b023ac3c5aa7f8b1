"""Fixtures shared by the test suite: one strict build of the site, served locally.

Also what the report says about the browser suite: pytest reads header hooks only
from this top-level conftest, so both the header and the final line are made here.
"""

import shutil
from collections.abc import Iterator
from pathlib import Path

import grading_summary
import pytest
from build_log import build_problems
from local_site import CHROMIUM, INSTALL_CHROMIUM, serve
from support import build_site

BROWSER_NOT_RUN = "browser tests NOT RUN (no Chromium)"


def pytest_report_header(config: pytest.Config) -> str:
    if shutil.which(CHROMIUM):
        return f"browser tests: {CHROMIUM}"
    return f"browser tests: NOT RUN, no Chromium at {CHROMIUM} ({INSTALL_CHROMIUM})"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    grading_summary.write(terminalreporter)
    # A key of the reporter's stats becomes a count on the final line, after "27 skipped".
    if shutil.which(CHROMIUM):
        return
    skipped = terminalreporter.stats.get("skipped", [])
    not_run = [report for report in skipped if "browser" in report.keywords]
    if not_run:
        terminalreporter.stats[BROWSER_NOT_RUN] = not_run


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site, built once per test session (every notebook executed)."""
    site = tmp_path_factory.mktemp("site")
    result = build_site(site)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{build_problems(result.stderr)}", pytrace=False)
    return site


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Serve the built site on an ephemeral localhost port."""
    with serve(built_site) as url:
        yield url
