// The Python worker: Pyodide in a module Web Worker, so a `while True:` never
// freezes the page. One loadPyodide() promise per worker; every run gets a
// fresh namespace from the harness. Messages are {id, type, ...}:
//   in:  init {pyodideUrl, harnessUrl, packagesUrl} | run {source, packages, packagesUrl}
//        | check {source, checks, packages, packagesUrl}
//   out: ready {seconds} | started | result {result} | progress {result} | failed {message}
let pyodidePromise;
let harness;

async function boot({ pyodideUrl, harnessUrl, packagesUrl }) {
  const started = performance.now();
  const { loadPyodide } = await import(pyodideUrl);
  // The lock file is the site's copy; packages it lists come from packagesUrl.
  const pyodide = await loadPyodide({
    indexURL: new URL(".", pyodideUrl).href,
    packageBaseUrl: packagesUrl,
  });
  const source = await (await fetch(harnessUrl)).text();
  pyodide.FS.writeFile("/home/pyodide/exercise_harness.py", source);
  harness = pyodide.pyimport("exercise_harness");
  return { pyodide, seconds: (performance.now() - started) / 1000 };
}

const loadedPackages = new Set();

async function ensurePackages(pyodide, packages, packagesUrl) {
  const missing = packages.filter((name) => !loadedPackages.has(name));
  if (missing.length === 0) return;
  await pyodide.loadPackage(missing, { errorCallback: () => {} });
  for (const name of missing) {
    try {
      pyodide.pyimport(name);
      loadedPackages.add(name);
    } catch {
      throw new Error(
        `This exercise needs ${missing.join(", ")}, which could not be fetched from ${packagesUrl}: check your connection and reload.`,
      );
    }
  }
}

self.onmessage = async ({ data: message }) => {
  const { id, type } = message;
  const post = (reply) => self.postMessage({ id, ...reply });
  try {
    if (type === "init") {
      pyodidePromise ??= boot(message);
      const { seconds } = await pyodidePromise;
      post({ type: "ready", seconds });
      return;
    }
    const { pyodide } = await pyodidePromise;
    await ensurePackages(pyodide, message.packages ?? [], message.packagesUrl);
    post({ type: "started" });
    if (type === "run") {
      post({ type: "result", result: JSON.parse(harness.run_json(message.source)) });
    } else if (type === "check") {
      const report = (text) => post({ type: "progress", result: JSON.parse(text) });
      const summary = harness.check_json(message.source, message.checks, report);
      post({ type: "result", result: JSON.parse(summary) });
    } else {
      post({ type: "failed", message: `unknown message type ${type}` });
    }
  } catch (error) {
    post({ type: "failed", message: error.message ?? String(error) });
  }
};
