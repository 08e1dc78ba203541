"""A throwaway PostgreSQL server for tests, from Debian's `postgresql` package.

`start_postgres()` runs `initdb` and `pg_ctl` in a new temporary folder, on a free loopback
port (its socket folder inside the data folder), and returns a `PostgresServer` whose
`stop()` shuts it down and removes the folder. Nothing is mocked: the tests talk to a real
server over psycopg 3.

PostgreSQL refuses to run as root (`initdb: cannot be run as root`), and CI runs as root.
Then the cluster runs as an unprivileged user (`postgres` when the package created it, else
`nobody`): the folder is created by us and handed over to that user with chown, and the
binaries are started with subprocess's `user=`/`group=`, which switches user in the child
process only (no runuser/su, no password).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

START_SECONDS = 60
UNPRIVILEGED_USERS = ("postgres", "nobody")


class PostgresUnavailable(RuntimeError):
    """The binaries are not installed (the message says how to install them)."""


def find_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/*."""
    on_path = shutil.which("initdb"), shutil.which("pg_ctl")
    if all(on_path):
        return Path(on_path[0]).resolve().parent  # type: ignore[arg-type]
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run_as() -> tuple[str | None, int | None, int | None]:
    """(user name, uid, gid) to run the server as; (None, None, None): as ourselves."""
    if os.geteuid() != 0:
        return None, None, None
    for name in UNPRIVILEGED_USERS:
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return name, entry.pw_uid, entry.pw_gid
    raise PostgresUnavailable("running as root and no unprivileged user (postgres, nobody) "
                              "to run PostgreSQL as")


@dataclass
class PostgresServer:
    """A running throwaway cluster; `url(db)` gives a SQLAlchemy URL for a database in it."""

    root: Path
    port: int
    bin_dir: Path
    superuser: str
    user: str | None
    uid: int | None
    gid: int | None

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.superuser}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, check=check, capture_output=True, text=True, timeout=START_SECONDS,
            user=self.uid, group=self.gid, cwd=self.root, env={**os.environ, "LC_ALL": "C"},
        )

    def create_database(self, name: str) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=self.superuser,
                             dbname="postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')  # name made by the test suite
        return self.url(name)

    def stop(self) -> None:
        """Stop the server (fast) and remove its folder."""
        try:
            self._run(str(self.bin_dir / "pg_ctl"), "stop", "-D", str(self.root / "data"),
                      "-m", "fast", "-w", check=False)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start_postgres() -> PostgresServer:
    """initdb + pg_ctl start in a new temporary folder. Raises PostgresUnavailable when the
    binaries are missing, RuntimeError (with the server's log) when it does not start."""
    bin_dir = find_binaries()
    if bin_dir is None:
        raise PostgresUnavailable(
            "PostgreSQL's initdb/pg_ctl not found: install Debian's `postgresql` package "
            "(apt-get install postgresql; .ci/run does it on CI)")
    user, uid, gid = _run_as()
    root = Path(tempfile.mkdtemp(prefix="trip-pg-"))
    if uid is not None and gid is not None:
        os.chown(root, uid, gid)
    server = PostgresServer(root=root, port=_free_port(), bin_dir=bin_dir, superuser="trips",
                            user=user, uid=uid, gid=gid)
    try:
        init = server._run(str(bin_dir / "initdb"), "-D", str(root / "data"), "-U", "trips",
                           "--auth=trust", "--encoding=UTF8", "--no-sync", check=False)
        if init.returncode != 0:
            raise RuntimeError(f"initdb failed: {init.stderr or init.stdout}")
        options = (f"-c listen_addresses=127.0.0.1 -p {server.port} -k {root / 'data'} "
                   "-c fsync=off -c full_page_writes=off -c max_connections=40")
        start = server._run(str(bin_dir / "pg_ctl"), "start", "-D", str(root / "data"), "-w",
                            "-t", str(START_SECONDS), "-l", str(root / "server.log"),
                            "-o", options, check=False)
        if start.returncode != 0:
            log = (root / "server.log").read_text(errors="replace") \
                if (root / "server.log").exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {start.stderr or start.stdout}\n{log}")
        _wait_ready(server)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_ready(server: PostgresServer) -> None:
    import psycopg

    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            psycopg.connect(host="127.0.0.1", port=server.port, user=server.superuser,
                            dbname="postgres", connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
