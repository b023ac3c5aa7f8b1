"""Build hook for the practice kits in the browser (examples/rounds/, made by roundkit).

- A page embeds a kit with one line of HTML on its own:
  ``<div data-kit="payout-reconciliation"></div>``. The hook replaces it with the
  kit's shell (its file list, readable without JavaScript) and adds the kit
  widget's module (``assets/kit/kit-widget.js``) to that page only. An unknown
  name fails the build, naming the page and the name.
- ``<div data-kit-list></div>`` becomes a table of every kit, with a state
  cell that the browser fills from localStorage (progress.js).
- Each kit is made here as ``rounds.py new`` makes it (roundkit's ``create``)
  and written to ``assets/kits/<name>.json``: every file, with a content hash
  that keys the reader's saved edits. The hidden tests are not in it: they
  reach the browser inside the guide's wheel (scripts/build_wheel.py).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from typing import Any

from embeds import TEMPLATES, embedded_in, practice_list
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from roundkit import KINDS, kit_files, kits
from roundkit.browser import sent_files

EMBED = re.compile(r'<div data-kit="([^"]*)"></div>')
LIST = "<div data-kit-list></div>"
# Files shown first in the list, in this order; the rest follow by path.
FIRST = ("README.md", "BUG_REPORT.md", "API.md")
# A Check runs every hidden test of a kit in Pyodide: well under a second for a
# right answer, while a runaway loop ends here at the latest.
TIME_LIMIT_SECONDS = 20.0


@dataclass(frozen=True)
class Kit:
    name: str
    kind: str
    title: str
    summary: str
    parts: list[str]
    # {path, text, listed}: listed files are shown, edited and sent to Python; the
    # others (the kit's sandbox) are in the download only. In the file list's order.
    files: list[dict[str, Any]]
    hash: str
    time_limit_seconds: float = TIME_LIMIT_SECONDS


_kits: dict[str, Kit] = {}
_embedded_in: dict[str, str] = {}  # name -> URL of the page that embeds it


def _order(path: str) -> tuple[int, int, str]:
    first = FIRST.index(path) if path in FIRST else len(FIRST)
    return (first, path.count("/"), path)


def make_kit(task: kits.Task) -> Kit:
    """Make a fresh kit of ``task`` and read it back; a file that is not UTF-8 text fails."""
    try:
        files = kit_files(task)
    except UnicodeDecodeError as error:
        raise PluginError(f"kit {task.name!r}: a file is not UTF-8 text ({error})") from error
    sent = sent_files(files)
    listed = [
        {"path": name, "text": files[name], "listed": name in sent}
        for name in sorted(files, key=_order)
    ]
    digest = hashlib.sha256(json.dumps([task.kind, task.name, files], sort_keys=True).encode())
    return Kit(
        name=task.name,
        kind=task.kind,
        title=task.title,
        summary=task.meta["summary"],
        parts=KINDS[task.kind].part_titles(task),
        files=listed,
        hash=digest.hexdigest()[:12],
    )


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _kits.clear()
    for kind in KINDS:
        for task in kits.tasks(kind).values():
            if task.name in _kits:
                raise PluginError(f"two kits are named {task.name!r}: names must be unique")
            _kits[task.name] = make_kit(task)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _embedded_in.clear()
    _embedded_in.update(embedded_in(files, EMBED, _kits, "kit", "examples/rounds/"))
    for kit in _kits.values():
        files.append(
            File.generated(config, f"assets/kits/{kit.name}.json", content=json.dumps(asdict(kit)))
        )
    return files


def _list(page: Page) -> str:
    rows = [
        {
            "name": kit.name,
            "title": kit.title,
            "summary": f"{KINDS[kit.kind].LABEL} round. {kit.summary}",
            "hash": kit.hash,
            "page": _embedded_in.get(kit.name, ""),
        }
        for kit in _kits.values()
    ]
    return practice_list("kit", "Kit", rows, page)


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if LIST in html_text:
        html_text = html_text.replace(LIST, _list(page))
    names = EMBED.findall(html_text)
    if not names:
        return html_text
    if len(names) > 1:  # one walkthrough per page opens with its kit
        raise PluginError(f"{page.file.src_uri}: one kit per page, not {names}")
    script = get_relative_url("assets/kit/kit-widget.js", page.url)
    shell = TEMPLATES.get_template("kit.html").render(kit=_kits[names[0]])
    html_text = EMBED.sub(lambda m: shell, html_text)
    return f'{html_text}\n<script type="module" src="{script}"></script>'


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    server.watch(str(kits.ROUNDS))
    return server
