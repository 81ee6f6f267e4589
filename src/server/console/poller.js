// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Runs task(signal) now and then every intervalMs after the previous run ended (never two at once),
// only while the page is visible: it pauses when the tab is hidden and runs at once when it is back.

export function createPoller(task, intervalMs) {
  let running = false;
  let timer = 0;
  let controller = null;

  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
  }

  async function tick() {
    timer = 0;
    if (!running || controller) return;
    if (document.visibilityState !== 'visible') return; // onVisibility starts it again
    const own = new AbortController();
    controller = own;
    try {
      await task(own.signal);
    } catch (error) {
      console.warn('console: poll failed', error);
    } finally {
      if (controller === own) controller = null;
    }
    if (running && !own.signal.aborted) schedule(intervalMs);
  }

  function onVisibility() {
    if (!running) return;
    if (document.visibilityState === 'visible') {
      if (!timer && !controller) tick();
    } else {
      clearTimeout(timer);
      timer = 0;
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      document.addEventListener('visibilitychange', onVisibility);
      tick();
    },
    stop() {
      running = false;
      clearTimeout(timer);
      timer = 0;
      document.removeEventListener('visibilitychange', onVisibility);
      if (controller) {
        controller.abort();
        controller = null;
      }
    },
    // Runs now (unless a run is under way), then keeps the interval from there.
    refresh() {
      if (!running || controller) return;
      clearTimeout(timer);
      tick();
    },
    get running() {
      return running;
    },
  };
}
