// Where the practice widgets keep a reader's work (localStorage), and the Practice
// page's state column, read back from it. Work is saved under the exercise's or
// kit's content hash, so a new version starts clean; "passed" outlives versions.
import { storage } from "./storage.js";

const draftsOf = (kind, name, hash) => `${kind}:${name}:${hash}:`;

export const keys = {
  /** A saved draft: an exercise's code ("code"), or one file of a kit ("file:PATH"). */
  draft: (kind, name, hash, part) => draftsOf(kind, name, hash) + part,
  passed: (kind, name) => `${kind}:${name}:passed`,
};

const LABELS = { passed: "Passed", "in-progress": "In progress", "not-started": "Not started" };

/** Fill each <td data-practice="exercise|kit" data-name data-hash> with where the reader is. */
export function fillPracticeStates() {
  for (const cell of document.querySelectorAll("td[data-practice]")) {
    const { practice: kind, name, hash } = cell.dataset;
    const passed = storage.get(keys.passed(kind, name)) === "1";
    const started = storage.anyStartingWith(draftsOf(kind, name, hash));
    const state = passed ? "passed" : started ? "in-progress" : "not-started";
    cell.dataset.state = state;
    cell.textContent = LABELS[state];
  }
}
