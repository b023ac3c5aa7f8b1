"""Lighthouse on one page of every kind: scores and the bytes each page transfers.

    python scripts/bench_pages.py SITE_DIR [--runs N]

Then every page of the site once (`sweep`): its lowest scores, and which page,
because one page of a kind can be the kind's fastest; a page whose performance
scores under 98 in that one run is audited again, for its median.

Runs npm's pinned `lighthouse` (node_modules/.bin) with Debian's Chromium
against the site served on localhost, with Lighthouse's default mobile
throttling, served gzipped as a static host serves it. Scores vary from run
to run on a small machine: each figure is the median of several runs. A
benchmark, not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from local_site import CHROMIUM, serve

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# One page of every kind the guide has (the same list as the accessibility tests).
PAGES = {
    "home": "",
    "prose": "process/evaluation-criteria/",
    "walkthrough + diagram": "system-design/radar-backend/",
    "executed notebook": "examples/applied-ml/fraud_laptop_round/",
    "exercise": "coding/token-bucket/",
    "practice list": "practice/",
    "explorer": "applied-ml/pneumonia-precision-recall/",
    "mock rounds": "practice/mock/",
}


def audit(url: str) -> dict[str, float]:
    """The four category scores (0-100) and the page's total bytes, for one URL."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            check=True,
            capture_output=True,
        )
        result = json.loads(report.read_text())
    scores = {name: round(100 * result["categories"][name]["score"]) for name in CATEGORIES}
    return {**scores, "bytes": result["audits"]["total-byte-weight"]["numericValue"]}


def audit_site(site: Path, runs: int) -> dict[str, dict[str, float]]:
    """Per page kind, the median of each figure over `runs` audits."""
    with serve(site) as base:
        audits = {kind: [audit(base + path) for _ in range(runs)] for kind, path in PAGES.items()}
    return {
        kind: {name: statistics.median(run[name] for run in results) for name in results[0]}
        for kind, results in audits.items()
    }


@dataclass(frozen=True)
class Sweep:
    """Every page audited once: the lowest score of each category, and its page."""

    pages: int
    lowest: dict[str, tuple[float, str]]  # the page, or "none" when every page scores 100
    # Pages whose performance scored under 98 once: their median over `runs` audits.
    under_98: dict[str, float]


def sweep(site: Path, runs: int) -> Sweep:
    paths = sorted(
        "" if page.parent == site else f"{page.parent.relative_to(site).as_posix()}/"
        for page in site.rglob("index.html")
    )
    with serve(site) as base:
        audits = {path: audit(base + path) for path in paths}
        # One run can miss a page's median by a few points (a kind's median of 99
        # came with one of its pages under 98 once): a page under 98 runs again.
        under = {
            path: statistics.median(
                [run["performance"], *(audit(base + path)["performance"] for _ in range(runs - 1))]
            )
            for path, run in audits.items()
            if run["performance"] < 98
        }
    lowest = {}
    for name in CATEGORIES:
        score, path = min((run[name], path) for path, run in audits.items())
        lowest[name] = (score, f"/{path}" if score < 100 else "none")
    return Sweep(len(paths), lowest, under)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site (mkdocs build)")
    parser.add_argument("--runs", type=int, default=3, help="audits of each page")
    args = parser.parse_args(argv)
    print(f"{'page':<22} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'KiB':>7}")
    for kind, figures in audit_site(args.site, args.runs).items():
        scores = " ".join(f"{figures[name]:>5.0f}" for name in CATEGORIES)
        print(f"{kind:<22} {scores} {figures['bytes'] / 1024:>7.0f}")
    every = sweep(args.site, args.runs)
    print(f"every page ({every.pages}), one run each: lowest")
    for name, (score, page) in every.lowest.items():
        print(f"  {name:<15} {score:>4.0f}  {page}")
    print(f"  performance under 98 once, then its median of {args.runs} runs:")
    for page, median in every.under_98.items():
        print(f"    /{page:<40} {median:>4.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
