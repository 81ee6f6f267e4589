// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// A new enrolment code: the code in large type, when it expires, its QR code and the payload text.

import { api, errorText, eventPath, isQuiet } from './api.js';
import { $, el, say } from './dom.js';
import { fmt, t } from './i18n.js';
import { qrSvg } from './qr.js';
import { state } from './state.js';

let current = null; // the last code made, drawn again on a language change
let onCreated = () => {};

function render() {
  const box = $('enrol-result');
  if (!current) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  $('enrol-code').textContent = current.code;
  $('enrol-expires').replaceChildren(t('enrol.expires', {
    time: fmt.dateTimeShort(current.expires_at), relative: fmt.relative(current.expires_at),
  }));
  $('enrol-payload').textContent = current.payload || '';
  $('enrol-copy').hidden = !current.payload;
  const label = t('enrol.qrLabel', { code: current.code });
  const picture = qrSvg(current.qr, label);
  $('enrol-qr').replaceChildren(picture || el('p', { className: 'hint', text: t('enrol.qrMissing') }));
}

async function createCode() {
  const event = state.event;
  const button = $('enrol-new');
  const status = $('enrol-status');
  button.disabled = true;
  say(status, t('enrol.creating'), 'busy');
  try {
    const seconds = Number($('enrol-expiry').value);
    const body = Number.isFinite(seconds) && seconds > 0 ? { expires_in: seconds } : {};
    const data = await api('POST', eventPath(event.id, '/enrolment-codes'), { json: body });
    if (!state.event || state.event.id !== event.id) return;
    current = data;
    render();
    say(status, t('enrol.created', { code: data.code }), 'ok');
    onCreated();
  } catch (error) {
    if (!isQuiet(error)) say(status, errorText(error), 'error');
  } finally {
    button.disabled = false;
  }
}

function selectPayload() {
  const range = document.createRange();
  range.selectNodeContents($('enrol-payload'));
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

async function copyPayload() {
  const status = $('enrol-status');
  if (!current || !current.payload) return;
  try {
    await navigator.clipboard.writeText(current.payload);
    say(status, t('enrol.copied'), 'ok');
  } catch {
    selectPayload();
    say(status, t('enrol.copyManually'));
  }
}

export function initEnrol(created) {
  onCreated = created || onCreated;
  $('enrol-new').addEventListener('click', createCode);
  $('enrol-copy').addEventListener('click', copyPayload);
}

export function resetEnrol() {
  current = null;
  say($('enrol-status'), '');
  render();
}

export function retranslateEnrol() {
  render();
}
