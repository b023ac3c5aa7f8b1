// Material wraps each code block's copy button in a <nav> of its own: one more
// unnamed navigation landmark per code block, which screen readers list beside
// the site's real navigation. It holds a button, not navigation: no landmark.
// Blocks are mounted as they come into view (content.lazy), so each <nav> is
// caught as it joins the page, on this page and on those navigated to.
new MutationObserver((records) => {
  for (const { addedNodes } of records) {
    for (const node of addedNodes) {
      if (node.matches?.("nav.md-code__nav")) node.setAttribute("role", "none");
    }
  }
}).observe(document.body, { childList: true, subtree: true });

// A box wider than the page scrolls sideways (a table in Material's wrapper,
// unfolded code): the keyboard reaches it only if it is focusable, so it is,
// while it scrolls, at any width.
const wide = new ResizeObserver((entries) => {
  for (const { target } of entries) {
    if (target.scrollWidth > target.clientWidth) target.tabIndex = 0;
    else target.removeAttribute("tabindex");
  }
});

export function focusableWhileItScrolls(element) {
  wide.observe(element);
}

document$.subscribe(() => {
  for (const wrapper of document.querySelectorAll(".md-typeset__scrollwrap")) {
    focusableWhileItScrolls(wrapper);
  }
});
