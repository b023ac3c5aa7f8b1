// One Python worker per tab, shared by every exercise widget and kept across
// Material's instant navigation (this module is evaluated once per tab).
// Stop and the time limit terminate the worker and start a fresh one.
const workerUrl = new URL("python-worker.js", import.meta.url);
const pyodideUrl = new URL("../vendor/pyodide/pyodide.mjs", import.meta.url);
const harnessUrl = new URL("../exercises/exercise_harness.py", import.meta.url);

export class Interrupted extends Error {}

class PythonRuntime extends EventTarget {
  #worker = null;
  #ready = null;
  #pending = new Map();
  #nextId = 1;
  #packagesUrl = "";
  #useSnapshot = true;
  state = "idle"; // idle | loading | ready
  startedFrom = ""; // snapshot | full start, once ready

  /** Start the worker if it is not running; resolve when Python is ready. */
  start(packagesUrl) {
    if (packagesUrl) this.#packagesUrl = packagesUrl;
    if (this.#worker) return this.#ready;
    this.#setState("loading");
    this.#worker = new Worker(workerUrl, { type: "module", name: "python" });
    this.#worker.onmessage = ({ data }) => this.#receive(data);
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.restart(`Python stopped unexpectedly (${event.message || "the worker crashed"}).`);
    };
    const started = performance.now();
    this.#ready = this.#send(
      {
        type: "init",
        pyodideUrl: pyodideUrl.href,
        harnessUrl: harnessUrl.href,
        packagesUrl: this.#packagesUrl,
        useSnapshot: this.#useSnapshot,
      },
      {},
    ).then((reply) => {
      this.startupSeconds = (performance.now() - started) / 1000;
      this.startedFrom = reply.fallback ? "full start" : "snapshot";
      if (reply.fallback && this.#useSnapshot) {
        // Said once per tab: later workers (after Stop) go straight to the full start.
        console.warn(`Python started without its snapshot, more slowly: ${reply.fallback}`);
        this.#useSnapshot = false;
      }
      this.#setState("ready");
      return reply;
    });
    return this.#ready;
  }

  /**
   * Send a run or check request. `onProgress` gets each check result as it
   * arrives; `timeLimit` (seconds) counts from the moment the code starts.
   */
  async request(message, { onProgress, timeLimit } = {}) {
    await this.start();
    return this.#send(message, { onProgress, timeLimit });
  }

  /** Terminate the worker (ending any run with `reason`) and start a fresh one. */
  restart(reason) {
    this.#worker?.terminate();
    this.#worker = null;
    for (const { reject, timer } of this.#pending.values()) {
      clearTimeout(timer);
      reject(new Interrupted(reason));
    }
    this.#pending.clear();
    this.start().catch(() => {});
  }

  #setState(state) {
    this.state = state;
    this.dispatchEvent(new Event("statechange"));
  }

  #send(message, { onProgress, timeLimit }) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress, timeLimit, timer: null });
      this.#worker.postMessage({ id, ...message });
    });
  }

  #receive(message) {
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    if (message.type === "started" && pending.timeLimit) {
      pending.timer = setTimeout(
        () =>
          this.restart(
            `The time limit (${pending.timeLimit} s) ended your code, so Python was restarted. Your code is unchanged: look for a loop that never ends or work that grows too fast.`,
          ),
        pending.timeLimit * 1000,
      );
    } else if (message.type === "progress") {
      pending.onProgress?.(message.result);
    } else if (message.type === "ready" || message.type === "result") {
      clearTimeout(pending.timer);
      this.#pending.delete(message.id);
      pending.resolve(message.type === "ready" ? message : message.result);
    } else if (message.type === "failed") {
      clearTimeout(pending.timer);
      this.#pending.delete(message.id);
      pending.reject(new Error(message.message));
    }
  }
}

export const runtime = new PythonRuntime();
