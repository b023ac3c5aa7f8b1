"""Pages in a real browser: they render, and ask no other host for anything."""

import re
from pathlib import Path

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


def test_printed_prose_in_a_notebook_wraps_between_words_on_a_phone(page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("examples/applied-ml/merchant_descriptors/")
    conclusion = page.locator(".jp-OutputArea-output pre").last
    conclusion.scroll_into_view_if_needed()
    expect(conclusion).to_be_visible()
    split = conclusion.evaluate(
        """(pre) => {
          const text = pre.firstChild;
          const split = [];
          for (const word of text.data.matchAll(/\\S+/g)) {
            const range = document.createRange();
            range.setStart(text, word.index);
            range.setEnd(text, word.index + word[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) split.push(word[0]);
          }
          return split;
        }"""
    )
    assert len(conclusion.text_content()) > 500, (
        "the notebook no longer ends on a printed paragraph"
    )
    assert split == []


def test_diagram_is_an_svg_that_follows_the_palette(page: Page, built_site: Path) -> None:
    with_diagram = next(
        (p for p in sorted(built_site.rglob("index.html")) if 'class="diagram"' in p.read_text()),
        None,
    )
    assert with_diagram, "no page has a diagram"
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(with_diagram.parent.relative_to(built_site).as_posix() + "/")
    label = page.locator("div.diagram svg text").first
    expect(label).to_be_visible()
    assert label.text_content().strip()
    # Drawn at build time: no diagram code is fetched, before or after scrolling to it.
    label.scroll_into_view_if_needed()
    assert not [url for url in requests if "mermaid" in url or "diagram" in url]
    colour = "t => getComputedStyle(t).fill"
    light = label.evaluate(colour)
    page.locator("label[title='Switch to dark mode']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert label.evaluate(colour) != light  # the labels follow the palette, with no script


def test_prose_page_loads_no_diagram_code(page: Page) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto("applied-ml/")
    expect(page.locator("article h1")).to_be_visible()
    assert not [url for url in requests if "mermaid" in url or "pyodide" in url]


def test_study_plan_ticks_are_remembered(page: Page) -> None:
    page.goto("process/study-plans/")
    plan = page.locator(".study-plan").first
    progress = plan.locator(".checklist-progress")
    expect(progress).to_contain_text("0 of")
    plan.locator("input[type=checkbox]").first.check(force=True)  # under its indicator
    expect(progress).to_contain_text("1 of")
    page.reload()
    expect(page.locator(".study-plan input[type=checkbox]").first).to_be_checked()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".study-plan .checklist-progress button").first.click()
    expect(page.locator(".study-plan input[type=checkbox]").first).not_to_be_checked()


def test_folded_code_joins_the_page_when_opened(page: Page) -> None:
    """source="folded": the result shows; its code is not in the page (nothing for
    Material to mount) until its <details> opens, then it is highlighted and copyable."""
    page.goto("system-design/radar-backend/")
    folded = page.locator("details.exec-code").filter(has_text="Code behind this result").nth(1)
    expect(page.get_by_role("cell", name="reserve: what the hops leave")).to_be_visible()
    expect(folded.locator("pre")).to_have_count(0)
    folded.locator("summary").click()
    code = folded.locator("pre > code")
    expect(code).to_contain_text("BUDGET_MS = 100")
    expect(code.locator("span.mi").first).to_be_visible()  # highlighted
    copy = folded.locator("button.md-code__button")
    target = copy.get_attribute("data-clipboard-target")
    assert page.locator(target).text_content() == code.text_content()
    # Keyboard focus only while a line is wider than the block, as Material's blocks:
    # at this width the block fits; at a phone's it scrolls.
    expect(code).not_to_have_attribute("tabindex", "0")
    page.set_viewport_size({"width": 390, "height": 800})
    expect(code).to_have_attribute("tabindex", "0")
    other = page.locator("details.exec-code").nth(2)
    other.locator("summary").click()
    expect(other.locator("pre > code")).to_have_attribute("tabindex", "0")


def test_a_code_block_is_mounted_when_it_comes_into_view(page: Page) -> None:
    """content.lazy: below the fold a block has no copy button yet but already
    takes keyboard focus (a11y.py); seen, and found to fit, it loses the tab stop."""
    page.goto("system-design/radar-backend/")
    block = page.locator("pre > code").last
    copy = block.locator("xpath=..").locator("button.md-code__button")
    expect(block).to_have_attribute("tabindex", "0")
    expect(copy).to_have_count(0)
    block.scroll_into_view_if_needed()
    expect(copy).to_have_count(1)
    expect(block).not_to_have_attribute("tabindex", "0")
    # The copy button's <nav> is no landmark (a11y.js), though it came after the load.
    expect(block.locator("xpath=../nav")).to_have_attribute("role", "none")


def test_a_code_block_far_below_stands_in_at_its_real_height(page: Page) -> None:
    """content-visibility: until the reader nears it, a block is not laid out; the
    space it holds is its own (code_heights.py), so nothing below moves when it is."""
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("practice/laptop-round/")
    report = page.locator(".highlight").filter(has_text="PR-AUC (average precision)")
    held = report.evaluate("block => block.getBoundingClientRect().height")
    report.scroll_into_view_if_needed()
    expect(report.locator(".md-code__nav")).to_have_count(1)  # seen: laid out and mounted
    laid_out = report.evaluate("block => block.getBoundingClientRect().height")
    assert held > 1000
    assert abs(held - laid_out) < 4


def test_a_reference_solution_joins_the_page_when_opened(page: Page) -> None:
    page.goto("coding/http-header/")
    solution = page.locator("details.example").filter(has_text="The reference solution")
    expect(solution.locator("pre")).to_have_count(0)
    solution.locator("summary").click()
    code = solution.locator("pre > code")
    expect(code).to_contain_text("def ")
    expect(code.locator("span.k").first).to_be_visible()  # highlighted
    expect(solution.locator("button.md-code__button")).to_have_count(1)


def test_each_table_scrolls_in_one_wrapper_after_any_navigation(page: Page) -> None:
    """Tables arrive in Material's scroll wrapper; its script must not add another,
    on a full load or on an instant navigation."""

    def each_table_wrapped_once() -> None:
        expect(page.locator("article h1")).to_contain_text("Radar backend in under 100 ms")
        tables = page.locator("article table")
        assert tables.count() >= 5
        wrapped = page.locator("article .md-typeset__scrollwrap > .md-typeset__table > table")
        expect(wrapped).to_have_count(tables.count())
        expect(page.locator("article .md-typeset__table .md-typeset__table")).to_have_count(0)

    page.goto("system-design/")
    page.locator("article a[href$='radar-backend/']").first.click()
    each_table_wrapped_once()  # after an instant navigation
    page.reload()
    each_table_wrapped_once()  # after a full load
