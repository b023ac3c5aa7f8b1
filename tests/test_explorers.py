"""The explorers' JavaScript agrees with Python, and their configurations build.

docs/assets/explorer/model.js is evaluated in Node on a grid of inputs; every
output is compared with the same formulas in Python (scipy's normal
distribution, scikit-learn's metrics on a weighted confusion matrix) to 1e-9.
"""

import importlib.util
import itertools
import json
import math
import subprocess
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from mkdocs.exceptions import PluginError
from scipy.optimize import minimize_scalar
from scipy.stats import norm
from sklearn.metrics import (
    accuracy_score,
    auc,
    f1_score,
    fbeta_score,
    precision_score,
    recall_score,
)
from support import ROOT, one_page_site

MODEL = ROOT / "docs" / "assets" / "explorer" / "model.js"
CONFIGS = yaml.safe_load((ROOT / "docs" / "_data" / "explorers.yml").read_text())
TOLERANCE = 1e-9
# The drift page's case: prices up 50 %, log-scale standard deviation 1, ten bins.
PSI_DRIFT_CASE = {"amountChange": 0.5, "spread": 1.0, "sigma": 1.0, "bins": 10}

# Reads [{fn, args}, ...] on stdin, prints each result; infinities and NaN as strings.
RUNNER = f"""
import * as model from {json.dumps(MODEL.as_uri())};
let input = "";
for await (const chunk of process.stdin) input += chunk;
const results = JSON.parse(input).map(({{ fn, args }}) => model[fn](...args));
const encode = (key, value) =>
  typeof value === "number" && !Number.isFinite(value) ? String(value) : value;
process.stdout.write(JSON.stringify(results, encode));
"""


def run_js(calls: list[tuple[str, list[Any]]]) -> list[Any]:
    """Evaluate model.js's functions in Node, one result per (function name, arguments)."""
    payload = json.dumps([{"fn": fn, "args": args} for fn, args in calls])
    result = subprocess.run(
        ["node", "--input-type=module", "-e", RUNNER],
        input=payload,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout, object_hook=_decode, parse_constant=float)


def _decode(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: float(v) if v in ("Infinity", "-Infinity", "NaN") else v for k, v in obj.items()}


def close(js: Any, py: float) -> bool:
    js = float(js)
    if math.isnan(py) or math.isinf(py):
        return js == py or (math.isnan(js) and math.isnan(py))
    return abs(js - py) <= TOLERANCE * max(1.0, abs(py))


def assert_agree(js: dict[str, Any], py: dict[str, float], where: object) -> None:
    wrong = {k: (js[k], v) for k, v in py.items() if not close(js[k], v)}
    assert not wrong, f"at {where}: JavaScript vs Python {wrong}"


# -- Python's side: the same model, from scipy and scikit-learn --------------------

LABELS, PREDICTED = [1, 1, 0, 0], [1, 0, 1, 0]  # the four cells: TP, FN, FP, TN


def classifier(
    prevalence: float,
    threshold: float,
    separation: float,
    cost_fn: float,
    cost_fp: float,
    beta: float,
) -> dict[str, float]:
    recall, false_positive_rate = norm.sf(threshold - separation), norm.sf(threshold)
    tp, fp = prevalence * recall, (1 - prevalence) * false_positive_rate
    fn, tn = prevalence - tp, 1 - prevalence - fp
    weights = {"sample_weight": [tp, fn, fp, tn]}
    cells = (LABELS, PREDICTED)
    return {
        "tp": tp,
        "fn": fn,
        "fp": fp,
        "tn": tn,
        "recall": recall_score(*cells, **weights),
        "falsePositiveRate": false_positive_rate,
        "specificity": recall_score(*cells, pos_label=0, **weights),
        "precision": precision_score(*cells, **weights),
        "npv": precision_score(*cells, pos_label=0, **weights),
        "accuracy": accuracy_score(*cells, **weights),
        "f1": f1_score(*cells, **weights),
        "fBeta": fbeta_score(*cells, beta=beta, **weights),
        "costPerCase": cost_fn * fn + cost_fp * fp,
        "rocAuc": norm.cdf(separation / math.sqrt(2)),
    }


