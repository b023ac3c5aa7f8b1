// The explorers' arithmetic: plain functions of plain numbers, no DOM, so the
// same module runs in the page and in Node, where a test compares every output
// with scipy and scikit-learn (tests/test_explorers.py).
//
// The classifier model is the equal-variance binormal model of signal-detection
// theory: negatives score N(0, 1), positives N(separation, 1), and a case is
// flagged when its score is at or above the threshold.

const SQRT2 = Math.SQRT2;
const SQRT_PI = Math.sqrt(Math.PI);

/** erfc(x) for x >= 0, to about 1e-15 relative: a series, then a continued fraction. */
function erfcPositive(x) {
  if (x > 27) return 0; // below the smallest double
  if (x < 1.5) {
    // erf(x) = 2/sqrt(pi) exp(-x^2) * sum 2^n x^(2n+1) / (1*3*...*(2n+1)): all terms positive.
    let term = x;
    let sum = x;
    for (let n = 1; term > sum * 1e-17; n += 1) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - ((2 / SQRT_PI) * Math.exp(-x * x) * sum);
  }
  // erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), by Lentz's method.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n += 1) {
    const a = n / 2;
    d = x + a * d;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (SQRT_PI * f);
}

/** P(Z >= x) for a standard normal Z, with full relative precision in the upper tail. */
export function normalSf(x) {
  if (Number.isNaN(x)) return NaN;
  return x >= 0 ? erfcPositive(x / SQRT2) / 2 : 1 - erfcPositive(-x / SQRT2) / 2;
}

/** P(Z <= x) for a standard normal Z. */
export const normalCdf = (x) => normalSf(-x);

const normalPdf = (x) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);

/** The z with P(Z >= z) = q, for 0 < q < 1 (the inverse survival function). */
export function normalIsf(q) {
  if (!(q > 0 && q < 1)) throw new RangeError(`normalIsf needs 0 < q < 1, got ${q}`);
  if (q === 0.5) return 0;
  const tail = Math.min(q, 1 - q);
  // Abramowitz and Stegun 26.2.23 (error < 4.5e-4), then Halley's method on the tail.
  const t = Math.sqrt(-2 * Math.log(tail));
  let z = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) /
    (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  for (let i = 0; i < 8; i += 1) {
    const u = (normalSf(z) - tail) / normalPdf(z);
    const step = u / (1 - (z * u) / 2);
    z += step;
    if (Math.abs(step) < 1e-15 * Math.max(1, z)) break;
  }
  return q < 0.5 ? z : -z;
}

/** Recall and false-positive rate at a threshold, for positives shifted by `separation`. */
export function rates(threshold, separation) {
  return { recall: normalSf(threshold - separation), falsePositiveRate: normalSf(threshold) };
}

/**
 * Where a prompt's figures put the model. A prompt gives the prevalence, the
 * recall and one of accuracy, precision or specificity; together they fix the
 * false-positive rate, and with the recall that fixes threshold and separation.
 */
export function solvePrompt({ prevalence, recall, accuracy, precision, specificity }) {
  const negatives = 1 - prevalence;
  let falsePositiveRate;
  if (accuracy !== undefined) {
    // Errors are 1 - accuracy of all cases; the misses among them are known from recall.
    falsePositiveRate = (1 - accuracy - prevalence * (1 - recall)) / negatives;
  } else if (precision !== undefined) {
    falsePositiveRate = (prevalence * recall * (1 - precision)) / (precision * negatives);
  } else if (specificity !== undefined) {
    falsePositiveRate = 1 - specificity;
  } else {
    throw new RangeError("a prompt needs accuracy, precision or specificity beside recall");
  }
  if (!(falsePositiveRate > 0 && falsePositiveRate < recall && recall < 1)) {
    throw new RangeError(
      `these figures give a false-positive rate of ${falsePositiveRate} against a recall of ` +
        `${recall}: no threshold on two normal score distributions reproduces them`,
    );
  }
  const threshold = normalIsf(falsePositiveRate);
  return { threshold, separation: threshold - normalIsf(recall), falsePositiveRate };
}

