// Study-plan checklists. Inside a block that opts in (`<div class="study-plan"
// markdown>` around a Markdown task list), each checkbox becomes clickable and
// its state is kept in localStorage, keyed by page path and the item's text.
//
// pymdownx.tasklist (custom_checkbox) renders every item as
//   <li class="task-list-item"><label class="task-list-control">
//     <input type="checkbox" disabled><span class="task-list-indicator"></span>
//   </label> text</li>
// so the script enables the input, labels it with the item's text, and restores
// the saved state. It runs on every page Material's instant navigation shows.

import { storage } from "./storage.js";

const KEY_PREFIX = "stripe-mle-guide:checklist:";

// "/guide/process/study-plans/" and ".../study-plans/index.html" are one page.
const pagePath = () => window.location.pathname.replace(/index\.html$/, "");

// The item's own text, without the text of any list nested inside it.
function itemText(input) {
  const item = input.closest("li").cloneNode(true);
  for (const nested of item.querySelectorAll("ul, ol")) nested.remove();
  return item.textContent.replace(/\s+/g, " ").trim();
}

function progressLine(block, boxes) {
  const line = document.createElement("p");
  line.className = "checklist-progress";
  const count = document.createElement("span");
  count.setAttribute("aria-live", "polite");
  const clear = document.createElement("button");
  clear.type = "button";
  clear.textContent = "Clear ticks";
  line.append(count, clear);
  block.append(line);

  const update = () => {
    const done = boxes.filter(({ input }) => input.checked).length;
    count.textContent = `${done} of ${boxes.length} ticked (saved in this browser).`;
  };
  clear.addEventListener("click", () => {
    if (!window.confirm("Clear every tick in this plan?")) return;
    for (const { input, key } of boxes) {
      input.checked = false;
      storage.set(key, null);
    }
    update();
  });
  return update;
}

function enhance(block) {
  if (block.dataset.checklist === "ready") return;
  block.dataset.checklist = "ready";
  const seen = new Map(); // text -> occurrences, so repeated items get distinct keys
  const boxes = [];
  for (const input of block.querySelectorAll(".task-list-item input[type=checkbox]")) {
    const text = itemText(input);
    const occurrence = (seen.get(text) ?? 0) + 1;
    seen.set(text, occurrence);
    const key = `${KEY_PREFIX}${pagePath()}|${text}${occurrence > 1 ? `|${occurrence}` : ""}`;
    input.disabled = false;
    const saved = storage.get(key);
    if (saved !== null) input.checked = saved === "1";
    boxes.push({ input, key });
  }
  if (boxes.length === 0) return;
  const update = progressLine(block, boxes);
  for (const { input, key } of boxes) {
    input.addEventListener("change", () => {
      storage.set(key, input.checked ? "1" : "0");
      update();
    });
  }
  update();
}

document$.subscribe(() => {
  for (const block of document.querySelectorAll(".study-plan")) enhance(block);
});
