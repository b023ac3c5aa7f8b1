// The Python worker: Pyodide in a module Web Worker, so a `while True:` never
// freezes the page. One loadPyodide() promise per worker; every run gets a
// fresh namespace from the harness. Messages are {id, type, ...}:
//   in:  init {pyodideUrl, packagesUrl, start} | run {source, packages}
//        | check {source, checks, packages} | kit-test {kit} | kit-check {kit}
//   out: loading {received, total} | ready {seconds, from, fallback} | started
//        | result {result} | progress {result} | failed {message}
//
// Python starts one of two ways. From the build's memory snapshot it is ready in
// about a second, but the snapshot adds ~7 MiB to the ~12 MiB core; a full start
// downloads less and spends 2 s more CPU on a desktop, several times that on a
// phone. Which is faster depends on the reader's connection and CPU: the worker
// measures both before it chooses.
//
// Either way the guide's own wheel (the exercise harness, the kits' grader and
// sandbox) is then loaded by name from the served lock. From a snapshot, which
// imported it already, that only puts its files (the kits' tasks) in place, so
// Python is ready without waiting for it, and so is an exercise's Check; a kit's
// request waits for it, if it comes first.
import { GUIDE_PACKAGE } from "./guide-package.js";

const MiB = 2 ** 20;
// What loadPyodide fetches (it imports pyodide.asm.mjs, ~0.3 MiB sent, as a module).
const LOCK = "pyodide-lock.json";
const CORE_FILES = ["pyodide.asm.wasm", "python_stdlib.zip", LOCK];
const SNAPSHOT = "snapshot.bin.gz";
// The snapshot pays when the worker expects it within this many seconds, times
// how much slower than make bench's machine the reader's CPU is. There a full
// start spends about 2 s more CPU than a snapshot start, and at 20 Mbit/s, where
// the worker expects the snapshot in 3.4 s, the snapshot lost by 0.2 s; 2 s
// leaves room for the probe's noise.
const SNAPSHOT_SECONDS = 2;
// The CPU probe: the fastest of three runs of this many rounds of integer work
// (earlier runs include the engine compiling the loop), and its median time in
// a fresh worker on make bench's machine.
const PROBE_ROUNDS = 5e6;
const PROBE_REFERENCE_MS = 8;
// The rate is measured on the first bytes of the core, which every start needs.
const RATE_SAMPLE_BYTES = 1 * MiB;
const WARM_UP_ROUNDS = 20;

let pyodidePromise;
let harness;
let kits; // roundkit.browser
let installed; // the guide's wheel, loaded: a promise
let packageSource = ""; // where Pyodide's optional packages come from; empty offline
let warmUpLeft = 0;

// loadPyodide fetches its files itself. It is handed the downloads this worker
// started earlier (to count their bytes and measure the connection) instead.
const nativeFetch = self.fetch.bind(self);
const started = new Map(); // URL -> Promise<Response>
self.fetch = (resource, options) => {
  const url = String(resource instanceof Request ? resource.url : resource);
  const download = started.get(url);
  started.delete(url);
  return download ?? nativeFetch(resource, options);
};

/** Bytes received of the bytes expected, told to the page at most ten times a second. */
class Progress {
  received = 0;
  total = 0;
  #told = 0;
  #firstByte = 0;
  #sampleUntil = Infinity;
  #sampled = null;

  constructor(tell) {
    this.tell = tell;
  }

  expect(bytes) {
    this.total += bytes;
    this.#tellNow();
  }

