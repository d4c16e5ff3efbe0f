"""`dyadwatch serve`: a real process on a loopback port, and its start-up errors."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from typer.testing import CliRunner

from api_fixtures import build_db
from dyadwatch.cli import app


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_serve_binds_loopback_read_only(tmp_path: Path) -> None:
    db = build_db(tmp_path / "serve.duckdb")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DYADWATCH_API_TOKEN"}
    cmd = [sys.executable, "-m", "dyadwatch", "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                status, body = _get(f"http://127.0.0.1:{port}/api/health")
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert status == 200 and body["writable"] is False
        assert body["counts"]["events"] == 63
        status, body = _get(f"http://127.0.0.1:{port}/api/events?type=NOPE")
        assert status == 422 and body["error"]["code"] == "invalid_parameter"
        listening = subprocess.run(
            ["ss", "-ltn", f"sport = :{port}"], capture_output=True, text=True, check=False
        ).stdout
        local = [line.split()[3] for line in listening.splitlines()[1:] if line.strip()]
        if local:  # ss exists: only the loopback address is bound
            assert local == [f"127.0.0.1:{port}"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_reports_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "database not found" in result.output
