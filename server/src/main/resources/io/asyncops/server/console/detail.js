// The detail panel of one operation: facts, timeline, error, shell commands to follow it, its status monitor, and
// the cancel button.

import { $, el } from './util.js';
import { API_VERSION, TERMINAL, state, subPath } from './state.js';
import { api } from './auth.js';
import { render } from './list.js';

// ---- detail ------------------------------------------------------------------------------------------------------------

let detailOpener = null;
export async function openDetail(id, index) {
  state.selected = id;
  if (index != null) { state.focusIndex = index; }
  detailOpener = document.activeElement;
  render();
  const panel = $('detail');
  panel.hidden = false;
  await loadDetail(true);
}

export function closeDetail() {
  state.selected = null;
  $('detail').hidden = true;
  clearTimeout(state.detailTimer);
  if (state.token) { render(); }
  if (detailOpener && document.body.contains(detailOpener)) { detailOpener.focus(); }
  detailOpener = null;
}

export function scheduleDetail() {
  clearTimeout(state.detailTimer);
  state.detailTimer = setTimeout(() => loadDetail(false), 200);
}

async function loadDetail(focus) {
  const id = state.selected;
  if (!id) { return; }
  let d;
  try {
    d = await api(subPath() + '/operations/' + encodeURIComponent(id));
  } catch (e) {
    $('detail-body').textContent = 'Cannot load the operation: ' + e.message;
    return;
  }
  if (state.selected !== id) { return; }
  renderDetail(d);
  if (focus) { $('detail').focus(); }
}

const STEP_TEXT = {
  ACCEPTED: () => 'Accepted',
  STARTED: (s) => 'Started, attempt ' + s.attempt + (s.detail === 'retry' ? ' (retry)' : ''),
  TAKEN_OVER: (s) => 'Taken over by ' + s.node + ' from ' + s.detail + ' (lease expired), attempt ' + s.attempt,
  PROGRESS: (s) => 'Progress ' + Math.round(s.percentComplete) + '%',
  CHECKPOINT: (s) => 'Checkpoint' + (s.detail ? ': ' + s.detail : ''),
  CANCEL_REQUESTED: () => 'Cancel requested',
  ENDED: (s) => 'Ended ' + s.detail
};

function renderDetail(d) {
  const op = d.operation;
  $('detail-title').textContent = op.kind;
  const body = $('detail-body');
  body.replaceChildren();
  const top = el('p', null, '');
  top.appendChild(el('span', 'status ' + op.status, op.status));
  if (op.cancelRequested && !TERMINAL.has(op.status)) { top.appendChild(el('span', 'hint', '  cancel requested')); }
  body.appendChild(top);

  const actions = el('div', 'actions');
  const cancel = el('button', null, 'Cancel operation');
  cancel.type = 'button';
  cancel.id = 'detail-cancel';
  cancel.disabled = TERMINAL.has(op.status);
  cancel.addEventListener('click', () => cancelOperation(op, cancel));
  actions.appendChild(cancel);
  body.appendChild(actions);

  const dl = el('dl');
  const facts = [['Operation id', op.id], ['Resource id', op.resourceId || '—'], ['Request id', d.requestId || '—'],
    ['Correlation id', d.correlationId || '—'], ['Attempt', String(op.attempt)], ['Status URL', d.statusUrl]];
  for (const [k, v] of facts) { dl.appendChild(el('dt', null, k)); dl.appendChild(el('dd', 'mono', v)); }
  body.appendChild(dl);

  body.appendChild(el('h3', null, 'Timeline'));
  const ol = el('ol', 'timeline');
  ol.id = 'timeline';
  for (const s of d.timeline) {
    const li = el('li', s.type);
    const t = el('time', null, new Date(s.at).toISOString().replace('T', ' ').replace('Z', ''));
    t.dateTime = s.at;
    li.appendChild(t);
    li.appendChild(document.createTextNode((STEP_TEXT[s.type] || (() => s.type))(s)
      + (s.node && s.type !== 'TAKEN_OVER' ? ' on ' + s.node : '')));
    ol.appendChild(li);
  }
  body.appendChild(ol);

  if (d.monitor.error) {
    body.appendChild(el('h3', null, 'Error'));
    body.appendChild(el('p', 'error', d.monitor.error.code + ': ' + d.monitor.error.message));
  }

  body.appendChild(el('h3', null, 'Follow it from a shell'));
  body.appendChild(command('asyncops wait', d.commands.waitCommand));
  body.appendChild(command('curl', d.commands.curlCommand));
  body.appendChild(el('p', 'hint', 'Both read the token from $TOKEN.'));

  body.appendChild(el('h3', null, 'Status monitor'));
  const pre = el('pre', null, JSON.stringify(d.monitor, null, 2));
  pre.id = 'monitor-json';
  body.appendChild(pre);
}

function command(label, text) {
  const box = el('div', 'command');
  const pre = el('pre', null, text);
  pre.setAttribute('aria-label', label + ' command');
  const copy = el('button', 'quiet', 'Copy');
  copy.type = 'button';
  copy.setAttribute('aria-label', 'Copy the ' + label + ' command');
  copy.dataset.copy = label;
  const done = el('span', 'copied');
  done.setAttribute('role', 'status');
  copy.addEventListener('click', async () => {
    done.textContent = (await copyText(text)) ? 'Copied' : 'Select and copy';
  });
  box.append(pre, copy, done);
  return box;
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (e) {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand && document.execCommand('copy');
    area.remove();
    return !!ok;
  }
}

async function cancelOperation(op, button) {
  button.disabled = true;
  try {
    await api(op.statusPath + '/cancel?api-version=' + API_VERSION, { method: 'POST' });
  } catch (e) {
    button.disabled = false;
    alert('The cancel was refused: ' + e.message);
  }
  scheduleDetail();
}
