"""The practice kits: made by rounds.py, graded part by part, runnable on their own.

For every kit: a fresh kit grades 0 of n (a bug-squash kit passes only its
"no regressions" part), the reference grades n of n, and every part fails on
a fresh kit. For bug squash, a fix without a reproducing test is incomplete.
"""

import json
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
import rounds
from roundkit import bugsquash, grade_folder, integration, kits, run_kit_tests, testrun
from support import ROOT

KINDS = {"integration": integration, "bugsquash": bugsquash}
KITS = [(kind, name) for kind in KINDS for name in kits.tasks(kind)]
INTEGRATION = [name for kind, name in KITS if kind == "integration"]
BUGSQUASH = [name for kind, name in KITS if kind == "bugsquash"]
# Plausible mistakes (an integration reference with one bug, a wrong fix of a bug
# squash) that each kit's hidden tests must reject.
MUTANTS = [
    pytest.param(kind, name, mutant, id=f"{name}:{number}")
    for kind, name in KITS
    for number, mutant in enumerate(
        tomllib.loads((kits.find_task(kind, name).folder / "mutants.toml").read_text())["mutants"],
        1,
    )
]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory):
    """Make a kit once per module: ``made(kind, name, reference=False)`` returns its folder."""
    cache: dict[tuple[str, str, bool], Path] = {}

    def make(kind: str, name: str, reference: bool = False) -> Path:
        if (kind, name, reference) not in cache:
            folder = tmp_path_factory.mktemp(name) / "kit"
            argv = ["new", kind, str(folder), "--task", name] + ["--reference"] * reference
            assert rounds.main(argv) == 0
            cache[kind, name, reference] = folder
        return cache[kind, name, reference]

    return make


def copy_of(folder: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(folder, tmp_path / "kit"))


def test_two_kits_of_each_kind() -> None:
    assert len(INTEGRATION) >= 2 and len(BUGSQUASH) >= 2
    for name in INTEGRATION:
        assert 4 <= len(kits.find_task("integration", name).meta["parts"]) <= 5


# -- Grades --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", INTEGRATION)
def test_a_fresh_integration_kit_fails_every_part(made, name: str) -> None:
    grade = grade_folder(made("integration", name))
    assert grade.passed == 0
    for part in grade.parts:
        assert part.failure, part.title  # names the first failing test and what happened


def test_an_error_names_the_line_of_the_readers_code(made) -> None:
    malformed = grade_folder(made("integration", "payout-reconciliation")).parts[2]
    assert "KeyError: 'net'\n(raised at reconcile.py:" in malformed.failure


def test_the_first_failure_reported_is_the_first_written(tmp_path: Path) -> None:
    (tmp_path / "test_order.py").write_text(
        "import unittest\n\n\nclass Order(unittest.TestCase):\n"
        "    def test_b_written_first(self):\n        self.fail('first')\n\n"
        "    def test_a_written_second(self):\n        self.fail('second')\n"
    )
    with testrun.importing_from(tmp_path):
        outcomes = testrun.run(testrun.load_modules(["test_order"]), tmp_path)
    assert [outcome.detail for outcome in outcomes] == [
        "AssertionError: first",
        "AssertionError: second",
    ]


@pytest.mark.parametrize("name", BUGSQUASH)
def test_a_fresh_bugsquash_kit_passes_only_no_regressions(made, name: str) -> None:
    grade = grade_folder(made("bugsquash", name))
    assert [part.passed for part in grade.parts] == [False, False, True]
    assert "no new test" in grade.parts[0].failure


@pytest.mark.parametrize(("kind", "name"), KITS)
def test_the_reference_passes_every_part(made, kind: str, name: str) -> None:
    grade = grade_folder(made(kind, name, reference=True))
    assert grade.complete, grade.render()
    assert grade.render().splitlines()[-1 if kind == "integration" else -2] == (
        f"{len(grade.parts)} of {len(grade.parts)} parts pass"
    )


@pytest.mark.parametrize(("kind", "name", "mutant"), MUTANTS)
def test_a_plausible_mistake_fails_its_part(made, kind, name, mutant, tmp_path) -> None:
    kit = copy_of(made(kind, name, reference=kind == "integration"), tmp_path)
    code = kit / mutant["file"]
    assert code.read_text().count(mutant["find"]) == 1, mutant["find"]
    code.write_text(code.read_text().replace(mutant["find"], mutant["replace"]))
    grade = grade_folder(kit)
    assert not grade.parts[mutant["part"] - 1].passed, mutant["mistake"]


