"""Run unittest tests in this process, on code imported from a reader's folder.

No subprocess and no thread, so the same code grades in CPython and in
Pyodide. Each run imports the reader's modules afresh and puts the process
back as it found it afterwards.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import sys
import traceback
import unittest
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

MAX_DETAIL_CHARS = 600
ExcInfo = tuple[type[BaseException], BaseException, TracebackType]


@dataclass(frozen=True)
class Outcome:
    test_id: str  # module.Class.method, plus the subtest's parameters if any
    description: str  # the first line of the test's docstring, else its name
    status: str  # "pass", "fail" (an assertion) or "error" (an exception)
    detail: str = ""  # for a fail or an error: what happened, and where in the reader's code
    exception: type[BaseException] | None = None

    @property
    def passed(self) -> bool:
        return self.status == "pass"


def module_names(folder: Path) -> set[str]:
    """The top-level modules and packages a folder defines."""
    names = {path.stem for path in folder.glob("*.py")}
    names |= {path.parent.name for path in folder.glob("*/__init__.py")}
    return names


@contextlib.contextmanager
def importing_from(*folders: Path, keep: Collection[str] = ()) -> Iterator[None]:
    """Import from ``folders`` first, with fresh copies of every module they define.

    Modules named in ``keep`` stay as already imported, even if a folder has
    its own copy: grading always uses the guide's sandbox, never the reader's.
    """
    names = set().union(*(module_names(folder) for folder in folders)) - set(keep)
    saved_path = sys.path[:]
    saved_modules = _forget(names)
    sys.path[:0] = [str(folder) for folder in folders]
    importlib.invalidate_caches()
    try:
        yield
    finally:
        _forget(names)
        sys.modules.update(saved_modules)
        sys.path[:] = saved_path


def _forget(names: set[str]) -> dict[str, object]:
    forgotten = {}
    for name in list(sys.modules):
        if name.partition(".")[0] in names:
            forgotten[name] = sys.modules.pop(name)
    return forgotten


def load_modules(names: Iterable[str]) -> unittest.TestSuite:
    """The tests of these modules (importable by name), in the order they are written.

    unittest sorts a class's tests by name; in the written order, the first
    failure reported is the most basic one, as the test's author intended.
    A module that cannot be imported stands as one failing test.
    """
    suite = unittest.TestSuite()
    for name in names:
        try:
            module = importlib.import_module(name)
        except Exception:  # the reader's code may not even import: report it as a test error
            suite.addTest(_ImportFailure(name, sys.exc_info()))
        else:
            loaded = unittest.defaultTestLoader.loadTestsFromModule(module)
            suite.addTests(sorted(tests_of(loaded), key=_written_line))
    return suite


def _written_line(test: unittest.TestCase) -> int:
    method = getattr(type(test), test.id().rpartition(".")[2], None)
    return getattr(getattr(method, "__code__", None), "co_firstlineno", 0)


def discover(folder: Path, start: str = "tests") -> unittest.TestSuite:
    """The tests under ``folder/start``, as ``python -m unittest`` run in ``folder`` finds them."""
    if not (folder / start).is_dir():
        return unittest.TestSuite()
    return unittest.defaultTestLoader.discover(str(folder / start), top_level_dir=str(folder))


def tests_of(suite: unittest.TestSuite) -> Iterator[unittest.TestCase]:
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            yield from tests_of(item)
        else:
            yield item


def run(suite: unittest.TestSuite, reader_folder: Path) -> list[Outcome]:
    """Run the suite with its output captured; one outcome per test (and failing subtest)."""
    result = _Collector(reader_folder)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        suite.run(result)
    return result.outcomes


class _ImportFailure(unittest.TestCase):
    """A module that could not be imported, standing in for its tests."""

    def __init__(self, name: str, exc_info: ExcInfo) -> None:
        super().__init__("runTest")
        self._name = name
        self._exc_info = exc_info

    def id(self) -> str:
        return f"{self._name}.<import>"

    def shortDescription(self) -> str:
        return f"{self._name} imports"

    def runTest(self) -> None:
        raise self._exc_info[1].with_traceback(self._exc_info[2])


class _Collector(unittest.TestResult):
    def __init__(self, reader_folder: Path) -> None:
        super().__init__()
        self.reader_folder = reader_folder.resolve()
        self.outcomes: list[Outcome] = []

    def addSuccess(self, test: unittest.TestCase) -> None:
        self.outcomes.append(Outcome(test.id(), _describe(test), "pass"))

    def addFailure(self, test: unittest.TestCase, err: ExcInfo) -> None:
        self._add(test, "fail", err)

    def addError(self, test: unittest.TestCase, err: ExcInfo) -> None:
        self._add(test, "error", err)

    def addSubTest(
        self, test: unittest.TestCase, subtest: unittest.TestCase, err: ExcInfo | None
    ) -> None:
        if err is not None:
            failed = issubclass(err[0], test.failureException)
            self._add(subtest, "fail" if failed else "error", err)

    def addSkip(self, test: unittest.TestCase, reason: str) -> None:
        self.outcomes.append(Outcome(test.id(), _describe(test), "error", f"skipped: {reason}"))

    def _add(self, test: unittest.TestCase, status: str, err: ExcInfo) -> None:
        exc_type, exc, tb = err
        lines = traceback.format_exception_only(exc_type, exc)
        detail = "".join(lines).strip()
        where = self._reader_frame(tb)
        if status == "error" and where:
            detail += f"\n(raised at {where})"
        if len(detail) > MAX_DETAIL_CHARS:
            detail = detail[:MAX_DETAIL_CHARS] + " [...]"
        self.outcomes.append(Outcome(test.id(), _describe(test), status, detail, exc_type))

    def _reader_frame(self, tb: TracebackType | None) -> str:
        """The innermost line of the reader's own code in a traceback, as file:line."""
        where = ""
        for frame, line in traceback.walk_tb(tb):
            path = Path(frame.f_code.co_filename)
            if path.is_absolute() and path.resolve().is_relative_to(self.reader_folder):
                relative = path.resolve().relative_to(self.reader_folder)
                where = f"{relative.as_posix()}:{line} in {frame.f_code.co_name}"
        return where


def _describe(test: unittest.TestCase) -> str:
    """The test's docstring line (else its name), and a subtest's parameters after it."""
    case = getattr(test, "test_case", test)  # a subtest points at the test it belongs to
    name = case.id().rpartition(".")[2].replace("_", " ")
    parameters = test.id().removeprefix(case.id()).strip()
    return f"{case.shortDescription() or name} {parameters}".strip()
