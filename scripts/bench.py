"""Every benchmark in one run, and one table: what `make bench` runs.

    python scripts/bench.py [--runs N]

Times a clean and a warm build, and the first page and a prose edit during
`mkdocs serve` (bench_build.py); builds the site, then measures Python in
Chromium (start-up with and without the snapshot, Check) and runs Lighthouse
on one page of every kind. Prints one table and
writes it to docs/about/_benchmarks.md, which the About page includes: the
published figures are always the last measured ones, never typed by hand.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import bench_build
import bench_pages
import bench_runtime

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / ".cache" / "bench-site"
TABLE = ROOT / "docs" / "about" / "_benchmarks.md"


def median_and_range(values: list[float], unit: str, scale: float = 1) -> tuple[str, str]:
    scaled = [value * scale for value in values]
    digits = 2 if unit == "s" else 0
    return (
        f"{statistics.median(scaled):.{digits}f} {unit}",
        f"{min(scaled):.{digits}f}-{max(scaled):.{digits}f}",
    )


def seconds(values: list[float]) -> tuple[str, str]:
    return median_and_range(values, "s")


def build_site() -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(SITE)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="repetitions of each timing")
    args = parser.parse_args(argv)

    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as cache:
        builds = bench_build.clean_and_warm_builds(args.runs, Path(cache))
        edits = bench_build.prose_edits(args.runs, Path(cache))
    first_pages = bench_build.first_pages(args.runs)
    rows: list[tuple[str, str, str]] = [  # (measurement, median, min-max)
        ("Clean build, empty caches (every notebook executed)", *seconds(builds["clean"])),
        ("Clean build: CPU seconds in all its processes", *seconds(builds["clean cpu"])),
        ("Warm build, the caches it filled", *seconds(builds["warm"])),
        (
            "Clean builds that failed (a page's timing assert) and were retried",
            str(builds["failed"][0]),
            "",
        ),
        ("First page from `mkdocs serve`, empty caches", *seconds(first_pages["seconds"])),
        ("First page: CPU seconds the server spent", *seconds(first_pages["cpu"])),
        ("Prose edit shown by `mkdocs serve`", *seconds(edits["seconds"])),
        ("Prose edit: CPU seconds the server spent", *seconds(edits["cpu"])),
    ]
    build_site()
    prose_bytes, python_urls, runtime = bench_runtime.in_the_browser(SITE, args.runs)
    rows.append(("Home page: bytes before interaction", f"{prose_bytes / 1024:.0f} KiB", ""))
    rows.append(("Home page: requests for Python or the editor", str(len(python_urls)), ""))
    for start, label in (("snapshot", "with the snapshot"), ("full start", "without it")):
        figures = runtime[start]
        rows.append(
            (f"Python ready, cold cache, {label}", *median_and_range(figures["cold"], "ms"))
        )
        rows.append(
            (f"Python ready, warm cache, {label}", *median_and_range(figures["warm"], "ms"))
        )
    snapshot = runtime["snapshot"]
    rows.append(
        ("First Check -> results (token bucket)", *median_and_range(snapshot["first check"], "ms"))
    )
    rows.append(
        ("Later Check -> results (token bucket)", *median_and_range(snapshot["next checks"], "ms"))
    )
    rows.append(
        ("Main-thread long tasks while Python starts", *median_and_range(snapshot["blocked"], "ms"))
    )
    for kind, figures in bench_pages.audit_site(SITE, args.runs).items():
        scores = " / ".join(f"{figures[name]:.0f}" for name in bench_pages.CATEGORIES)
        rows.append((f"Lighthouse, {kind}: scores (perf / a11y / best / SEO)", scores, ""))
        rows.append((f"Lighthouse, {kind}: bytes", f"{figures['bytes'] / 1024:.0f} KiB", ""))

    width = max(len(name) for name, _, _ in rows)
    for name, median, spread in rows:
        print(f"{name:<{width}}  {median:>22}  {spread}")

    today = datetime.date.today().isoformat()
    machine = f"{os.cpu_count()} cores, {platform.system()} {platform.machine()}"
    lines = [
        f"Measured on {today} ({machine}, load average {load:.1f} when the run began), "
        "headless Chromium, the site served on localhost and gzipped as a static host "
        f"sends it; each figure is the median of {args.runs} runs. Build times grow with "
        "the machine's load; the CPU seconds barely do.",
        "",
        "| measurement | median | min-max |",
        "|---|---|---|",
        *(f"| {name} | {median} | {spread} |" for name, median, spread in rows),
    ]
    TABLE.parent.mkdir(exist_ok=True)
    TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\nwrote {TABLE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