def test_every_kit_has_mutants_for_its_parts() -> None:
    for kind, name in KITS:
        task = kits.find_task(kind, name)
        mutants = tomllib.loads((task.folder / "mutants.toml").read_text())["mutants"]
        graded = {mutant["part"] for mutant in mutants}
        wanted = (
            set(range(1, len(KINDS[kind].part_titles(task)) + 1)) if kind == "integration" else {2}
        )
        assert graded == wanted, name


# -- Bug squash: the test must come with the fix --------------------------------------------


def reference_files(name: str, pattern: str) -> list[Path]:
    reference = kits.find_task("bugsquash", name).folder / "reference"
    return [path.relative_to(reference) for path in reference.rglob(pattern)]


def add_from_reference(kit: Path, name: str, pattern: str) -> None:
    reference = kits.find_task("bugsquash", name).folder / "reference"
    for relative in reference_files(name, pattern):
        shutil.copyfile(reference / relative, kit / relative)


@pytest.mark.parametrize("name", BUGSQUASH)
def test_a_fix_without_a_test_is_incomplete(made, name: str, tmp_path: Path) -> None:
    kit = copy_of(made("bugsquash", name), tmp_path)
    package = kits.find_task("bugsquash", name).meta["package"]
    add_from_reference(kit, name, f"{package}/*.py")
    grade = grade_folder(kit)
    assert [part.passed for part in grade.parts] == [False, True, True]
    assert grade.notes == [bugsquash.INCOMPLETE]


@pytest.mark.parametrize("name", BUGSQUASH)
def test_the_regression_test_fails_without_the_fix(made, name: str, tmp_path: Path) -> None:
    kit = copy_of(made("bugsquash", name), tmp_path)
    add_from_reference(kit, name, "tests/*.py")
    grade = grade_folder(kit)
    assert [part.passed for part in grade.parts] == [True, False, False]


NOT_A_REPRODUCTION = {
    "passes on the original": "self.assertTrue(True)",
    "calls what only a fix would add": "__import__('{package}').not_written_yet()",
}


@pytest.mark.parametrize("body", NOT_A_REPRODUCTION.values(), ids=NOT_A_REPRODUCTION.keys())
@pytest.mark.parametrize("name", BUGSQUASH)
def test_a_test_that_does_not_reproduce_does_not_count(made, name, body, tmp_path) -> None:
    kit = copy_of(made("bugsquash", name, reference=True), tmp_path)
    package = kits.find_task("bugsquash", name).meta["package"]
    for relative in reference_files(name, "tests/*.py"):
        (kit / relative).write_text(
            "import unittest\n\n\nclass Mine(unittest.TestCase):\n"
            f"    def test_mine(self):\n        {body.format(package=package)}\n"
        )
    part = grade_folder(kit).parts[0]
    assert not part.passed
    assert "do not reproduce the bug" in part.failure


# -- Grading is safe to run anywhere ----------------------------------------------------------


def test_grading_uses_the_guides_sandbox(made, tmp_path: Path) -> None:
    """A reader's edited sandbox changes nothing: grading imports the guide's own."""
    kit = copy_of(made("integration", INTEGRATION[0], reference=True), tmp_path)
    (kit / "sandbox" / "api.py").write_text("raise ImportError('the reader broke this copy')\n")
    assert grade_folder(kit).complete


def test_grading_leaves_the_process_as_it_was(made) -> None:
    """No module of a kit or of its hidden tests stays imported, and sys.path is restored."""
    path = sys.path[:]
    defined = set()
    for kind, name in KITS:
        folder = made(kind, name)
        grade_folder(folder)
        hidden = kits.find_task(kind, name).folder / "hidden"
        defined |= testrun.module_names(folder) | testrun.module_names(hidden)
    assert sys.path == path
    assert {module.partition(".")[0] for module in sys.modules} & defined == {"sandbox"}


def test_a_runaway_retry_loop_ends_as_a_failed_part(made, tmp_path: Path) -> None:
    kit = copy_of(made("integration", "payout-reconciliation", reference=True), tmp_path)
    client = kit / "client.py"
    forever = client.read_text().replace("itertools.count(1)", "itertools.repeat(1)")
    client.write_text(forever)  # every attempt is the first: it never gives up
    part = grade_folder(kit).parts[3]
    assert not part.passed
    assert "RequestBudgetExceeded" in part.failure


def test_a_kit_that_does_not_import_fails_each_part_with_the_error(made, tmp_path: Path) -> None:
    kit = copy_of(made("integration", "dispute-sync"), tmp_path)
    (kit / "sync.py").write_text("def sync_disputes(:\n")
    grade = grade_folder(kit)
    assert grade.passed == 0
    assert all("SyntaxError" in part.failure for part in grade.parts)


# -- The kits' own tests and commands -----------------------------------------------------


