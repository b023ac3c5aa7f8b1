"""Build hook for the executed notebooks (mkdocs-jupyter).

- Execution, once per content: mkdocs-jupyter only renders; this hook executes
  (nbclient, one kernel per core) and caches each executed notebook under
  .cache/notebooks/, keyed by its source, the lock and Python, and valid while
  the repository files it read (datasets, the `guide` package...) are
  unchanged; see build_inputs.py. `build`, `serve` and the tests share the
  cache; an empty one (CI) executes everything. A failing notebook fails the
  build, naming the file, and is never cached.
- First serve: `mkdocs serve` does not wait for the notebooks. A notebook not
  in the cache is shown unexecuted, with a note, while it executes in the
  background; its cache entry triggers a rebuild and the page reloads itself.
- Styles: mkdocs-jupyter inlines about 577 KiB of JupyterLab CSS into every
  notebook page. The pages get one shared stylesheet instead, written at the
  end of the build with only the rules whose classes and tags the notebook
  pages use (and the custom properties those rules need).
- Offline pages: mkdocs-jupyter injects a MathJax loader that fetches MathJax
  from a CDN; the guide's notebooks write no TeX, so the loader is removed.
- Accessibility: code cells scroll sideways, so they take keyboard focus
  (tabindex="0", as Material gives its own code blocks). In pandas tables, a
  named index's second header row is folded into the first, and the blank
  corner above the index (a Styler's too) gets a visually hidden "index"
  label: a header cell must not be empty.
"""

from __future__ import annotations

import concurrent.futures
import functools
import hashlib
import inspect
import json
import logging
import os
import re
from collections.abc import Callable
from pathlib import Path

import jupytext
import mkdocs_jupyter.convert
import mkdocs_jupyter.plugin
import nbformat
import tinycss2
from build_inputs import Project, key, read_json, record_reads, write_json
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

log = logging.getLogger("mkdocs.hooks.notebooks")

STYLESHEET = "assets/styles/notebook.css"
# The first and last cells the kernel runs, removed from the executed notebook:
# they record which repository files the notebook read or imported.
RECORDER = inspect.getsource(record_reads)
RECORD_REPORT = (
    "import json as _json, sys as _sys\n"
    "print(_json.dumps(sorted(_guide_reads | {m.__file__ for m in list(_sys.modules.values())"
    " if isinstance(getattr(m, '__file__', None), str)})))"
)

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
PENDING_NOTE = (
    '<div class="admonition info"><p class="admonition-title">Executing</p>'
    "<p>{message}</p></div>\n\n"
)


class NotebookFailed(Exception):
    """A notebook raised: the message names the file and carries the cell's traceback."""


