// Render ```mermaid fences (emitted as <pre class="diagram">) with the site's
// own copy of Mermaid. Mermaid (about 1 MB gzipped) is imported only when a
// diagram comes near the viewport, so a reader who never scrolls to one never
// downloads it; drawn diagrams are redrawn when the reader switches palette.
const mermaidUrl = new URL("vendor/mermaid/mermaid.esm.min.mjs", import.meta.url);
let mermaidModule;
let renderCount = 0;

const isDark = () => document.body.getAttribute("data-md-color-scheme") === "slate";

async function draw(blocks) {
  mermaidModule ??= import(mermaidUrl.href);
  const { default: mermaid } = await mermaidModule;
  mermaid.initialize({
    startOnLoad: false,
    theme: isDark() ? "dark" : "default",
    // The dark theme's edge labels are #ccc on 34% grey, 4.4:1: a darker grey.
    themeVariables: isDark() ? { edgeLabelBackground: "#404040" } : {},
  });
  for (const block of blocks) {
    if (!block.isConnected) continue; // the reader navigated away meanwhile
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

const nearViewport = new IntersectionObserver(
  (entries) => {
    const blocks = entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target);
    blocks.forEach((block) => nearViewport.unobserve(block));
    if (blocks.length) draw(blocks);
  },
  { rootMargin: "600px 0px" },
);

document$.subscribe(() => {
  nearViewport.disconnect();
  document.querySelectorAll("pre.diagram").forEach((block) => nearViewport.observe(block));
});
new MutationObserver(() => {
  const drawn = [...document.querySelectorAll("div.diagram[data-source]")];
  if (drawn.length) draw(drawn);
}).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
