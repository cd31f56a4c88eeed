"""Throwaway Redis and PostgreSQL servers for fault tests.

Each one runs on its own free port with its files in its own temporary folder, so a test can
stop, kill or restart it without touching the suite's services on 6379 and 5432."""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from tests.services import need, need_executable, port_open

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
SUITE_PORTS = {5432, 6379}


def free_port(start: int) -> int:
    """The first port from `start` that nothing listens on and that we can bind."""
    for port in range(start, start + 200):
        if port in SUITE_PORTS or port_open("127.0.0.1", port):
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise RuntimeError(f"no free port from {start}")


def wait_for_port(port: int, *, up: bool, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while port_open("127.0.0.1", port) != up:
        if time.monotonic() > deadline:
            raise AssertionError(f"port {port} still {'closed' if up else 'open'} after {timeout}s")
        time.sleep(0.05)


class Process:
    """A child process in its own session, stopped by its own id (never by name)."""

    def __init__(self, args, *, log_path, env=None, cwd=None):
        self.args, self.log_path, self.env, self.cwd = args, Path(log_path), env, cwd
        self.popen = None

    def start(self):
        with open(self.log_path, "ab") as log:
            self.popen = subprocess.Popen(
                self.args, cwd=self.cwd, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        return self

    def stop(self, timeout: float = 10) -> None:
        if not self.popen or self.popen.poll() is not None:
            return
        os.killpg(self.popen.pid, signal.SIGTERM)
        try:
            self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=10)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


class RedisServer:
    """`redis-server` without persistence: stopping it loses its queues, as a crash would."""

    def __init__(self, folder: Path, port: int):
        self.folder, self.port = Path(folder), port
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = Process(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.folder)],
            log_path=self.folder / "redis.log",
        ).start()  # fmt: skip
        try:
            wait_for_port(self.port, up=True)
        except AssertionError:
            self.process.stop()
            raise AssertionError(f"redis-server did not start:\n{self.process.log()}") from None
        return self

    def freeze(self) -> None:
        """SIGSTOP: the port stays open but nothing answers, like a hung host."""
        os.kill(self.process.popen.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self.process.popen.pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.process and self.process.popen.poll() is None:
            self.thaw()
            self.process.stop()
            wait_for_port(self.port, up=False)


def need_redis() -> None:
    need_executable("redis-server")


class PostgresCluster:
    """A fresh cluster (trust auth, no fsync) in its own folder; as root it runs as `postgres`."""

    def __init__(self, port: int):
        self.port = port
        self.folder = Path(tempfile.mkdtemp(prefix="osteoactive-fault-pg-"))
        self.data = self.folder / "data"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *args, timeout: float = 60) -> None:
        command = [*self.as_postgres, str(PG_BIN / args[0]), *args[1:]]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        if result.returncode:
            raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")

    def _ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", action, "-D", str(self.data), "-l", str(self.folder / "postgres.log"),
                  "-w", "-t", "30", "-o", options, *extra)  # fmt: skip

    def start(self):
        if not self.data.exists():
            self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                      "--no-sync", "-E", "UTF8", "--locale=C")  # fmt: skip
        self._ctl("start")
        return self

    def restart(self) -> None:
        self._ctl("restart", "-m", "fast")

    def destroy(self) -> None:
        """Stops the cluster (immediately) and deletes its folder."""
        if (self.data / "postmaster.pid").exists():
            try:
                self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "immediate", "-w")
            except (RuntimeError, subprocess.TimeoutExpired):
                pid = int((self.data / "postmaster.pid").read_text().split()[0])
                os.kill(pid, signal.SIGKILL)
        shutil.rmtree(self.folder, ignore_errors=True)

    def log(self) -> str:
        path = self.folder / "postgres.log"
        return path.read_text(errors="replace") if path.exists() else ""


def need_postgres_binaries() -> None:
    need((PG_BIN / "initdb").exists(), f"no PostgreSQL binaries in {PG_BIN} (set PG_BIN)")
    need(os.geteuid() != 0 or shutil.which("runuser") is not None, "root needs runuser")
