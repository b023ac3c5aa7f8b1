"""Repository-wide checks: lint, spelling, no sentence taken from the seed, an honest report."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

SEED_OVERLAP = ROOT.parent / "shared" / "tools" / "seed_overlap.py"
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "."),
        ("ruff", "format", "--check", "."),
        ("codespell",),
    ],
    ids=" ".join,
)
def test_tool_is_clean(command: tuple[str, ...]) -> None:
    result = run(str(BIN / command[0]), *command[1:])
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not SEED_OVERLAP.is_file(), reason="shared/tools/seed_overlap.py not found")
def test_no_sentence_from_the_seed() -> None:
    result = run(sys.executable, str(SEED_OVERLAP), ".")
    assert result.stdout == "", result.stdout


def test_a_run_without_chromium_says_the_browser_suite_did_not_run() -> None:
    # Only the browser tests of one file: they skip before building anything.
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "tests/browser/test_pages.py"],
        cwd=ROOT,
        env={**os.environ, "CHROMIUM": "/nonexistent/chromium"},
        capture_output=True,
        text=True,
        check=False,
    )
    last = result.stdout.splitlines()[-1]
    assert "browser tests: NOT RUN, no Chromium at /nonexistent/chromium" in result.stdout
    assert re.search(r"\d+ skipped, \d+ browser tests NOT RUN \(no Chromium\)", last), last
