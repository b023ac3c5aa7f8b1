"""The strict build: it passes, and each of its guards really fails a bad page."""

import importlib
import json
import re
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.utils.yaml import yaml_load
from support import ROOT, build_site


def real_config() -> dict:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as config:
        return yaml_load(config)


def jupyter_options() -> dict:
    plugins = real_config()["plugins"]
    configured = (p for p in plugins if isinstance(p, dict) and "mkdocs-jupyter" in p)
    return next(configured)["mkdocs-jupyter"]


def child_project(tmp_path: Path, pages: dict[str, str], **overrides: object) -> Path:
    """A small project inheriting the real config's strictness and validation."""
    docs = tmp_path / "docs"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(textwrap.dedent(text), encoding="utf-8")
    settings = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(docs),
        "nav": list(pages),
        "theme": {"name": "material", "custom_dir": str(ROOT / "overrides")},
        "hooks": [],
        "extra_javascript": [],
        "extra_css": [],
        "plugins": ["search"],
        **overrides,
    }
    config = tmp_path / "mkdocs.yml"
    config.write_text(json.dumps(settings), encoding="utf-8")  # JSON is valid YAML
    return config


def test_site_builds_with_executed_notebook(built_site: Path) -> None:
    html = (built_site / "examples/applied-ml/fraud_laptop_round/index.html").read_text()
    assert "PR-AUC" in html
    assert "data:image/png;base64" in html, "the notebook's plot is missing"
    assert "Traceback" not in html
    assert (built_site / "examples/applied-ml/fraud_laptop_round/fraud_laptop_round.py").is_file()


# The attribute through which each tag makes the browser fetch something.
LOADED_BY = {"script": "src", "img": "src", "iframe": "src", "source": "src", "link": "href"}


class _ResourceUrls(HTMLParser):
    """Collects the URLs a page loads by itself (not links the reader follows)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") in {"canonical", "alternate"}:
            return
        if (url := values.get(LOADED_BY.get(tag, ""))) is not None:
            self.urls.append(url)


def test_built_pages_load_nothing_from_other_hosts(built_site: Path) -> None:
    offenders = {}
    for page in built_site.rglob("*.html"):
        parser = _ResourceUrls()
        parser.feed(page.read_text(encoding="utf-8"))
        foreign = [url for url in parser.urls if urlsplit(url).netloc]
        if foreign:
            offenders[str(page.relative_to(built_site))] = foreign
    assert not offenders


def test_offline_build_names_no_source_for_packages(built_site: Path) -> None:
    # `make offline` sets PYODIDE_PACKAGES_URL empty: no exercise may point at the CDN.
    page = (built_site / "coding" / "token-bucket" / "index.html").read_text(encoding="utf-8")
    assert set(re.findall(r'data-packages-url="([^"]*)"', page)) == {""}


POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def directives(policy: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def test_every_page_carries_the_one_policy_before_any_script(built_site: Path) -> None:
    policies = set()
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        found = POLICY.findall(html)
        assert len(found) == 1, page
        assert html.index("Content-Security-Policy") < html.index("<script"), page
        policies.add(found[0])
    # One policy for the whole site: instant navigation keeps the first page's.
    [policy] = policies
    rules = directives(policy)
    scripts = rules["script-src"].split()
    assert scripts[:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert all(source.startswith("'sha256-") for source in scripts[2:])
    assert rules["connect-src"] == "'self'"  # the offline build has no package source
    assert (rules["worker-src"], rules["object-src"]) == ("'self'", "'none'")


def test_the_policy_lets_the_page_reach_the_package_source() -> None:
    sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
    csp = importlib.import_module("csp")
    source = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/"
    assert directives(csp.policy(set(), source))["connect-src"] == f"'self' {source}"


def test_strict_config() -> None:
    config = real_config()
    assert config["strict"] is True
    assert config["validation"]["anchors"] == "warn"
    assert config["validation"]["unrecognized_links"] == "warn"
    options = jupyter_options()
    assert options["execute"] is True
    assert options["allow_errors"] is False


@pytest.mark.parametrize(
    ("link", "fails"),
    [
        ("other.md#a-heading", False),
        ("missing.md", True),
        ("other.md#no-such-anchor", True),
    ],
)
def test_broken_link_or_anchor_fails_build(tmp_path: Path, link: str, fails: bool) -> None:
    config = child_project(
        tmp_path,
        {
            "index.md": f"# Home\n\nSee [the other page]({link}).\n",
            "other.md": "# Other\n\n## A heading\n",
        },
    )
    result = build_site(tmp_path / "site", config)
    assert (result.returncode != 0) == fails, result.stderr
    if fails:
        assert "index.md" in result.stderr


def test_failing_notebook_fails_build_naming_it(tmp_path: Path) -> None:
    notebooks = tmp_path / "examples" / "demo"
    notebooks.mkdir(parents=True)
    (notebooks / "broken_notebook.py").write_text(
        '# %% [markdown]\n# # Broken\n\n# %%\nraise ValueError("planted failure")\n',
        encoding="utf-8",
    )
    options = {**jupyter_options(), "notebook_dirs": {"examples/demo": str(notebooks)}}
    plugins = [{"mkdocs-jupyter": options}]
    config = child_project(tmp_path, {"index.md": "# Home\n"}, plugins=plugins)
    result = build_site(tmp_path / "site", config)
    assert result.returncode != 0
    assert "broken_notebook.py" in result.stderr
    assert "planted failure" in result.stderr


def test_every_snippet_is_included(built_site: Path) -> None:
    # A formatter can rewrite `--8<-- "x.py"` as `--8 < --"x.py"`, which the build
    # then shows as text instead of including the file.
    leftovers = [
        str(page.relative_to(built_site))
        for page in built_site.rglob("*.html")
        if re.search(r"--8\s*(<|&lt;)\s*--", page.read_text(encoding="utf-8"))
    ]
    assert not leftovers
    page = (built_site / "coding/token-bucket/index.html").read_text(encoding="utf-8")
    assert "_buckets" in page  # a name from the included reference solution
