"""Helpers the tests share: the repository root, a strict site build, small child projects."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
HOOKS = ROOT / "overrides" / "hooks"


def build_site(site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    """Run a strict build of the offline site; the caller checks the return code and log."""
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--config-file", str(config), "--site-dir", str(site_dir)],
        cwd=ROOT,
        # What `make offline` builds: no source for Pyodide packages, no other host.
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYODIDE_PACKAGES_URL": ""},
        capture_output=True,
        text=True,
        check=False,
    )


def real_config() -> dict:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as config:
        return yaml_load(config)


def jupyter_options() -> dict:
    plugins = real_config()["plugins"]
    configured = (p for p in plugins if isinstance(p, dict) and "mkdocs-jupyter" in p)
    return next(configured)["mkdocs-jupyter"]


def child_project(tmp_path: Path, pages: dict[str, str], **overrides: object) -> Path:
    """A small project inheriting the real config's strictness and validation.

    It has no hooks and only the search plugin unless `overrides` says otherwise;
    its caches live in its own folder (tmp_path/.cache).
    """
    docs = tmp_path / "docs"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(textwrap.dedent(text), encoding="utf-8")
    settings = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(docs),
        "nav": list(pages),
        "theme": {"name": "material", "custom_dir": str(ROOT / "overrides")},
        "hooks": [],
        "extra_javascript": [],
        "extra_css": [],
        "plugins": ["search"],
        **overrides,
    }
    config = tmp_path / "mkdocs.yml"
    config.write_text(json.dumps(settings), encoding="utf-8")  # JSON is valid YAML
    return config


def notebook_project(tmp_path: Path, notebooks: dict[str, str]) -> Path:
    """A child project whose notebooks (examples/demo/NAME) run through the real notebook hook."""
    folder = tmp_path / "examples" / "demo"
    folder.mkdir(parents=True)
    for name, source in notebooks.items():
        (folder / name).write_text(textwrap.dedent(source), encoding="utf-8")
    options = {**jupyter_options(), "notebook_dirs": {"examples/demo": str(folder)}}
    return child_project(
        tmp_path,
        {"index.md": "# Home\n"},
        plugins=[{"mkdocs-jupyter": options}],
        hooks=[str(HOOKS / "notebooks.py")],
        nav=["index.md", *(f"examples/demo/{name}" for name in notebooks)],
    )


def one_page_site(tmp_path: Path, body: str, hook: str) -> tuple[Path, subprocess.CompletedProcess]:
    """Build a site of one page, ``# Home`` then ``body``, with one of the guide's hooks.

    Returns the site's folder and the build's result.
    """
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(f"# Home\n\n{body}\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: t\ndocs_dir: {docs}\nplugins: []\n"
        f"hooks: [{ROOT / 'overrides' / 'hooks' / hook}]\n"
    )
    site = tmp_path / "site"
    return site, build_site(site, config)
