// Small DOM helpers shared by the exercise widget and its verdicts.
export const MAX_LINES = 2000;
export const MAX_CHARS = 100_000;

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The first MAX_LINES lines and MAX_CHARS characters of `text`, and whether any were cut. */
export function truncate(text) {
  let kept = text;
  const lines = kept.split("\n");
  if (lines.length > MAX_LINES) kept = lines.slice(0, MAX_LINES).join("\n");
  if (kept.length > MAX_CHARS) kept = kept.slice(0, MAX_CHARS);
  return { kept, cut: kept.length < text.length };
}
