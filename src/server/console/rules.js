// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// A check-in's status and the rule behind it, in words (the same rules as the kiosks:
// src/domain/CheckInRules). Used by the conflicts list and an attendee's history.

import { fmt, t } from './i18n.js';

export function statusWord(status) {
  const key = { accepted: 'status.accepted', duplicate: 'status.duplicate', conflict: 'status.conflict',
    rejected: 'status.rejected' }[status];
  return key ? t(key) : status || '—';
}

export function kindWord(kind) {
  const key = { entry: 'kind.entry', exit: 'kind.exit', undo: 'kind.undo' }[kind];
  return key ? t(key) : kind || '—';
}

// item: {status, reason?, kind, forced, undone_by?}
// context: {firstAt, firstDevice, cancelledAt, undoneAt} where known.
export function ruleText(item, context = {}) {
  const reason = item.reason || '';
  const parts = [];
  switch (item.status) {
    case 'duplicate':
      if (reason === 'not_inside') parts.push(t('rule.notInside'));
      else if (reason === 'already_undone') parts.push(t('rule.alreadyUndone'));
      else if (reason === 'already_used') parts.push(t('rule.alreadyUsed'));
      else if (reason === 'already_today') parts.push(t('rule.alreadyToday'));
      else if (context.firstAt && context.firstDevice) {
        parts.push(t('rule.duplicate', { at: fmt.when(context.firstAt), door: context.firstDevice }));
      } else if (context.firstAt) parts.push(t('rule.duplicateNoDoor', { at: fmt.when(context.firstAt) }));
      else parts.push(t('rule.duplicateUnknown'));
      break;
    case 'conflict': {
      // Let in although the check-in list's rules refuse it (docs/kiosk-core.md, "Check-in lists").
      const byRule = {
        rule_ticket_type: 'rule.listTicketType', rule_list_closed: 'rule.listClosed',
        rule_type_window: 'rule.listTypeWindow', rule_exit_not_tracked: 'rule.listNoExits',
      }[reason];
      if (byRule) parts.push(t(byRule));
      else parts.push(context.cancelledAt ? t('rule.conflict', { at: fmt.when(context.cancelledAt) })
        : t('rule.conflictNoTime'));
      break;
    }
    case 'rejected': {
      const key = {
        unknown_attendee: 'rule.unknownAttendee', undo_target_unknown: 'rule.undoTargetUnknown',
        id_reused: 'rule.idReused', invalid_walk_in: 'rule.invalidWalkIn',
      }[reason];
      parts.push(key ? t(key) : t('rule.rejectedOther', { reason: reason || '—' }));
      break;
    }
    default:
      if (reason === 'undone' || item.undone_by) {
        parts.push(context.undoneAt ? t('rule.undoneAt', { at: fmt.when(context.undoneAt) }) : t('rule.undone'));
      } else {
        parts.push(t({ entry: 'rule.acceptedEntry', exit: 'rule.acceptedExit', undo: 'rule.acceptedUndo' }[item.kind]
          || 'rule.accepted'));
      }
  }
  if (item.forced) parts.push(t(item.kind === 'exit' ? 'rule.forcedExit' : 'rule.forced'));
  return `${parts.join('; ')}.`;
}
