"""Benchmark the explorers: the main-thread time one slider step costs.

    python scripts/bench_explorers.py SITE_DIR [--steps N]

For every explorer page of a built site, in headless Chromium, each slider is
walked across its range in N steps. Each step sets the value and dispatches an
input event, as a drag does, and is timed twice: the event handler alone
(script: the figures, the charts redrawn), and the handler plus the style and
layout it forces. A drag stays within one frame when the second stays well under
16 ms. Medians and maxima over all steps. A benchmark, not a test: the figures
depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from local_site import CHROMIUM, CHROMIUM_ARGS, serve
from playwright.sync_api import sync_playwright

PAGES = {
    "fraud": "applied-ml/fraud-accuracy-vs-f1/",
    "pneumonia": "applied-ml/pneumonia-precision-recall/",
    "metrics": "applied-ml/metrics-and-thresholds/",
    "PSI": "system-design/drift/",
}

# In the page: every slider walked across its range; per step, the handler's time
# and the handler's time with the style and layout it forces.
WALK_SLIDERS = """steps => {
  const script = [], frame = [];
  const root = document.querySelector("section.explorer");
  for (const input of root.querySelectorAll("input[type=range]")) {
    const [low, high] = [Number(input.min), Number(input.max)];
    for (let i = 0; i <= steps; i += 1) {
      input.value = low + ((high - low) * i) / steps;
      const start = performance.now();
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const handled = performance.now();
      root.getBoundingClientRect();
      document.body.offsetHeight;
      script.push(handled - start);
      frame.push(performance.now() - start);
    }
  }
  return { script, frame };
}"""


def step_times(site: Path, steps: int) -> dict[str, dict[str, list[float]]]:
    """Per explorer page, the script and script-plus-layout time of every slider step (ms)."""
    times = {}
    with sync_playwright() as playwright, serve(site) as base:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for name, path in PAGES.items():
            page.goto(base + path)
            page.locator("section.explorer").scroll_into_view_if_needed()  # it starts there
            page.wait_for_selector("section.explorer[data-ready]")
            times[name] = page.evaluate(WALK_SLIDERS, steps)
        browser.close()
    return times


def spread(values: list[float]) -> tuple[float, float, float]:
    """Median, 95th percentile and maximum."""
    return statistics.median(values), statistics.quantiles(values, n=20)[-1], max(values)


def summary(times: dict[str, dict[str, list[float]]]) -> dict[str, tuple[float, float, float]]:
    """Per measure ("script", "frame"), the spread over every page and step."""
    return {
        measure: spread([t for page in times.values() for t in page[measure]])
        for measure in ("script", "frame")
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site (mkdocs build)")
    parser.add_argument("--steps", type=int, default=100, help="steps across each slider")
    args = parser.parse_args(argv)
    times = step_times(args.site, args.steps)
    print("milliseconds per slider step: median / 95th percentile / max")
    print(f"{'explorer':<10} {'script':>22} {'script + layout':>22}")
    for name, page in times.items():
        cells = ["{:.1f} / {:.1f} / {:.1f}".format(*spread(page[m])) for m in ("script", "frame")]
        print(f"{name:<10} {cells[0]:>22} {cells[1]:>22}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
