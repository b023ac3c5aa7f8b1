// The mock's clock counts wall-clock time: an attempt stores when it started
// running and how much time it banked before its last pause, never a count of
// ticks, so a throttled background tab, a reload or another page read in
// between cannot slow it down.

/** Milliseconds of the attempt used by `now` (epoch ms). */
export const elapsedMs = (attempt, now) =>
  attempt.bankedMs + (attempt.runningSince === null ? 0 : now - attempt.runningSince);

/** "7:05" for 425 seconds. */
export function formatClock(seconds) {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** "2025-03-04 09:05", in the reader's time zone. */
export function formatDate(iso) {
  const date = new Date(iso);
  const two = (n) => String(n).padStart(2, "0");
  return (
    `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ` +
    `${two(date.getHours())}:${two(date.getMinutes())}`
  );
}
