// The kit widget: a practice kit (examples/rounds/) as a multi-file exercise.
// Attaches to the <section class="kit"> the build hook wrote (overrides/hooks/kits.py);
// this module is on kit pages only. It shares the exercise widget's runtime,
// editor and verdicts: the reader's files go to Python in the same worker, where
// roundkit runs the kit's tests (Run tests) or grades every part (Check).
import { keys } from "../progress.js";
import { storage } from "../storage.js";
import { addStylesheet } from "../stylesheet.js";
import { element } from "../exercise/dom.js";
import { editorState, loadEditor, mountEditor, replaceText } from "../exercise/editor.js";
import { Interrupted } from "../exercise/python-runtime.js";
import { loadJson, PythonWidget } from "../exercise/python-widget.js";

const fflateUrl = new URL("../vendor/fflate.js", import.meta.url);
const stylesheetUrl = new URL("kit.css", import.meta.url).href;
let verdictModule;
const loadVerdict = () => (verdictModule ??= import("../exercise/verdict.js"));
const loadKit = (name) => loadJson(new URL(`../kits/${name}.json`, import.meta.url));

const plural = (count, noun) => `${count} ${noun}${count === 1 ? "" : "s"}`;

class KitWidget extends PythonWidget {
  readyText = "Python is ready. Run tests runs the kit's tests; Check grades every part.";

  constructor(root) {
    super(root);
    this.name = root.dataset.kit;
    this.hash = root.dataset.hash;
    this.passed = storage.get(keys.passed("kit", this.name)) === "1";
    this.walkthroughAsked = false;
    this.states = new Map(); // path -> CodeMirror state, made when the file is first opened
    this.view = null;
    const $ = (selector) => root.querySelector(selector);
    this.pathLabel = $(".kit__path code");
    this.editedLabel = $(".kit__edited");
    this.fileButtons = new Map([...root.querySelectorAll("[data-file]")].map((b) => [b.dataset.file, b]));
    this.path = [...this.fileButtons.keys()][0];
    this.showInFallback(storage.get(this.key(this.path)) ?? this.fallback.textContent, this.path);
    this.noteStorage();
    for (const [path, button] of this.fileButtons) {
      button.addEventListener("click", () => this.open(path));
      this.markEdited(path, storage.get(this.key(path)) !== null);
    }
    this.walkthroughBox = document.querySelector("details.walkthrough");
    this.gateWalkthrough();
  }

  key(path) {
    return keys.draft("kit", this.name, this.hash, `file:${path}`);
  }

  /** The page's walkthrough, kept closed until the reader passes or asks twice. */
  gateWalkthrough() {
    if (!this.walkthroughBox) {
      this.buttons.walkthrough.hidden = true;
      return;
    }
    this.walkthroughNote = element(
      "p",
      "kit__walkthrough-note",
      "The walkthrough opens once your Check passes, or when you press Walkthrough twice.",
    );
    this.walkthroughBox.before(this.walkthroughNote);
    this.showWalkthrough(this.passed);
  }

  showWalkthrough(shown) {
    this.walkthroughBox.hidden = !shown;
    this.walkthroughNote.hidden = shown;
    this.buttons.walkthrough.disabled = shown;
  }

  /** Fetch the kit, open its first file in the editor. */
  async load() {
    const [data] = await Promise.all([loadKit(this.name), loadEditor(), loadVerdict()]);
    this.data = data;
    this.fresh = new Map(data.files.map((file) => [file.path, file.text]));
    this.view = await mountEditor(this.fallback, await this.stateOf(this.path));
    this.root.dataset.editor = "ready";
  }

  async stateOf(path) {
    if (!this.states.has(path)) {
      const text = storage.get(this.key(path)) ?? this.fresh.get(path);
      const state = await editorState(text, {
        python: path.endsWith(".py"),
        onRun: () => this.run(),
        onChange: () => this.save(),
        label: path,
        describedBy: this.editorBox.dataset.describedBy,
      });
      this.states.set(path, state);
    }
    return this.states.get(path);
  }

  /** Show `path` in the editor; each file keeps its own undo history. */
  async open(path) {
    await this.activate();
    const next = await this.stateOf(path);
    // From here on nothing waits, so two quick clicks cannot mix up two files.
    if (path === this.path) return;
    this.states.set(this.path, this.view.state);
    this.path = path;
    this.view.setState(next);
    for (const [other, button] of this.fileButtons) {
      if (other === path) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
    }
    this.pathLabel.textContent = path;
    this.editedLabel.hidden = !this.fileButtons.get(path).dataset.edited;
  }

  /** The reader's text of every file the kit lists, as Python gets it. */
  currentFiles() {
    const files = {};
    for (const path of this.fileButtons.keys()) {
      const state = path === this.path ? this.view.state : this.states.get(path);
      files[path] = state ? state.doc.toString() : (storage.get(this.key(path)) ?? this.fresh.get(path));
    }
    return files;
  }

  save() {
    const text = this.view.state.doc.toString();
    const edited = text !== this.fresh.get(this.path);
    storage.set(this.key(this.path), edited ? text : null);
    this.markEdited(this.path, edited);
    this.noteStorage();
  }

