// The subscription's change stream: server-sent events read through fetch (so the token goes in a header, never in
// a URL), reconnected with backoff, the list reloaded after a gap.

import { $ } from './util.js';
import { state, subPath } from './state.js';
import { renew, signInAgain } from './auth.js';
import { reload, renderCounts, upsert } from './list.js';

// ---- the change stream (server-sent events over fetch) --------------------------------------------------------------

export function startStream() {
  stopStream();
  const controller = new AbortController();
  state.stream = controller;
  const sub = state.sub;
  let renewed = false;  // one renewal per refusal: a token refused again right after is not renewed in a loop
  (async () => {
    while (!controller.signal.aborted) {
      try {
        const res = await fetch(subPath() + '/events', {
          headers: { 'Authorization': 'Bearer ' + state.token, 'Accept': 'text/event-stream' },
          signal: controller.signal
        });
        if (res.status === 401) {
          if (state.app && !renewed && await renew()) { renewed = true; continue; }
          if (state.signedIn) { signInAgain(); }
          return;
        }
        if (res.status === 404) { live(false, 'Subscription not found'); return; }
        if (!res.ok) { throw new Error('HTTP ' + res.status); }
        live(true, 'Live');
        renewed = false;
        state.streamBackoff = 500;
        await readEvents(res.body, onEvent, controller.signal);
      } catch (e) {
        if (controller.signal.aborted) { return; }
      }
      if (sub !== state.sub || controller.signal.aborted) { return; }
      live(false, 'Reconnecting…');
      await new Promise((r) => setTimeout(r, state.streamBackoff));
      state.streamBackoff = Math.min(state.streamBackoff * 2, 15000);
      // changes may have been missed while disconnected
      if (!controller.signal.aborted) { reload(); }
    }
  })();
}

export function stopStream() {
  if (state.stream) { state.stream.abort(); state.stream = null; }
}

function live(on, text) {
  const el = $('live');
  el.textContent = text;
  el.className = 'live ' + (on ? 'on' : 'off');
}

async function readEvents(body, handle, signal) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let name = 'message';
  let data = [];
  while (!signal.aborted) {
    const { value, done } = await reader.read();
    if (done) { return; }
    buffer += decoder.decode(value, { stream: true });
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      let line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.endsWith('\r')) { line = line.slice(0, -1); }
      if (line === '') {
        if (data.length) { handle(name, data.join('\n')); }
        name = 'message';
        data = [];
      } else if (line.startsWith(':')) {
        // a comment: keep-alive
      } else {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const v = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') { name = v; } else if (field === 'data') { data.push(v); }
      }
    }
  }
}

function onEvent(name, data) {
  const body = JSON.parse(data);
  if (name === 'hello') {
    state.counts = body.counts;
    renderCounts();
  } else if (name === 'operation') {
    upsert(body);
  } else if (name === 'counts') {
    state.counts = body;
    renderCounts();
  } else if (name === 'reload') {
    reload();
  }
}
