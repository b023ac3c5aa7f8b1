"""Graders tested like code: every mutant rejected, in CPython and in Pyodide, with one verdict.

Beside each exercise, ``mutants/*.py`` are plausible wrong solutions, one
mistake each. Its checks must reject every one of them. The same candidates
are graded again in Pyodide under Node, started from the snapshot the site
serves, and every check must give the same verdict there as in CPython.
"""

import functools

import grading
import grading_summary
import pytest

SLUGS = grading.slugs()
MUTANTS = [m for slug in SLUGS for m in grading.mutants(slug)]
MIN_MUTANTS = 5


@functools.cache
def cpython(candidate: grading.Candidate) -> grading.Verdict:
    return grading.grade_in_cpython(candidate)


@pytest.fixture(scope="session")
def pyodide() -> dict[grading.Candidate, grading.Verdict]:
    """Every candidate of every exercise, graded in one Node process."""
    jobs = [grading.Job(c) for slug in SLUGS for c in grading.candidates(slug)]
    try:
        verdicts = grading.grade_in_pyodide(jobs)
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)
    return {job.candidate: runs[0] for job, runs in verdicts.items()}


@pytest.mark.parametrize("slug", SLUGS)
def test_each_exercise_has_mutants_that_name_their_mistake(slug: str) -> None:
    mutants = grading.mutants(slug)
    assert len(mutants) >= MIN_MUTANTS, f"{slug}: {len(mutants)} mutants, want {MIN_MUTANTS}"
    for mutant in mutants:
        assert mutant.mistake, f"{mutant.id}: its docstring's first line must name its mistake"
    mistakes = [m.mistake for m in mutants]
    assert len(set(mistakes)) == len(mistakes), f"{slug}: two mutants name the same mistake"


@pytest.mark.parametrize("mutant", MUTANTS, ids=[m.id for m in MUTANTS])
def test_the_checks_reject_the_mutant(
    mutant: grading.Candidate, request: pytest.FixtureRequest
) -> None:
    verdict = cpython(mutant)
    row = grading_summary.figures(request.config).of(mutant.slug, len(grading.mutants(mutant.slug)))
    row.killed_in_cpython = (row.killed_in_cpython or 0) + (not verdict.passed)
    assert not verdict.passed, f"{mutant.id} passes every check; its mistake: {mutant.mistake}"


def _differences(here: grading.Verdict, there: grading.Verdict) -> list[str]:
    """How Pyodide's verdict (`there`) differs from CPython's (`here`), check by check."""
    if (here.error is None) != (there.error is None):
        return [f"loading the code: CPython says {here.error!r}, Pyodide {there.error!r}"]
    differences = []
    for name in here.checks.keys() | there.checks.keys():
        cpython = here.checks.get(name, (None, "(not run)"))
        pyodide = there.checks.get(name, (None, "(not run)"))
        if cpython[0] != pyodide[0]:
            verdicts = {True: "passes", False: "fails", None: "is not run"}
            differences.append(
                f"check {name!r} {verdicts[cpython[0]]} in CPython (got {cpython[1]!r}) "
                f"but {verdicts[pyodide[0]]} in Pyodide (got {pyodide[1]!r})"
            )
    return differences


@pytest.mark.parametrize("slug", SLUGS)
def test_pyodide_gives_every_check_the_verdict_cpython_gives(
    slug: str, pyodide: dict[grading.Candidate, grading.Verdict], request: pytest.FixtureRequest
) -> None:
    candidates = grading.candidates(slug)
    row = grading_summary.figures(request.config).of(slug, len(grading.mutants(slug)))
    row.killed_in_pyodide = sum(not pyodide[c].passed for c in grading.mutants(slug))
    problems = []
    for candidate in candidates:
        there = pyodide[candidate]
        here = cpython(candidate)
        differences = _differences(here, there)
        row.verdicts_compared += max(len(here.checks), 1)
        row.verdicts_differing += len(differences)
        problems += [f"{candidate.id}: {d}" for d in differences]
        if candidate.must_pass and not there.passed:
            problems.append(
                f"{candidate.id} fails in Pyodide: {there.error or there.failed_checks}"
            )
        if not candidate.must_pass and there.passed:
            problems.append(f"{candidate.id} passes every check in Pyodide")
    assert not problems, "\n".join(problems)


# Every kit, fresh and solved, checked as its page checks it.
KIT_JOBS = [grading.KitJob(task, ref) for task in grading.all_kits() for ref in (False, True)]


@pytest.fixture(scope="session")
def kits_in_pyodide() -> dict[str, list[dict]]:
    """Every kit's Check in Pyodide, in one Node process."""
    try:
        return grading.check_kits_in_pyodide(KIT_JOBS)
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.mark.parametrize("job", KIT_JOBS, ids=[job.id for job in KIT_JOBS])
def test_pyodide_grades_every_part_of_a_kit_as_cpython_does(
    job: grading.KitJob, kits_in_pyodide: dict[str, list[dict]]
) -> None:
    here = grading.check_kit_in_cpython(job)
    there = kits_in_pyodide[job.id][0]["grade"]
    # Each part's title, verdict and first failure, and the notes: the same in both.
    assert there == here
    if job.reference:
        assert here["passed"] == here["total"], here
    else:
        assert here["passed"] < here["total"], here
