"""The build's Pyodide memory snapshot matches the Pyodide and the harness the site serves."""

import hashlib
import json

from support import ROOT

VENDOR = ROOT / "overrides" / "assets" / "vendor" / "pyodide"
HARNESS = ROOT / "examples" / "exercises" / "exercise_harness.py"


def test_snapshot_was_made_from_the_served_pyodide_and_harness() -> None:
    meta = json.loads((VENDOR / "snapshot.json").read_text())
    served = json.loads((VENDOR / "package.json").read_text())["version"]
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    assert meta["pyodide_version"] == served == pinned
    assert meta["harness_sha256"] == hashlib.sha256(HARNESS.read_bytes()).hexdigest()
    assert (VENDOR / "snapshot.bin.gz").stat().st_size == meta["gzipped_bytes"]
    # The sizes the progress bar counts towards, while Python downloads.
    assert meta["core_bytes"] == {
        name: (VENDOR / name).stat().st_size for name in meta["core_bytes"]
    }
    assert set(meta["core_bytes"]) == {"pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"}
