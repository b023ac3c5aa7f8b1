// The mock-round page (the <div data-mock> component): choose a round, draw a
// prompt, run the clock through the round's phase plan with a cue at each
// checkpoint, score the round's rubric, and keep a history with a trend per
// round. The rounds, rubrics and prompts are the JSON the build hook wrote into
// the page from docs/_data/; attempts live in ./attempts.js.
import { LEVEL_NAMES, checksSummary, percent, store, weakest } from "./attempts.js";
import { chime, prepare as prepareSound } from "./chime.js";
import { elapsedMs, formatClock, formatDate } from "./clock.js";
import { trendChart } from "./trend-chart.js";

const TICK_MS = 250;
const CUE_MS = 6000; // how long a checkpoint stays highlighted
const MINUTE = 60_000;
const RUNNING = ["running", "paused"];

/** An element with attributes (true: present, false or null: absent) and children. */
function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(name, "");
    else if (value !== false && value !== null) node.setAttribute(name, value);
  }
  node.append(...children.filter((child) => child !== null));
  return node;
}

const asPercent = (value) => `${value}\u00a0%`; // never "78" and "%" on two lines
const plural = (count, noun) => `${count} ${noun}${count === 1 ? "" : "s"}`;
const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const today = () => new Date().toISOString().slice(0, 10);

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

class MockRound {
  constructor(root) {
    this.root = root;
    const data = JSON.parse(root.dataset.rounds);
    this.rounds = new Map(data.rounds.map((round) => [round.id, round]));
    const $ = (selector) => root.querySelector(selector);
    this.ui = {
      storage: $(".mock__storage"),
      choose: $(".mock__choose"),
      roundBox: $(".mock__rounds"),
      attempt: $(".mock__attempt"),
      timer: $(".mock__timer"),
      phase: $(".mock__phase"),
      next: $(".mock__next"),
      cue: $(".mock__cue"),
      promptText: $(".mock__prompt-text"),
      promptPage: $(".mock__prompt-page"),
      promptActions: $(".mock__prompt-actions"),
      pick: $("[data-action=pick]"),
      checks: $(".mock__checks"),
      notes: $("#mock-notes"),
      plan: $(".mock__plan"),
      sound: $("[data-action=sound]"),
      score: $(".mock__score"),
      scoreTitle: $(".mock__score-title"),
      criteria: $(".mock__criteria"),
      form: $(".mock__rubric"),
      formStatus: $(".mock__form-status"),
      result: $(".mock__result"),
      resultTitle: $(".mock__result-title"),
      resultBody: $(".mock__result-body"),
      historyTitle: $(".mock__history-title"),
      historySummary: $(".mock__history-summary"),
      trends: $(".mock__trends"),
      attempts: $(".mock__attempts"),
      historyStatus: $(".mock__history-status"),
      importFile: $("[data-action=import-file]"),
    };
    this.buttons = Object.fromEntries(
      [...root.querySelectorAll("button[data-action]")].map((b) => [b.dataset.action, b]),
    );
    this.lastResult = null;
    this.cueUntil = 0;
    this.emptyHistory = this.ui.historySummary.textContent;
    this.bind();
    if (store.current && !this.rounds.has(store.current.round)) this.replaceCurrent(null);
    this.render();
    this.tick();
    this.interval = setInterval(() => this.tick(), TICK_MS);
  }

  dispose() {
    clearInterval(this.interval);
  }

  // -- The attempt in progress --------------------------------------------------

  get current() {
    return store.current;
  }

  replaceCurrent(attempt) {
    store.current = attempt;
    store.saveCurrent();
  }

  roundOf(attempt) {
    return this.rounds.get(attempt.round);
  }

  promptOf(attempt) {
    const found = this.roundOf(attempt).prompts.find((p) => p.id === attempt.prompt);
    return found ?? { id: attempt.prompt, title: attempt.prompt, html: "", page: null, exercise: null };
  }

