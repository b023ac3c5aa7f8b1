"""The explorers in Chromium: keyboard sliders, the prompt's figures, instant navigation."""

from playwright.sync_api import Locator, Page, expect

FRAUD = "applied-ml/fraud-accuracy-vs-f1/"
PNEUMONIA = "applied-ml/pneumonia-precision-recall/"


def explorer(page: Page, path: str) -> Locator:
    """The page's explorer, scrolled to: explorers start as they near the viewport."""
    page.goto(path)
    widget = page.locator("section.explorer")
    expect(widget).not_to_have_attribute("data-ready", "true")
    widget.scroll_into_view_if_needed()
    expect(widget).to_have_attribute("data-ready", "true")
    return widget


def figure(widget: Locator, name: str) -> str:
    return widget.locator(f'[data-out="{name}"]').inner_text()


def test_prevalence_moved_by_keyboard_changes_precision_not_recall(page: Page) -> None:
    widget = explorer(page, FRAUD)
    slider = widget.get_by_role("slider", name="Share of payments that are fraud")
    expect(slider).to_have_attribute("aria-valuetext", "1.0\u00a0%")
    precision, recall = figure(widget, "precision"), figure(widget, "recall")
    status = widget.get_by_role("status")
    status.evaluate(
        "node => { node.changes = 0;"
        " new MutationObserver(() => node.changes++).observe(node, { childList: true }); }"
    )
    slider.focus()
    for _ in range(10):
        page.keyboard.press("ArrowLeft")
    expect(slider).not_to_have_attribute("aria-valuetext", "1.0\u00a0%")
    expect(widget.locator('[data-out="precision"]')).not_to_have_text(precision)
    assert figure(widget, "recall") == recall == "18.0\u00a0%"
    # Announced once, when the reader stops: the live region names the new precision.
    new_precision = figure(widget, "precision")
    expect(status).to_contain_text(f"Precision {new_precision}, recall {recall}")
    assert status.evaluate("node => node.changes") == 1


def test_set_to_the_prompt_shows_the_pages_figures(page: Page) -> None:
    widget = explorer(page, FRAUD)
    threshold = widget.get_by_role("slider", name="Threshold: flag scores at or above")
    threshold.focus()
    page.keyboard.press("End")
    expect(widget.locator('[data-out="precision"]')).not_to_have_text("8.3\u00a0%")
    widget.get_by_role("button", name="Set to the prompt").click()
    expect(widget.locator('[data-out="precision"]')).to_have_text("8.3\u00a0%")
    expect(widget.locator('[data-out="f1"]')).to_have_text("0.114")
    expect(widget.locator('[data-out="recall"]')).to_have_text("18.0\u00a0%")
    expect(widget.locator('[data-out="accuracy"]')).to_have_text("97.2\u00a0%")
    expect(widget.locator('[data-out="fp"]')).to_have_text("198")


def test_explorers_start_after_instant_navigation(page: Page) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto("applied-ml/")
    expect(page.locator("article h1")).to_be_visible()
    assert not [url for url in requests if "/assets/explorer/" in url]  # none on this page
    page.locator(f'nav a[href$="{FRAUD.split("/")[1]}/"]').first.click()
    fraud = page.locator('section.explorer[data-explorer="fraud-accuracy"]')
    fraud.scroll_into_view_if_needed()
    expect(fraud).to_have_attribute("data-ready", "true")
    page.locator(f'nav a[href$="{PNEUMONIA.split("/")[1]}/"]').first.click()
    pneumonia = page.locator('section.explorer[data-explorer="pneumonia"]')
    pneumonia.scroll_into_view_if_needed()
    expect(pneumonia).to_have_attribute("data-ready", "true")
    expect(pneumonia.locator('[data-out="precision"]')).to_have_text("91.0\u00a0%")


def test_psi_explorer_moves_through_the_bands(page: Page) -> None:
    widget = explorer(page, "system-design/drift/")
    expect(widget.locator('[data-out="band"]')).to_have_text("watch")
    widget.get_by_role("button", name="No change").click()
    expect(widget.locator('[data-out="band"]')).to_have_text("stable")
    expect(widget.locator('[data-out="psi"]')).to_have_text("0.0000")
    change = widget.get_by_role("slider", name="Change in amounts")
    change.focus()
    page.keyboard.press("End")
    expect(widget.locator('[data-out="band"]')).to_have_text("act")
