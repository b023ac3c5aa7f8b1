"""The built site in Chromium: every page stays on localhost; the kinds of page pass axe."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from support import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# One page of every kind the guide has.
KINDS = {
    "home": "",
    "prose": "process/evaluation-criteria/",
    "walkthrough with a diagram": "system-design/radar-backend/",
    "executed notebook": "examples/applied-ml/fraud_laptop_round/",
    "exercise": "coding/token-bucket/",
    "practice list": "practice/",
    "explorer": "applied-ml/pneumonia-precision-recall/",
    "PSI explorer": "system-design/drift/",
    "mock rounds": "practice/mock/",
}


def test_every_page_loads_only_from_localhost(page: Page, built_site: Path) -> None:
    pages = sorted(p.parent.relative_to(built_site) for p in built_site.rglob("index.html"))
    assert len(pages) > 30
    for path in pages:
        url = "" if path == Path(".") else f"{path.as_posix()}/"
        page.goto(url, wait_until="load")
        expect(page.locator("article h1").first).to_be_visible()
    # The `page` fixture fails the test if any request left localhost.


def axe_violations(page: Page) -> list[str]:
    page.add_script_tag(path=AXE)
    violations = page.evaluate(
        "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
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
    if kind == "exercise":
        widget = page.locator("section.exercise").first
        widget.scroll_into_view_if_needed()
        expect(widget).to_have_attribute("data-editor", "ready")
    if "explorer" in kind:
        page.locator("section.explorer").scroll_into_view_if_needed()
        expect(page.locator("section.explorer")).to_have_attribute("data-ready", "true")
    if kind == "walkthrough with a diagram":
        expect(page.locator(".diagram svg text").first).to_be_visible()
    assert axe_violations(page) == []
