// Make a Pyodide memory snapshot with the exercise harness already imported, so
// the browser worker starts Python in about a second instead of five.
// Writes, beside the site's copy of Pyodide (overrides/assets/vendor/pyodide/):
//   snapshot.bin.gz  the gzipped memory image (gzipped here, so every host
//                    transfers ~6 MB rather than the raw ~31 MB)
//   snapshot.json    what it was made from: the Pyodide version and the
//                    harness's SHA-256; the worker uses the snapshot only if both match.
//                    Also the size of each core file a start downloads, for its progress bar.
// Run by `npm run build` after vendor_assets.mjs.
import { createHash } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { loadPyodide, version } from "pyodide";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const harnessPath = join(root, "examples", "exercises", "exercise_harness.py");
const out = join(root, "overrides", "assets", "vendor", "pyodide");

const harness = readFileSync(harnessPath, "utf8");
const pyodide = await loadPyodide({ _makeSnapshot: true });
pyodide.FS.writeFile("/home/pyodide/exercise_harness.py", harness);
// Import the harness and what the exercises' checks use, so none of it is paid for at start-up.
pyodide.runPython(
  "import exercise_harness, collections, hashlib, heapq, hmac, math, random, re, statistics",
);
const image = pyodide.makeMemorySnapshot();
const gzipped = gzipSync(image, { level: 9 });
writeFileSync(join(out, "snapshot.bin.gz"), gzipped);
const meta = {
  pyodide_version: version,
  harness_sha256: createHash("sha256").update(harness).digest("hex"),
  bytes: image.length,
  gzipped_bytes: gzipped.length,
  core_bytes: Object.fromEntries(
    ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"].map((name) => [
      name,
      statSync(join(out, name)).size,
    ]),
  ),
};
writeFileSync(join(out, "snapshot.json"), `${JSON.stringify(meta, null, 2)}\n`);
console.log(
  `snapshot: Pyodide ${version}, ${(image.length / 2 ** 20).toFixed(1)} MiB raw, ` +
    `${(gzipped.length / 2 ** 20).toFixed(1)} MiB gzipped`,
);
