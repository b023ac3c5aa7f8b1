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
  /** Whether any stored key starts with `prefix`. */
  anyStartingWith(prefix) {
    try {
      const stored = window.localStorage;
      for (let i = 0; i < stored.length; i += 1) {
        if (stored.key(i).startsWith(prefix)) return true;
      }
      return false;
    } catch {
      this.works = false;
      return false;
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
