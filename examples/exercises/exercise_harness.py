"""The exercise harness: one module, two runtimes (CPython under pytest, Pyodide in the browser).

Standard library only. It runs the reader's code from its own source, under the
file name ``<your code>``, so a traceback shows the reader's line numbers and
none of the harness's frames. It also defines the check API used by every
exercise's ``checks.py``::

    from exercise_harness import Checks, Trial

    checks = Checks()

    @checks.public("an empty stream has no median", fed="RunningMedian(); median()")
    def empty(t: Trial) -> None:
        t.expect("raises ValueError")
        t.got(t.raises(lambda: t.code("RunningMedian")().median()))

A check declares what it feeds in (``fed``), says what it expects, then records
what the reader's code gave. It passes when the two are equal. A check on a large
input gives the reader's code a time budget with ``t.budget_from(baseline,
times)`` and calls ``t.on_time(progress)`` as it goes.
"""

from __future__ import annotations

import builtins
import contextlib
import gc
import io
import json
import linecache
import math
import sys
import time
import traceback
import types
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

READER_FILE = "<your code>"
CHECKS_FILE = "<checks>"
MAX_OUTPUT_CHARS = 100_000
MAX_OUTPUT_LINES = 2_000
MAX_REPR_CHARS = 400
BRIEF_REPR_CHARS = 80  # values longer than this get the place where they first differ
_UNSET: Any = object()


class InputUnavailable(RuntimeError):
    """Raised by ``input()``: the browser gives the reader's code no keyboard input."""


# Tracebacks name it like a built-in exception, without the harness's module name.
InputUnavailable.__module__ = "builtins"


class TooSlow(Exception):
    """Raised by a check whose time budget ran out."""


class MissingName(Exception):
    """Raised when the reader's code does not define a name a check needs."""


class CappedOutput(io.TextIOBase):
    """A text stream that keeps the first lines and characters written and counts the rest."""

    def __init__(self, max_chars: int = MAX_OUTPUT_CHARS, max_lines: int = MAX_OUTPUT_LINES):
        self._parts: list[str] = []
        self._chars = 0
        self._lines = 0
        self._max_chars = max_chars
        self._max_lines = max_lines
        self.dropped_chars = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self.dropped_chars:
            self.dropped_chars += len(text)
            return len(text)
        kept = text[: self._max_chars - self._chars]
        room = self._max_lines - self._lines
        if kept.count("\n") >= room:
            cut = -1
            for _ in range(room):
                cut = kept.index("\n", cut + 1)
            kept = kept[: cut + 1]
        self._parts.append(kept)
        self._chars += len(kept)
        self._lines += kept.count("\n")
        self.dropped_chars = len(text) - len(kept)
        return len(text)

    @property
    def truncated(self) -> bool:
        return self.dropped_chars > 0

    def getvalue(self) -> str:
        return "".join(self._parts)


def _no_input(prompt: object = "") -> str:
    raise InputUnavailable(
        "input() cannot read anything here: code in the browser has no keyboard input "
        "(stdin). Put the value in a variable instead."
    )


def load_reader_code(source: str, module_name: str = "__main__") -> dict[str, Any]:
    """Execute the reader's source as a fresh module and return its namespace.

    The module is registered in ``sys.modules`` while it runs, because
    ``dataclasses`` and ``typing`` look a class's module up by name; any module
    it replaces (such as the real ``__main__``) is put back afterwards.
    """
    code = compile(source, READER_FILE, "exec")
    linecache.cache[READER_FILE] = (len(source), None, source.splitlines(True), READER_FILE)
    reader_builtins = dict(vars(builtins))
    reader_builtins["input"] = _no_input
    module = types.ModuleType(module_name)
    module.__builtins__ = reader_builtins
    replaced = sys.modules.get(module_name)
    sys.modules[module_name] = module
    try:
        exec(code, vars(module))
    finally:
        if replaced is not None:
            sys.modules[module_name] = replaced
    return vars(module)


def _friendly_note(error: BaseException) -> str | None:
    if isinstance(error, ModuleNotFoundError):
        return (
            f"The module {error.name!r} is not available here: this exercise's Python "
            "has the standard library and only the packages the exercise lists."
        )
    if isinstance(error, RecursionError):
        return (
            "Your code called itself more deeply than Python allows (about 1,000 levels): "
            "check the base case, or use a loop."
        )
    return None