def cheapest_threshold(
    prevalence: float, separation: float, cost_fn: float, cost_fp: float
) -> float:
    """Flag when P(positive | score) >= c_FP / (c_FP + c_FN), solved for the score."""
    log_odds_needed = math.log(cost_fp / cost_fn) - math.log(prevalence / (1 - prevalence))
    if separation == 0:
        return math.inf if log_odds_needed > 0 else -math.inf
    return (log_odds_needed + separation**2 / 2) / separation


def psi(
    amount_change: float, spread: float, sigma: float, bins: int, rows: int, reference_rows: int
) -> dict:
    edges = np.r_[-np.inf, norm.ppf(np.arange(1, bins) / bins), np.inf]
    shares = np.diff(norm.cdf(edges, loc=np.log1p(amount_change) / sigma, scale=spread))
    expected = 1 / bins
    return {
        "psi": float(np.sum((shares - expected) * np.log(shares / expected))),
        "noiseFloor": (bins - 1) * (1 / rows + 1 / reference_rows),
        "shares": shares,
    }


# -- The agreement tests --------------------------------------------------------------


def test_normal_distribution_agrees_with_scipy_in_both_tails() -> None:
    xs = [*np.linspace(-9, 12, 211)]
    qs = [1e-15, 1e-9, 1e-4, 0.001, 0.02, 0.18, 0.5, 0.68, 0.98, 0.999, 1 - 1e-9]
    results = run_js([("normalSf", [x]) for x in xs] + [("normalIsf", [q]) for q in qs])
    sf, isf = results[: len(xs)], results[len(xs) :]
    # Relative precision in the tail: precision at a high threshold divides two tiny rates.
    assert np.allclose(sf, norm.sf(xs), rtol=1e-12, atol=0)
    assert np.allclose(isf, norm.isf(qs), rtol=1e-12, atol=1e-15)


GRID = list(
    itertools.product(
        [0.001, 0.01, 0.1, 0.5],  # prevalence
        [-3.0, 0.0, 1.3, 2.05, 4.5, 7.0],  # threshold
        [0.0, 0.8, 1.14, 2.9, 4.0],  # separation
        [(115, 20), (10, 1), (1, 100)],  # cost of a false negative, of a false positive
        [0.5, 2.0],  # beta
    )
)


def test_classifier_figures_agree_with_scikit_learn() -> None:
    calls = [
        (
            "classifier",
            [
                {
                    "prevalence": p,
                    "threshold": t,
                    "separation": d,
                    "costFn": fn,
                    "costFp": fp,
                    "beta": b,
                }
            ],
        )
        for p, t, d, (fn, fp), b in GRID
    ]
    for (p, t, d, (fn, fp), b), js in zip(GRID, run_js(calls), strict=True):
        assert_agree(js, classifier(p, t, d, fn, fp, b), (p, t, d, fn, fp, b))


def test_cheapest_threshold_agrees_and_is_the_minimum() -> None:
    cases = sorted({(p, d, fn, fp) for p, _, d, (fn, fp), _ in GRID})
    calls = [
        ("cheapestThreshold", [{"prevalence": p, "separation": d, "costFn": fn, "costFp": fp}])
        for p, d, fn, fp in cases
    ]
    for (p, d, fn, fp), js in zip(cases, run_js(calls), strict=True):
        expected = cheapest_threshold(p, d, fn, fp)
        assert close(js, expected), (p, d, fn, fp, js, expected)
        if math.isfinite(expected) and -8 < expected < 12:
            # The formula is the minimum of the expected cost, found by brute force.
            def cost(t: float, p: float = p, d: float = d, fn: float = fn, fp: float = fp) -> float:
                return classifier(p, t, d, fn, fp, 1)["costPerCase"]

            found = minimize_scalar(cost, bounds=(expected - 3, expected + 3), method="bounded")
            assert cost(expected) <= found.fun * (1 + 1e-12), (p, d, fn, fp)


