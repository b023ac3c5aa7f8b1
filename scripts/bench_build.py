"""Benchmark the site build: a clean build, and a prose edit showing up in `serve`.

    python scripts/bench_build.py [--runs N]

Prints the median and the spread of each measurement. A benchmark, not a test:
the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
EDITED_PAGE = ROOT / "docs" / "applied-ml" / "index.md"
EDITED_URL = "applied-ml/"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def clean_build() -> float:
    """Seconds for a full strict build, every notebook executed (no cache)."""
    with tempfile.TemporaryDirectory() as site:
        env = {key: value for key, value in ENV.items() if key != "GUIDE_NOTEBOOK_CACHE"}
        start = time.perf_counter()
        build = subprocess.run(
            [*MKDOCS, "build", "--strict", "--site-dir", site],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if build.returncode != 0:
            raise SystemExit(f"the clean build failed:\n{build.stderr[-4000:]}")
        return time.perf_counter() - start


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode()
    except OSError:
        return None


def _wait_for(predicate: Callable[[], bool], timeout: float) -> float:
    start = time.perf_counter()
    while not predicate():
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"gave up after {timeout:.0f} s")
        time.sleep(0.05)
    return time.perf_counter() - start


def prose_edits(runs: int, port: int = 8765) -> list[float]:
    """Seconds from saving a prose page to `mkdocs serve` serving the change."""
    url = f"http://127.0.0.1:{port}/{EDITED_URL}"
    original = EDITED_PAGE.read_text(encoding="utf-8")
    server = subprocess.Popen(
        [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={**ENV, "GUIDE_NOTEBOOK_CACHE": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    timings = []
    try:
        _wait_for(lambda: _fetch(url) is not None, timeout=600)
        for run in range(runs):
            marker = f"bench-marker-{run}-{time.time_ns()}"
            EDITED_PAGE.write_text(f"{original}\n{marker}\n", encoding="utf-8")
            timings.append(_wait_for(lambda m=marker: m in (_fetch(url) or ""), timeout=300))
    finally:
        EDITED_PAGE.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait()
    return timings


def summary(name: str, seconds: list[float]) -> str:
    return (
        f"{name:<28} median {statistics.median(seconds):6.2f} s"
        f"   min {min(seconds):6.2f} s   max {max(seconds):6.2f} s   (n={len(seconds)})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="repetitions of each measurement")
    args = parser.parse_args(argv)
    print(summary("clean build", [clean_build() for _ in range(args.runs)]))
    print(summary("prose edit during serve", prose_edits(args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
