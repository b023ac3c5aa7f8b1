// The exercise widget: attaches to each <section class="exercise"> the build
// hook wrote, and fills the practice page's state column. Nothing heavy loads
// until the reader shows intent (the widget scrolls into view, the editor gets
// focus, or Run): then the CodeMirror bundle and the Python worker start.
import { fillPracticeStates, keys } from "../progress.js";
import { storage } from "../storage.js";
import { element, MAX_CHARS, MAX_LINES } from "./dom.js";
import { editorState, mountEditor, replaceText } from "./editor.js";
import { Interrupted } from "./python-runtime.js";
import { loadJson, PythonWidget } from "./python-widget.js";

let verdictModule;
const loadVerdict = () => (verdictModule ??= import("./verdict.js"));

const loadData = (slug) => loadJson(new URL(`../exercises/${slug}.json`, import.meta.url));

class ExerciseWidget extends PythonWidget {
  readyText = "Python is ready. Run runs your code; Check grades it.";

  constructor(root) {
    super(root);
    this.slug = root.dataset.exercise;
    this.hash = root.dataset.hash;
    this.codeKey = keys.draft("exercise", this.slug, this.hash, "code");
    this.view = null;
    this.hintsShown = 0;
    this.solutionAsked = false;
    this.passed = storage.get(keys.passed("exercise", this.slug)) === "1";
    const $ = (selector) => root.querySelector(selector);
    this.hints = $(".exercise__hints");
    this.solution = $(".exercise__solution");
    this.starter = this.fallback.textContent;
    this.code = storage.get(this.codeKey) ?? this.starter;
    this.noteStorage();
    this.showInFallback(this.code, "Code");
  }

  /** Fetch the exercise and mount the editor. */
  async load() {
    const [data] = await Promise.all([loadData(this.slug), this.mountEditor(), loadVerdict()]);
    this.data = data;
  }

  async mountEditor() {
    const state = await editorState(this.code, {
      onRun: () => this.run(),
      onChange: () => this.save(),
      label: "Your code",
      describedBy: this.editorBox.dataset.describedBy,
    });
    this.view = await mountEditor(this.fallback, state);
    this.root.dataset.editor = "ready";
  }

  currentCode() {
    return this.view ? this.view.state.doc.toString() : this.code;
  }

  setCode(text) {
    this.code = text;
    if (this.view) replaceText(this.view, text);
    this.save();
  }

  save() {
    this.code = this.currentCode();
    storage.set(this.codeKey, this.code === this.starter ? null : this.code);
    this.noteStorage();
  }

  async request(message, options) {
    await this.activate();
    const saying = message.type === "run" ? "Running your code…" : "Checking your code…";
    const request = { ...message, source: this.currentCode(), packages: this.data.packages };
    return super.request(request, { ...options, saying });
  }

  async run() {
    if (this.busy) return;
    this.setBusy(true);
    this.results.hidden = true;
    this.root.dataset.result = "";
    try {
      const result = await this.request({ type: "run" });
      const note = result.truncated
        ? `[Output truncated: only the first ${MAX_LINES.toLocaleString("en")} lines or ${MAX_CHARS.toLocaleString("en")} characters are kept; ${result.dropped_chars.toLocaleString("en")} more characters were not shown.]`
        : "";
      const text = result.error ? `${result.output}${result.error}` : result.output;
      this.showOutput(text || (result.error ? "" : "(no output)"), note);
      this.root.dataset.result = result.error ? "error" : "ok";
      this.say(
        result.error ? "Your code stopped with an error: see the output." : "Ran without errors.",
        { keep: true },
      );
    } catch (error) {
      if (error instanceof Interrupted) this.interrupted(error);
      else this.fail(error);
    } finally {
      this.setBusy(false);
    }
  }

  async check() {
    if (this.busy) return;
    this.setBusy(true);
    this.output.hidden = true;
    this.results.replaceChildren();
    this.results.hidden = false;
    this.root.dataset.result = "";
    // Progress is shown, not read aloud: the status speaks again with the verdict.
    this.status.setAttribute("aria-busy", "true");
    const results = [];
    let total = 0;
    try {
      await this.activate();
      const { renderVerdict, sayVerdict } = await loadVerdict();
      total = this.data.public_checks.length + this.data.hidden_count;
      const onProgress = (result) => {
        results.push(result);
        this.results.replaceChildren(...renderVerdict(results));
        this.say(`Checking: ${results.length} of ${total} done…`);
      };
      const summary = await this.request({ type: "check", checks: this.data.checks }, { onProgress });
      this.announceChecked(summary);
      if (summary.error) {
        this.showOutput(summary.error);
        this.root.dataset.result = "error";
        this.say("Your code did not load, so no check ran: see the error below.", { keep: true });
        return;
      }
      const allPassed = summary.passed === summary.total;
      this.root.dataset.result = allPassed ? "passed" : "failed";
      if (allPassed) {
        this.passed = true;
        storage.set(keys.passed("exercise", this.slug), "1");
      }
      this.say(sayVerdict(results, summary), { keep: true });
    } catch (error) {
      if (!(error instanceof Interrupted)) return this.fail(error);
      const next = this.data?.public_checks[results.length]?.name;
      const where = next ? `“${next}”` : "a hidden check";
      this.interrupted(error, ` It stopped during check ${results.length + 1} of ${total} (${where}).`);
    } finally {
      this.status.removeAttribute("aria-busy");
      this.setBusy(false);
    }
  }

  /** Tell the page (a mock round, say) how a finished Check went. */
  announceChecked({ passed, total }) {
    const detail = { slug: this.slug, passed, total };
    this.root.dispatchEvent(new CustomEvent("exercise:checked", { bubbles: true, detail }));
  }

  async hint() {
    await this.activate();
    const hints = this.data.hints;
    if (this.hintsShown >= hints.length) return;
    this.hints.hidden = false;
    this.hints.append(element("li", "", hints[this.hintsShown]));
    this.hintsShown += 1;
    const left = hints.length - this.hintsShown;
    this.buttons.hint.textContent = left ? `Hint (${left} left)` : "No more hints";
    this.buttons.hint.disabled = left === 0;
    this.say(`Hint ${this.hintsShown} of ${hints.length} is shown below.`);
  }

  async solution() {
    await this.activate();
    if (!this.passed && !this.solutionAsked) {
      this.solutionAsked = true;
      this.say("Press Solution again to see the reference solution (a hint may be enough).", {
        keep: true,
      });
      return;
    }
    this.solution.replaceChildren(
      element("p", "exercise__solution-title", "Reference solution"),
      element("pre", "", this.data.solution),
    );
    this.solution.hidden = false;
    this.buttons.solution.disabled = true;
    this.say("The reference solution is below.", { keep: true });
  }

  reset() {
    if (this.busy) return;
    if (!window.confirm("Replace your code with the starter code? Your changes will be lost.")) {
      return;
    }
    this.setCode(this.starter);
    this.say("Your code was reset to the starter.", { keep: true });
  }
}

function attachAll() {
  for (const root of document.querySelectorAll("section.exercise[data-exercise]")) {
    root.exerciseWidget ??= new ExerciseWidget(root);
  }
  fillPracticeStates();
}

// Material's instant navigation swaps the page without reloading this module:
// attach to the new page's widgets on every emission; the worker is reused.
if (window.document$) window.document$.subscribe(attachAll);
else attachAll();
