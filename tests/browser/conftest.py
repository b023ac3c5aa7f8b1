"""Browser fixtures: Debian's Chromium driven by Playwright, offline-only pages that
keep to the site's Content-Security-Policy.

Playwright cannot download its own browser here, so the tests use the system
Chromium. Where it is missing they are skipped, and tests/conftest.py says so in
the report's header and its final line.
"""

import re
import shutil
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from local_site import CHROMIUM, CHROMIUM_ARGS, INSTALL_CHROMIUM
from playwright.sync_api import Browser, Page, Request, Route, sync_playwright

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


# Reports each Content-Security-Policy violation in a document to the test, and
# keeps the page's own in window.cspViolations for a test to wait on.
REPORT_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const text =
    `${event.effectiveDirective} blocked ${event.blockedURI} ` +
    `at ${event.sourceFile}:${event.lineNumber} (${event.sample})`;
  window.cspViolations.push(text);
  window.reportViolation(text);
});
"""


@pytest.fixture
def csp_violations() -> list[str]:
    """The policy violations a test's page reported; a test expecting some takes them."""
    return []


def allow_instant_navigation(page: Page, site_url: str) -> None:
    """Material navigates instantly only to the URLs its sitemap.xml lists, under
    the configured site_url; served here on another port, point them at this server."""

    def rewrite(route: Route) -> None:
        sitemap = route.fetch().text()
        configured = re.search(r"<loc>([^<]*)</loc>", sitemap)[1]  # the home page first
        route.fulfill(body=sitemap.replace(configured, site_url), content_type="application/xml")

    page.route("**/sitemap.xml", rewrite)


@pytest.fixture
def page(browser: Browser, site_url: str, csp_violations: list[str]) -> Iterator[Page]:
    """A fresh page; the test fails if the page asks any host but localhost, or
    if anything breaks the site's Content-Security-Policy."""
    context = browser.new_context(base_url=site_url)
    context.expose_function("reportViolation", lambda text: csp_violations.append(text))
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()
    allow_instant_navigation(page, site_url)
    foreign: list[str] = []
    refused: list[str] = []  # stopped in the browser by the policy: they never left

    def record_foreign(request: Request) -> None:
        host = urlsplit(request.url).hostname  # None for data: and blob: URLs
        if host is not None and host not in LOCAL_HOSTS:
            foreign.append(request.url)

    def record_refused(request: Request) -> None:
        if request.failure == "csp":
            refused.append(request.url)

    page.on("request", record_foreign)
    page.on("requestfailed", record_refused)
    yield page
    # A sitemap request still being rewritten must not fail the next test.
    page.unroute_all(behavior="ignoreErrors")
    context.close()
    sent = [url for url in foreign if url not in refused]
    assert not sent, f"requests to other hosts: {sent}"
    assert not csp_violations, f"Content-Security-Policy violations: {csp_violations}"
