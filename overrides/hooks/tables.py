"""Build hook: tables arrive in the scroll wrapper Material would give them.

Material's script wraps every class-less table of a page in two ``<div>``s, so a
wide one scrolls sideways on a phone. It does so after the page has painted, and
moving a table re-lays it out: on a walkthrough with seven tables that was the
longest task of the page's start (Lighthouse's blocking time, mobile).

The wrappers are written into the HTML instead, in Material's markup, and the
theme's script is given a selector that skips a table already wrapped. A table
this hook misses is still wrapped by Material, as before.
"""

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from theme_patch import patch

# Python-Markdown's tables, and the guide's templates, write a bare <table>.
TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)
WRAPPED = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{}</div></div>'

BUNDLE = r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js"
SELECTOR = '"table:not([class])"'
SKIPS_WRAPPED = '"table:not([class]):not(.md-typeset__table > table)"'


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return TABLE.sub(lambda table: WRAPPED.format(table[0]), html)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    patch(files, BUNDLE, SELECTOR, SKIPS_WRAPPED, "tables.py")
    return files
