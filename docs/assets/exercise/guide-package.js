// The guide's own Python package (scripts/build_wheel.py): its name in the served
// pyodide-lock.json, and what the start-up snapshot imports ahead of any request.
// Shared by the worker, the snapshot maker and the Node grader.
export const GUIDE_PACKAGE = "guide-browser";

// The wheel's modules, and the standard library the exercises' checks and the kits use.
export const SNAPSHOT_IMPORTS = [
  "import exercise_harness, roundkit, roundkit.browser, sandbox",
  "import collections, hashlib, heapq, hmac, math, random, re, statistics",
].join("\n");
