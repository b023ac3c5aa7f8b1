"""Allows any whitespace (newlines, no-break spaces) where only spaces and tabs may go."""

import re

_OWS = re.compile(r"\s*")
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_TARGET = re.compile(r"<([^<>\s]*)>")
# A quoted-string: no bare '"' or '\' inside, no control characters except tab.
_QUOTED = re.compile(r'"((?:[^"\\\x00-\x08\x0a-\x1f\x7f]|\\[^\x00-\x08\x0a-\x1f\x7f])*)"')
_QUOTED_PAIR = re.compile(r"\\(.)")

Link = tuple[str, dict[str, str]]


class LinkHeaderError(ValueError):
    """The Link header is malformed; the message says what was expected, and where."""


def parse_link_header(header: str) -> list[Link]:
    """Return the header's links as `(url, params)` pairs, in order.

    Parameter names are lowercased (they are case-insensitive); values keep
    their case, with quotes removed and backslash escapes resolved. When a
    parameter repeats within a link, the first occurrence wins (RFC 8288 says
    so for `rel`, `title`, `type` and `media`). Every link needs a `rel`.
    Empty list elements (`a, , b`) are skipped, as RFC 9110 asks of recipients.

    Raises LinkHeaderError for anything else that does not fit the grammar.
    """
    links: list[Link] = []
    pos, end = 0, len(header)
    while True:
        pos = _OWS.match(header, pos).end()
        if pos == end:
            break
        if header[pos] == ",":  # an empty list element
            pos += 1
            continue
        link, pos = _parse_link_value(header, pos)
        links.append(link)
        pos = _OWS.match(header, pos).end()
        if pos < end and header[pos] != ",":
            raise LinkHeaderError(
                f"expected ',' after a link at position {pos}, got {header[pos]!r}"
            )
    if not links:
        raise LinkHeaderError("the header holds no link")
    return links


def link_for_rel(header: str, rel: str) -> str | None:
    """The URL of the first link whose `rel` includes `rel`, or None.

    A `rel` value is a space-separated list of relation types, compared
    case-insensitively (`rel="prev first"` matches "first" and "FIRST").
    """
    wanted = rel.lower()
    for url, params in parse_link_header(header):
        if wanted in params["rel"].lower().split():
            return url
    return None


def _parse_link_value(header: str, pos: int) -> tuple[Link, int]:
    """Parse `<url>` and its parameters from `pos`; return the link and where it ends."""
    target = _TARGET.match(header, pos)
    if target is None:
        raise LinkHeaderError(f"expected '<url>' (no spaces inside) at position {pos}")
    url, pos = target.group(1), target.end()
    params: dict[str, str] = {}
    end = len(header)
    while True:
        pos = _OWS.match(header, pos).end()
        if pos == end or header[pos] == ",":
            break
        if header[pos] != ";":
            raise LinkHeaderError(f"expected ';' or ',' at position {pos}, got {header[pos]!r}")
        pos = _OWS.match(header, pos + 1).end()
        name = _TOKEN.match(header, pos)
        if name is None:
            raise LinkHeaderError(f"expected a parameter name at position {pos}")
        pos = _OWS.match(header, name.end()).end()
        value = ""
        if pos < end and header[pos] == "=":
            value, pos = _parse_param_value(header, _OWS.match(header, pos + 1).end())
        params.setdefault(name.group().lower(), value)
    if "rel" not in params:
        raise LinkHeaderError(f"the link <{url}> has no rel parameter")
    return (url, params), pos


def _parse_param_value(header: str, pos: int) -> tuple[str, int]:
    """Parse a token or a quoted-string from `pos`; return its value and where it ends."""
    if header.startswith('"', pos):
        quoted = _QUOTED.match(header, pos)
        if quoted is None:
            raise LinkHeaderError(f"unterminated or invalid quoted string at position {pos}")
        return _QUOTED_PAIR.sub(lambda pair: pair.group(1), quoted.group(1)), quoted.end()
    token = _TOKEN.match(header, pos)
    if token is None:
        raise LinkHeaderError(f"expected a token or a quoted string at position {pos}")
    return token.group(), token.end()


if __name__ == "__main__":
    header = (
        '<https://api.example.com/items?page=3>; rel="next"; title="a, b", '
        "<https://api.example.com/items?page=1>; rel=prev"
    )
    for url, params in parse_link_header(header):
        print(url, params)
    print(link_for_rel(header, "next"))
