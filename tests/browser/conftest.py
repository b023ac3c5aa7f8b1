"""Browser fixtures: Debian's Chromium driven by Playwright, offline-only pages.

Playwright cannot download its own browser here, so the tests use the system
Chromium. Where it is missing they are skipped, and tests/conftest.py says so in
the report's header and its final line.
"""

import shutil
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from local_site import CHROMIUM, CHROMIUM_ARGS, INSTALL_CHROMIUM
from playwright.sync_api import Browser, Page, Request, sync_playwright

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not shutil.which(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM}: {INSTALL_CHROMIUM}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    """A fresh page; the test fails if the page asks any host but localhost."""
    context = browser.new_context(base_url=site_url)
    page = context.new_page()
    foreign: list[str] = []

    def record_foreign(request: Request) -> None:
        host = urlsplit(request.url).hostname  # None for data: and blob: URLs
        if host is not None and host not in LOCAL_HOSTS:
            foreign.append(request.url)

    page.on("request", record_foreign)
    yield page
    context.close()
    assert not foreign, f"requests to other hosts: {foreign}"
