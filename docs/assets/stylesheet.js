// A component's stylesheet, added to the page on first use so that a page's
// first paint never waits on it. Resolves once it applies.
export function addStylesheet(url) {
  let link = document.querySelector(`link[href="${url}"]`);
  if (!link) {
    link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = url;
    link.loaded = new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = () => reject(new Error(`could not load ${url}`));
    });
    document.head.append(link);
  }
  return link.loaded ?? Promise.resolve();
}