def format_error(error: BaseException) -> str:
    """The traceback as the reader should see it: only frames from ``<your code>``."""
    if isinstance(error, SystemExit):
        return (
            f"Your code called sys.exit({'' if error.code is None else repr(error.code)}) and "
            "stopped there. In the browser there is no program to exit: return from a "
            "function instead."
        )
    if isinstance(error, SyntaxError) and error.filename == READER_FILE:
        return "".join(traceback.format_exception_only(error))
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == READER_FILE]
    lines = ["Traceback (most recent call last):\n"] if frames else []
    lines += traceback.StackSummary.from_list(frames).format()
    lines += traceback.format_exception_only(error)
    note = _friendly_note(error)
    if note:
        lines.append(f"\n{note}\n")
    return "".join(lines)


@dataclass
class RunResult:
    """What one Run printed and, if it failed, the reader's traceback."""

    output: str
    truncated: bool
    dropped_chars: int
    error: str | None


def run_source(source: str) -> RunResult:
    """Run the reader's code as a script, capturing its output (capped)."""
    output = CappedOutput()
    error = None
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        try:
            load_reader_code(source)
        except (Exception, SystemExit) as exc:
            error = format_error(exc)
    return RunResult(output.getvalue(), output.truncated, output.dropped_chars, error)


def _short_repr(value: object) -> str:
    text = value if isinstance(value, str) else repr(value)
    if len(text) > MAX_REPR_CHARS:
        text = text[:MAX_REPR_CHARS] + f"... ({len(text) - MAX_REPR_CHARS:,} more characters)"
    return text


def _brief(value: object) -> str:
    text = repr(value)
    return text if len(text) <= BRIEF_REPR_CHARS else text[: BRIEF_REPR_CHARS - 3] + "..."


def first_difference(expected: Any, got: Any, path: str = "") -> str | None:
    """Where ``got`` first departs from ``expected``: ``[57]: expected 29.0, got 28.5``.

    Lists, tuples, dicts and strings are followed item by item; None for values
    of different kinds and for equal ones.
    """
    if isinstance(expected, dict) and isinstance(got, dict):
        for key, value in expected.items():
            if key not in got:
                return f"{path}[{key!r}]: expected {_brief(value)}, got no such key"
            if got[key] != value:
                return first_difference(value, got[key], f"{path}[{key!r}]")
        extra = next((key for key in got if key not in expected), None)
        if extra is not None:
            return f"{path}[{extra!r}]: expected no such key, got {_brief(got[extra])}"
    elif isinstance(expected, str) and isinstance(got, str):
        pairs = zip(expected, got, strict=False)
        index = next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(expected), len(got)))
        return (
            f"{path or 'the text'} from character {index:,}: "
            f"expected {_brief(expected[index:])}, got {_brief(got[index:])}"
        )
    elif isinstance(expected, list | tuple) and type(got) is type(expected):
        for index, (want, have) in enumerate(zip(expected, got, strict=False)):
            if want != have:
                return first_difference(want, have, f"{path}[{index}]")
        if len(expected) != len(got):
            where = f"{path}: " if path else ""
            agree = min(len(expected), len(got))
            return (
                f"{where}expected {len(expected):,} items, got {len(got):,} "
                f"(the first {agree:,} agree)"
            )
    if path and expected != got:
        return f"{path}: expected {_brief(expected)}, got {_brief(got)}"
    return None


def close_to(got: Any, expected: Any, tol: float = 1e-9) -> Any:
    """``got``, with each number within ``tol`` of its counterpart in ``expected`` replaced by it.

    Record this and the check compares equal when every number agrees to within
    the tolerance, while a real difference still shows the reader's own value.
    Dicts and lists are compared item by item.
    """
    if isinstance(got, dict) and isinstance(expected, dict):
        return {key: close_to(value, expected.get(key), tol) for key, value in got.items()}
    if isinstance(got, list) and isinstance(expected, list) and len(got) == len(expected):
        return [close_to(g, e, tol) for g, e in zip(got, expected, strict=True)]
    numbers = (int, float)
    if (
        isinstance(got, numbers)
        and isinstance(expected, numbers)
        and not isinstance(got, bool)
        and not isinstance(expected, bool)
        and math.isclose(got, expected, rel_tol=tol, abs_tol=tol)
    ):
        return expected
    return got


