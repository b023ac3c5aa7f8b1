"""Edits to Material's built assets, made as the site is built.

Each edit names the one string it replaces. If the theme's file no longer holds
that string exactly once, the theme has changed and the edit must be checked
again, so the build stops and names the hook that asked for it. Source maps are
left as they are and point a little off after an edit; only a debugger reads them.
"""

import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files


def patch(files: Files, asset: str, old: str, new: str, hook: str) -> None:
    """In the one file whose path matches the regex ``asset``, replace ``old`` by ``new``."""
    found = [file for file in files if re.fullmatch(asset, file.src_uri)]
    if len(found) != 1 or found[0].content_string.count(old) != 1:
        raise PluginError(
            f"overrides/hooks/{hook}: expected one Material file {asset} holding {old} "
            "once; the theme changed, so check this edit again"
        )
    found[0].content_string = found[0].content_string.replace(old, new)
