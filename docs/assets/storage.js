// localStorage that never throws: it can be unavailable (blocked site data, some
// private windows) or full, and then the page still works, it just remembers
// nothing. `works` turns false at the first refusal, so a page can say so.
export const storage = {
  works: true,
  get(key) {
    try {
      return window.localStorage.getItem(key);
    } catch {
      this.works = false;
      return null;
    }
  },
  /** Store `value`, or forget `key` when `value` is null; false when it could not. */
  set(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
      return true;
    } catch {
      this.works = false;
      return false;
    }
  },
};
