// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// A bar chart of arrivals per time bucket, drawn as SVG with createElementNS. Times are shown in
// the browser's local time. The SVG is an image with a summary as its accessible name; the page
// also offers the numbers as a table.

import { svg } from './dom.js';
import { fmt, t } from './i18n.js';

const HEIGHT = 220;
const MARGIN = { top: 26, right: 12, bottom: 30, left: 44 };
const MIN_SLOTS = 12;

// 0, a round step, ... up to at least max: at most five gridlines.
function scale(max) {
  if (max <= 0) return { top: 4, step: 1 };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough && Number.isInteger(s))
    || Math.ceil(rough);
  return { top: Math.ceil(max / step) * step, step };
}

// Label every k-th bucket, k a whole number of buckets that lands on round clock times.
function labelEvery(buckets, plotWidth) {
  const room = Math.max(1, Math.floor(plotWidth / 64));
  const choices = [1, 2, 3, 6, 12, 24, 48, 96];
  return choices.find((k) => Math.ceil(buckets / k) <= room) || choices[choices.length - 1];
}

export function summarize(buckets, bucketMinutes) {
  if (!buckets.length) return t('chart.none');
  const total = buckets.reduce((sum, b) => sum + (b.count || 0), 0);
  const peak = buckets.reduce((best, b) => ((b.count || 0) > (best.count || 0) ? b : best), buckets[0]);
  const end = new Date(new Date(buckets[buckets.length - 1].start).getTime() + bucketMinutes * 60000);
  if (!total) {
    return t('chart.summaryNone', { from: fmt.time(buckets[0].start), to: fmt.time(end) });
  }
  return t('chart.summary', {
    n: total, from: fmt.time(buckets[0].start), to: fmt.time(end),
    peak: peak.count, at: fmt.time(peak.start),
  });
}

// Draws into container (replacing what was there). buckets: [{start, count}], oldest first.
export function drawBarChart(container, buckets, bucketMinutes) {
  const width = Math.max(300, Math.floor(container.clientWidth || 640));
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = buckets.reduce((m, b) => Math.max(m, b.count || 0), 0);
  const { top, step } = scale(max);
  // At least a dozen slots (an hour), so that the first minutes of an event are not one wall of
  // colour; the newest bucket is always at the right.
  const slots = Math.max(buckets.length, MIN_SLOTS);
  const offset = slots - buckets.length;
  const slot = plotWidth / slots;
  const gap = Math.min(4, slot * 0.2);
  const y = (value) => MARGIN.top + plotHeight - (value / top) * plotHeight;

  const root = svg('svg', {
    class: 'chart-svg', width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`,
    role: 'img', 'aria-label': `${t('chart.label', { n: bucketMinutes })}. ${summarize(buckets, bucketMinutes)}`,
  });

  // Gridlines and the count axis.
  const grid = svg('g', { class: 'chart-grid', 'aria-hidden': 'true' });
  for (let value = 0; value <= top; value += step) {
    const at = Math.round(y(value)) + 0.5;
    grid.append(
      svg('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: at, y2: at, class: value ? 'gridline' : 'baseline' }),
      svg('text', { x: MARGIN.left - 6, y: at + 4, 'text-anchor': 'end', class: 'tick' }, fmt.number(value)));
  }
  grid.append(svg('text', { x: 0, y: 12, 'text-anchor': 'start', class: 'axis-title' },
    t('chart.axisCount')));
  root.append(grid);

  // Bars, each with a tooltip.
  const bars = svg('g', { class: 'chart-bars' });
  buckets.forEach((bucket, index) => {
    const count = bucket.count || 0;
    const x = MARGIN.left + (offset + index) * slot + gap / 2;
    const barTop = y(count);
    const end = new Date(new Date(bucket.start).getTime() + bucketMinutes * 60000);
    const rect = svg('rect', {
      x: x.toFixed(2), y: barTop.toFixed(2), width: Math.max(1, slot - gap).toFixed(2),
      height: Math.max(0, MARGIN.top + plotHeight - barTop).toFixed(2), class: 'bar',
    }, svg('title', {}, t('chart.barTitle', { from: fmt.time(bucket.start), to: fmt.time(end), n: count })));
    bars.append(rect);
  });
  root.append(bars);

  // Time labels on round clock times.
  const every = labelEvery(slots, plotWidth);
  const axis = svg('g', { class: 'chart-axis', 'aria-hidden': 'true' });
  const onClock = (bucket) => {
    const start = new Date(bucket.start);
    return (start.getHours() * 60 + start.getMinutes()) % (every * bucketMinutes) === 0;
  };
  let labelled = buckets.map((bucket, index) => index).filter((index) => onClock(buckets[index]));
  if (!labelled.length) labelled = buckets.map((bucket, index) => index).filter((index) => index % every === 0);
  for (const index of labelled) {
    const x = MARGIN.left + (offset + index) * slot;
    axis.append(
      svg('line', { x1: x, x2: x, y1: MARGIN.top + plotHeight, y2: MARGIN.top + plotHeight + 4, class: 'tickmark' }),
      svg('text', { x, y: HEIGHT - 10, 'text-anchor': 'middle', class: 'tick' }, fmt.time(buckets[index].start)));
  }
  root.append(axis);

  container.replaceChildren(root);
}
