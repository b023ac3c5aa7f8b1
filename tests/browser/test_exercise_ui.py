"""The exercise widget in a real browser: Pyodide in a module worker, CodeMirror, checks.

Every wait is on an explicit signal the widget sets: `data-editor="ready"` once
CodeMirror is mounted, `data-state` (idle, loading, ready, running) and
`data-result` (ok, error, passed, failed, stopped, timeout, crashed) after each action.
"""

import re
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import grading
import pytest
from local_site import CHROMIUM_ARGS, slow_chromium, throttle
from playwright.sync_api import Browser, Locator, Page, Route, Worker, expect

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = ROOT / "examples" / "exercises"
PYTHON_START = 60_000  # ms: Pyodide's first start on a slow, busy machine
# How many checks each exercise has: the widget must show every one.
TOKEN_BUCKET_CHECKS = len(grading.harness.load_checks(grading.checks_source("token-bucket")))
WEBHOOK_CHECKS = len(grading.harness.load_checks(grading.checks_source("webhook-signature")))


def widget_on(page: Page, slug: str = "") -> Locator:
    """The first exercise on the page, or the one named `slug` (after instant
    navigation the previous page's widget lingers until the swap)."""
    selector = f"section.exercise[data-exercise='{slug}']" if slug else "section.exercise"
    widget = page.locator(selector).first
    widget.scroll_into_view_if_needed()
    expect(widget).to_have_attribute("data-editor", "ready")
    expect(widget).to_have_attribute("data-state", "ready", timeout=PYTHON_START)
    return widget


def set_code(widget: Locator, text: str) -> None:
    widget.locator(".cm-content").fill(text)
    assert widget.evaluate("el => el.exerciseWidget.currentCode()") == text


def code_of(widget: Locator) -> str:
    return widget.evaluate("el => el.exerciseWidget.currentCode()")


def press(widget: Locator, action: str, result: str, timeout: float = 30_000) -> None:
    widget.locator(f"[data-action={action}]").click()
    expect(widget).to_have_attribute("data-result", result, timeout=timeout)
    expect(widget).to_have_attribute("data-state", "ready", timeout=PYTHON_START)


def run(widget: Locator, code: str, result: str = "error") -> str:
    set_code(widget, code)
    press(widget, "run", result)
    return widget.locator(".exercise__output").text_content() or ""


def test_fail_then_solve_then_navigate_instantly(page: Page) -> None:
    page.goto("coding/token-bucket/")
    widget = widget_on(page)
    status = widget.locator(".exercise__status")
    expect(status).to_have_attribute("aria-live", "polite")

    # The starter fails: each result says what it fed in, expected and got.
    press(widget, "check", "failed")
    failed = widget.locator(".exercise__result--failed").first
    expect(failed).to_contain_text("Input")
    expect(failed).to_contain_text("[True, True, True, False]")
    expect(failed).to_contain_text("NotImplementedError")
    expect(failed.locator(".exercise__traceback")).to_contain_text('File "<your code>"')
    expect(status).to_contain_text(f"Passed 0 of {TOKEN_BUCKET_CHECKS} checks")
    expect(widget.locator(".exercise__output")).to_be_hidden()
    expect(widget.locator("details.exercise__traceback[open]")).to_have_count(1)

    # The reference solution, typed into the editor, passes every check.
    set_code(widget, (EXERCISES / "token-bucket" / "solution.py").read_text())
    press(widget, "check", "passed")
    expect(widget.locator(".exercise__result--passed")).to_have_count(TOKEN_BUCKET_CHECKS)
    expect(widget).to_have_attribute("data-python-start", "snapshot")
    total = TOKEN_BUCKET_CHECKS
    expect(status).to_have_text(re.compile(rf"^Passed {total} of {total} checks\."))

    # Instant navigation (a nav click, not a reload): the next widget attaches
    # and reuses the running worker.
    page.evaluate("window.sameDocument = true")
    page.get_by_role("link", name="Webhook signatures").first.click()
    expect(page).to_have_url(re.compile(r"coding/webhook-signature/$"))
    widget = widget_on(page, "webhook-signature")
    assert page.evaluate("window.sameDocument"), "the page was loaded again, not swapped in"
    set_code(widget, (EXERCISES / "webhook-signature" / "solution.py").read_text())
    press(widget, "check", "passed")
    expect(widget.locator(".exercise__result--passed")).to_have_count(WEBHOOK_CHECKS)

    page.get_by_role("link", name="Running median").first.click()
    widget = widget_on(page, "running-median")
    widget.locator(".cm-content").press("End")
    widget.locator(".cm-content").type("\n# my notes")
    page.get_by_role("link", name="Practice").first.click()
    states = page.locator('td[data-practice="exercise"]')
    expect(states.filter(has_text="Passed")).to_have_count(2)
    expect(states.and_(page.locator('[data-name="running-median"]'))).to_have_text("In progress")


