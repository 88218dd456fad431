// The operations table: pages loaded newest first, changes merged in order, only the rows in view rendered, the
// status counts, keyboard moves between rows, and the filters.

import { $, span } from './util.js';
import { AUTOLOAD, OVERSCAN, PAGE, ROW, STATUSES, state, subPath } from './state.js';
import { api } from './auth.js';
import { openDetail, scheduleDetail } from './detail.js';

// ---- the list -----------------------------------------------------------------------------------------------------

function listUrl() {
  const p = new URLSearchParams({ top: String(PAGE) });
  if (state.filters.status) { p.set('status', state.filters.status); }
  if (state.filters.kind) { p.set('kind', state.filters.kind); }
  if (state.filters.q) { p.set('q', state.filters.q); }
  return subPath() + '/operations?' + p.toString();
}

export async function reload() {
  const generation = ++state.generation;
  state.ops = [];
  state.byId = new Map();
  state.nextLink = null;
  state.focusIndex = 0;
  state.error = null;
  $('viewport').scrollTop = 0;
  try {
    await loadPage(listUrl(), generation);
  } catch (e) {
    state.error = e.status === 404 ? 'This subscription was not found (or the token may not see it).'
      : 'Cannot list operations: ' + e.message;
    render();
    return;
  }
  loadRest(generation);
}

export async function loadPage(url, generation) {
  state.loading = true;
  try {
    const page = await api(url.startsWith('http') ? new URL(url).pathname + new URL(url).search : url);
    if (generation !== state.generation) { return; }
    for (const op of page.value) {
      if (!state.byId.has(op.id)) {
        state.byId.set(op.id, op);
        state.ops.push(op);
        state.kinds.add(op.kind);
      }
    }
    state.nextLink = page.nextLink;
    render();
    renderKinds();
  } finally {
    state.loading = false;
  }
}

// loads further pages in the background up to AUTOLOAD rows, yielding to the page between requests
async function loadRest(generation) {
  while (state.nextLink && state.ops.length < AUTOLOAD && generation === state.generation) {
    await new Promise((r) => setTimeout(r, 0));
    await loadPage(state.nextLink, generation);
  }
  document.body.dataset.loaded = String(state.ops.length);
}

function matches(op) {
  const f = state.filters;
  if (f.status && op.status !== f.status) { return false; }
  if (f.kind && op.kind !== f.kind) { return false; }
  if (f.q && !(op.resourceId || '').toLowerCase().includes(f.q.toLowerCase())) { return false; }
  return true;
}

// newest first: by creation time, then id, both descending (the server's order)
function before(a, b) {
  if (a.createdAt !== b.createdAt) { return a.createdAt > b.createdAt; }
  return a.id > b.id;
}

export function upsert(op) {
  state.kinds.add(op.kind);
  const known = state.byId.get(op.id);
  if (known) {
    if (known.version > op.version) { return; }
    const i = state.ops.indexOf(known);
    if (!matches(op)) {
      state.ops.splice(i, 1);
      state.byId.delete(op.id);
    } else {
      state.ops[i] = op;
      state.byId.set(op.id, op);
    }
  } else if (matches(op)) {
    // an operation older than the last loaded one arrives with its page, not here
    const last = state.ops[state.ops.length - 1];
    if (state.nextLink && last && before(last, op)) { return; }
    let lo = 0, hi = state.ops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(state.ops[mid], op)) { lo = mid + 1; } else { hi = mid; }
    }
    state.ops.splice(lo, 0, op);
    state.byId.set(op.id, op);
  }
  scheduleRender();
  if (state.selected === op.id) { scheduleDetail(); }
}

// ---- rendering (only the rows in view) ------------------------------------------------------------------------------

let renderQueued = false;
export function scheduleRender() {
  if (!renderQueued) {
    renderQueued = true;
    requestAnimationFrame(() => { renderQueued = false; render(); });
  }
}

const pool = [];
function rowElement(i) {
  while (pool.length <= i) {
    const row = document.createElement('div');
    row.setAttribute('role', 'row');
    row.className = 'row';
    row.innerHTML = '<span role="cell" class="c-status"><span class="status"></span></span>'
      + '<span role="cell" class="c-kind"></span><span role="cell" class="c-resource mono"></span>'
      + '<span role="cell" class="c-progress"><span class="bar"><span class="track"><span class="fill"></span></span>'
      + '<span class="pct"></span></span></span><span role="cell" class="c-age"></span>'
      + '<span role="cell" class="c-duration"></span>';
    row.addEventListener('click', () => openDetail(row.dataset.id, Number(row.dataset.index)));
    row.addEventListener('keydown', onRowKey);
    pool.push(row);
  }
  return pool[i];
}

