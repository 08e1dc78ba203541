"""Start the dashboard with `streamlit run` on a free loopback port, and stop it again.

Shared by the browser tests (tests/browser/conftest.py) and `scripts/screenshots.py`, so both
start the app exactly the way a user does, with the articles folder given explicitly.
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
APP_SCRIPT = REPO_ROOT / "dashboard" / "app.py"
SEEDS_DIR = REPO_ROOT / "seeds"
# The setting the app reads for its articles folder (see dashboard/loading.py).
ARTICLES_DIR_ENV = "TRIP_ARTICLES_DIR"

# Debian's Chromium (Playwright's own browser download does not work on these machines).
DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

HEALTH_PATH = "/_stcore/health"
STARTUP_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0


class DashboardStartError(RuntimeError):
    """The dashboard process exited or never became healthy; the message carries its log."""


@dataclass
class RunningDashboard:
    """A dashboard process serving on `url`; its stdout and stderr go to `log_path`."""

    url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """Terminate politely, then kill if it does not exit in time."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=STOP_TIMEOUT_S)


# Loaded in the parent: the child, between fork and exec, should only make the one call.
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In the child, before exec: ask Linux to SIGTERM it when its parent dies, so a killed
    test run (a CI timeout, a second Ctrl-C) leaves no dashboard behind. Elsewhere a no-op."""
    if _LIBC is not None:
        _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def chromium_path() -> str:
    """The Chromium executable to drive: $CHROMIUM_PATH, else Debian's."""
    return os.environ.get("CHROMIUM_PATH", DEFAULT_CHROMIUM_PATH)


def missing_chromium_message(path: str) -> str:
    return (f"Chromium not found at {path}; install it with `apt-get install chromium` "
            "or set CHROMIUM_PATH")


def free_loopback_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + HEALTH_PATH, timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def start_dashboard(
    articles_dir: Path = SEEDS_DIR,
    *,
    port: int | None = None,
    extra_env: Mapping[str, str] | None = None,
    app_script: Path = APP_SCRIPT,
    startup_timeout_s: float = STARTUP_TIMEOUT_S,
) -> RunningDashboard:
    """Run `streamlit run dashboard/app.py` headless on loopback and wait until it is healthy.

    Raises DashboardStartError with the server log when the process exits early or the health
    endpoint does not answer "ok" within `startup_timeout_s`.
    """
    if not app_script.is_file():
        raise DashboardStartError(f"The dashboard entry point {app_script} does not exist.")
    port = port or free_loopback_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, ARTICLES_DIR_ENV: str(Path(articles_dir).resolve()), **(extra_env or {})}
    # A file, not a pipe: nobody reads the pipe while the tests run, and a full pipe would
    # block the server.
    log_file = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed after the child has it
        prefix="dashboard-", suffix=".log", delete=False
    )
    command = [
        sys.executable, "-m", "streamlit", "run", str(app_script),
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        # Others edit the working tree while tests run: a file change must not rerun the app
        # under a test or pop up Streamlit's "File change. Rerun" prompt in a screenshot.
        "--server.fileWatcherType", "none",
        "--server.runOnSave", "false",
    ]
    process = subprocess.Popen(
        command, cwd=REPO_ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent,
    )
    log_file.close()
    server = RunningDashboard(url=url, process=process, log_path=Path(log_file.name))
    deadline = time.monotonic() + startup_timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise DashboardStartError(
                f"The dashboard exited with code {process.returncode} before it was healthy.\n"
                f"Command: {' '.join(command)}\nLog:\n{server.log()}"
            )
        if _healthy(url):
            return server
        time.sleep(0.2)
    server.stop()
    raise DashboardStartError(
        f"The dashboard did not answer {url}{HEALTH_PATH} with 'ok' within "
        f"{startup_timeout_s:.0f} s.\nCommand: {' '.join(command)}\nLog:\n{server.log()}"
    )


@contextmanager
def running_dashboard(
    articles_dir: Path = SEEDS_DIR,
    *,
    port: int | None = None,
    extra_env: Mapping[str, str] | None = None,
    app_script: Path = APP_SCRIPT,
) -> Iterator[RunningDashboard]:
    """`start_dashboard` as a context manager that always stops the server."""
    server = start_dashboard(articles_dir, port=port, extra_env=extra_env, app_script=app_script)
    try:
        yield server
    finally:
        server.stop()
