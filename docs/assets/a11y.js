// Material wraps each code block's copy button in a <nav> of its own: one more
// unnamed navigation landmark per code block, which screen readers list beside
// the site's real navigation. It holds a button, not navigation: no landmark.
const unlandmark = () => {
  for (const nav of document.querySelectorAll("nav.md-code__nav:not([role])")) {
    nav.setAttribute("role", "none");
  }
};

document$.subscribe(() => unlandmark());
