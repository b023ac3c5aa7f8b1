"""Results a build reuses from the build before, while serving; not a hook itself.

While serving, any edit rebuilds every page. A hook keeps a BuildMemo, calls
next_build() as each build starts, and asks it for results keyed by
everything they depend on: a key seen in the last build is reused, and a
result no build asked for is dropped a build later.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable


class BuildMemo[Result]:
    def __init__(self) -> None:
        self.previous: dict[Hashable, Result] = {}
        self.current: dict[Hashable, Result] = {}

    def __contains__(self, key: Hashable) -> bool:
        """Whether get(key) would reuse a result rather than compute one."""
        return key in self.current or key in self.previous

    def next_build(self) -> None:
        self.previous, self.current = self.current, {}

    def get(self, key: Hashable, compute: Callable[[], Result]) -> Result:
        if key not in self.current:
            self.current[key] = self.previous[key] if key in self.previous else compute()
        return self.current[key]
