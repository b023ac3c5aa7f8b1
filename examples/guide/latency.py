"""A latency budget that adds up: each hop gets a p99 slice, the reserve is what is left."""


def budget_table(hops: list[tuple[str, int]], budget_ms: int) -> tuple[str, int]:
    """A Markdown table of the hops' p99 slices with a running total, and the reserve.

    The reserve is the budget the hops leave, so the last row's running total is
    the budget itself.
    """
    spent = sum(ms for _, ms in hops)
    reserve = budget_ms - spent
    if reserve < 0:
        raise ValueError(f"the hops take {spent} ms, over the {budget_ms} ms budget")
    rows = ["| hop | p99 slice (ms) | running total (ms) |", "|---|---:|---:|"]
    running = 0
    for name, ms in [*hops, ("**reserve**: what the hops leave", reserve)]:
        running += ms
        rows.append(f"| {name} | {ms} | {running} |")
    return "\n".join(rows), reserve
