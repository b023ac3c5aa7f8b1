"""Build hook: markdown-exec's Python blocks rerun only when what they depend on changed.

A block's printed output is cached under .cache/markdown-exec/, keyed by its
source and, in a session, the sources of the session's earlier blocks (they
made its globals), with the lock and Python; it is reused while the repository
files the blocks read or imported are unchanged (see build_inputs.py). A prose
edit therefore reruns nothing, and an edited block reruns with what follows it
in its session. Markdown rendering is left to markdown-exec, so a cached block
renders exactly as a fresh one. A block that raises is never cached: the
strict build still fails on it.

When a block misses after earlier blocks of its session came from the cache,
those blocks run again first (their output unused), so its globals are the
ones a full run would give it.

It also adds a way to show a block's source, `source="folded"`: the result,
then the code that computed it in a closed <details>, which folds.py keeps out
of the page until the reader opens it. markdown-exec's `tabbed-left` put the
result behind a "Source" tab, away from the prose that cites it, and Material
mounts every tab set as a page loads.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_inputs import Project, key, read_json, record_reads, write_json
from markdown_exec import MarkdownConverter, base_format, code_block, formatters
from markdown_exec._internal.formatters.python import _run_python, _sessions_globals
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig


@dataclass
class Session:
    """The blocks of one markdown-exec session seen so far in this build."""

    sources: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    inputs: set[str] = field(default_factory=set)
    # True while the session's globals hold every block above (none came from the cache).
    live: bool = True


class _State:
    project: Project
    directory: Path
    # What blocks read: one audit hook per process, cleared before each run.
    reads: set[str] | None = None
    sessions: dict[str, Session] = {}  # noqa: RUF012
    used: set[Path] = set()  # noqa: RUF012
    serving = False


state = _State()


def on_startup(command: str, dirty: bool) -> None:
    state.serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state.project = Project(config.config_file_path)
    state.directory = state.project.cache("markdown-exec")
    if state.reads is None:
        state.reads = record_reads(str(state.project.root))
    formatters["python"] = formatters["py"] = _format_python
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    state.sessions = {}
    state.used = set()


def on_post_build(config: MkDocsConfig) -> None:
    if state.serving:  # pages reused by rebuild_memo.py used entries this build did not see
        return
    for entry in state.directory.glob("*.json"):
        if entry not in state.used:
            entry.unlink()


FOLDED = "folded"
FOLD = Markup('<details class="exec-code"><summary>Code behind this result</summary>{}</details>')


def _format_python(**options: Any) -> str:
    if options["source"] != FOLDED:
        return base_format(language="python", run=_cached_run, **options)
    result = base_format(language="python", run=_cached_run, **{**options, "source": ""})
    code = MarkdownConverter(options["md"]).convert(code_block("python", options["code"]))
    return result + FOLD.format(code)


def _imported(sources: list[str]) -> set[str]:
    """The modules these sources import by name."""
    names = set()
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
    return names


def _cached_run(
    code: str, returncode: int | None = None, session: str | None = None, **extra: Any
) -> str:
    chain = state.sessions.setdefault(session, Session()) if session else Session()
    sources = [source for source, _ in chain.sources]
    entry = state.directory / f"{key(*sources, code)}.json"
    state.used.add(entry)
    cached = read_json(entry)
    if cached and state.project.unchanged(cached["inputs"]):
        chain.sources.append((code, extra))
        chain.inputs.update(cached["inputs"])
        chain.live = False
        return cached["output"]

    state.reads.clear()
    if not (chain.live and chain.sources):
        # Fresh globals (while serving, the last build's would leak in), then the
        # session's blocks that came from the cache, if any.
        _sessions_globals.pop(session, None)
        for source, options in chain.sources:
            _run_python(source, session=session, **options)
    output = _run_python(code, returncode=returncode, session=session, **extra)
    modules = (sys.modules.get(name) for name in _imported([*sources, code]))
    project = state.project
    inputs = chain.inputs | project.sources_of(state.reads) | project.modules_read(modules)
    write_json(entry, {"output": output, "inputs": project.snapshot(inputs)})
    chain.sources.append((code, extra))
    chain.inputs = inputs
    chain.live = True
    return output
