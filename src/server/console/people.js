// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// How a person is written: the name, and where they are.

import { t } from './i18n.js';

export function fullName(attendee) {
  const name = [attendee.first_name, attendee.last_name].filter(Boolean).join(' ').trim();
  return name || t('conf.unknownPerson');
}

// "Inside", "Left again", "Not checked in yet".
export function presenceText(attendee) {
  if (attendee.inside) return t('att.inside');
  if ((attendee.entries || 0) > 0) return t('att.left');
  return t('att.notYet');
}
