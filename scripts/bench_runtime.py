"""Benchmark Python in the browser: bytes, time to ready, time to check results.

    python scripts/bench_runtime.py SITE_DIR [--runs N]

Against a built site served on localhost, in headless Chromium, it reports:

- what a prose page transfers, and whether it asks for any Python at all;
- what Python's start costs in bytes, raw and gzipped (as a static host such
  as GitHub Pages serves it), with and without the build's memory snapshot;
- the time from the first intent (the exercise scrolls into view) to "ready",
  with a cold and a warm browser cache, with and without the snapshot;
- the time from Check to results for the token-bucket exercise once ready,
  the first check and the ones after it;
- how long Python blocked the page's main thread (long tasks while loading).

Medians of N runs (and the spread). A benchmark, not a test: the figures
depend on the machine.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
from pathlib import Path

from local_site import CHROMIUM, CHROMIUM_ARGS, serve
from playwright.sync_api import BrowserContext, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
PROSE_PAGE = ""
EXERCISE_PAGE = "coding/token-bucket/"
SOLUTION = (ROOT / "examples/exercises/token-bucket/solution.py").read_text()
PYODIDE_DIR = "assets/vendor/pyodide"
CORE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"]
SNAPSHOT_FILES = ["snapshot.json", "snapshot.bin.gz"]

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

# In the page: time from a click on Check to data-result="passed".
TIME_TO_CHECKED = """() => new Promise((resolve, reject) => {
  const widget = document.querySelector("section.exercise");
  widget.dataset.result = "";
  const observer = new MutationObserver(() => {
    const result = widget.dataset.result;
    if (!result) return;
    observer.disconnect();
    if (result === "passed") resolve(performance.now() - start);
    else reject(new Error(`the check ended with ${result}`));
  });
  observer.observe(widget, { attributes: true, attributeFilter: ["data-result"] });
  const start = performance.now();
  widget.querySelector("[data-action=check]").click();
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


def without_snapshot(context: BrowserContext) -> None:
    context.route("**/snapshot.json", lambda route: route.fulfill(status=404))


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


def start_python(page: Page, base: str) -> dict:
    page.goto(base + EXERCISE_PAGE, wait_until="load")
    return page.evaluate(TIME_TO_READY)


def check_times(page: Page, repeats: int) -> list[float]:
    page.locator(".cm-content").fill(SOLUTION)
    return [page.evaluate(TIME_TO_CHECKED) for _ in range(repeats)]


def measure(browser, base: str, snapshot: bool, runs: int) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {
        "cold": [],
        "warm": [],
        "blocked": [],
        "first check": [],
        "next checks": [],
    }
    for _ in range(runs):
        context = browser.new_context()
        if not snapshot:
            without_snapshot(context)
        page = context.new_page()
        cold = start_python(page, base)
        expected = "snapshot" if snapshot else "full start"
        if cold["from"] != expected:
            sys.exit(f"expected Python to start from {expected!r}, got {cold['from']!r}")
        checks = check_times(page, 6)
        warm = start_python(page, base)  # same context: the HTTP cache is warm
        figures["cold"].append(cold["ready"])
        figures["warm"].append(warm["ready"])
        figures["blocked"].append(cold["blocked"])
        figures["first check"].append(checks[0])
        figures["next checks"].append(statistics.median(checks[1:]))
        context.close()
    return figures


def in_the_browser(site: Path, runs: int) -> tuple[int, list[str], dict[str, dict]]:
    """The prose page's bytes and Python requests, and the figures of `measure`."""
    with sync_playwright() as playwright, serve(site) as base:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        prose_bytes, python_urls = prose_page_bytes(browser.new_context(), base)
        results = {
            "snapshot": measure(browser, base, True, runs),
            "full start": measure(browser, base, False, runs),
        }
        browser.close()
    return prose_bytes, python_urls, results


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):7.0f} ms  ({min(values):.0f}-{max(values):.0f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site (mkdocs build)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    print("Pyodide's start, per file (bytes raw -> as sent gzipped):")
    rows = transfer_table(args.site)
    for name, raw, sent in rows:
        print(f"  {name:<20} {raw / 2**20:6.2f} MiB -> {sent / 2**20:6.2f} MiB")
    core = sum(sent for name, _, sent in rows if name in CORE_FILES)
    extra = sum(sent for name, _, sent in rows if name in SNAPSHOT_FILES)
    print(
        f"  without the snapshot: {core / 2**20:.2f} MiB; with it: {(core + extra) / 2**20:.2f} MiB"
    )

    prose_bytes, python_urls, results = in_the_browser(args.site, args.runs)
    print(f"\nProse page (home): {prose_bytes / 1024:.0f} KiB before interaction, ", end="")
    print(f"{len(python_urls)} requests for Python or the editor")

    print(f"\nMedians of {args.runs} runs (min-max), headless Chromium, site on localhost:")
    print(f"  {'':28} {'with snapshot':>26} {'without':>26}")
    for label, key in [
        ("intent -> ready, cold cache", "cold"),
        ("intent -> ready, warm cache", "warm"),
        ("main thread long tasks (cold)", "blocked"),
        ("first Check -> results", "first check"),
        ("later Check -> results", "next checks"),
    ]:
        with_it, without = (spread(results[start][key]) for start in ("snapshot", "full start"))
        print(f"  {label:28} {with_it:>26} {without:>26}")
    for cache in ("cold", "warm"):
        ratio = statistics.median(results["full start"][cache]) / statistics.median(
            results["snapshot"][cache]
        )
        print(f"  ready {cache}: the snapshot is {ratio:.1f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
