"""Build hook for the executed notebooks (mkdocs-jupyter renders, this hook executes).

- Execution, once per content: notebooks missing from the cache execute in
  parallel, one kernel per core, at a lower priority (notebook_execution.py),
  while the other pages render, before the notebook pages; a notebook's page
  waits for its own run. An entry is valid while the project files the
  notebook read are unchanged (build_inputs.py).
  `build`, `serve` and the tests share the cache; an empty one (CI) executes
  everything. A failing notebook fails the build, naming the file, and is
  never cached.
- First serve: `mkdocs serve` does not wait for the notebooks. One missing
  from the cache is shown unexecuted, with a note, and executes in the
  background once the first build is served; its cache entry (or a .failed
  note) lands in a watched folder, the site rebuilds and the page reloads.
- While serving, any edit rebuilds every page: rendered notebooks, their
  rewritten links and mkdocs-jupyter's parse of each source are reused from
  the build before (BuildMemo).
- Styles: the JupyterLab CSS mkdocs-jupyter inlines (about 577 KiB a page)
  becomes one shared stylesheet with only the rules the notebook pages use
  (notebook_styles.py), linked from each notebook's content.
- Output images: mkdocs-jupyter inlines each plot into the page as base64,
  so a notebook page weighed 190-420 KiB and painted late on a phone's
  connection. Each becomes a PNG file beside its page, named by its content,
  fetched only as the reader nears it, with its size written in the tag so
  nothing moves when it arrives, and the alt text the notebook gave it
  (guide.figures.show); a figure without one fails the build.
- Offline pages: mkdocs-jupyter injects a MathJax loader that fetches MathJax
  from a CDN; the guide's notebooks write no TeX, so the loader is removed.
- Accessibility: code cells scroll sideways, so they take keyboard focus
  (tabindex="0", as Material gives its own code blocks). In pandas tables, a
  named index's second header row is folded into the first, and the blank
  corner above the index (a Styler's too) gets a visually hidden "index"
  label: a header cell must not be empty.
"""

from __future__ import annotations

import base64
import concurrent.futures
import hashlib
import json
import logging
import os
import re
import struct
from collections.abc import Callable
from html import escape
from pathlib import Path

import mkdocs_jupyter.convert
import mkdocs_jupyter.plugin
from build_inputs import Project, read_json
from build_memo import BuildMemo
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from notebook_execution import NotebookCache, NotebookFailed
from notebook_styles import used_rules

log = logging.getLogger("mkdocs.hooks.notebooks")

STYLESHEET = "assets/styles/notebook.css"
MATHJAX_LOADER = re.compile(r"<script data-mkdocs-jupyter-mathjax=.*?</script>", re.DOTALL)
INLINE_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)
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
OUTPUT_IMAGE = re.compile(r'<img (?P<attributes>[^>]*?)src="data:image/png;base64,(?P<data>[^"]+)"')
NO_ALT = 'alt="No description has been provided for this image"'  # nbconvert's stand-in
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")  # IPython colours its tracebacks
# Shown above a notebook served before it has executed.
NOTE = '<div class="admonition {kind}"><p class="admonition-title">{title}</p>{body}</div>\n\n'
EXECUTING = NOTE.format(
    kind="info",
    title="Executing",
    body="<p>This notebook is executing in the background; "
    "this page reloads with its outputs when it is done.</p>",
)


class _State:
    cache: NotebookCache
    memo: BuildMemo[str] = BuildMemo()
    sources: BuildMemo[tuple[str | None, bool]] = BuildMemo()
    layout = 0  # a hash of every file's source and URL, which links depend on
    serving = False
    # While serving: notebooks waiting for the first build to end, then executing
    # in the background, by source path, with the source's key when they started.
    watching = False
    waiting: set[Path] = set()  # noqa: RUF012
    pending: dict[Path, tuple[str, concurrent.futures.Future]] = {}  # noqa: RUF012
    # While building: this build's runs of the notebooks the cache missed.
    runs: dict[Path, concurrent.futures.Future] = {}  # noqa: RUF012
    background = concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1)
    classes: set[str] = set()  # noqa: RUF012
    tags: set[str] = set()  # noqa: RUF012
    styles: set[str] = set()  # noqa: RUF012  # the inline CSS the notebooks came with


