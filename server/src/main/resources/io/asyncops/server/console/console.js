// asyncops console: plain JavaScript modules, no build step. This one wires the page's controls to the features:
// auth.js (sign-in, the bearer token, an application's renewal), list.js (the live table, its filters and keys),
// stream.js (the change stream), detail.js (one operation), resources.js (the resources tab); state.js and util.js
// hold what they share. Every data call carries the bearer token the user gave; the list is kept live by the
// server's change stream (server-sent events read through fetch, so that the token goes in the Authorization header
// and never in a URL). The table renders only the rows in view, so it stays fast with tens of thousands of
// operations loaded.

import { $, showError } from './util.js';
import { ROW, state } from './state.js';
import { open, signIn, signInAgain, signInApp, signOut } from './auth.js';
import { loadPage, onFilterInput, renderCounts, scheduleRender, setStatusFilter } from './list.js';
import { closeDetail } from './detail.js';
import { loadResources, selectTab } from './resources.js';

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
