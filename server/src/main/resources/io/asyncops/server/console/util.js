// Small helpers the console's modules share: the element lookup, making an element, an error line, a duration.

export const $ = (id) => document.getElementById(id);

export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) { e.className = cls; }
  if (text != null) { e.textContent = text; }
  return e;
}

export function showError(id, text) {
  const error = $(id);
  error.textContent = text;
  error.hidden = false;
}

/** A duration (ms) as the table shows it: 0.4s, 12s, 3m 5s, 2h 10m, 1d 4h. */
export function span(ms) {
  if (!(ms >= 0)) { ms = 0; }
  const s = Math.floor(ms / 1000);
  if (s < 1) { return (ms / 1000).toFixed(1) + 's'; }
  if (s < 60) { return s + 's'; }
  if (s < 3600) { return Math.floor(s / 60) + 'm ' + (s % 60) + 's'; }
  if (s < 86400) { return Math.floor(s / 3600) + 'h ' + Math.floor((s % 3600) / 60) + 'm'; }
  return Math.floor(s / 86400) + 'd ' + Math.floor((s % 86400) / 3600) + 'h';
}
