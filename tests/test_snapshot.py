"""The browser's Python: one wheel in the served lock, and a snapshot made from that wheel."""

import hashlib
import json
import zipfile

import build_wheel
import pytest
from pyodide_lock import PyodideLockSpec
from support import ROOT

VENDOR = ROOT / "overrides" / "assets" / "vendor" / "pyodide"
LOCK = VENDOR / "pyodide-lock.json"
GUIDE = "guide-browser"


@pytest.fixture(scope="module")
def lock() -> PyodideLockSpec:
    return PyodideLockSpec.from_json(LOCK)


def test_the_served_lock_names_the_wheel_beside_it(lock: PyodideLockSpec) -> None:
    entry = lock.packages[GUIDE]
    wheel = VENDOR / entry.file_name
    assert entry.file_name == wheel.name, "named relative to the lock, so the site serves it"
    assert entry.sha256 == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert sorted(entry.imports) == ["exercise_harness", "roundkit", "sandbox"]
    assert entry.depends == []
    pristine = PyodideLockSpec.from_json(ROOT / "node_modules" / "pyodide" / "pyodide-lock.json")
    assert lock.packages.keys() - pristine.packages.keys() == {GUIDE}


def test_the_wheel_holds_what_the_browser_runs_and_is_reproducible(tmp_path) -> None:
    wheel = build_wheel.build(tmp_path)
    served = VENDOR / wheel.name
    assert wheel.read_bytes() == served.read_bytes(), "stale: run `make setup`"
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"exercise_harness.py", "roundkit/browser.py", "sandbox/API.md"} <= names
    assert not {"sandbox/server.py", "sandbox/__main__.py"} & names, "no sockets in a browser"
    tasks = {n.split("/")[3] for n in names if n.startswith("roundkit/rounds/") and "/" in n[16:]}
    assert {"common", "payout-reconciliation", "dispute-sync"} <= tasks
    assert {"merchant-ledger", "fraud-features"} <= tasks


def test_the_snapshot_was_made_from_the_served_pyodide_and_wheel(lock: PyodideLockSpec) -> None:
    meta = json.loads((VENDOR / "snapshot.json").read_text())
    served = json.loads((VENDOR / "package.json").read_text())["version"]
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    assert meta["pyodide_version"] == served == pinned
    assert meta["wheel_sha256"] == lock.packages[GUIDE].sha256
    assert (VENDOR / "snapshot.bin.gz").stat().st_size == meta["gzipped_bytes"]
    # The sizes the progress bar counts towards, while Python downloads.
    assert meta["core_bytes"] == {
        name: (VENDOR / name).stat().st_size for name in meta["core_bytes"]
    }
    assert set(meta["core_bytes"]) == {"pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"}
