"""Parse an HTTP `Link` header (RFC 8288), as paginated APIs send it.

    Link: <https://api.example.com/items?page=3>; rel="next"; title="a, b",
          <https://api.example.com/items?page=1>; rel=prev

Rules:
- `parse_link_header(header)` returns a list of `(url, params)` pairs in order.
  A link is `<url>` (no whitespace inside the brackets) followed by zero or more
  `; name=value` parameters. Links are separated by commas; empty elements
  (`, ,`) are skipped, but a header with no link at all is malformed.
- A parameter name is a token: letters, digits and !#$%&'*+-.^_`|~ (ASCII).
  Names are case-insensitive: return them lowercased. A name with no `=value`
  gets the value "".
- A value is a token, or a quoted string: "..." in which a backslash escapes
  the next character (`\\"` is a quote) and commas and semicolons are literal.
  Return values without the quotes and with escapes resolved; keep their case.
- Spaces and tabs are allowed around `,`, `;` and `=`; no other whitespace
  outside quotes.
- Every link needs a `rel`. If a parameter appears twice in a link, keep the first.
- `link_for_rel(header, rel)` returns the URL of the first link whose rel (a
  space-separated list, compared case-insensitively) includes `rel`, else None.
- Anything malformed raises LinkHeaderError (a ValueError) with a message.
"""


class LinkHeaderError(ValueError):
    """The Link header is malformed."""


def parse_link_header(header: str) -> list[tuple[str, dict[str, str]]]:
    # A first try that splits on ',' and ';': see what it does to title="a, b".
    links = []
    for part in header.split(","):
        url, *items = part.split(";")
        params = {}
        for item in items:
            name, _, value = item.strip().partition("=")
            params[name.lower()] = value.strip('"')
        links.append((url.strip().strip("<>"), params))
    return links


def link_for_rel(header: str, rel: str) -> str | None:
    raise NotImplementedError("find the link whose rel includes `rel`")


if __name__ == "__main__":
    header = '<https://api.example.com/items?page=3>; rel="next"; title="a, b"'
    print(parse_link_header(header))
    # expect [('https://api.example.com/items?page=3', {'rel': 'next', 'title': 'a, b'})]
