"""Timings the pages print: CPU seconds, the fewest over a few runs.

CPU time of this thread, not the wall clock: on a busy machine the wall clock
also counts the time other programs ran, so a comparison between two timings
would change with the load, and a page that asserts one would fail to build
for no fault of its own. Not the process's CPU time either: the build executes
notebooks on other threads of the same process meanwhile. The fewest seconds
over several runs is the run least disturbed by caches and the collector.
"""

import time
from collections.abc import Callable


def fastest[S, R](
    action: Callable[[S], R], setup: Callable[[], S], runs: int = 3
) -> tuple[float, R]:
    """The fewest CPU seconds ``action(setup())`` took over ``runs`` runs, and its result.

    ``setup`` runs before each timing and is not timed, so every run starts
    from the same state (a full cache, a fresh limiter, the same input).
    """
    best, result = float("inf"), None
    for _ in range(runs):
        state = setup()
        start = time.thread_time()
        result = action(state)
        best = min(best, time.thread_time() - start)
    return best, result