# The clock of time budgets. CPython's process_time counts this process's CPU time,
# so other programs on a busy machine cost a check nothing; in Pyodide it is the
# wall clock, and the Node runner of the tests (scripts/grade_in_pyodide.mjs)
# replaces it with Node's CPU time, for the same reason.
budget_clock: Callable[[], float] = time.process_time


class FakeClock:
    """A clock checks move by hand: call it for the time, set ``now`` to move it.

    ``reads`` counts the calls, for contracts that read the clock once per call.
    """

    def __init__(self, now: float = 0.0) -> None:
        self.now = now
        self.reads = 0

    def __call__(self) -> float:
        self.reads += 1
        return self.now


class Trial:
    """What a check body works with: the reader's names, the expectation, the result."""

    def __init__(self, namespace: dict[str, Any], budget_scale: float = 1.0):
        self._namespace = namespace
        self.expected: Any = _UNSET
        self.result: Any = _UNSET
        self.budget_seconds: float | None = None
        self._budget_started = budget_clock()
        self._budget_times: float | None = None
        # Above 1 only in benchmarks, to see how far past its budget a slow answer runs.
        self._budget_scale = budget_scale

    def code(self, name: str) -> Any:
        """A top-level name (class or function) from the reader's code."""
        if name not in self._namespace:
            raise MissingName(f"your code does not define {name!r}")
        return self._namespace[name]

    def expect(self, value: Any) -> None:
        self.expected = value

    def got(self, value: Any) -> None:
        self.result = value

    @staticmethod
    def raises(action: Callable[[], object], *, show_value: bool = True) -> str:
        """Run ``action``; describe what happened as ``raises X`` or ``returns <value>``.

        With ``show_value=False`` a normal return is just ``accepted``: for
        constructors, whose value is an object with an address in its repr.
        """
        try:
            value = action()
        except Exception as exc:
            return f"raises {type(exc).__name__}"
        return f"returns {value!r}" if show_value else "accepted"

    @staticmethod
    def outcome(action: Callable[[], object]) -> object:
        """What ``action()`` returns, or ``raises X`` when it raises X.

        Unlike ``raises``, a returned value stays a value, for ``close_to`` or a
        comparison inside a larger expectation.
        """
        try:
            return action()
        except Exception as exc:
            return f"raises {type(exc).__name__}"

    def budget(self, seconds: float) -> None:
        """Give the rest of this check a time budget, enforced by ``on_time``."""
        self._budget_started = budget_clock()
        self.budget_seconds = seconds

    def budget_from(self, baseline: Callable[[], object], times: float) -> None:
        """Budget the rest of this check at ``times`` the time ``baseline()`` takes, here and now.

        The baseline is the checks' own plain solution, run on the same input just
        before the reader's code. The budget then follows the machine (a phone, a
        busy laptop, CPython or Pyodide) while an algorithm of a worse complexity
        still runs out of it.
        """
        # Until the check ends, collections walk only what the check allocates: in
        # a long-lived process (a test run's) one full collection of its heap
        # would otherwise cost whichever code it lands in many times a budget.
        gc.freeze()
        started = budget_clock()
        baseline()
        self.budget(times * (budget_clock() - started))
        self._budget_times = times

    def budget_used(self) -> float | None:
        """Seconds since ``budget`` was called, or None if it was not."""
        if self.budget_seconds is None:
            return None
        return budget_clock() - self._budget_started

    def on_time(self, progress: str) -> None:
        """Raise TooSlow if the budget is spent; ``progress`` says how far the check got."""
        spent = self.budget_used()
        if spent is None or spent <= self.budget_seconds * self._budget_scale:
            return
        budget = f"budget {self.budget_seconds:.2f} s"
        if self._budget_times:
            budget += f", {self._budget_times:g} times a plain solution's time here"
        raise TooSlow(f"too slow: {progress} after {spent:.2f} s ({budget})")


@dataclass(frozen=True)
class Check:
    name: str
    fed: str
    hidden: bool
    body: Callable[[Trial], None]


