"""Benchmark Python in the browser: bytes, time to ready, and Check on every exercise and kit.

    python scripts/bench_runtime.py SITE_DIR [--runs N]

Against a built site served on localhost, in headless Chromium, it measures:

- what a prose page transfers, and whether it asks for any Python at all;
- what Python's start costs in bytes, as a static host sends them;
- the time from the first intent (the exercise scrolls into view) to "ready",
  cold and warm cache, for the start the site makes (the snapshot or a full
  start, see docs/assets/exercise/python-worker.js) and for a full start without
  the snapshot; then cold, under Chromium's network emulation at 50, 20 and
  10 Mbit/s (20 ms latency), for those two and for the snapshot start forced;
  and at 20 Mbit/s with Chromium given a quarter of a core (a slow phone's CPU,
  where the site should take the snapshot), the site's start and a full one;
- the first Check pressed the moment Python is ready, next to a warm Check;
- for every exercise on the site, its reference solution's Check with Python
  warm: each one, the median and the worst;
- the same for every practice kit, its reference typed into the kit's files;
- how long the page's main thread was blocked while Python started.

Medians of N runs. A benchmark, not a test: the figures depend on the machine,
and on a shared one they are noisy; compare figures from the same run.
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from local_site import CHROMIUM, CHROMIUM_ARGS, serve, slow_chromium, throttle
from medians import formatted
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    Route,
    expect,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError
from roundkit import kit_files, kits
from roundkit.browser import sent_files

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "examples" / "exercises"
PROSE_PAGE = ""
EXERCISE_PAGE = "coding/token-bucket/"
SLUG = "token-bucket"
PYODIDE_DIR = "assets/vendor/pyodide"
CORE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"]
SNAPSHOT_FILES = ["snapshot.json", "snapshot.bin.gz"]
SPEEDS = [50, 20, 10]  # Mbit/s, emulated: the snapshot pays at 50, not at 20 or 10 here
SLOW_CPU = (0.25, 20)  # a share of one core, and Mbit/s: there the snapshot pays again
# Starts to compare: the site as built, and two it can be made to make.
STARTS = ["site's start", "snapshot forced", "full start"]
STARTED_FROM = {"snapshot forced": "snapshot", "full start": "full start"}
Row = tuple[str, list[float], str]  # measurement, values, unit

# In the page: time from the first intent to data-state="ready", and the long
# tasks (main thread blocked > 50 ms) seen meanwhile.
TIME_TO_READY = """() => new Promise((resolve) => {
  const widget = document.querySelector("section.exercise");
  let blocked = 0;
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) blocked += task.duration;
  }).observe({ type: "longtask" });
  const start = performance.now();
  const done = () => {
    if (widget.dataset.state !== "ready") return false;
    resolve({ ready: performance.now() - start, blocked, from: widget.dataset.pythonStart });
    return true;
  };
  new MutationObserver(done).observe(widget, { attributes: true });
  widget.scrollIntoView();
})"""

# In the page: press Check (now, or the moment Python is ready) and time it to
# the verdict; it must be "passed".
TIME_TO_CHECKED = """([selector, atReady]) => new Promise((resolve, reject) => {
  const widget = document.querySelector(selector);
  widget.dataset.result = "";
  let start;
  const check = () => {
    start = performance.now();
    widget.querySelector("[data-action=check]").click();
  };
  const observer = new MutationObserver(() => {
    if (start === undefined && widget.dataset.state === "ready") return check();
    const result = widget.dataset.result;
    if (start === undefined || !result) return;
    observer.disconnect();
    if (result === "passed") resolve(performance.now() - start);
    else reject(new Error(`the check ended with ${result}`));
  });
  observer.observe(widget, { attributes: true });
  if (!atReady) check();
  else if (widget.dataset.state === "ready") reject(new Error("Python was ready too soon"));
})"""


def gzipped_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def transfer_table(site: Path) -> list[tuple[str, int, int]]:
    """(file, raw bytes, bytes as a gzip-compressing static host sends them)."""
    rows = []
    for name in CORE_FILES + SNAPSHOT_FILES:
        path = site / PYODIDE_DIR / name
        # The snapshot is gzipped by the build; a host sends it as it is.
        sent = path.stat().st_size if name.endswith(".gz") else gzipped_size(path)
        rows.append((name, path.stat().st_size, sent))
    return rows


def force(start: str, context: BrowserContext) -> None:
    """Make the pages of `context` start Python the way `start` names."""
    if start == "full start":
        context.route("**/snapshot.json", lambda route: route.fulfill(status=404))
    elif start == "snapshot forced":
        # The snapshot always pays, whatever the connection and the CPU.
        def always_snapshot(route: Route) -> None:
            script, count = re.subn(
                r"SNAPSHOT_SECONDS = [\d.]+",
                "SNAPSHOT_SECONDS = Infinity",
                route.fetch().text(),
            )
            if count != 1:
                raise RuntimeError("python-worker.js no longer has SNAPSHOT_SECONDS")
            route.fulfill(body=script, content_type="text/javascript")

        context.route("**/python-worker.js", always_snapshot)


def prose_page_bytes(context: BrowserContext, base: str) -> tuple[int, list[str]]:
    page = context.new_page()
    sizes: list[int] = []
    urls: list[str] = []

    def record(request) -> None:
        urls.append(request.url)
        sizes.append(request.sizes()["responseBodySize"])

    page.on("requestfinished", record)
    page.goto(base + PROSE_PAGE, wait_until="networkidle")
    before_interaction = sum(sizes)
    # Scrolling draws diagrams, but must never start Python or the editor.
    page.mouse.wheel(0, 5_000)
    page.wait_for_timeout(500)
    page.close()
    python = [u for u in urls if "pyodide" in u or "python-worker" in u or "codemirror" in u]
    return before_interaction, python


def start_python(page: Page, url: str) -> dict:
    page.goto(url, wait_until="load")
    return page.evaluate(TIME_TO_READY)


def time_check(page: Page, slug: str, at_ready: bool = False) -> float:
    return page.evaluate(TIME_TO_CHECKED, [f'section.exercise[data-exercise="{slug}"]', at_ready])


def fill_solution(page: Page, slug: str) -> None:
    widget = page.locator(f'section.exercise[data-exercise="{slug}"]')
    widget.scroll_into_view_if_needed()
    widget.locator(".cm-content").fill((EXERCISES / slug / "solution.py").read_text())


def starts(browser: Browser, base: str, start: str, mbit: float | None, runs: int) -> dict:
    """Cold (and, unthrottled, warm) times to ready; main-thread blocking while cold."""
    figures: dict[str, list[float]] = {"cold": [], "warm": [], "blocked": []}
    for _ in range(runs):
        context = browser.new_context()
        force(start, context)
        page = context.new_page()
        throttle(page, mbit)
        cold = start_python(page, base + EXERCISE_PAGE)
        if cold["from"] != STARTED_FROM.get(start, cold["from"]):
            sys.exit(f"{start}: Python started from {cold['from']!r}")
        figures["cold"].append(cold["ready"])
        figures["blocked"].append(cold["blocked"])
        if not mbit:  # same context: the HTTP cache is warm
            figures["warm"].append(start_python(page, base + EXERCISE_PAGE)["ready"])
        context.close()
    return figures


def slow_cpu_starts(
    playwright: Playwright, base: str, runs: int, say: Callable[[str], None]
) -> dict[str, list[float]]:
    """The site's start and a full start, cold, on a slow CPU (SLOW_CPU); {} where
    this machine cannot slow Chromium's CPU."""
    share, mbit = SLOW_CPU
    with tempfile.TemporaryDirectory() as scratch, ExitStack() as stack:
        try:
            executable = stack.enter_context(slow_chromium(share, Path(scratch)))
        except OSError as error:
            say(f"No slow CPU: Chromium's CPU cannot be limited here ({error})")
            return {}
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        say(f"Python's start on {share} of a core, {mbit} Mbit/s")
        figures = {
            start: starts(browser, base, start, mbit, runs)["cold"]
            for start in ("site's start", "full start")
        }
        browser.close()
        return figures


