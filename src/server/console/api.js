// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// fetch() for the console API: the session cookie goes along (same origin), every request other
// than GET carries X-CSRF-Token, errors become ApiError, and any 401 ends the session in the page.

import { getLang, t } from './i18n.js';

let csrfToken = '';
let unauthorizedHandler = () => {};

export function setCsrf(token) {
  csrfToken = token || '';
}

export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

export class ApiError extends Error {
  constructor(status, code, message, body = null, retryAfter = null) {
    super(message || code || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;          // 0: no answer (network)
    this.code = code || '';
    this.serverMessage = message || '';
    this.body = body;
    this.retryAfter = retryAfter;  // seconds, from Retry-After
    this.handled = false;          // true: a 401 the page has already acted on
    this.aborted = false;          // true: the caller aborted the request
  }
}

export function eventPath(eventId, rest = '') {
  return `/api/v1/events/${encodeURIComponent(eventId)}${rest}`;
}

function retryAfterSeconds(response) {
  const value = response.headers.get('Retry-After');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readBody(response) {
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}

// api('POST', path, { json })                 JSON body
// api('POST', path, { body: file, contentType: 'text/csv' })
// options.signal: AbortSignal; options.signIn: a 401 is the caller's (sign-in, session check)
export async function api(method, path, options = {}) {
  const { json, body, contentType, signal, signIn = false, retried = false } = options;
  const headers = { Accept: 'application/json', 'Accept-Language': getLang() };
  let payload;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(json);
  } else if (body !== undefined) {
    headers['Content-Type'] = contentType || 'application/octet-stream';
    payload = body;
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response;
  try {
    response = await fetch(path, {
      method, headers, body: payload, signal, credentials: 'same-origin', cache: 'no-store',
    });
  } catch (error) {
    const failure = new ApiError(0, 'network', error && error.message);
    failure.aborted = Boolean(signal && signal.aborted);
    throw failure;
  }

  const data = await readBody(response);
  if (response.ok) return data ?? {};

  const info = (data && data.error) || {};
  const failure = new ApiError(response.status, info.code, info.message, data,
    retryAfterSeconds(response));

  if (response.status === 401 && !signIn) {
    csrfToken = '';
    failure.handled = true;
    unauthorizedHandler();
    throw failure;
  }
  // A stale CSRF token (the session was renewed in another tab): fetch the current one, try once more.
  if (response.status === 403 && failure.code === 'csrf' && !retried) {
    try {
      const session = await api('GET', '/api/v1/session', { signal });
      setCsrf(session.csrf_token);
      return await api(method, path, { ...options, retried: true });
    } catch (error) {
      if (error instanceof ApiError && error.handled) throw error;
    }
  }
  throw failure;
}

// A failed request in words for the person in front of the page.
export function errorText(error) {
  if (!(error instanceof ApiError)) return t('err.unexpected');
  if (error.status === 0) return t('err.network');
  switch (error.code) {
    case 'overloaded':
    case 'too_many_requests':
      return t('err.overloaded');
    case 'csrf':
      return t('err.csrf');
    case 'forbidden':
      return t('err.forbidden');
    case 'event_exists':
      return t('err.eventExists');
    case 'invalid_event':
      return t('err.invalidEvent', { message: error.serverMessage });
    case 'no_such_attendee':
      return t('err.noSuchAttendee');
    case 'no_such_device':
      return t('err.noSuchDevice');
    case 'no_such_event':
      return t('err.noSuchEvent');
    case 'malformed_json':
      return t('err.malformed');
    default:
      break;
  }
  if (error.status === 413) return t('err.tooLarge');
  if (error.status === 503) return t('err.overloaded');
  if (error.serverMessage) return t('err.withMessage', { message: error.serverMessage });
  return t('err.status', { status: error.status });
}

// True when the caller should stay silent: the request was aborted or the 401 is dealt with.
export function isQuiet(error) {
  return error instanceof ApiError && (error.handled || error.aborted);
}
