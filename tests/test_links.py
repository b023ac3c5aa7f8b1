"""Every internal link, anchor and image in the built site resolves.

The strict build checks links written in Markdown; this also covers links made
by templates, hooks, notebooks and code executed at build time.
"""

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from site_links import parse

SITE_ORIGIN = "http://site.invalid/"


def file_for(site: Path, url_path: str) -> Path:
    path = site / unquote(url_path).lstrip("/")
    return path / "index.html" if url_path.endswith("/") else path


def broken_targets(site: Path, page_path: Path) -> list[str]:
    base = SITE_ORIGIN + page_path.relative_to(site).as_posix()
    broken = []
    for target in parse(page_path).targets:
        url = urlsplit(urljoin(base, target))
        if url.scheme not in {"http", "https"} or url.netloc != urlsplit(SITE_ORIGIN).netloc:
            continue  # another host, mailto:, data:...: not this test's business
        path = file_for(site, url.path)
        if not path.is_file():
            broken.append(f"{target} (no file {path.relative_to(site)})")
        elif url.fragment and path.suffix == ".html" and url.fragment not in parse(path).ids:
            broken.append(f"{target} (no anchor #{url.fragment})")
    return broken


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    broken = {
        str(page.relative_to(built_site)): targets
        for page in sorted(built_site.rglob("*.html"))
        if (targets := broken_targets(built_site, page))
    }
    assert not broken


def test_a_missing_page_or_anchor_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">Here</h2>')
    page = tmp_path / "index.html"
    page.write_text(
        '<a href="a/#here">ok</a> <a href="a/#gone">anchor</a> <img src="img/x.png">'
        ' <a href="https://stripe.com/">elsewhere</a>'
    )
    assert broken_targets(tmp_path, page) == [
        "a/#gone (no anchor #gone)",
        "img/x.png (no file img/x.png)",
    ]
