"""Every walkthrough opens with an answer a candidate can say out loud in 90 seconds."""

from html.parser import HTMLParser
from pathlib import Path

import pytest

HEADING = "The answer in 90 seconds"
SPOKEN_WORDS = range(150, 251)  # about 90 seconds at a calm speaking pace
WALKTHROUGHS = [
    "applied-ml/pneumonia-precision-recall",
    "applied-ml/fraud-accuracy-vs-f1",
    "system-design/apple-card-fraud",
    "system-design/radar-backend",
    "system-design/credit-limits",
    "system-design/marketplace-recommendations",
]


class _Sections(HTMLParser):
    """The page's h2 sections, in order: (heading, words of text until the next h2)."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[tuple[str, int]] = []
        self._heading: list[str] | None = None
        self._in_permalink = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h2":
            self._heading = []
        elif tag == "a" and self._heading is not None and ("class", "headerlink") in attrs:
            self._in_permalink = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._in_permalink = False
        elif tag == "h2" and self._heading is not None:
            self.sections.append(("".join(self._heading).strip(), 0))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            if not self._in_permalink:
                self._heading.append(data)
        elif self.sections:
            heading, words = self.sections[-1]
            self.sections[-1] = (heading, words + len(data.split()))


def spoken_answer_problems(html: str) -> list[str]:
    """What is wrong with a page's 90-second answer; empty when nothing is."""
    parser = _Sections()
    parser.feed(html)
    headings = [heading for heading, _ in parser.sections]
    if HEADING not in headings:
        return [f"no section headed {HEADING!r}"]
    problems = []
    if headings[0] != HEADING:
        problems.append(f"{HEADING!r} is not the first section (first: {headings[0]!r})")
    words = dict(parser.sections)[HEADING]
    if words not in SPOKEN_WORDS:
        problems.append(f"{words} words, not {SPOKEN_WORDS.start}-{SPOKEN_WORDS.stop - 1}")
    return problems


@pytest.mark.parametrize("page", WALKTHROUGHS)
def test_walkthrough_opens_with_a_spoken_answer(built_site: Path, page: str) -> None:
    html = (built_site / page / "index.html").read_text(encoding="utf-8")
    assert spoken_answer_problems(html) == []


def test_a_missing_misplaced_or_long_answer_is_reported() -> None:
    body = " ".join(["word"] * 200)
    good = (
        f'<h2 id="a">{HEADING}<a class="headerlink" href="#a">¶</a></h2><p>{body}</p><h2>Next</h2>'
    )
    assert spoken_answer_problems(good) == []
    assert spoken_answer_problems(f"<h2>Other</h2><p>{body}</p>") == [
        f"no section headed {HEADING!r}"
    ]
    assert spoken_answer_problems(f"<h2>Other</h2>{good}") == [
        f"{HEADING!r} is not the first section (first: 'Other')"
    ]
    long = good.replace(body, body + " more" * 60)
    assert spoken_answer_problems(long) == ["260 words, not 150-250"]
