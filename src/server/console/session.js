// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Signing in and out: POST/GET/DELETE /api/v1/session. The cookie is HttpOnly; the page keeps only
// the CSRF token (in memory) for the requests that change something.

import { api, ApiError, errorText, setCsrf } from './api.js';
import { $, say } from './dom.js';
import { t } from './i18n.js';

let lockTimer = 0;
let lastMessage = null; // { key, params } of the sign-in screen's message, said again on a language change

// True when the cookie is still good (and the CSRF token is known), false when a sign-in is needed.
export async function checkSession() {
  try {
    const session = await api('GET', '/api/v1/session', { signIn: true });
    setCsrf(session.csrf_token);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return false;
    throw error;
  }
}

function lockFor(seconds) {
  const button = $('sign-in');
  button.disabled = true;
  clearTimeout(lockTimer);
  lockTimer = setTimeout(() => {
    button.disabled = false;
  }, Math.max(1, seconds) * 1000);
}

export function initSignIn(onSignedIn) {
  const form = $('sign-in-form');
  const input = $('secret');
  const button = $('sign-in');
  const error = $('sign-in-error');

  input.addEventListener('input', () => {
    input.removeAttribute('aria-invalid');
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (button.disabled) return;
    const secret = input.value;
    if (!secret.trim()) {
      say(error, t('signIn.empty'), 'error');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    say(error, '');
    button.disabled = true;
    let locked = false;
    try {
      const session = await api('POST', '/api/v1/session', { json: { secret }, signIn: true });
      setCsrf(session.csrf_token);
      input.value = '';
      setMessage(null);
      onSignedIn();
    } catch (failure) {
      input.setAttribute('aria-invalid', 'true');
      if (failure instanceof ApiError && failure.code === 'wrong_secret') {
        say(error, t('signIn.wrong'), 'error');
        input.select();
      } else if (failure instanceof ApiError && failure.code === 'too_many_attempts') {
        const seconds = failure.retryAfter;
        say(error, seconds ? t('signIn.tooMany', { n: seconds }) : t('signIn.tooManyLater'), 'error');
        lockFor(seconds || 30);
        locked = true;
      } else {
        say(error, errorText(failure), 'error');
      }
      input.focus();
    } finally {
      if (!locked) button.disabled = false;
    }
  });
}

export async function signOut() {
  try {
    await api('DELETE', '/api/v1/session', { signIn: true });
  } catch (error) {
    // Signed out either way: a 401 means the session had ended already.
    if (!(error instanceof ApiError) || error.status !== 401) console.warn('console: sign-out', error);
  }
  setCsrf('');
}

function setMessage(message) {
  lastMessage = message;
  say($('sign-in-message'), message ? t(message.key, message.params) : '');
}

// Shows the sign-in screen with a message key ('session.ended', 'session.signedOut') or none.
export function showSignInMessage(key, params) {
  setMessage(key ? { key, params } : null);
  say($('sign-in-error'), '');
}

export function retranslateSignIn() {
  if (lastMessage) setMessage(lastMessage);
}
