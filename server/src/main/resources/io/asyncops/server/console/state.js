// What the console's modules share: the constants of the page and the one state object of the signed-in tab.

export const STATUSES = ['Accepted', 'InProgress', 'Succeeded', 'Failed', 'Canceled'];
export const TERMINAL = new Set(['Succeeded', 'Failed', 'Canceled']);
export const PAGE = 1000;            // rows per list request
export const AUTOLOAD = 10000;       // rows loaded without asking; beyond, "Load more" (or scrolling to the end)
export const ROW = 36;               // px, as in the stylesheet
export const OVERSCAN = 8;
export const API_VERSION = '2021-11-01';

export const state = {
  token: null, sub: null, subs: [],
  ops: [], byId: new Map(), nextLink: null, loading: false, generation: 0,
  filters: { status: '', kind: '', q: '' },
  counts: null, kinds: new Set(), selected: null, focusIndex: 0,
  stream: null, streamBackoff: 500, detailTimer: null,
  // how the token was had: null (pasted), or { clientId, secret } of the application that signed in here
  app: null, renewTimer: null, renewing: null, signedIn: false
};

export const subPath = () => '/console/api/subscriptions/' + encodeURIComponent(state.sub);
