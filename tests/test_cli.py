"""The notice-lookup command line, run as operators run it (subprocesses, real files)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from tests.lab.ports import free_port

CLI = str(Path(sys.executable).parent / "notice-lookup")


def cli(
    *args: str, env: dict[str, str] | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [CLI, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )
    if check and done.returncode != 0:
        raise AssertionError(f"{args} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    cli("generate", "--out", str(out), "--notices", "300", "--documents", "2000", "--seed", "3")
    return out


def _truth(sample: Path, reason: str) -> dict[str, object]:
    for line in (sample / "truth.jsonl").read_text().splitlines():
        row: dict[str, object] = json.loads(line)
        if row["reason"] == reason:
            return row
    raise AssertionError(f"no {reason} traveller")


def _wait_serving(address: str, process: subprocess.Popen[str], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    with grpc.insecure_channel(address) as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        while time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            try:
                if stub.Check(health_pb2.HealthCheckRequest(), timeout=0.5).status == 1:
                    return
            except grpc.RpcError:
                time.sleep(0.05)
    raise AssertionError("server not serving in time")


@pytest.fixture
def loaded_db(sample: Path, tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    cli("load", "notices", str(sample / "notices.json"), "--database-url", url)
    cli("load", "documents", str(sample / "documents.csv"), "--database-url", url)
    return url


@pytest.fixture
def server(loaded_db: str) -> Iterator[str]:
    address = f"127.0.0.1:{free_port()}"
    process = subprocess.Popen(
        [CLI, "serve", "--listen", address],
        env={
            **os.environ,
            "NOTICE_LOOKUP_DATABASE_URL": loaded_db,
            "NOTICE_LOOKUP_LOG_LEVEL": "warning",
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_serving(address, process)
        yield address
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
        assert process.returncode == 0, stderr  # drains and exits cleanly on SIGTERM


def test_load_reports_counts_and_is_idempotent(sample: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    first = cli("load", "documents", str(sample / "documents.csv"), "--database-url", url)
    assert "2000 rows" in first.stdout
    again = cli("load", "documents", str(sample / "documents.csv"), "--database-url", url)
    assert "0 inserted, 0 updated, 2000 unchanged" in again.stdout
    version = first.stdout.rsplit("-> ", 1)[1].strip()
    assert again.stdout.rstrip().endswith(f"{version} -> {version}")


def test_bad_row_writes_nothing_and_names_line_and_field(sample: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    lines = (sample / "documents.csv").read_text().splitlines()
    bad = lines[1].split(",")
    bad[3] = "misplaced"  # status column
    lines[1500] = ",".join(bad)
    broken = tmp_path / "broken.csv"
    broken.write_text("\n".join(lines) + "\n")
    done = cli("load", "documents", str(broken), "--database-url", url, check=False)
    assert done.returncode == 1
    assert "line 1501" in done.stderr
    assert "'status'" in done.stderr
    assert "nothing was written" in done.stderr
    migrated = cli("migrate", "--database-url", url)
    assert "data version 0" in migrated.stdout


def test_check_by_mrz_and_fields(server: str, sample: Path) -> None:
    clear = _truth(sample, "clear")
    out = cli("check", "--server", server, "--mrz", *clear["mrz"])  # type: ignore[misc]
    assert out.stdout.startswith("CLEAR")
    stolen = _truth(sample, "stolen-document")
    out = cli("check", "--server", server, "--mrz", *stolen["mrz"], "--json")  # type: ignore[misc]
    answer = json.loads(out.stdout)
    assert answer["verdict"] == "VERDICT_HIT"
    assert answer["document_check"]["records"][0]["match_kind"] == "DOCUMENT_MATCH_KIND_EXACT"
    variant = _truth(sample, "notice-variant")
    fields = variant["fields"]
    assert isinstance(fields, dict)
    out = cli(
        "check",
        "--server",
        server,
        "--surname",
        fields["surname"],
        "--given-names",
        fields["given_names"],
        "--date-of-birth",
        fields["date_of_birth"],
        "--sex",
        fields["sex"],
        "--nationality",
        fields["nationality"],
    )
    assert out.stdout.startswith("HIT"), out.stdout
    assert f"Notice {variant['notice_id']}" in out.stdout
    notice = cli("notice", "--server", server, str(variant["notice_id"]))
    assert "ACTION [" in notice.stdout


def test_check_reports_bad_input_with_the_field(server: str, sample: Path) -> None:
    clear = _truth(sample, "clear")
    lines = list(clear["mrz"])  # type: ignore[call-overload]
    digit = lines[1][19]
    lines[1] = lines[1][:19] + ("0" if digit != "0" else "1") + lines[1][20:]
    done = cli("check", "--server", server, "--mrz", *lines, check=False)
    assert done.returncode == 1
    assert "INVALID_ARGUMENT" in done.stderr
    assert "field mrz.lines[1]" in done.stderr
    assert "date_of_birth" in done.stderr


def test_cancellation_stops_a_notice_matching(
    server: str, sample: Path, loaded_db: str, tmp_path: Path
) -> None:
    variant = _truth(sample, "notice-variant")
    mrz = [str(line) for line in variant["mrz"]]  # type: ignore[attr-defined]
    assert cli("check", "--server", server, "--mrz", *mrz).stdout.startswith("HIT")
    notice = json.loads(
        cli("notice", "--server", server, str(variant["notice_id"]), "--json").stdout
    )
    names = [
        {"surname": n.get("surname", ""), "given_names": n.get("given_names", "")}
        for n in notice["notice"]["names"]
    ]
    cancel = tmp_path / "cancel.jsonl"
    cancel.write_text(
        json.dumps(
            {"id": variant["notice_id"], "type": "red", "status": "cancelled", "names": names}
        )
        + "\n"
    )
    loaded = cli("load", "notices", str(cancel), "--database-url", loaded_db)
    assert "1 cancelled" in loaded.stdout
    after = cli("check", "--server", server, "--mrz", *mrz).stdout
    assert not after.startswith("HIT") or f"Notice {variant['notice_id']}" not in after


def test_configuration_errors_exit_2_with_a_message(tmp_path: Path) -> None:
    done = cli("serve", "--listen", "0.0.0.0:50051", check=False)
    assert done.returncode == 2
    assert "not loopback" in done.stderr
    sop = tmp_path / "sop.yaml"
    sop.write_text("version: x\n")
    done = cli(
        "serve", "--sop", str(sop), "--database-url", f"sqlite:///{tmp_path / 'x.db'}", check=False
    )
    assert done.returncode == 2
    assert "SOP file" in done.stderr
    done = cli("load", "notices", "x.json", "--database-url", "mysql://x", check=False)
    assert done.returncode == 2
