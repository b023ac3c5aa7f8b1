// The classifier explorer: four charts over one operating point.
import { Plot } from "./charts.js";
import { cheapestThreshold, classifier, curves, grid, solvePrompt } from "./model.js";

const SCORES = [-4, 8]; // the score axis: wide enough for any separation the slider allows
const CURVE = grid(-6, 11, 171); // thresholds that trace the ROC and PR curves
const THRESHOLDS = grid(-3, 7, 101); // the threshold slider's range, for the cost curve
const pdf = (x) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
const percentTicks = (v) => `${Math.round(100 * v)}%`;

/** A y-axis top and three ticks that read well: a round multiple of a power of ten. */
function niceTop(max) {
  const power = 10 ** Math.floor(Math.log10(max));
  const top = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * power).find((c) => c >= max);
  return { top, ticks: [0, top / 2, top] };
}

export function classifierView(root, config, format) {
  const svg = (name) => root.querySelector(`svg[data-chart="${name}"]`);
  const scores = new Plot(svg("scores"), {
    x: SCORES, y: [0, 0.45], xTicks: [-4, -2, 0, 2, 4, 6, 8], yTicks: [],
    xLabel: "score", yLabel: "density",
  });
  const roc = new Plot(svg("roc"), {
    x: [0, 1], y: [0, 1], xTicks: [0, 0.5, 1], yTicks: [0, 0.5, 1],
    xLabel: "false-positive rate", yLabel: "recall", format: percentTicks,
  });
  const pr = new Plot(svg("pr"), {
    x: [0, 1], y: [0, 1], xTicks: [0, 0.5, 1], yTicks: [0, 0.5, 1],
    xLabel: "recall", yLabel: "precision", format: percentTicks,
  });
  const cost = new Plot(svg("cost"), {
    x: [-3, 7], y: [0, 1], xTicks: [-2, 0, 2, 4, 6], yTicks: [],
    xLabel: "threshold", yLabel: "cost per case",
    format: (v) => String(Number(v.toPrecision(3))),
  });
  const marks = {
    negativeArea: scores.mark("path", "explorer__area explorer__area--negative"),
    positiveArea: scores.mark("path", "explorer__area explorer__area--positive"),
    negative: scores.mark("path", "explorer__curve explorer__curve--negative"),
    positive: scores.mark("path", "explorer__curve explorer__curve--positive"),
    threshold: scores.mark("rule", "explorer__rule"),
    diagonal: roc.mark("path", "explorer__baseline"),
    roc: roc.mark("path", "explorer__curve"),
    rocPoint: roc.mark("dot", "explorer__point"),
    baseline: pr.mark("path", "explorer__baseline"),
    pr: pr.mark("path", "explorer__curve"),
    prPoint: pr.mark("dot", "explorer__point"),
    cost: cost.mark("path", "explorer__curve"),
    cheapest: cost.mark("rule", "explorer__rule explorer__rule--cheapest"),
    costPoint: cost.mark("dot", "explorer__point"),
  };
  roc.line(marks.diagonal, [[0, 0], [1, 1]]);
  const solved = solvePrompt(config.prompt);
  const perCases = (share) => format.cell(share * config.per);

  function draw(state, figures) {
    const { threshold, separation, prevalence } = state;
    const negative = grid(...SCORES, 121).map((x) => [x, pdf(x)]);
    const positive = negative.map(([x]) => [x, pdf(x - separation)]);
    scores.line(marks.negative, negative);
    scores.line(marks.positive, positive);
    scores.line(marks.negativeArea, negative.filter(([x]) => x >= threshold), { close: true });
    scores.line(marks.positiveArea, positive.filter(([x]) => x >= threshold), { close: true });
    scores.rule(marks.threshold, threshold);

    const curve = curves(prevalence, separation, CURVE);
    roc.line(marks.roc, curve.map((r) => [r.falsePositiveRate, r.recall]));
    roc.dot(marks.rocPoint, figures.falsePositiveRate, figures.recall);
    pr.line(marks.pr, curve.map((r) => [r.recall, r.precision]));
    pr.hline(marks.baseline, prevalence);
    pr.dot(marks.prPoint, figures.recall, figures.precision);

    const costAt = (t) => classifier({ ...state, threshold: t, beta: 1 }).costPerCase;
    const costs = THRESHOLDS.map((t) => [t, costAt(t)]);
    const { top, ticks } = niceTop(Math.max(...costs.map(([, c]) => c)) * 1.05);
    cost.rescaleY([0, top], ticks);
    cost.line(marks.cost, costs);
    cost.rule(marks.cheapest, cheapestThreshold(state));
    cost.dot(marks.costPoint, threshold, figures.costPerCase);
  }

  return {
    action(name, state) {
      if (name === "cheapest") {
        const best = cheapestThreshold(state);
        return { threshold: Math.min(7, Math.max(-3, best)) };
      }
      return {
        prevalence: config.prompt.prevalence,
        threshold: solved.threshold,
        separation: solved.separation,
        costFn: config.costs.fn,
        costFp: config.costs.fp,
      };
    },

    render(state) {
      const figures = classifier({ ...state, beta: config.beta });
      draw(state, figures);
      return {
        tp: perCases(figures.tp),
        fn: perCases(figures.fn),
        fp: perCases(figures.fp),
        tn: perCases(figures.tn),
        precision: format.percent(figures.precision),
        recall: format.percent(figures.recall),
        specificity: format.percent(figures.specificity),
        npv: format.percent(figures.npv),
        accuracy: format.percent(figures.accuracy),
        f1: format.fraction(figures.f1),
        fBeta: format.fraction(figures.fBeta),
        costPerCase: format.costPerCase(figures.costPerCase),
        rocAuc: format.fraction(figures.rocAuc),
        cheapest: format.score(cheapestThreshold(state)),
        solved:
          `threshold ${format.score(solved.threshold)}, separation ${format.score(solved.separation)} ` +
          `(false-positive rate ${format.percent(solved.falsePositiveRate)})`,
      };
    },

    summary(f) {
      return (
        `Precision ${f.precision}, recall ${f.recall}, specificity ${f.specificity}, ` +
        `accuracy ${f.accuracy}, F1 ${f.f1}, expected cost ${f.costPerCase} per case.`
      );
    },
  };
}
