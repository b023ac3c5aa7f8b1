"""Splits the header on ',' and ';' first, so a quoted title holding a comma breaks it."""


class LinkHeaderError(ValueError):
    """The Link header is malformed."""


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        inner, out, i = value[1:-1], [], 0
        while i < len(inner):
            if inner[i] == "\\" and i + 1 < len(inner):
                i += 1
            out.append(inner[i])
            i += 1
        return "".join(out)
    if '"' in value:
        raise LinkHeaderError(f"unbalanced quotes in {value!r}")
    return value


def parse_link_header(header: str) -> list[tuple[str, dict[str, str]]]:
    """Return the header's links as `(url, params)` pairs, in order."""
    links = []
    for part in header.split(","):
        if not part.strip(" \t"):
            continue
        url_part, *items = part.split(";")
        url_part = url_part.strip(" \t")
        if not (url_part.startswith("<") and url_part.endswith(">")) or " " in url_part:
            raise LinkHeaderError(f"expected '<url>', got {url_part!r}")
        params: dict[str, str] = {}
        for item in items:
            name, sep, value = item.strip(" \t").partition("=")
            name = name.strip(" \t").lower()
            if not name:
                raise LinkHeaderError(f"expected a parameter name in {item!r}")
            params.setdefault(name, _unquote(value.strip(" \t")) if sep else "")
        if "rel" not in params:
            raise LinkHeaderError(f"the link {url_part} has no rel parameter")
        links.append((url_part[1:-1], params))
    if not links:
        raise LinkHeaderError("the header holds no link")
    return links


def link_for_rel(header: str, rel: str) -> str | None:
    """The URL of the first link whose `rel` includes `rel`, or None."""
    for url, params in parse_link_header(header):
        if rel.lower() in params["rel"].lower().split():
            return url
    return None
