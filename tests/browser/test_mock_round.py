"""The mock-round page in a real browser (Playwright, Debian's Chromium).

Time is Playwright's fake clock (`page.clock`): paused, and moved forward by the
test, so no test waits on the real clock. Every other wait is on something the
page shows.
"""

import datetime
import json
import re
from pathlib import Path

import pytest
from guide.rounds import ROUND_IDS, load_rounds
from playwright.sync_api import Locator, Page, expect
from test_exercise_ui import EXERCISES, PYTHON_START, TOKEN_BUCKET_CHECKS, press, set_code
from test_site_quality import axe_violations

ROUNDS = load_rounds()
T0 = datetime.datetime(2025, 3, 4, 9, 0)
PAUSED_AT = T0 + datetime.timedelta(minutes=10)  # well after any page load's real seconds


def open_mock(page: Page) -> Page:
    page.clock.install(time=T0)
    page.goto("practice/mock/")
    page.clock.pause_at(PAUSED_AT)
    expect(page.locator("[data-mock-root]")).to_have_attribute("data-state", "choose")
    return page


def choose(page: Page, round_id: str) -> str:
    """Choose a round (its prompt is drawn); return the prompt's title."""
    page.get_by_role("radio", name=re.compile(f"^{re.escape(ROUNDS[round_id].title)}")).check()
    expect(page.get_by_role("timer")).to_have_text(f"{ROUNDS[round_id].minutes}:00")
    return page.locator(".mock__prompt-page a").text_content() or ""


def prompt_titles(page: Page, round_id: str) -> list[str]:
    data = json.loads(page.locator("[data-mock-root]").get_attribute("data-rounds") or "")
    round_ = next(r for r in data["rounds"] if r["id"] == round_id)
    return [p["page"]["title"] for p in round_["prompts"]]


def score(page: Page, level: int | None = None) -> None:
    """Score every criterion: `level` (1-3) for all, or 1, 2, 3, 1... in turn."""
    for i, criterion in enumerate(page.locator(".mock__criterion").all()):
        criterion.get_by_role("radio").nth((level or i % 3 + 1) - 1).check()
    page.get_by_role("button", name="Save the attempt").click()
    expect(page.locator(".mock__result")).to_be_visible()


def stored_history(page: Page) -> list[dict]:
    return json.loads(page.evaluate("localStorage.getItem('mock:history')") or "[]")


def test_a_design_mock_keeps_time_through_reload_and_navigation(page: Page, tmp_path: Path) -> None:
    open_mock(page)
    expect(page.locator(".mock__storage")).to_be_hidden()  # storage works here
    choose(page, "system_design")
    timer = page.get_by_role("timer")
    expect(timer).to_have_attribute("aria-label", "Time left")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("button", name="Start")).to_be_disabled()

    page.clock.fast_forward("04:00")
    expect(timer).to_have_text("41:00")
    expect(page.locator(".mock__phase")).to_contain_text("Phase 1 of 6: Clarify")
    page.clock.fast_forward("01:00")
    expect(timer).to_have_text("40:00")
    first = ROUNDS["system_design"].phases[0]
    expect(page.get_by_role("status").filter(has_text="Checkpoint")).to_contain_text(
        f"Checkpoint, minute 5: {first.checkpoint}"
    )
    page.get_by_label("Notes", exact=True).fill("Forgot to ask about label delay.")

    # A reload: the clock kept counting from the wall clock, and the notes are kept.
    page.reload()
    page.clock.fast_forward("02:00")
    expect(timer).to_have_text("38:00")
    expect(page.get_by_label("Notes", exact=True)).to_have_value("Forgot to ask about label delay.")

    # Instant navigation away and back (the same document: no reload), 10 minutes apart.
    page.evaluate("window.stillTheSameDocument = true")
    page.locator(".md-tabs").get_by_role("link", name="Datasets").click()
    expect(page.locator("article h1")).to_contain_text("Datasets")
    page.clock.fast_forward("10:00")
    page.go_back()
    page.clock.run_for(100)  # Material's navigation waits on a timer of its own
    expect(timer).to_have_text("28:00")
    assert page.evaluate("window.stillTheSameDocument") is True
    expect(page.locator(".mock__phase")).to_contain_text("Phase 3 of 6: Data and features")

    # Pause: the clock stops; Resume: it goes on from there.
    page.get_by_role("button", name="Pause").click()
    page.clock.fast_forward("05:00")
    expect(timer).to_have_text("28:00")
    page.get_by_role("button", name="Resume").click()
    page.clock.fast_forward("03:00")
    expect(timer).to_have_text("25:00")

    page.get_by_role("button", name="Finish").click()
    expect(page.get_by_role("heading", name="Score yourself")).to_be_focused()
    score(page)
    result = page.locator(".mock__result")
    expect(result).to_contain_text("of 27")
    expect(result).to_contain_text("in 20:00 of 45:00")
    expect(result.get_by_role("link").first).to_be_visible()  # pages that train the weakest
    history = page.locator(".mock__record")
    expect(history).to_have_count(1)
    expect(history).to_contain_text("ML system design")
    expect(history).to_contain_text("20:00 of 45:00")
    expect(page.locator(".mock-trend")).to_contain_text("ML system design: 1 attempt")
    saved = stored_history(page)
    assert saved[0]["notes"] == "Forgot to ask about label delay."

    # Export both ways, delete, import: the attempt is back, identical.
    with page.expect_download() as markdown:
        page.get_by_role("button", name="Export Markdown").click()
    text = Path(markdown.value.path()).read_text(encoding="utf-8")
    assert "· ML system design ·" in text
    assert "> Forgot to ask about label delay." in text
    with page.expect_download() as exported:
        page.get_by_role("button", name="Export JSON").click()
    backup = tmp_path / "history.json"
    exported.value.save_as(backup)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete all").click()
    expect(history).to_have_count(0)
    assert stored_history(page) == []
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import JSON").click()
    chooser.value.set_files(backup)
    expect(page.locator(".mock__history-status")).to_have_text("Imported 1 attempt.")
    expect(history).to_have_count(1)
    assert stored_history(page) == saved