const ratio = (numerator, denominator) => (denominator > 0 ? numerator / denominator : NaN);

/** Every figure at one operating point; the four cells are shares of all cases. */
export function classifier({ prevalence, threshold, separation, costFn, costFp, beta }) {
  const { recall, falsePositiveRate } = rates(threshold, separation);
  const tp = prevalence * recall;
  const fp = (1 - prevalence) * falsePositiveRate;
  const fn = prevalence - tp;
  const tn = 1 - prevalence - fp;
  const b2 = beta * beta;
  return {
    tp,
    fn,
    fp,
    tn,
    recall,
    falsePositiveRate,
    specificity: 1 - falsePositiveRate,
    precision: ratio(tp, tp + fp),
    npv: ratio(tn, tn + fn),
    accuracy: tp + tn,
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    fBeta: ratio((1 + b2) * tp, (1 + b2) * tp + b2 * fn + fp),
    costPerCase: costFn * fn + costFp * fp,
    rocAuc: normalCdf(separation / SQRT2),
  };
}

/**
 * The threshold that minimises expected cost. The model's posterior log-odds at
 * score s is logit(prevalence) + separation * s - separation^2 / 2; flag when it
 * reaches log(costFp / costFn), the rule p >= costFp / (costFp + costFn).
 * Infinite when one action is always cheaper.
 */
export function cheapestThreshold({ prevalence, separation, costFn, costFp }) {
  const logPrior = Math.log(prevalence / (1 - prevalence));
  const logCosts = Math.log(costFp / costFn);
  if (separation > 0) return (logCosts - logPrior + (separation * separation) / 2) / separation;
  return logPrior >= logCosts ? -Infinity : Infinity; // scores carry no information
}

/** Recall, false-positive rate and precision at each threshold: the ROC and PR curves. */
export function curves(prevalence, separation, thresholds) {
  return thresholds.map((threshold) => {
    const { recall, falsePositiveRate } = rates(threshold, separation);
    const tp = prevalence * recall;
    const precision = ratio(tp, tp + (1 - prevalence) * falsePositiveRate);
    return { recall, falsePositiveRate, precision };
  });
}

/** `count` thresholds evenly spaced on [low, high]. */
export function grid(low, high, count) {
  return Array.from({ length: count }, (_, i) => low + ((high - low) * i) / (count - 1));
}

// -- PSI -----------------------------------------------------------------------

/**
 * Shares of the current window in each bin of the reference's quantiles. The
 * reference is N(0, 1) on the log scale; the current window is N(shift, spread)
 * in the same units. Each share is taken from the nearer tail, so tiny shares
 * keep their precision.
 */
export function currentShares(edges, shift, spread) {
  const bounds = [-Infinity, ...edges, Infinity].map((edge) => (edge - shift) / spread);
  return bounds.slice(1).map((upper, i) => {
    const lower = bounds[i];
    return lower >= 0 ? normalSf(lower) - normalSf(upper) : normalCdf(upper) - normalCdf(lower);
  });
}

/** Inner bin edges at the reference's quantiles, in standard units. */
export const referenceEdges = (bins) => grid(0, 1, bins + 1).slice(1, -1).map((p) => -normalIsf(p));

/**
 * PSI of a current window against the reference, computed on the distributions
 * (no sampling), and the PSI two samples of one distribution show on average:
 * sum((a - e)^2 / e) to first order, so (bins - 1)(1/rows + 1/referenceRows).
 */
export function psi({ amountChange, spread, sigma, bins, rows, referenceRows }) {
  const shift = Math.log1p(amountChange) / sigma;
  const expected = 1 / bins;
  const shares = currentShares(referenceEdges(bins), shift, spread);
  const terms = shares.map((actual) => (actual - expected) * Math.log(actual / expected));
  return {
    shares,
    terms,
    psi: terms.reduce((a, b) => a + b, 0),
    noiseFloor: (bins - 1) * (1 / rows + 1 / referenceRows),
  };
}

/** The rule-of-thumb band a PSI falls in (a convention from credit scoring, not a law). */
export const psiBand = (value) => (value < 0.1 ? "stable" : value < 0.25 ? "watch" : "act");
