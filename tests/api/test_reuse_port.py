"""server.reuse_port: two serve processes on one address (one per core), both bound,
and the address keeps answering when one of them stops."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import grpc

from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.generated.noticelookup.v1 import lookup_pb2_grpc as pb_grpc
from tests.lab.ports import free_port
from tests.test_cli import CLI, _wait_serving, cli


def test_two_processes_share_one_address(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'notices.db'}"
    cli("migrate", "--database-url", url)
    address = f"127.0.0.1:{free_port()}"
    env = {
        **os.environ,
        "NOTICE_LOOKUP_SERVER__REUSE_PORT": "true",
        "NOTICE_LOOKUP_LOG_LEVEL": "warning",
    }
    processes = [
        subprocess.Popen(
            [CLI, "serve", "--listen", address, "--database-url", url],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        for process in processes:
            _wait_serving(address, process)
        assert all(p.poll() is None for p in processes)  # both bound the same port
        without = subprocess.run(  # without the setting, the address is taken
            [CLI, "serve", "--listen", address, "--database-url", url],
            env={**env, "NOTICE_LOOKUP_SERVER__REUSE_PORT": "false"},
            check=False,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert without.returncode != 0
        assert "cannot listen" in without.stderr
        processes[0].send_signal(signal.SIGTERM)
        processes[0].communicate(timeout=30)
        with grpc.insecure_channel(address) as channel:
            reply = pb_grpc.NoticeLookupStub(channel).CheckDocument(
                pb.CheckDocumentRequest(issuing_country="NOR", document_number="NO1234567"),
                timeout=5,
            )
        assert reply.verdict == pb.VERDICT_CLEAR  # the other one answers
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.communicate(timeout=30)
