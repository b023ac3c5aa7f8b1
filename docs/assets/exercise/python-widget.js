// What the exercise and kit widgets share: they start Python on the first sign
// of intent, show its download and state, speak through one status line, run
// one request at a time under the time limit, and Stop ends it. A subclass
// loads its data in `load()` and says what Python is ready for in `readyText`.
import { storage } from "../storage.js";
import { element, truncate } from "./dom.js";
import { runtime } from "./python-runtime.js";

const fetched = new Map(); // URL -> Promise of its JSON, fetched once per tab

/** The JSON at `url` (a URL object), fetched once however many widgets ask. */
export function loadJson(url) {
  if (!fetched.has(url.href)) {
    const json = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`could not load ${url.pathname} (${response.status})`);
      return response.json();
    });
    fetched.set(url.href, json);
  }
  return fetched.get(url.href);
}

export class PythonWidget {
  readyText = "Python is ready.";

  constructor(root) {
    this.root = root;
    this.busy = false;
    const $ = (selector) => root.querySelector(selector);
    this.status = $(".exercise__status");
    this.output = $(".exercise__output");
    this.results = $(".exercise__results");
    this.storageNote = $(".exercise__storage");
    this.downloadBar = $(".exercise__download");
    this.editorBox = $(".exercise__editor");
    this.fallback = $(".exercise__fallback");
    this.buttons = Object.fromEntries(
      [...root.querySelectorAll("[data-action]")].map((b) => [b.dataset.action, b]),
    );
    for (const [action, button] of Object.entries(this.buttons)) {
      button.addEventListener("click", () => this[action]());
    }
    $(".exercise__toolbar").hidden = false;
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

  /** First sign of intent: start Python and load what the widget needs (`load`). */
  activate() {
    this.activation ??= (async () => {
      this.active = true; // before the runtime's first statechange
      this.observer.disconnect();
      runtime.start(this.root.dataset.packagesUrl).catch((error) => this.fail(error));
      this.showRuntimeState();
      await this.load();
    })();
    return this.activation;
  }

  /**
   * The code as text until the editor loads: `text` where the reader had
   * changed it, named `label`, and the first sign of intent to edit it.
   */
  showInFallback(text, label) {
    this.fallback.querySelector("code").textContent = text;
    this.fallback.tabIndex = 0;
    this.fallback.setAttribute("aria-label", `${label} (the editor loads when you focus it)`);
    this.fallback.addEventListener("focus", () => this.activate());
    this.fallback.addEventListener("pointerdown", () => this.activate());
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
    const bar = this.downloadBar.querySelector("progress");
    const mib = (bytes) => (bytes / 2 ** 20).toFixed(1);
    const text = total ? `${mib(received)} of ${mib(total)} MiB` : `${mib(received)} MiB`;
    if (total) {
      bar.max = total;
      bar.value = Math.min(received, total);
    } else {
      bar.removeAttribute("value"); // indeterminate
    }
    bar.setAttribute("aria-valuetext", text);
    this.downloadBar.querySelector("span").textContent = `Downloading Python: ${text}`;
    this.downloadBar.hidden = runtime.state !== "loading" || received === 0;
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
      if (!this.status.dataset.kept) this.say(this.readyText);
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

  /** Send `message` to Python once it is ready, under this widget's time limit. */
  async request(message, { onProgress, saying } = {}) {
    await this.activate();
    if (runtime.state !== "ready") {
      this.say("Loading Python in your browser…");
    }
    await runtime.start();
    this.say(saying);
    return runtime.request(message, { onProgress, timeLimit: this.data.time_limit_seconds });
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

  stop() {
    if (!this.busy) return;
    runtime.restart(
      "You stopped your code, so Python was restarted. Your code is unchanged: press Run when ready.",
    );
  }
}
