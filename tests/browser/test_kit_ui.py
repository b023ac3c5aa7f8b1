"""The kit widget in a real browser: a practice kit as a multi-file exercise.

Every wait is on an explicit signal the widget sets: `data-editor="ready"` once
CodeMirror is mounted, `data-state` (idle, loading, ready, running) and
`data-result` (passed, failed, error, stopped, timeout) after each action.
"""

import io
import json
import zipfile
from pathlib import Path

from playwright.sync_api import Locator, Page, expect
from roundkit import grade_folder, kits

PYTHON_START = 60_000  # ms: Pyodide's first start on a slow, busy machine
ROUNDS = kits.ROUNDS
PAYOUTS = kits.find_task("integration", "payout-reconciliation")
LEDGER = kits.find_task("bugsquash", "merchant-ledger")
# The reference solution of the payouts kit: the files it replaces, by path in the kit.
PAYOUTS_REFERENCE = {
    "client.py": ROUNDS / "integration" / "common" / "reference" / "client.py",
    "reconcile.py": PAYOUTS.folder / "reference" / "reconcile.py",
    "report.py": PAYOUTS.folder / "reference" / "report.py",
}
# A bug a reader might write: on a 429 it waits for ever and never asks again.
SENT = "        response = self.transport.send(method, target, headers, body)\n"
HANGS = SENT + "        while response.status == 429:\n            self.sleep(1)\n"


def kit_on(page: Page, path: str) -> Locator:
    page.goto(path)
    kit = page.locator("section.kit")
    kit.scroll_into_view_if_needed()
    expect(kit).to_have_attribute("data-editor", "ready")
    expect(kit).to_have_attribute("data-state", "ready", timeout=PYTHON_START)
    return kit


def open_file(kit: Locator, path: str) -> None:
    kit.locator(f'[data-file="{path}"]').click()
    expect(kit.locator(".kit__path code")).to_have_text(path)


def type_file(kit: Locator, path: str, text: str) -> None:
    open_file(kit, path)
    kit.locator(".cm-content").fill(text)
    assert file_text(kit, path) == text


def file_text(kit: Locator, path: str) -> str:
    return kit.evaluate("(el, path) => el.kitWidget.currentFiles()[path]", path)


def press(kit: Locator, action: str, result: str, timeout: float = 30_000) -> None:
    kit.locator(f"[data-action={action}]").click()
    expect(kit).to_have_attribute("data-result", result, timeout=timeout)
    expect(kit).to_have_attribute("data-state", "ready", timeout=PYTHON_START)


def practice_state(page: Page, kit: str) -> Locator:
    """The Practice page's state cell for this kit."""
    return page.locator(f'td[data-practice="kit"][data-name="{kit}"]')


def test_solve_an_integration_kit_file_by_file(page: Page, tmp_path: Path) -> None:
    kit = kit_on(page, "practice/rounds/payout-reconciliation/")
    status = kit.locator(".exercise__status")
    walkthrough = page.locator("details.walkthrough")
    expect(walkthrough).to_be_hidden()
    press(kit, "check", "failed")
    expect(status).to_contain_text("0 of 5 parts pass. First failure: part 1")
    fresh = file_text(kit, "client.py")

    for path, source in PAYOUTS_REFERENCE.items():
        type_file(kit, path, source.read_text())
    press(kit, "run", "passed")
    press(kit, "check", "passed")
    expect(status).to_contain_text("5 of 5 parts pass.")
    expect(kit.locator(".exercise__result--passed")).to_have_count(5)
    expect(walkthrough).to_be_visible()

    # Download: the whole kit as the reader has it, ready for `rounds.py grade`.
    with page.expect_download() as download:
        kit.locator("[data-action=download]").click()
    archive = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
    archive.extractall(tmp_path)
    folder = tmp_path / PAYOUTS.name
    assert (folder / "client.py").read_text() == PAYOUTS_REFERENCE["client.py"].read_text()
    assert (folder / "sandbox" / "server.py").is_file(), "the kit's sandbox runs locally"
    assert json.loads((folder / "round.json").read_text())["task"] == PAYOUTS.name
    assert grade_folder(folder).complete

    # Reload: every edited file is kept, and marked; Reset restores one, after asking.
    page.reload()
    kit = kit_on(page, "practice/rounds/payout-reconciliation/")
    for path, source in PAYOUTS_REFERENCE.items():
        expect(kit.locator(f'[data-file="{path}"]')).to_have_attribute("data-edited", "1")
        assert file_text(kit, path) == source.read_text()
    expect(page.locator("details.walkthrough")).to_be_visible()  # passed once, open for good
    open_file(kit, "client.py")
    page.once("dialog", lambda dialog: dialog.dismiss())
    kit.locator("[data-action=reset]").click()
    assert file_text(kit, "client.py") == PAYOUTS_REFERENCE["client.py"].read_text()
    page.once("dialog", lambda dialog: dialog.accept())
    kit.locator("[data-action=reset]").click()
    expect(kit.locator('[data-file="client.py"]')).not_to_have_attribute("data-edited", "1")
    assert file_text(kit, "client.py") == fresh

    page.goto("practice/")  # passed once, passed for good
    expect(practice_state(page, PAYOUTS.name)).to_have_text("Passed")


