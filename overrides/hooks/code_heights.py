"""Build hook: a code block far below the fold is held open at its real height.

The browser lays a block out only as the reader nears it (``content-visibility:
auto`` in guide.css); until then it stands in at the height the stylesheet
gives. A fixed guess went wrong twice: a 91-line grade report held 12rem, so
everything below it moved when it was laid out, and a tool that measures the
page (axe, in Lighthouse) found the block spilling over the footer.

Code never wraps, so its height follows from its line count, written here on
each block's wrapper as ``--lines``.
"""

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# pymdownx.highlight's block: a wrapper, an optional title, then <pre> and <code>.
BLOCK = re.compile(
    r'<div class="(?P<classes>language-[\w-]+ highlight)">'
    r"(?P<inner>(?:<span class=\"filename\">[^<]*</span>)?<pre\b[^>]*>(?:<span></span>)?"
    r"<code\b[^>]*>(?P<code>.*?)</code>)",
    re.DOTALL,
)


def _sized(match: re.Match[str]) -> str:
    lines = match["code"].rstrip("\n").count("\n") + 1
    return f'<div class="{match["classes"]}" style="--lines: {lines}">{match["inner"]}'


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return BLOCK.sub(_sized, html)
