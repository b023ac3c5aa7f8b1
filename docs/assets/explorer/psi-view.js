// The PSI explorer: the current window's share of each reference bin, and the
// index against the rule-of-thumb bands.
import { Plot, svgElement } from "./charts.js";
import { psi, psiBand } from "./model.js";

const BAND_EDGES = [0, 0.1, 0.25, 0.5];
const BAND_NAMES = ["stable", "watch", "act"];

export function psiView(root, config, format) {
  const svg = (name) => root.querySelector(`svg[data-chart="${name}"]`);
  const bins = new Plot(svg("bins"), {
    x: [0, config.bins], y: [0, 0.5], xTicks: [], yTicks: [0, 0.25, 0.5],
    xLabel: "reference bin (lowest amounts left)", yLabel: "share of window",
    format: (v) => `${Math.round(100 * v)}%`,
  });
  const bars = Array.from({ length: config.bins }, () => bins.mark("path", "explorer__bar"));
  const expected = bins.mark("path", "explorer__baseline");
  bins.hline(expected, 1 / config.bins);

  const bands = new Plot(svg("bands"), {
    x: [0, 0.5], y: [0, 1], xTicks: BAND_EDGES, yTicks: [], xLabel: "PSI", yLabel: "",
  });
  BAND_NAMES.forEach((name, i) => {
    const [low, high] = [BAND_EDGES[i], BAND_EDGES[i + 1]];
    const band = bands.mark("path", `explorer__band explorer__band--${name}`);
    bands.line(band, [[low, 1], [high, 1]], { close: true });
    const at = { x: bands.sx((low + high) / 2), y: bands.sy(0.8), class: "explorer__label" };
    svgElement("text", at, bands.marks).textContent = name;
  });
  const floor = bands.mark("rule", "explorer__rule explorer__rule--floor");
  const marker = bands.mark("rule", "explorer__rule");

  const barPath = (i, share) => {
    const [left, right] = [bins.sx(i + 0.12), bins.sx(i + 0.88)];
    const [bottom, top] = [bins.sy(0), bins.sy(Math.min(share, 0.5))];
    return `M${left} ${bottom}V${top}H${right}V${bottom}Z`;
  };
  const inputs = (state) => ({
    ...state, sigma: config.sigma, bins: config.bins, referenceRows: config.reference_rows,
  });

  return {
    action(name) {
      const { amount_change: amountChange, spread, rows } = config.prompt;
      return name === "still" ? { amountChange: 0, spread: 1 } : { amountChange, spread, rows };
    },

    render(state) {
      const figures = psi(inputs(state));
      figures.shares.forEach((share, i) => bars[i].setAttribute("d", barPath(i, share)));
      bands.rule(marker, Math.min(figures.psi, 0.5));
      bands.rule(floor, Math.min(figures.noiseFloor, 0.5));
      return {
        psi: format.index(figures.psi),
        band: psiBand(figures.psi),
        noiseFloor: format.index(figures.noiseFloor),
      };
    },

    summary(f) {
      return (
        `PSI ${f.psi}, in the rule-of-thumb ${f.band} band; ` +
        `the noise floor at this window is ${f.noiseFloor}.`
      );
    },
  };
}
