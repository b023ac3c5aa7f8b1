// Make a Pyodide memory snapshot with the guide's wheel (scripts/build_wheel.py:
// the exercise harness, the kits' grader and sandbox) already imported, so the
// browser worker starts Python in about a second instead of five.
// Writes, beside the site's copy of Pyodide (overrides/assets/vendor/pyodide/):
//   snapshot.bin.gz  the gzipped memory image (gzipped here, so every host
//                    transfers ~6 MB rather than the raw ~31 MB)
//   snapshot.json    what it was made from: the Pyodide version and the wheel's
//                    SHA-256 in the served lock; the worker uses the snapshot only if
//                    both match. Also the size of each core file a start downloads,
//                    for its progress bar.
// Run by `make setup` after vendor_assets.mjs and build_wheel.py.
import { createHash } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { loadPyodide, version } from "pyodide";
import { GUIDE_PACKAGE, SNAPSHOT_IMPORTS } from "../docs/assets/exercise/guide-package.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "overrides", "assets", "vendor", "pyodide");
const lockFileURL = join(out, "pyodide-lock.json");
const wheel = JSON.parse(readFileSync(lockFileURL, "utf8")).packages[GUIDE_PACKAGE];

const wheelBytes = readFileSync(join(out, wheel.file_name));
if (createHash("sha256").update(wheelBytes).digest("hex") !== wheel.sha256) {
  throw new Error(`${wheel.file_name} is not the wheel the served lock names: run build_wheel.py`);
}

const pyodide = await loadPyodide({ _makeSnapshot: true, lockFileURL });
// Unpacked by Python, not loadPackage: a snapshot must be taken with Pyodide's
// own package registry empty. A start from it calls loadPackage, which puts the
// files back (the file system is not part of the memory image) and registers it.
pyodide.FS.writeFile("/tmp/guide.whl", wheelBytes);
pyodide.runPython(
  'import site, zipfile; zipfile.ZipFile("/tmp/guide.whl").extractall(site.getsitepackages()[0])',
);
pyodide.FS.unlink("/tmp/guide.whl");
// Import the wheel and what the exercises' checks and the kits use, so none of it
// is paid for at start-up.
pyodide.runPython(SNAPSHOT_IMPORTS);
const image = pyodide.makeMemorySnapshot();
const gzipped = gzipSync(image, { level: 9 });
writeFileSync(join(out, "snapshot.bin.gz"), gzipped);
const meta = {
  pyodide_version: version,
  wheel_sha256: wheel.sha256,
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
