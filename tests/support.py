"""Helpers the tests share: the repository root and a strict site build."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]


def build_site(site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    """Run a strict build of the offline site; the caller checks the return code and log."""
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--config-file", str(config), "--site-dir", str(site_dir)],
        cwd=ROOT,
        # What `make offline` builds: no source for Pyodide packages, no other host.
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYODIDE_PACKAGES_URL": ""},
        capture_output=True,
        text=True,
        check=False,
    )
