"""Fixtures shared by the test suite: one strict build of the site, served locally."""

from collections.abc import Iterator
from pathlib import Path

import grading_summary
import pytest
from local_site import serve
from support import build_problems, build_site


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


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    grading_summary.write(terminalreporter)
