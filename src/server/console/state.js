// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// What the page holds across views: whether signed in, the events, the event picked.
// The event picked is remembered in localStorage and carried in the URL hash (#/live?event=ID).

const EVENT_KEY = 'checkin.console.event';
const listeners = new Set();

export const state = {
  signedIn: false,
  events: [],
  event: null,
};

export function storedEventId() {
  try {
    return localStorage.getItem(EVENT_KEY) || '';
  } catch {
    return '';
  }
}

export function setEvent(event) {
  const changed = (state.event && state.event.id) !== (event && event.id);
  state.event = event || null;
  try {
    if (event) localStorage.setItem(EVENT_KEY, event.id);
    else localStorage.removeItem(EVENT_KEY);
  } catch {
    // storage unavailable: the hash still carries the event
  }
  for (const listener of listeners) listener(state.event, changed);
}

export function findEvent(id) {
  return state.events.find((event) => event.id === id) || null;
}

export function onEventChange(listener) {
  listeners.add(listener);
}

// The hash of a view, with the event for views that need one.
export function viewHash(view, needsEvent) {
  if (needsEvent && state.event) return `#/${view}?event=${encodeURIComponent(state.event.id)}`;
  return `#/${view}`;
}
