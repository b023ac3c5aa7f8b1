"""Build hook for the interview rounds as data, and for the mock-round component.

Each embed is one line of HTML on its own; an unknown round fails the build,
naming the page:

- ``<div data-rubric="ROUND"></div>``: the round's rubric table, from
  docs/_data/rubrics.yml. No page writes a rubric table by hand.
- ``<div data-round-plan="ROUND"></div>``: the round's phase plan, from
  docs/_data/rounds.yml.
- ``<div data-mock-prompts="ROUND"></div>``: the prompts the mock draws for it.
- ``<div data-mock></div>``: the mock page: its data as JSON, a shell for every
  drawable coding exercise (expanded by the exercises hook, which must run
  after this one) and its script, assets/mock/mock-round.js.

A page's prompt is what it already shows as its prompt: an admonition
``!!! question "The prompt"``, or a quotation right under the page's title or
under a ``## The prompt`` heading. Which pages are drawn for a round is in
rounds.yml (``prompt_pages``); the behavioural round's prompts are listed there.
"""

from __future__ import annotations

import html
import json
import re
import textwrap
from dataclasses import asdict, dataclass
from fnmatch import fnmatch
from pathlib import Path

import markdown
from guide.rounds import LEVELS, Round, RoundDataError, load_rounds
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_markdown_title, get_relative_url

ROUND_EMBED = re.compile(r'<div data-(rubric|round-plan|mock-prompts)="([^"]*)"></div>')
MOCK_EMBED = "<div data-mock></div>"
EXERCISE_EMBED = re.compile(r'<div data-exercise="([^"]*)"></div>')
PROMPT_ADMONITION = re.compile(r'^!!! question "The prompt"\n((?:[ ]{4}.*\n|\n)+)', re.MULTILINE)
PROMPT_QUOTE = re.compile(r"^(?:# .+|## The prompt)\n\n((?:>.*\n)+)", re.MULTILINE)
NOTEBOOK_TITLE = re.compile(r"^# # (.+)$", re.MULTILINE)
TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
)


@dataclass(frozen=True)
class Prompt:
    id: str  # the page's path under docs/, or the behavioural prompt's id
    title: str
    html: str
    page: str  # the page it comes from, or the one that prepares for it
    exercise: str | None  # the coding exercise the page embeds


_rounds: dict[str, Round] = {}
_prompts: dict[str, list[Prompt]] = {}
_titles: dict[str, str] = {}


def _markdown_of(file: File) -> str:
    """A page's Markdown; for a notebook (a percent script), its first Markdown cell."""
    text = file.content_string
    if not file.src_uri.endswith(".py"):
        return text
    cell = re.search(r"^# %% \[markdown\]\n((?:#.*\n)+)", text, re.MULTILINE)
    return re.sub(r"^# ?", "", cell[1], flags=re.MULTILINE) if cell else ""


def _title(file: File) -> str:
    if file.src_uri.endswith(".py"):
        match = NOTEBOOK_TITLE.search(file.content_string)
        return match[1].strip() if match else file.name
    return get_markdown_title(file.content_string) or file.name


def _prompt_markdown(text: str) -> str | None:
    if match := PROMPT_ADMONITION.search(text):
        return textwrap.dedent(match[1])
    if match := PROMPT_QUOTE.search(text):
        return re.sub(r"^> ?", "", match[1], flags=re.MULTILINE)
    return None


def _page_prompts(round_: Round, files: Files) -> list[Prompt]:
    prompts = []
    for file in files.documentation_pages():
        if not any(fnmatch(file.src_uri, pattern) for pattern in round_.prompt_pages):
            continue
        text = _markdown_of(file)
        if (source := _prompt_markdown(text)) is None:
            continue
        exercises = EXERCISE_EMBED.findall(text)
        prompts.append(
            Prompt(
                id=file.src_uri,
                title=_titles[file.src_uri],
                html=markdown.markdown(source, extensions=["pymdownx.superfences"]),
                page=file.src_uri,
                exercise=exercises[0] if exercises else None,
            )
        )
    return prompts


