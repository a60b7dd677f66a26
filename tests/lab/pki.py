"""Throwaway certificates for tests (openssl): a CA, and leaves it signs.

Server leaves name 127.0.0.1 and localhost. Keys are P-256; everything lives two days
in the directory given.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def make_ca(directory: Path, name: str) -> None:
    """``name.pem`` and ``name.key`` in ``directory``: a self-signed CA."""
    _openssl(
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", f"{name}.key", "-out", f"{name}.pem", "-days", "2", "-subj", f"/CN={name}",
        cwd=directory,
    )  # fmt: skip


def make_leaf(directory: Path, name: str, ca: str, *, server: bool) -> None:
    """``name.pem`` and ``name.key``: a server or client certificate signed by ``ca``."""
    _openssl(
        "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", f"{name}.key", "-out", f"{name}.csr", "-subj", f"/CN={name}",
        cwd=directory,
    )  # fmt: skip
    extensions = directory / f"{name}.ext"
    usage = "serverAuth" if server else "clientAuth"
    extensions.write_text(
        f"subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage={usage}\n"
        if server
        else f"extendedKeyUsage={usage}\n"
    )
    _openssl(
        "x509", "-req", "-in", f"{name}.csr", "-CA", f"{ca}.pem", "-CAkey", f"{ca}.key",
        "-CAcreateserial", "-out", f"{name}.pem", "-days", "2", "-extfile", extensions.name,
        cwd=directory,
    )  # fmt: skip
