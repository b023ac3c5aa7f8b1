"""Reads the header by slicing one character off at a time: every step copies the rest."""

TOKEN_CHARS = frozenset(
    "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
)
Link = tuple[str, dict[str, str]]


class LinkHeaderError(ValueError):
    """The Link header is malformed."""


class _Reader:
    """The header not read yet, shortened from the front as it is read."""

    def __init__(self, text: str) -> None:
        self.rest = text

    def peek(self) -> str:
        return self.rest[:1]

    def take(self) -> str:
        char, self.rest = self.rest[:1], self.rest[1:]
        return char

    def skip_spaces(self) -> None:
        while self.peek() in (" ", "\t") and self.rest:
            self.take()

    def token(self) -> str:
        out = ""
        while self.rest and self.peek() in TOKEN_CHARS:
            out += self.take()
        if not out:
            raise LinkHeaderError(f"expected a token at {self.rest[:20]!r}")
        return out

    def quoted(self) -> str:
        self.take()  # the opening quote
        out = ""
        while True:
            char = self.take()
            if not char:
                raise LinkHeaderError("unterminated quoted string")
            if char == '"':
                return out
            if char == "\\":
                char = self.take()
                if not char:
                    raise LinkHeaderError("unterminated quoted string")
            if char != "\t" and (char < " " or char == "\x7f"):
                raise LinkHeaderError(f"control character {char!r} in a quoted string")
            out += char


def parse_link_header(header: str) -> list[Link]:
    """Return the header's links as `(url, params)` pairs, in order."""
    reader, links = _Reader(header), []
    while True:
        reader.skip_spaces()
        if not reader.rest:
            break
        if reader.peek() == ",":
            reader.take()
            continue
        links.append(_link(reader))
        reader.skip_spaces()
        if reader.rest and reader.take() != ",":
            raise LinkHeaderError("expected ',' after a link")
    if not links:
        raise LinkHeaderError("the header holds no link")
    return links


def _link(reader: _Reader) -> Link:
    if reader.take() != "<":
        raise LinkHeaderError("expected '<url>'")
    url = ""
    while reader.peek() != ">":
        char = reader.take()
        if not char or char == "<" or char.isspace():
            raise LinkHeaderError("expected '<url>' (no spaces inside)")
        url += char
    reader.take()
    params: dict[str, str] = {}
    while True:
        reader.skip_spaces()
        if not reader.rest or reader.peek() == ",":
            break
        if reader.take() != ";":
            raise LinkHeaderError("expected ';' or ','")
        reader.skip_spaces()
        name = reader.token().lower()
        reader.skip_spaces()
        value = ""
        if reader.peek() == "=":
            reader.take()
            reader.skip_spaces()
            value = reader.quoted() if reader.peek() == '"' else reader.token()
        params.setdefault(name, value)
    if "rel" not in params:
        raise LinkHeaderError(f"the link <{url}> has no rel parameter")
    return url, params


def link_for_rel(header: str, rel: str) -> str | None:
    """The URL of the first link whose `rel` includes `rel`, or None."""
    for url, params in parse_link_header(header):
        if rel.lower() in params["rel"].lower().split():
            return url
    return None
