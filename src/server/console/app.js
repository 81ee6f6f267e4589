// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The event lead's console: start-up, the session, the header and the hash routes
// (#/live, #/attendees, #/devices, #/conflicts, #/export, #/events, #/health; ?event=ID).

import { errorText, onUnauthorized } from './api.js';
import { attendeesView, initAttendees } from './attendees.js';
import { conflictsView, initConflicts } from './conflicts.js';
import { devicesView, initDevices } from './devices.js';
import { $, forgetPassingNotes, say } from './dom.js';
import { eventsNotice, eventsView, initEvents, loadEvents } from './events.js';
import { exportView } from './export.js';
import { healthView } from './health.js';
import { getLang, initI18n, onLangChange, setLang, t } from './i18n.js';
import { initLists, listsView } from './lists.js';
import { liveView } from './live.js';
import { checkSession, initSignIn, retranslateSignIn, showSignInMessage, signOut } from './session.js';
import { findEvent, onEventChange, setEvent, state, storedEventId, viewHash } from './state.js';

const views = {
  live: liveView,
  attendees: attendeesView,
  devices: devicesView,
  conflicts: conflictsView,
  lists: listsView,
  export: exportView,
  events: eventsView,
  health: healthView,
};

let current = null;     // the view shown
let currentKey = '';    // its name and event
let focusOnRoute = false;

function parseHash() {
  const hash = location.hash || '';
  if (hash && !hash.startsWith('#/')) return null; // e.g. #main from the skip link
  const [path, query = ''] = hash.slice(2).split('?');
  return { name: path.replace(/\/+$/, ''), params: new URLSearchParams(query) };
}

function showOnly(sectionId) {
  for (const section of document.querySelectorAll('main > .view')) section.hidden = section.id !== sectionId;
  $('boot').hidden = true;
}

function leaveCurrent() {
  if (current && current.leave) current.leave();
  current = null;
  currentKey = '';
}

function updateNav(active) {
  for (const link of document.querySelectorAll('#nav a[data-view]')) {
    const name = link.dataset.view;
    link.href = viewHash(name, views[name] && views[name].needsEvent);
    if (name === active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function updateHeader() {
  const box = $('event-name');
  box.hidden = !state.signedIn || !state.event;
  $('event-name-text').textContent = state.event ? state.event.name || state.event.id : '';
}

function route() {
  if (!state.signedIn) return;
  const parsed = parseHash();
  if (!parsed) return;
  const wanted = parsed.params.get('event');
  if (wanted && (!state.event || state.event.id !== wanted)) {
    const found = findEvent(wanted);
    if (found) setEvent(found);
  }
  let name = parsed.name || (state.event ? 'live' : 'events');
  if (!views[name]) name = state.event ? 'live' : 'events';
  let view = views[name];
  if (view.needsEvent && !state.event) {
    eventsNotice(wanted ? 'events.unknownEvent' : 'events.pickFirst');
    name = 'events';
    view = eventsView;
  }
  const canonical = viewHash(name, view.needsEvent);
  if (location.hash !== canonical) history.replaceState(null, '', canonical);

  const key = `${name}|${state.event ? state.event.id : ''}`;
  updateNav(name);
  if (key === currentKey) return;
  leaveCurrent();
  showOnly(`view-${name}`);
  current = view;
  currentKey = key;
  view.enter();
  if (focusOnRoute) {
    const heading = document.querySelector(`#view-${name} h1`);
    if (heading) heading.focus({ preventScroll: false });
  }
  focusOnRoute = true;
}

function closeDialogs() {
  for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close();
}

function showSignIn(messageKey) {
  state.signedIn = false;
  leaveCurrent();
  closeDialogs();
  for (const view of Object.values(views)) if (view.reset) view.reset();
  $('nav').hidden = true;
  $('sign-out').hidden = true;
  updateHeader();
  showOnly('view-sign-in');
  showSignInMessage(messageKey);
  focusOnRoute = false;
  $('secret').focus();
}

async function signedIn(fromForm = false) {
  state.signedIn = true;
  $('nav').hidden = false;
  $('sign-out').hidden = false;
  try {
    await loadEvents();
  } catch (error) {
    if (!state.signedIn) return;
    console.warn('console: events', errorText(error));
  }
  const parsed = parseHash();
  const wanted = (parsed && parsed.params.get('event')) || storedEventId();
  const found = wanted ? findEvent(wanted) : null;
  if (found) setEvent(found);
  else if (state.event && !findEvent(state.event.id)) setEvent(null);
  updateHeader();
  focusOnRoute = fromForm; // after the form, focus goes to the view's heading
  currentKey = '';
  route();
}

async function boot() {
  initI18n();
  const lang = $('lang');
  lang.value = getLang();
  lang.addEventListener('change', () => setLang(lang.value, true));
  onLangChange(() => {
    forgetPassingNotes();
    lang.value = getLang();
    updateHeader();
    retranslateSignIn();
    if (current && current.retranslate) current.retranslate();
  });

  $('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    $('main').focus();
  });

  initSignIn(() => signedIn(true));
  initEvents();
  initAttendees();
  initDevices();
  initConflicts();
  initLists();

  onUnauthorized(() => {
    if (state.signedIn) showSignIn('session.ended');
  });
  onEventChange(() => {
    updateHeader();
    updateNav(current ? current.name : '');
  });
  $('sign-out').addEventListener('click', async () => {
    $('sign-out').disabled = true;
    await signOut();
    $('sign-out').disabled = false;
    showSignIn('session.signedOut');
  });
  window.addEventListener('hashchange', route);

  try {
    if (await checkSession()) await signedIn(false);
    else showSignIn(null);
  } catch (error) {
    showSignIn(null);
    say($('sign-in-error'), errorText(error), 'error');
  }
}

boot();
