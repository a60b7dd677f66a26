#!/usr/bin/env python3
"""Generate the Python code for proto/ into lookup_server/generated/ (or check it is current).

    python scripts/gen_proto.py           # regenerate
    python scripts/gen_proto.py --check   # exit 1 if the committed code drifted from proto/

protoc writes imports relative to the proto root (``from noticelookup.v1 import ...``);
we keep all generated code inside one package, so those imports are rewritten to
``lookup_server.generated.noticelookup.v1``. The output depends on the pinned
grpcio-tools and mypy-protobuf versions in pyproject.toml.
"""

from __future__ import annotations

import argparse
import filecmp
import re
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROTO_ROOT = ROOT / "proto"
OUT = ROOT / "lookup_server" / "generated"
PACKAGE = "lookup_server.generated"
HEADER = '"""Generated from proto/ by scripts/gen_proto.py. Do not edit."""\n'

_IMPORT = re.compile(r"^(from|import) (noticelookup\.)", re.MULTILINE)


def _protos() -> list[Path]:
    return sorted(PROTO_ROOT.rglob("*.proto"))


def generate(dest: Path) -> None:
    """Run protoc into ``dest`` and post-process the result into a package tree."""
    import grpc_tools
    from grpc_tools import protoc

    include = Path(grpc_tools.__file__).parent / "_proto"
    scripts = Path(sysconfig.get_path("scripts"))
    with tempfile.TemporaryDirectory() as raw_dir:
        raw = Path(raw_dir)
        args = [
            "protoc",
            f"-I{PROTO_ROOT}",
            f"-I{include}",
            f"--python_out={raw}",
            f"--grpc_python_out={raw}",
            f"--plugin=protoc-gen-mypy={scripts / 'protoc-gen-mypy'}",
            f"--plugin=protoc-gen-mypy_grpc={scripts / 'protoc-gen-mypy_grpc'}",
            f"--mypy_out={raw}",
            f"--mypy_grpc_out={raw}",
            *(str(p.relative_to(PROTO_ROOT)) for p in _protos()),
        ]
        if protoc.main(args) != 0:
            raise SystemExit("protoc failed")
        dest.mkdir(parents=True, exist_ok=True)
        (dest / "__init__.py").write_text(HEADER)
        (dest / "py.typed").write_text("")
        for path in sorted(raw.rglob("*")):
            if path.is_dir():
                continue
            target = dest / path.relative_to(raw)
            target.parent.mkdir(parents=True, exist_ok=True)
            text = _IMPORT.sub(rf"\1 {PACKAGE}.\2", path.read_text())
            target.write_text(text)
        for directory in sorted({p.parent for p in dest.rglob("*.py")}):
            init = directory / "__init__.py"
            if not init.exists():
                init.write_text(HEADER)


def _same_tree(a: Path, b: Path) -> list[str]:
    files_a = {
        p.relative_to(a) for p in a.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    }
    files_b = {
        p.relative_to(b) for p in b.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    }
    drift = [f"missing: {p}" for p in sorted(files_a - files_b)]
    drift += [f"extra: {p}" for p in sorted(files_b - files_a)]
    drift += [
        f"differs: {p}"
        for p in sorted(files_a & files_b)
        if not filecmp.cmp(a / p, b / p, shallow=False)
    ]
    return drift


def check() -> list[str]:
    """Regenerate into a temp dir and list every difference from the committed tree."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "generated"
        generate(fresh)
        return _same_tree(fresh, OUT)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if generated code drifted")
    args = parser.parse_args()
    if args.check:
        drift = check()
        if drift:
            print(
                "generated code is out of date; run: python scripts/gen_proto.py", file=sys.stderr
            )
            print("\n".join(drift), file=sys.stderr)
            return 1
        return 0
    if OUT.exists():
        shutil.rmtree(OUT)
    generate(OUT)
    print(f"generated {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
