"""The strict build: it passes, and each of its guards really fails a bad page."""

import importlib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

import pytest
from build_log import build_problems
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from support import (
    HOOKS,
    build_site,
    child_project,
    jupyter_options,
    notebook_project,
    real_config,
)


def hook(name: str) -> ModuleType:
    """A build hook's module, imported as MkDocs imports it: its folder on the path."""
    sys.path.insert(0, str(HOOKS))
    return importlib.import_module(name)


def test_site_builds_with_executed_notebook(built_site: Path) -> None:
    html = (built_site / "examples/applied-ml/fraud_laptop_round/index.html").read_text()
    assert "PR-AUC" in html
    # The plot is a file beside the page, sized in its tag, fetched as the reader nears it.
    plots = re.findall(
        r'<img [^>]*src="(output-[0-9a-f]{16}\.png)" width="\d+" height="\d+" loading="lazy"', html
    )
    assert plots, "the notebook's plot is missing"
    assert all(
        (built_site / "examples/applied-ml/fraud_laptop_round" / plot).is_file() for plot in plots
    )
    assert "data:image" not in html
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
    csp = hook("csp")
    source = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/"
    assert directives(csp.policy(set(), source))["connect-src"] == f"'self' {source}"


def test_the_policy_hashes_inline_scripts_that_run_and_nothing_else() -> None:
    csp = hook("csp")
    page = (
        '<script>a()</script><SCRIPT type="module">b()</SCRIPT >'
        '<script data-src="x.js">c()</script><script type=text/javascript>d()</script>'
        '<script src="e.js"></script><script defer src=f.js></script>'
        '<script type="application/json">{"g": 1}</script>'
    )
    assert csp.inline_scripts(page) == {"a()", "b()", "c()", "d()"}


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
    broken = '# %% [markdown]\n# # Broken\n\n# %%\nraise ValueError("planted failure")\n'
    config = notebook_project(tmp_path, {"broken_notebook.py": broken})
    result = build_site(tmp_path / "site", config)
    assert result.returncode != 0
    assert "broken_notebook.py" in result.stderr
    assert "planted failure" in result.stderr
    assert not list((tmp_path / ".cache" / "notebooks").glob("*.ipynb")), "a failure was cached"


def test_every_notebook_figure_says_what_it_shows(built_site: Path) -> None:
    pages = sorted((built_site / "examples").rglob("index.html"))
    figures = [
        (page, alt)
        for page in pages
        for alt in re.findall(r'<img alt="([^"]*)"[^>]*src="output-', page.read_text())
    ]
    assert figures, "no notebook figure found"
    assert not [(page, alt) for page, alt in figures if len(alt) < 40 or "No description" in alt]


FIGURE = """\
# %%
import matplotlib.pyplot as plt
{imports}
fig, ax = plt.subplots(figsize=(2, 2))
ax.plot([0, 1], [0, 1])
fig.tight_layout()
{show}
"""


@pytest.mark.parametrize("described", [True, False], ids=["with alt text", "without"])
def test_a_notebook_figure_needs_alt_text(tmp_path: Path, described: bool) -> None:
    figure = FIGURE.format(
        imports="from guide.figures import show" if described else "",
        show='show(fig, alt="A diagonal line & nothing else.")' if described else "",
    )
    config = notebook_project(tmp_path, {"plot.py": figure})
    result = build_site(tmp_path / "site", config)
    if described:
        assert result.returncode == 0, result.stderr[-3000:]
        html = (tmp_path / "site/examples/demo/plot/index.html").read_text()
        assert '<img alt="A diagonal line &amp; nothing else."' in html
    else:
        assert result.returncode != 0
        assert "plot.py: figure 1 has no alt text" in result.stderr


def test_notebook_page_styles_come_from_one_shared_file(built_site: Path) -> None:
    page = (built_site / "examples/applied-ml/fraud_laptop_round/index.html").read_text()
    assert "<style" not in page
    assert re.findall(r'<link rel="stylesheet" href="([^"]*notebook\.css)"', page) == [
        "../../../assets/styles/notebook.css"
    ]
    css = (built_site / "assets/styles/notebook.css").read_text()
    # Only the rules the outputs use: mkdocs-jupyter inlined 577 KiB per page.
    assert len(css) < 40_000
    assert ".jp-OutputArea-output" in css
    assert ".highlight-ipynb .k" in css  # code cells keep their highlighting