def test_a_damaged_import_is_refused_and_loses_nothing(page: Page, tmp_path: Path) -> None:
    open_mock(page)
    choose(page, "communication")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Finish").click()
    score(page, level=2)
    before = stored_history(page)
    damaged = tmp_path / "damaged.json"
    export = {"format": "stripe-mle-guide/mock-history", "version": 1, "attempts": [{"id": "x"}]}
    damaged.write_text(json.dumps(export))
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import JSON").click()
    chooser.value.set_files(damaged)
    expect(page.locator(".mock__history-status")).to_have_text(
        "Attempt 1 in that file is incomplete or damaged, so nothing was imported."
    )
    assert stored_history(page) == before


@pytest.mark.parametrize("round_id", ROUND_IDS)
def test_a_full_mock_of_each_round_on_a_drawn_prompt(page: Page, round_id: str) -> None:
    open_mock(page)
    title = choose(page, round_id)
    assert title in prompt_titles(page, round_id)
    page.get_by_label("Chime at each checkpoint").check()
    page.get_by_role("button", name="Start").click()
    status = page.locator(".mock__cue")
    round_ = ROUNDS[round_id]
    minute = 0
    for phase, end in list(zip(round_.phases, round_.checkpoints(), strict=True))[:-1]:
        page.clock.fast_forward(f"{end - minute:02d}:00")
        minute = end
        expect(status).to_contain_text(f"Checkpoint, minute {end}: {phase.checkpoint}")
        expect(page.locator("[data-mock-root]")).to_have_attribute("data-cue", "on")
    page.clock.fast_forward(f"{round_.minutes - minute:02d}:00")
    expect(status).to_have_text("Time is up. Score yourself below while it is fresh.")
    expect(page.locator(".mock__criterion")).to_have_count(len(round_.criteria))
    score(page, level=3)
    expect(page.locator(".mock__result")).to_contain_text("Every criterion strong")
    record = page.locator(".mock__record")
    expect(record).to_contain_text(f"{round_.minutes}:00 of {round_.minutes}:00 (time ran out)")
    assert stored_history(page)[0]["round"] == round_id


def test_the_draw_prefers_prompts_not_drawn_before(page: Page) -> None:
    open_mock(page)
    titles = prompt_titles(page, "system_design")
    drawn = [choose(page, "system_design")]
    for _ in titles[1:]:
        page.get_by_role("button", name="Draw another").click()
        drawn.append(page.locator(".mock__prompt-page a").text_content())
    assert sorted(drawn) == sorted(titles)
    # All drawn: the one drawn longest ago comes back, so the order repeats.
    for title in drawn[:3]:
        page.get_by_role("button", name="Draw another").click()
        expect(page.locator(".mock__prompt-page a")).to_have_text(title)
    page.get_by_label("Or pick one").select_option(label=drawn[2])
    expect(page.locator(".mock__prompt-page a")).to_have_text(drawn[2])


