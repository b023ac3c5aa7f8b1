"""Build hook: while serving, a rebuild renders only the pages an edit touched.

`mkdocs serve` rebuilds every page after any edit. Rendering Markdown was two
thirds of that rebuild, and Material's search plugin parsing each page's HTML
most of the rest. While serving, this hook reuses from the build before:

- a page's render (its HTML, table of contents, title, anchors, and the
  warnings it logged, logged again) while these are unchanged: its Markdown
  after the hooks, its address, the Markdown settings, the site's layout
  (every file's source and URL, which links resolve against) and every other
  file pages can read (snippets, data, examples, datasets, scripts). A prose
  edit renders one page; an edit to an example or a dataset renders them all.
- a page's search entries, while its HTML, address, title and front matter are
  unchanged.

Outside `serve` it changes nothing: every build renders every page.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from build_memo import BuildMemo
from material.plugins.search.plugin import SearchIndex
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

# What pages read besides their own source, beside mkdocs.yml (snippets, markdown-exec).
READABLE = ("docs", "examples", "datasets", "scripts")


class _State:
    serving = False
    renders: BuildMemo[tuple[dict[str, Any], list[logging.LogRecord]]] = BuildMemo()
    entries: BuildMemo[list[dict]] = BuildMemo()
    context: tuple = ()  # what every page's render depends on besides its own Markdown


state = _State()
_render = Page.render
_index_page = SearchIndex.add_entry_from_context


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def on_startup(command: str, dirty: bool) -> None:
    state.serving = command == "serve"
    Page.render = _render_once
    SearchIndex.add_entry_from_context = _add_entries


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if state.serving:
        state.renders.next_build()
        state.entries.next_build()
        root = Path(config.config_file_path).resolve().parent
        pages = {os.path.normpath(file.abs_src_path) for file in files.documentation_pages()}
        state.context = (
            tuple((file.src_uri, file.url) for file in files),
            json.dumps(config.mdx_configs, sort_keys=True, default=_named),
            _readable_files(root, pages),
        )
    return nav


def _named(value: object) -> str:
    """Functions and extension objects in the settings, by their type (their address changes)."""
    return getattr(value, "__qualname__", None) or type(value).__qualname__


def _readable_files(root: Path, pages: set[str]) -> str:
    """A digest of the path, size and modification time of every file a page may read."""
    digest = hashlib.sha256()
    config = root / "mkdocs.yml"
    paths = [str(config)] if config.exists() else []
    for top in READABLE:
        for folder, subfolders, names in os.walk(root / top):
            subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
            paths.extend(os.path.join(folder, name) for name in sorted(names))
    for path in paths:
        if os.path.normpath(path) not in pages:
            status = os.stat(path)
            digest.update(f"{path}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _render_once(page: Page, config: MkDocsConfig, files: Files) -> None:
    if not state.serving:
        return _render(page, config, files)
    settings = json.dumps(config["markdown_extensions"], default=_named)
    key = (page.file.abs_src_path, page.url, page.markdown, settings, state.context)
    reused = key in state.renders
    changes, records = state.renders.get(key, lambda: _fresh_render(page, config, files))
    vars(page).update(changes)
    page.toc = copy.deepcopy(changes["toc"])  # hooks may edit a page's table of contents
    if page.links_to_anchors is not None:  # keyed by files, which each build makes anew
        page.links_to_anchors = {
            files.get_file_from_path(target.src_uri): links
            for target, links in changes["links_to_anchors"].items()
        }
    for record in records if reused else ():
        logging.getLogger(record.name).handle(record)


def _fresh_render(
    page: Page, config: MkDocsConfig, files: Files
) -> tuple[dict[str, Any], list[logging.LogRecord]]:
    """What rendering set on the page, and what it logged (logged once here, again on reuse)."""
    before = dict(vars(page))
    handler = _Warnings()
    logging.getLogger().addHandler(handler)
    try:
        _render(page, config, files)
    finally:
        logging.getLogger().removeHandler(handler)
    changes = {name: value for name, value in vars(page).items() if before.get(name) is not value}
    return changes, handler.records


def _add_entries(index: SearchIndex, page: Page) -> None:
    if not state.serving:
        return _index_page(index, page)
    key = (page.url, page.title, repr(page.meta), page.content)
    index.entries.extend(state.entries.get(key, lambda: _entries(index, page)))


def _entries(index: SearchIndex, page: Page) -> list[dict]:
    scratch = SearchIndex(**index.config)
    _index_page(scratch, page)
    return scratch.entries
