// A small line chart of one round's scores, attempt by attempt, drawn as SVG
// by the page itself. Colours come from Material's variables, so it follows
// the light and dark schemes.
const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 240;
const HEIGHT = 80;
const PAD = 8;
const LEFT = 32; // room for the scale's labels

function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** An <svg role="img"> of `percents` (0-100, oldest first) named by `label`. */
export function trendChart(percents, label) {
  const chart = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: "img",
    "aria-label": label,
    class: "mock-trend__chart",
  });
  const y = (p) => HEIGHT - PAD - (p / 100) * (HEIGHT - 2 * PAD);
  const step = (WIDTH - LEFT - PAD) / Math.max(1, percents.length - 1);
  const x = (i) => (percents.length === 1 ? (LEFT + WIDTH - PAD) / 2 : LEFT + i * step);
  for (const level of [0, 50, 100]) {
    chart.append(svg("line", { x1: LEFT, x2: WIDTH - PAD, y1: y(level), y2: y(level), class: "mock-trend__grid" }));
    const label = svg("text", { x: LEFT - 6, y: y(level) + 3, "text-anchor": "end", class: "mock-trend__label" });
    label.textContent = `${level} %`;
    chart.append(label);
  }
  const points = percents.map((p, i) => `${x(i)},${y(p)}`).join(" ");
  chart.append(svg("polyline", { points, class: "mock-trend__line" }));
  for (const [i, p] of percents.entries()) {
    chart.append(svg("circle", { cx: x(i), cy: y(p), r: 3.5, class: "mock-trend__dot" }));
  }
  return chart;
}
