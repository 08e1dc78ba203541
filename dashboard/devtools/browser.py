"""Waiting on a Streamlit page in Playwright: shared by the browser tests and the screenshots.

A Streamlit page is "ready" in three steps, each seen from the page itself, never by sleeping:
the script run is over (the root element's `data-test-script-state` turns "notRunning"), the
lazy-loaded elements have replaced their loading skeletons (`stSkeleton`), and the DOM has
stopped changing for a moment (charts add their SVG after the run).
"""

from __future__ import annotations

from typing import Any

# Install with `page.add_init_script(PAGE_STATE_SCRIPT)` before the first navigation.
# Counts finished script runs and notes the time of the last DOM change.
PAGE_STATE_SCRIPT = """
(() => {
  window.__stRunsFinished = 0;
  window.__stLastMutation = 0;
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

RUN_OVER_JS = """(after) => {
    const app = document.querySelector('[data-testid="stApp"]');
    return window.__stRunsFinished > after && app !== null
        && app.getAttribute('data-test-script-state') === 'notRunning'
        && app.getAttribute('data-test-connection-state') === 'CONNECTED';
}"""

DRAWN_JS = """(quiet) => performance.now() - window.__stLastMutation > quiet
    && !document.querySelector('[data-testid="stSkeleton"], [data-testid="stAppSkeleton"]')"""

QUIET_MS = 300
WAIT_MS = 30_000


def runs_finished(page: Any) -> int:
    return int(page.evaluate("window.__stRunsFinished || 0"))


def wait_for_run(page: Any, after: int, timeout_ms: int = WAIT_MS) -> None:
    """Wait until a script run finished after the first `after` ones and the app is idle."""
    page.wait_for_function(RUN_OVER_JS, arg=after, timeout=timeout_ms)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=timeout_ms)


def wait_for_drawn(page: Any, quiet_ms: int = QUIET_MS, timeout_ms: int = WAIT_MS) -> None:
    """Wait until no element is a loading skeleton and the DOM was quiet for `quiet_ms`."""
    page.wait_for_function(DRAWN_JS, arg=quiet_ms, timeout=timeout_ms)
