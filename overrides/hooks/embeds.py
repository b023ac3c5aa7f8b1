"""What the embedding hooks share: a page embeds a component with one line of
HTML naming it (``<div data-exercise="token-bucket"></div>``,
``<div data-explorer="fraud-accuracy"></div>``), and the hook draws it from a
Jinja template. Not a hook itself: exercises.py and explorers.py import it.
"""

import re
from collections.abc import Collection
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

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
