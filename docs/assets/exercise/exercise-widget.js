// The exercise widget: attaches to each <section class="exercise"> the build
// hook wrote, and fills the practice page's state column. Nothing heavy loads
// until the reader shows intent (the widget scrolls into view, the editor gets
// focus, or Run): then the CodeMirror bundle and the Python worker start.
import { storage } from "../storage.js";
import { element, MAX_CHARS, MAX_LINES, truncate } from "./dom.js";
import { Interrupted, runtime } from "./python-runtime.js";

const editorUrl = new URL("../vendor/codemirror.js", import.meta.url);

let editorModule;
const loadEditor = () => (editorModule ??= import(editorUrl.href));
let verdictModule;
const loadVerdict = () => (verdictModule ??= import("./verdict.js"));

const exerciseData = new Map();
function loadData(slug) {
  if (!exerciseData.has(slug)) {
    const url = new URL(`../exercises/${slug}.json`, import.meta.url);
    exerciseData.set(
      slug,
      fetch(url).then((response) => {
        if (!response.ok) throw new Error(`could not load ${url.pathname} (${response.status})`);
        return response.json();
      }),
    );
  }
  return exerciseData.get(slug);
}

const keys = {
  code: (slug, hash) => `exercise:${slug}:${hash}:code`,
  passed: (slug) => `exercise:${slug}:passed`,
};

