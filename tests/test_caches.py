"""The build caches: a hit gives what a fresh run gives, and an edit reruns exactly what it affects.

Each test builds a small child project several times with the real hooks; what
ran is read from the build log (notebooks) or from a log the blocks append to.
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from support import HOOKS, MKDOCS, build_site, child_project, notebook_project

READER = """\
# %% [markdown]
# # Reads {name}

# %%
from pathlib import Path

print("{name} says", Path("{name}.csv").read_text())
"""


def build(config: Path, site: Path) -> str:
    result = build_site(site, config)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stderr


def article(site: Path, page: str) -> str:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    return re.search(r"<article.*</article>", html, re.DOTALL)[0]


def executed(log: str) -> list[str]:
    return sorted(re.findall(r"executed (\S+\.py)", log))


@pytest.fixture(scope="module")
def notebook_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Four builds: fresh, untouched, with one of the two data files edited, then restored."""
    project = tmp_path_factory.mktemp("notebooks")
    config = notebook_project(
        project, {f"reads_{name}.py": READER.format(name=name) for name in ("a", "b")}
    )
    data = project / "examples" / "demo"
    (data / "a.csv").write_text("alpha\n")
    (data / "b.csv").write_text("bravo\n")
    logs = {"fresh": build(config, project / "fresh"), "again": build(config, project / "again")}
    (data / "a.csv").write_text("alpha, edited\n")
    logs["edited"] = build(config, project / "edited")
    (data / "a.csv").write_text("alpha\n")
    logs["restored"] = build(config, project / "restored")
    return {"project": project, "logs": logs}


def test_notebooks_execute_once_per_content(notebook_builds: dict) -> None:
    logs = notebook_builds["logs"]
    assert executed(logs["fresh"]) == ["reads_a.py", "reads_b.py"]
    assert executed(logs["again"]) == []


def test_cache_hit_renders_what_a_fresh_execution_renders(notebook_builds: dict) -> None:
    project = notebook_builds["project"]
    for page in ("examples/demo/reads_a", "examples/demo/reads_b"):
        fresh = article(project / "fresh", page)
        assert "says" in fresh  # the output is there
        assert article(project / "again", page) == fresh


def test_editing_a_dataset_reruns_only_the_notebooks_that_read_it(notebook_builds: dict) -> None:
    project, logs = notebook_builds["project"], notebook_builds["logs"]
    assert "read examples/demo/a.csv" in logs["fresh"]  # inputs are recorded, not declared
    assert executed(logs["edited"]) == ["reads_a.py"]
    assert "alpha, edited" in article(project / "edited", "examples/demo/reads_a")
    edited_b = article(project / "edited", "examples/demo/reads_b")
    assert edited_b == article(project / "fresh", "examples/demo/reads_b")


def test_executing_a_notebook_again_renders_the_same_page(notebook_builds: dict) -> None:
    project, logs = notebook_builds["project"], notebook_builds["logs"]
    assert executed(logs["restored"]) == ["reads_a.py"]
    page = "examples/demo/reads_a"
    assert article(project / "restored", page) == article(project / "fresh", page)


PAGE = """\
# Home

```python exec="on" session="s"
from pathlib import Path

with open({log!r}, "a") as log:
    log.write("first\\n")
value = Path({data!r}).read_text().strip()
print(value)
```

{prose}

```python exec="on" session="s"
with open({log!r}, "a") as log:
    log.write("second\\n")
print(value.upper(){suffix})
```
"""


