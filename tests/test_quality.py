"""Repository-wide checks: lint, spelling, and no sentence taken from the seed."""

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
