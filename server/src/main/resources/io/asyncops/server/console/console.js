// asyncops console: plain JavaScript, no build step. Every data call carries the bearer token the user gave; the
// list is kept live by the server's change stream (server-sent events read through fetch, so that the token goes
// in the Authorization header and never in a URL). The table renders only the rows in view, so it stays fast with
// tens of thousands of operations loaded. An application (service principal) signs in with the client credentials
// grant at this server's token endpoint; its secret stays in this tab's memory (never in storage) so that the token
// is renewed before it expires.
'use strict';

(function () {
  const STATUSES = ['Accepted', 'InProgress', 'Succeeded', 'Failed', 'Canceled'];
  const TERMINAL = new Set(['Succeeded', 'Failed', 'Canceled']);
  const PAGE = 1000;            // rows per list request
  const AUTOLOAD = 10000;       // rows loaded without asking; beyond, "Load more" (or scrolling to the end)
  const ROW = 36;               // px, as in the stylesheet
  const OVERSCAN = 8;
  const API_VERSION = '2021-11-01';

  const $ = (id) => document.getElementById(id);
  const state = {
    token: null, sub: null, subs: [],
    ops: [], byId: new Map(), nextLink: null, loading: false, generation: 0,
    filters: { status: '', kind: '', q: '' },
    counts: null, kinds: new Set(), selected: null, focusIndex: 0,
    stream: null, streamBackoff: 500, detailTimer: null,
    // how the token was had: null (pasted), or { clientId, secret } of the application that signed in here
    app: null, renewTimer: null, renewing: null, signedIn: false
  };
  // renew an application's token this long before it expires (at most a fifth of its lifetime)
  const RENEW_LEAD_SECONDS = 300;

  // ---- HTTP -------------------------------------------------------------------------------------------------------

  async function api(path, options = {}, renewed = false) {
    const headers = Object.assign({ 'Authorization': 'Bearer ' + state.token, 'Accept': 'application/json' },
      options.headers || {});
    const res = await fetch(path, Object.assign({}, options, { headers }));
    const text = await res.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
    if (res.status === 401 && state.signedIn) {
      // the token expired or was refused: an application gets a new one once; anyone else is asked again
      if (!renewed && state.app && await renew()) { return api(path, options, true); }
      if (state.signedIn) { signInAgain(); }
    }
    if (!res.ok) {
      const err = new Error(body && body.error ? body.error.code + ': ' + body.error.message : 'HTTP ' + res.status);
      err.status = res.status;
      throw err;
    }
    return body;
  }

  // ---- an application's token (OAuth 2.0 client credentials at this server's identity endpoint) ----------------------

  let discovered = null;
  /** The token endpoint's path on this origin and the ARM scope to ask for, from the endpoint's discovery document. */
  async function identity() {
    if (!discovered) {
      const res = await fetch('/adfs/.well-known/openid-configuration', { headers: { 'Accept': 'application/json' } });
      if (!res.ok) { throw new Error('The identity endpoint is not available here (HTTP ' + res.status + ').'); }
      const doc = await res.json();
      discovered = { tokenPath: new URL(doc.token_endpoint, location.href).pathname, scope: doc.scopes_supported[0] };
    }
    return discovered;
  }

  /** A token for the application: { token, expiresIn (s) }; throws with the OAuth error's description. */
  async function clientCredentials(clientId, secret) {
    const id = await identity();
    let res;
    try {
      res = await fetch(id.tokenPath, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret,
          scope: id.scope }),
        credentials: 'omit',
        cache: 'no-store'
      });
    } catch (e) {
      const err = new Error('Cannot reach the token endpoint: ' + e.message);
      err.network = true;
      throw err;
    }
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok || !body || !body.access_token) {
      const err = new Error(body && body.error_description ? body.error_description
        : 'The token endpoint answered HTTP ' + res.status + '.');
      err.oauth = body && body.error;
      err.status = res.status;
      throw err;
    }
    return { token: body.access_token, expiresIn: Number(body.expires_in) || 3600 };
  }

  function keepToken(token, expiresIn) {
    state.token = token;
    sessionStorage.setItem('asyncops.token', token);
    sessionStorage.setItem('asyncops.expires', String(Date.now() + expiresIn * 1000));
  }

  function scheduleRenewal(expiresIn) {
    clearTimeout(state.renewTimer);
    const lead = Math.min(RENEW_LEAD_SECONDS, expiresIn / 5);
    state.renewTimer = setTimeout(renewOrAsk, Math.max(1, expiresIn - lead) * 1000);
  }

  async function renewOrAsk() {
    if (!(await renew()) && state.signedIn && state.app) {
      // a network failure: try again in half a minute while the token lasts
      const left = Number(sessionStorage.getItem('asyncops.expires')) - Date.now();
      if (left > 30000) { state.renewTimer = setTimeout(renewOrAsk, 30000); } else { signInAgain(); }
    }
  }

  /**
   * A new token for the signed-in application (one request however many callers wait); false when there is no
   * application or the endpoint could not be reached. A refused secret signs out with the endpoint's reason.
   */
  function renew() {
    if (!state.app) { return Promise.resolve(false); }
    if (!state.renewing) {
      const app = state.app;
      state.renewing = (async () => {
        try {
          const t = await clientCredentials(app.clientId, app.secret);
          if (state.app !== app) { return false; }
          keepToken(t.token, t.expiresIn);
          scheduleRenewal(t.expiresIn);
          return true;
        } catch (e) {
          if (state.app === app && !e.network) { signInAgain('The token could not be renewed: ' + e.message); }
          return false;
        } finally {
          state.renewing = null;
        }
      })();
    }
    return state.renewing;
  }

  /** Back to the sign-in form, saying why; an application's id is kept in its form, its secret is asked again. */
  function signInAgain(why) {
    const clientId = state.app ? state.app.clientId : sessionStorage.getItem('asyncops.client');
    signOut();
    if (clientId) {
      $('client-id').value = clientId;
      showError('app-error', why || 'The token expired or was refused: enter the client secret again.');
      $('client-secret').focus();
    } else {
      showError('sign-in-error', why || 'The token expired or was refused: paste a new one.');
      $('token').focus();
    }
  }

  function showError(id, text) {
    const error = $(id);
    error.textContent = text;
    error.hidden = false;
  }

  const subPath = () => '/console/api/subscriptions/' + encodeURIComponent(state.sub);

  // ---- sign in ----------------------------------------------------------------------------------------------------

  async function signIn(token, wanted) {
    state.token = token.trim().replace(/^Bearer\s+/i, '');
    const me = await api('/console/api/me');
    const granted = me.subscriptions.filter((s) => s !== '*');
    let sub = (wanted || '').trim();
    if (!sub) {
      if (granted.length === 0) { throw new Error('This token may see any subscription: name one.'); }
      sub = granted[0];
    }
    state.subs = granted.length ? granted : [sub];
    if (!state.subs.includes(sub.toLowerCase()) && !state.subs.includes(sub)) { state.subs.unshift(sub); }
    sessionStorage.setItem('asyncops.token', state.token);
    sessionStorage.setItem('asyncops.sub', sub);
    state.signedIn = true;
    $('who-text').textContent = (state.app || sessionStorage.getItem('asyncops.client') ? 'Application ' : '')
      + me.subject;
    const sw = $('subscription-switch');
    sw.replaceChildren(...state.subs.map((s) => new Option(s, s)));
    sw.value = sub;
    $('sign-in').hidden = true;
    $('app').hidden = false;
    $('who').hidden = false;
    await open(sub);
  }

  async function signInApp(clientId, secret) {
    const t = await clientCredentials(clientId, secret);
    state.app = { clientId, secret };
    sessionStorage.setItem('asyncops.client', clientId);
    keepToken(t.token, t.expiresIn);
    scheduleRenewal(t.expiresIn);
    try {
      await signIn(t.token, '');
    } catch (e) {
      forget();
      throw e;
    }
  }

  /** Drops the token, the application's secret and the renewal; the page itself is left as it is. */
  function forget() {
    clearTimeout(state.renewTimer);
    state.app = null;
    state.signedIn = false;
    for (const key of ['asyncops.token', 'asyncops.sub', 'asyncops.client', 'asyncops.expires']) {
      sessionStorage.removeItem(key);
    }
    state.token = null;
  }

  function signOut() {
    stopStream();
    forget();
    closeDetail();
    $('app').hidden = true;
    $('who').hidden = true;
    $('sign-in').hidden = false;
    $('token').value = '';
    $('client-secret').value = '';
    for (const id of ['sign-in-error', 'app-error']) { $(id).hidden = true; }
    $('token').focus();
  }

  async function open(sub) {
    state.sub = sub;
    closeDetail();
    startStream();
    await reload();
  }

  // ---- the list -----------------------------------------------------------------------------------------------------

  function listUrl() {
    const p = new URLSearchParams({ top: String(PAGE) });
    if (state.filters.status) { p.set('status', state.filters.status); }
    if (state.filters.kind) { p.set('kind', state.filters.kind); }
    if (state.filters.q) { p.set('q', state.filters.q); }
    return subPath() + '/operations?' + p.toString();
  }

  async function reload() {
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

  async function loadPage(url, generation) {
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

  function upsert(op) {
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
  function scheduleRender() {
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

  function render() {
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

  function span(ms) {
    if (!(ms >= 0)) { ms = 0; }
    const s = Math.floor(ms / 1000);
    if (s < 1) { return (ms / 1000).toFixed(1) + 's'; }
    if (s < 60) { return s + 's'; }
    if (s < 3600) { return Math.floor(s / 60) + 'm ' + (s % 60) + 's'; }
    if (s < 86400) { return Math.floor(s / 3600) + 'h ' + Math.floor((s % 3600) / 60) + 'm'; }
    return Math.floor(s / 86400) + 'd ' + Math.floor((s % 86400) / 3600) + 'h';
  }

  function renderCounts() {
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

  function setStatusFilter(status) {
    state.filters.status = status;
    $('filter-status').value = status;
    renderCounts();
    reload();
  }

  let filterTimer = null;
  function onFilterInput() {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(() => {
      state.filters.kind = $('filter-kind').value.trim();
      state.filters.q = $('filter-text').value.trim();
      reload();
    }, 250);
  }

  // ---- the change stream (server-sent events over fetch) --------------------------------------------------------------

  function startStream() {
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

  function stopStream() {
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

  // ---- detail ------------------------------------------------------------------------------------------------------------

  let detailOpener = null;
  async function openDetail(id, index) {
    state.selected = id;
    if (index != null) { state.focusIndex = index; }
    detailOpener = document.activeElement;
    render();
    const panel = $('detail');
    panel.hidden = false;
    await loadDetail(true);
  }

  function closeDetail() {
    state.selected = null;
    $('detail').hidden = true;
    clearTimeout(state.detailTimer);
    if (state.token) { render(); }
    if (detailOpener && document.body.contains(detailOpener)) { detailOpener.focus(); }
    detailOpener = null;
  }

  function scheduleDetail() {
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

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text != null) { e.textContent = text; }
    return e;
  }

  // ---- resources tab -------------------------------------------------------------------------------------------------

  async function loadResources() {
    const box = $('resources');
    box.textContent = 'Loading…';
    let page;
    try {
      page = await api(subPath() + '/resources');
    } catch (e) {
      box.textContent = 'Cannot list resources: ' + e.message;
      return;
    }
    const groups = new Map();
    const groupState = new Map();
    for (const r of page.value) {
      if (!groups.has(r.resourceGroup)) { groups.set(r.resourceGroup, []); }
      if (r.type.toLowerCase() === 'microsoft.resources/resourcegroups') {
        groupState.set(r.resourceGroup, r);
      } else {
        groups.get(r.resourceGroup).push(r);
      }
    }
    box.replaceChildren();
    if (groups.size === 0) { box.textContent = 'No resource groups in this subscription.'; return; }
    for (const [name, resources] of groups.entries()) {
      const section = el('section', 'group');
      const h = el('h3', null, name + ' ');
      h.id = 'rg-' + name;
      const g = groupState.get(name);
      if (g) {
        h.appendChild(el('span', 'status ' + stateClass(g.provisioningState), g.provisioningState || '—'));
        if (g.location) { h.appendChild(el('span', 'hint', '  ' + g.location)); }
      }
      section.setAttribute('aria-labelledby', h.id);
      section.appendChild(h);
      if (resources.length === 0) {
        section.appendChild(el('p', 'hint', 'No resources in this group.'));
        box.appendChild(section);
        continue;
      }
      const table = el('table');
      table.innerHTML = '<thead><tr><th scope="col">Name</th><th scope="col">Type</th>'
        + '<th scope="col">Location</th><th scope="col">Provisioning state</th></tr></thead><tbody></tbody>';
      for (const r of resources) {
        const tr = document.createElement('tr');
        tr.append(el('td', 'mono', r.name), el('td', null, r.type), el('td', null, r.location || '—'));
        const st = el('td');
        st.appendChild(el('span', 'status ' + stateClass(r.provisioningState), r.provisioningState || '—'));
        tr.appendChild(st);
        table.tBodies[0].appendChild(tr);
      }
      section.appendChild(table);
      box.appendChild(section);
    }
  }

  function stateClass(s) {
    if (s === 'Succeeded' || s === 'Failed' || s === 'Canceled') { return s; }
    return s ? 'InProgress' : 'Accepted';
  }

  // ---- tabs ------------------------------------------------------------------------------------------------------------

  function selectTab(tab) {
    const tabs = [$('tab-operations'), $('tab-resources')];
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
    tab.focus();
    if (tab.id === 'tab-resources') { loadResources(); } else { render(); }
  }

  // ---- start -----------------------------------------------------------------------------------------------------------

  function start() {
    $('sign-in-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const error = $('sign-in-error');
      error.hidden = true;
      const token = $('token').value;
      if (!token.trim()) { error.textContent = 'A token is needed.'; error.hidden = false; return; }
      $('sign-in-button').disabled = true;
      try {
        await signIn(token, $('subscription').value);
      } catch (err) {
        error.textContent = err.status === 401 ? 'The token was refused: ' + err.message : err.message;
        error.hidden = false;
      } finally {
        $('sign-in-button').disabled = false;
      }
    });
    $('app-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const error = $('app-error');
      error.hidden = true;
      const clientId = $('client-id').value.trim();
      const secret = $('client-secret').value;
      if (!clientId) { showError('app-error', 'The application (client) id is needed.'); $('client-id').focus(); return; }
      if (!secret) { showError('app-error', 'The client secret is needed.'); $('client-secret').focus(); return; }
      $('app-sign-in-button').disabled = true;
      try {
        await signInApp(clientId, secret);
        $('client-secret').value = '';
      } catch (err) {
        showError('app-error', err.message);
      } finally {
        $('app-sign-in-button').disabled = false;
      }
    });
    $('sign-out').addEventListener('click', signOut);
    $('subscription-switch').addEventListener('change', (e) => {
      sessionStorage.setItem('asyncops.sub', e.target.value);
      open(e.target.value);
    });
    $('viewport').addEventListener('scroll', () => {
      scheduleRender();
      const v = $('viewport');
      if (state.nextLink && !state.loading && v.scrollTop + v.clientHeight >= v.scrollHeight - 4 * ROW) {
        loadPage(state.nextLink, state.generation);
      }
    });
    $('load-more').addEventListener('click', () => loadPage(state.nextLink, state.generation));
    $('filter-status').addEventListener('change', (e) => setStatusFilter(e.target.value));
    $('filter-kind').addEventListener('input', onFilterInput);
    $('filter-text').addEventListener('input', onFilterInput);
    $('filters').addEventListener('submit', (e) => e.preventDefault());
    $('detail-close').addEventListener('click', closeDetail);
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !$('detail').hidden) { closeDetail(); }
    });
    const tablist = document.querySelector('[role=tablist]');
    tablist.addEventListener('click', (e) => { if (e.target.getAttribute('role') === 'tab') { selectTab(e.target); } });
    tablist.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') { return; }
      const tabs = [...tablist.querySelectorAll('[role=tab]')];
      const i = tabs.indexOf(document.activeElement);
      if (i < 0) { return; }
      selectTab(tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]);
    });
    $('refresh-resources').addEventListener('click', loadResources);
    setInterval(() => { if (state.token && !$('app').hidden) { scheduleRender(); } }, 1000);
    renderCounts();
    const saved = sessionStorage.getItem('asyncops.token');
    const expires = Number(sessionStorage.getItem('asyncops.expires') || 0);
    if (saved && expires && expires <= Date.now()) {
      // an application's token from before a reload, expired: its secret was never kept, so ask for it
      signInAgain();
    } else if (saved) {
      // an application's token from before a reload lasts until it expires, then the secret is asked again
      if (expires) { state.renewTimer = setTimeout(() => { if (state.signedIn) { signInAgain(); } }, expires - Date.now()); }
      signIn(saved, sessionStorage.getItem('asyncops.sub')).catch(() => signInAgain());
    } else {
      $('token').focus();
    }
  }

  document.addEventListener('DOMContentLoaded', start);
})();
