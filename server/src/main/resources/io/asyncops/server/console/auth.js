// Signing in and the bearer token: every data call (api) carries the token; an application (service principal) signs
// in with the client credentials grant at this server's token endpoint, and its secret stays in this tab's memory
// (never in storage) so that the token is renewed before it expires.

import { $, showError } from './util.js';
import { state } from './state.js';
import { reload } from './list.js';
import { startStream, stopStream } from './stream.js';
import { closeDetail } from './detail.js';

// ---- HTTP -------------------------------------------------------------------------------------------------------

export async function api(path, options = {}, renewed = false) {
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

// renew an application's token this long before it expires (at most a fifth of its lifetime)
const RENEW_LEAD_SECONDS = 300;

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
export function renew() {
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
export function signInAgain(why) {
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

// ---- sign in ----------------------------------------------------------------------------------------------------

export async function signIn(token, wanted) {
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

export async function signInApp(clientId, secret) {
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

export function signOut() {
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

export async function open(sub) {
  state.sub = sub;
  closeDetail();
  startStream();
  await reload();
}
