"""Checks for the http-header exercise: public ones first, then hidden edge cases."""

import random
import re

from exercise_harness import Checks, Trial

checks = Checks()

NEXT = "https://api.example.com/v1/charges?page=3"
PREV = "https://api.example.com/v1/charges?page=1"


def parse(t: Trial, header: str) -> list[tuple[str, dict[str, str]]]:
    """The reader's parse, normalised to plain tuples and dicts so it compares."""
    return [(url, dict(params)) for url, params in t.code("parse_link_header")(header)]


def parse_outcome(t: Trial, header: str) -> object:
    try:
        return parse(t, header)
    except ValueError as error:
        return f"raises {type(error).__name__}"


def malformed(t: Trial, header: str) -> None:
    t.expect("raises LinkHeaderError")
    t.got(t.raises(lambda: parse(t, header)))


@checks.public("one link with a quoted rel", fed=f"'<{NEXT}>; rel=\"next\"'")
def one_link(t: Trial) -> None:
    t.expect([(NEXT, {"rel": "next"})])
    t.got(parse(t, f'<{NEXT}>; rel="next"'))


@checks.public(
    "commas and semicolons inside quotes do not split",
    fed=f'\'<{NEXT}>; rel="next"; title="a, b; c", <{PREV}>; rel=prev\'',
)
def quoted_separators(t: Trial) -> None:
    t.expect([(NEXT, {"rel": "next", "title": "a, b; c"}), (PREV, {"rel": "prev"})])
    t.got(parse(t, f'<{NEXT}>; rel="next"; title="a, b; c", <{PREV}>; rel=prev'))


@checks.public(
    "link_for_rel finds the next page",
    fed=f"link_for_rel('<{PREV}>; rel=prev, <{NEXT}>; rel=next', 'next')",
)
def find_next(t: Trial) -> None:
    t.expect(NEXT)
    t.got(t.code("link_for_rel")(f"<{PREV}>; rel=prev, <{NEXT}>; rel=next", "next"))


@checks.public("a link without rel is malformed", fed=f"'<{NEXT}>; title=\"no rel\"'")
def missing_rel(t: Trial) -> None:
    malformed(t, f'<{NEXT}>; title="no rel"')


@checks.hidden(
    "backslash escapes in a quoted string",
    fed=r"""'<a>; rel=next; title="say \"hi\" \\ bye"'""",
)
def escapes(t: Trial) -> None:
    t.expect([("a", {"rel": "next", "title": 'say "hi" \\ bye'})])
    t.got(parse(t, r'<a>; rel=next; title="say \"hi\" \\ bye"'))


@checks.hidden("an escaped comma stays inside its value", fed=r"""'<a>; rel="x\,y", <b>; rel=z'""")
def escaped_comma(t: Trial) -> None:
    t.expect([("a", {"rel": "x,y"}), ("b", {"rel": "z"})])
    t.got(parse(t, r'<a>; rel="x\,y", <b>; rel=z'))


@checks.hidden(
    "parameter names are case-insensitive; values keep their case",
    fed="'<a>; REL=Next; Title=\"Page Two\"'",
)
def name_case(t: Trial) -> None:
    t.expect([("a", {"rel": "Next", "title": "Page Two"})])
    t.got(parse(t, '<a>; REL=Next; Title="Page Two"'))


@checks.hidden(
    "spaces and tabs around ',', ';' and '='",
    fed="'  <a> \\t;\\trel = \"next\" ,<b>;rel=prev  '",
)
def optional_whitespace(t: Trial) -> None:
    t.expect([("a", {"rel": "next"}), ("b", {"rel": "prev"})])
    t.got(parse(t, '  <a> \t;\trel = "next" ,<b>;rel=prev  '))


@checks.hidden(
    "commas and semicolons inside the <url> do not split",
    fed="'<https://x.example/?a=1,2;b=3>; rel=next'",
)
def separators_in_url(t: Trial) -> None:
    t.expect([("https://x.example/?a=1,2;b=3", {"rel": "next"})])
    t.got(parse(t, "<https://x.example/?a=1,2;b=3>; rel=next"))


@checks.hidden("empty list elements are skipped", fed="', <a>; rel=x,, <b>; rel=y ,'")
def empty_elements(t: Trial) -> None:
    t.expect([("a", {"rel": "x"}), ("b", {"rel": "y"})])
    t.got(parse(t, ", <a>; rel=x,, <b>; rel=y ,"))


@checks.hidden("a repeated parameter keeps its first value", fed="'<a>; rel=next; rel=prev'")
def first_wins(t: Trial) -> None:
    t.expect([("a", {"rel": "next"})])
    t.got(parse(t, "<a>; rel=next; rel=prev"))


