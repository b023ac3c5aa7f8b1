"""The kits hook: each kit's data for its page, and the build failing on an unknown kit."""

import json
from pathlib import Path

from roundkit import kit_files, kits
from support import ROOT, build_site

HOOKS = ROOT / "overrides" / "hooks"
PAYOUTS = kits.find_task("integration", "payout-reconciliation")


def child_site(tmp_path: Path, page: str) -> tuple[Path, object]:
    """Build a one-page site with the kits hook; returns its folder and the build's result."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(page)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: t\ndocs_dir: {docs}\nplugins: [search]\nhooks: [{HOOKS / 'kits.py'}]\n"
    )
    site = tmp_path / "site"
    return site, build_site(site, config)


def test_an_unknown_kit_fails_the_build_naming_page_and_kit(tmp_path: Path) -> None:
    _, result = child_site(tmp_path, '# Home\n\n<div data-kit="no-such-kit"></div>\n')
    assert result.returncode != 0
    assert "index.md: unknown kit 'no-such-kit'" in result.stderr


def test_a_kit_page_gets_its_files_and_only_it_loads_the_widget(tmp_path: Path) -> None:
    site, result = child_site(tmp_path, '# Home\n\n<div data-kit="payout-reconciliation"></div>\n')
    assert result.returncode == 0, result.stderr
    page = (site / "index.html").read_text()
    assert 'data-kit="payout-reconciliation"' in page
    assert page.count("assets/kit/kit-widget.js") == 1
    data = json.loads((site / "assets" / "kits" / "payout-reconciliation.json").read_text())
    files = {file["path"]: file for file in data["files"]}
    # Every file of a new kit, for the download; all but its sandbox go to Python.
    assert {path: file["text"] for path, file in files.items()} == kit_files(PAYOUTS)
    assert not [p for p, file in files.items() if file["listed"] == p.startswith("sandbox/")]
    assert data["files"][0]["path"] == "README.md" and data["kind"] == "integration"
    assert len(data["parts"]) == len(PAYOUTS.meta["parts"]) and data["hash"]
    # The hidden tests reach the browser in the wheel, not in the page or its data.
    hidden = (PAYOUTS.folder / "hidden" / "test_part1_pagination.py").read_text()
    first_test = next(line for line in hidden.splitlines() if line.strip().startswith("def test"))
    assert first_test not in page and first_test not in json.dumps(data)
