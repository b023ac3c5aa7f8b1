// Copy the pinned front-end packages from node_modules into the theme's static
// files, so the site serves every asset itself (no CDN at page load).
// Run by `npm run build`; the output directory is generated, never committed.
import { cpSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const vendor = join(root, "overrides", "assets", "vendor");

rmSync(vendor, { recursive: true, force: true });
mkdirSync(vendor, { recursive: true });

// Pyodide's core: the interpreter, the standard library and the package lock.
const pyodideFiles = [
  "package.json",
  "pyodide.mjs",
  "pyodide.asm.mjs",
  "pyodide.asm.wasm",
  "python_stdlib.zip",
  "pyodide-lock.json",
];
for (const name of pyodideFiles) {
  cpSync(join(modules, "pyodide", name), join(vendor, "pyodide", name));
}

/** One minified ES module in the vendor folder, made of what `contents` exports. */
function bundle(contents, name) {
  return build({
    stdin: { contents, resolveDir: root, loader: "js" },
    bundle: true,
    format: "esm",
    minify: true,
    target: "es2020",
    legalComments: "none",
    outfile: join(vendor, name),
    logLevel: "warning",
  });
}

// CodeMirror 6: just what the exercise editor uses, imported by the exercise
// widget on the first sign of intent.
await bundle(
  [
    'export { EditorView, basicSetup } from "codemirror";',
    'export { EditorState } from "@codemirror/state";',
    'export { keymap } from "@codemirror/view";',
    'export { indentWithTab } from "@codemirror/commands";',
    'export { python } from "@codemirror/lang-python";',
    'export { syntaxHighlighting } from "@codemirror/language";',
    'export { classHighlighter } from "@lezer/highlight";',
  ].join("\n"),
  "codemirror.js",
);

// fflate's zip writer: the kit widget builds the kit's zip in the browser, on Download.
await bundle('export { strToU8, zipSync } from "fflate";', "fflate.js");

console.log(`vendored into ${vendor}: ${readdirSync(vendor).join(", ")}`);
