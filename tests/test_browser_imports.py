"""Everything the browser runs imports only what the served Pyodide can load.

Read from the site's own pyodide-lock.json (the pinned Pyodide's packages plus
the guide's wheel) with pyodide-lock's PyodideLockSpec: an exercise may import
the standard library, the packages its exercise.toml lists and the wheel; a
kit, the standard library, the wheel and its own modules.
"""

import ast
import sys
import tomllib
from pathlib import Path

import pytest
from pyodide_lock import PyodideLockSpec
from roundkit import kits, testrun
from support import ROOT

LOCK = ROOT / "overrides" / "assets" / "vendor" / "pyodide" / "pyodide-lock.json"
EXERCISES = ROOT / "examples" / "exercises"
SLUGS = sorted(p.parent.name for p in EXERCISES.glob("*/exercise.toml"))
KITS = [task for kind in ("integration", "bugsquash") for task in kits.tasks(kind).values()]
GUIDE = "guide-browser"
# Standard-library modules Pyodide does not ship (no processes, terminals or GUI in a browser).
NOT_IN_PYODIDE = {"tkinter", "turtle", "turtledemo", "curses", "readline", "multiprocessing"}
STDLIB = set(sys.stdlib_module_names) - NOT_IN_PYODIDE


@pytest.fixture(scope="module")
def lock() -> PyodideLockSpec:
    if not LOCK.exists():
        pytest.fail(f"{LOCK.relative_to(ROOT)} is missing: run `make setup`", pytrace=False)
    return PyodideLockSpec.from_json(LOCK)


def imported_modules(text: str) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.split(".")[0])
    return modules


def unknown_imports(paths: list[Path], allowed: set[str]) -> dict[str, set[str]]:
    found = {str(p.relative_to(ROOT)): imported_modules(p.read_text()) - allowed for p in paths}
    return {path: modules for path, modules in found.items() if modules}


def test_the_wheels_own_modules_import_what_pyodide_has(lock: PyodideLockSpec) -> None:
    wheel = lock.packages[GUIDE]
    sources = [EXERCISES / "exercise_harness.py"]
    for package in ("roundkit", "sandbox"):
        sources += [p for p in (ROOT / "examples" / "rounds" / package).glob("*.py")]
    served = [p for p in sources if p.name not in {"server.py", "__main__.py"}]
    assert not unknown_imports(served, STDLIB | set(wheel.imports))


@pytest.mark.parametrize("slug", SLUGS)
def test_an_exercise_imports_what_the_served_lock_has(slug: str, lock: PyodideLockSpec) -> None:
    meta = tomllib.loads((EXERCISES / slug / "exercise.toml").read_text())
    missing = set(meta["packages"]) - lock.packages.keys()
    assert not missing, f"{slug} lists packages the served lock does not have: {missing}"
    from_packages = {m for name in meta["packages"] for m in lock.packages[name].imports}
    allowed = STDLIB | from_packages | set(lock.packages[GUIDE].imports)
    paths = [EXERCISES / slug / f"{name}.py" for name in ("starter", "solution", "checks")]
    unknown = unknown_imports(paths, allowed)
    assert not unknown, f"{slug} imports modules the served Pyodide cannot load: {unknown}"


@pytest.mark.parametrize("task", KITS, ids=[task.name for task in KITS])
def test_a_kit_imports_what_the_served_lock_has(task: kits.Task, lock: PyodideLockSpec) -> None:
    folders = [task.folder / part for part in ("kit", "reference", "hidden")]
    if task.kind == "integration":
        folders += [task.folder.parent / "common" / part for part in ("kit", "reference")]
    own = set().union(*(testrun.module_names(f) for f in folders if f.is_dir()))
    own |= {"tests"}  # the kit's test package, imported by its own tests
    paths = [p for folder in folders for p in folder.rglob("*.py")]
    unknown = unknown_imports(paths, STDLIB | set(lock.packages[GUIDE].imports) | own)
    assert not unknown, f"{task.name} imports modules the served Pyodide cannot load: {unknown}"