def first_check_at_ready(browser: Browser, base: str, runs: int) -> dict[str, list[float]]:
    """Check pressed the moment Python is ready, then warm, on the token bucket."""
    figures: dict[str, list[float]] = {"at ready": [], "warm": []}
    while len(figures["warm"]) < runs:
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + EXERCISE_PAGE, wait_until="load")
        fill_solution(page, SLUG)  # while Python is still starting
        try:
            figures["at ready"].append(time_check(page, SLUG, at_ready=True))
        except PlaywrightError as error:
            if "ready too soon" not in error.message:
                raise
            context.close()
            continue  # the fill took longer than Python's start: try again
        figures["warm"].append(statistics.median(time_check(page, SLUG) for _ in range(5)))
        context.close()
    return figures


def embedding_pages(site: Path, shell: str) -> dict[str, str]:
    """Each name a widget's shell (a regular expression) gives, and the first page
    (URL path) that embeds it."""
    pages: dict[str, str] = {}
    for html in sorted(site.rglob("index.html")):
        for name in re.findall(shell, html.read_text()):
            pages.setdefault(name, html.parent.relative_to(site).as_posix() + "/")
    return pages


def warm_checks(
    browser: Browser, base: str, pages: dict[str, str], widget: str, prepare: Callable, runs: int
) -> dict[str, float]:
    """Per name in ``pages`` (name -> page): the Check of the widget ``widget`` selects
    (a format of the name) after ``prepare(page, name)``, with Python warm (median)."""
    context = browser.new_context()
    page = context.new_page()
    figures = {}
    for name, path in pages.items():
        page.goto(base + path, wait_until="load")
        prepare(page, name)
        selector = widget.format(name)
        page.evaluate(TIME_TO_CHECKED, [selector, False])  # Python starts; the code compiles
        figures[name] = statistics.median(
            page.evaluate(TIME_TO_CHECKED, [selector, False]) for _ in range(runs)
        )
    context.close()
    return figures


