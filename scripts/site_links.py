"""What the built site's pages point at: anchors, links, images, scripts.

    python scripts/site_links.py SITE_DIR [--check]

Lists every link to another host, with the pages that use it; with --check,
also asks each host (where a network exists: CI does not need one) and reports
what did not answer 2xx or 3xx. The tests use `parse` to check internal links.
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from collections import defaultdict
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

# The attribute through which each tag points at another file or anchor.
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
POINTS_WITH = {"a": "href", "img": "src", "script": "src", "link": "href", "source": "src"}


class PagePointers(HTMLParser):
    """The ids a page defines, the targets it points at, and which of them are links."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.targets: list[str] = []
        self.links: list[str] = []  # <a href>: what a reader can follow

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name])
        if (target := values.get(POINTS_WITH.get(tag, ""))) is not None:
            self.targets.append(target)
            if tag == "a":
                self.links.append(target)


@cache
def parse(path: Path) -> PagePointers:
    page = PagePointers()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def external_links(site: Path) -> dict[str, list[str]]:
    """Each link to another host, with the pages that point at it."""
    used_by: dict[str, list[str]] = defaultdict(list)
    for page in sorted(site.rglob("*.html")):
        for target in parse(page).links:
            url = urlsplit(target)
            if url.scheme in {"http", "https"} and url.hostname not in LOCAL_HOSTS:
                used_by[target].append(page.relative_to(site).as_posix())
    return dict(sorted(used_by.items()))


def status_of(url: str) -> str:
    request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "site-links"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return str(response.status)
    except urllib.error.HTTPError as error:
        return str(error.code)
    except (urllib.error.URLError, TimeoutError) as error:
        return f"unreachable ({error})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site (mkdocs build)")
    parser.add_argument("--check", action="store_true", help="ask each host (needs a network)")
    args = parser.parse_args(argv)
    failures = 0
    for url, pages in external_links(args.site).items():
        status = status_of(url) if args.check else ""
        failed = args.check and not status.startswith(("2", "3"))
        failures += failed
        print(f"{'FAIL ' if failed else ''}{url}  {status}  ({len(pages)} pages, e.g. {pages[0]})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
