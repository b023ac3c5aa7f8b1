"""The part of a stylesheet that some markup can use: what notebook pages keep of JupyterLab's CSS.

mkdocs-jupyter inlines about 577 KiB of CSS into every notebook page; the
notebooks hook collects it once and keeps only the rules whose classes and tags
appear in the rendered notebooks, with the custom properties those rules read.
Not a hook itself.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import tinycss2

# Parts of a selector that the static page cannot answer (state, attributes
# set by scripts, the palette): ignored, so such rules are kept when the rest matches.
SELECTOR_NOISE = re.compile(r"\[[^\]]*\]|::?[\w-]+(?:\([^)]*\))?")
CLASS_NAME = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
TAG_NAME = re.compile(r"(?:^|[\s>+~])([a-zA-Z][\w-]*)")
CUSTOM_PROPERTY = re.compile(r"var\(\s*(--[\w-]+)")


def _selector_used(selector: str, classes: frozenset[str], tags: frozenset[str]) -> bool:
    plain = SELECTOR_NOISE.sub("", selector)
    return set(CLASS_NAME.findall(plain)) <= classes and set(TAG_NAME.findall(plain)) <= tags


def _used(rules: list, classes: frozenset[str], tags: frozenset[str]) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = tinycss2.serialize(rule.prelude).split(",")
            if any(_selector_used(s, classes, tags) for s in selectors):
                kept.append(rule)
        elif rule.type == "at-rule" and rule.lower_at_keyword in {"media", "supports"}:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            if inner := _used(inner, classes, tags):
                kept.append((rule, inner))
    return kept


def _serialize(rules: list, keep: Callable[[str], bool]) -> str:
    """CSS text of the kept rules, with only the declarations `keep` accepts by name."""
    out = []
    for rule in rules:
        if isinstance(rule, tuple):
            at_rule, inner = rule
            prelude = tinycss2.serialize(at_rule.prelude).strip()
            out.append(f"@{at_rule.at_keyword} {prelude}{{{_serialize(inner, keep)}}}")
            continue
        declarations = tinycss2.parse_blocks_contents(
            rule.content, skip_comments=True, skip_whitespace=True
        )
        body = ";".join(
            f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}"
            for d in declarations
            if d.type == "declaration" and keep(d.name)
        )
        if body:
            out.append(f"{tinycss2.serialize(rule.prelude).strip()}{{{body}}}")
    return "".join(out)


@functools.cache
def _parsed(css: str) -> list:
    return tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)


@functools.lru_cache(maxsize=1)
def used_rules(css: str, classes: frozenset[str], tags: frozenset[str]) -> str:
    """The rules of `css` that can apply to markup with these classes and tags.

    Custom properties are kept only where a kept rule reads them, directly or
    through another custom property.
    """
    kept = _used(_parsed(css), classes, tags | {"html", "body"})
    reads: dict[str, set[str]] = {}
    for name, value in re.findall(r"(--[\w-]+):([^;}]*)", _serialize(kept, lambda _: True)):
        reads.setdefault(name, set()).update(CUSTOM_PROPERTY.findall(value))
    plain = _serialize(kept, lambda name: not name.startswith("--"))
    needed, frontier = set(), set(CUSTOM_PROPERTY.findall(plain))
    while frontier:
        needed |= frontier
        frontier = {name for used in frontier for name in reads.get(used, ())} - needed
    return _serialize(kept, lambda name: not name.startswith("--") or name in needed)