def test_diagrams_are_inline_svg(built_site: Path) -> None:
    pages = {p: p.read_text(encoding="utf-8") for p in built_site.rglob("*.html")}
    drawn = [p for p, html in pages.items() if re.search(r'<div class="diagram"[^>]*><svg ', html)]
    assert len(drawn) >= 5
    assert not [p for p, html in pages.items() if '<pre class="diagram' in html]
    assert not [p for p, html in pages.items() if "mermaid.esm" in html or "diagrams.js" in html]


def test_applying_the_palette_restyles_nothing(built_site: Path) -> None:
    (palette,) = (built_site / "assets/stylesheets").glob("palette.*.min.css")
    assert "data-md-color-switching" not in palette.read_text()


def test_tables_arrive_wrapped_and_the_theme_skips_them(built_site: Path) -> None:
    page = (built_site / "system-design/radar-backend/index.html").read_text(encoding="utf-8")
    wrapper = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>'
    assert page.count("<table>") == page.count(wrapper) >= 5
    (bundle,) = (built_site / "assets/javascripts").glob("bundle.*.min.js")
    assert '"table:not([class]):not(.md-typeset__table > table)"' in bundle.read_text()


def test_code_blocks_arrive_focusable(built_site: Path) -> None:
    """Material mounts code lazily: until it does, a block that scrolls must
    still take keyboard focus (a11y.py); Material drops it from one that fits."""
    opening = re.compile(r"<pre\b[^>]*>(?:<span></span>)?<code\b[^>]*>")
    pages = built_site.rglob("*.html")
    blocks = [tag for page in pages for tag in opening.findall(page.read_text())]
    assert len(blocks) >= 200
    assert [tag for tag in blocks if 'tabindex="0"' not in tag] == []


def test_code_blocks_carry_their_line_count(built_site: Path) -> None:
    page = (built_site / "practice/laptop-round/index.html").read_text(encoding="utf-8")
    wrapper = r'<div class="language-\w+ highlight"([^>]*)>.*?<code[^>]*>(.*?)</code>'
    blocks = re.findall(wrapper, page, re.DOTALL)
    assert len(blocks) >= 2
    for attributes, code in blocks:
        lines = code.rstrip("\n").count("\n") + 1
        assert attributes == f' style="--lines: {lines}"'


def test_a_theme_that_wraps_tables_differently_fails_the_build() -> None:
    tables = hook("tables")
    bundle = File(
        "assets/javascripts/bundle.0123abcd.min.js",
        src_dir=None,
        dest_dir="site",
        use_directory_urls=True,
    )
    bundle.content_string = 'wrap(all("table"))'
    with pytest.raises(PluginError, match=r"tables\.py: expected one Material file"):
        tables.on_files(Files([bundle]), MkDocsConfig())


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


def test_a_failed_build_reports_its_warning_not_its_tail() -> None:
    warning = (
        "WARNING -  markdown_exec: Execution of python code block exited with errors\n"
        "\n"
        "Code block is:\n"
        "\n"
        "  assert 1 == 2\n"
        "\n"
        "Output is:\n"
        "\n"
        "  AssertionError"
    )
    log = (
        "INFO    -  Building documentation...\n"
        f"{warning}\n\n"
        "[IPKernelApp] WARNING | Kernel is running over TCP without encryption.\n"
    ) + "INFO    -  Copied jupyter file: x.py\n" * 500
    assert build_problems(log) == warning


FOLDS_PAGE = """\
# Folded

```python exec="on" source="folded"
print("forty" + "-two")
```

??? example "Solution"

    ```python
    answer = 42
    ```

???+ example "Worked"

    ```python
    shown = 1
    ```

??? note "Why"

    Prose stays where find-in-page reaches it.

??? note "Walkthrough"

    The outer text stays too.

    ??? example "Inner"

        ```python
        inner = 2
        ```
"""


def test_code_in_closed_details_is_folded_until_opened(tmp_path: Path) -> None:
    config = child_project(
        tmp_path,
        {"index.md": FOLDS_PAGE},
        hooks=[str(HOOKS / "exec_cache.py"), str(HOOKS / "folds.py")],
        plugins=["search", "markdown-exec"],
    )
    result = build_site(tmp_path / "site", config)
    assert result.returncode == 0, result.stderr[-3000:]
    article = (tmp_path / "site" / "index.html").read_text()
    templates = re.findall(r"<template>(.*?)</template>", article, re.S)
    assert len(templates) == 3
    assert "print" in templates[0] and "answer" in templates[1] and "inner" in templates[2]
    # The computed result shows; an open block and a block of prose are not folded.
    outside = re.sub(r"<template>.*?</template>", "", article, flags=re.S)
    assert "forty-two" in outside and "print" not in outside
    assert "shown" in outside
    assert "Prose stays" in outside and "outer text" in outside