def test_a_check_from_the_snapshot_does_not_wait_for_the_kits_files(page: Page) -> None:
    """The snapshot imported the harness; the wheel it then fetches only adds the kits' files."""
    held: list[Route] = []
    page.context.route("**/guide_browser-*.whl", lambda route: held.append(route))  # never answered
    page.goto("coding/token-bucket/")
    widget = widget_on(page)
    expect(widget).to_have_attribute("data-python-start", "snapshot")
    set_code(widget, (EXERCISES / "token-bucket" / "solution.py").read_text())
    press(widget, "check", "passed")
    assert held, "the worker never asked for the wheel"


def test_a_page_with_several_exercises_shares_one_python(page: Page) -> None:
    live: set[Worker] = set()

    def track(worker: Worker) -> None:
        if "python-worker" in worker.url:
            live.add(worker)
            worker.on("close", lambda closed: live.discard(closed))

    page.on("worker", track)
    page.goto("applied-ml/exercises/")
    widgets = page.locator("section.exercise")
    # Two exercises show intent while Python is still starting.
    widgets.nth(0).locator(".exercise__fallback").focus()
    second = widgets.nth(1)
    second.locator(".exercise__fallback").focus()
    expect(second).to_have_attribute("data-state", "ready", timeout=PYTHON_START)
    slug = second.get_attribute("data-exercise")
    set_code(second, (EXERCISES / slug / "solution.py").read_text())
    press(second, "check", "passed")
    assert len(live) == 1, "one Python for the page, however many widgets asked"


def test_errors_are_clear_and_output_is_capped(page: Page) -> None:
    page.goto("coding/running-median/")
    widget = widget_on(page)

    output = run(widget, "x = 1\n\ndef f():\n    return 1 / 0\n\nf()\n")
    assert 'File "<your code>", line 6' in output
    assert 'File "<your code>", line 4, in f' in output
    assert "ZeroDivisionError" in output
    assert "exercise_harness" not in output

    output = run(widget, "def ok():\n    pass\n\ndef broken(:\n    pass\n")
    assert 'File "<your code>", line 4' in output
    assert "SyntaxError" in output

    output = run(widget, "name = input('Your name? ')\n")
    assert "no keyboard input" in output

    output = run(widget, "import sys\nprint('before')\nsys.exit(3)\n")
    assert output.startswith("before")
    assert "called sys.exit(3)" in output

    output = run(widget, "def down(n):\n    return down(n + 1)\n\ndown(0)\n")
    assert "RecursionError" in output
    assert "check the base case" in output

    output = run(widget, "import numpy_or_anything\n")
    assert "'numpy_or_anything' is not available here" in output

    output = run(widget, "for i in range(1_000_000):\n    print(i)\n", result="ok")
    assert "Output truncated" in output
    assert output.count("\n") < 2_100
    expect(widget.locator(".exercise__status")).to_have_text("Ran without errors.")


def test_stop_time_limit_reload_and_reset(page: Page) -> None:
    page.goto("coding/token-bucket/")
    widget = widget_on(page)
    status = widget.locator(".exercise__status")
    starter = (EXERCISES / "token-bucket" / "starter.py").read_text()
    assert code_of(widget) == starter

    # Stop ends an infinite loop: the page stays responsive, the code is kept,
    # a fresh worker starts and the next Run works.
    endless = "print('spinning')\nwhile True:\n    pass\n"
    set_code(widget, endless)
    widget.locator("[data-action=run]").click()
    expect(widget).to_have_attribute("data-state", "running")
    assert page.evaluate("1 + 1") == 2
    widget.locator("[data-action=hint]").click()
    expect(widget.locator(".exercise__hints li")).to_have_count(1)
    widget.locator("[data-action=stop]").click()
    expect(widget).to_have_attribute("data-result", "stopped")
    expect(status).to_contain_text("You stopped your code")
    assert code_of(widget) == endless
    expect(widget).to_have_attribute("data-state", "ready", timeout=PYTHON_START)
    assert "after stop" in run(widget, "print('after stop')\n", result="ok")

    # The time limit (5 s for this exercise) ends a loop without Stop.
    set_code(widget, endless)
    press(widget, "run", "timeout", timeout=30_000)
    expect(status).to_contain_text("The time limit (5 s) ended your code")
    assert code_of(widget) == endless

    # A reload keeps the code; Reset asks first, then restores the starter.
    page.reload()
    widget = widget_on(page)
    assert code_of(widget) == endless
    page.once("dialog", lambda dialog: dialog.accept())
    widget.locator("[data-action=reset]").click()
    assert code_of(widget) == starter
    page.reload()
    assert code_of(widget_on(page)) == starter


