"""A project-local PostgreSQL cluster, for laptops, tests and CI.

Used when ``DATABASE_URL`` is not set. The cluster lives in an ignored folder
(``.pgdata/`` in the checkout, or ``/var/tmp/ru-az-timeline-<hash>/`` when the
``postgres`` user cannot reach the checkout, e.g. a clone under /root) and
listens only on a Unix socket inside that folder, so two checkouts never
collide on a port. Standard library only: settings import it, and so does the
command line::

    python -m timeline.ops.localdb start|stop|status|path|url
"""

from __future__ import annotations

import hashlib
import os
import pwd
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

CHECKOUT = Path(__file__).resolve().parents[2]
DB_NAME = "timeline"
DB_USER = "timeline"
BIN_CANDIDATES = (
    "/usr/lib/postgresql/15/bin",
    "/usr/lib/postgresql/16/bin",
    "/usr/lib/postgresql/17/bin",
    "/usr/lib/postgresql/14/bin",
)


class LocalDbError(RuntimeError):
    """A one-line reason the local cluster cannot be used."""


def _as_root() -> bool:
    return os.geteuid() == 0


def _reachable_by_others(path: Path) -> bool:
    """True when every folder up to ``path`` can be traversed by another user."""
    for part in [path, *path.parents]:
        try:
            if not part.stat().st_mode & 0o001:
                return False
        except OSError:
            return False
    return True


def base_dir() -> Path:
    """The folder holding data, socket and log of this checkout's cluster."""
    override = os.environ.get("TIMELINE_PGDIR")
    if override:
        return Path(override)
    if not _as_root() or _reachable_by_others(CHECKOUT):
        return CHECKOUT / ".pgdata"
    key = hashlib.sha256(str(CHECKOUT).encode()).hexdigest()[:12]
    return Path("/var/tmp") / f"ru-az-timeline-{key}"


def socket_dir() -> Path:
    return base_dir() / "run"


def data_dir() -> Path:
    return base_dir() / "data"


def find_bin_dir() -> Path:
    env = os.environ.get("PG_BINDIR")
    for candidate in ([env] if env else []) + list(BIN_CANDIDATES):
        if candidate and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    raise LocalDbError(
        "no PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin): "
        "install them with 'apt-get install postgresql' or set DATABASE_URL"
    )


def _run(
    args: list[str], *, check: bool = True, quiet: bool = False
) -> subprocess.CompletedProcess:
    if _as_root():
        args = ["runuser", "-u", "postgres", "--", *args]
    result = subprocess.run(args, capture_output=True, text=True)
    if check and result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise LocalDbError(
            f"{Path(args[0]).name} failed: {detail[-1] if detail else result.returncode}"
        )
    return result


def _prepare_dirs() -> None:
    base = base_dir()
    base.mkdir(parents=True, exist_ok=True)
    socket_dir().mkdir(exist_ok=True)
    if _as_root():
        pg = pwd.getpwnam("postgres")
        for path in (base, socket_dir()):
            os.chown(path, pg.pw_uid, pg.pw_gid)
        if data_dir().exists():
            os.chown(data_dir(), pg.pw_uid, pg.pw_gid)
    os.chmod(base, 0o755)
    os.chmod(socket_dir(), 0o755)


def is_running() -> bool:
    if not (data_dir() / "PG_VERSION").exists():
        return False
    return (
        _run(
            [str(find_bin_dir() / "pg_ctl"), "status", "-D", str(data_dir())], check=False
        ).returncode
        == 0
    )


def init() -> bool:
    """Create the cluster if it does not exist yet; True when it was created."""
    bindir = find_bin_dir()
    _prepare_dirs()
    if (data_dir() / "PG_VERSION").exists():
        return False
    _run(
        [
            str(bindir / "initdb"),
            "-D",
            str(data_dir()),
            "-U",
            DB_USER,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ]
    )
    with open(data_dir() / "postgresql.conf", "a") as conf:
        conf.write(
            "\n# ru-az-timeline: local socket only, sized for a laptop\n"
            "listen_addresses = ''\n"
            "max_connections = 100\n"
            "shared_buffers = 256MB\n"
            "fsync = on\n"
            "synchronous_commit = off\n"
        )
    return True


def start() -> str:
    """Start the cluster (creating it first if needed); never starts a second server."""
    created = init()
    if is_running():
        message = "already running"
    else:
        bindir = find_bin_dir()
        _run(
            [
                str(bindir / "pg_ctl"),
                "start",
                "-w",
                "-t",
                "30",
                "-D",
                str(data_dir()),
                "-l",
                str(base_dir() / "postgres.log"),
                "-o",
                f"-k {socket_dir()}",
            ]
        )
        message = "started"
    _ensure_database()
    write_env()
    return f"PostgreSQL {'created and ' if created else ''}{message} at {base_dir()}"


ENV_FILE = CHECKOUT / ".env"


def write_env() -> None:
    """Tell the settings where the cluster is: ``DATABASE_URL`` in the checkout's ``.env``,
    which settings read as environment (a variable already set wins)."""
    lines = [
        line
        for line in (ENV_FILE.read_text().splitlines() if ENV_FILE.exists() else [])
        if not line.startswith("DATABASE_URL=")
    ]
    ENV_FILE.write_text("\n".join([*lines, f"DATABASE_URL={url()}"]) + "\n")


def _ensure_database() -> None:
    bindir = find_bin_dir()
    psql = [str(bindir / "psql"), "-h", str(socket_dir()), "-U", DB_USER, "-d", "postgres", "-tAc"]
    for _ in range(50):
        probe = _run([*psql, f"SELECT 1 FROM pg_database WHERE datname = '{DB_NAME}'"], check=False)
        if probe.returncode == 0:
            break
        time.sleep(0.1)
    else:
        raise LocalDbError("PostgreSQL started but does not accept connections; see postgres.log")
    if probe.stdout.strip() != "1":
        _run([*psql, f"CREATE DATABASE {DB_NAME}"])


def stop() -> str:
    if not is_running():
        return "not running"
    _run([str(find_bin_dir() / "pg_ctl"), "stop", "-w", "-m", "fast", "-D", str(data_dir())])
    return "stopped"


def status() -> str:
    state = "running" if is_running() else "stopped"
    return f"{state}: data {data_dir()}, socket {socket_dir()}, database {DB_NAME}"


def url() -> str:
    # The socket folder as a percent-encoded host: Django's HOST, as libpq's own URLs allow.
    return f"postgresql://{DB_USER}@{quote(str(socket_dir()), safe='')}/{DB_NAME}"


def main(argv: list[str]) -> int:
    commands = {
        "start": start,
        "stop": stop,
        "status": status,
        "init": lambda: str(init()),
        "path": lambda: str(base_dir()),
        "url": url,
    }
    if len(argv) != 1 or argv[0] not in commands:
        print(f"usage: python -m timeline.ops.localdb {{{'|'.join(commands)}}}", file=sys.stderr)
        return 2
    if os.environ.get("DATABASE_URL") and argv[0] in ("start", "init"):
        print("DATABASE_URL is set: using that database, no local cluster started")
        return 0
    try:
        print(commands[argv[0]]())
    except LocalDbError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
