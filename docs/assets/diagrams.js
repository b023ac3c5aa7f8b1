// Render ```mermaid fences (emitted as <pre class="diagram">) with the site's
// own copy of Mermaid. Mermaid (several MB) is imported only on a page that
// has a diagram, and diagrams are redrawn when the reader switches palette.
const mermaidUrl = new URL("vendor/mermaid/mermaid.esm.min.mjs", import.meta.url);
let mermaidModule;
let renderCount = 0;

const isDark = () => document.body.getAttribute("data-md-color-scheme") === "slate";

async function renderDiagrams() {
  const blocks = [...document.querySelectorAll("pre.diagram, div.diagram[data-source]")];
  if (blocks.length === 0) return;
  mermaidModule ??= import(mermaidUrl.href);
  const { default: mermaid } = await mermaidModule;
  mermaid.initialize({
    startOnLoad: false,
    theme: isDark() ? "dark" : "default",
    // The dark theme's edge labels are #ccc on 34% grey, 4.4:1: a darker grey.
    themeVariables: isDark() ? { edgeLabelBackground: "#404040" } : {},
  });
  for (const block of blocks) {
    const source = block.dataset.source ?? block.textContent;
    const figure = document.createElement("div");
    figure.className = "diagram";
    figure.dataset.source = source;
    try {
      const { svg } = await mermaid.render(`diagram-${renderCount++}`, source);
      figure.innerHTML = svg;
    } catch (error) {
      figure.textContent = `This diagram could not be drawn: ${error.message}`;
    }
    block.replaceWith(figure);
  }
}

document$.subscribe(() => renderDiagrams());
new MutationObserver(() => renderDiagrams()).observe(document.body, {
  attributes: true,
  attributeFilter: ["data-md-color-scheme"],
});
