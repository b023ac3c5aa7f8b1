// Draw one Mermaid diagram as SVG at build time, with no browser: read its
// source on stdin, write the SVG to stdout (used by overrides/hooks/diagrams.py).
//
//   node scripts/render_diagram.mjs PREFIX < diagram.mmd > diagram.svg
//
// Colours are Material's palette variables, so one SVG follows the reader's
// light or dark scheme with no script. The SVG is inlined in the page: its ids
// and its style rules are scoped by PREFIX, and the renderer's web-font import
// is dropped (the site asks no other host for anything).
import { readFileSync } from "node:fs";
import { renderMermaidSVG } from "beautiful-mermaid";

const prefix = process.argv[2];
if (!/^[a-z][\w-]*$/.test(prefix ?? "")) {
  console.error("usage: node scripts/render_diagram.mjs PREFIX < diagram.mmd");
  process.exit(2);
}

let svg;
try {
  svg = renderMermaidSVG(readFileSync(0, "utf8"), {
    bg: "var(--md-default-bg-color)",
    fg: "var(--md-default-fg-color)",
    // Edge labels and secondary text: the derived 40 % grey fails WCAG contrast.
    muted: "var(--md-default-fg-color--light)",
    line: "var(--md-default-fg-color--light)",
    transparent: true,
  });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

process.stdout.write(
  svg
    .replace(/^\s*@import url\([^)]*\);\n/gm, "")
    .replace(/ id="/g, ` id="${prefix}-`)
    .replace(/url\(#/g, `url(#${prefix}-`)
    .replace(/href="#/g, `href="#${prefix}-`)
    .replace(/<svg /, `<svg id="${prefix}" `)
    .replace(/^(\s*)(svg|text|\.mono) \{/gm, (_, space, selector) =>
      selector === "svg" ? `${space}#${prefix} {` : `${space}#${prefix} ${selector} {`,
    ),
);