  choose(roundId) {
    const round = this.rounds.get(roundId);
    this.lastResult = null;
    this.replaceCurrent({
      id: newId(),
      round: roundId,
      prompt: store.draw(round.prompts).id,
      state: "ready",
      startedAt: null,
      runningSince: null,
      bankedMs: 0,
      timedOut: false,
      cued: 0,
      notes: this.current?.notes ?? "",
      scores: {},
      check: null,
      allPassedAtSeconds: null,
    });
    this.render();
  }

  usePrompt(promptId) {
    this.current.prompt = promptId;
    store.saveCurrent();
    this.render();
    this.say(`Your prompt: ${this.promptOf(this.current).title}`);
  }

  redraw() {
    this.usePrompt(store.draw(this.roundOf(this.current).prompts, this.current.prompt).id);
  }

  pick() {
    if (!this.ui.pick.value) return;
    store.markDrawn(this.ui.pick.value);
    this.usePrompt(this.ui.pick.value);
  }

  start() {
    const attempt = this.current;
    if (store.sound) prepareSound();
    const now = Date.now();
    attempt.startedAt ??= now;
    attempt.runningSince = now;
    attempt.state = "running";
    store.saveCurrent();
    this.say(attempt.bankedMs ? "The clock is running again." : "The clock is running. Good luck.");
    this.render();
  }

  pause() {
    const attempt = this.current;
    attempt.bankedMs = elapsedMs(attempt, Date.now());
    attempt.runningSince = null;
    attempt.state = "paused";
    store.saveCurrent();
    this.say("Paused. The clock waits for you.");
    this.render();
  }

  finish() {
    this.stop({ timedOut: false });
    this.ui.scoreTitle.focus();
  }

  /** End the clock and open the rubric; on a timeout, the cue says so. */
  stop({ timedOut }) {
    const attempt = this.current;
    const limit = this.roundOf(attempt).minutes * MINUTE;
    attempt.bankedMs = Math.min(elapsedMs(attempt, Date.now()), limit);
    attempt.runningSince = null;
    attempt.state = "scoring";
    attempt.timedOut = timedOut;
    store.saveCurrent();
    if (timedOut) this.cue("Time is up. Score yourself below while it is fresh.");
    else this.say(`Finished with ${formatClock(Math.ceil((limit - attempt.bankedMs) / 1000))} to spare.`);
    this.render();
  }

  discard() {
    if (!window.confirm("Discard this attempt? Its notes and scores will be lost.")) return;
    this.replaceCurrent(null);
    this.say("Attempt discarded.");
    this.render();
  }

  recordCheck({ slug, passed, total }) {
    const attempt = this.current;
    if (!attempt || !RUNNING.includes(attempt.state) || this.promptOf(attempt).exercise !== slug) return;
    const atSeconds = Math.round(elapsedMs(attempt, Date.now()) / 1000);
    attempt.check = { passed, total, atSeconds };
    if (passed === total) attempt.allPassedAtSeconds ??= atSeconds;
    store.saveCurrent();
    this.renderChecks(attempt);
  }

  // -- The clock ------------------------------------------------------------------

  tick() {
    const attempt = this.current;
    if (this.cueUntil && Date.now() > this.cueUntil) {
      this.cueUntil = 0;
      delete this.root.dataset.cue;
    }
    if (!attempt || attempt.state !== "running") return;
    const round = this.roundOf(attempt);
    const elapsed = elapsedMs(attempt, Date.now());
    if (elapsed >= round.minutes * MINUTE) {
      this.stop({ timedOut: true });
      return;
    }
    this.showClock(attempt, elapsed);
    const passed = round.phases.filter((phase) => phase.end * MINUTE <= elapsed).length;
    if (passed > attempt.cued) {
      // Several at once when the reader comes back from another page: cue the latest.
      attempt.cued = passed;
      store.saveCurrent();
      const phase = round.phases[passed - 1];
      const next = round.phases[passed];
      this.cue(
        `Checkpoint, minute ${phase.end}: ${phase.checkpoint}` +
          (next ? ` Next: ${next.name}, until ${next.end}:00.` : ""),
      );
    }
  }

