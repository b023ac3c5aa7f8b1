"""Check that this laptop is ready for the practical ("laptop") round.

Run it with the Python you will use in the interview:

    python scripts/check_environment.py

Each check prints one line, ``ok`` or ``FAIL``; every FAIL ends with the command
that fixes it. The exit code is 0 when every required check passes, 1 otherwise.
Only the standard library is imported up front, so a missing package shows up as
a FAIL line rather than a traceback. It deliberately runs on old Pythons too, so
that it can tell you to upgrade.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

MIN_PYTHON = (3, 10)
# The training check: two Gaussian classes whose means are SEPARATION standard
# deviations apart. No classifier can beat Phi(SEPARATION / 2), about 0.933 here; a
# working install lands within a couple of points of it, far above MIN_ACCURACY.
N_ROWS = 2_000
SEPARATION = 3.0
MIN_ACCURACY = 0.85


@dataclass(frozen=True)
class Package:
    """A package the guide's notebooks use."""

    pip_name: str  # what `pip install` takes
    module: str  # what `import` takes
    minimum: tuple[int, ...] | None = None
    reason: str = ""  # why the minimum, shown when the installed version is older
    required: bool = True


PACKAGES = (
    Package("numpy", "numpy"),
    Package("pandas", "pandas"),
    Package(
        "scikit-learn",
        "sklearn",
        minimum=(1, 3),
        reason="TargetEncoder, used in the fraud notebook, arrived in 1.3",
    ),
    Package("matplotlib", "matplotlib", required=False),
)


@dataclass(frozen=True)
class Result:
    """The outcome of one check, printed as one line."""

    name: str
    passed: bool
    detail: str
    fix: str = ""
    required: bool = True

    def line(self) -> str:
        status = "ok  " if self.passed else "FAIL"
        name = self.name if self.required else f"{self.name} (optional)"
        text = f"{status}  {name}: {self.detail}"
        if not self.passed and self.fix:
            text += f" -> fix: {self.fix}"
        return text


def version_tuple(version: str) -> tuple[int, ...]:
    """The leading numeric parts of a version string: "2.0.0rc1" -> (2, 0, 0)."""
    parts = []
    for part in version.split("."):
        match = re.match(r"\d+", part)
        if match is None:
            break
        parts.append(int(match.group()))
        if match.group() != part:
            break
    return tuple(parts)


def dotted(version: tuple[int, ...]) -> str:
    return ".".join(str(part) for part in version)


def pip_install(requirement: str) -> str:
    """The install command for the interpreter running this script."""
    return f'{sys.executable} -m pip install "{requirement}"'


def check_python(version: tuple[int, ...] | None = None) -> Result:
    version = tuple(sys.version_info[:3]) if version is None else version
    detail = f"{dotted(version)} (need >= {dotted(MIN_PYTHON)})"
    return Result(
        name="python",
        passed=version[:2] >= MIN_PYTHON,
        detail=detail,
        fix=f"install Python {dotted(MIN_PYTHON)} or newer (python.org, pyenv or your "
        "package manager) and run this script with it",
    )


def check_package(package: Package) -> Result:
    requirement = package.pip_name
    if package.minimum is not None:
        requirement += f">={dotted(package.minimum)}"
    try:
        module = importlib.import_module(package.module)
    except Exception as error:  # a broken install can raise more than ImportError
        return Result(
            name=package.pip_name,
            passed=False,
            detail=f"cannot import {package.module} ({type(error).__name__}: {error})",
            fix=pip_install(requirement),
            required=package.required,
        )
    version = str(getattr(module, "__version__", "unknown"))
    if package.minimum is not None and version_tuple(version) < package.minimum:
        return Result(
            name=package.pip_name,
            passed=False,
            detail=f"{version} is older than {dotted(package.minimum)} ({package.reason})",
            fix=pip_install(requirement).replace(" install ", " install --upgrade ", 1),
            required=package.required,
        )
    return Result(package.pip_name, True, version, required=package.required)


def check_training() -> Result:
    """Fit a logistic regression on a small generated dataset and score it."""
    name = "train a model"
    try:
        import numpy as np
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import train_test_split
    except Exception as error:
        return Result(
            name,
            False,
            f"skipped, numpy or scikit-learn does not import ({type(error).__name__})",
            fix="fix the numpy and scikit-learn lines above first",
        )
    try:
        rng = np.random.default_rng(0)
        labels = rng.integers(0, 2, size=N_ROWS)
        features = rng.normal(size=(N_ROWS, 10))
        # Class means sit SEPARATION apart along the first feature; the rest is noise.
        features[:, 0] += np.where(labels == 1, SEPARATION / 2, -SEPARATION / 2)
        x_train, x_test, y_train, y_test = train_test_split(
            features, labels, test_size=0.25, random_state=0, stratify=labels
        )
        start = time.perf_counter()
        model = LogisticRegression(max_iter=1_000).fit(x_train, y_train)
        accuracy = float(model.score(x_test, y_test))
        seconds = time.perf_counter() - start
    except Exception as error:
        return Result(
            name,
            False,
            f"training raised {type(error).__name__}: {error}",
            fix=pip_install("scikit-learn").replace(" install ", " install --force-reinstall ", 1)
            + " numpy",
        )
    best = NormalDist().cdf(SEPARATION / 2)
    detail = (
        f"logistic regression on {N_ROWS:,} generated rows, test accuracy {accuracy:.3f} "
        f"(best possible {best:.3f}, need >= {MIN_ACCURACY}), fitted in {seconds * 1000:.0f} ms"
    )
    return Result(
        name,
        accuracy >= MIN_ACCURACY,
        detail,
        fix="reinstall numpy and scikit-learn in a fresh virtual environment",
    )


def run_checks() -> list[Result]:
    """Every check, in the order they are printed."""
    return [check_python(), *(check_package(package) for package in PACKAGES), check_training()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Check that Python, numpy, pandas and scikit-learn are ready, "
        "and that a small model trains. Exit code 0 when every required check passes."
    )
    parser.parse_args(argv)
    results = run_checks()
    for result in results:
        print(result.line())
    failed = [result.name for result in results if result.required and not result.passed]
    if failed:
        print(f"\n{len(failed)} required check(s) failed: {', '.join(failed)}.")
        return 1
    print(f"\nAll {sum(result.required for result in results)} required checks passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
