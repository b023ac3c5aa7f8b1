"""What the embedding hooks share: a page embeds a component with one line of
HTML naming it (``<div data-exercise="token-bucket"></div>``,
``<div data-explorer="fraud-accuracy"></div>``), and the hook draws it from a
Jinja template. The Practice page lists every exercise and every kit with the
reader's progress. Not a hook itself: exercises.py, kits.py and explorers.py
import it.
"""

import re
from collections.abc import Collection
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
)


def embedded_in(
    files: Files, embed: re.Pattern[str], known: Collection[str], kind: str, source: str
) -> dict[str, str]:
    """Each embedded name -> the URL of the first page embedding it.

    An unknown name fails the build, naming the page, the name and what `source` has.
    """
    pages: dict[str, str] = {}
    for file in files.documentation_pages():
        for name in embed.findall(file.content_string):
            if name not in known:
                raise PluginError(
                    f"{file.src_uri}: unknown {kind} {name!r} in <div data-{kind}=...>; "
                    f"{source} has: {', '.join(sorted(known)) or 'none'}"
                )
            pages.setdefault(name, file.url)
    return pages


def practice_list(practice: str, heading: str, rows: list[dict[str, str]], page: Page) -> str:
    """The Practice page's table of every exercise or kit, with a state cell for progress.js.

    Each row has the item's name, title, summary, content hash and ``page``: the
    URL of the page that embeds it ("" for none), linked from this page.
    """
    linked = [
        {**row, "href": get_relative_url(row["page"], page.url) if row["page"] else ""}
        for row in rows
    ]
    template = TEMPLATES.get_template("practice-list.html")
    return template.render(practice=practice, heading=heading, rows=linked)
