// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Words and formats: English and German. t(key, params) for strings, fmt.* for dates and numbers.
// Static text in index.html carries data-i18n* attributes and is filled in by applyStatic().

import en from './strings-en.js';
import de from './strings-de.js';

const dictionaries = { en, de };
const STORAGE_KEY = 'checkin.console.lang';
const listeners = new Set();

let lang = 'en';
let locale = 'en';
let plural = new Intl.PluralRules('en');
let formatters = {};

function preferredLanguages() {
  if (navigator.languages && navigator.languages.length) return navigator.languages;
  return [navigator.language || 'en'];
}

function storedLanguage() {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value && dictionaries[value] ? value : null;
  } catch {
    return null;
  }
}

// de* -> German, else English (the first of the browser's languages that we speak).
export function detectLanguage() {
  const stored = storedLanguage();
  if (stored) return stored;
  for (const tag of preferredLanguages()) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (base === 'de') return 'de';
    if (base === 'en') return 'en';
  }
  return 'en';
}

// The browser's own variant of the language when it has one (en-GB, de-AT), else the language in
// the browser's region (en on a German browser is en-DE: 24-hour times), else the bare language.
function localeFor(language) {
  const tags = preferredLanguages();
  const own = tags.find((tag) => String(tag).toLowerCase().split('-')[0] === language);
  if (own) return own;
  const region = String(tags[0] || '').split('-')[1];
  if (region) {
    const candidate = `${language}-${region}`;
    try {
      if (Intl.DateTimeFormat.supportedLocalesOf([candidate]).length) return candidate;
    } catch {
      // an odd tag: fall through
    }
  }
  return language === 'de' ? 'de-DE' : 'en';
}

function buildFormatters() {
  const make = (options) => new Intl.DateTimeFormat(locale, options);
  // 24-hour clocks with two digits ("09:14"), 12-hour clocks as written ("9:14 AM").
  const cycle = make({ hour: 'numeric' }).resolvedOptions().hourCycle || 'h23';
  const hour = cycle === 'h23' || cycle === 'h24' ? '2-digit' : 'numeric';
  formatters = {
    number: new Intl.NumberFormat(locale),
    decimal: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    signed: new Intl.NumberFormat(locale, {
      minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero',
    }),
    time: make({ hour, minute: '2-digit' }),
    timeSec: make({ hour, minute: '2-digit', second: '2-digit' }),
    dayTime: make({ day: 'numeric', month: 'short', hour, minute: '2-digit' }),
    dateTime: make({ dateStyle: 'medium', timeStyle: 'medium' }),
    dateTimeShort: make({ dateStyle: 'medium', timeStyle: 'short' }),
    relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }),
    list: typeof Intl.ListFormat === 'function'
      ? new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }) : null,
  };
  plural = new Intl.PluralRules(locale);
}

export function getLang() {
  return lang;
}

export function getLocale() {
  return locale;
}

export function t(key, params = {}) {
  let entry = dictionaries[lang][key];
  if (entry === undefined) entry = dictionaries.en[key];
  if (entry === undefined) {
    console.warn('console: no text for', key);
    return key;
  }
  if (typeof entry === 'object') entry = entry[plural.select(Number(params.n ?? 0))] ?? entry.other;
  return entry.replace(/\{(\w+)\}/g, (match, name) => {
    if (!(name in params)) return match;
    const value = params[name];
    return typeof value === 'number' ? formatters.number.format(value) : String(value ?? '');
  });
}

// Fills in every element with data-i18n (text), data-i18n-aria-label, -placeholder, -title.
export function applyStatic(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-aria-label]')) {
    node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  }
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) {
    node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder));
  }
  for (const node of root.querySelectorAll('[data-i18n-title]')) {
    node.setAttribute('title', t(node.dataset.i18nTitle));
  }
  document.title = t('app.title');
}

export function setLang(language, remember = false) {
  lang = dictionaries[language] ? language : 'en';
  locale = localeFor(lang);
  buildFormatters();
  document.documentElement.lang = lang;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // private mode: the choice lasts until the page is reloaded
    }
  }
  applyStatic();
  for (const listener of listeners) listener(lang);
}

export function onLangChange(listener) {
  listeners.add(listener);
}

function toDate(value) {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function sameDay(a, b) {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth()
    && a.getDate() === b.getDate();
}

const DASH = '—';

export const fmt = {
  number: (n) => (typeof n === 'number' && Number.isFinite(n) ? formatters.number.format(n) : DASH),
  time: (v) => { const d = toDate(v); return d ? formatters.time.format(d) : DASH; },
  timeSec: (v) => { const d = toDate(v); return d ? formatters.timeSec.format(d) : DASH; },
  dateTime: (v) => { const d = toDate(v); return d ? formatters.dateTime.format(d) : DASH; },
  dateTimeShort: (v) => { const d = toDate(v); return d ? formatters.dateTimeShort.format(d) : DASH; },
  // Today: the time of day; another day: the day and the time.
  when(v) {
    const d = toDate(v);
    if (!d) return DASH;
    return sameDay(d, new Date()) ? formatters.time.format(d) : formatters.dayTime.format(d);
  },
  // "2 min ago"; "just now" within 45 s (either way: clocks differ a little).
  relative(v) {
    const d = toDate(v);
    if (!d) return DASH;
    const seconds = (d.getTime() - Date.now()) / 1000;
    const abs = Math.abs(seconds);
    if (abs < 45) return t('time.justNow');
    if (abs < 3600) return formatters.relative.format(Math.round(seconds / 60), 'minute');
    if (abs < 86400) return formatters.relative.format(Math.round(seconds / 3600), 'hour');
    return formatters.relative.format(Math.round(seconds / 86400), 'day');
  },
  // A clock offset in ms: "+1.2 s", "−3.5 min", "—" when unknown.
  offset(ms) {
    if (typeof ms !== 'number' || !Number.isFinite(ms)) return DASH;
    const seconds = ms / 1000;
    const abs = Math.abs(seconds);
    if (abs < 60) return `${formatters.signed.format(seconds)}\u00a0s`;
    if (abs < 3600) return `${formatters.signed.format(seconds / 60)}\u00a0min`;
    return `${formatters.signed.format(seconds / 3600)}\u00a0h`;
  },
  list(items) {
    return formatters.list ? formatters.list.format(items) : items.join(', ');
  },
};

// A datetime-local value ("2026-06-01T09:00", the browser's time zone) as ISO 8601 UTC.
export function isoFromLocalInput(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

export function browserTimeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch {
    return '';
  }
}

export function initI18n() {
  setLang(detectLanguage());
}
