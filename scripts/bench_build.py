"""Benchmark the site build and the author's loop.

    python scripts/bench_build.py [--runs N]

- clean build: `mkdocs build` with empty caches, so every notebook and every
  markdown-exec block runs (what CI does), with the CPU seconds it used in
  all its processes (kernels included), a figure the machine's load barely moves;
- warm build: the same build again with the caches it filled, side by side;
- first page: `mkdocs serve` with empty caches, from launch to the home page
  answering (what a fresh clone waits for after the install);
- prose edit: from saving a prose page to `mkdocs serve` serving the change.

Prints the median and the spread of each. A benchmark, not a test: the figures
depend on the machine, and on whatever else shares it.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from build_log import build_problems

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
EDITED_PAGE = ROOT / "docs" / "applied-ml" / "index.md"
EDITED_URL = "applied-ml/"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(cache: Path) -> tuple[float, float]:
    """Seconds and CPU seconds for a strict build using (and filling) this cache folder."""
    with tempfile.TemporaryDirectory() as site:
        start, cpu = time.perf_counter(), _children_cpu()
        run = subprocess.run(
            [*MKDOCS, "build", "--strict", "--site-dir", site],
            cwd=ROOT,
            env={**ENV, "GUIDE_CACHE_DIR": str(cache)},
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode != 0:
            raise SystemExit(f"a clean build failed:\n{build_problems(run.stderr)}")
        return time.perf_counter() - start, _children_cpu() - cpu


def clean_and_warm_builds(runs: int, cache: Path) -> dict[str, list[float]]:
    """Each run: a build with empty caches, then one with the caches it filled."""
    figures: dict[str, list[float]] = {"clean": [], "clean cpu": [], "warm": []}
    for _ in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        seconds, cpu = build(cache)
        figures["clean"].append(seconds)
        figures["clean cpu"].append(cpu)
        figures["warm"].append(build(cache)[0])
    return figures


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


@contextmanager
def serving(cache: Path, port: int) -> Iterator[tuple[str, subprocess.Popen]]:
    """`mkdocs serve` with this cache folder; yields its base URL and its process."""
    server = subprocess.Popen(
        [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={**ENV, "GUIDE_CACHE_DIR": str(cache)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}/", server
    finally:
        server.terminate()
        server.wait()


def _cpu_of(pid: int) -> float:
    """CPU seconds a running process has used (Linux: /proc/PID/stat, user + system)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_pages(runs: int, port: int = 8765) -> dict[str, list[float]]:
    """From launching `mkdocs serve` with empty caches to the home page answering.

    Seconds, and the CPU seconds the server used by then.
    """
    figures: dict[str, list[float]] = {"seconds": [], "cpu": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache, serving(Path(cache), port) as (url, server):
            answered = lambda u=url, s=server: _fetch(u) is not None or s.poll() is not None  # noqa: E731
            figures["seconds"].append(_wait_for(answered, timeout=900))
            if server.poll() is not None:
                raise SystemExit("`mkdocs serve` stopped: its first build failed")
            figures["cpu"].append(_cpu_of(server.pid))
    return figures


def prose_edits(runs: int, cache: Path, port: int = 8766) -> dict[str, list[float]]:
    """From saving a prose page to `mkdocs serve` serving the change (warm caches).

    Seconds, and the CPU seconds the server spent meanwhile: the share of a busy
    machine the server got does not change the second figure.
    """
    original = EDITED_PAGE.read_text(encoding="utf-8")
    figures: dict[str, list[float]] = {"seconds": [], "cpu": []}
    with serving(cache, port) as (base, server):
        url = base + EDITED_URL
        try:
            _wait_for(lambda: _fetch(url) is not None, timeout=900)
            for run in range(runs):
                marker = f"bench-marker-{run}-{time.time_ns()}"
                cpu = _cpu_of(server.pid)
                EDITED_PAGE.write_text(f"{original}\n{marker}\n", encoding="utf-8")
                seconds = _wait_for(lambda m=marker: m in (_fetch(url) or ""), timeout=300)
                figures["seconds"].append(seconds)
                figures["cpu"].append(_cpu_of(server.pid) - cpu)
        finally:
            EDITED_PAGE.write_text(original, encoding="utf-8")
    return figures


def summary(name: str, seconds: list[float]) -> str:
    return (
        f"{name:<32} median {statistics.median(seconds):6.2f} s"
        f"   min {min(seconds):6.2f} s   max {max(seconds):6.2f} s   (n={len(seconds)})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="repetitions of each measurement")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as cache:
        builds = clean_and_warm_builds(args.runs, Path(cache))
        edits = prose_edits(args.runs, Path(cache))
    print(summary("clean build", builds["clean"]))
    print(summary("clean build, CPU in all processes", builds["clean cpu"]))
    print(summary("warm build", builds["warm"]))
    first = first_pages(args.runs)
    print(summary("first page from serve, empty caches", first["seconds"]))
    print(summary("first page, CPU of the server", first["cpu"]))
    print(summary("prose edit during serve", edits["seconds"]))
    print(summary("prose edit, CPU of the server", edits["cpu"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