@checks.hidden(
    "a parameter without a value gets ''",
    fed="'<a>; rel=next; crossorigin'",
)
def bare_parameter(t: Trial) -> None:
    t.expect([("a", {"rel": "next", "crossorigin": ""})])
    t.got(parse(t, "<a>; rel=next; crossorigin"))


@checks.hidden("an empty quoted string is a value", fed="'<a>; rel=next; title=\"\"'")
def empty_quoted(t: Trial) -> None:
    t.expect([("a", {"rel": "next", "title": ""})])
    t.got(parse(t, '<a>; rel=next; title=""'))


@checks.hidden(
    "rel holds several types, compared case-insensitively",
    fed="link_for_rel('<a>; rel=next, <b>; rel=\"prev first\"', 'FIRST')",
)
def several_rels(t: Trial) -> None:
    t.expect("b")
    t.got(t.code("link_for_rel")('<a>; rel=next, <b>; rel="prev first"', "FIRST"))


@checks.hidden(
    "link_for_rel returns None when no link matches",
    fed="link_for_rel('<a>; rel=next', 'last')",
)
def no_match(t: Trial) -> None:
    t.expect(None)
    t.got(t.code("link_for_rel")("<a>; rel=next", "last"))


@checks.hidden(
    "link_for_rel does not match part of a type",
    fed="link_for_rel('<a>; rel=\"nextpage\"', 'next')",
)
def no_substring_match(t: Trial) -> None:
    t.expect(None)
    t.got(t.code("link_for_rel")('<a>; rel="nextpage"', "next"))


@checks.hidden(
    "link_for_rel on a malformed header raises", fed="link_for_rel('<a; rel=next', 'next')"
)
def find_malformed(t: Trial) -> None:
    t.expect("raises LinkHeaderError")
    t.got(t.raises(lambda: t.code("link_for_rel")("<a; rel=next", "next")))


MALFORMED = {
    "an empty header": "",
    "only spaces and commas": " , ,  ",
    "a URL without angle brackets": "https://x.example; rel=next",
    "a missing '>'": "<https://x.example; rel=next",
    "whitespace inside <url>": "<https://x.example/a b>; rel=next",
    "an unterminated quoted string": '<a>; rel="next',
    "a backslash at the very end": '<a>; rel="next\\',
    "an unquoted value with a space": "<a>; rel=next page",
    "text straight after a quoted string": '<a>; rel="next"x',
    "a parameter with no name": "<a>; =next",
    "a missing ';' before a parameter": "<a> rel=next",
    "a trailing ';'": "<a>; rel=next;",
    "a non-token character in a name": "<a>; r@l=x; rel=y",
    "a non-ASCII token": "<a>; rel=nëxt",
    "a newline between links": "<a>; rel=next,\n<b>; rel=prev",
    "a missing ',' between links": "<a>; rel=next <b>; rel=prev",
    "a control character inside quotes": '<a>; rel="ne\x01xt"',
}


def _malformed_check(label: str, header: str) -> None:
    @checks.hidden(f"malformed: {label}", fed=repr(header))
    def body(t: Trial) -> None:
        malformed(t, header)


for _label, _header in MALFORMED.items():
    _malformed_check(_label, _header)


@checks.hidden(
    "LinkHeaderError is a ValueError and says what went wrong",
    fed="'<a>; rel=\"next'",
)
def error_message(t: Trial) -> None:
    t.expect({"is a ValueError": True, "has a message": True})
    error_class = t.code("LinkHeaderError")
    try:
        parse(t, '<a>; rel="next')
    except error_class as error:
        t.got({"is a ValueError": isinstance(error, ValueError), "has a message": bool(str(error))})
    else:
        t.got("returned without raising")


# -- A property check: random headers built from a known list of links. -----------

TCHARS = "!#$%&'*+-.^_`|~" + "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
QUOTABLE = TCHARS + ' ,;="\\<>/:?@[]{}()\t'
URL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%"


def _random_header(rng: random.Random) -> tuple[str, list[tuple[str, dict[str, str]]]]:
    """A random valid header and the links a correct parser returns for it."""

    def ows() -> str:
        return "".join(rng.choice(" \t") for _ in range(rng.choice((0, 0, 0, 1, 2))))

    def token(pool: str = TCHARS) -> str:
        return "".join(rng.choice(pool) for _ in range(rng.randint(1, 6)))

    parts, expected = [], []
    for _ in range(rng.randint(1, 4)):
        url = "".join(rng.choice(URL_CHARS) for _ in range(rng.randint(0, 12)))
        names = ["rel"] + [token() for _ in range(rng.randint(0, 3))]
        rng.shuffle(names)
        text, params = f"<{url}>", {}
        for name in names:
            if rng.random() < 0.5:
                value = token()
                written = value
            else:
                value = "".join(rng.choice(QUOTABLE) for _ in range(rng.randint(0, 8)))
                escaped = "".join(
                    "\\" + ch if ch in '"\\' or rng.random() < 0.1 else ch for ch in value
                )
                written = f'"{escaped}"'
            shown = "".join(ch.upper() if rng.random() < 0.3 else ch for ch in name)
            text += f"{ows()};{ows()}{shown}{ows()}={ows()}{written}"
            params.setdefault(name.lower(), value)
        parts.append(ows() + text + ows())
        expected.append((url, params))
    return ",".join(parts), expected


