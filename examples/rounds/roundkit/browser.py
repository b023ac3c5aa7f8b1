"""The browser's entry points to a kit: the reader's files in, JSON out.

The kit widget sends ``{"kind", "task", "files": {path: text}}`` with every
file of the kit as the reader has it now. Each request writes them into a new
folder, so no import cache can hand back an older version of a file, works
there and removes it. A mistake the reader can fix comes back as
``{"error": sentence}``, never as a traceback.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from . import grade_folder, run_kit_tests
from .kits import ROUND_FILE, KitError

# Files a kit holds for running it on your own machine only: its copy of the
# sandbox (with the HTTP server a browser cannot run). Grading uses the guide's.
LOCAL_ONLY = "sandbox/"


def sent_files(files: dict[str, str]) -> dict[str, str]:
    """The files of a kit that the browser sends to Python: all but LOCAL_ONLY."""
    return {path: text for path, text in files.items() if not path.startswith(LOCAL_ONLY)}


@contextlib.contextmanager
def _kit(request: dict[str, Any]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="kit-") as scratch:
        folder = Path(scratch)
        for name, text in request["files"].items():
            relative = PurePosixPath(name)
            if relative.is_absolute() or ".." in relative.parts:
                raise KitError(f"{name!r} is not a path inside the kit")
            path = folder.joinpath(*relative.parts)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        info = {"kind": request["kind"], "task": request["task"]}
        (folder / ROUND_FILE).write_text(json.dumps(info), encoding="utf-8")
        yield folder


def check_json(request: str) -> str:
    """Grade the kit: ``{passed, total, parts: [{title, passed, failure}], notes}``."""
    try:
        with _kit(json.loads(request)) as folder:
            return json.dumps(grade_folder(folder).to_json())
    except KitError as error:
        return json.dumps({"error": str(error)})


def test_json(request: str) -> str:
    """Run the kit's own tests: ``{outcomes: [{test_id, description, status, detail}]}``."""
    try:
        with _kit(json.loads(request)) as folder:
            outcomes = run_kit_tests(folder)
    except KitError as error:
        return json.dumps({"error": str(error)})
    fields = ("test_id", "description", "status", "detail")
    return json.dumps({"outcomes": [{f: getattr(o, f) for f in fields} for o in outcomes]})
