// The verdict of a Check, made to teach rather than to wall the reader in: the
// first failure in full (input, expected, got, where long values part, the
// reader's traceback), every other failure in one line per cause, expandable,
// and the passes folded into one line. A kit's parts and tests (`renderItems`)
// are shown the same way: the first failure in full, the rest folded.
import { element, truncate } from "./dom.js";

const LINE_CHARS = 80;

const clip = (text) => (text.length > LINE_CHARS ? `${text.slice(0, LINE_CHARS - 1)}…` : text);

/** How a check failed: checks that raise the same exception type fail the same way. */
function causeOf({ got }) {
  return clip(got.startsWith("raises ") ? got.split(":")[0] : got);
}

/** One failure in a line: what it raised, or where its value went wrong. */
function briefly(result) {
  if (result.got.startsWith("raises ")) return causeOf(result);
  return clip(result.difference ?? `expected ${result.expected}, got ${result.got}`);
}

function definitions(pairs) {
  const list = element("dl", "exercise__result-details");
  for (const [label, value] of pairs) {
    const dd = element("dd");
    dd.append(element("code", "", value));
    list.append(element("dt", "", label), dd);
  }
  return list;
}

function values(result) {
  const both = [
    ["Expected", result.expected],
    ["Got", result.got],
  ];
  if (!result.difference) return [definitions([["Input", result.fed], ...both])];
  // Two long values side by side hide the one item that matters: point at it.
  const whole = element("details", "exercise__whole");
  whole.append(element("summary", "", "Expected and got, as printed"), definitions(both));
  return [definitions([["Input", result.fed], ["First difference", result.difference]]), whole];
}

/** One check's result; `first` opens its traceback. */
function card(tag, result, { first = false } = {}) {
  const item = element(tag, `exercise__result exercise__result--${result.passed ? "passed" : "failed"}`);
  const head = element("p", "exercise__result-head");
  head.append(
    element("strong", "", result.passed ? "✓ Passed" : "✗ Failed"),
    ` · ${result.hidden ? "hidden" : "public"} · ${result.name}`,
  );
  item.append(head);
  // A hidden check's input is shown only once it fails.
  if (!result.passed || !result.hidden) item.append(...values(result));
  if (result.error) {
    const trace = element("details", "exercise__traceback");
    trace.open = first;
    trace.append(element("summary", "", "Traceback"), element("pre", "", truncate(result.error).kept));
    item.append(trace);
  }
  return item;
}

function group(kind, summary, members, render = card) {
  const item = element("li", "exercise__group");
  const details = element("details", kind);
  const list = element("ol", "exercise__group-results");
  list.append(...members.map((result) => render("li", result)));
  details.append(element("summary", "", summary), list);
  item.append(details);
  return item;
}

/** The results of a Check so far, as nodes to put in the widget's results box. */
export function renderVerdict(results) {
  const failures = results.filter((result) => !result.passed);
  const passes = results.filter((result) => result.passed);
  const nodes = [];
  const lines = element("ul", "exercise__groups");
  if (failures.length) {
    const [first, ...others] = failures;
    nodes.push(card("div", first, { first: true }));
    const byCause = new Map([[causeOf(first), []]]);
    for (const result of others) {
      const cause = causeOf(result);
      byCause.set(cause, [...(byCause.get(cause) ?? []), result]);
    }
    for (const [cause, members] of byCause) {
      const sameWay = cause === causeOf(first);
      const verb = members.length === 1 ? "fails" : "fail";
      let summary = `${members.length} more ${verb} ${sameWay ? "the same way" : "another way"}: ${cause}`;
      if (members.length === 1 && !sameWay) summary = `${members[0].name}: ${briefly(members[0])}`;
      if (members.length) lines.append(group("failure", summary, members));
    }
  }
  if (passes.length) lines.append(group("success", `${passes.length} passed`, passes));
  if (lines.childElementCount) nodes.push(lines);
  return nodes;
}

/** What the status line says once a Check is over: short, since it is read aloud. */
export function sayVerdict(results, summary) {
  const said = `Passed ${summary.passed} of ${summary.total} checks.`;
  const first = results.find((result) => !result.passed);
  return first ? `${said} First failure: “${first.name}”.` : `${said} Well done: the reference solution is open to you.`;
}

/** A kit's part or test, {passed, label, title, detail}: its head, and what failed. */
function itemCard(tag, item) {
  const node = element(tag, `exercise__result exercise__result--${item.passed ? "passed" : "failed"}`);
  const head = element("p", "exercise__result-head");
  head.append(element("strong", "", item.passed ? "✓ Passed" : "✗ Failed"), ` · ${item.label} · ${item.title}`);
  node.append(head);
  if (item.detail) node.append(element("pre", "", truncate(item.detail).kept));
  return node;
}

/** A kit's parts or tests as nodes: the first failure in full, the rest folded by outcome. */
export function renderItems(items) {
  const failures = items.filter((item) => !item.passed);
  const passes = items.filter((item) => item.passed);
  const nodes = [];
  const lines = element("ul", "exercise__groups");
  if (failures.length) {
    const [first, ...others] = failures;
    nodes.push(itemCard("div", first));
    if (others.length) {
      const verb = others.length === 1 ? "fails" : "fail";
      const names = others.map((item) => item.label).join(", ");
      lines.append(group("failure", `${others.length} more ${verb}: ${names}`, others, itemCard));
    }
  }
  if (passes.length) lines.append(group("success", `${passes.length} passed`, passes, itemCard));
  if (lines.childElementCount) nodes.push(lines);
  return nodes;
}
