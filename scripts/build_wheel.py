"""Build the guide's one Python package for the browser and register it in the served lock.

    python scripts/build_wheel.py

What the Python worker imports becomes one pure-Python wheel, written beside
the site's copy of Pyodide (overrides/assets/vendor/pyodide/):

- ``exercise_harness`` (examples/exercises/), which runs and checks exercises;
- ``roundkit`` (the kits' grader) with the kits' task files inside it, as
  ``roundkit/rounds/<kind>/<task>/`` (task.toml, kit, reference, hidden);
- ``sandbox`` (the kits' fake payments API), without its HTTP server and
  command line: a browser has no sockets.

The wheel is then added to the site's ``pyodide-lock.json`` with pyodide-build's
``pyodide lockfile add-wheels``, starting from the pinned Pyodide's own lock, so
the worker loads it by name with ``loadPackage`` as it would any Pyodide
package, and the lock's sha256 of it is what the start-up snapshot is checked
against. The zip is built with the standard library and is byte-for-byte the
same for the same sources (fixed dates, sorted names), so that hash changes
only when what the browser runs changes. Run by ``make setup``, after
vendor_assets.mjs and before make_snapshot.mjs.
"""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = ROOT / "examples" / "rounds"
VENDOR = ROOT / "overrides" / "assets" / "vendor" / "pyodide"
PYODIDE_LOCK = ROOT / "node_modules" / "pyodide" / "pyodide-lock.json"
NAME = "guide-browser"  # the package's name in the lock: loadPackage(NAME)
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
SUMMARY = "The guide's Python for the browser: the exercise harness, the kits' grader and sandbox."
# Neither runs in a browser: no sockets, no command line.
SERVER_ONLY = {"server.py", "__main__.py"}
TASK_PARTS = ("task.toml", "kit", "reference", "hidden")
SKIPPED = {"__pycache__", ".pytest_cache"}
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: no build time in the bytes


def _files(folder: Path) -> Iterator[Path]:
    if folder.is_file():
        yield folder
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix != ".pyc" and not SKIPPED & set(path.parts):
            yield path


def contents() -> dict[str, Path]:
    """Each path inside the wheel -> the source file it is copied from."""
    entries = {"exercise_harness.py": ROOT / "examples" / "exercises" / "exercise_harness.py"}
    for package in ("roundkit", "sandbox"):
        for path in _files(ROUNDS / package):
            if not (package == "sandbox" and path.name in SERVER_ONLY):
                entries[f"{package}/{path.relative_to(ROUNDS / package).as_posix()}"] = path
    tasks = [ROUNDS / "integration" / "common"]
    tasks += [toml.parent / part for toml in ROUNDS.glob("*/*/task.toml") for part in TASK_PARTS]
    for folder in tasks:
        for path in _files(folder):
            entries[f"roundkit/rounds/{path.relative_to(ROUNDS).as_posix()}"] = path
    return dict(sorted(entries.items()))


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build(out: Path) -> Path:
    """Write the wheel into ``out``; returns its path."""
    dist = f"{NAME.replace('-', '_')}-{VERSION}"
    files = {name: path.read_bytes() for name, path in contents().items()}
    files[f"{dist}.dist-info/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {VERSION}\nSummary: {SUMMARY}\n"
    ).encode()
    files[f"{dist}.dist-info/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: scripts/build_wheel.py\n"
        b"Root-Is-Purelib: true\nTag: py3-none-any\n"
    )
    files[f"{dist}.dist-info/top_level.txt"] = b"exercise_harness\nroundkit\nsandbox\n"
    record = f"{dist}.dist-info/RECORD"
    lines = [_record_line(name, data) for name, data in files.items()] + [f"{record},,"]
    files[record] = ("\n".join(lines) + "\n").encode()
    wheel = out / f"{dist}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return wheel


def register(wheel: Path, lock: Path) -> None:
    """Write ``lock``: the pinned Pyodide's lock plus ``wheel``, named relative to the lock."""
    pyodide = Path(sys.executable).with_name("pyodide")
    command = [str(pyodide), "lockfile", "add-wheels", "--input", str(PYODIDE_LOCK)]
    command += ["--output", str(lock), "--base-path", str(lock.parent), str(wheel)]
    subprocess.run(command, check=True)


def main() -> None:
    if not PYODIDE_LOCK.is_file():
        raise SystemExit(f"{PYODIDE_LOCK} is missing: run `make setup` (it runs npm ci)")
    VENDOR.mkdir(parents=True, exist_ok=True)
    for old in VENDOR.glob("*.whl"):
        old.unlink()
    wheel = build(VENDOR)
    register(wheel, VENDOR / "pyodide-lock.json")
    print(f"wheel: {wheel.name}, {wheel.stat().st_size / 1024:.0f} KiB, in the served lock")


if __name__ == "__main__":
    main()