def every_check(browser: Browser, base: str, site: Path, runs: int) -> dict[str, float]:
    """Per exercise: its reference solution's Check with Python warm (median)."""
    pages = embedding_pages(site, r'<section class="exercise" data-exercise="([^"]+)"')
    widget = 'section.exercise[data-exercise="{}"]'
    return warm_checks(browser, base, pages, widget, fill_solution, runs)


def kit_solution(name: str) -> dict[str, str]:
    """What a reader types to solve a kit: each file its reference changes, by path.

    The page edits the kit's files and adds none, so a test module the
    reference adds (a bug squash's regression test) goes at the end of the
    kit's first test module, as a reader would put it.
    """
    task = next(
        t
        for kind in ("integration", "bugsquash")
        for t in kits.tasks(kind).values()
        if t.name == name
    )
    fresh = sent_files(kit_files(task))
    solved = sent_files(kit_files(task, reference=True))
    changed = {path: text for path, text in solved.items() if fresh.get(path) != text}
    first_tests = min(p for p in fresh if p.startswith("tests/test_"))
    for path in [p for p in changed if p not in fresh]:
        changed[first_tests] = (
            changed.get(first_tests, fresh[first_tests]) + "\n\n" + changed.pop(path)
        )
    return changed


def type_kit_solution(page: Page, name: str) -> None:
    kit = page.locator(f'section.kit[data-kit="{name}"]')
    kit.scroll_into_view_if_needed()
    expect(kit).to_have_attribute("data-editor", "ready")
    for file, text in kit_solution(name).items():
        kit.locator(f'[data-file="{file}"]').click()
        kit.locator(".cm-content").fill(text)


def every_kit_check(browser: Browser, base: str, site: Path, runs: int) -> dict[str, float]:
    """Per kit: the Check of its reference, typed into its files, with Python warm (median)."""
    pages = embedding_pages(site, r'<section class="exercise kit" data-kit="([^"]+)"')
    widget = 'section.kit[data-kit="{}"]'
    return warm_checks(browser, base, pages, widget, type_kit_solution, runs)


