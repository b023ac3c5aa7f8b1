"""Build hook for the in-browser exercises (examples/exercises/<slug>/).

- A page embeds an exercise with one line of HTML on its own:
  ``<div data-exercise="token-bucket"></div>``. The hook replaces it with the
  widget's shell (the starter, read-only, for readers without JavaScript).
  An unknown slug fails the build, naming the page and the slug.
- ``<div data-exercise-list></div>`` becomes a table of every exercise, with a
  state cell that the browser fills from localStorage (progress.js).
- Each exercise's data (starter, solution, checks, hints, a content hash) is
  written to ``assets/exercises/<slug>.json``, so hidden checks stay out of the
  page text and the search index. The harness reaches the browser in the
  guide's wheel (scripts/build_wheel.py).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from embeds import TEMPLATES, embedded_in, practice_list
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = ROOT / "examples" / "exercises"
HARNESS = EXERCISES / "exercise_harness.py"
EMBED = re.compile(r'<div data-exercise="([^"]*)"></div>')
LIST = "<div data-exercise-list></div>"
# Where exercises fetch numpy, pandas...: the pinned Pyodide's own CDN unless the
# PYODIDE_PACKAGES_URL environment variable is set; set empty, it means "no source
# for packages" (`make offline`). Read here, not through `!ENV` in mkdocs.yml,
# which turns an empty value into "unset".
DEFAULT_PACKAGES_URL = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/"


@dataclass(frozen=True)
class Exercise:
    slug: str
    title: str
    summary: str
    packages: list[str]
    time_limit_seconds: float
    hints: list[str]
    starter: str
    solution: str
    checks: str
    public_checks: list[dict[str, str]]
    hidden_count: int
    digest: str


_exercises: dict[str, Exercise] = {}
_embedded_in: dict[str, str] = {}  # slug -> URL of the page that embeds it
_packages_url = DEFAULT_PACKAGES_URL


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("exercise_harness", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["exercise_harness"] = module  # checks.py imports it by this name
    spec.loader.exec_module(module)
    return module


def load_exercise(folder: Path, harness: ModuleType) -> Exercise:
    """Read one exercise folder; raise PluginError naming the folder when it is incomplete."""
    try:
        meta = tomllib.loads((folder / "exercise.toml").read_text())
        sources = {n: (folder / f"{n}.py").read_text() for n in ("starter", "solution", "checks")}
        checks = harness.load_checks(sources["checks"])
        exercise = Exercise(
            slug=folder.name,
            title=meta["title"],
            summary=meta["summary"],
            packages=list(meta["packages"]),
            time_limit_seconds=float(meta["time_limit_seconds"]),
            hints=list(meta["hints"]),
            **sources,
            public_checks=[{"name": c.name, "fed": c.fed} for c in checks if not c.hidden],
            hidden_count=sum(c.hidden for c in checks),
            digest="",
        )
    except (OSError, KeyError, TypeError, ValueError, SyntaxError) as error:
        raise PluginError(f"exercise {folder.name!r} ({folder}): {error!r}") from error
    digest = hashlib.sha256(HARNESS.read_bytes())
    for part in (meta, sources):
        digest.update(json.dumps(part, sort_keys=True).encode())
    return Exercise(**{**exercise.__dict__, "digest": digest.hexdigest()[:12]})


def packages_url() -> str:
    """Where Pyodide's optional packages come from; empty for none (the offline build)."""
    return os.environ.get("PYODIDE_PACKAGES_URL", DEFAULT_PACKAGES_URL)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _packages_url
    _packages_url = packages_url()
    harness = _harness()
    _exercises.clear()
    for toml in sorted(EXERCISES.glob("*/exercise.toml")):
        _exercises[toml.parent.name] = load_exercise(toml.parent, harness)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _embedded_in.clear()
    _embedded_in.update(embedded_in(files, EMBED, _exercises, "exercise", "examples/exercises/"))
    for exercise in _exercises.values():
        data = {
            **{k: v for k, v in exercise.__dict__.items() if k != "digest"},
            "hash": exercise.digest,
        }
        files.append(
            File.generated(
                config, f"assets/exercises/{exercise.slug}.json", content=json.dumps(data)
            )
        )
    return files


def _shell(exercise: Exercise) -> str:
    return TEMPLATES.get_template("exercise.html").render(
        exercise=exercise, packages_url=_packages_url
    )


def _list(page: Page) -> str:
    rows = [
        {
            "name": slug,
            "title": exercise.title,
            "summary": exercise.summary,
            "hash": exercise.digest,
            "page": _embedded_in.get(slug, ""),
        }
        for slug, exercise in _exercises.items()
    ]
    return practice_list("exercise", "Exercise", rows, page)


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html_text = EMBED.sub(lambda m: _shell(_exercises[m.group(1)]), html_text)
    return html_text.replace(LIST, _list(page)) if LIST in html_text else html_text


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    server.watch(str(EXERCISES))
    return server