class Checks:
    """The ordered checks of one exercise: public ones first, then hidden ones."""

    def __init__(self) -> None:
        self._checks: list[Check] = []

    def _add(self, name: str, fed: str, hidden: bool) -> Callable[[Callable], Callable]:
        def register(body: Callable[[Trial], None]) -> Callable[[Trial], None]:
            self._checks.append(Check(name, fed, hidden, body))
            return body

        return register

    def public(self, name: str, *, fed: str) -> Callable[[Callable], Callable]:
        """A check shown to the reader with its input before they run it."""
        return self._add(name, fed, hidden=False)

    def hidden(self, name: str, *, fed: str) -> Callable[[Callable], Callable]:
        """A check run on Check whose input is shown only once it fails."""
        return self._add(name, fed, hidden=True)

    def ordered(self) -> list[Check]:
        return [c for c in self._checks if not c.hidden] + [c for c in self._checks if c.hidden]


def load_checks(checks_source: str) -> list[Check]:
    """Execute a ``checks.py`` source and return its checks, public first."""
    namespace: dict[str, Any] = {"__name__": "exercise_checks"}
    exec(compile(checks_source, CHECKS_FILE, "exec"), namespace)
    registry = namespace.get("checks")
    if not isinstance(registry, Checks):
        raise TypeError("a checks.py must define `checks = Checks()`")
    return registry.ordered()


@dataclass
class CheckResult:
    name: str
    hidden: bool
    fed: str
    expected: str
    got: str
    passed: bool
    error: str | None = None
    seconds: float = 0.0
    budget: float | None = None  # the check's time budget, if it has one
    budget_used: float | None = None  # seconds from the budget's start to the check's end
    difference: str | None = None  # where a long expected and got first differ


def run_check(check: Check, namespace: dict[str, Any], budget_scale: float = 1.0) -> CheckResult:
    trial = Trial(namespace, budget_scale)
    started = time.perf_counter()
    error = None
    output = CappedOutput(max_chars=2_000, max_lines=20)
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        try:
            check.body(trial)
        except (MissingName, TooSlow) as exc:
            trial.result = str(exc)
        except (Exception, SystemExit) as exc:
            trial.result = f"raises {type(exc).__name__}: {exc}"
            error = format_error(exc)
        finally:
            gc.unfreeze()  # see Trial.budget_from
    budget_used = trial.budget_used()
    passed = trial.result is not _UNSET and trial.result == trial.expected
    expected = _short_repr(trial.expected)
    got = "(nothing)" if trial.result is _UNSET else _short_repr(trial.result)
    # Two long values are hard to compare by eye: say where they part.
    long = max(len(expected), len(got)) > BRIEF_REPR_CHARS
    return CheckResult(
        name=check.name,
        hidden=check.hidden,
        fed=check.fed,
        expected=expected,
        got=got,
        passed=passed,
        error=error,
        seconds=round(time.perf_counter() - started, 4),
        budget=trial.budget_seconds,
        budget_used=None if budget_used is None else round(budget_used, 4),
        difference=first_difference(trial.expected, trial.result) if long and not passed else None,
    )


@dataclass
class CheckReport:
    results: list[CheckResult]
    total: int
    error: str | None = None

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.results)


def check_source(
    source: str,
    checks_source: str,
    on_result: Callable[[CheckResult], None] | None = None,
    budget_scale: float = 1.0,
) -> CheckReport:
    """Load the reader's code once, then run every check against it, public ones first."""
    checks = load_checks(checks_source)
    output = CappedOutput()
    try:
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            namespace = load_reader_code(source, module_name="reader_code")
    except (Exception, SystemExit) as exc:
        return CheckReport([], len(checks), format_error(exc))
    results = []
    for check in checks:
        result = run_check(check, namespace, budget_scale)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return CheckReport(results, len(checks))


# -- The browser worker's entry points: plain JSON strings in and out. ------------


def run_json(source: str) -> str:
    return json.dumps(asdict(run_source(source)))


def check_json(
    source: str, checks_source: str, report: Callable[[str], object], budget_scale: float = 1.0
) -> str:
    result = check_source(
        source, checks_source, lambda r: report(json.dumps(asdict(r))), budget_scale
    )
    return json.dumps({"passed": result.passed, "total": result.total, "error": result.error})
