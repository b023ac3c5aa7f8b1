"""Every exercise's candidates and every kit, graded in CPython and in Pyodide.

A candidate is a program a reader might submit: the reference solution (it must
pass every check), the starter (it must fail one) and the mutants beside the
exercise (``mutants/<name>.py``: plausible wrong solutions, one mistake each,
named by the first line of their docstring; each must fail a check).

CPython grades in this process, through the same harness the browser uses;
Pyodide grades in one Node process for the whole set (scripts/grade_in_pyodide.mjs),
started from the memory snapshot the site serves. A kit (fresh, or its
reference) is checked as its page checks it: the same request, to
``roundkit.browser.check_json``. Shared by the tests (tests/test_grading.py)
and the benchmarks (scripts/bench_checks.py, scripts/bench_kits.py).
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "examples" / "exercises"
NODE_GRADER = ROOT / "scripts" / "grade_in_pyodide.mjs"

sys.path.insert(0, str(EXERCISES))
import exercise_harness as harness  # noqa: E402
from roundkit import KINDS, kit_files, kits  # noqa: E402
from roundkit.browser import check_json, sent_files  # noqa: E402


@dataclass(frozen=True)
class Candidate:
    """One program graded by one exercise's checks."""

    slug: str
    name: str  # "solution", "starter" or "mutants/<name>"
    path: Path

    @property
    def id(self) -> str:
        return f"{self.slug}/{self.name}"

    @property
    def source(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @property
    def must_pass(self) -> bool:
        return self.name == "solution"

    @property
    def mistake(self) -> str:
        """The first line of the docstring: for a mutant, the one mistake it makes."""
        docstring = ast.get_docstring(ast.parse(self.source)) or ""
        return docstring.partition("\n")[0]


@dataclass(frozen=True)
class Verdict:
    """What one runtime said about one candidate: each check's result, and the time it took."""

    error: str | None  # the candidate's code did not even load
    results: dict[str, dict[str, Any]]  # check name -> the harness's CheckResult, as a dict
    seconds: float  # the whole Check, wall clock
    cpu_seconds: float  # the same, CPU time: what it costs on an idle machine

    @property
    def checks(self) -> dict[str, tuple[bool, str]]:
        """Check name -> (passed, what the candidate's code gave)."""
        return {name: (r["passed"], r["got"]) for name, r in self.results.items()}

    @property
    def passed(self) -> bool:
        return self.error is None and all(r["passed"] for r in self.results.values())

    @property
    def failed_checks(self) -> list[str]:
        return [name for name, r in self.results.items() if not r["passed"]]


def slugs() -> list[str]:
    """Every exercise folder (one with an exercise.toml), in name order."""
    return sorted(path.parent.name for path in EXERCISES.glob("*/exercise.toml"))


def checks_source(slug: str) -> str:
    return (EXERCISES / slug / "checks.py").read_text(encoding="utf-8")


def mutants(slug: str) -> list[Candidate]:
    folder = EXERCISES / slug / "mutants"
    return [Candidate(slug, f"mutants/{p.stem}", p) for p in sorted(folder.glob("*.py"))]


def candidates(slug: str) -> list[Candidate]:
    """The solution, the starter, then the mutants."""
    fixed = [
        Candidate(slug, name, EXERCISES / slug / f"{name}.py") for name in ("solution", "starter")
    ]
    return fixed + mutants(slug)


def _verdict(
    error: str | None, results: list[dict[str, Any]], seconds: float, cpu: float
) -> Verdict:
    return Verdict(error, {r["name"]: r for r in results}, seconds, cpu)


def grade_in_cpython(candidate: Candidate, budget_scale: float = 1.0) -> Verdict:
    started, cpu = time.perf_counter(), time.process_time()
    report = harness.check_source(
        candidate.source, checks_source(candidate.slug), budget_scale=budget_scale
    )
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return _verdict(report.error, [asdict(r) for r in report.results], seconds, cpu)


@dataclass(frozen=True)
class Job:
    """One candidate to grade in Pyodide, `repeat` times in a row, budgets times `budget_scale`."""

    candidate: Candidate
    repeat: int = 1
    budget_scale: float = 1.0


def _in_node(jobs: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Run NODE_GRADER on ``jobs``; each job's runs, in the order given.

    Raises RuntimeError, with Node's message, when Pyodide cannot be started.
    """
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("grading in Pyodide needs Node.js 20: install it, then `make setup`")
    payload = {"jobs": [{"id": str(index), **job} for index, job in enumerate(jobs)]}
    process = subprocess.run(
        [node, str(NODE_GRADER)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if process.returncode != 0:
        raise RuntimeError(f"{NODE_GRADER.name} failed:\n{process.stderr.strip()[-3000:]}")
    results = json.loads(process.stdout)["results"]
    return [result["runs"] for result in sorted(results, key=lambda result: int(result["id"]))]


def grade_in_pyodide(jobs: list[Job]) -> dict[Job, list[Verdict]]:
    """Grade every job in one Node process; each job gets one verdict per repeat."""
    runs = _in_node(
        [
            {
                "source": job.candidate.source,
                "checks": checks_source(job.candidate.slug),
                "repeat": job.repeat,
                "budget_scale": job.budget_scale,
            }
            for job in jobs
        ]
    )
    return {
        job: [
            _verdict(run["summary"]["error"], run["checks"], run["seconds"], run["cpu_seconds"])
            for run in job_runs
        ]
        for job, job_runs in zip(jobs, runs, strict=True)
    }


@dataclass(frozen=True)
class KitJob:
    """A new kit of one task, fresh or its reference, checked as its page checks it."""

    task: kits.Task
    reference: bool = False
    repeat: int = 1

    @property
    def id(self) -> str:
        return f"{self.task.name}/{'reference' if self.reference else 'fresh'}"

    def request(self) -> str:
        """The kit page's Check request: the files it sends, with what the kit is."""
        files = sent_files(kit_files(self.task, reference=self.reference))
        return json.dumps({"kind": self.task.kind, "task": self.task.name, "files": files})


def all_kits() -> list[kits.Task]:
    return [task for kind in KINDS for task in kits.tasks(kind).values()]


def check_kit_in_cpython(job: KitJob) -> dict[str, Any]:
    """The grade CPython gives the kit: ``{passed, total, parts, notes}``."""
    return json.loads(check_json(job.request()))


def check_kits_in_pyodide(jobs: list[KitJob]) -> dict[str, list[dict[str, Any]]]:
    """Each kit's Check in Pyodide, one Node process for all: job id -> its runs,
    each with ``seconds``, ``cpu_seconds`` and ``grade``."""
    runs = _in_node([{"kit": json.loads(job.request()), "repeat": job.repeat} for job in jobs])
    return {job.id: job_runs for job, job_runs in zip(jobs, runs, strict=True)}