  add(bytes) {
    this.#firstByte ||= performance.now();
    this.received += bytes;
    if (this.received >= this.#sampleUntil) this.#sampled?.();
    if (this.received >= this.total || performance.now() - this.#told > 100) this.#tellNow();
  }

  /** Bytes per second since the first byte, once `bytes` have arrived or `done` settles. */
  async rate(bytes, done) {
    const sampled = new Promise((resolve) => (this.#sampled = resolve));
    this.#sampleUntil = bytes;
    if (this.received >= bytes) this.#sampled();
    await Promise.race([sampled, done]);
    const seconds = (performance.now() - this.#firstByte) / 1000;
    return this.received / Math.max(seconds, 1e-3);
  }

  #tellNow() {
    this.#told = performance.now();
    this.tell({ received: this.received, total: this.total });
  }
}

/**
 * Start fetching `url` and read its body as fast as it arrives, counting the
 * bytes, whether or not anyone reads the response yet: a body left unread
 * would stall the download (and the count). `counted` settles once all are in.
 */
function download(url, progress) {
  let settle;
  const counted = new Promise((resolve) => (settle = resolve));
  const response = nativeFetch(url).then((reply) => {
    if (!reply.ok) {
      settle();
      return reply;
    }
    const reader = reply.body.getReader();
    const pump = async (controller) => {
      try {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          progress.add(chunk.value.byteLength);
          controller.enqueue(chunk.value);
        }
        controller.close();
      } catch (error) {
        controller.error(error);
      }
      settle();
    };
    const body = new ReadableStream({ start: (controller) => void pump(controller) });
    const { status, statusText, headers } = reply;
    return new Response(body, { status, statusText, headers });
  });
  response.catch(() => settle());
  return { response, counted };
}

/** The response for `url` if this browser's cache holds one, else null; never the network. */
async function cached(url) {
  try {
    const response = await nativeFetch(url, { cache: "only-if-cached", mode: "same-origin" });
    return response.ok ? response : null;
  } catch {
    return null;
  }
}

// The build's memory snapshot (scripts/make_snapshot.mjs): Python with the guide's
// wheel already imported. Used only if it was made from this Pyodide and the
// wheel this lock serves.
async function describeSnapshot(url) {
  const response = await nativeFetch(url);
  if (!response.ok) throw new Error(`snapshot.json: HTTP ${response.status}`);
  return response.json();
}

function checkMadeFrom(meta, version, lock) {
  if (meta.pyodide_version !== version) {
    throw new Error(`made for Pyodide ${meta.pyodide_version}, this is ${version}`);
  }
  if (meta.wheel_sha256 !== lock.packages[GUIDE_PACKAGE]?.sha256) {
    throw new Error("made from another version of the guide's Python package");
  }
  return meta;
}

async function decompress(response) {
  if (!response.ok) throw new Error(`snapshot.bin.gz: HTTP ${response.status}`);
  // Gzip's checksum also turns a corrupted download into an error here.
  const bytes = response.body.pipeThrough(new DecompressionStream("gzip"));
  try {
    return new Uint8Array(await new Response(bytes).arrayBuffer());
  } catch (error) {
    throw new Error(`snapshot.bin.gz did not decompress (${error.message})`);
  }
}

/**
 * Seconds the snapshot would take to arrive, at the rate the first core bytes
 * came in: known before Pyodide's modules load.
 */
async function arrivalSeconds({ described, core, progress }) {
  const rate = await progress.rate(RATE_SAMPLE_BYTES, Promise.all(core));
  return (await described).gzipped_bytes / rate;
}

/** How many times longer than on make bench's machine a fixed piece of work takes here. */
function cpuSlowness() {
  const spin = (rounds) => {
    let x = 1;
    for (let i = 0; i < rounds; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
    }
    return x;
  };
  spin(PROBE_ROUNDS / 5);
  let fastest = Infinity;
  for (let run = 0; run < 3; run++) {
    const begun = performance.now();
    spin(PROBE_ROUNDS);
    fastest = Math.min(fastest, performance.now() - begun);
  }
  return fastest / PROBE_REFERENCE_MS;
}

/**
 * Whether a snapshot `seconds` away is worth waiting for. The CPU is probed only
 * when the connection alone does not decide, while the core downloads.
 */
function snapshotPays(seconds) {
  return seconds < SNAPSHOT_SECONDS || seconds < SNAPSHOT_SECONDS * cpuSlowness();
}

/**
 * The snapshot's memory image, or null where an "auto" start goes without it:
 * when the core came from the cache (which says nothing about the connection),
 * the reader asked their browser to save data, or the snapshot does not pay.
 */
async function snapshotImage({ here, described, snapshotHere, coreHere, core, progress }) {
  if (snapshotHere) return decompress(snapshotHere);
  if (coreHere || navigator.connection?.saveData) return null;
  if (!snapshotPays(await arrivalSeconds({ described, core, progress }))) return null;
  progress.expect((await described).gzipped_bytes);
  return decompress(await download(here(SNAPSHOT), progress).response);
}

/**
 * Start Python; `start` says how:
 * - "auto": from the snapshot when this browser has it cached or it pays
 *   (snapshotImage), otherwise in full;
 * - "full": in full, an auto start in this tab having gone without the snapshot.
 * A snapshot that is missing or unusable is a `fallback`, worth a warning.
 */
async function boot({ pyodideUrl, packagesUrl, start }, tell) {
  const begun = performance.now();
  const indexURL = new URL(".", pyodideUrl).href;
  const here = (name) => new URL(name, indexURL).href;
  const progress = new Progress((counts) => tell({ type: "loading", ...counts }));
  packageSource = packagesUrl;
  // Ask the cache before anything lands in it.
  const auto = start === "auto";
  const [snapshotHere, coreHere] = await Promise.all([
    auto ? cached(here(SNAPSHOT)) : null,
    auto && cached(here(CORE_FILES[0])).then((hit) => (hit?.body.cancel(), hit !== null)),
  ]);
  const core = [];
  for (const name of CORE_FILES) {
    const { response, counted } = download(here(name), progress);
    started.set(here(name), response);
    core.push(counted);
  }
  // The lock is read here rather than by loadPyodide: the snapshot is checked
  // against it, and the guide's wheel is named relative to it, while any other
  // package comes from the package source.
  const lockResponse = started.get(here(LOCK)) ?? nativeFetch(here(LOCK));
  started.delete(here(LOCK));
  const lock = lockResponse.then(async (response) => {
    if (!response.ok) throw new Error(`${LOCK}: HTTP ${response.status}`);
    const contents = await response.json();
    const guide = contents.packages[GUIDE_PACKAGE];
    guide.file_name = here(guide.file_name);
    return contents;
  });
  import(here("pyodide.asm.mjs")).catch(() => {}); // loadPyodide imports it too
  const described = describeSnapshot(here("snapshot.json"));
  const context = { here, described, snapshotHere, coreHere, core, progress };
  const image = auto ? snapshotImage(context) : Promise.resolve(null);
  image.catch(() => {}); // awaited below, where its failure is reported
  const [{ loadPyodide, version }, lockFileContents] = await Promise.all([import(pyodideUrl), lock]);
  const made = await described
    .then((meta) => checkMadeFrom(meta, version, lockFileContents))
    .catch((error) => error);
  const usable = !(made instanceof Error);
  if (usable) {
    progress.expect(CORE_FILES.reduce((sum, name) => sum + made.core_bytes[name], 0));
  }
  // With no package source (offline) the base is the site's own copy of Pyodide,
  // which holds no optional package: ensurePackages says so before trying one.
  const options = { indexURL, packageBaseUrl: packagesUrl || indexURL, lockFileContents };
  const ready = async (pyodide, from, fallback = "") => {
    installed = install(pyodide);
    installed.catch(() => {}); // said by the first request that waits for it
    if (from !== "snapshot") await installed;
    harness = pyodide.pyimport("exercise_harness");
    kits = pyodide.pyimport("roundkit.browser");
    return { pyodide, from, fallback, seconds: (performance.now() - begun) / 1000 };
  };
  const fromSnapshot = async () => {
    const pyodide = await loadPyodide({ ...options, _loadSnapshot: await image });
    return ready(pyodide, "snapshot");
  };
  const inFull = async (fallback) => ready(await loadPyodide(options), "full start", fallback);

  if (!auto) return inFull("");
  if (!usable) return inFull(made.message);
  // A snapshot that failed to arrive counts as chosen: its failure is the fallback.
  if (await image.then(Boolean, () => true)) {
    return fromSnapshot().catch((error) => inFull(error.message ?? String(error)));
  }
  return inFull("");
}

// The engine compiles the interpreter's code lazily, so the first check in a
// fresh tab is slow. Pay for that while the reader is still reading, one short
// round at a time, and stop the moment their own code arrives.
const WARM_UP_CHECKS = `
from exercise_harness import Checks
checks = Checks()

@checks.public("warm-up", fed="")
def warm_up(t):
    t.expect(sorted({"a": 1}.items()))
    t.got(sorted(t.code("value").items()))
`;

function warmUp() {
  if (warmUpLeft <= 0) return;
  warmUpLeft -= 1;
  harness.check_json("value = {'a': 1}", WARM_UP_CHECKS, () => {});
  setTimeout(warmUp);
}

async function install(pyodide) {
  const errors = [];
  await pyodide.loadPackage(GUIDE_PACKAGE, {
    messageCallback: () => {},
    errorCallback: (message) => errors.push(message),
  });
  if (!(GUIDE_PACKAGE in pyodide.loadedPackages)) {
    throw new Error(`The guide's Python package did not load (${errors.join(" ")}): reload the page.`);
  }
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
      pyodidePromise ??= boot(message, post);
      const { seconds, from, fallback } = await pyodidePromise;
      post({ type: "ready", seconds, from, fallback });
      warmUpLeft = WARM_UP_ROUNDS;
      setTimeout(warmUp);
      return;
    }
    warmUpLeft = 0; // the reader's code comes first
    const { pyodide } = await pyodidePromise;
    // Exercises need only the harness, in memory from either start; the kits'
    // files come with the wheel.
    if (type.startsWith("kit-")) await installed;
    await ensurePackages(pyodide, message.packages ?? []);
    post({ type: "started" });
    if (type === "run") {
      post({ type: "result", result: JSON.parse(harness.run_json(message.source)) });
    } else if (type === "check") {
      const report = (text) => post({ type: "progress", result: JSON.parse(text) });
      const summary = harness.check_json(message.source, message.checks, report);
      post({ type: "result", result: JSON.parse(summary) });
    } else if (type === "kit-test") {
      post({ type: "result", result: JSON.parse(kits.test_json(JSON.stringify(message.kit))) });
    } else if (type === "kit-check") {
      post({ type: "result", result: JSON.parse(kits.check_json(JSON.stringify(message.kit))) });
    } else {
      post({ type: "failed", message: `unknown message type ${type}` });
    }
  } catch (error) {
    // The engine's stack overflowing (recursion through built-ins such as map
    // uses it) may leave Python half-way through anything, and a fatal error
    // leaves it unusable: either way the page starts another.
    const fatal = Boolean(error.pyodide_fatal_error) || error instanceof RangeError;
    post({ type: "failed", message: error.message ?? String(error), fatal });
  }
};
