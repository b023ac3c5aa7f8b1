"""The rounds as data (docs/_data/): rubrics and phase plans are one source, every
rubric or plan a page shows is rendered from it, and every prompt the mock page
can draw links to a page that exists."""

import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from guide.rounds import DATA_DIR, LEVELS, ROUND_IDS, RoundDataError, load_rounds

ROUNDS = load_rounds()
MOCK_PAGE = "practice/mock/index.html"
# Where each rubric is shown: the area overviews and the self-assessment page.
RUBRICS_ON = {
    "applied-ml/index.html": ["laptop"],
    "system-design/index.html": ["system_design"],
    "coding/index.html": ["coding"],
    "communication/index.html": ["communication"],
    "process/self-assessment/index.html": ["laptop", "system_design", "coding", "communication"],
}


class _Tables(HTMLParser):
    """Every table in a page: its header cells, its rows, and the round of the
    data-rubric-of / data-round-plan-of wrapper it sits in, if any."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self._wrappers: list[str | None] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "div":
            self._wrappers.append(values.get("data-rubric-of") or values.get("data-round-plan-of"))
        elif tag == "table":
            owner = next((w for w in reversed(self._wrappers) if w), None)
            self.tables.append({"owner": owner, "head": [], "rows": []})
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr" and self.tables:
            self._row = []
        elif tag in ("th", "td") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._wrappers:
            self._wrappers.pop()
        elif tag == "thead":
            self._in_head = False
        elif tag in ("th", "td") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[-1]["head" if self._in_head else "rows"].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables_of(html: str) -> list[dict]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def kind_of(table: dict) -> str | None:
    """'rubric' or 'plan' for a table that shows one, by its header; else None."""
    head = " ".join(cell.lower() for row in table["head"] for cell in row)
    if "weak" in head and "strong" in head:
        return "rubric"
    if "what you do" in head and re.search(r"\bminutes\b|-minute session", head):
        return "plan"
    return None


def not_from_data(html: str) -> list[str]:
    """The rubric and plan tables of a page that differ from docs/_data, described."""
    wrong = []
    for table in tables_of(html):
        kind = kind_of(table)
        if kind is None:
            continue
        round_ = ROUNDS.get(table["owner"] or "")
        if round_ is None:
            wrong.append(f"a {kind} table not rendered from docs/_data: {table['head']}")
            continue
        if kind == "rubric":
            expected = [[c.name, *(getattr(c, level) for level in LEVELS)] for c in round_.criteria]
            shown = [[row[0].split(" Practise:")[0], *row[1:]] for row in table["rows"]]
        else:
            expected = [f"{p.name}: {p.do} By then: {p.checkpoint}" for p in round_.phases]
            shown = [row[-1] for row in table["rows"]]
        if shown != expected:
            wrong.append(f"the {round_.id} {kind} differs from docs/_data")
    return wrong


def test_every_rubric_and_plan_table_is_rendered_from_the_data(built_site: Path) -> None:
    offenders = {
        str(page.relative_to(built_site)): wrong
        for page in sorted(built_site.rglob("*.html"))
        if (wrong := not_from_data(page.read_text(encoding="utf-8")))
    }
    assert not offenders
    for page, rounds in RUBRICS_ON.items():
        tables = tables_of((built_site / page).read_text(encoding="utf-8"))
        assert [t["owner"] for t in tables if kind_of(t) == "rubric"] == rounds, page


def test_a_hand_written_or_stale_rubric_is_caught(built_site: Path) -> None:
    head = "".join(f"<th>{name}</th>" for name in ("area", "weak", "solid", "strong"))
    hand_written = f"<table><thead><tr>{head}</tr></thead></table>"
    assert not_from_data(hand_written) == [
        "a rubric table not rendered from docs/_data: [['area', 'weak', 'solid', 'strong']]"
    ]
    page = (built_site / "coding/index.html").read_text(encoding="utf-8")
    stale = page.replace(ROUNDS["coding"].criteria[0].strong, "Asks a question.")
    assert not_from_data(stale) == ["the coding rubric differs from docs/_data"]
    moved = page.replace(ROUNDS["coding"].phases[0].checkpoint, "Whenever.")
    assert not_from_data(moved) == ["the coding plan differs from docs/_data"]


def test_rubrics_have_the_shared_shape() -> None:
    # The contract other branches read (the laptop kit's grader among them).
    data = yaml.safe_load((DATA_DIR / "rubrics.yml").read_text(encoding="utf-8"))
    assert list(data["rounds"]) == list(ROUND_IDS)
    for round_ in data["rounds"].values():
        assert set(round_) == {"title", "minutes", "criteria"}
        for criterion in round_["criteria"]:
            assert set(criterion) == {"id", "name", "weak", "acceptable", "strong", "trains"}
            assert all(path.endswith((".md", ".py")) for path in criterion["trains"])


@pytest.mark.parametrize("round_id", ROUND_IDS)
def test_every_checkpoint_falls_inside_its_round(round_id: str) -> None:
    round_ = ROUNDS[round_id]
    checkpoints = round_.checkpoints()
    assert all(0 < minute <= round_.minutes for minute in checkpoints)
    assert checkpoints == sorted(set(checkpoints)), "checkpoints must strictly increase"
    assert checkpoints[-1] == round_.minutes, "the last phase ends when the round does"
    if round_.long_session:
        assert sum(phase.long for phase in round_.phases) == round_.long_session


def broken_copy(tmp_path: Path, file: str, edit: str, replacement: str) -> Path:
    for name in ("rubrics.yml", "rounds.yml"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    text = (tmp_path / file).read_text(encoding="utf-8")
    assert edit in text
    (tmp_path / file).write_text(text.replace(edit, replacement, 1), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("file", "edit", "replacement", "message"),
    [
        (
            "rounds.yml",
            "        minutes: 15\n",
            "        minutes: 16\n",
            "rounds.coding.phases: the phases' minutes add up to 46, not 45",
        ),
        (
            "rubrics.yml",
            "        acceptable: Restates the prompt",
            "        fine: Restates the prompt",
            "rounds.coding.criteria[0]: missing ['acceptable'], unknown ['fine']",
        ),
        (
            "rubrics.yml",
            "  system_design:\n",
            "  design:\n",
            "'rounds' must have exactly",
        ),
        (
            "rounds.yml",
            "        long: 7\n",
            "        long: seven\n",
            "rounds.laptop.phases[0].long: expected a positive whole number of minutes",
        ),
    ],
)
def test_a_mistake_in_the_data_is_named(
    tmp_path: Path, file: str, edit: str, replacement: str, message: str
) -> None:
    with pytest.raises(RoundDataError) as error:
        load_rounds(broken_copy(tmp_path, file, edit, replacement))
    assert file in str(error.value)
    assert message in str(error.value)


def mock_data(built_site: Path) -> dict:
    page = (built_site / MOCK_PAGE).read_text(encoding="utf-8")
    found = re.search(r'<div class="mock" [^>]*data-rounds="([^"]*)"', page)
    assert found, "the mock page has no data"
    return json.loads(html.unescape(found[1]))


def test_every_prompt_the_mock_draws_links_to_a_page_that_exists(built_site: Path) -> None:
    base = "http://site.invalid/" + MOCK_PAGE
    page_html = (built_site / MOCK_PAGE).read_text(encoding="utf-8")

    def exists(href: str) -> bool:
        path = urlsplit(urljoin(base, href)).path.lstrip("/")
        return (built_site / path / "index.html").is_file()

    data = mock_data(built_site)
    assert [r["id"] for r in data["rounds"]] == list(ROUND_IDS)
    for round_ in data["rounds"]:
        prompts = round_["prompts"]
        assert len(prompts) >= 4, round_["id"]  # enough that a draw is a surprise
        assert len({p["id"] for p in prompts}) == len(prompts)
        for prompt in prompts:
            assert prompt["html"].strip() and prompt["title"], prompt["id"]
            assert exists(prompt["page"]["href"]), prompt
            if prompt["exercise"]:
                assert f'data-exercise="{prompt["exercise"]}"' in page_html, prompt
        for criterion in round_["criteria"]:
            assert all(exists(link["href"]) for link in criterion["trains"]), criterion["id"]
    coding = {p["id"]: p["exercise"] for p in data["rounds"][0]["prompts"]}
    assert all(coding.values()), "every coding prompt opens with its exercise"
    # Every coding page with an exercise is drawable.
    docs = DATA_DIR.parent
    with_exercise = {
        page.relative_to(docs).as_posix()
        for page in (docs / "coding").glob("*.md")
        if "<div data-exercise=" in page.read_text(encoding="utf-8")
    }
    assert set(coding) == with_exercise


def test_the_data_stays_out_of_the_site(built_site: Path) -> None:
    assert not (built_site / "_data").exists()