state = _State()
_render = mkdocs_jupyter.convert.nb2html
_rewrite_urls = mkdocs_jupyter.plugin.rewrite_notebook_urls
_read_source = mkdocs_jupyter.plugin.Plugin.on_page_read_source


def on_startup(command: str, dirty: bool) -> None:
    state.serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    jupyter = config.plugins["mkdocs-jupyter"].config
    if jupyter["execute"]:
        # mkdocs-jupyter renders what this hook executed; its own cache key
        # (the source's text) cannot see the datasets a notebook reads.
        jupyter["execute"] = False
        jupyter["cache"] = False
        project = Project(config.config_file_path)
        state.cache = NotebookCache(project, jupyter["kernel_name"])
        mkdocs_jupyter.convert.nb2html = _render_executed
        mkdocs_jupyter.plugin.rewrite_notebook_urls = _rewrite_urls_once
        # On the class: mkdocs took this build's plugin events before any hook ran,
        # so it applies from the first rebuild, when mkdocs takes them again.
        mkdocs_jupyter.plugin.Plugin.on_page_read_source = _read_source_once
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not hasattr(state, "cache"):
        return files
    jupyter = config.plugins["mkdocs-jupyter"]
    state.memo.next_build()
    state.sources.next_build()
    state.classes, state.tags = set(), set()
    state.layout = hash(tuple((file.abs_src_path, file.url) for file in files))
    state.cache.used = set()
    sources = [Path(file.abs_src_path) for file in files if jupyter.should_include(file)]
    misses = [source for source in sources if state.cache.hit(source) is None]
    if state.serving:
        state.waiting.update(misses)
        if state.watching:
            _start_waiting()
        return files
    # The other pages render meanwhile, first (their markdown-exec blocks are the
    # build's longest chain of work), and a notebook's page waits for its own run.
    state.runs = {source: state.background.submit(state.cache.fill, source) for source in misses}
    return Files(sorted(files, key=jupyter.should_include))


def _render_executed(nb_path: str, **options: object) -> str:
    """mkdocs-jupyter's renderer, given the executed notebook from the cache."""
    source = Path(nb_path)
    if source in state.runs:
        try:
            state.runs[source].result()
        except NotebookFailed as failure:
            raise PluginError(str(failure)) from None
    if entry := state.cache.hit(source):
        return _rendered(source, entry, options)
    _, run = state.pending.get(source, ("", None))
    note = EXECUTING
    if run is not None and run.done() and run.exception():
        failure = f"<pre><code>{escape(ANSI_COLOUR.sub('', str(run.exception())))}</code></pre>"
        note = NOTE.format(kind="failure", title="Executing this notebook failed", body=failure)
    return note + _without_styles(_render(nb_path, **options))


def _rendered(source: Path, entry: Path, options: dict[str, object]) -> str:
    """The executed notebook as mkdocs-jupyter renders it, without its inline CSS,
    its figures with their alt text."""
    return state.memo.get(
        ("html", entry, entry.stat().st_mtime_ns, json.dumps(options, default=str)),
        lambda: _with_alt_text(_without_styles(_render(str(entry), **options)), source, entry),
    )


def _with_alt_text(html: str, source: Path, entry: Path) -> str:
    """`html` with the alt text the notebook gave each figure (guide.figures.show)."""
    figures = [
        output.get("metadata", {}).get("image/png", {}).get("alt")
        for cell in read_json(entry)["cells"]
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    ]
    for number, alt in enumerate(figures, 1):
        if not alt:
            raise PluginError(
                f"{source}: figure {number} has no alt text; show it with "
                "guide.figures.show(fig, alt=...), saying what it shows"
            )
    alts = iter(figures)
    return OUTPUT_IMAGE.sub(
        lambda image: image[0].replace(NO_ALT, f'alt="{escape(next(alts))}"'), html
    )


def _without_styles(html: str) -> str:
    """The page without its inline CSS, which is kept for the shared stylesheet."""
    for style in INLINE_STYLE.findall(html):
        # Rendering an .ipynb, mkdocs-jupyter appends its Pygments CSS again, as a Python list.
        if not style.strip().startswith("["):
            state.styles.add(style)
    return INLINE_STYLE.sub("", html)


def _rewrite_urls_once(html: str, current: File, files: Files, *, markdown_processed: bool) -> str:
    """mkdocs-jupyter's link rewriting (a full HTML parse), redone only when its inputs change."""
    return state.memo.get(
        ("urls", html, current.abs_src_path, state.layout, markdown_processed),
        lambda: _rewrite_urls(html, current, files, markdown_processed=markdown_processed),
    )