@pytest.mark.parametrize(("kind", "name"), KITS)
def test_the_visible_tests(made, kind: str, name: str) -> None:
    """Fresh: an integration kit's per-part tests fail, a bug-squash kit's suite passes."""
    for reference in (False, True):
        outcomes = run_kit_tests(made(kind, name, reference))
        failed = [outcome.test_id for outcome in outcomes if not outcome.passed]
        assert len(outcomes) >= 5
        if reference or kind == "bugsquash":
            assert failed == []
        else:
            assert len(failed) >= len(kits.find_task(kind, name).meta["parts"])
            assert len(failed) < len(outcomes)


@pytest.mark.parametrize("runner", [["unittest"], ["pytest", "-q", "-p", "no:cacheprovider"]])
@pytest.mark.parametrize(("kind", "name"), KITS)
def test_the_reference_passes_its_own_tests(made, kind, name, runner) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *runner],
        cwd=made(kind, name, reference=True),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


@pytest.mark.parametrize("name", INTEGRATION)
def test_main_runs_against_the_sandbox_over_http(made, name: str) -> None:
    """`python main.py` starts the sandbox, survives its everyday faults, and stops it."""
    result = subprocess.run(
        [sys.executable, "main.py"],
        cwd=made("integration", name, reference=True),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "sandbox:" in result.stdout and " requests: " in result.stdout


def run_module(folder: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", *args], cwd=folder, capture_output=True, text=True, check=True
    )
    return result.stdout


def test_the_ledger_bug_report_quotes_the_code(made) -> None:
    kit = made("bugsquash", "merchant-ledger")
    audit = run_module(kit, "ledger", "audit", "data/balance_export.csv")
    report = (kit / "BUG_REPORT.md").read_text()
    block = report.split("```")[1].splitlines()
    quoted = [line for line in block[2:] if line.strip() != "..."]
    assert all(line in audit.splitlines() for line in quoted), quoted
    rows = [row for row in report.splitlines() if row.startswith("| `ch_")]
    assert rows
    for row in rows:
        charge, amount, charged, ours = (cell.strip(" `") for cell in row.strip("|").split("|"))
        line = next(line for line in audit.splitlines() if f"({charge})" in line)
        assert f"charge {amount}, contract fee {ours}, charged {charged}," in line


def test_the_fraud_bug_report_quotes_the_code(made) -> None:
    kit = made("bugsquash", "fraud-features")
    report = (kit / "BUG_REPORT.md").read_text()
    for command in ("backtest", "replay"):
        assert run_module(kit, "features", command) in report


def test_the_ledger_export_is_current() -> None:
    script = ROOT / "examples/rounds/bugsquash/merchant-ledger/make_data.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("name", BUGSQUASH)
def test_a_bugsquash_codebase_is_500_to_1500_lines(name: str) -> None:
    kit = kits.find_task("bugsquash", name).folder / "kit"
    lines = sum(len(path.read_text().splitlines()) for path in kit.rglob("*.py"))
    assert 500 <= lines <= 1_500


# -- The command line ---------------------------------------------------------------------


def test_new_writes_round_json(tmp_path: Path) -> None:
    before = int(time.time())
    assert rounds.main(["new", "integration", str(tmp_path / "kit")]) == 0
    info = json.loads((tmp_path / "kit" / "round.json").read_text())
    assert (info["kind"], info["task"], info["reference"]) == ("integration", INTEGRATION[0], False)
    assert before <= info["created"] <= time.time()
    for name in ("README.md", "API.md", "client.py", "sandbox/settings.json", "tests"):
        assert (tmp_path / "kit" / name).exists(), name


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "rounds.py"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_new_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = cli("new", "bugsquash", str(tmp_path))
    assert result.returncode == 2
    assert "is not an empty folder" in result.stderr and "Traceback" not in result.stderr
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


def test_an_unknown_task_names_the_known_ones(tmp_path: Path) -> None:
    result = cli("new", "integration", str(tmp_path / "kit"), "--task", "refunds")
    assert result.returncode == 2
    assert all(name in result.stderr for name in INTEGRATION)
    assert not (tmp_path / "kit").exists()


def test_grade_needs_a_kit(tmp_path: Path) -> None:
    result = cli("grade", str(tmp_path))
    assert result.returncode == 2
    assert "no round.json" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("reference", [False, True])
def test_grade_prints_parts_and_exits_by_the_result(made, reference: bool) -> None:
    kit = made("integration", "payout-reconciliation", reference)
    result = cli("grade", str(kit))
    parts = len(kits.find_task("integration", "payout-reconciliation").meta["parts"])
    assert result.returncode == (0 if reference else 1)
    assert f"{parts if reference else 0} of {parts} parts pass" in result.stdout