def test_curves_agree_and_roc_auc_is_the_area_under_the_roc_curve() -> None:
    thresholds = list(np.linspace(-12, 16, 4001))
    cases = [(0.01, 1.1383838227890086), (0.1, 2.9), (0.5, 0.3)]
    results = run_js([("curves", [p, d, thresholds]) for p, d in cases])
    for (p, d), points in zip(cases, results, strict=True):
        recall, false_positive_rate = norm.sf(np.array(thresholds) - d), norm.sf(thresholds)
        precision = p * recall / (p * recall + (1 - p) * false_positive_rate)
        for name, values in (
            ("recall", recall),
            ("falsePositiveRate", false_positive_rate),
            ("precision", precision),
        ):
            assert np.allclose([pt[name] for pt in points], values, rtol=TOLERANCE, atol=TOLERANCE)
        area = auc([pt["falsePositiveRate"] for pt in points], [pt["recall"] for pt in points])
        assert abs(area - norm.cdf(d / math.sqrt(2))) < 1e-5


def test_psi_agrees_with_scipy() -> None:
    cases = list(itertools.product([-0.5, -0.1, 0.0, 0.1, 0.5, 1.0], [0.5, 1.0, 2.0], [5, 10, 20]))
    calls = [
        (
            "psi",
            [
                {
                    "amountChange": c,
                    "spread": s,
                    "sigma": 1.0,
                    "bins": b,
                    "rows": 500,
                    "referenceRows": 100_000,
                }
            ],
        )
        for c, s, b in cases
    ]
    for (c, s, b), js in zip(cases, run_js(calls), strict=True):
        expected = psi(c, s, 1.0, b, 500, 100_000)
        assert np.allclose(js["shares"], expected.pop("shares"), rtol=TOLERANCE, atol=TOLERANCE)
        assert_agree(js, expected, (c, s, b))
    no_change = run_js([("psi", [dict(calls[0][1][0], amountChange=0.0, spread=1.0)])])[0]
    assert abs(no_change["psi"]) < 1e-15


def sampled_psi(reference: np.ndarray, current: np.ndarray, bins: int = 10) -> float:
    """PSI as the drift page computes it: histograms on the reference's quantiles."""
    edges = np.quantile(reference, np.linspace(0, 1, bins + 1))
    edges[0], edges[-1] = -np.inf, np.inf
    e = np.histogram(reference, edges)[0] / len(reference)
    a = np.histogram(current, edges)[0] / len(current)
    return float(np.sum((a - e) * np.log(a / e)))


def test_psi_model_matches_sampled_psi_and_its_noise_floor() -> None:
    rng = np.random.default_rng(20)
    [model] = run_js([("psi", [dict(PSI_DRIFT_CASE, rows=2_000, referenceRows=2_000)])])
    # Large samples converge to the explorer's PSI, computed with no sampling at all.
    reference = rng.lognormal(np.log(40), 1.0, 2_000_000)
    current = 1.5 * rng.lognormal(np.log(40), 1.0, 2_000_000)
    assert abs(sampled_psi(reference, current) - model["psi"]) < 0.002
    # Two samples of one distribution show the noise floor on average.
    same = [sampled_psi(rng.lognormal(0, 1, 2_000), rng.lognormal(0, 1, 2_000)) for _ in range(300)]
    assert abs(np.mean(same) / model["noiseFloor"] - 1) < 0.1


# -- The prompts: the explorers start at the pages' own figures ------------------------

CLASSIFIERS = {name: c for name, c in CONFIGS.items() if c["kind"] == "classifier"}


