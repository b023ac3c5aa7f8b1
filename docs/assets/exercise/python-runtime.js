// One Python worker per tab, shared by every exercise widget and kept across
// Material's instant navigation (this module is evaluated once per tab).
// Stop and the time limit terminate the worker and start a fresh one.
// Events: "statechange" (idle, loading, ready) and "download" while Python's
// files arrive (`downloaded` holds {received, total} bytes; total 0 if unknown).
const workerUrl = new URL("python-worker.js", import.meta.url);
const pyodideUrl = new URL("../vendor/pyodide/pyodide.mjs", import.meta.url);

/** Code ended from outside: `kind` is "stopped", "timeout" or "crashed". */
export class Interrupted extends Error {
  constructor(message, kind) {
    super(message);
    this.kind = kind;
  }
}

class PythonRuntime extends EventTarget {
  #worker = null;
  #ready = null;
  #pending = new Map();
  #nextId = 1;
  #packagesUrl = "";
  #start = "auto"; // how the next worker starts (see python-worker.js)
  state = "idle"; // idle | loading | ready
  startedFrom = ""; // snapshot | full start, once ready
  downloaded = { received: 0, total: 0 };

  /** Start Python if it is not running; resolve when it is ready. */
  start(packagesUrl) {
    if (packagesUrl) this.#packagesUrl = packagesUrl;
    if (this.#ready) return this.#ready;
    this.downloaded = { received: 0, total: 0 };
    this.#setState("loading");
    const started = performance.now();
    this.#worker = this.#spawn();
    const init = {
      type: "init",
      pyodideUrl: pyodideUrl.href,
      packagesUrl: this.#packagesUrl,
      start: this.#start,
    };
    const onLoading = ({ received, total }) => {
      this.downloaded = { received, total };
      this.dispatchEvent(new Event("download"));
    };
    this.#ready = this.#send(init, { onLoading });
    this.#ready.then((reply) => this.#started(reply, started)).catch(() => {});
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

  /** Terminate the worker (ending any run with `reason` of `kind`) and start a fresh one. */
  restart(reason, kind = "stopped") {
    this.#worker?.terminate();
    this.#worker = null;
    this.#ready = null;
    for (const { reject, timer } of this.#pending.values()) {
      clearTimeout(timer);
      reject(new Interrupted(reason, kind));
    }
    this.#pending.clear();
    this.start().catch(() => {});
  }

  #spawn() {
    const worker = new Worker(workerUrl, { type: "module", name: "python" });
    worker.onmessage = ({ data }) => this.#receive(data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.restart(`Python stopped unexpectedly (${event.message || "the worker crashed"}).`, "crashed");
    };
    return worker;
  }

  #started(reply, started) {
    this.startupSeconds = (performance.now() - started) / 1000;
    this.startedFrom = reply.from;
    if (reply.fallback) {
      console.warn(`Python started without its snapshot, more slowly: ${reply.fallback}`);
    }
    // Later workers in this tab (after Stop) start the way this one did.
    this.#start = reply.from === "snapshot" ? "auto" : "full";
    this.#setState("ready");
  }

  #setState(state) {
    this.state = state;
    this.dispatchEvent(new Event("statechange"));
  }

  #send(message, handlers) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, timer: null, ...handlers });
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
            "timeout",
          ),
        pending.timeLimit * 1000,
      );
    } else if (message.type === "loading") {
      pending.onLoading?.(message);
    } else if (message.type === "progress") {
      pending.onProgress?.(message.result);
    } else if (message.type === "ready" || message.type === "result") {
      clearTimeout(pending.timer);
      this.#pending.delete(message.id);
      pending.resolve(message.type === "ready" ? message : message.result);
    } else if (message.type === "failed" && message.fatal) {
      // Recursion through built-ins (map, sorted with a key) uses the engine's
      // own stack, which runs out before Python's recursion limit is reached.
      this.restart(
        `Python crashed (${message.message.split("\n")[0]}); in the browser that is most often recursion too deep for its stack. Python was restarted and your code is unchanged: replace the recursion with a loop and a stack of your own.`,
        "crashed",
      );
    } else if (message.type === "failed") {
      clearTimeout(pending.timer);
      this.#pending.delete(message.id);
      pending.reject(new Error(message.message));
    }
  }
}

export const runtime = new PythonRuntime();
