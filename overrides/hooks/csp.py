"""Build hook: a Content-Security-Policy on every page, as a ``<meta http-equiv>``.

A static host such as GitHub Pages sends no security headers, so the policy is
written into each page, right after ``<meta charset>`` and before any script.

- Scripts come from the site itself. The few inline scripts the theme and the
  notebooks need (Material's palette and tab restore, for instance) are allowed
  by their SHA-256 hashes, never by ``'unsafe-inline'``; ``'wasm-unsafe-eval'``
  lets Pyodide compile its WebAssembly.
- Styles come from the site, plus inline ones: see INLINE_STYLES for who needs
  them and why.
- Requests (``connect-src``) go to the site and to the configured source of
  Pyodide packages (PYODIDE_PACKAGES_URL, read as the exercises hook reads it).
- Workers come from the site; plugins (``object-src``) from nowhere.

The hashes are collected over the whole built site and one policy is written
into every page: Material's instant navigation keeps the first page's policy
while it swaps in the next page's content, so each page must allow what any
page runs. The policy is computed after the build, from the HTML as written, so
a new kind of page or component is covered without a change here.

A ``<meta>`` policy binds the page, not its workers: a worker obeys only the
policy of its own HTTP response, which a static host cannot set. The Python
worker is the site's own module and fetches only from the site and the
package source.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from exercises import packages_url
from mkdocs.config.defaults import MkDocsConfig

# Inline styles, both <style> elements and style attributes, are allowed:
# - CodeMirror (the exercise editor) writes its base theme into a <style>
#   element in the document's head at run time (style-mod uses constructable
#   style sheets only inside a shadow root), so no hash made at build time can
#   allow it, and one hash in style-src would switch 'unsafe-inline' off for all;
# - content carries <style> elements and style attributes made at build time:
#   the diagrams' SVG, pandas tables (text-align), matplotlib's SVG (stroke, fill).
# An inline style can only restyle the page: img-src and font-src keep any url()
# in it on the site. The editor in a shadow root of its own would let this
# tighten to hashes (style-src-attr with 'unsafe-hashes' for the attributes).
INLINE_STYLES = "'unsafe-inline'"
# Script types that run; others (Material's JSON config) are data.
RUNNABLE = {"", "text/javascript", "application/javascript", "module"}
CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
# A script's src and type attributes (not data-src), with the value if any.
ATTRIBUTE = re.compile(
    r"""(?:^|\s)(type|src)\b\s*(?:=\s*("[^"]*"|'[^']*'|[^\s"'>]*))?""", re.IGNORECASE
)


def inline_scripts(page: str) -> set[str]:
    """The text of each inline runnable script of a page.

    A pattern, not an HTML parser: a script's text ends at the first
    ``</script`` by HTML's own rule, and the pattern is a hundred times
    faster, which the rebuild after every edit while serving feels.
    """
    scripts = set()
    for attributes, text in SCRIPT.findall(page):
        named = {name.lower(): value.strip("\"'") for name, value in ATTRIBUTE.findall(attributes)}
        if "src" not in named and named.get("type", "").lower() in RUNNABLE:
            scripts.add(text)
    return scripts


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def policy(scripts: set[str], package_source: str) -> str:
    """The policy for a site whose pages hold these inline scripts."""
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *sorted(map(_hash, scripts))],
        "style-src": ["'self'", INLINE_STYLES],
        # Material's icons and notebook plots are data: URLs.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'", *([package_source] if package_source else [])],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def _with_policy(page: str, meta: str) -> str:
    anchor = CHARSET.search(page) or HEAD.search(page)
    if anchor is None:
        return page
    return page[: anchor.end()] + meta + page[anchor.end() :]


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    pages = {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    scripts = set().union(*map(inline_scripts, pages.values()))
    content = policy(scripts, packages_url())
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    for path, text in pages.items():
        path.write_text(_with_policy(text, meta), encoding="utf-8")
