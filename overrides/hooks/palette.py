"""Build hook: applying the colour palette no longer restyles the whole page.

Material marks <body> with ``data-md-color-switching`` while it applies the
reader's palette, and its stylesheet turns off every transition under a marked
body. It applies the palette on every page load, so marking and unmarking
restyled every element of the page twice, from script, before the browser's own
first layout. On the walkthrough, explorer and notebook pages that was 50-115 ms
of Lighthouse's blocking time (mobile).

The rule is removed from Material's palette stylesheet, so the mark restyles
nothing. What a reader sees change: switching between light and dark, the
header's and the links' colours fade over Material's 125-250 ms transitions
instead of changing at once.
"""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from theme_patch import patch

PALETTE = r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css"
NO_TRANSITIONS = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,"
    "[data-md-color-switching] :before{transition-duration:0s!important}"
)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    patch(files, PALETTE, NO_TRANSITIONS, "", "palette.py")
    return files
