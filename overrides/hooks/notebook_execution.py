"""Executing a notebook, and the cache of executed notebooks (not a hook itself).

A notebook (a jupytext percent script) runs in a fresh kernel from its own
folder. Two cells the kernel runs first and last, removed afterwards, record
every project file it read or imported (build_inputs.record_reads). The cache
keeps one executed notebook per source, keyed by the source, the lock and
Python, and valid while those files are unchanged.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import os
from pathlib import Path

import jupytext
import nbformat
from build_inputs import Project, key, read_json, record_reads, write_json
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

log = logging.getLogger("mkdocs.hooks.notebooks")

# The first and last cells the kernel runs, removed from the executed notebook:
# they record which repository files the notebook read or imported.
RECORDER = inspect.getsource(record_reads)
# The environment's module files are left out, as record_reads leaves out its reads:
# resolving thousands of paths in a build thread, which shares the interpreter lock
# with the page renderer, took seconds.
RECORD_REPORT = (
    "import json as _json, sys as _sys\n"
    "print(_json.dumps(sorted(_guide_reads | {m.__file__ for m in list(_sys.modules.values())"
    " if isinstance(getattr(m, '__file__', None), str)"
    " and not m.__file__.startswith((_sys.prefix, _sys.base_prefix))})))"
)


# Kernels run side by side, one per core: a kernel whose OpenMP (scikit-learn's
# gradient boosting) or BLAS starts a thread per core oversubscribes the machine,
# and OpenMP's threads spin while they wait. Two notebooks that each called a
# boosted model's predict 500 times took 280 s instead of 2.
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


# Kernels yield the CPU to the build's page renderer, the longest chain of work in
# a clean build. Each kernel leads its own session, and Linux shares the CPU
# fairly between sessions (autogroups) whatever their processes' nice values, so
# the session's nice value is raised too where the system has one.
YIELD = """\
import os as _os
_os.nice(10)
try:
    with open("/proc/self/autogroup", "w") as _group:
        _group.write("10")
except OSError:
    pass
"""


class NotebookFailed(Exception):
    """A notebook raised: the message names the file and carries the cell's traceback."""


def execute(source: Path, kernel_name: str, root: Path) -> tuple[nbformat.NotebookNode, set[str]]:
    """Run every cell of a percent-format script in a fresh kernel, from its folder.

    Returns the executed notebook and every file under `root` it read or imported.
    """
    notebook = jupytext.read(source)
    start = f"{YIELD}\n{RECORDER}\n_guide_reads = record_reads({str(root)!r})"
    notebook.cells.insert(0, nbformat.v4.new_code_cell(start))
    notebook.cells.append(nbformat.v4.new_code_cell(RECORD_REPORT))
    client = NotebookClient(
        notebook,
        kernel_name=kernel_name or "python3",
        allow_errors=False,
        resources={"metadata": {"path": str(source.parent)}},
    )
    try:
        client.execute(env={**os.environ, **ONE_THREAD})
    except CellExecutionError as error:
        raise NotebookFailed(f"{source}: a cell raised\n{error}") from None
    report = notebook.cells.pop()
    notebook.cells.pop(0)
    # jupytext gives cells random ids, which the page's HTML carries: number them,
    # so that executing a notebook again leaves its page as it was.
    for number, cell in enumerate(notebook.cells, 1):
        cell.id = str(number)
    for cell in notebook.cells:  # the recording cell took execution count 1
        if cell.cell_type == "code" and cell.execution_count:
            cell.execution_count -= 1
            for output in cell.outputs:
                if "execution_count" in output:
                    output.execution_count = cell.execution_count
    return notebook, set(json.loads(report.outputs[0].text))


class NotebookCache:
    """One executed notebook per source file; a stale entry is replaced, never kept."""

    def __init__(self, project: Project, kernel_name: str) -> None:
        self.project = project
        self.directory = project.cache("notebooks")
        self.kernel_name = kernel_name
        self.used: set[Path] = set()

    def key(self, source: Path) -> str:
        return key(source.read_bytes(), self.kernel_name)

    def entry(self, source: Path) -> Path:
        where = hashlib.sha256(str(source).encode()).hexdigest()[:12]
        return self.directory / f"{source.stem}-{where}.ipynb"

    def hit(self, source: Path) -> Path | None:
        """The executed notebook for this source, if its key and inputs still hold."""
        entry = self.entry(source)
        self.used.add(entry)
        recorded = (read_json(entry) or {}).get("metadata", {}).get("guide_cache", {})
        if recorded.get("key") == self.key(source) and self.project.unchanged(recorded["inputs"]):
            return entry
        return None

    def fill(self, source: Path) -> Path:
        key = self.key(source)  # before: the source may be edited while it runs
        notebook, reads = execute(source, self.kernel_name, self.project.root)
        inputs = self.project.sources_of(reads) - self.project.sources_of([str(source)])
        notebook.metadata["guide_cache"] = {
            "key": key,
            "inputs": self.project.snapshot(inputs),
        }
        entry = self.entry(source)
        write_json(entry, notebook)
        log.info("executed %s (read %s)", source.name, ", ".join(sorted(inputs)) or "nothing")
        return entry

    def prune(self) -> None:
        for entry in self.directory.glob("*.ipynb"):
            if entry not in self.used:
                entry.unlink()
