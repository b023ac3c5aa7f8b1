"""Checks for the logistic-step exercise: public ones first, then hidden edge cases."""

import math
import random

from exercise_harness import Checks, Trial, close_to

checks = Checks()


def step(t: Trial, *args: object, **kwargs: object) -> list:
    """The reader's (new_weights, new_bias, loss) as a list of plain values."""
    new_weights, new_bias, loss = t.code("logistic_step")(*args, **kwargs)
    return [list(new_weights), new_bias, loss]


# -- An independent implementation, written differently from the reference solution:
# the sigmoid through tanh, sums with math.fsum, the loss as -log of the probability of
# the observed label. It is accurate for moderate scores (|z| below about 30), which is
# what the random problems below produce.


def sigmoid_tanh(z: float) -> float:
    return 0.5 * (1.0 + math.tanh(z / 2.0))


def scores(weights: list, bias: float, X: list) -> list[float]:
    return [math.fsum([w * x for w, x in zip(weights, row, strict=True)]) + bias for row in X]


def mean_log_loss(weights: list, bias: float, X: list, y: list) -> float:
    z = scores(weights, bias, X)
    return math.fsum(
        -math.log(sigmoid_tanh(zi if yi == 1 else -zi)) for zi, yi in zip(z, y, strict=True)
    ) / len(X)


def independent_step(
    weights: list, bias: float, X: list, y: list, learning_rate: float, l2: float = 0.0
) -> list:
    n = len(X)
    residuals = [sigmoid_tanh(zi) - yi for zi, yi in zip(scores(weights, bias, X), y, strict=True)]
    gradient = [
        math.fsum(r * row[j] for r, row in zip(residuals, X, strict=True)) / n + l2 * weights[j]
        for j in range(len(weights))
    ]
    new_weights = [w - learning_rate * g for w, g in zip(weights, gradient, strict=True)]
    new_bias = bias - learning_rate * math.fsum(residuals) / n
    return [new_weights, new_bias, mean_log_loss(weights, bias, X, y)]


def check_step(t: Trial, args: tuple, expected: list, **kwargs: object) -> None:
    t.expect(expected)
    t.got(close_to(step(t, *args, **kwargs), expected))


@checks.public(
    "one feature, starting from zero",
    fed="logistic_step([0.0], 0.0, [[1.0], [2.0], [-1.0]], [1, 1, 0], learning_rate=0.1)",
)
def from_zero(t: Trial) -> None:
    # Every p is 0.5, so the loss is log 2 and the gradient is the mean of (0.5 - y) * x.
    check_step(
        t, ([0.0], 0.0, [[1.0], [2.0], [-1.0]], [1, 1, 0], 0.1), [[1 / 15], 1 / 60, math.log(2)]
    )


PUBLIC_L2 = ([0.5, -0.25], 0.1, [[1.0, 2.0], [0.5, -1.0], [-1.5, 0.0]], [1, 0, 1], 0.5)


@checks.public(
    "two features with L2",
    fed=(
        "logistic_step([0.5, -0.25], 0.1, [[1.0, 2.0], [0.5, -1.0], [-1.5, 0.0]], [1, 0, 1], "
        "learning_rate=0.5, l2=0.1)"
    ),
)
def with_l2(t: Trial) -> None:
    check_step(t, PUBLIC_L2, independent_step(*PUBLIC_L2, l2=0.1), l2=0.1)


@checks.public(
    "a row of the wrong length is rejected",
    fed="logistic_step([0.0, 0.0], 0.0, [[1.0, 2.0], [3.0]], [0, 1], learning_rate=0.1)",
)
def ragged(t: Trial) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: step(t, [0.0, 0.0], 0.0, [[1.0, 2.0], [3.0]], [0, 1], 0.1)))


@checks.hidden(
    "scores of +-1000 neither overflow nor take log(0)",
    fed="logistic_step([1.0], 0.0, [[1000.0], [-1000.0]], [0, 1], learning_rate=0.001)",
)
def extreme_wrong(t: Trial) -> None:
    # Both rows are confidently wrong: each costs 1000, and each adds 1000 to the gradient sum.
    check_step(t, ([1.0], 0.0, [[1000.0], [-1000.0]], [0, 1], 0.001), [[0.0], 0.0, 1000.0])


@checks.hidden(
    "confident and right: a loss near 0, not log(0)",
    fed="logistic_step([1.0], 0.0, [[40.0], [-40.0]], [1, 0], learning_rate=0.1)",
)
def extreme_right(t: Trial) -> None:
    # Each row's loss is log1p(exp(-40)), about 4e-18; the step barely moves anything.
    check_step(t, ([1.0], 0.0, [[40.0], [-40.0]], [1, 0], 0.1), [[1.0], 0.0, 0.0])


L2_BIAS = ([2.0, -1.0], 3.0, [[0.5, 1.0], [1.0, -0.5]], [1, 0], 0.1)


@checks.hidden(
    "L2 shrinks the weights, not the bias",
    fed=(
        "logistic_step([2.0, -1.0], 3.0, [[0.5, 1.0], [1.0, -0.5]], [1, 0], "
        "learning_rate=0.1, l2=0.5)"
    ),
)
def l2_not_on_bias(t: Trial) -> None:
    check_step(t, L2_BIAS, independent_step(*L2_BIAS, l2=0.5), l2=0.5)


@checks.hidden(
    "l2 defaults to 0",
    fed="logistic_step([2.0, -1.0], 3.0, [[0.5, 1.0], [1.0, -0.5]], [1, 0], learning_rate=0.1)",
)
def l2_default(t: Trial) -> None:
    check_step(t, L2_BIAS, independent_step(*L2_BIAS))