def test_stop_ends_a_hung_request_loop(page: Page) -> None:
    kit = kit_on(page, "practice/rounds/payout-reconciliation/")
    client = file_text(kit, "client.py")
    assert SENT in client
    type_file(kit, "client.py", client.replace(SENT, HANGS))
    kit.locator("[data-action=run]").click()
    expect(kit).to_have_attribute("data-state", "running")
    kit.locator("[data-action=stop]").click()
    expect(kit).to_have_attribute("data-result", "stopped")
    expect(kit.locator(".exercise__status")).to_contain_text("You stopped your code")
    # A fresh Python, and the reader's file as they left it.
    expect(kit).to_have_attribute("data-state", "ready", timeout=PYTHON_START)
    assert HANGS in file_text(kit, "client.py")


def test_a_bugsquash_fix_without_a_reproducing_test_is_incomplete(page: Page) -> None:
    kit = kit_on(page, "practice/rounds/merchant-ledger/")
    walkthrough = page.locator("details.walkthrough")
    kit.locator("[data-action=walkthrough]").click()
    expect(kit.locator(".exercise__status")).to_contain_text("Press Walkthrough again")
    expect(walkthrough).to_be_hidden()

    fixed = LEDGER.folder / "reference" / "ledger" / "pricing.py"
    type_file(kit, "ledger/pricing.py", fixed.read_text())
    press(kit, "check", "failed")
    expect(kit.locator(".exercise__status")).to_contain_text("2 of 3 parts pass")
    expect(kit.locator(".exercise__status")).to_contain_text("Incomplete: the fix has no test")
    expect(kit.locator(".exercise__result--failed").first).to_contain_text("Reproduced")

    kit.locator("[data-action=walkthrough]").click()
    expect(walkthrough).to_be_visible()

    page.goto("practice/")
    expect(practice_state(page, LEDGER.name)).to_have_text("In progress")
    expect(practice_state(page, PAYOUTS.name)).to_have_text("Not started")


def test_without_storage_a_kit_still_checks_and_says_so_once(page: Page) -> None:
    page.add_init_script(
        "Storage.prototype.setItem = function () {"
        " throw new DOMException('the quota is used up', 'QuotaExceededError'); };"
    )
    kit = kit_on(page, "practice/rounds/payout-reconciliation/")
    note = kit.locator(".exercise__storage")
    expect(note).to_be_hidden()
    type_file(kit, "client.py", PAYOUTS_REFERENCE["client.py"].read_text())
    type_file(kit, "reconcile.py", "# my attempt\n")
    expect(note).to_be_visible()
    expect(note).to_contain_text("press Download .zip before you go")
    expect(page.locator(".exercise__storage:visible")).to_have_count(1)
    press(kit, "check", "failed")
    expect(kit.locator(".exercise__status")).to_contain_text("of 5 parts pass")
