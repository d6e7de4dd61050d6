"""A real, throw-away PostgreSQL + PostGIS server for tests.

PostgreSQL refuses to run as root, so when the tests run as root the cluster belongs to the
unprivileged ``postgres`` system user (created by Debian's package) and its commands run through
``runuser``. The server listens on a free loopback port with a private socket folder and uses
scram-sha-256 passwords; the superuser's password lives only in a 0600 ``.pgpass`` file, never in
code or on a command line.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class PostgresUnavailableError(RuntimeError):
    """PostgreSQL or PostGIS binaries are not installed (run scripts/bootstrap.sh)."""


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise PostgresUnavailableError("initdb not found: install postgresql and postgis")


PREFIX = "gisdesk-pg-"


def reap_stale_servers(run_as: str | None) -> list[Path]:
    """Stop and delete servers whose test process died without stopping them (killed run,
    SIGKILL, CI timeout): they would otherwise keep running and fill /tmp run after run."""
    reaped = []
    for root in Path(tempfile.gettempdir()).glob(PREFIX + "*"):
        try:
            owner = int((root / "owner.pid").read_text())
            os.kill(owner, 0)
            continue  # its test run is still going
        except ProcessLookupError:
            pass
        except (OSError, ValueError):
            continue  # not ours to judge (no owner file, or another user's process)
        if (root / "data" / "postmaster.pid").exists():
            cmd = [str(_bindir() / "pg_ctl"), "-D", str(root / "data"), "-m", "immediate",
                   "-w", "stop"]
            if run_as:
                cmd = ["runuser", "-u", run_as, "--", *cmd]
            subprocess.run(cmd, check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
        reaped.append(root)
    return reaped


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PostgresServer:
    """One running cluster; ``dsn(user, db)`` gives a libpq connection string without password."""

    root: Path
    port: int
    superuser: str = "gisdesk_admin"
    run_as: str | None = None

    @classmethod
    def start(cls) -> PostgresServer:
        """initdb + pg_ctl start on a free port; PostGIS is checked, not assumed."""
        bindir = _bindir()
        run_as = "postgres" if os.geteuid() == 0 else None
        reap_stale_servers(run_as)
        root = Path(tempfile.mkdtemp(prefix=PREFIX))
        (root / "owner.pid").write_text(str(os.getpid()))
        server = cls(root=root, port=_free_port(), run_as=run_as)
        password = secrets.token_urlsafe(24)
        pwfile = root / "pwfile"
        pwfile.write_text(password + "\n")
        pwfile.chmod(0o600)
        (root / "sock").mkdir()
        if run_as:
            info = pwd.getpwnam(run_as)
            for path in (root, pwfile, root / "sock"):
                os.chown(path, info.pw_uid, info.pw_gid)
        server._run(
            [str(bindir / "initdb"), "-D", str(root / "data"), "-U", server.superuser,
             "--auth=scram-sha-256", f"--pwfile={pwfile}", "-E", "UTF8", "--no-sync"]
        )
        pwfile.unlink()
        server._write_pgpass(password)
        opts = (f"-p {server.port} -k {root / 'sock'} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c full_page_writes=off")
        server._run(
            [str(bindir / "pg_ctl"), "-D", str(root / "data"), "-l", str(root / "log"),
             "-o", opts, "-w", "start"]
        )
        return server

    def _run(self, cmd: list[str]) -> None:
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, text=True)

    def _write_pgpass(self, password: str) -> None:
        path = self.root / "pgpass"
        path.write_text(f"127.0.0.1:{self.port}:*:{self.superuser}:{password}\n")
        path.chmod(0o600)

    @property
    def pgpass(self) -> Path:
        """The password file clients use via PGPASSFILE (libpq ignores it unless mode 0600)."""
        return self.root / "pgpass"

    def add_password(self, user: str, password: str) -> None:
        """Let clients log in as ``user`` via the .pgpass file (not via code or argv)."""
        prefix = f"127.0.0.1:{self.port}:*:{user}:"
        lines = [ln for ln in self.pgpass.read_text().splitlines() if not ln.startswith(prefix)]
        self.pgpass.write_text("\n".join([*lines, prefix + password]) + "\n")

    def dsn(self, user: str | None = None, dbname: str = "postgres") -> str:
        """libpq connection string; the password comes from :attr:`pgpass`."""
        return (f"host=127.0.0.1 port={self.port} dbname={dbname} "
                f"user={user or self.superuser} passfile={self.pgpass}")

    def psql(self, sql: str, *, user: str | None = None, dbname: str = "postgres",
             check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run SQL through the real psql client, as a person would."""
        env = {**os.environ, "PGPASSFILE": str(self.pgpass)}
        return subprocess.run(
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", self.dsn(user, dbname), "-c", sql],
            check=check, capture_output=True, text=True, env=env,
        )

    def create_database(self, name: str, postgis: bool = True) -> str:
        """Create a database (with the PostGIS extension) and return its name.

        PostGIS databases are cloned from a template made once, which is several times faster
        than CREATE EXTENSION in every test.
        """
        if postgis and not getattr(self, "_template_ready", False):
            self.psql('CREATE DATABASE "template_postgis"')
            self.psql("CREATE EXTENSION IF NOT EXISTS postgis", dbname="template_postgis")
            self._template_ready = True
        template = ' TEMPLATE "template_postgis"' if postgis else ""
        self.psql(f'CREATE DATABASE "{name}"{template}')
        return name

    def stop(self) -> None:
        """Stop the server and delete its files."""
        try:
            self._run([str(_bindir() / "pg_ctl"), "-D", str(self.root / "data"), "-m",
                       "immediate", "-w", "stop"])
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