def _read_source_once(
    plugin: mkdocs_jupyter.plugin.Plugin, page: Page, config: MkDocsConfig
) -> str | None:
    """mkdocs-jupyter's read of a notebook for its front matter (a full jupytext parse,
    a fifth of a rebuild after a prose edit), redone while serving only when the file changes.
    """
    if not state.serving or not plugin.should_include(page.file):
        return _read_source(plugin, page, config)
    path = page.file.abs_src_path
    status = os.stat(path)
    key = (path, status.st_mtime_ns, status.st_size, plugin.config["markdown_cell_processor"])

    def read() -> tuple[str | None, bool]:
        source = _read_source(plugin, page, config)
        return source, page._mkdocs_jupyter_has_metadata

    source, page._mkdocs_jupyter_has_metadata = state.sources.get(key, read)
    return source


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> None:
    """Execute the notebooks the first build showed unexecuted, now that it is served.

    Each writes its cache entry (or, if it fails, a .failed note) into a watched
    folder, which rebuilds the site: its page reloads with the outputs.
    """
    if hasattr(state, "cache"):
        state.cache.directory.mkdir(parents=True, exist_ok=True)
        server.watch(str(state.cache.directory))
        state.watching = True
        _start_waiting()


def _start_waiting() -> None:
    for source in state.waiting:
        key, run = state.pending.get(source, ("", None))
        # A failed run is retried once its source changes, not on every rebuild.
        current = state.cache.key(source)
        if run is None or (run.done() and (not run.exception() or key != current)):
            state.pending[source] = (current, state.background.submit(_fill_in_background, source))
    state.waiting = set()


def _fill_in_background(source: Path) -> Path:
    failed = state.cache.entry(source).with_suffix(".failed")
    try:
        entry = state.cache.fill(source)
    except NotebookFailed as error:
        # Not an error log: in strict mode it would abort whichever rebuild is running,
        # and a failed rebuild is not served. The rebuild this note triggers shows it.
        log.info("%s", error)
        failed.write_text(str(error), encoding="utf-8")
        raise
    failed.unlink(missing_ok=True)
    return entry


def _accessible_dataframe(match: re.Match[str]) -> str:
    table = NAMED_INDEX_ROW.sub(r"<th>\g<name></th>\g<columns>\n</thead>", match[0])
    return BLANK_CORNER.sub(rf"\1{INDEX_LABEL}", table)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not getattr(page, "nb_url", None):
        return html
    state.classes.update(re.findall(r'class="([^"]*)"', html))
    state.tags.update(re.findall(r"<([a-z][a-z0-9-]*)", html))
    stylesheet = get_relative_url(STYLESHEET, page.url)
    return f'<link rel="stylesheet" href="{stylesheet}">\n{html}'


def _image_file(match: re.Match[str], folder: Path) -> str:
    png = base64.b64decode(match["data"])
    name = f"output-{hashlib.sha256(png).hexdigest()[:16]}.png"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(png)
    width, height = struct.unpack(">II", png[16:24])  # the PNG header's IHDR chunk
    size = f'width="{width}" height="{height}" loading="lazy"'
    return f'<img {match["attributes"]}src="{name}" {size}'


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = MATHJAX_LOADER.sub("", output)
    if not getattr(page, "nb_url", None):
        return output
    output = output.replace(CODE_CELL, '<div tabindex="0" class="highlight-ipynb ')
    output = STYLER_CORNER.sub(rf"\1{HIDDEN_INDEX}\2", output)
    folder = Path(config.site_dir, page.file.dest_path).parent
    output = OUTPUT_IMAGE.sub(lambda image: _image_file(image, folder), output)
    return DATAFRAME.sub(_accessible_dataframe, output)


def on_post_build(config: MkDocsConfig) -> None:
    if not hasattr(state, "cache"):
        return
    if not state.serving:
        concurrent.futures.wait(state.runs.values())
        state.cache.prune()
    if not state.styles:
        return  # no notebook page
    classes = frozenset(name for value in state.classes for name in value.split())
    css = used_rules("\n".join(sorted(state.styles)), classes, frozenset(state.tags))
    target = Path(config.site_dir) / STYLESHEET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(css, encoding="utf-8")