def test_markdown_exec_blocks_rerun_only_when_their_inputs_change(tmp_path: Path) -> None:
    log, data = tmp_path / "ran.log", tmp_path / "data.txt"
    data.write_text("hello")

    def build_page(prose: str = "Some prose.", suffix: str = "") -> str:
        text = PAGE.format(log=str(log), data=str(data), prose=prose, suffix=suffix)
        config = child_project(
            tmp_path,
            {"index.md": text},
            plugins=["search", {"markdown-exec": {"languages": ["python"]}}],
            hooks=[str(HOOKS / "exec_cache.py")],
        )
        build(config, tmp_path / "site")
        return article(tmp_path / "site", ".")

    def ran() -> list[str]:
        runs = log.read_text().split() if log.exists() else []
        log.unlink(missing_ok=True)
        return runs

    assert "HELLO" in build_page()
    assert ran() == ["first", "second"]

    assert "HELLO" in build_page(prose="Prose, edited.")
    assert ran() == []  # a prose edit reruns nothing

    data.write_text("bonjour")
    assert "BONJOUR" in build_page()
    assert ran() == ["first", "second"]  # the file the first block read changed

    # An edited block reruns; the session's earlier block first rebuilds its globals.
    assert "BONJOUR!" in build_page(suffix=' + "!"')
    assert ran() == ["first", "second"]
    assert "BONJOUR!" in build_page(suffix=' + "!"')
    assert ran() == []


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    theme, site = tmp_path / "theme", tmp_path / "site"
    theme.mkdir()

    def build_with(marker: str) -> str:
        block = f"{{% block content %}}{marker}{{% endblock %}}"
        (theme / "main.html").write_text('{% extends "base.html" %}' + block, encoding="utf-8")
        config = child_project(
            tmp_path,
            {"index.md": "# Home\n"},
            theme={"name": "material", "custom_dir": str(theme)},
            hooks=[str(HOOKS / "template_cache.py")],
        )
        build(config, site)
        return (site / "index.html").read_text(encoding="utf-8")

    assert "first-marker" in build_with("first-marker")
    assert any((tmp_path / ".cache" / "jinja").iterdir())  # the templates were kept compiled
    assert "second-marker" in build_with("second-marker")


