"""Build hook: code in a closed <details> joins the page when it first opens.

Code inside a closed <details> is still in the page: each highlighted token is an
element the browser builds and styles as the page loads, though most readers
never open it. An exercise page's reference solution, folded away, was most of
the time its page kept a phone busy as it loaded (Material then also mounted
every block at load; it now mounts them as they come into view, content.lazy).

So the body of a closed <details> that holds a code block is written inside a
<template>, which the browser parses but does not render; docs/assets/folded-code.js
puts it back on first opening. Details without code keep their text in the page,
where find-in-page reaches it.
"""

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# A closed <details> (an `open` attribute does not match) with no <details> inside:
# around nested ones, only the innermost fold, and the outer text stays findable.
CLOSED = re.compile(
    r'(?P<head><details(?: class="[^"]*")?>\s*<summary>(?:(?!</summary>).)*</summary>)'
    r"(?P<body>(?:(?!<details).)*?)</details>",
    re.DOTALL,
)


def _fold(match: re.Match[str]) -> str:
    if "<pre" not in match["body"]:
        return match[0]
    return f"{match['head']}<template>{match['body']}</template></details>"


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return CLOSED.sub(_fold, html)
