// The resources tab (the subscription's resource groups and what they hold) and switching tabs.

import { $, el } from './util.js';
import { subPath } from './state.js';
import { api } from './auth.js';
import { render } from './list.js';

// ---- resources tab -------------------------------------------------------------------------------------------------

export async function loadResources() {
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

export function selectTab(tab) {
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
