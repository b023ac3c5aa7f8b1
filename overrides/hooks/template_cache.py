"""Build hook: the theme's templates are compiled once, not on every build.

Each build, and each rebuild while serving, makes a new Jinja environment that
compiles Material's templates again: a fifth of the rebuild after a prose edit.
Jinja's bytecode cache keeps them compiled under .cache/jinja/, each checked
against its template's source (and Python's version), so an edited override is
compiled afresh.
"""

from build_inputs import Project
from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    folder = Project(config.config_file_path).cache("jinja")
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
