"""Every benchmark in one run, and one table: what `make bench` runs.

    python scripts/bench.py [--runs N]

Times a clean and a warm build, and the first page and a prose edit during
`mkdocs serve` (bench_build.py); the laptop-round kit's `new` and `grade` per
scenario; builds the site, then measures Python in Chromium (start-up with and
without the snapshot, Check), the time an explorer's slider step costs, runs
Lighthouse on one page of every kind and on every page once, and times making
and grading each practice kit in CPython. Prints one table and writes it to
docs/about/_benchmarks.md, which the About page includes: the published
figures are always the last measured ones, never typed by hand.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

import bench_build
import bench_checks
import bench_explorers
import bench_kits
import bench_pages
import bench_rounds
import bench_runtime
import grading
from medians import formatted

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / ".cache" / "bench-site"
TABLE = ROOT / "docs" / "about" / "_benchmarks.md"
ROUND_RUNS = 3  # rounds per scenario: each is two fresh processes and a model fit


def seconds(values: list[float]) -> tuple[str, str]:
    return formatted(values, "s")


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
        ("First page from `mkdocs serve`, empty caches", *seconds(first_pages["seconds"])),
        ("First page: CPU seconds the server spent", *seconds(first_pages["cpu"])),
        ("Prose edit shown by `mkdocs serve`", *seconds(edits["seconds"])),
        ("Prose edit: CPU seconds the server spent", *seconds(edits["cpu"])),
    ]
    for scenario, commands in bench_rounds.time_rounds(ROUND_RUNS).items():
        for command, timings in commands.items():
            rows.append((f"Laptop round `{command}`, {scenario}", *seconds(timings)))
    build_site()
    for name, values, unit in bench_runtime.rows(bench_runtime.in_the_browser(SITE, args.runs)):
        rows.append((name, *formatted(values, unit)))
    for measure, (median, p95, worst) in bench_explorers.summary(
        bench_explorers.step_times(SITE, steps=100)
    ).items():
        label = "script" if measure == "script" else "script + style and layout"
        rows.append(
            (
                f"Explorer slider step, {label} (p95 {p95:.1f} ms)",
                f"{median:.1f} ms",
                f"max {worst:.1f} ms",
            )
        )
    checks = bench_checks.measure(grading.slugs(), args.runs, bench_checks.NAIVE_SCALE)
    rows.append(
        (
            f"Check, warm, each of {len(checks)} exercises (Pyodide in Node, CPU time)",
            *formatted([timing.check_cpu for timing in checks], "ms", 1000),
        )
    )
    ratios = [budget.ratio for timing in checks for budget in timing.budgets]
    rows.append(("Time budget / reference's time, large checks", *formatted(ratios, "x")))
    for kind, figures in bench_pages.audit_site(SITE, args.runs).items():
        scores = " / ".join(f"{figures[name]:.0f}" for name in bench_pages.CATEGORIES)
        rows.append((f"Lighthouse, {kind}: scores (perf / a11y / best / SEO)", scores, ""))
        rows.append((f"Lighthouse, {kind}: bytes", f"{figures['bytes'] / 1024:.0f} KiB", ""))
    every = bench_pages.sweep(SITE, args.runs)
    for name, (score, page) in every.lowest.items():
        row = f"Lighthouse, all {every.pages} pages once: lowest {name}"
        rows.append((row, f"{score:.0f}", page))
    rows.append(
        (
            "Lighthouse, all pages once: performance under 98",
            str(len(every.under_98)),
            " ".join(f"/{p}" for p in every.under_98),
        )
    )
    still = {page: median for page, median in every.under_98.items() if median < 98}
    rows.append(
        (
            f"  the same pages, median of {args.runs} runs: under 98",
            str(len(still)),
            " ".join(f"/{page} ({median:.0f})" for page, median in still.items()) or "none",
        )
    )
    for kit, steps in bench_kits.timings(args.runs).items():
        for step, timings in steps.items():
            rows.append((f"Kit {kit}: {step}", *formatted(timings, "ms", 1000)))

    width = max(len(name) for name, _, _ in rows)
    for name, median, spread in rows:
        print(f"{name:<{width}}  {median:>22}  {spread}")
    print("\nEvery exercise's Check (scripts/bench_checks.py):")
    print("\n".join(bench_checks.table(checks, bench_checks.NAIVE_SCALE)))

    today = datetime.date.today().isoformat()
    machine = f"{os.cpu_count()} cores, {platform.system()} {platform.machine()}"
    lines = [
        f"Measured on {today} ({machine}, load average {load:.1f} when the run began), "
        "headless Chromium, the site served on localhost and gzipped as a static host "
        f"sends it; each figure is the median of {args.runs} runs ({ROUND_RUNS} for the "
        "laptop round, one seed each). Build times grow with the machine's load; the CPU "
        "seconds barely do.",
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