class ExerciseWidget {
  constructor(root) {
    this.root = root;
    this.slug = root.dataset.exercise;
    this.hash = root.dataset.hash;
    this.codeKey = keys.code(this.slug, this.hash);
    this.view = null;
    this.busy = false;
    this.hintsShown = 0;
    this.solutionAsked = false;
    this.passed = storage.get(keys.passed(this.slug)) === "1";
    const $ = (selector) => root.querySelector(selector);
    this.status = $(".exercise__status");
    this.output = $(".exercise__output");
    this.results = $(".exercise__results");
    this.hints = $(".exercise__hints");
    this.solution = $(".exercise__solution");
    this.storageNote = $(".exercise__storage");
    this.download = $(".exercise__download");
    this.editorBox = $(".exercise__editor");
    this.fallback = $(".exercise__fallback");
    this.starter = this.fallback.textContent;
    this.buttons = Object.fromEntries(
      [...root.querySelectorAll("[data-action]")].map((b) => [b.dataset.action, b]),
    );
    this.code = storage.get(this.codeKey) ?? this.starter;
    this.noteStorage();
    this.fallback.querySelector("code").textContent = this.code;
    this.fallback.tabIndex = 0;
    this.fallback.setAttribute("aria-label", "Code (the editor loads when you focus it)");
    $(".exercise__toolbar").hidden = false;

    for (const [action, button] of Object.entries(this.buttons)) {
      button.addEventListener("click", () => this[action]());
    }
    this.fallback.addEventListener("focus", () => this.activate());
    this.fallback.addEventListener("pointerdown", () => this.activate());
    this.observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.activate();
      },
      { rootMargin: "200px" },
    );
    this.observer.observe(root);
    this.onRuntimeState = () => this.showRuntimeState();
    this.onDownload = () => this.alive() && this.active && this.showDownload();
    runtime.addEventListener("statechange", this.onRuntimeState);
    runtime.addEventListener("download", this.onDownload);
  }

  /** First sign of intent: start Python, fetch the exercise and mount the editor. */
  activate() {
    this.activation ??= (async () => {
      this.active = true; // before the runtime's first statechange
      this.observer.disconnect();
      runtime.start(this.root.dataset.packagesUrl).catch((error) => this.fail(error));
      this.showRuntimeState();
      const [data] = await Promise.all([loadData(this.slug), this.mountEditor(), loadVerdict()]);
      this.data = data;
    })();
    return this.activation;
  }

  async mountEditor() {
    const { EditorView, basicSetup, keymap, indentWithTab, python, syntaxHighlighting, classHighlighter } =
      await loadEditor();
    const hadFocus = document.activeElement === this.fallback;
    const keysId = this.editorBox.dataset.describedBy;
    this.view = new EditorView({
      doc: this.code,
      extensions: [
        // Before basicSetup, so Mod-Enter runs instead of inserting a blank line.
        keymap.of([{ key: "Mod-Enter", run: () => (this.run(), true) }, indentWithTab]),
        basicSetup,
        python(),
        // Token classes styled by exercise.css with the site's code colours, in
        // both schemes (basicSetup's own colours are a fallback, now unused).
        syntaxHighlighting(classHighlighter),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) this.save();
        }),
        EditorView.contentAttributes.of({
          "aria-label": "Your code",
          "aria-describedby": keysId,
          // In the tab order already (contenteditable); said explicitly so that
          // checkers see the scroller around it has focusable content.
          tabindex: "0",
        }),
      ],
    });
    this.fallback.replaceWith(this.view.dom);
    this.root.dataset.editor = "ready";
    if (hadFocus) this.view.focus();
  }

  currentCode() {
    return this.view ? this.view.state.doc.toString() : this.code;
  }

  setCode(text) {
    this.code = text;
    if (this.view) {
      this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
    }
    this.save();
  }

  save() {
    this.code = this.currentCode();
    storage.set(this.codeKey, this.code === this.starter ? null : this.code);
    this.noteStorage();
  }

  /** Said once, the first time this browser refuses to keep anything. */
  noteStorage() {
    if (storage.works || !this.storageNote.hidden) return;
    this.storageNote.hidden = false;
  }

  alive() {
    if (this.root.isConnected) return true;
    runtime.removeEventListener("statechange", this.onRuntimeState);
    runtime.removeEventListener("download", this.onDownload);
    return false;
  }

  /** While Python downloads: a bar of MiB received of the total, where the total is known. */
  showDownload() {
    const { received, total } = runtime.downloaded;
    const bar = this.download.querySelector("progress");
    const mib = (bytes) => (bytes / 2 ** 20).toFixed(1);
    const text = total ? `${mib(received)} of ${mib(total)} MiB` : `${mib(received)} MiB`;
    if (total) {
      bar.max = total;
      bar.value = Math.min(received, total);
    } else {
      bar.removeAttribute("value"); // indeterminate
    }
    bar.setAttribute("aria-valuetext", text);
    this.download.querySelector("span").textContent = `Downloading Python: ${text}`;
    this.download.hidden = runtime.state !== "loading" || received === 0;
  }

  showRuntimeState() {
    if (!this.alive() || !this.active) return;
    this.showDownload();
    if (this.busy) return;
    if (runtime.state === "loading") {
      this.root.dataset.state = "loading";
      this.say("Loading Python in your browser…");
    } else if (runtime.state === "ready") {
      this.root.dataset.state = "ready";
      this.root.dataset.pythonStart = runtime.startedFrom;
      if (!this.status.dataset.kept) this.say("Python is ready. Run runs your code; Check grades it.");
    }
  }

  say(text, { keep = false } = {}) {
    this.status.textContent = text;
    if (keep) this.status.dataset.kept = "1";
    else delete this.status.dataset.kept;
  }

  setBusy(busy) {
    this.busy = busy;
    this.root.dataset.state = busy ? "running" : runtime.state;
    this.buttons.stop.disabled = !busy;
    this.buttons.run.disabled = busy;
    this.buttons.check.disabled = busy;
  }

  fail(error) {
    this.root.dataset.result = "error";
    this.say(`Something went wrong: ${error.message}`, { keep: true });
  }

  interrupted(error, during = "") {
    this.root.dataset.result = error.kind;
    this.say(`${error.message}${during}`, { keep: true });
  }

  async request(message, options) {
    await this.activate();
    const { packages, time_limit_seconds: timeLimit } = this.data;
    if (runtime.state !== "ready") {
      this.say("Loading Python in your browser…");
    }
    await runtime.start();
    this.say(message.type === "run" ? "Running your code…" : "Checking your code…");
    return runtime.request(
      { ...message, source: this.currentCode(), packages },
      { ...options, timeLimit },
    );
  }

  showOutput(text, note = "") {
    const { kept, cut } = truncate(text);
    this.output.hidden = false;
    this.output.textContent = kept;
    if (cut || note) {
      const extra = element("span", "exercise__note");
      extra.textContent = [cut ? "[Output truncated in the page.]" : "", note]
        .filter(Boolean)
        .join(" ");
      if (kept && !kept.endsWith("\n")) this.output.append("\n");
      this.output.append(extra);
    }
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
        storage.set(keys.passed(this.slug), "1");
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

  stop() {
    if (!this.busy) return;
    runtime.restart(
      "You stopped your code, so Python was restarted. Your code is unchanged: press Run when ready.",
    );
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

function updatePracticeList() {
  for (const cell of document.querySelectorAll("[data-exercise-state]")) {
    const slug = cell.dataset.exerciseState;
    const passed = storage.get(keys.passed(slug)) === "1";
    const started = storage.get(keys.code(slug, cell.dataset.hash)) !== null;
    const state = passed ? "passed" : started ? "in-progress" : "not-started";
    cell.dataset.state = state;
    cell.textContent = { passed: "Passed", "in-progress": "In progress", "not-started": "Not started" }[
      state
    ];
  }
}

function attachAll() {
  for (const root of document.querySelectorAll("section.exercise[data-exercise]")) {
    root.exerciseWidget ??= new ExerciseWidget(root);
  }
  updatePracticeList();
}

// Material's instant navigation swaps the page without reloading this module:
// attach to the new page's widgets on every emission; the worker is reused.
if (window.document$) window.document$.subscribe(attachAll);
else attachAll();
