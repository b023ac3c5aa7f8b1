// localStorage that never throws: it can be unavailable (private windows,
// blocked cookies), and then the page still works, it just remembers nothing.
export const storage = {
  get(key) {
    try {
      return window.localStorage.getItem(key);
    } catch {
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
      return false;
    }
  },
};