  showClock(attempt, elapsed) {
    const round = this.roundOf(attempt);
    const left = Math.ceil((round.minutes * MINUTE - elapsed) / 1000);
    const text = formatClock(left);
    if (this.ui.timer.textContent !== text) this.ui.timer.textContent = text;
    const index = Math.max(
      0,
      round.phases.findIndex((phase) => elapsed < phase.end * MINUTE),
    );
    const phase = round.phases[index];
    const start = index ? round.phases[index - 1].end : 0;
    this.ui.phase.textContent = `Phase ${index + 1} of ${round.phases.length}: ${phase.name}, ${start}:00 to ${phase.end}:00`;
    const toCheckpoint = formatClock(Math.ceil((phase.end * MINUTE - elapsed) / 1000));
    this.ui.next.textContent = `Next checkpoint at ${phase.end}:00 (in ${toCheckpoint}): ${phase.checkpoint}`;
    for (const [i, item] of [...this.ui.plan.children].entries()) {
      item.classList.toggle("mock__step--done", i < index);
      if (i === index) item.setAttribute("aria-current", "step");
      else item.removeAttribute("aria-current");
    }
  }

  /** A checkpoint (or the end): highlighted, announced, and chimed if the reader asked. */
  cue(text) {
    this.ui.cue.textContent = text;
    this.root.dataset.cue = "on";
    this.cueUntil = Date.now() + CUE_MS;
    if (store.sound) chime();
  }

  say(text) {
    this.ui.cue.textContent = text;
  }

  // -- Scoring -------------------------------------------------------------------

  buildScoreForm(attempt) {
    const round = this.roundOf(attempt);
    this.ui.criteria.replaceChildren(
      ...round.criteria.map((criterion) =>
        h(
          "fieldset",
          { class: "mock__criterion", "data-criterion": criterion.id },
          h("legend", {}, criterion.name),
          ...["weak", "acceptable", "strong"].map((level, i) =>
            h(
              "label",
              { class: "mock__level" },
              h("input", {
                type: "radio",
                name: `score-${criterion.id}`,
                value: String(i + 1),
                checked: attempt.scores[criterion.id] === i + 1,
              }),
              h("span", { class: "mock__level-name" }, `${level} (${i + 1})`),
              h("span", {}, criterion[level]),
            ),
          ),
        ),
      ),
    );
    this.formFor = attempt.id;
    this.showFormStatus();
  }

  showFormStatus(message = null) {
    const attempt = this.current;
    const criteria = this.roundOf(attempt).criteria;
    const scored = criteria.filter((c) => c.id in attempt.scores);
    const points = scored.reduce((sum, c) => sum + attempt.scores[c.id], 0);
    this.ui.formStatus.textContent =
      message ?? `${scored.length} of ${criteria.length} criteria scored: ${points} of ${3 * criteria.length} points so far.`;
  }

  scoreChanged(input) {
    const criterion = input.closest("[data-criterion]").dataset.criterion;
    this.current.scores[criterion] = Number(input.value);
    store.saveCurrent();
    this.showFormStatus();
  }

