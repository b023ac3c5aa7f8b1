"""Build hook for the executed notebooks (mkdocs-jupyter).

- Caching: off by default (CI and `make build` execute every notebook). With
  GUIDE_NOTEBOOK_CACHE=1 (`make serve`), rendered notebooks are cached under a
  key that also covers the datasets and the shared helpers they import, which
  mkdocs-jupyter's own key (the notebook's text) does not see.
- Offline pages: mkdocs-jupyter injects a MathJax loader that fetches MathJax
  from a CDN; the guide's notebooks write no TeX, so the loader is removed.
"""

import hashlib
import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]
# What a notebook reads besides its own source.
CACHE_INPUTS = ("datasets", "examples/guide", "requirements.lock")
MATHJAX_LOADER = re.compile(r"<script data-mkdocs-jupyter-mathjax=.*?</script>", re.DOTALL)


def _digest(paths: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for name in paths:
        target = ROOT / name
        files = sorted(target.rglob("*")) if target.is_dir() else [target]
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    jupyter = config.plugins["mkdocs-jupyter"].config
    if os.environ.get("GUIDE_NOTEBOOK_CACHE") == "1":
        jupyter["cache"] = True
        jupyter["cache_dir"] = str(ROOT / ".cache" / "notebooks" / _digest(CACHE_INPUTS))
    else:
        jupyter["cache"] = False
    return config


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return MATHJAX_LOADER.sub("", output)