def execute(source: Path, kernel_name: str, root: Path) -> tuple[nbformat.NotebookNode, set[str]]:
    """Run every cell of a percent-format script in a fresh kernel, from its folder.

    Returns the executed notebook and every file under `root` it read or imported.
    """
    notebook = jupytext.read(source)
    start = f"{RECORDER}\n_guide_reads = record_reads({str(root)!r})"
    notebook.cells.insert(0, nbformat.v4.new_code_cell(start))
    notebook.cells.append(nbformat.v4.new_code_cell(RECORD_REPORT))
    client = NotebookClient(
        notebook,
        kernel_name=kernel_name or "python3",
        allow_errors=False,
        resources={"metadata": {"path": str(source.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as error:
        raise NotebookFailed(f"{source}: a cell raised\n{error}") from None
    report = notebook.cells.pop()
    notebook.cells.pop(0)
    for cell in notebook.cells:  # the recording cell took execution count 1
        if cell.cell_type == "code" and cell.execution_count:
            cell.execution_count -= 1
            for output in cell.outputs:
                if "execution_count" in output:
                    output.execution_count = cell.execution_count
    return notebook, set(json.loads(report.outputs[0].text))


class NotebookCache:
    """One executed notebook per source file; a stale entry is replaced, never kept."""

    def __init__(self, project: Project, kernel_name: str) -> None:
        self.project = project
        self.directory = project.cache("notebooks")
        self.kernel_name = kernel_name
        self.used: set[Path] = set()

    def _key(self, source: Path) -> str:
        return key(source.read_bytes(), self.kernel_name)

    def entry(self, source: Path) -> Path:
        where = hashlib.sha256(str(source).encode()).hexdigest()[:12]
        return self.directory / f"{source.stem}-{where}.ipynb"

    def hit(self, source: Path) -> Path | None:
        """The executed notebook for this source, if its key and inputs still hold."""
        entry = self.entry(source)
        self.used.add(entry)
        recorded = (read_json(entry) or {}).get("metadata", {}).get("guide_cache", {})
        if recorded.get("key") == self._key(source) and self.project.unchanged(recorded["inputs"]):
            return entry
        return None

    def fill(self, source: Path) -> Path:
        notebook, reads = execute(source, self.kernel_name, self.project.root)
        inputs = self.project.sources_of(reads) - self.project.sources_of([str(source)])
        notebook.metadata["guide_cache"] = {
            "key": self._key(source),
            "inputs": self.project.snapshot(inputs),
        }
        entry = self.entry(source)
        write_json(entry, notebook)
        log.info("executed %s (read %s)", source.name, ", ".join(sorted(inputs)) or "nothing")
        return entry

    def prune(self) -> None:
        for entry in self.directory.glob("*.ipynb"):
            if entry not in self.used:
                entry.unlink()


class BuildMemo:
    """Results a build reuses from the build before (while serving); unused ones are dropped.

    While serving, any edit rebuilds every page: without this, each rebuild
    would render and parse every notebook again.
    """

    def __init__(self) -> None:
        self.previous: dict[tuple, str] = {}
        self.current: dict[tuple, str] = {}

    def next_build(self) -> None:
        self.previous, self.current = self.current, {}

    def get(self, key: tuple, compute: Callable[[], str]) -> str:
        if key not in self.current:
            self.current[key] = self.previous[key] if key in self.previous else compute()
        return self.current[key]


class _State:
    cache: NotebookCache
    memo = BuildMemo()
    layout = 0  # a hash of every file's source and URL, which links depend on
    serving = False
    # Notebooks executing in the background while serving, by source path.
    pending: dict[Path, concurrent.futures.Future] = {}  # noqa: RUF012
    background = concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1)
    classes: set[str] = set()  # noqa: RUF012
    tags: set[str] = set()  # noqa: RUF012
    styles: set[str] = set()  # noqa: RUF012  (the notebooks' inline CSS)


state = _State()
_render = mkdocs_jupyter.convert.nb2html
_rewrite_urls = mkdocs_jupyter.plugin.rewrite_notebook_urls


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
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not hasattr(state, "cache"):
        return files
    jupyter = config.plugins["mkdocs-jupyter"]
    state.memo.next_build()
    state.layout = hash(tuple((file.abs_src_path, file.url) for file in files))
    state.cache.used = set()
    sources = [Path(file.abs_src_path) for file in files if jupyter.should_include(file)]
    misses = [source for source in sources if state.cache.hit(source) is None]
    if state.serving:
        for source in misses:
            if source not in state.pending or state.pending[source].done():
                state.pending[source] = state.background.submit(state.cache.fill, source)
        return files
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        runs = {source: pool.submit(state.cache.fill, source) for source in misses}
    failures = [str(run.exception()) for run in runs.values() if run.exception()]
    if failures:
        raise PluginError("\n\n".join(failures))
    return files


def _render_executed(nb_path: str, **options: object) -> str:
    """mkdocs-jupyter's renderer, given the executed notebook from the cache."""
    source = Path(nb_path)
    if entry := state.cache.hit(source):
        return _rendered(entry, options)
    run = state.pending.get(source)
    if run is not None and run.done() and run.exception():
        log.error("%s", run.exception())
        message = f"Executing this notebook failed: {run.exception()}"
    else:
        message = (
            "This notebook is executing in the background; "
            "this page reloads with its outputs when it is done."
        )
    note = PENDING_NOTE.format(message=_escape(message))
    return note + _without_styles(_render(nb_path, **options))


def _rendered(entry: Path, options: dict[str, object]) -> str:
    """The executed notebook as mkdocs-jupyter renders it, without its inline CSS."""
    return state.memo.get(
        ("html", entry, entry.stat().st_mtime_ns, json.dumps(options, default=str)),
        lambda: _without_styles(_render(str(entry), **options)),
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


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> None:
    # A notebook executed in the background writes its entry here: rebuild then.
    if hasattr(state, "cache"):
        state.cache.directory.mkdir(parents=True, exist_ok=True)
        server.watch(str(state.cache.directory))


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


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = MATHJAX_LOADER.sub("", output)
    if not getattr(page, "nb_url", None):
        return output
    output = output.replace(CODE_CELL, '<div tabindex="0" class="highlight-ipynb ')
    output = STYLER_CORNER.sub(rf"\1{HIDDEN_INDEX}\2", output)
    return DATAFRAME.sub(_accessible_dataframe, output)


def on_post_build(config: MkDocsConfig) -> None:
    if not hasattr(state, "cache"):
        return
    if not state.serving:
        state.cache.prune()
    classes = {name for value in state.classes for name in value.split()}
    css = used_rules("\n".join(sorted(state.styles)), classes, state.tags)
    target = Path(config.site_dir) / STYLESHEET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(css, encoding="utf-8")


# Parts of a selector that the static page cannot answer (state, attributes
# set by scripts, the palette): ignored, so such rules are kept when the rest matches.
SELECTOR_NOISE = re.compile(r"\[[^\]]*\]|::?[\w-]+(?:\([^)]*\))?")
CLASS_NAME = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
TAG_NAME = re.compile(r"(?:^|[\s>+~])([a-zA-Z][\w-]*)")
CUSTOM_PROPERTY = re.compile(r"var\(\s*(--[\w-]+)")


def _selector_used(selector: str, classes: set[str], tags: set[str]) -> bool:
    plain = SELECTOR_NOISE.sub("", selector)
    return set(CLASS_NAME.findall(plain)) <= classes and set(TAG_NAME.findall(plain)) <= tags


def _used(rules: list, classes: set[str], tags: set[str]) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = tinycss2.serialize(rule.prelude).split(",")
            if any(_selector_used(s, classes, tags) for s in selectors):
                kept.append(rule)
        elif rule.type == "at-rule" and rule.lower_at_keyword in {"media", "supports"}:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            if inner := _used(inner, classes, tags):
                kept.append((rule, inner))
    return kept


def _serialize(rules: list, keep: Callable[[str], bool]) -> str:
    """CSS text of the kept rules, with only the declarations `keep` accepts by name."""
    out = []
    for rule in rules:
        if isinstance(rule, tuple):
            at_rule, inner = rule
            prelude = tinycss2.serialize(at_rule.prelude).strip()
            out.append(f"@{at_rule.at_keyword} {prelude}{{{_serialize(inner, keep)}}}")
            continue
        declarations = tinycss2.parse_blocks_contents(
            rule.content, skip_comments=True, skip_whitespace=True
        )
        body = ";".join(
            f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}"
            for d in declarations
            if d.type == "declaration" and keep(d.name)
        )
        if body:
            out.append(f"{tinycss2.serialize(rule.prelude).strip()}{{{body}}}")
    return "".join(out)


@functools.cache
def _parsed(css: str) -> list:
    return tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)


def used_rules(css: str, classes: set[str], tags: set[str]) -> str:
    """The rules of `css` that can apply to markup with these classes and tags.

    Custom properties are kept only where a kept rule reads them, directly or
    through another custom property.
    """
    kept = _used(_parsed(css), classes, tags | {"html", "body"})
    reads: dict[str, set[str]] = {}
    for name, value in re.findall(r"(--[\w-]+):([^;}]*)", _serialize(kept, lambda _: True)):
        reads.setdefault(name, set()).update(CUSTOM_PROPERTY.findall(value))
    plain = _serialize(kept, lambda name: not name.startswith("--"))
    needed, frontier = set(), set(CUSTOM_PROPERTY.findall(plain))
    while frontier:
        needed |= frontier
        frontier = {name for used in frontier for name in reads.get(used, ())} - needed
    return _serialize(kept, lambda name: not name.startswith("--") or name in needed)