export function render() {
  const viewport = $('viewport');
  const rows = $('rows');
  const n = state.ops.length;
  $('spacer').style.height = Math.max(n * ROW, 1) + 'px';
  $('table').setAttribute('aria-rowcount', String(n + 1));
  const first = Math.max(0, Math.floor(viewport.scrollTop / ROW) - OVERSCAN);
  const count = Math.min(n - first, Math.ceil(viewport.clientHeight / ROW) + 2 * OVERSCAN);
  rows.style.transform = 'translateY(' + first * ROW + 'px)';
  const now = Date.now();
  // rows stay in place from one render to the next: a row taken out of the page would lose the keyboard focus
  for (let k = 0; k < count; k++) {
    const i = first + k;
    const row = rowElement(k);
    fill(row, state.ops[i], i, now);
    if (rows.children[k] !== row) { rows.insertBefore(row, rows.children[k] || null); }
  }
  while (rows.children.length > Math.max(count, 0)) { rows.lastChild.remove(); }
  if (n === 0) {
    const empty = document.createElement('div');
    empty.className = 'empty';
    empty.setAttribute('role', 'row');
    empty.innerHTML = '<span role="cell"></span>';
    empty.firstChild.textContent = state.error || 'No operations match.';
    rows.appendChild(empty);
  }
  $('shown').textContent = n + (state.nextLink ? '+' : '') + ' operations listed'
    + (state.loading ? ', loading…' : '');
  $('load-more').hidden = !state.nextLink;
}

function fill(row, op, i, now) {
  row.dataset.id = op.id;
  row.dataset.index = String(i);
  row.dataset.status = op.status;
  row.setAttribute('aria-rowindex', String(i + 2));
  row.setAttribute('aria-selected', String(state.selected === op.id));
  row.tabIndex = i === state.focusIndex ? 0 : -1;
  const c = row.children;
  const badge = c[0].firstChild;
  badge.className = 'status ' + op.status;
  badge.textContent = op.status;
  c[1].textContent = op.kind;
  c[1].title = op.kind;
  c[2].textContent = op.resourceId || '—';
  c[2].title = op.resourceId || '';
  const pct = op.percentComplete == null ? 0 : op.percentComplete;
  const fillBar = c[3].querySelector('.fill');
  fillBar.style.width = pct + '%';
  fillBar.className = 'fill ' + op.status;
  c[3].querySelector('.pct').textContent = Math.round(pct) + '%';
  c[3].querySelector('.bar').setAttribute('aria-label', Math.round(pct) + ' percent complete');
  c[4].textContent = span(now - Date.parse(op.createdAt));
  c[5].textContent = op.startedAt
    ? span((op.endedAt ? Date.parse(op.endedAt) : now) - Date.parse(op.startedAt)) : '—';
}

export function renderCounts() {
  const counts = state.counts || {};
  const box = $('counts');
  box.replaceChildren(...STATUSES.map((s) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = s;
    b.dataset.status = s;
    b.setAttribute('aria-pressed', String(state.filters.status === s));
    b.innerHTML = '<span></span><b></b>';
    b.firstChild.textContent = s;
    b.lastChild.textContent = String(counts[s] == null ? 0 : counts[s]);
    b.addEventListener('click', () => setStatusFilter(state.filters.status === s ? '' : s));
    return b;
  }));
}

function renderKinds() {
  const list = $('kinds');
  if (list.childElementCount === state.kinds.size) { return; }
  list.replaceChildren(...[...state.kinds].sort().map((k) => new Option(k, k)));
}

// ---- keyboard on the table ---------------------------------------------------------------------------------------

function onRowKey(e) {
  const i = Number(e.currentTarget.dataset.index);
  let next = null;
  if (e.key === 'ArrowDown') { next = i + 1; }
  else if (e.key === 'ArrowUp') { next = i - 1; }
  else if (e.key === 'PageDown') { next = i + 10; }
  else if (e.key === 'PageUp') { next = i - 10; }
  else if (e.key === 'Home') { next = 0; }
  else if (e.key === 'End') { next = state.ops.length - 1; }
  else if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    openDetail(e.currentTarget.dataset.id, i);
    return;
  }
  if (next === null) { return; }
  e.preventDefault();
  focusRow(Math.max(0, Math.min(state.ops.length - 1, next)));
}

function focusRow(i) {
  state.focusIndex = i;
  const viewport = $('viewport');
  const top = i * ROW;
  if (top < viewport.scrollTop) { viewport.scrollTop = top; }
  else if (top + ROW > viewport.scrollTop + viewport.clientHeight) { viewport.scrollTop = top + ROW - viewport.clientHeight; }
  render();
  const row = [...$('rows').children].find((r) => r.dataset.index === String(i));
  if (row) { row.focus(); }
}

// ---- filters ---------------------------------------------------------------------------------------------------------

export function setStatusFilter(status) {
  state.filters.status = status;
  $('filter-status').value = status;
  renderCounts();
  reload();
}

let filterTimer = null;
export function onFilterInput() {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => {
    state.filters.kind = $('filter-kind').value.trim();
    state.filters.q = $('filter-text').value.trim();
    reload();
  }, 250);
}
