// The Python worker: Pyodide in a module Web Worker, so a `while True:` never
// freezes the page. One loadPyodide() promise per worker; every run gets a
// fresh namespace from the harness. Messages are {id, type, ...}:
//   in:  init {pyodideUrl, harnessUrl, packagesUrl, useSnapshot} | run {source, packages}
//        | check {source, checks, packages}
//   out: ready {seconds, fallback} | started | result {result} | progress {result} | failed {message}
let pyodidePromise;
let harness;
let packageSource = ""; // where Pyodide's optional packages come from; empty offline

async function sha256(text) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

// The build's memory snapshot (scripts/make_snapshot.mjs): Python with the harness
// already imported. Used only if it was made from this Pyodide and this harness.
async function fetchSnapshot(indexURL, version, harnessSource) {
  const response = await fetch(new URL("snapshot.json", indexURL));
  if (!response.ok) throw new Error(`snapshot.json: HTTP ${response.status}`);
  const meta = await response.json();
  if (meta.pyodide_version !== version) {
    throw new Error(`made for Pyodide ${meta.pyodide_version}, this is ${version}`);
  }
  if (meta.harness_sha256 !== (await sha256(harnessSource))) {
    throw new Error("made from another version of the exercise harness");
  }
  const image = await fetch(new URL("snapshot.bin.gz", indexURL));
  if (!image.ok) throw new Error(`snapshot.bin.gz: HTTP ${image.status}`);
  // Gzip's checksum also turns a corrupted download into an error here.
  const bytes = image.body.pipeThrough(new DecompressionStream("gzip"));
  try {
    return new Uint8Array(await new Response(bytes).arrayBuffer());
  } catch (error) {
    throw new Error(`snapshot.bin.gz did not decompress (${error.message})`);
  }
}

async function boot({ pyodideUrl, harnessUrl, packagesUrl, useSnapshot }) {
  const started = performance.now();
  const [{ loadPyodide, version }, harnessSource] = await Promise.all([
    import(pyodideUrl),
    fetch(harnessUrl).then((response) => response.text()),
  ]);
  packageSource = packagesUrl;
  const options = { indexURL: new URL(".", pyodideUrl).href, packageBaseUrl: packagesUrl };
  let pyodide;
  let fallback = "";
  try {
    if (!useSnapshot) throw new Error("turned off");
    const image = await fetchSnapshot(options.indexURL, version, harnessSource);
    pyodide = await loadPyodide({ ...options, _loadSnapshot: image });
  } catch (error) {
    fallback = error.message ?? String(error);
    pyodide = await loadPyodide(options);
    pyodide.FS.writeFile("/home/pyodide/exercise_harness.py", harnessSource);
  }
  harness = pyodide.pyimport("exercise_harness");
  return { pyodide, seconds: (performance.now() - started) / 1000, fallback };
}

// The engine compiles the interpreter's code lazily, so the first check in a
// fresh tab is slow. Pay for that now, while the reader is still reading.
const WARM_UP_CHECKS = `
from exercise_harness import Checks
checks = Checks()

@checks.public("warm-up", fed="")
def warm_up(t):
    t.expect(sorted({"a": 1}.items()))
    t.got(sorted(t.code("value").items()))
`;

function warmUp() {
  for (let i = 0; i < 20; i += 1) harness.check_json("value = {'a': 1}", WARM_UP_CHECKS, () => {});
}

const loadedPackages = new Set();

async function ensurePackages(pyodide, packages) {
  const missing = packages.filter((name) => !loadedPackages.has(name));
  if (missing.length === 0) return;
  if (!packageSource) {
    throw new Error(
      `This exercise needs ${missing.join(", ")}, and this copy of the guide was built for offline use with no source for packages.`,
    );
  }
  await pyodide.loadPackage(missing, { errorCallback: () => {} });
  for (const name of missing) {
    try {
      pyodide.pyimport(name);
      loadedPackages.add(name);
    } catch {
      throw new Error(
        `This exercise needs ${missing.join(", ")}, which could not be fetched from ${packageSource}: check your connection and reload.`,
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
      const { seconds, fallback } = await pyodidePromise;
      post({ type: "ready", seconds, fallback });
      warmUp();
      return;
    }
    const { pyodide } = await pyodidePromise;
    await ensurePackages(pyodide, message.packages ?? []);
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