  save() {
    const attempt = this.current;
    const round = this.roundOf(attempt);
    const missing = round.criteria.filter((c) => !(c.id in attempt.scores));
    if (missing.length) {
      this.showFormStatus(
        `Score every criterion first: ${missing.length} left (${missing.map((c) => c.name).join(", ")}).`,
      );
      this.ui.criteria.querySelector(`[data-criterion="${missing[0].id}"] input`).focus();
      return;
    }
    const scores = round.criteria.map(({ id, name }) => ({ id, name, score: attempt.scores[id] }));
    const prompt = this.promptOf(attempt);
    const finished = {
      id: attempt.id,
      date: new Date(attempt.startedAt).toISOString(),
      round: round.id,
      roundTitle: round.title,
      prompt: { id: prompt.id, title: prompt.title },
      minutes: round.minutes,
      usedSeconds: Math.floor(attempt.bankedMs / 1000), // with the timer's ceil, adds up to the round
      timedOut: attempt.timedOut,
      scores,
      total: scores.reduce((sum, s) => sum + s.score, 0),
      max: 3 * scores.length,
      notes: attempt.notes,
      check: attempt.check,
      allPassedAtSeconds: attempt.allPassedAtSeconds,
    };
    store.add(finished);
    this.replaceCurrent(null);
    this.lastResult = finished;
    this.say("");
    this.render();
    this.ui.resultTitle.focus();
  }

  renderResult(attempt) {
    const round = this.rounds.get(attempt.round);
    const low = weakest(attempt.scores);
    const trains = new Map();
    for (const score of low) {
      const criterion = round?.criteria.find((c) => c.id === score.id);
      for (const link of criterion?.trains ?? []) trains.set(link.href, link);
    }
    const checks = checksSummary(attempt);
    const total = h(
      "p",
      { class: "mock__total" },
      h("strong", {}, `${attempt.total} of ${attempt.max}`),
      ` (${asPercent(percent(attempt))}) on ${attempt.prompt.title}, in ${formatClock(attempt.usedSeconds)} of ` +
        `${attempt.minutes}:00${attempt.timedOut ? " (time ran out)" : ""}.`,
    );
    const advice = low.length
      ? [
          h(
            "p",
            {},
            "Weakest: ",
            h("strong", {}, low.map((s) => s.name).join(", ")),
            ` (${LEVEL_NAMES[low[0].score]}). Work on ${low.length === 1 ? "it" : "them"} first, with:`,
          ),
          h("ul", {}, ...[...trains.values()].map((link) => h("li", {}, h("a", { href: link.href }, link.title)))),
        ]
      : [h("p", {}, "Every criterion strong. Next time, draw a prompt you have not seen, in another round.")];
    this.ui.resultBody.replaceChildren(total, ...(checks ? [h("p", {}, `Exercise: ${checks}.`)] : []), ...advice);
  }

  // -- History -------------------------------------------------------------------

  renderHistory() {
    const history = store.history;
    this.ui.historySummary.textContent = history.length
      ? `${plural(history.length, "attempt")} in this browser, newest first.`
      : this.emptyHistory;
    this.ui.trends.replaceChildren(
      ...[...this.rounds.values()].flatMap((round) => {
        const percents = history.filter((a) => a.round === round.id).map(percent);
        if (!percents.length) return [];
        const caption =
          percents.length === 1
            ? `${round.title}: 1 attempt, ${asPercent(percents[0])}`
            : `${round.title}: ${percents.length} attempts; first ${asPercent(percents[0])}, latest ${asPercent(percents.at(-1))}, best ${asPercent(Math.max(...percents))}`;
        const label = `${round.title}, score by attempt: ${percents.map(asPercent).join(", ")}`;
        return [h("figure", { class: "mock-trend" }, trendChart(percents, label), h("figcaption", {}, caption))];
      }),
    );
    this.ui.attempts.replaceChildren(...history.toReversed().map((attempt) => this.historyItem(attempt)));
    for (const action of ["export-markdown", "export-json", "delete-all"]) {
      this.buttons[action].disabled = history.length === 0;
    }
  }

