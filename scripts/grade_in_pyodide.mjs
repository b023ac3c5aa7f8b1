// Grade exercise code in Pyodide under Node, the way the site's worker does:
// Python started from the build's memory snapshot (scripts/make_snapshot.mjs),
// the guide's wheel already imported and then loaded from the served lock; each
// exercise's Check through `exercise_harness.check_json`, each kit's through
// `roundkit.browser.check_json`.
//
//   node scripts/grade_in_pyodide.mjs < jobs.json > results.json
//
// In:  {"jobs": [{"id", "source", "checks", "repeat"?, "budget_scale"?}
//                | {"id", "kit": {"kind", "task", "files"}, "repeat"?}]}
// Out: {"pyodide_version", "results": [{"id", "runs": [{"seconds", "cpu_seconds",
//       "summary", "checks"} | {"seconds", "cpu_seconds", "grade"}]}]}
// One process grades the whole set: Python starts once, as in a reader's tab.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { loadPyodide, version } from "pyodide";
import { GUIDE_PACKAGE } from "../docs/assets/exercise/guide-package.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const snapshotDir = join(root, "overrides", "assets", "vendor", "pyodide");
const lockFileURL = join(snapshotDir, "pyodide-lock.json");

// The snapshot the site serves, refused (as the worker refuses it) unless it was
// made from this Pyodide and the wheel the served lock names: grading with a
// stale wheel would compare the wrong code.
function servedSnapshot() {
  const meta = JSON.parse(readFileSync(join(snapshotDir, "snapshot.json"), "utf8"));
  const lock = JSON.parse(readFileSync(lockFileURL, "utf8"));
  if (meta.pyodide_version !== version || meta.wheel_sha256 !== lock.packages[GUIDE_PACKAGE].sha256) {
    throw new Error(
      "the Pyodide snapshot is stale (another Pyodide or another wheel of the guide): run `make setup`",
    );
  }
  return gunzipSync(readFileSync(join(snapshotDir, "snapshot.bin.gz")));
}

/** What `work` returns, with the seconds it took. */
function timed(work) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = work();
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  // CPU seconds too: on a busy machine they are what the Check costs when it is idle.
  return { seconds, cpu_seconds: (user + system) / 1e6, ...result };
}

function checkExercise(harness, job) {
  const checks = [];
  const summary = harness.check_json.callKwargs(
    job.source,
    job.checks,
    (text) => checks.push(JSON.parse(text)),
    { budget_scale: job.budget_scale ?? 1 },
  );
  return { summary: JSON.parse(summary), checks };
}

// The kit page's Check: the same request the worker gets, to the same function.
const checkKit = (kits, job) => ({ grade: JSON.parse(kits.check_json(JSON.stringify(job.kit))) });

try {
  const input = JSON.parse(readFileSync(0, "utf8"));
  const pyodide = await loadPyodide({ _loadSnapshot: servedSnapshot(), lockFileURL });
  await pyodide.loadPackage(GUIDE_PACKAGE, { messageCallback: () => {} });
  const harness = pyodide.pyimport("exercise_harness");
  const kits = pyodide.pyimport("roundkit.browser");
  // Budgets count CPU time here, as they do in CPython: this machine is shared, and
  // time spent waiting for a core must not fail a right answer.
  harness.budget_clock = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  const results = input.jobs.map((job) => ({
    id: job.id,
    runs: Array.from({ length: job.repeat ?? 1 }, () =>
      timed(() => (job.kit ? checkKit(kits, job) : checkExercise(harness, job))),
    ),
  }));
  process.stdout.write(JSON.stringify({ pyodide_version: version, results }));
} catch (error) {
  console.error(error.message ?? String(error));
  process.exitCode = 1;
}