@checks.hidden(
    "100 random valid headers parse to the links they were built from",
    fed="random headers (seed 11): 1-4 links, random tokens, quoted strings with "
    "escapes, commas and semicolons, random case and whitespace",
)
def random_valid(t: Trial) -> None:
    rng = random.Random(11)
    cases = [_random_header(rng) for _ in range(100)]
    t.expect("all 100 match")
    for n, (header, links) in enumerate(cases):
        got = parse_outcome(t, header)
        if got != links:
            t.got(f"header {n}: {header!r} gave {got!r}, expected {links!r}")
            return
    t.got("all 100 match")


@checks.hidden(
    "100 random headers cut short inside a quoted string are malformed",
    fed="the random headers above (seed 12), each cut just after an opening quote",
)
def random_truncated(t: Trial) -> None:
    rng = random.Random(12)
    t.expect("all raise LinkHeaderError")
    for _ in range(100):
        header, _links = _random_header(rng)
        if '"' not in header:
            continue
        cut = header[: header.index('"') + 1] + "unfinished"
        got = parse_outcome(t, cut)
        if got != "raises LinkHeaderError":
            t.got(f"{cut!r} gave {got!r}")
            return
    t.got("all raise LinkHeaderError")


# The checks' own plain parser, for well-formed headers: the time budget's baseline.
# It reads one piece of the grammar at a time, as a reader's parser would.
PLAIN_OWS = re.compile(r"[ \t]*")
PLAIN_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
PLAIN_URL = re.compile(r"<([^<>\s]*)>")
PLAIN_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
PLAIN_ESCAPE = re.compile(r"\\(.)")


def plain_value(header: str, pos: int) -> tuple[str, int]:
    quoted = PLAIN_QUOTED.match(header, pos)
    if quoted:
        return PLAIN_ESCAPE.sub(r"\1", quoted.group(1)), quoted.end()
    token = PLAIN_TOKEN.match(header, pos)
    return token.group(), token.end()


def plain_link(header: str, pos: int) -> tuple[tuple[str, dict[str, str]], int]:
    url = PLAIN_URL.match(header, pos)
    params, pos = {}, url.end()
    while True:
        pos = PLAIN_OWS.match(header, pos).end()
        if pos == len(header) or header[pos] == ",":
            return (url.group(1), params), pos
        pos = PLAIN_OWS.match(header, pos + 1).end()  # past the ';'
        name = PLAIN_TOKEN.match(header, pos)
        pos, value = PLAIN_OWS.match(header, name.end()).end(), ""
        if header.startswith("=", pos):
            value, pos = plain_value(header, PLAIN_OWS.match(header, pos + 1).end())
        params.setdefault(name.group().lower(), value)


def plain_parse(header: str) -> list[tuple[str, dict[str, str]]]:
    links, pos = [], 0
    while (pos := PLAIN_OWS.match(header, pos).end()) < len(header):
        if header[pos] == ",":
            pos += 1
            continue
        link, pos = plain_link(header, pos)
        links.append(link)
    return links


# Pagination URLs with cursors and filters: long links, so a parser that copies the
# rest of the header at every character pays for it many times over.
LARGE_LINKS = 800
TIMES = 8  # the budget: this many times the plain parser's time, on this machine, now


def large_url(n: int) -> str:
    return (
        f"https://api.example.com/v1/charges?limit=100&starting_after=ch_{n:024d}"
        "&expand[]=data.customer&expand[]=data.invoice&created[gte]=1700000000"
    )


@checks.hidden(
    f"a header of {LARGE_LINKS} long links, within {TIMES} times a plain parser's time",
    fed=f"{LARGE_LINKS} links '<https://api.example.com/v1/charges?limit=100&starting_after="
    'ch_00..0N&expand[]=...>; rel="item"; title="page N, of many"\' joined by \', \'',
)
def large_header(t: Trial) -> None:
    header = ", ".join(
        f'<{large_url(n)}>; rel="item"; title="page {n}, of many"' for n in range(LARGE_LINKS)
    )
    last = LARGE_LINKS - 1
    t.expect({"links": LARGE_LINKS, "last": (large_url(last), f"page {last}, of many")})
    t.budget_from(lambda: plain_parse(header), TIMES)
    links = parse(t, header)
    t.on_time(f"{len(links):,} links parsed")
    url, params = links[-1]
    t.got({"links": len(links), "last": (url, params.get("title"))})