  markEdited(path, edited) {
    const button = this.fileButtons.get(path);
    if (edited) button.dataset.edited = "1";
    else delete button.dataset.edited;
    button.setAttribute("aria-label", edited ? `${path}, edited` : path);
    if (path === this.path) this.editedLabel.hidden = !edited;
  }

  kitRequest(type) {
    const kit = { kind: this.data.kind, task: this.name, files: this.currentFiles() };
    return { type, kit };
  }

  /** Run one request (Run tests or Check); `show` turns its reply into the verdict. */
  async perform(type, saying, show) {
    if (this.busy) return;
    this.setBusy(true);
    this.output.hidden = true;
    this.results.hidden = true;
    this.root.dataset.result = "";
    try {
      await this.activate();
      const reply = await this.request(this.kitRequest(type), { saying });
      if (reply.error) {
        this.root.dataset.result = "error";
        this.say(`The kit could not run: ${reply.error}`, { keep: true });
        return;
      }
      const { renderItems } = await loadVerdict();
      const { items, said } = show(reply);
      this.results.replaceChildren(...renderItems(items));
      this.results.hidden = false;
      const allPassed = items.length > 0 && items.every((item) => item.passed);
      this.root.dataset.result = allPassed ? "passed" : "failed";
      this.say(said, { keep: true });
    } catch (error) {
      if (error instanceof Interrupted) this.interrupted(error);
      else this.fail(error);
    } finally {
      this.setBusy(false);
    }
  }

  run() {
    return this.perform("kit-test", "Running the kit's tests…", ({ outcomes }) => {
      const items = outcomes.map((outcome) => ({
        passed: outcome.status === "pass",
        label: outcome.test_id.split(".").slice(0, 2).join("."),
        title: outcome.description,
        detail: outcome.detail,
      }));
      const passed = items.filter((item) => item.passed).length;
      const said = items.length
        ? `${passed} of ${plural(items.length, "test")} pass.`
        : "No tests ran: tests/ has none that unittest can find.";
      return { items, said };
    });
  }

  check() {
    return this.perform("kit-check", "Checking every part…", (grade) => {
      const items = grade.parts.map((part, index) => ({
        passed: part.passed,
        label: `Part ${index + 1}`,
        title: part.title,
        detail: part.failure,
      }));
      const first = items.find((item) => !item.passed);
      let said = `${grade.passed} of ${plural(grade.total, "part")} pass.`;
      if (first) {
        said += ` First failure: ${first.label.toLowerCase()}, “${first.title}”.`;
      } else {
        this.passed = true;
        storage.set(keys.passed("kit", this.name), "1");
        if (this.walkthroughBox) this.showWalkthrough(true);
        said += this.walkthroughBox ? " Well done: the walkthrough below is open to you." : " Well done.";
      }
      // The grade's notes (a bug squash fixed without a test is incomplete) are said too.
      return { items, said: [said, ...grade.notes].join(" ") };
    });
  }

  walkthrough() {
    if (!this.passed && !this.walkthroughAsked) {
      this.walkthroughAsked = true;
      this.say("Press Walkthrough again to open it (one more part on your own first?).", { keep: true });
      return;
    }
    this.showWalkthrough(true);
    this.walkthroughBox.open = true;
    this.say("The walkthrough is open below the kit.", { keep: true });
  }

  async reset() {
    if (this.busy) return;
    await this.activate();
    const question = `Replace ${this.path} with the kit's original? Your changes to this file will be lost.`;
    if (!window.confirm(question)) return;
    replaceText(this.view, this.fresh.get(this.path));
    this.say(`${this.path} was reset to the kit's original.`, { keep: true });
  }

  /**
   * The kit as a zip for your IDE, built here from its files as you have them:
   * the whole kit, with its sandbox's HTTP server (which this page's Python
   * cannot run) and a round.json, so `rounds.py grade` grades it on your machine.
   */
  download() {
    return this.zip().catch((error) => this.fail(error));
  }

  async zip() {
    const [data, { strToU8, zipSync }] = await Promise.all([loadKit(this.name), import(fflateUrl.href)]);
    const edited = this.view ? this.currentFiles() : {};
    const created = Math.floor(Date.now() / 1000);
    const round = { kind: data.kind, created, task: this.name, title: data.title };
    const entries = { [`${this.name}/round.json`]: strToU8(`${JSON.stringify(round, null, 2)}\n`) };
    for (const { path, text } of data.files) {
      entries[`${this.name}/${path}`] = strToU8(edited[path] ?? storage.get(this.key(path)) ?? text);
    }
    const link = element("a");
    link.href = URL.createObjectURL(new Blob([zipSync(entries)], { type: "application/zip" }));
    link.download = `${this.name}.zip`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    this.say(`Downloaded ${this.name}.zip: unzip it, then python -m unittest inside.`, { keep: true });
  }
}

function attachAll() {
  const roots = document.querySelectorAll("section.kit[data-kit]");
  if (roots.length) addStylesheet(stylesheetUrl).catch(() => {}); // unstyled still works
  for (const root of roots) root.kitWidget ??= new KitWidget(root);
}

// Material's instant navigation runs this module once; attach on every page it shows.
if (window.document$) window.document$.subscribe(attachAll);
else attachAll();
