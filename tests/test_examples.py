"""Every notebook also runs as a plain script, from any working directory."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

NOTEBOOKS = sorted(
    path
    for path in (ROOT / "examples").glob("*/*.py")
    if path.parent.name not in {"exercises", "guide"}
)


def test_notebooks_found() -> None:
    assert NOTEBOOKS, "no notebook under examples/<topic>/"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_runs_as_script(notebook: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(notebook)],
        cwd=tmp_path,  # not the repository: datasets are found from the guide package
        env={**os.environ, "MPLBACKEND": "Agg"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
