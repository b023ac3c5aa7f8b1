"""Every in-browser exercise, checked in CPython with the same harness the browser uses."""

import ast
import json
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from support import ROOT, build_site

EXERCISES = ROOT / "examples" / "exercises"
SLUGS = sorted(p.parent.name for p in EXERCISES.glob("*/exercise.toml"))

sys.path.insert(0, str(EXERCISES))
import exercise_harness as harness  # noqa: E402


def source(slug: str, name: str) -> str:
    return (EXERCISES / slug / f"{name}.py").read_text()


def test_there_are_exercises() -> None:
    assert {"token-bucket", "webhook-signature", "running-median"} <= set(SLUGS)


@pytest.mark.parametrize("slug", SLUGS)
def test_solution_passes_every_check(slug: str) -> None:
    report = harness.check_source(source(slug, "solution"), source(slug, "checks"))
    assert report.error is None, report.error
    failed = [(r.name, r.expected, r.got, r.error) for r in report.results if not r.passed]
    assert not failed
    assert report.passed == report.total == len(report.results)


@pytest.mark.parametrize("slug", SLUGS)
def test_starter_fails_a_check_and_runs_as_a_script(slug: str) -> None:
    report = harness.check_source(source(slug, "starter"), source(slug, "checks"))
    assert report.passed < report.total
    assert harness.run_source(source(slug, "solution")).error is None


@pytest.mark.parametrize("slug", SLUGS)
def test_metadata_hints_and_checks_are_complete(slug: str) -> None:
    meta = tomllib.loads((EXERCISES / slug / "exercise.toml").read_text())
    assert meta["title"] and meta["summary"]
    assert isinstance(meta["packages"], list)
    assert 0 < meta["time_limit_seconds"] <= 30
    assert len(meta["hints"]) >= 2 and all(h.strip() for h in meta["hints"])
    checks = harness.load_checks(source(slug, "checks"))
    assert any(not c.hidden for c in checks) and any(c.hidden for c in checks)
    assert len({c.name for c in checks}) == len(checks), "check names must be unique"
    assert ast.get_docstring(ast.parse(source(slug, "solution")))


def test_check_results_say_what_went_in_and_out() -> None:
    naive = textwrap.dedent(
        """
        class RunningMedian:
            def __init__(self):
                self.values = []

            def add(self, x):
                self.values.append(x)

            def median(self):
                ordered = sorted(self.values)
                middle = len(ordered) // 2
                if len(ordered) % 2:
                    return ordered[middle]
                return (ordered[middle - 1] + ordered[middle]) / 2
        """
    )
    results = {
        r.name: r for r in harness.check_source(naive, source("running-median", "checks")).results
    }
    empty = results["an empty stream has no median"]
    assert (empty.fed, empty.expected, empty.passed) == (
        "RunningMedian(); median()",
        "raises ValueError",
        False,
    )
    assert empty.got.startswith("raises IndexError")
    slow = next(r for r in results.values() if r.budget is not None)
    assert not slow.passed and slow.got.startswith("too slow:")


@pytest.mark.parametrize(
    ("expected", "got", "difference"),
    [
        (list(range(500)), [*range(57), -1, *range(58, 500)], "[57]: expected 57, got -1"),
        (list(range(500)), list(range(499)), "expected 500 items, got 499 (the first 499 agree)"),
        (
            {n: n * n for n in range(100)},
            {**{n: n * n for n in range(100)}, 70: 0},
            "[70]: expected 4900, got 0",
        ),
        (
            {n: n for n in range(60)},
            {n: n for n in range(1, 60)},
            "[0]: expected 0, got no such key",
        ),
        ([[0, 1]] * 40, [[0, 1]] * 39 + [[0, 2]], "[39][1]: expected 1, got 2"),
        ("ab" * 50, "ab" * 49 + "aB", "the text from character 99: expected 'b', got 'B'"),
        ([1.5] * 3, [1.5, 1.5, 2.5], None),  # short values are shown whole
        (list(range(100)), "raises TypeError: no", None),  # different kinds: nothing to point at
    ],
    ids=["index", "length", "dict value", "missing key", "nested", "text", "short", "kinds"],
)
def test_a_failed_check_says_where_long_values_first_differ(
    expected: object, got: object, difference: str | None
) -> None:
    checks = textwrap.dedent(
        f"""
        from exercise_harness import Checks

        checks = Checks()

        @checks.public("compare", fed="value")
        def compare(t):
            t.expect({expected!r})
            t.got(t.code("value"))
        """
    )
    [result] = harness.check_source(f"value = {got!r}", checks).results
    assert not result.passed
    assert result.difference == difference


def test_reader_code_may_use_dataclasses_in_run_and_check() -> None:
    source = textwrap.dedent(
        """
        from dataclasses import dataclass

        @dataclass(frozen=True)
        class Point:
            x: int

        VALUE = Point(1)
        print(VALUE)
        """
    )
    checks = textwrap.dedent(
        """
        from exercise_harness import Checks

        checks = Checks()

        @checks.public("a dataclass instance", fed="VALUE")
        def value(t):
            t.expect("Point(x=1)")
            t.got(repr(t.code("VALUE")))
        """
    )
    assert harness.run_source(source).output == "Point(x=1)\n"
    report = harness.check_source(source, checks)
    assert report.error is None and report.passed == report.total == 1


def test_reader_tracebacks_show_only_the_readers_lines() -> None:
    result = harness.run_source("def f():\n    return 1 / 0\n\nf()\n")
    assert result.error is not None
    assert 'File "<your code>", line 4, in <module>' in result.error
    assert 'File "<your code>", line 2, in f' in result.error
    assert "exercise_harness" not in result.error


def test_output_is_capped_in_the_harness() -> None:
    result = harness.run_source("for i in range(100_000):\n    print(i)\n")
    assert result.truncated and result.output.count("\n") == harness.MAX_OUTPUT_LINES


def test_unknown_slug_fails_the_build_naming_page_and_slug(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text('# Home\n\n<div data-exercise="no-such-exercise"></div>\n')
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: t\n"
        f"docs_dir: {docs}\n"
        "plugins: []\n"
        f"hooks: [{ROOT / 'overrides' / 'hooks' / 'exercises.py'}]\n"
    )
    result = build_site(tmp_path / "site", config)
    assert result.returncode != 0
    assert "index.md: unknown exercise 'no-such-exercise'" in result.stderr


def test_embedding_writes_the_shell_and_keeps_hidden_checks_out_of_the_page(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text('# Home\n\n<div data-exercise="token-bucket"></div>\n')
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: t\ndocs_dir: {docs}\nplugins: [search]\n"
        f"hooks: [{ROOT / 'overrides' / 'hooks' / 'exercises.py'}]\n"
    )
    site = tmp_path / "site"
    result = build_site(site, config)
    assert result.returncode == 0, result.stderr
    page = (site / "index.html").read_text()
    assert 'class="exercise"' in page and "class TokenBucketLimiter" in page
    data = json.loads((site / "assets" / "exercises" / "token-bucket.json").read_text())
    assert data["checks"] == source("token-bucket", "checks") and data["hash"]
    hidden = "a clock that steps backwards mints no tokens"
    assert hidden in data["checks"]
    assert hidden not in page
    assert hidden not in (site / "search" / "search_index.json").read_text()
