"""Build hook for the interactive explorers (configured in docs/_data/explorers.yml).

- A page embeds an explorer with one line of HTML on its own:
  ``<div data-explorer="fraud-accuracy"></div>``. The hook replaces it with the
  explorer's shell: labelled sliders, the result tables and empty charts, with
  the configuration in a data attribute. An unknown name, or a configuration
  whose prompt no model can reproduce, fails the build naming the page or the
  explorer.
- Only a page that embeds one loads the explorer's module
  (``assets/explorer/explorer.js``): its script tag sits in the page's content,
  where Material's instant navigation runs it too. The module adds the
  stylesheet when the first explorer nears the viewport.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from embeds import TEMPLATES, embedded_in
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parents[2]
CONFIGS = ROOT / "docs" / "_data" / "explorers.yml"
EMBED = re.compile(r'<div data-explorer="([^"]*)"></div>')
KINDS = {"classifier", "psi"}
PROMPT_RATES = ("accuracy", "precision", "specificity")


@dataclass(frozen=True)
class Control:
    """One slider. With scale "log10" the slider moves the value's base-10 logarithm."""

    name: str  # the model's input it sets
    label: str
    low: float
    high: float
    step: float
    unit: str  # how explorer.js formats the value
    scale: str = "linear"


def controls(config: dict[str, Any]) -> list[Control]:
    if config["kind"] == "psi":
        return [
            Control("amountChange", "Change in amounts", -0.5, 1.0, 0.01, "change"),
            Control("spread", "Spread of amounts, against the reference", 0.5, 2.0, 0.01, "ratio"),
            Control("rows", "Rows in the current window", 2, 6, 0.01, "count", "log10"),
        ]
    cases, positive, negative = config["cases"], config["positive"], config["negative"]
    cost_max = config["costs"]["max"]
    return [
        Control(
            "prevalence",
            f"Share of {cases} that are {positive}",
            -3,
            -0.3,
            0.01,
            "percent",
            "log10",
        ),
        Control("threshold", "Threshold: flag scores at or above", -3, 7, 0.01, "score"),
        Control("separation", f"Separation of {positive} scores", 0, 4, 0.01, "score"),
        Control(
            "costFn", f"Cost of a missed {positive} case (false negative)", 1, cost_max, 1, "cost"
        ),
        Control(
            "costFp", f"Cost of flagging a {negative} case (false positive)", 1, cost_max, 1, "cost"
        ),
    ]


def _check_prompt(config: dict[str, Any]) -> None:
    """The prompt must put the model somewhere: 0 < false-positive rate < recall < 1."""
    prompt = config["prompt"]
    if config["kind"] == "psi":
        if not (-0.5 <= prompt["amount_change"] <= 1 and 0.5 <= prompt["spread"] <= 2):
            raise ValueError("prompt outside the sliders' ranges")
        return
    given = [rate for rate in PROMPT_RATES if rate in prompt]
    if len(given) != 1:
        raise ValueError(f"the prompt needs exactly one of {', '.join(PROMPT_RATES)}")
    prevalence, recall = prompt["prevalence"], prompt["recall"]
    if not (0.001 <= prevalence <= 0.5 and 0 < recall < 1):
        raise ValueError("prevalence must be within 0.1 %-50 % and recall within (0, 1)")
    # The same algebra as solvePrompt() in assets/explorer/model.js.
    false_positive_rate = {
        "accuracy": lambda a: (1 - a - prevalence * (1 - recall)) / (1 - prevalence),
        "precision": lambda p: prevalence * recall * (1 - p) / (p * (1 - prevalence)),
        "specificity": lambda s: 1 - s,
    }[given[0]](prompt[given[0]])
    if not 0 < false_positive_rate < recall:
        raise ValueError(
            f"its figures give a false-positive rate of {false_positive_rate:.4g} against a recall "
            f"of {recall}: no threshold on two normal score distributions reproduces them"
        )


def load_configs(path: Path = CONFIGS) -> dict[str, dict[str, Any]]:
    """Read and check every explorer; raise PluginError naming the one that is wrong."""
    try:
        configs = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"{path}: {error}") from error
    for name, config in configs.items():
        try:
            if config["kind"] not in KINDS:
                raise ValueError(f"kind must be one of {', '.join(sorted(KINDS))}")
            controls(config)
            _check_prompt(config)
        except (KeyError, TypeError, ValueError) as error:
            raise PluginError(f"{path.name}: explorer {name!r}: {error!r}") from error
    return configs


_configs: dict[str, dict[str, Any]] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _configs.clear()
    _configs.update(load_configs())
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    embedded_in(files, EMBED, _configs, "explorer", CONFIGS.name)
    return files


def _shell(name: str) -> str:
    config = _configs[name]
    return TEMPLATES.get_template("explorer.html").render(
        name=name, config=config, controls=controls(config)
    )


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    names = EMBED.findall(html_text)
    if not names:
        return html_text
    if len(set(names)) < len(names):  # the sliders' ids would clash
        raise PluginError(f"{page.file.src_uri}: an explorer is embedded twice: {names}")
    script = get_relative_url("assets/explorer/explorer.js", page.url)
    html_text = EMBED.sub(lambda m: _shell(m.group(1)), html_text)
    return f'{html_text}\n<script type="module" src="{script}"></script>'


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    server.watch(str(CONFIGS))
    return server