def in_the_browser(site: Path, runs: int, say: Callable[[str], None] = print) -> dict:
    """Every figure of this benchmark, measured in one run of Chromium."""
    results: dict = {}
    with sync_playwright() as playwright, serve(site) as base:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results["prose"] = prose_page_bytes(browser.new_context(), base)
        for mbit in [None, *SPEEDS]:
            for start in STARTS:
                say(f"Python's start: {start}, {f'{mbit} Mbit/s' if mbit else 'unthrottled'}")
                results[start, mbit] = starts(browser, base, start, mbit, runs)
        results["slow CPU"] = slow_cpu_starts(playwright, base, runs, say)
        say("Check the moment Python is ready")
        results["at ready"] = first_check_at_ready(browser, base, runs)
        say("Check on every exercise")
        results["checks"] = every_check(browser, base, site, runs)
        say("Check on every kit")
        results["kit checks"] = every_kit_check(browser, base, site, runs)
        browser.close()
    return results


def rows(results: dict) -> list[Row]:
    """The figures as (measurement, values, unit): the benchmark table's rows."""
    prose_bytes, python_urls = results["prose"]
    table: list[Row] = [
        ("Home page: bytes before interaction", [prose_bytes / 1024], "KiB"),
        ("Home page: requests for Python or the editor", [len(python_urls)], ""),
    ]
    site, full = results["site's start", None], results["full start", None]
    for cache in ("cold", "warm"):
        table.append((f"Python ready, {cache} cache, the site's start", site[cache], "ms"))
        table.append((f"Python ready, {cache} cache, full start (no snapshot)", full[cache], "ms"))
        ratio = statistics.median(full[cache]) / statistics.median(site[cache])
        table.append((f"  full start / site's start, {cache} cache", [ratio], "x"))
    table.append(("Main-thread long tasks while Python starts", site["blocked"], "ms"))
    for mbit in SPEEDS:
        for start in STARTS:
            table.append(
                (
                    f"Python ready at {mbit} Mbit/s, cold, {start}",
                    results[start, mbit]["cold"],
                    "ms",
                )
            )
    share, mbit = SLOW_CPU
    for start, cold in results["slow CPU"].items():
        name = f"Python ready at {mbit} Mbit/s on {share} of a core, cold, {start}"
        table.append((name, cold, "ms"))
    at_ready = results["at ready"]
    table.append(
        ("First Check the moment Python is ready (token bucket)", at_ready["at ready"], "ms")
    )
    table.append(("Warm Check, same page (token bucket)", at_ready["warm"], "ms"))
    warm = results["checks"]
    worst = max(warm, key=warm.get)
    table.append(
        (f"Warm Check, all {len(warm)} exercises: median", [statistics.median(warm.values())], "ms")
    )
    table.append((f"Warm Check, all {len(warm)} exercises: worst ({worst})", [warm[worst]], "ms"))
    kits_warm = results["kit checks"]
    worst = max(kits_warm, key=kits_warm.get)
    median = statistics.median(kits_warm.values())
    table.append((f"Warm Check, all {len(kits_warm)} kits, solved: median", [median], "ms"))
    table.append(
        (f"Warm Check, all {len(kits_warm)} kits: worst ({worst})", [kits_warm[worst]], "ms")
    )
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site (mkdocs build)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    print("Pyodide's start, per file (bytes raw -> as sent gzipped):")
    for name, raw, sent in transfer_table(args.site):
        print(f"  {name:<20} {raw / 2**20:6.2f} MiB -> {sent / 2**20:6.2f} MiB")
    results = in_the_browser(args.site, args.runs)
    table = rows(results)
    width = max(len(name) for name, _, _ in table)
    for name, values, unit in table:
        median, spread = formatted(values, unit)
        print(f"{name:<{width}}  {median:>12}  {spread}")
    print("\nWarm Check per exercise (ms):")
    for slug, warm in sorted(results["checks"].items(), key=lambda item: -item[1]):
        print(f"  {slug:<24} {warm:7.0f}")
    print("\nWarm Check per kit, solved (ms):")
    for name, warm in sorted(results["kit checks"].items(), key=lambda item: -item[1]):
        print(f"  {name:<24} {warm:7.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
