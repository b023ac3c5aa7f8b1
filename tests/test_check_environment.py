"""scripts/check_environment.py: passes here, and names the fix when a package is missing."""

import importlib.util
import subprocess
import sys

import pytest
from support import ROOT

SCRIPT = ROOT / "scripts/check_environment.py"


def load_checker():
    spec = importlib.util.spec_from_file_location("check_environment", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


checker = load_checker()


def run_without(*modules: str) -> subprocess.CompletedProcess:
    """Run the script as a reader would, with `modules` made unimportable."""
    blocked = "".join(f"sys.modules[{module!r}] = None; " for module in modules)
    code = f"import runpy, sys; {blocked}runpy.run_path({str(SCRIPT)!r}, run_name='__main__')"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT
    )


def test_every_check_passes_here(capsys: pytest.CaptureFixture[str]) -> None:
    assert checker.main([]) == 0
    lines = capsys.readouterr().out.splitlines()
    checks = [line for line in lines if line.startswith(("ok", "FAIL"))]
    assert len(checks) == len(checker.PACKAGES) + 2  # python, packages, training
    assert all(line.startswith("ok") for line in checks), checks


def test_a_missing_required_package_fails_with_its_fix() -> None:
    result = run_without("sklearn")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    sklearn_line = next(line for line in lines if "scikit-learn:" in line)
    assert sklearn_line.startswith("FAIL")
    assert '-m pip install "scikit-learn>=1.3"' in sklearn_line
    training_line = next(line for line in lines if "train a model" in line)
    assert training_line.startswith("FAIL")


def test_a_missing_package_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    assert checker.main([]) == 1
    out = capsys.readouterr().out
    assert any(
        line.startswith("FAIL  pandas:") and 'pip install "pandas"' in line
        for line in out.splitlines()
    ), out


def test_a_missing_optional_package_does_not_fail_the_run() -> None:
    result = run_without("matplotlib")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "FAIL  matplotlib (optional):" in result.stdout


def test_an_old_python_fails() -> None:
    result = checker.check_python((3, 9, 18))
    assert not result.passed
    assert "3.10" in result.fix
    assert checker.check_python((3, 10, 0)).passed


def test_an_old_scikit_learn_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = type(sys)("sklearn")
    fake.__version__ = "1.2.2"
    monkeypatch.setitem(sys.modules, "sklearn", fake)
    scikit_learn = next(p for p in checker.PACKAGES if p.pip_name == "scikit-learn")
    result = checker.check_package(scikit_learn)
    assert not result.passed
    assert "--upgrade" in result.fix


@pytest.mark.parametrize(
    ("version", "expected"),
    [("1.9.1", (1, 9, 1)), ("2.0.0rc1", (2, 0, 0)), ("1.3", (1, 3)), ("unknown", ())],
)
def test_version_tuple(version: str, expected: tuple[int, ...]) -> None:
    assert checker.version_tuple(version) == expected