@checks.hidden(
    "the arguments are not modified",
    fed="weights [0.5, -0.5], X [[1.0, 2.0], [3.0, 4.0]], y [1, 0]; the lists after the step",
)
def arguments_unchanged(t: Trial) -> None:
    weights, X, y = [0.5, -0.5], [[1.0, 2.0], [3.0, 4.0]], [1, 0]
    t.expect([[0.5, -0.5], [[1.0, 2.0], [3.0, 4.0]], [1, 0]])
    step(t, weights, 0.0, X, y, 0.1, l2=0.1)
    t.got([weights, X, y])


@checks.hidden(
    "bad input is rejected",
    fed=(
        "an empty X; 2 rows but 1 label; labels 2, True and 1.0; learning_rate 0, -0.1, "
        "nan and inf; l2 -1, nan and inf (one feature, weights [0.0])"
    ),
)
def bad_input(t: Trial) -> None:
    nan, inf = float("nan"), float("inf")
    cases = {
        "empty X": (([0.0], 0.0, [], [], 0.1), {}),
        "2 rows, 1 label": (([0.0], 0.0, [[1.0], [2.0]], [1], 0.1), {}),
        "label 2": (([0.0], 0.0, [[1.0]], [2], 0.1), {}),
        "label True": (([0.0], 0.0, [[1.0]], [True], 0.1), {}),
        "label 1.0": (([0.0], 0.0, [[1.0]], [1.0], 0.1), {}),
        "learning_rate 0": (([0.0], 0.0, [[1.0]], [1], 0.0), {}),
        "learning_rate -0.1": (([0.0], 0.0, [[1.0]], [1], -0.1), {}),
        "learning_rate nan": (([0.0], 0.0, [[1.0]], [1], nan), {}),
        "learning_rate inf": (([0.0], 0.0, [[1.0]], [1], inf), {}),
        "l2 -1": (([0.0], 0.0, [[1.0]], [1], 0.1), {"l2": -1.0}),
        "l2 nan": (([0.0], 0.0, [[1.0]], [1], 0.1), {"l2": nan}),
        "l2 inf": (([0.0], 0.0, [[1.0]], [1], 0.1), {"l2": inf}),
    }
    t.expect(dict.fromkeys(cases, "raises ValueError"))
    t.got({name: t.raises(lambda c=c: step(t, *c[0], **c[1])) for name, c in cases.items()})


def random_problem(rng: random.Random) -> tuple[tuple, float]:
    d, n = rng.randint(1, 5), rng.randint(1, 30)
    weights = [rng.gauss(0, 1) for _ in range(d)]
    X = [[rng.gauss(0, 1.5) for _ in range(d)] for _ in range(n)]
    y = [rng.randint(0, 1) for _ in range(n)]
    args = (weights, rng.gauss(0, 1), X, y, rng.choice((0.01, 0.1, 0.5, 1.0)))
    return args, rng.choice((0.0, 0.01, 0.5))


@checks.hidden(
    "matches an independent implementation on 200 random problems",
    fed=(
        "200 random problems (random.Random(43)): 1 to 5 features, 1 to 30 rows, Gaussian "
        "weights and features, random labels, learning rates 0.01 to 1, l2 0, 0.01 or 0.5; "
        "compared to within 1e-9"
    ),
)
def random_problems(t: Trial) -> None:
    rng = random.Random(43)
    problems = [random_problem(rng) for _ in range(200)]
    expected = [independent_step(*args, l2=l2) for args, l2 in problems]
    t.expect(expected)
    t.got(
        [
            close_to(step(t, *args, l2=l2), want)
            for (args, l2), want in zip(problems, expected, strict=True)
        ]
    )


EPS = 1e-6
TOLERANCE = 1e-6


def objective(weights: list, bias: float, X: list, y: list, l2: float) -> float:
    """The function the step descends: mean log-loss + (l2 / 2) * ||weights||²."""
    return mean_log_loss(weights, bias, X, y) + l2 / 2 * math.fsum(w * w for w in weights)


def central_difference(weights: list, bias: float, X: list, y: list, l2: float) -> list[float]:
    """The objective's gradient by central differences, weights first, then the bias."""
    gradient = []
    for j in range(len(weights) + 1):
        up, down = [*weights, bias], [*weights, bias]
        up[j] += EPS
        down[j] -= EPS
        gradient.append(
            (objective(up[:-1], up[-1], X, y, l2) - objective(down[:-1], down[-1], X, y, l2))
            / (2 * EPS)
        )
    return gradient


@checks.hidden(
    "the step follows the numerical gradient on 50 random problems",
    fed=(
        "50 random problems (random.Random(47)), as above; the gradient implied by the step, "
        "(old - new) / learning_rate, against central differences (h = 1e-6) of "
        "mean log-loss + (l2 / 2) * ||w||², to within 1e-6"
    ),
)
def numerical_gradient(t: Trial) -> None:
    rng = random.Random(47)
    t.expect(f"all within {TOLERANCE:g}")
    for k in range(50):
        (weights, bias, X, y, learning_rate), l2 = random_problem(rng)
        new_weights, new_bias, _ = step(t, weights, bias, X, y, learning_rate, l2=l2)
        implied = [
            (old - new) / learning_rate for old, new in zip(weights, new_weights, strict=True)
        ]
        implied.append((bias - new_bias) / learning_rate)
        numeric = central_difference(weights, bias, X, y, l2)
        for j, (a, b) in enumerate(zip(implied, numeric, strict=True)):
            if abs(a - b) > TOLERANCE * max(1.0, abs(b)):
                name = "the bias" if j == len(weights) else f"weight {j}"
                t.got(
                    f"problem {k}, {name}: the step implies a gradient of {a:.9f}, "
                    f"central differences give {b:.9f}"
                )
                return
    t.got(f"all within {TOLERANCE:g}")
