"""What executed code read, so a cached result is reused only while those files are unchanged.

Shared by the notebook cache (notebooks.py) and the markdown-exec cache
(exec_cache.py); not a hook itself. A result depends on its own source (part of
its cache key) and on the repository files it opened or imported while it ran:
recorded by a Python audit hook, not declared by hand, so a notebook that calls
`guide.load_payments()` depends on `datasets/transactions.csv` without naming
it. Files of the installed environment are covered by the lock in the key.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

# Part of every key: a new pin, or another Python, may change any result.
LOCK = Path(__file__).resolve().parents[2] / "requirements.lock"
# Bump when what a cache entry holds, or how it is keyed, changes.
FORMAT = "1"


def key(*parts: str | bytes) -> str:
    """A hex digest of the parts, the lock and the Python version."""
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0".encode())
    digest.update(LOCK.read_bytes())
    for part in parts:
        digest.update(b"\0" + (part.encode() if isinstance(part, str) else part))
    return digest.hexdigest()


def file_digest(path: Path) -> str | None:
    """A file's SHA-256, or None when it does not exist (creating it is a change too)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


class Project:
    """The folder of an mkdocs.yml: its files are the inputs worth recording."""

    def __init__(self, config_file: str) -> None:
        self.root = Path(config_file).resolve().parent
        self.environment = Path(sys.prefix).resolve()  # may be .venv, inside the project

    def cache(self, name: str) -> Path:
        """A cache folder (.cache/NAME, or under GUIDE_CACHE_DIR when it is set)."""
        return Path(os.environ.get("GUIDE_CACHE_DIR") or self.root / ".cache") / name

    def source_of(self, path: str) -> str | None:
        """The project file a read stands for (bytecode stands for its source), if any."""
        file = Path(path).resolve()
        if not file.is_relative_to(self.root) or file.is_relative_to(self.environment):
            return None
        if file.parent.name == "__pycache__":
            file = file.parent.parent / f"{file.name.split('.')[0]}.py"
        relative = file.relative_to(self.root)
        if relative.parts[0] in {".cache", ".git", "node_modules", "site"}:
            return None
        return relative.as_posix()

    def sources_of(self, paths: Iterable[str]) -> set[str]:
        return {source for path in paths if (source := self.source_of(path))}

    def modules_read(self, modules: Iterable[ModuleType | None]) -> set[str]:
        """The project's own source files among these modules' files."""
        files = (getattr(module, "__file__", None) for module in modules)
        return self.sources_of(file for file in files if isinstance(file, str))

    def snapshot(self, sources: Iterable[str]) -> dict[str, str | None]:
        """The current digest of each input, by path relative to the project."""
        return {source: file_digest(self.root / source) for source in sorted(set(sources))}

    def unchanged(self, inputs: dict[str, str | None]) -> bool:
        return all(file_digest(self.root / source) == digest for source, digest in inputs.items())


def record_reads(root: str) -> set[str]:
    """Record from now on every file under `root` this process opens to read; return the set.

    Self-contained, because the notebook cache sends its source to the kernel.
    An audit hook cannot be removed: callers that record several times in one
    process reuse one set and clear it.
    """
    import os
    import sys

    reads: set[str] = set()
    writes = os.O_WRONLY | os.O_RDWR
    # The environment (.venv may be inside `root`) is covered by the lock, and its
    # thousands of files cost a build seconds to resolve (Project.source_of).
    environment = (sys.prefix, sys.base_prefix)

    def hook(event: str, args: tuple) -> None:
        if event != "open" or not isinstance(args[0], str | os.PathLike):
            return
        path, mode, flags = args
        if set(mode) & set("wax+") if isinstance(mode, str) else flags & writes:
            return
        path = os.path.abspath(path)
        if path.startswith(root) and not path.startswith(environment):
            reads.add(path)

    sys.addaudithook(hook)
    return reads


def write_json(path: Path, data: object) -> None:
    """Write atomically: a build reading the cache never sees half an entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(json.dumps(data), encoding="utf-8")
    partial.replace(path)


def read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None