  historyItem(attempt) {
    const low = weakest(attempt.scores);
    const checks = checksSummary(attempt);
    const details = [
      attempt.prompt.title,
      `${formatClock(attempt.usedSeconds)} of ${attempt.minutes}:00${attempt.timedOut ? " (time ran out)" : ""}`,
      checks,
      `weakest: ${low.length ? low.map((s) => s.name).join(", ") : "none"}`,
    ].filter(Boolean);
    const when = formatDate(attempt.date);
    return h(
      "li",
      { class: "mock__record" },
      h(
        "p",
        { class: "mock__record-head" },
        h("strong", {}, attempt.roundTitle),
        ` · ${when} · ${attempt.total} of ${attempt.max} (${asPercent(percent(attempt))})`,
      ),
      h("p", { class: "mock__record-meta" }, details.join(" · ")),
      h(
        "details",
        {},
        h("summary", {}, "Scores and notes"),
        h(
          "table",
          {},
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "criterion"), h("th", { scope: "col" }, "score"))),
          h(
            "tbody",
            {},
            ...attempt.scores.map((s) =>
              h("tr", {}, h("td", {}, s.name), h("td", {}, `${s.score} (${LEVEL_NAMES[s.score]})`)),
            ),
          ),
        ),
        h("p", { class: "mock__record-notes" }, attempt.notes.trim() || "No notes."),
      ),
      h(
        "button",
        { type: "button", class: "mock__link-button", "data-delete": attempt.id, "aria-label": `Delete the attempt of ${when}` },
        "Delete",
      ),
    );
  }

  deleteAttempts(ids, question) {
    if (!window.confirm(question)) return;
    store.remove(ids);
    this.render();
    this.ui.historyStatus.textContent = `Deleted ${plural(ids.length, "attempt")}.`;
    this.ui.historyTitle.focus();
  }

  async importFrom(file) {
    try {
      const { added, skipped } = store.importJson(await file.text());
      this.ui.historyStatus.textContent =
        `Imported ${plural(added, "attempt")}` + (skipped ? `; ${skipped} already here.` : ".");
      this.render();
    } catch (error) {
      this.ui.historyStatus.textContent = error.message;
    }
  }

  // -- Wiring and rendering ---------------------------------------------------------

  bind() {
    const actions = {
      start: () => this.start(),
      pause: () => this.pause(),
      finish: () => this.finish(),
      redraw: () => this.redraw(),
      discard: () => this.discard(),
      again: () => {
        this.lastResult = null;
        this.render();
        this.ui.roundBox.querySelector("input").focus();
      },
      "export-markdown": () => download(`mock-rounds-${today()}.md`, "text/markdown", store.exportMarkdown()),
      "export-json": () => download(`mock-rounds-${today()}.json`, "application/json", store.exportJson()),
      import: () => this.ui.importFile.click(),
      "delete-all": () =>
        this.deleteAttempts(
          store.history.map((a) => a.id),
          `Delete all ${plural(store.history.length, "attempt")} from this browser? Export them first to keep a copy.`,
        ),
    };
    for (const [action, run] of Object.entries(actions)) {
      this.buttons[action].addEventListener("click", run);
    }
    this.ui.roundBox.addEventListener("change", (event) => this.choose(event.target.value));
    this.ui.pick.addEventListener("change", () => this.pick());
    this.ui.notes.addEventListener("input", () => {
      this.current.notes = this.ui.notes.value;
      store.saveCurrent();
    });
    this.ui.sound.addEventListener("change", () => {
      store.setSound(this.ui.sound.checked);
      if (this.ui.sound.checked) prepareSound().then(chime);
    });
    this.ui.criteria.addEventListener("change", (event) => this.scoreChanged(event.target));
    this.ui.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.save();
    });
    this.ui.attempts.addEventListener("click", (event) => {
      const id = event.target.closest("[data-delete]")?.dataset.delete;
      const attempt = store.history.find((a) => a.id === id);
      if (attempt) {
        this.deleteAttempts([id], `Delete the ${attempt.roundTitle} attempt of ${formatDate(attempt.date)}? It cannot be undone.`);
      }
    });
    this.ui.importFile.addEventListener("change", () => {
      const [file] = this.ui.importFile.files;
      this.ui.importFile.value = "";
      if (file) this.importFrom(file);
    });
    // Sent by the exercise widget after each Check (it bubbles from the shell).
    this.root.addEventListener("exercise:checked", (event) => this.recordCheck(event.detail));
  }

  render() {
    const attempt = this.current;
    const state = attempt?.state ?? "choose";
    this.root.dataset.state = state;
    this.ui.storage.hidden = store.persistent;
    this.ui.storage.textContent =
      "History cannot be kept in this browser: its storage is blocked or full (private windows do this). " +
      "The page still works until you reload or close it, so export your attempts before you leave.";
    this.ui.sound.checked = store.sound;
    this.ui.choose.hidden = !["choose", "ready"].includes(state) || Boolean(this.lastResult);
    for (const input of this.ui.roundBox.querySelectorAll("input")) {
      input.checked = input.value === attempt?.round;
    }
    this.ui.attempt.hidden = !attempt;
    this.ui.score.hidden = state !== "scoring";
    this.ui.result.hidden = !this.lastResult;
    if (this.lastResult) this.renderResult(this.lastResult);
    this.renderHistory();
    if (attempt) this.renderAttempt(attempt, state);
  }

  renderAttempt(attempt, state) {
    const round = this.roundOf(attempt);
    const prompt = this.promptOf(attempt);
    this.ui.promptText.innerHTML = prompt.html; // written by the build, from the guide's own pages
    this.ui.promptPage.replaceChildren(
      ...(prompt.page
        ? [
            `${round.title}, ${round.minutes} minutes. From `,
            h("a", { href: prompt.page.href }, prompt.page.title),
            ": its worked answer is there, so open it after you have scored yourself.",
          ]
        : [`${round.title}, ${round.minutes} minutes.`]),
    );
    this.ui.promptActions.hidden = state !== "ready";
    this.ui.pick.replaceChildren(
      h("option", { value: "" }, "Choose a prompt…"),
      ...round.prompts.map((p) => h("option", { value: p.id }, p.title)),
    );
    for (const box of this.root.querySelectorAll("[data-mock-exercise]")) {
      box.hidden = box.dataset.mockExercise !== prompt.exercise;
    }
    if (this.notesFor !== attempt.id) {
      this.ui.notes.value = attempt.notes;
      this.notesFor = attempt.id;
    }
    this.ui.plan.replaceChildren(
      ...round.phases.map((phase, i) =>
        h(
          "li",
          { class: "mock__step" },
          h("span", { class: "mock__step-time" }, `${i ? round.phases[i - 1].end : 0}:00 to ${phase.end}:00`),
          " ",
          h("strong", {}, phase.name),
          `: ${phase.do} `,
          h("span", { class: "mock__step-checkpoint" }, `By then: ${phase.checkpoint}`),
        ),
      ),
    );
    this.buttons.start.textContent = state === "paused" ? "Resume" : "Start";
    this.buttons.start.disabled = !["ready", "paused"].includes(state);
    this.buttons.pause.disabled = state !== "running";
    this.buttons.finish.disabled = !RUNNING.includes(state);
    this.showClock(attempt, elapsedMs(attempt, Date.now()));
    this.renderChecks(attempt);
    if (state === "scoring" && this.formFor !== attempt.id) this.buildScoreForm(attempt);
  }

  renderChecks(attempt) {
    const summary = checksSummary(attempt);
    this.ui.checks.hidden = !this.promptOf(attempt).exercise;
    this.ui.checks.textContent = summary
      ? `Exercise: ${summary}.`
      : "Exercise: no Check yet. The mock records each Check you press during the attempt.";
  }
}

let active = null; // the component on the page shown now

function attach() {
  const root = document.querySelector("[data-mock-root]");
  if (active?.root === root) return;
  active?.dispose();
  active = root ? new MockRound(root) : null;
}

// Material's instant navigation swaps pages without reloading this module: on
// each page, attach to its component or stop the clock display of the last one.
window.document$.subscribe(attach);