def test_recursion_that_overflows_the_browser_stack_restarts_python(page: Page) -> None:
    # Through map, each level also uses the engine's own stack, which runs out
    # long before Python's recursion limit: a crash, not a RecursionError.
    page.goto("coding/hierarchy-rollup/")
    widget = widget_on(page)
    deep = "def depth(n):\n    return 0 if n == 0 else 1 + max(map(depth, [n - 1]))\n\ndepth(900)\n"
    set_code(widget, deep)
    press(widget, "run", "crashed", timeout=PYTHON_START)
    status = widget.locator(".exercise__status")
    expect(status).to_contain_text("recursion too deep for its stack")
    expect(status).to_contain_text("Python was restarted and your code is unchanged")
    assert code_of(widget) == deep
    assert "still here" in run(widget, "print('still here')\n", result="ok")


def test_prose_page_requests_no_python(page: Page) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto("")
    expect(page.locator("article h1").first).to_be_visible()
    page.mouse.wheel(0, 5_000)
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => done()))")
    assert not [u for u in requests if re.search(r"pyodide|codemirror|python-worker", u)]


def corrupt(route: Route) -> None:
    response = route.fetch()
    body = bytearray(response.body())
    body[len(body) // 2] ^= 0xFF
    route.fulfill(response=response, body=bytes(body))


def made_from_another_wheel(route: Route) -> None:
    meta = route.fetch().json()
    meta["wheel_sha256"] = "0" * 64
    route.fulfill(json=meta)


@pytest.mark.parametrize(
    ("url", "damage"),
    [
        ("**/snapshot.bin.gz", lambda route: route.fulfill(status=404)),
        ("**/snapshot.bin.gz", corrupt),
        ("**/snapshot.json", made_from_another_wheel),
    ],
    ids=["snapshot missing", "snapshot corrupted", "snapshot of another wheel"],
)
def test_without_a_usable_snapshot_python_starts_in_full(page: Page, url: str, damage) -> None:
    page.context.route(url, damage)
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text))
    page.goto("coding/token-bucket/")
    widget = widget_on(page)
    expect(widget).to_have_attribute("data-python-start", "full start")
    set_code(widget, (EXERCISES / "token-bucket" / "solution.py").read_text())
    press(widget, "check", "passed")
    expect(widget.locator(".exercise__result--passed")).to_have_count(TOKEN_BUCKET_CHECKS)
    fallbacks = [text for text in warnings if "without its snapshot" in text]
    assert len(fallbacks) == 1, warnings


def test_keyboard_alone_reaches_runs_and_leaves_the_editor(page: Page) -> None:
    page.goto("coding/token-bucket/")
    # Start from the link just before the exercise, as a keyboard user would arrive.
    page.locator("#try-it a.headerlink").focus()
    page.keyboard.press("Tab")
    widget = page.locator("section.exercise").first
    expect(widget).to_have_attribute("data-editor", "ready")
    expect(widget.locator(".cm-content")).to_be_focused()
    expect(widget).to_have_attribute("data-state", "ready", timeout=PYTHON_START)
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("print('typed by keyboard')\n")
    page.keyboard.press("Control+Enter")
    expect(widget).to_have_attribute("data-result", "ok", timeout=30_000)
    expect(widget.locator(".exercise__output")).to_contain_text("typed by keyboard")
    # Tab indents inside the editor; Escape then Tab moves on to the toolbar.
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    expect(widget.locator(".cm-content")).not_to_be_focused()
    expect(widget.locator("[data-action=run]")).to_be_focused()