def _listed_prompts(round_: Round) -> list[Prompt]:
    return [
        Prompt(
            id=prompt.id,
            title=prompt.text,
            html=f"<p>{html.escape(prompt.text)}</p>",
            page=prompt.page,
            exercise=None,
        )
        for prompt in round_.prompts
    ]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        rounds = load_rounds()
    except RoundDataError as error:
        raise PluginError(str(error)) from error
    _rounds.clear()
    _rounds.update(rounds)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _titles.clear()
    _titles.update({file.src_uri: _title(file) for file in files.documentation_pages()})
    linked = {
        f"{path} (trains of {round_.id}.{criterion.id})"
        for round_ in _rounds.values()
        for criterion in round_.criteria
        for path in criterion.trains
        if path not in _titles
    } | {
        f"{prompt.page} (prompt {round_.id}.{prompt.id})"
        for round_ in _rounds.values()
        for prompt in round_.prompts
        if prompt.page not in _titles
    }
    if linked:
        raise PluginError(f"docs/_data links to pages that do not exist: {sorted(linked)}")
    _prompts.clear()
    for round_id, round_ in _rounds.items():
        prompts = _page_prompts(round_, files) + _listed_prompts(round_)
        if len(prompts) < 2:
            raise PluginError(
                f"round {round_id!r} has {len(prompts)} prompt(s) to draw; a mock needs "
                f"at least two (pages {list(round_.prompt_pages)} in docs/_data/rounds.yml)"
            )
        _prompts[round_id] = prompts
    return files


def _link(path: str, page: Page, files: Files) -> dict[str, str]:
    target = files.get_file_from_path(path)
    assert target is not None  # checked in on_files
    return {"title": _titles[path], "href": get_relative_url(target.url, page.url)}


def _round_data(round_: Round, page: Page, files: Files) -> dict:
    """What the mock page's script needs about one round, links relative to the page."""
    ends = round_.checkpoints()
    return {
        "id": round_.id,
        "title": round_.title,
        "minutes": round_.minutes,
        "phases": [
            {"name": p.name, "do": p.do, "checkpoint": p.checkpoint, "end": end}
            for p, end in zip(round_.phases, ends, strict=True)
        ],
        "criteria": [
            {
                **{key: getattr(c, key) for key in ("id", "name", *LEVELS)},
                "trains": [_link(path, page, files) for path in c.trains],
            }
            for c in round_.criteria
        ],
        "prompts": [{**asdict(p), "page": _link(p.page, page, files)} for p in _prompts[round_.id]],
    }


def _plan_rows(round_: Round) -> list[dict]:
    """Each phase with its start and end minute, in the long session too if there is one."""
    rows, start, long_start = [], 0, 0
    for phase in round_.phases:
        end, long_end = start + phase.minutes, long_start + (phase.long or 0)
        rows.append(
            {
                "phase": phase,
                "start": start,
                "end": end,
                "long_start": long_start,
                "long_end": long_end,
            }
        )
        start, long_start = end, long_end
    return rows


def _embed(kind: str, round_id: str, page: Page, files: Files) -> str:
    if round_id not in _rounds:
        raise PluginError(
            f"{page.file.src_uri}: unknown round {round_id!r} in <div data-{kind}=...>; "
            f"docs/_data has: {', '.join(_rounds)}"
        )
    return TEMPLATES.get_template(f"{kind}.html").render(
        round=_rounds[round_id],
        rows=_plan_rows(_rounds[round_id]),
        levels=LEVELS,
        prompts=_prompts[round_id],
        link=lambda path: _link(path, page, files),
        # Where a criterion is trained on this very page, say nothing rather than link to it.
        elsewhere=lambda paths: [path for path in paths if path != page.file.src_uri],
    )


def _mock(page: Page, files: Files) -> str:
    data = {"rounds": [_round_data(r, page, files) for r in _rounds.values()]}
    script = files.get_file_from_path("assets/mock/mock-round.js")
    assert script is not None
    return TEMPLATES.get_template("mock.html").render(
        rounds=_rounds.values(),
        data=json.dumps(data, ensure_ascii=False),
        exercises=sorted({p.exercise for ps in _prompts.values() for p in ps if p.exercise}),
        script=get_relative_url(script.url, page.url),
        self_assessment=_link("process/self-assessment.md", page, files)["href"],
    )


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html_text = ROUND_EMBED.sub(lambda m: _embed(m[1], m[2], page, files), html_text)
    if MOCK_EMBED in html_text:
        html_text = html_text.replace(MOCK_EMBED, _mock(page, files))
    return html_text
