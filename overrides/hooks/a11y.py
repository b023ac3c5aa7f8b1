"""Build hook: accessibility fixes to Material's markup that its templates cannot take.

- Nested navigation: Material labels each section's ``<nav>`` by the toggle
  beside the section's link, which holds only an icon when the section has an
  index page (``navigation.indexes``). The landmark then has no name and
  collides with every other unnamed one. It is relabelled by the section title
  Material already prints inside it.
- Task lists (pymdownx.tasklist): each checkbox sits in a label with no text,
  so it has no name; it is named by its item's text.
- Code blocks: Material makes a block that scrolls sideways focusable, so a
  keyboard can scroll it, but it mounts blocks only as they come into view
  (``content.lazy``, which spares a phone a layout of the page per block as it
  loads). Every block is written focusable; Material takes the tab stop away
  from one it measures as fitting.
"""

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

SECTION_NAV = re.compile(
    r'(?P<nav><nav class="md-nav" data-md-level="\d+" aria-labelledby=")(?P<id>[\w-]+)_label'
    r'(?P<between>"[^>]*>\s*<label class="md-nav__title" for=")(?P=id)"'
)


TASK_BOX = re.compile(
    r'(<label class="task-list-control"><input type="checkbox" disabled)'
    r"(?P<rest>[^>]*><span class=\"task-list-indicator\"></span></label>)"
    r"(?P<text>(?:(?!</li>|<ul|<ol).)*)",
    re.DOTALL,
)
TAG = re.compile(r"<[^>]+>")

# pymdownx.highlight's block (an empty <span> first) and the exercises' fallback.
CODE_BLOCK = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?<code)>")


def _name_task_box(match: re.Match[str]) -> str:
    name = " ".join(html.unescape(TAG.sub("", match["text"])).split())
    label = f' aria-label="{html.escape(name)}"' if name else ""
    return f"{match[1]}{label}{match['rest']}{match['text']}"


def _label_by_title(match: re.Match[str]) -> str:
    ref = match["id"]
    return f'{match["nav"]}{ref}_title{match["between"]}{ref}" id="{ref}_title"'


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = SECTION_NAV.sub(_label_by_title, output)
    output = CODE_BLOCK.sub(r'\1 tabindex="0">', output)
    return TASK_BOX.sub(_name_task_box, output)
