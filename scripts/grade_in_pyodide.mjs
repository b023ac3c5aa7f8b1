// Grade exercise code in Pyodide under Node, the way the site's worker does:
// Python started from the build's memory snapshot (scripts/make_snapshot.mjs),
// the harness already imported, each Check through `exercise_harness.check_json`.
//
//   node scripts/grade_in_pyodide.mjs < jobs.json > results.json
//
// In:  {"jobs": [{"id", "source", "checks", "repeat"?, "budget_scale"?}]}
// Out: {"pyodide_version", "results": [{"id", "runs": [{"seconds", "cpu_seconds", "summary",
//       "checks"}]}]}
// One process grades the whole set: Python starts once, as in a reader's tab.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { loadPyodide, version } from "pyodide";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const snapshotDir = join(root, "overrides", "assets", "vendor", "pyodide");
const harnessPath = join(root, "examples", "exercises", "exercise_harness.py");

// The snapshot the site serves, refused (as the worker refuses it) unless it was
// made from this Pyodide and this harness: grading with a stale harness would
// compare the wrong code.
function servedSnapshot() {
  const meta = JSON.parse(readFileSync(join(snapshotDir, "snapshot.json"), "utf8"));
  const harness = createHash("sha256").update(readFileSync(harnessPath)).digest("hex");
  if (meta.pyodide_version !== version || meta.harness_sha256 !== harness) {
    throw new Error(
      "the Pyodide snapshot is stale (another Pyodide or another exercise harness): run `make setup`",
    );
  }
  return gunzipSync(readFileSync(join(snapshotDir, "snapshot.bin.gz")));
}

function grade(harness, job) {
  const checks = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  const summary = harness.check_json.callKwargs(
    job.source,
    job.checks,
    (text) => checks.push(JSON.parse(text)),
    { budget_scale: job.budget_scale ?? 1 },
  );
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  // CPU seconds too: on a busy machine they are what the Check costs when it is idle.
  return { seconds, cpu_seconds: (user + system) / 1e6, summary: JSON.parse(summary), checks };
}

try {
  const input = JSON.parse(readFileSync(0, "utf8"));
  const pyodide = await loadPyodide({ _loadSnapshot: servedSnapshot() });
  const harness = pyodide.pyimport("exercise_harness");
  // Budgets count CPU time here, as they do in CPython: this machine is shared, and
  // time spent waiting for a core must not fail a right answer.
  harness.budget_clock = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  const results = input.jobs.map((job) => ({
    id: job.id,
    runs: Array.from({ length: job.repeat ?? 1 }, () => grade(harness, job)),
  }));
  process.stdout.write(JSON.stringify({ pyodide_version: version, results }));
} catch (error) {
  console.error(error.message ?? String(error));
  process.exitCode = 1;
}
