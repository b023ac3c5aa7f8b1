// A small SVG plot: linear scales on the SVG's viewBox (320 wide), axes with
// ticks and labels, and the few marks the explorers draw. Colours come from
// explorer.css.

const SVG_NS = "http://www.w3.org/2000/svg";
const WIDTH = 320;
const MARGIN = { left: 42, right: 18, top: 10, bottom: 36 };

export function svgElement(tag, attributes, parent) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  parent?.append(node);
  return node;
}

const round = (value) => Math.round(value * 10) / 10;

export class Plot {
  /**
   * x, y: [low, high] of each axis; ticks: values to label on each axis;
   * format: how a tick is printed. The y range can change later (rescaleY).
   */
  constructor(svg, { x, y, xTicks, yTicks, xLabel, yLabel, format = String }) {
    this.svg = svg;
    this.bottom = svg.viewBox.baseVal.height - MARGIN.bottom; // the x axis, in SVG units
    this.x = x;
    this.y = y;
    this.format = format;
    this.axes = svgElement("g", { class: "explorer__axes" }, svg);
    this.marks = svgElement("g", {}, svg);
    this.xTicks = xTicks;
    this.drawAxes(yTicks);
    const middle = (MARGIN.left + WIDTH - MARGIN.right) / 2;
    const xText = svgElement("text", { x: middle, y: this.bottom + 32, class: "explorer__label" }, svg);
    xText.textContent = xLabel;
    const yMiddle = (MARGIN.top + this.bottom) / 2;
    const label = svgElement(
      "text",
      { x: 0, y: 0, class: "explorer__label", transform: `translate(11 ${yMiddle}) rotate(-90)` },
      svg,
    );
    label.textContent = yLabel;
  }

  sx(value) {
    const [low, high] = this.x;
    const width = WIDTH - MARGIN.left - MARGIN.right;
    return round(MARGIN.left + ((value - low) / (high - low)) * width);
  }

  sy(value) {
    const [low, high] = this.y;
    return round(this.bottom - ((value - low) / (high - low)) * (this.bottom - MARGIN.top));
  }

  drawAxes(yTicks) {
    this.axes.replaceChildren();
    const [left, right, top, bottom] = [MARGIN.left, WIDTH - MARGIN.right, MARGIN.top, this.bottom];
    const frame = `M${left} ${top}V${bottom}H${right}`;
    svgElement("path", { d: frame, class: "explorer__axis" }, this.axes);
    for (const tick of this.xTicks) {
      const at = this.sx(tick);
      svgElement("path", { d: `M${at} ${bottom}v4`, class: "explorer__axis" }, this.axes);
      const text = svgElement("text", { x: at, y: bottom + 15, class: "explorer__tick" }, this.axes);
      text.textContent = this.format(tick);
    }
    for (const tick of yTicks) {
      const at = this.sy(tick);
      svgElement("path", { d: `M${left - 4} ${at}h4`, class: "explorer__axis" }, this.axes);
      const text = svgElement(
        "text",
        { x: left - 6, y: at + 4, class: "explorer__tick explorer__tick--y" },
        this.axes,
      );
      text.textContent = this.format(tick);
    }
  }

  rescaleY(y, yTicks) {
    this.y = y;
    this.drawAxes(yTicks);
  }

  /** A mark that later calls move: "path" (a polyline or area), "dot" or "rule" (vertical). */
  mark(kind, className) {
    const tag = kind === "dot" ? "circle" : "path";
    const node = svgElement(tag, { class: className }, this.marks);
    if (kind === "dot") node.setAttribute("r", 4.5);
    return node;
  }

  /** Points [[x, y], ...] as a path; `close` drops it to the x axis to fill an area. */
  line(node, points, { close = false } = {}) {
    const visible = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    let d = visible.map(([x, y], i) => `${i ? "L" : "M"}${this.sx(x)} ${this.sy(y)}`).join("");
    if (close && visible.length) {
      const base = this.sy(this.y[0]);
      d += `L${this.sx(visible.at(-1)[0])} ${base}L${this.sx(visible[0][0])} ${base}Z`;
    }
    node.setAttribute("d", d);
  }

  dot(node, x, y) {
    const shown = Number.isFinite(x) && Number.isFinite(y);
    node.setAttribute("visibility", shown ? "visible" : "hidden");
    if (shown) {
      node.setAttribute("cx", this.sx(x));
      node.setAttribute("cy", this.sy(y));
    }
  }

  rule(node, x) {
    const inside = x >= this.x[0] && x <= this.x[1];
    node.setAttribute("d", inside ? `M${this.sx(x)} ${MARGIN.top}V${this.bottom}` : "");
  }

  hline(node, y) {
    node.setAttribute("d", `M${MARGIN.left} ${this.sy(y)}H${WIDTH - MARGIN.right}`);
  }
}
