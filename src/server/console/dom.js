// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Building the DOM without markup strings: every text goes in through textContent or a text node,
// so a name like <img src=x onerror=alert(1)> shows as what it is.

const SVG_NS = 'http://www.w3.org/2000/svg';

export const $ = (id) => document.getElementById(id);

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// Replaces the children of `node`; null, undefined and false are left out (as in el()).
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

// el('td', { className: 'num', text: '12', attrs: { title: '…' }, on: { click: fn } }, ...children)
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  const { className, text, attrs, dataset, on } = props;
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === false || value === null || value === undefined) continue;
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  if (dataset) Object.assign(node.dataset, dataset);
  if (on) for (const [type, handler] of Object.entries(on)) node.addEventListener(type, handler);
  append(node, children);
  return node;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

// Changes the text only when it differs: no needless mutation (and no needless announcement).
export function setText(node, text) {
  const value = text === null || text === undefined ? '' : String(text);
  if (node.textContent !== value) node.textContent = value;
}

export function setAttr(node, name, value) {
  if (value === null || value === undefined || value === '') {
    if (node.hasAttribute(name)) node.removeAttribute(name);
  } else if (node.getAttribute(name) !== String(value)) {
    node.setAttribute(name, String(value));
  }
}

export function show(node, visible) {
  node.hidden = !visible;
}

// A status line: text and a tone ('', 'ok', 'error', 'busy'). Lives in an aria-live region.
export function say(node, text, tone = '') {
  setText(node, text || '');
  if (text) node.dataset.said = tone;
  else delete node.dataset.said;
  node.classList.toggle('is-error', tone === 'error');
  node.classList.toggle('is-ok', tone === 'ok');
  node.classList.toggle('is-busy', tone === 'busy');
}

// A time value: the visible text, the exact time as a tooltip, the machine form in datetime.
export function timeEl(iso, text, title) {
  return el('time', { text, attrs: { datetime: iso || null, title: title || null } });
}

// Online/offline/revoked: a word with a colour mark beside it (never the colour alone).
export function stateMark(kind, word) {
  return el('span', { className: `state state-${kind}` },
    el('span', { className: 'dot', attrs: { 'aria-hidden': 'true' } }), word);
}

export function badge(kind, word) {
  return el('span', { className: `badge badge-${kind}`, text: word });
}

// Keeps a tbody's rows in step with items without rebuilding it: rows are matched by key, created
// once (create(item) -> tr), updated in place (update(tr, item)) and moved only when out of order.
// Focus and scroll position inside the table survive a refresh.
export function syncRows(tbody, items, keyOf, create, update) {
  const old = new Map();
  for (const row of Array.from(tbody.rows)) old.set(row.dataset.key, row);
  items.forEach((item, index) => {
    const key = String(keyOf(item));
    let row = old.get(key);
    if (row) old.delete(key);
    else {
      row = create(item);
      row.dataset.key = key;
    }
    update(row, item);
    const at = tbody.rows[index];
    if (at !== row) tbody.insertBefore(row, at || null);
  });
  for (const row of old.values()) row.remove();
}

// Replaces a cell's content only when what it shows changed (compared by a signature string).
export function fillCell(cell, signature, build) {
  if (cell.dataset.sig === signature) return;
  cell.dataset.sig = signature;
  cell.replaceChildren(...[build()].flat().filter((n) => n !== null && n !== undefined));
}

export function debounce(fn, ms) {
  let timer = 0;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}

// After a language change: passing notes ("Saved.", "Loading…") said in the old language go away;
// errors stay until the next try.
export function forgetPassingNotes() {
  for (const node of document.querySelectorAll('[data-said]')) {
    if (node.dataset.said !== 'error') say(node, '');
  }
}
