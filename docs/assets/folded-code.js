// Code in a closed <details> is built into a <template> (overrides/hooks/folds.py),
// so the browser builds none of its highlighted tokens as the page loads; it
// joins the page only when its <details> first opens, and gets then what
// Material gives a code block: a copy button, and keyboard focus only while it scrolls.
import { focusableWhileItScrolls } from "./a11y.js";

let folded = 0;

function unfold(details) {
  const template = details.querySelector(":scope > template");
  if (!template) return;
  template.replaceWith(template.content);
  for (const code of details.querySelectorAll("pre > code")) {
    const pre = code.parentElement;
    pre.id ||= `__folded_code_${folded++}`;
    const bar = document.createElement("div");
    bar.className = "md-code__nav";
    const copy = document.createElement("button");
    copy.className = "md-code__button";
    copy.title = "Copy to clipboard";
    copy.dataset.clipboardTarget = `#${pre.id} > code`; // Material's clipboard listener
    copy.dataset.mdType = "copy";
    bar.append(copy);
    pre.insertBefore(bar, code);
    focusableWhileItScrolls(code); // a11y.py wrote its tabindex, for before it was measured
  }
}

// "toggle" does not bubble: listen while it travels down.
document.addEventListener(
  "toggle",
  ({ target }) => target.matches?.("details[open]") && unfold(target),
  true,
);
