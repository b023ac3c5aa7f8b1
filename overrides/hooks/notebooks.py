"""Build hook for the executed notebooks (mkdocs-jupyter).

- Caching: off by default (CI and `make build` execute every notebook). With
  GUIDE_NOTEBOOK_CACHE=1 (`make serve`), rendered notebooks are cached under a
  key that also covers the datasets and the shared helpers they import, which
  mkdocs-jupyter's own key (the notebook's text) does not see.
- Offline pages: mkdocs-jupyter injects a MathJax loader that fetches MathJax
  from a CDN; the guide's notebooks write no TeX, so the loader is removed.
- Accessibility: code cells scroll sideways, so they take keyboard focus
  (tabindex="0", as Material gives its own code blocks). In pandas tables, a
  named index's second header row is folded into the first, and the blank
  corner above the index (a Styler's too) gets a visually hidden "index"
  label: a header cell must not be empty.
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
CODE_CELL = '<div class="highlight-ipynb '
DATAFRAME = re.compile(r'<table border="1" class="dataframe">.*?</table>', re.DOTALL)
# pandas prints a named index as a second header row: its name, then blanks.
NAMED_INDEX_ROW = re.compile(
    r"<th></th>(?P<columns>(?:(?!</tr>).)*</tr>)\s*<tr>\s*<th>(?P<name>[^<]+)</th>(?:\s*<th></th>)+"
    r"\s*</tr>\s*</thead>",
    re.DOTALL,
)
BLANK_CORNER = re.compile(r"(<tr[^>]*>\s*)<th></th>")
HIDDEN_INDEX = '<span class="guide-visually-hidden">index</span>'
INDEX_LABEL = f"<th>{HIDDEN_INDEX}</th>"
# A pandas Styler prints the same corner as a non-breaking space.
STYLER_CORNER = re.compile(r'(<th class="blank level0"[^>]*>)(?:&nbsp;|\xa0)(</th>)')


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


def _accessible_dataframe(match: re.Match[str]) -> str:
    table = NAMED_INDEX_ROW.sub(r"<th>\g<name></th>\g<columns>\n</thead>", match[0])
    return BLANK_CORNER.sub(rf"\1{INDEX_LABEL}", table)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = MATHJAX_LOADER.sub("", output)
    if not getattr(page, "nb_url", None):
        return output
    output = output.replace(CODE_CELL, '<div tabindex="0" class="highlight-ipynb ')
    output = STYLER_CORNER.sub(rf"\1{HIDDEN_INDEX}\2", output)
    return DATAFRAME.sub(_accessible_dataframe, output)