def test_the_page_works_when_storage_refuses_writes(page: Page) -> None:
    page.add_init_script(
        "Storage.prototype.setItem = () => {"
        " throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };"
    )
    open_mock(page)
    notice = page.locator(".mock__storage")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("History cannot be kept in this browser")
    choose(page, "laptop")
    page.get_by_role("button", name="Start").click()
    page.clock.fast_forward("30:00")
    expect(page.get_by_role("timer")).to_have_text("30:00")
    page.get_by_role("button", name="Finish").click()
    score(page, level=1)
    expect(page.locator(".mock__result")).to_contain_text("Weakest")
    expect(page.locator(".mock__record")).to_have_count(1)


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab until `target` has focus, as a keyboard-only reader would."""
    for _ in range(150):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target}")


def test_a_whole_mock_by_keyboard_alone(page: Page) -> None:
    open_mock(page)
    tab_to(page, page.locator("input[name=mock-round][value=coding]"))
    page.keyboard.press("ArrowDown")  # moves to, and chooses, the next round
    expect(page.get_by_role("timer")).to_have_text(f"{ROUNDS['laptop'].minutes}:00")
    tab_to(page, page.get_by_role("button", name="Start"))
    page.keyboard.press("Enter")
    page.clock.fast_forward("10:00")
    tab_to(page, page.get_by_role("button", name="Finish"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Score yourself")).to_be_focused()
    for criterion in page.locator(".mock__criterion").all():
        tab_to(page, criterion.get_by_role("radio").first)
        page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Save the attempt"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your result")).to_be_focused()
    expect(page.locator(".mock__record")).to_have_count(1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_in_any_state(page: Page, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    open_mock(page)
    page.clock.resume()  # axe waits on timers of its own
    assert axe_violations(page) == [], "choose"
    choose(page, "system_design")
    page.get_by_role("button", name="Start").click()
    page.clock.fast_forward("05:00")
    expect(page.locator("[data-mock-root]")).to_have_attribute("data-cue", "on")
    assert axe_violations(page) == [], "running, at a checkpoint"
    page.get_by_role("button", name="Finish").click()
    page.locator(".mock__criterion").first.get_by_role("radio").first.check()
    assert axe_violations(page) == [], "scoring"
    score(page)
    page.get_by_role("button", name="Start another mock").click()
    choose(page, "system_design")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Finish").click()
    score(page, level=3)
    page.locator(".mock__record details").first.click()
    expect(page.locator(".mock-trend svg")).to_have_count(1)
    assert axe_violations(page) == [], "result and history"


def test_a_coding_mock_records_the_exercise_checks(page: Page) -> None:
    # Real time here: Pyodide starts on its own timers.
    page.goto("practice/mock/")
    choose(page, "coding")
    page.get_by_label("Or pick one").select_option(label="Token-bucket rate limiter")
    widget = page.locator(".mock__exercise:not([hidden]) section.exercise")
    expect(widget).to_have_attribute("data-exercise", "token-bucket")
    page.get_by_role("button", name="Start").click()
    widget.scroll_into_view_if_needed()
    expect(widget).to_have_attribute("data-editor", "ready")
    expect(widget).to_have_attribute("data-state", "ready", timeout=PYTHON_START)
    checks = page.locator(".mock__checks")
    expect(checks).to_contain_text("no Check yet")
    press(widget, "check", "failed")
    expect(checks).to_have_text(
        re.compile(rf"^Exercise: 0 of {TOKEN_BUCKET_CHECKS} checks passed at the last Check")
    )
    set_code(widget, (EXERCISES / "token-bucket" / "solution.py").read_text())
    press(widget, "check", "passed")
    expect(checks).to_have_text(
        re.compile(rf"^Exercise: all {TOKEN_BUCKET_CHECKS} checks passed at \d+:\d\d\.$")
    )
    page.get_by_role("button", name="Finish").click()
    score(page, level=2)
    expect(page.locator(".mock__result")).to_contain_text(
        f"Exercise: all {TOKEN_BUCKET_CHECKS} checks passed"
    )
    attempt = stored_history(page)[0]
    assert attempt["check"]["passed"] == attempt["check"]["total"] == TOKEN_BUCKET_CHECKS
    assert attempt["allPassedAtSeconds"] is not None
