"""What a failed MkDocs build said: shared by the tests and the benchmarks."""

import re


def build_problems(log: str, limit: int = 8_000) -> str:
    """A failed build's warnings and errors, each with the lines that follow it.

    Notebook conversion logs hundreds of INFO lines after the warning that
    failed a strict build, so the log's tail alone hides the cause.
    """
    kept, keeping = [], False
    for line in log.splitlines():
        # A new log record: "INFO    -  ...", "[IPKernelApp] ...".
        if re.match(r"[A-Z]+ +- |\[", line):
            keeping = line.startswith(("WARNING", "ERROR"))
        if keeping:
            kept.append(line)
    return "\n".join(kept).strip()[-limit:] if kept else log[-4_000:]
