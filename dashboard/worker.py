"""Run one piece of work in a separate process with a time budget.

Extraction of a visitor's article runs here, not in the server's interpreter: a pathological
article used to hold the interpreter lock (the regex engine does not release it) and froze
every other visitor for the whole extraction (42 s in one measurement). In a worker process
the server stays responsive, and past the budget the worker is killed and the visitor is told.

Workers are forked from a multiprocessing *forkserver* that has already imported the extractor
and built the gazetteer and the topic taxonomy (`dashboard.worker_warm`), so each job starts
in milliseconds with nothing shared with the server's threads (a plain fork of a threaded
server is unsafe, and spawning a fresh interpreter would rebuild the gazetteer every time).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import pickle
import sys
import threading
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")

WARM_MODULE = "dashboard.worker_warm"
STARTUP_TIMEOUT_S = 120.0
_context: Any = None


class WorkerTimeout(Exception):
    """The job ran past its budget and was stopped."""


class WorkerFailed(Exception):
    """The job raised (the original exception is the cause when it could be sent back)."""


def _get_context() -> Any:
    global _context
    if _context is None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([WARM_MODULE])
        _context = context
    return _context


_START_LOCK = threading.Lock()


@contextmanager
def _no_main_module() -> Iterator[None]:
    """Hide `__main__` while a worker starts: multiprocessing would have each worker re-run
    the parent's main script first (under `streamlit run` that is the app page being run, under
    pytest whatever a test made `__main__`). The jobs are importable functions and need no
    main module; the swap lasts only for `Process.start()`."""
    real = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if real is not None:
            sys.modules["__main__"] = real


def warm_up() -> None:
    """Start the forkserver (it imports the extractor and builds the gazetteer, a few
    seconds of CPU) ahead of the first job; returns at once. Optional: the first job starts
    it otherwise, and its budget counts only from when the job runs."""
    import multiprocessing.forkserver

    _get_context()
    multiprocessing.forkserver.ensure_running()


def _run(connection: multiprocessing.connection.Connection, func: Callable[..., Any],
         args: tuple[Any, ...]) -> None:
    connection.send(("started", None))  # the budget counts from here, not from the fork
    try:
        result = ("ok", func(*args))
    except BaseException as exc:  # sent back to the server, which decides what to say
        result = ("error", exc)
    try:
        connection.send(result)
    except (pickle.PicklingError, TypeError, AttributeError) as exc:
        connection.send(("error", WorkerFailed(f"the result could not be sent back ({exc})")))
    finally:
        connection.close()


def run_with_budget(func: Callable[..., T], args: tuple[Any, ...], budget_s: float) -> T:
    """`func(*args)` in a worker process; its result, or its exception re-raised here.

    `func` and `args` must be picklable (a module-level function). Raises WorkerTimeout when
    it runs longer than `budget_s` seconds (the worker is killed), WorkerFailed when the worker
    dies without an answer (killed, out of memory)."""
    context = _get_context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_run, args=(sender, func, args), daemon=True)
    with _START_LOCK, _no_main_module():
        process.start()
    sender.close()
    try:
        # the first job also waits for the forkserver to load the extractor: not its budget
        if not receiver.poll(STARTUP_TIMEOUT_S):
            raise WorkerFailed(f"the worker did not start within {STARTUP_TIMEOUT_S:g} s")
        try:
            receiver.recv()  # ("started", None)
            if not receiver.poll(budget_s):
                raise WorkerTimeout(f"still running after {budget_s:g} s")
            status, value = receiver.recv()
        except EOFError:
            raise WorkerFailed(f"the worker stopped without an answer (exit code "
                               f"{process.exitcode})") from None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    if status == "error":
        raise value
    return value
