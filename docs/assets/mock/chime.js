// The optional checkpoint chime: two soft sine notes made with Web Audio, so
// no sound file is fetched. Browsers let audio start only after a gesture, so
// `prepare()` is called from one (ticking the sound box, pressing Start).
let context = null;

export function prepare() {
  context ??= new AudioContext();
  return context.resume();
}

export function chime() {
  if (!context) return;
  const start = context.currentTime;
  for (const [offset, frequency] of [
    [0, 660],
    [0.18, 880],
  ]) {
    const note = context.createOscillator();
    const gain = context.createGain();
    note.frequency.value = frequency;
    // A quick rise and a slow fade: a bell, not a beep.
    gain.gain.setValueAtTime(0, start + offset);
    gain.gain.linearRampToValueAtTime(0.12, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.6);
    note.connect(gain).connect(context.destination);
    note.start(start + offset);
    note.stop(start + offset + 0.65);
  }
}
