"""The kits hook: each kit's data for its page, and the build failing on an unknown kit."""

import json
import re
from pathlib import Path

from roundkit import KINDS, kit_files, kits
from support import one_page_site

PAYOUTS = kits.find_task("integration", "payout-reconciliation")


def test_an_unknown_kit_fails_the_build_naming_page_and_kit(tmp_path: Path) -> None:
    _, result = one_page_site(tmp_path, '<div data-kit="no-such-kit"></div>', "kits.py")
    assert result.returncode != 0
    assert "index.md: unknown kit 'no-such-kit'" in result.stderr


def test_a_kit_page_gets_its_files_and_only_it_loads_the_widget(tmp_path: Path) -> None:
    site, result = one_page_site(
        tmp_path, '<div data-kit="payout-reconciliation"></div>', "kits.py"
    )
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


def test_the_kit_list_shows_every_kit_with_a_state_cell(tmp_path: Path) -> None:
    body = '<div data-kit-list></div>\n\n<div data-kit="payout-reconciliation"></div>'
    site, result = one_page_site(tmp_path, body, "kits.py")
    assert result.returncode == 0, result.stderr
    page = (site / "index.html").read_text()
    cells = re.findall(
        r'<td data-practice="kit" data-name="([^"]+)" data-hash="(\w+)">Not started</td>', page
    )
    assert [name for name, _ in cells] == [name for kind in KINDS for name in kits.tasks(kind)]
    data = json.loads((site / "assets" / "kits" / "payout-reconciliation.json").read_text())
    assert dict(cells)["payout-reconciliation"] == data["hash"]  # the key its edits are saved under
    assert "<td>Integration round. Match every payout" in page
    assert "<td>Bug squash round. A ledger" in page
    assert '<a href="./">Payout reconciliation</a>' in page  # linked to the page embedding it
    assert "<td>Merchant ledger</td>" in page  # embedded nowhere here: not linked
