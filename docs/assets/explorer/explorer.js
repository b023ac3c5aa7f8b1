// The explorers: attaches to each <section class="explorer"> the build hook
// (overrides/hooks/explorers.py) wrote, as it nears the viewport. Every input
// event recomputes the figures (model.js) and redraws the charts within the
// same frame; the screen-reader summary waits until the reader stops moving.
import { addStylesheet } from "../stylesheet.js";
import { classifierView } from "./classifier-view.js";
import { psiView } from "./psi-view.js";

const VIEWS = { classifier: classifierView, psi: psiView };
const ANNOUNCE_AFTER_MS = 700;

const number = (value, digits) =>
  value.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Formats shared by the sliders and the results, by unit name. */
export function formatter(config) {
  const unit = config.costs?.unit ?? "";
  const money = unit === "$";
  const singular = unit.replace(/s$/, "");
  return {
    percent: (v) =>
      Number.isFinite(v) ? `${number(100 * v, v < 0.01 ? 2 : 1)}\u00a0%` : "undefined",
    score: (v) => (Number.isFinite(v) ? number(v, 2) : v > 0 ? "never flag" : "flag all"),
    ratio: (v) => `${number(v, 2)}\u00d7`,
    change: (v) => `${v > 0 ? "+" : ""}${number(100 * v, 0)}\u00a0%`,
    count: (v) => number(Math.round(v), 0),
    fraction: (v) => (Number.isFinite(v) ? number(v, 3) : "undefined"),
    index: (v) => number(v, 4),
    cell: (v) => v.toLocaleString("en", { maximumFractionDigits: 1 }),
    cost: (v) => (money ? `$${number(v, 0)}` : `${number(v, 0)} ${v === 1 ? singular : unit}`),
    costPerCase: (v) => (money ? `$${number(v, 2)}` : `${number(v, 2)} ${unit}`),
  };
}

class Explorer {
  constructor(root) {
    this.root = root;
    this.config = JSON.parse(root.dataset.config);
    this.format = formatter(this.config);
    this.inputs = new Map(
      [...root.querySelectorAll("input[data-input]")].map((input) => [input.dataset.input, input]),
    );
    this.outputs = new Map(
      [...root.querySelectorAll("[data-out]")].map((node) => [node.dataset.out, node]),
    );
    this.status = this.outputs.get("summary");
    this.state = {};
    this.view = VIEWS[this.config.kind](root, this.config, this.format);
    for (const [name, input] of this.inputs) {
      input.addEventListener("input", () => {
        const value = Number(input.value);
        this.set(name, input.dataset.scale === "log10" ? 10 ** value : value, false);
        this.update();
      });
    }
    for (const button of root.querySelectorAll("[data-action]")) {
      button.addEventListener("click", () => {
        this.apply(this.view.action(button.dataset.action, this.state));
        this.update();
      });
    }
    this.apply(this.view.action("prompt", this.state));
    root.querySelector(".explorer__body").hidden = false;
    this.update({ announce: false });
    root.dataset.ready = "true";
  }

  apply(values) {
    for (const [name, value] of Object.entries(values)) this.set(name, value, true);
  }

  /** Sets one input: the exact value in the state, the nearest step on the slider. */
  set(name, value, moveSlider) {
    const input = this.inputs.get(name);
    this.state[name] = value;
    if (moveSlider) input.value = input.dataset.scale === "log10" ? Math.log10(value) : value;
    const text = this.format[input.dataset.unit](value);
    input.setAttribute("aria-valuetext", text);
    this.root.querySelector(`[data-value="${name}"]`).textContent = text;
  }

  update({ announce = true } = {}) {
    const figures = this.view.render(this.state);
    for (const [name, text] of Object.entries(figures)) {
      const node = this.outputs.get(name);
      if (node) node.textContent = text;
    }
    clearTimeout(this.announcement);
    if (announce) {
      this.announcement = setTimeout(() => {
        this.status.textContent = this.view.summary(figures);
      }, ANNOUNCE_AFTER_MS);
    }
  }
}

const stylesheetUrl = new URL("explorer.css", import.meta.url).href;

async function start(root) {
  try {
    await addStylesheet(stylesheetUrl);
    new Explorer(root);
  } catch (error) {
    root.querySelector(".explorer__body").hidden = true;
    const message = document.createElement("p");
    message.textContent = `This explorer could not start: ${error.message}`;
    root.append(message);
  }
}

// An explorer starts as it nears the viewport: a reader who never scrolls to
// one pays nothing for it, and the page's first paint never waits on it.
const nearViewport = new IntersectionObserver(
  (entries) => {
    for (const entry of entries.filter((e) => e.isIntersecting)) {
      nearViewport.unobserve(entry.target);
      start(entry.target);
    }
  },
  { rootMargin: "600px 0px" },
);

document$.subscribe(() => {
  nearViewport.disconnect();
  for (const root of document.querySelectorAll("section.explorer:not([data-ready])")) {
    nearViewport.observe(root);
  }
});
