"""Keep the server's long-lived objects out of the garbage collector's full passes.

Streamlit runs a full garbage collection after every script run (`runner.postScriptGC`, on
by default). A full pass visits every object the process tracks, and this app's process
holds several hundred thousand that never die: the spaCy pipeline, the gazetteer, the
taxonomy, the cached tables and the official record. Measured on the seed, that pass was
0.3-0.5 s of CPU after each rerun, more than the rerun itself, where the bare page's was
about 0.1 s.

`note_slow_collections()` (once per process) times the full passes; `freeze_if_slow()`,
called at the end of each run, moves everything alive then into the permanent generation
(`gc.freeze`) when the last full pass took more than `SLOW_FULL_PASS_S`. Those objects had
just survived a full pass, so they are the long-lived ones; the passes after it visit only
what later runs create. Anything the app loads later (new articles, uploads, sessions) makes
a full pass slow again, and is frozen in turn. Before each freeze the earlier frozen objects
are thawed and one full pass collects what died among them (a closed session's reference
cycles), so a freeze never keeps garbage for good: that pass costs what one slow pass did,
once per growth of the heap instead of after every run.
"""

from __future__ import annotations

import gc
import time
from typing import Any

SLOW_FULL_PASS_S = 0.05
"""A full pass over only what a rerun creates takes a few milliseconds."""

_state: dict[str, float] = {"started": 0.0, "last_full_pass_s": 0.0, "freezes": 0}


def _time_full_passes(phase: str, info: dict[str, Any]) -> None:
    if info.get("generation") != 2:
        return
    if phase == "start":
        _state["started"] = time.perf_counter()
    elif _state["started"]:
        _state["last_full_pass_s"] = time.perf_counter() - _state["started"]
        _state["started"] = 0.0


def note_slow_collections() -> None:
    """Time every full garbage-collection pass from now on (idempotent)."""
    if _time_full_passes not in gc.callbacks:
        gc.callbacks.append(_time_full_passes)


def freeze_if_slow(threshold_s: float = SLOW_FULL_PASS_S) -> bool:
    """Freeze every object alive now when the last full pass took over `threshold_s`;
    whether it froze."""
    note_slow_collections()
    if _state["last_full_pass_s"] <= threshold_s:
        return False
    gc.unfreeze()  # what died among the objects frozen before is collected now
    gc.collect()
    gc.freeze()
    _state["last_full_pass_s"] = 0.0
    _state["freezes"] += 1
    return True


def last_full_pass_s() -> float:
    """Seconds the last full pass took (0 after a freeze, until the next pass)."""
    return _state["last_full_pass_s"]
