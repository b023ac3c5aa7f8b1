"""Pages in a real browser: they render, and ask no other host for anything."""

import re

from playwright.sync_api import Page, expect

PAGES = ["", "applied-ml/", "examples/applied-ml/fraud_laptop_round/", "datasets/"]


def test_pages_load_only_from_the_site(page: Page) -> None:
    for path in PAGES:
        page.goto(path)
        expect(page.locator("article h1").first).to_be_visible()
    # The `page` fixture fails the test if any request left localhost.


def test_notebook_page_shows_outputs_and_download(page: Page) -> None:
    page.goto("examples/applied-ml/fraud_laptop_round/")
    expect(page.locator(".jp-OutputArea-output img").first).to_be_visible()
    download = page.get_by_role("link", name="Download this notebook")
    expect(download).to_have_attribute("href", re.compile(r"/fraud_laptop_round\.py$"))
    script = page.request.get(download.get_attribute("href"))
    assert script.ok
    assert script.text().startswith("# %% [markdown]")