def test_serve_shows_notebooks_before_they_execute(tmp_path: Path) -> None:
    broken = '# %% [markdown]\n# # Broken\n\n# %%\nraise ValueError("planted failure")\n'
    config = notebook_project(
        tmp_path, {"reads_a.py": READER.format(name="a"), "broken.py": broken}
    )
    (tmp_path / "examples" / "demo" / "a.csv").write_text("alpha\n")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [*MKDOCS, "serve", "--config-file", str(config), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/examples/demo/"
    try:
        first = wait_for_page(base + "reads_a/", lambda page: True)
        assert "executing in the background" in first  # served before it executed
        assert "alpha" not in first
        executed_page = wait_for_page(base + "reads_a/", lambda page: "a says alpha" in page)
        assert "executing in the background" not in executed_page
        failed = wait_for_page(base + "broken/", lambda page: "failed" in page)
        assert "planted failure" in failed
    finally:
        server.terminate()
        server.wait()


def wait_for_page(url: str, ready: Callable[[str], bool], timeout: float = 300) -> str:
    """The page at `url` once `ready` accepts it; polls the server, the signal it gives."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                page = response.read().decode()
        except OSError:
            page = None
        if page is not None and ready(page):
            return page
        time.sleep(0.2)
    raise AssertionError(f"{url} was not ready within {timeout:.0f} s")


def serve_build(config: Path, site: Path, command: str = "serve") -> None:
    """One build as `mkdocs serve` makes it: in this process, after the builds before."""
    settings = load_config(str(config), site_dir=str(site))
    settings.plugins.on_startup(command=command, dirty=False)
    mkdocs_build(settings)


def files_of(site: Path) -> dict[str, bytes]:
    files = (path for path in site.rglob("*") if path.is_file())
    return {str(path.relative_to(site)): path.read_bytes() for path in files}


@pytest.fixture
def memo_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three pages: one links to another's heading, one includes a snippet."""
    monkeypatch.chdir(tmp_path)  # the snippets' base path is the working folder
    pages = {
        "index.md": "# Home\n\nAlpha words; see [the part](other.md#part).\n",
        "other.md": "# Other\n\n## Part\n\nBravo.\n",
        "snippet.md": '# Snippet\n\n--8<-- "docs/_part.md"\n',
    }
    config = child_project(tmp_path, pages, hooks=[str(HOOKS / "rebuild_memo.py")])
    (tmp_path / "docs" / "_part.md").write_text("Included delta.\n")
    return config


def test_a_rebuild_while_serving_gives_what_a_fresh_build_gives(memo_project: Path) -> None:
    project = memo_project.parent
    serve_build(memo_project, project / "served")
    (project / "docs" / "other.md").write_text("# Other\n\n## Part\n\nCharlie.\n")
    (project / "docs" / "_part.md").write_text("Included echo.\n")
    serve_build(memo_project, project / "served")
    served = files_of(project / "served")
    assert b"Charlie" in served["other/index.html"]
    assert b"Included echo" in served["snippet/index.html"]  # a snippet edit renders its includer
    assert b"Bravo" not in served["search/search_index.json"]
    serve_build(memo_project, project / "fresh", command="build")
    assert served == files_of(project / "fresh")


def test_a_reused_page_logs_its_warnings_again(
    memo_project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = memo_project.parent
    (project / "docs" / "index.md").write_text("# Home\n\nSee [nothing](missing.md).\n")
    for _ in range(2):
        caplog.clear()
        with pytest.raises(Abort):  # strict, as the real config is
            serve_build(memo_project, project / "served")
        assert caplog.text.count("missing.md") == 1
        (project / "docs" / "other.md").write_text("# Other\n\nAn edit elsewhere.\n")


def test_a_rebuild_while_serving_reads_an_edited_notebook_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    titled = '# %% [markdown]\n# ---\n# title: {}\n# ---\n# # Heading\n\n# %%\nprint("hi")\n'
    config = notebook_project(tmp_path, {"titled.py": titled.format("First")})
    source = tmp_path / "examples" / "demo" / "titled.py"
    page = tmp_path / "served" / "examples" / "demo" / "titled" / "index.html"
    # The first build, a rebuild that reads the source, and one that reuses the read.
    for _ in range(3):
        serve_build(config, tmp_path / "served")
        assert "<title>First - " in page.read_text(encoding="utf-8")
    source.write_text(titled.format("Second, edited"), encoding="utf-8")
    serve_build(config, tmp_path / "served")
    assert "<title>Second, edited - " in page.read_text(encoding="utf-8")


def test_kernels_run_one_thread_each_below_the_page_renderer(tmp_path: Path) -> None:
    """Kernels run side by side, one per core, and yield to the build's page renderer.

    A thread pool per kernel would oversubscribe the machine; a kernel at the
    renderer's priority would slow the build's longest chain of work. Linux
    shares the CPU between sessions first, so a kernel's session yields too.
    """
    group = Path("/proc/self/autogroup")
    source = (
        "# %% [markdown]\n# # Threads\n\n# %%\nimport os\nfrom pathlib import Path\n\n"
        'print("threads:", os.environ["OMP_NUM_THREADS"], "nice:", os.nice(0))\n'
        f"print(Path({str(group)!r}).read_text() if Path({str(group)!r}).exists() else '')\n"
    )
    config = notebook_project(tmp_path, {"threads.py": source})
    build(config, tmp_path / "site")
    page = article(tmp_path / "site", "examples/demo/threads")
    assert f"threads: 1 nice: {min(os.nice(0) + 10, 19)}" in page
    if group.exists():
        assert re.search(r"/autogroup-\d+ nice 10", page)


def test_recorded_reads_leave_out_the_environment(tmp_path: Path) -> None:
    """The lock stands for the environment's files; recording thousands cost builds seconds."""
    script = f"""
import sys
sys.path.insert(0, {str(HOOKS)!r})
from build_inputs import record_reads
sys.prefix = {str(tmp_path / "env")!r}
reads = record_reads({str(tmp_path)!r})
for name in ("env/site.py", "data.csv"):
    open({str(tmp_path)!r} + "/" + name).close()
print(sorted(reads))
"""
    (tmp_path / "env").mkdir()
    (tmp_path / "env" / "site.py").write_text("")
    (tmp_path / "data.csv").write_text("a\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == str([str(tmp_path / "data.csv")])
