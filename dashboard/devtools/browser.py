"""Waiting on a Streamlit page in Playwright: shared by the browser tests and the screenshots.

A Streamlit page is "ready" in three steps, each seen from the page itself, never by sleeping:
the script run is over (the root element's `data-test-script-state` turns "notRunning"), the
lazy-loaded elements have replaced their loading skeletons (`stSkeleton`), and the DOM has
stopped changing for a moment (charts add their SVG after the run).
"""

from __future__ import annotations

from typing import Any

# Install with `page.add_init_script(PAGE_STATE_SCRIPT)` before the first navigation.
# Counts finished script runs, notes the time of the last DOM change, and counts the
# websocket messages the server sends (a rerun that starts and ends between two renders never
# shows its "running" state, so the run counter alone can miss it).
PAGE_STATE_SCRIPT = """
(() => {
  window.__stRunsFinished = 0;
  window.__stLastMutation = 0;
  window.__stMessagesIn = 0;
  window.__stLastMessage = 0;
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => {
        window.__stMessagesIn += 1;
        window.__stLastMessage = performance.now();
      });
    }
  };
  new MutationObserver(() => { window.__stLastMutation = performance.now(); })
    .observe(document, {subtree: true, childList: true, characterData: true});
  new MutationObserver((records) => {
    for (const record of records) {
      const state = record.target.getAttribute('data-test-script-state');
      if (state === 'notRunning' && record.oldValue !== 'notRunning') {
        window.__stRunsFinished += 1;
      }
    }
  }).observe(document, {
    subtree: true, attributes: true, attributeOldValue: true,
    attributeFilter: ['data-test-script-state'],
  });
})();
"""

# A run is over when the counter passed `after.runs`, or (a run too fast to be seen) when
# the server answered since `after.messages` and has been silent for `after.silenceMs`; in
# both cases the app must be idle and connected.
RUN_OVER_JS = """(after) => {
    const app = document.querySelector('[data-testid="stApp"]');
    const idle = app !== null
        && app.getAttribute('data-test-script-state') === 'notRunning'
        && app.getAttribute('data-test-connection-state') === 'CONNECTED';
    const answered = after.messages !== null && window.__stMessagesIn > after.messages
        && performance.now() - window.__stLastMessage > after.silenceMs;
    return idle && (window.__stRunsFinished > after.runs || answered);
}"""
SILENCE_MS = 250

DRAWN_JS = """(quiet) => performance.now() - window.__stLastMutation > quiet
    && !document.querySelector('[data-testid="stSkeleton"], [data-testid="stAppSkeleton"]')"""

QUIET_MS = 300
WAIT_MS = 30_000


def runs_finished(page: Any) -> int:
    return int(page.evaluate("window.__stRunsFinished || 0"))


def messages_in(page: Any) -> int:
    """How many websocket messages the server has sent this page so far."""
    return int(page.evaluate("window.__stMessagesIn || 0"))


def wait_for_run(page: Any, after: int, timeout_ms: int = WAIT_MS,
                 messages_after: int | None = None) -> None:
    """Wait until a script run finished after the first `after` ones and the app is idle.
    With `messages_after` (`messages_in` before the action), a server answer after it followed
    by SILENCE_MS of quiet also counts: a rerun can end before the page ever shows it ran."""
    page.wait_for_function(RUN_OVER_JS, arg={"runs": after, "messages": messages_after,
                                             "silenceMs": SILENCE_MS}, timeout=timeout_ms)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=timeout_ms)


def wait_for_drawn(page: Any, quiet_ms: int = QUIET_MS, timeout_ms: int = WAIT_MS) -> None:
    """Wait until no element is a loading skeleton and the DOM was quiet for `quiet_ms`."""
    page.wait_for_function(DRAWN_JS, arg=quiet_ms, timeout=timeout_ms)