@pytest.mark.parametrize(
    ("packages_url", "message"),
    [
        ("", "this copy of the guide was built for offline use with no source for packages"),
        ("missing-packages/", "which could not be fetched from"),
    ],
    ids=["offline build", "packages unreachable"],
)
def test_a_package_that_cannot_be_had_is_one_clear_sentence(
    page: Page, site_url: str, packages_url: str, message: str
) -> None:
    # No exercise needs numpy yet: make one that does, and give the page a source
    # of packages that has nothing (the tests' build, like `make offline`, has none).
    def needs_numpy(route: Route) -> None:
        route.fulfill(json={**route.fetch().json(), "packages": ["numpy"]})

    def packages_from(route: Route) -> None:
        html = route.fetch().text()
        source = packages_url and site_url + packages_url
        route.fulfill(body=html.replace('data-packages-url=""', f'data-packages-url="{source}"'))

    page.context.route("**/assets/exercises/token-bucket.json", needs_numpy)
    page.context.route("**/coding/token-bucket/", packages_from)
    page.goto("coding/token-bucket/")
    widget = widget_on(page)
    starter = code_of(widget)
    press(widget, "run", "error")
    status = widget.locator("[role=status]")
    expect(status).to_contain_text("This exercise needs numpy")
    expect(status).to_contain_text(message)
    expect(status).not_to_contain_text("Traceback")
    assert code_of(widget) == starter


# Checks of our own for the verdict tests, so they do not move when an exercise's do.
DOUBLING_CHECKS = """
from exercise_harness import Checks

checks = Checks()

@checks.public("doubles 1", fed="f(1)")
def one(t):
    t.expect(2)
    t.got(t.code("f")(1))

@checks.public("doubles 2", fed="f(2)")
def two(t):
    t.expect(4)
    t.got(t.code("f")(2))

@checks.hidden("doubles -3", fed="f(-3)")
def negative(t):
    t.expect(-6)
    t.got(t.code("f")(-3))

@checks.hidden("rejects a string", fed="f('a')")
def text(t):
    t.expect("raises TypeError")
    t.got(t.raises(lambda: t.code("f")("a")))

@checks.hidden("rejects None", fed="f(None)")
def none(t):
    t.expect("raises TypeError")
    t.got(t.raises(lambda: t.code("f")(None)))

@checks.hidden("300 numbers", fed="f(0) .. f(299)")
def many(t):
    t.expect([2 * x for x in range(300)])
    t.got([t.code("f")(x) for x in range(300)])
"""


def check_with_doubling_checks(page: Page, code: str) -> Locator:
    """Check `code` against DOUBLING_CHECKS on the token-bucket page; record exercise:checked."""

    def doubling(route: Route) -> None:
        data = route.fetch().json()
        public = [{"name": "doubles 1", "fed": "f(1)"}, {"name": "doubles 2", "fed": "f(2)"}]
        route.fulfill(
            json={**data, "checks": DOUBLING_CHECKS, "public_checks": public, "hidden_count": 4}
        )

    page.context.route("**/assets/exercises/token-bucket.json", doubling)
    page.goto("coding/token-bucket/")
    page.evaluate(
        "() => { window.checked = [];"
        " document.addEventListener('exercise:checked', (e) => window.checked.push(e.detail)); }"
    )
    widget = widget_on(page)
    set_code(widget, code)
    press(widget, "check", "failed")
    return widget


def test_the_verdict_shows_the_first_failure_and_groups_the_rest(page: Page) -> None:
    widget = check_with_doubling_checks(
        page, "def f(x):\n    raise NotImplementedError('write f')\n"
    )
    status = widget.locator(".exercise__status")
    expect(status).to_have_text("Passed 0 of 6 checks. First failure: “doubles 1”.")
    expect(status).not_to_have_attribute("aria-busy", "true")
    # One failure in full, with the reader's traceback open; the other five in one line.
    shown = widget.locator(".exercise__result:visible")
    expect(shown).to_have_count(1)
    expect(shown).to_contain_text("doubles 1")
    expect(shown.locator("details.exercise__traceback[open]")).to_contain_text("line 2, in f")
    lines = widget.locator(".exercise__group > details > summary")
    expect(lines).to_have_text(["5 more fail the same way: raises NotImplementedError"])
    lines.first.click()
    expect(widget.locator(".exercise__result:visible")).to_have_count(6)
    expect(widget.locator("details.exercise__traceback[open]")).to_have_count(1)
    assert page.evaluate("window.checked") == [{"slug": "token-bucket", "passed": 0, "total": 6}]


