"""Build hook: ```mermaid fences become inline SVG when the site is built.

beautiful-mermaid (npm, no browser) draws each diagram through
scripts/render_diagram.mjs; pages load no diagram code at all. The SVG's
colours are Material's palette variables, so it follows the light and dark
schemes by itself. Each SVG is cached under .cache/diagrams/ by its source and
the renderer, so only a new or edited diagram costs a Node start. A diagram
that cannot be drawn fails the strict build with the renderer's message.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
import subprocess
from pathlib import Path
from typing import Any

from build_inputs import Project, file_digest
from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.hooks.diagrams")

REPOSITORY = Path(__file__).resolve().parents[2]
RENDERER = REPOSITORY / "scripts" / "render_diagram.mjs"
# What an SVG depends on besides its source: the script and the pinned packages.
RENDERER_INPUTS = (RENDERER, REPOSITORY / "package-lock.json")
WIDTH = re.compile(r'<svg [^>]*?width="([\d.]+)"')


class _State:
    directory: Path
    used: set[Path] = set()  # noqa: RUF012
    serving = False


state = _State()


def on_startup(command: str, dirty: bool) -> None:
    state.serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state.directory = Project(config.config_file_path).cache("diagrams")
    state.used = set()
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    superfences.setdefault("custom_fences", []).append(
        {"name": "mermaid", "class": "diagram", "format": draw}
    )
    return config


def on_post_build(config: MkDocsConfig) -> None:
    if state.serving:  # pages reused by rebuild_memo.py used entries this build did not see
        return
    for entry in state.directory.glob("*.svg"):
        if entry not in state.used:
            entry.unlink()


def _render(source: str, prefix: str) -> str | None:
    run = subprocess.run(
        ["node", str(RENDERER), prefix],
        input=source,
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode != 0:
        log.error("a mermaid diagram could not be drawn: %s\n%s", run.stderr.strip(), source)
        return None
    return run.stdout


def draw(source: str, language: str, css_class: str, options: dict, md: Any, **kwargs: Any) -> str:
    """The fence's SVG, in a scrolling figure no narrower than 3/4 of its drawn size."""
    digest = hashlib.sha256(source.encode())
    for path in RENDERER_INPUTS:
        digest.update(str(file_digest(path)).encode())
    prefix = f"diagram-{digest.hexdigest()[:12]}"
    cached = state.directory / f"{prefix}.svg"
    state.used.add(cached)
    if cached.is_file():
        svg = cached.read_text(encoding="utf-8")
    elif (svg := _render(source, prefix)) is not None:
        state.directory.mkdir(parents=True, exist_ok=True)
        cached.write_text(svg, encoding="utf-8")
    else:
        return f'<pre class="diagram-source"><code>{html.escape(source)}</code></pre>'
    width = float(WIDTH.search(svg)[1])
    # Scrolls sideways on a phone rather than shrinking its text out of reach.
    return f'<div class="diagram" tabindex="0" style="--diagram-width: {width:.0f}px">{svg}</div>'