@pytest.mark.parametrize("name", CLASSIFIERS)
def test_set_to_the_prompt_reproduces_the_prompt(name: str) -> None:
    config = CLASSIFIERS[name]
    prompt = config["prompt"]
    solved = run_js([("solvePrompt", [prompt])])[0]
    figures = run_js(
        [
            (
                "classifier",
                [
                    {
                        **solved,
                        "prevalence": prompt["prevalence"],
                        "costFn": 1,
                        "costFp": 1,
                        "beta": 1,
                    }
                ],
            )
        ]
    )[0]
    for rate in ("recall", "accuracy", "precision", "specificity"):
        if rate in prompt:
            assert abs(figures[rate] - prompt[rate]) < TOLERANCE, rate
    # And the threshold and separation are the ones scipy solves for.
    assert close(solved["threshold"], norm.isf(solved["falsePositiveRate"]))
    assert close(solved["separation"], solved["threshold"] - norm.isf(prompt["recall"]))


def test_fraud_prompt_gives_the_walkthroughs_figures() -> None:
    # The walkthrough's exact algebra: per 100,000 payments, FP = 1,980 and TP = 180.
    tp, fn, fp = Fraction(180), Fraction(820), Fraction(1_980)
    prompt = CONFIGS["fraud-accuracy"]["prompt"]
    solved = run_js([("solvePrompt", [prompt])])[0]
    args = {**solved, "prevalence": prompt["prevalence"], "costFn": 115, "costFp": 20, "beta": 1}
    figures = run_js([("classifier", [args])])[0]
    assert close(figures["precision"], float(tp / (tp + fp)))  # 8.3 %
    assert close(figures["f1"], float(2 * tp / (2 * tp + fp + fn)))  # 0.114
    assert f"{figures['precision']:.1%}" == "8.3%" and f"{figures['f1']:.3f}" == "0.114"


# -- The build hook ----------------------------------------------------------------


def test_unknown_explorer_fails_the_build_naming_page_and_name(tmp_path: Path) -> None:
    _, result = one_page_site(
        tmp_path, '<div data-explorer="no-such-explorer"></div>', "explorers.py"
    )
    assert result.returncode != 0
    assert "index.md: unknown explorer 'no-such-explorer'" in result.stderr


def test_embedding_writes_the_shell_and_loads_the_assets_only_there(tmp_path: Path) -> None:
    site, result = one_page_site(
        tmp_path, '<div data-explorer="fraud-accuracy"></div>', "explorers.py"
    )
    assert result.returncode == 0, result.stderr
    page = (site / "index.html").read_text()
    assert page.count('<section class="explorer" data-explorer="fraud-accuracy"') == 1
    assert page.count('<script type="module" src="assets/explorer/explorer.js">') == 1
    assert page.count('type="range"') == 5 and page.count("<label for=") == 5
    shell = page.split('<section class="explorer"')[1].split("</section>")[0]
    assert " style=" not in shell and "<script" not in shell  # room for a strict CSP


def test_one_explorer_embedded_twice_fails_the_build(tmp_path: Path) -> None:
    embed = '<div data-explorer="pneumonia"></div>'
    _, result = one_page_site(tmp_path, f"{embed}\n\n{embed}", "explorers.py")
    assert result.returncode != 0
    assert "index.md: an explorer is embedded twice" in result.stderr


def test_impossible_prompt_fails_naming_the_explorer(tmp_path: Path) -> None:
    hooks = ROOT / "overrides" / "hooks"
    spec = importlib.util.spec_from_file_location("explorers", hooks / "explorers.py")
    hook = importlib.util.module_from_spec(spec)
    sys.modules["explorers"] = hook  # its dataclass looks itself up there
    sys.path.insert(0, str(hooks))  # as MkDocs does while it loads a hook
    try:
        spec.loader.exec_module(hook)
    finally:
        sys.path.remove(str(hooks))
    bad = dict(
        CONFIGS["fraud-accuracy"], prompt={"prevalence": 0.01, "recall": 0.18, "accuracy": 0.999}
    )
    path = tmp_path / "explorers.yml"
    path.write_text(yaml.safe_dump({"too-accurate": bad}))
    with pytest.raises(PluginError, match=r"explorer 'too-accurate'.*false-positive rate"):
        hook.load_configs(path)