def test_the_verdict_points_at_where_long_values_differ(page: Page) -> None:
    code = "def f(x):\n    return 0 if x == 123 else x * 2\n"
    widget = check_with_doubling_checks(page, code)
    expect(widget.locator(".exercise__status")).to_have_text(
        "Passed 4 of 6 checks. First failure: “rejects a string”."
    )
    lines = widget.locator(".exercise__group > details > summary")
    expect(lines).to_have_text(["300 numbers: [123]: expected 246, got 0", "4 passed"])
    lines.first.click()
    many = widget.locator(".exercise__result:visible").filter(has_text="300 numbers")
    expect(many).to_contain_text("First difference")
    expect(many.locator(".exercise__whole")).not_to_have_attribute("open", "")
    assert page.evaluate("window.checked") == [{"slug": "token-bucket", "passed": 4, "total": 6}]


@pytest.mark.parametrize(
    "refusal",
    [
        "Object.defineProperty(window, 'localStorage', {"
        " get() { throw new DOMException('site data is blocked', 'SecurityError'); } });",
        "Storage.prototype.setItem = function () {"
        " throw new DOMException('the quota is used up', 'QuotaExceededError'); };",
    ],
    ids=["storage blocked", "storage full"],
)
def test_without_storage_exercises_still_check_and_say_so_once(page: Page, refusal: str) -> None:
    page.add_init_script(refusal)
    page.goto("coding/token-bucket/")
    widget = widget_on(page)
    note = widget.locator(".exercise__storage")
    set_code(widget, "# my attempt\n")
    set_code(widget, (EXERCISES / "token-bucket" / "solution.py").read_text())
    press(widget, "check", "passed")
    expect(note).to_be_visible()
    expect(note).to_contain_text("your code and progress will be gone")
    expect(page.locator(".exercise__storage:visible")).to_have_count(1)
    assert "after all" in run(widget, "print('after all')\n", result="ok")


# Where the snapshot (7 MiB) would come in ~6 s: on this machine's CPU a full
# start is faster, on a CPU four times slower the snapshot is.
SLOW_LINK = 12  # Mbit/s


def test_on_a_slow_connection_python_shows_its_download_and_starts_without_the_snapshot(
    page: Page,
) -> None:
    asked: list[Route] = []

    def refuse(route: Route) -> None:
        asked.append(route)
        route.abort()

    page.context.route("**/snapshot.bin.gz", refuse)
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text))
    throttle(page, SLOW_LINK)
    page.goto("coding/token-bucket/")
    widget = page.locator("section.exercise").first
    widget.scroll_into_view_if_needed()
    bar = widget.get_by_role("progressbar", name="Python download")
    expect(bar).to_be_visible()
    expect(bar).to_have_attribute("aria-valuetext", re.compile(r"^[1-9]\d*\.\d of \d+\.\d MiB$"))
    expect(widget.locator(".exercise__download")).to_contain_text("Downloading Python:")
    expect(widget).to_have_attribute("data-state", "ready", timeout=PYTHON_START)
    expect(widget).to_have_attribute("data-python-start", "full start")
    expect(bar).to_be_hidden()
    assert not [text for text in warnings if "without its snapshot" in text]
    assert len(asked) == 1, "the worker asks its cache for the snapshot, and never downloads it"
    set_code(widget, (EXERCISES / "token-bucket" / "solution.py").read_text())
    press(widget, "check", "passed")


@pytest.fixture
def slow_cpu_browser(browser: Browser, tmp_path: Path) -> Iterator[Browser]:
    """Chromium on a quarter of one core: a phone's CPU, workers included."""
    with ExitStack() as stack:
        try:
            executable = stack.enter_context(slow_chromium(0.25, tmp_path))
        except OSError as error:  # only the cgroup's making: the test's own errors stay failures
            pytest.skip(f"this machine cannot slow Chromium's CPU ({error})")
        slow = browser.browser_type.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield slow
        slow.close()


def test_on_a_slow_connection_and_a_slow_cpu_python_starts_from_the_snapshot(
    slow_cpu_browser: Browser, site_url: str
) -> None:
    page = slow_cpu_browser.new_page(base_url=site_url)
    throttle(page, SLOW_LINK)
    page.goto("coding/token-bucket/")
    widget = page.locator("section.exercise").first
    widget.scroll_into_view_if_needed()
    expect(widget).to_have_attribute("data-state", "ready", timeout=PYTHON_START)
    expect(widget).to_have_attribute("data-python-start", "snapshot")
