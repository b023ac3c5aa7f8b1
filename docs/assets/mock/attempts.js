// Mock-round attempts kept in this browser: the one in progress, the history of
// finished ones, and the order in which prompts were drawn. Everything lives in this
// module's memory, so it survives Material's instant navigation, and is copied
// to localStorage so it survives a reload. When localStorage refuses a write
// (a private window, a full quota), the page keeps working for this visit and
// `persistent` turns false so the page can say so.
import { storage } from "../storage.js";
import { formatClock, formatDate } from "./clock.js";

const KEYS = {
  current: "mock:current",
  history: "mock:history",
  drawn: "mock:drawn",
  sound: "mock:sound",
};
export const EXPORT_FORMAT = "stripe-mle-guide/mock-history";
export const EXPORT_VERSION = 1;

function load(key, isValid, fallback) {
  try {
    const value = JSON.parse(storage.get(key));
    return isValid(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const isText = (value) => typeof value === "string";
const isCount = (value) => Number.isInteger(value) && value >= 0;
const isCountOrNull = (value) => value === null || isCount(value);

function isCheck(check) {
  return check === null || (isObject(check) && isCount(check.passed) && isCount(check.total) && isCount(check.atSeconds));
}

/** A finished attempt as the history keeps it (and as export and import carry it). */
export function isAttempt(attempt) {
  return (
    isObject(attempt) &&
    [attempt.id, attempt.date, attempt.round, attempt.roundTitle, attempt.notes].every(isText) &&
    isObject(attempt.prompt) &&
    isText(attempt.prompt.id) &&
    isText(attempt.prompt.title) &&
    [attempt.minutes, attempt.usedSeconds, attempt.total, attempt.max].every(isCount) &&
    typeof attempt.timedOut === "boolean" &&
    Array.isArray(attempt.scores) &&
    attempt.scores.length > 0 &&
    attempt.scores.every(
      (s) => isObject(s) && isText(s.id) && isText(s.name) && [1, 2, 3].includes(s.score),
    ) &&
    isCheck(attempt.check) &&
    isCountOrNull(attempt.allPassedAtSeconds)
  );
}

const byDate = (a, b) => a.date.localeCompare(b.date);
export const LEVEL_NAMES = { 1: "weak", 2: "acceptable", 3: "strong" };

/** The criteria scored lowest, unless every one was strong. */
export function weakest(scores) {
  const low = Math.min(...scores.map((s) => s.score));
  return low === 3 ? [] : scores.filter((s) => s.score === low);
}

export const percent = (attempt) => Math.round((100 * attempt.total) / attempt.max);

/** What the exercise's checks said, or null when the attempt had none. */
export function checksSummary(attempt) {
  if (attempt.allPassedAtSeconds !== null) {
    return `all ${attempt.check.total} checks passed at ${formatClock(attempt.allPassedAtSeconds)}`;
  }
  if (attempt.check) {
    const { passed, total, atSeconds } = attempt.check;
    return `${passed} of ${total} checks passed at the last Check (${formatClock(atSeconds)})`;
  }
  return null;
}

const cell = (text) => text.replace(/\s+/g, " ").replace(/\|/g, "\\|");

function attemptMarkdown(attempt) {
  const low = weakest(attempt.scores);
  const checks = checksSummary(attempt);
  const lines = [
    `## ${formatDate(attempt.date)} · ${attempt.roundTitle} · ${attempt.total} of ${attempt.max}`,
    "",
    `- Prompt: ${cell(attempt.prompt.title)}`,
    `- Time used: ${formatClock(attempt.usedSeconds)} of ${attempt.minutes}:00` +
      (attempt.timedOut ? " (time ran out)" : ""),
    ...(checks ? [`- Checks: ${checks}`] : []),
    `- Weakest: ${low.length ? low.map((s) => s.name).join(", ") : "none, every criterion strong"}`,
    "",
    "| criterion | score |",
    "|---|---|",
    ...attempt.scores.map((s) => `| ${cell(s.name)} | ${s.score} (${LEVEL_NAMES[s.score]}) |`),
    "",
  ];
  if (attempt.notes.trim()) {
    lines.push("Notes:", "", ...attempt.notes.trim().split("\n").map((l) => `> ${l}`.trimEnd()), "");
  }
  return lines;
}

class AttemptStore {
  constructor() {
    this.current = load(KEYS.current, isObject, null);
    this.history = load(KEYS.history, (v) => Array.isArray(v), []).filter(isAttempt).sort(byDate);
    this.drawn = load(KEYS.drawn, isObject, {});
    this.sound = load(KEYS.sound, (v) => typeof v === "boolean", false);
    // A write that fails now will fail later too: find out before the reader has anything to lose.
    this.persistent = storage.set("mock:probe", "1") && storage.set("mock:probe", null);
  }

  write(key, value) {
    const stored = storage.set(key, value === null ? null : JSON.stringify(value));
    this.persistent &&= stored;
  }

  saveCurrent() {
    this.write(KEYS.current, this.current);
  }

  setSound(on) {
    this.sound = on;
    this.write(KEYS.sound, on);
  }

  /** A prompt not drawn before if there is one, else the one drawn longest ago. */
  draw(prompts, exceptId = null) {
    const candidates = prompts.filter((p) => p.id !== exceptId);
    const fresh = candidates.filter((p) => !(p.id in this.drawn));
    const chosen = fresh.length
      ? fresh[Math.floor(Math.random() * fresh.length)]
      : candidates.reduce((oldest, p) => (this.drawn[p.id] < this.drawn[oldest.id] ? p : oldest));
    this.markDrawn(chosen.id);
    return chosen;
  }

  markDrawn(promptId) {
    // A draw number, not a time: it orders draws even when the clock does not move.
    const order = Math.max(0, ...Object.values(this.drawn)) + 1;
    this.drawn = { ...this.drawn, [promptId]: order };
    this.write(KEYS.drawn, this.drawn);
  }

  add(attempt) {
    this.history = [...this.history, attempt].sort(byDate);
    this.write(KEYS.history, this.history);
  }

  remove(ids) {
    this.history = this.history.filter((attempt) => !ids.includes(attempt.id));
    this.write(KEYS.history, this.history);
  }

  exportJson() {
    const data = { format: EXPORT_FORMAT, version: EXPORT_VERSION, attempts: this.history };
    return `${JSON.stringify(data, null, 2)}\n`;
  }

  exportMarkdown() {
    const count = this.history.length === 1 ? "1 attempt" : `${this.history.length} attempts`;
    const intro = `${count}, exported from the Stripe MLE interview guide on ${formatDate(new Date().toISOString())}.`;
    return ["# Mock rounds", "", intro, "", ...this.history.flatMap(attemptMarkdown)].join("\n");
  }

  /**
   * Add the attempts of an exported file; those already here are skipped.
   * Throws an Error with a message for the reader when the file is not an export.
   */
  importJson(text) {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      throw new Error("That file is not JSON. Choose a file exported with “Export JSON”.");
    }
    if (!isObject(data) || data.format !== EXPORT_FORMAT || !Array.isArray(data.attempts)) {
      throw new Error("That file is not a mock-round history exported from this guide.");
    }
    if (data.version !== EXPORT_VERSION) {
      throw new Error(`That file is in version ${data.version} of the format; this page reads version ${EXPORT_VERSION}.`);
    }
    const bad = data.attempts.findIndex((attempt) => !isAttempt(attempt));
    if (bad !== -1) {
      throw new Error(`Attempt ${bad + 1} in that file is incomplete or damaged, so nothing was imported.`);
    }
    const known = new Set(this.history.map((attempt) => attempt.id));
    const added = data.attempts.filter((attempt) => !known.has(attempt.id));
    this.history = [...this.history, ...added].sort(byDate);
    this.write(KEYS.history, this.history);
    return { added: added.length, skipped: data.attempts.length - added.length };
  }
}

// One store per tab: this module is evaluated once, whatever the navigation.
export const store = new AttemptStore();
