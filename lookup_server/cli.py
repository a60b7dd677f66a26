"""The ``notice-lookup`` command line: generate, load, serve, check, and maintenance.

Operators script against these spellings; keep them stable. Every option that has a
setting behind it can also come from the environment (``NOTICE_LOOKUP_<OPTION>``, shown
in ``--help``) or the settings file (``--config``). Exit status: 0 success, 1 a failure
(with a message naming the file, line and field where input was at fault), 2 bad usage.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from lookup_server import __version__
from lookup_server.errors import ConfigError, LoadError, NoticeLookupError, StoreError

T = TypeVar("T")
ENV_PREFIX = "NOTICE_LOOKUP_"


def _env(name: str) -> str:
    return ENV_PREFIX + name.upper().replace("-", "_")


def _env_default(name: str, default: Any = None) -> Any:
    return os.environ.get(_env(name), default)


def _add_settings_options(parser: argparse.ArgumentParser, *, listen: bool = False) -> None:
    """Options backed by Settings: default None so the environment/file still apply."""
    parser.add_argument(
        "--config",
        type=Path,
        default=_env_default("config"),
        help=f"settings file (TOML) [env: {_env('config')}]",
    )
    parser.add_argument(
        "--database-url",
        help="postgresql://... or sqlite:///path (default sqlite:///data/notice-lookup.db) "
        f"[env: {_env('database_url')}]",
    )
    if listen:
        parser.add_argument(
            "--listen",
            help=f"HOST:PORT to listen on (default 127.0.0.1:50051) [env: {_env('listen')}]",
        )
        parser.add_argument(
            "--sop", dest="sop_path", type=Path, help=f"SOP file [env: {_env('sop_path')}]"
        )
        parser.add_argument(
            "--redis-url",
            help="shared cache: redis://HOST:PORT/DB or redis+sentinel://HOST:PORT[,...]/SERVICE "
            f"(default: in-process cache only; needs cache.secret_file) [env: {_env('redis_url')}]",
        )
        parser.add_argument(
            "--replica-url",
            dest="replica_urls",
            action="append",
            help="a streaming replica of the primary (postgresql://...); repeat for more "
            f"[env: {_env('replica_urls')}, separated by commas]",
        )
        parser.add_argument(
            "--local-copy",
            type=Path,
            help="SQLite file kept current from the change feed, answering (degraded) when "
            f"no database can [env: {_env('local_copy')}]",
        )
        parser.add_argument(
            "--log-level",
            choices=["debug", "info", "warning", "error"],
            help=f"[env: {_env('log_level')}]",
        )


def _settings(args: argparse.Namespace, **extra: Any) -> Any:
    from lookup_server.settings import load_settings

    overrides = {
        "database_url": getattr(args, "database_url", None),
        "listen": getattr(args, "listen", None),
        "sop_path": getattr(args, "sop_path", None),
        "log_level": getattr(args, "log_level", None),
        "redis_url": getattr(args, "redis_url", None),
        "replica_urls": getattr(args, "replica_urls", None),
        "local_copy": getattr(args, "local_copy", None),
        **extra,
    }
    return load_settings(args.config, **overrides)


def _progress(rows: Iterable[T], what: str, enabled: bool) -> Iterator[T]:
    from tqdm import tqdm

    return iter(
        tqdm(rows, desc=what, unit=" rows", disable=not enabled, file=sys.stderr, mininterval=0.5)
    )


# ---------------------------------------------------------------------------- commands


def cmd_generate(args: argparse.Namespace) -> int:
    from lookup_server.loading.generate import generate_dataset

    report = generate_dataset(
        args.out,
        notices=args.notices,
        documents=args.documents,
        seed=args.seed,
        travellers=args.travellers,
    )
    print(report)
    return 0


async def _load(args: argparse.Namespace) -> int:
    from lookup_server.matching.keys import KEY_SCHEME, notice_keys
    from lookup_server.model import NoticeType
    from lookup_server.store.base import StoredNotice
    from lookup_server.store.factory import open_store

    settings = _settings(args)
    show = not args.no_progress and sys.stderr.isatty()
    store = await open_store(settings.database_url)
    try:
        if args.kind == "notices":
            from lookup_server.loading.notices import read_notices

            default_type = NoticeType(args.type) if args.type else None
            rows = (
                StoredNotice(n, notice_keys(n))
                for n in read_notices(args.file, default_type=default_type)
            )
            report = await store.load_notices(
                _progress(rows, f"loading {args.file.name}", show),
                key_scheme=KEY_SCHEME,
                snapshot_source=args.snapshot_source,
            )
        else:
            from lookup_server.loading.documents import read_documents

            report = await store.load_documents(
                _progress(read_documents(args.file), f"loading {args.file.name}", show)
            )
    finally:
        await store.close()
    print(
        f"loaded {args.file}: {report.rows_read} rows, {report.inserted} inserted, "
        f"{report.updated} updated, {report.unchanged} unchanged, {report.cancelled} cancelled; "
        f"data version {report.version_before} -> {report.version_after}"
    )
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    try:
        return asyncio.run(_load(args))
    except LoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("nothing was written: a load applies whole or not at all", file=sys.stderr)
        return 1


def cmd_serve(args: argparse.Namespace) -> int:
    from lookup_server.api.server import serve

    settings = _settings(args)
    handler = logging.StreamHandler(sys.stderr)
    if settings.telemetry.log_format == "json":
        from observability.logs import JsonFormatter

        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    logging.basicConfig(level=settings.log_level.upper(), handlers=[handler])
    if settings.server.event_loop == "uvloop":
        try:
            import uvloop
        except ImportError:
            logging.getLogger(__name__).warning("uvloop not installed; using asyncio's loop")
        else:
            uvloop.run(serve(settings))
            return 0
    asyncio.run(serve(settings))
    return 0


def _check_request(args: argparse.Namespace) -> tuple[str, Any]:
    from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb

    if args.mrz:
        return "CheckTraveler", pb.CheckTravelerRequest(mrz=pb.MachineReadableZone(lines=args.mrz))
    if args.document_only or not (args.surname or args.given_names):
        if not args.document_number:
            raise SystemExit("error: give --mrz LINES, or --document-number with --issuing-country")
        return "CheckDocument", pb.CheckDocumentRequest(
            document_number=args.document_number,
            issuing_country=args.issuing_country or "",
            document_type=args.document_type or "",
        )
    dob = pb.PartialDate()
    if args.date_of_birth:
        from lookup_server.model import PartialDate

        try:
            date = PartialDate.from_iso(args.date_of_birth)
        except ValueError as exc:
            raise SystemExit(f"error: --date-of-birth: {exc}") from None
        dob = pb.PartialDate(year=date.year or 0, month=date.month or 0, day=date.day or 0)
    sex = {"M": pb.SEX_MALE, "F": pb.SEX_FEMALE}.get((args.sex or "").upper(), pb.SEX_UNSPECIFIED)
    fields = pb.TravelerFields(
        document_number=args.document_number or "",
        issuing_country=args.issuing_country or "",
        document_type=args.document_type or "",
        surname=args.surname or "",
        given_names=args.given_names or "",
        date_of_birth=dob,
        sex=sex,
        nationality=args.nationality or "",
    )
    return "CheckTraveler", pb.CheckTravelerRequest(fields=fields)


def cmd_check(args: argparse.Namespace) -> int:
    import grpc

    from lookup_server import client

    method, request = _check_request(args)
    tls = client.ClientTls(args.tls_ca, args.tls_cert, args.tls_key) if args.tls_ca else None
    with client.open_channel(args.server, tls) as channel:
        call: Callable[..., Any] = getattr(client.stub(channel), method)
        try:
            response = call(request, timeout=args.timeout)
        except grpc.RpcError as exc:
            print(client.describe_error(exc), file=sys.stderr)
            return 1
    print(client.to_json(response) if args.json else client.render(response))
    return 0


def cmd_notice(args: argparse.Namespace) -> int:
    import grpc

    from lookup_server import client
    from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb

    tls = client.ClientTls(args.tls_ca, args.tls_cert, args.tls_key) if args.tls_ca else None
    with client.open_channel(args.server, tls) as channel:
        try:
            response = client.stub(channel).GetNotice(
                pb.GetNoticeRequest(notice_id=args.notice_id), timeout=args.timeout
            )
        except grpc.RpcError as exc:
            print(client.describe_error(exc), file=sys.stderr)
            return 1
    print(client.to_json(response) if args.json else client.render(response))
    return 0


async def _migrate(args: argparse.Namespace) -> int:
    from lookup_server.store.factory import open_store

    store = await open_store(_settings(args).database_url, migrate=True)
    try:
        state = await store.state()
    finally:
        await store.close()
    print(f"schema is current; data version {state.version}")
    return 0


async def _reindex(args: argparse.Namespace) -> int:
    from lookup_server.matching.keys import KEY_SCHEME, notice_keys
    from lookup_server.store.factory import open_store

    store = await open_store(_settings(args).database_url)
    try:
        count = await store.rekey_notices(notice_keys, KEY_SCHEME)
    finally:
        await store.close()
    print(f"rebuilt blocking keys of {count} notices with scheme {KEY_SCHEME}")
    return 0


async def _evaluate(args: argparse.Namespace) -> int:
    from lookup_server.app import build_matcher
    from lookup_server.checker import CheckerOptions
    from lookup_server.evaluation import run
    from lookup_server.evaluation.pairs import build_pairs, to_jsonl

    settings = _settings(args)
    pairs = build_pairs(args.seed)
    if args.write_set:
        to_jsonl(pairs, args.write_set)
        print(f"wrote {len(pairs)} pairs to {args.write_set}")
    chosen = run.select(pairs, args.split)
    outcomes = await run.run_pairs(
        chosen,
        matcher=build_matcher(settings),
        options=CheckerOptions(
            candidate_limit=settings.matching.candidate_limit,
            max_matches=settings.matching.max_matches,
        ),
        background=args.background,
    )
    print(run.format_report(run.summarise(outcomes, args.split, args.background)), end="")
    if args.failures:
        print(run.format_failures(outcomes, args.failures), end="")
    return 0


# ---------------------------------------------------------------------------- parser


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative")
    return value


def _add_client_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--server",
        default=_env_default("server", "127.0.0.1:50051"),
        help=f"HOST:PORT of the server [env: {_env('server')}]",
    )
    parser.add_argument("--json", action="store_true", help="print the answer as JSON")
    parser.add_argument(
        "--timeout",
        type=float,
        default=float(_env_default("timeout", "5")),
        help=f"deadline in seconds [env: {_env('timeout')}]",
    )
    parser.add_argument(
        "--tls-ca", type=Path, default=_env_default("tls_ca"), help="CA of the server (TLS)"
    )
    parser.add_argument(
        "--tls-cert", type=Path, default=_env_default("tls_cert"), help="client certificate"
    )
    parser.add_argument("--tls-key", type=Path, default=_env_default("tls_key"), help="client key")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="notice-lookup",
        description="Border-control checks against notices and stolen/lost travel documents.",
    )
    parser.add_argument("--version", action="version", version=f"notice-lookup {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    gen = sub.add_parser("generate", help="write a seeded synthetic data set")
    gen.add_argument("--out", type=Path, required=True, help="output directory")
    gen.add_argument("--notices", type=_positive_int, default=2000)
    gen.add_argument("--documents", type=_positive_int, default=20000)
    gen.add_argument("--seed", type=int, default=1)
    gen.add_argument(
        "--travellers", type=_positive_int, default=None, help="truth travellers to write"
    )
    gen.set_defaults(func=cmd_generate)

    load = sub.add_parser("load", help="load notices or documents (all or nothing)")
    load.add_argument("kind", choices=["notices", "documents"])
    load.add_argument("file", type=Path)
    load.add_argument(
        "--type",
        choices=[
            "red",
            "yellow",
            "blue",
            "black",
            "green",
            "orange",
            "purple",
            "un-special",
            "diffusion",
        ],
        help="notice type for INTERPOL JSON without self links",
    )
    load.add_argument(
        "--snapshot-source",
        metavar="SOURCE",
        help="the file is the full list of SOURCE: cancel its notices absent from the file",
    )
    load.add_argument("--no-progress", action="store_true", help="no progress bar")
    _add_settings_options(load)
    load.set_defaults(func=cmd_load)

    serve = sub.add_parser("serve", help="run the gRPC server")
    _add_settings_options(serve, listen=True)
    serve.set_defaults(func=cmd_serve)

    check = sub.add_parser("check", help="check a traveller or document against a running server")
    check.add_argument("--mrz", nargs="+", metavar="LINE", help="2 or 3 MRZ lines")
    check.add_argument("--document-number")
    check.add_argument("--issuing-country")
    check.add_argument("--document-type")
    check.add_argument("--surname")
    check.add_argument("--given-names")
    check.add_argument("--date-of-birth", help="YYYY-MM-DD, YYYY-MM or YYYY")
    check.add_argument("--sex", choices=["M", "F", "X", "m", "f", "x"])
    check.add_argument("--nationality")
    check.add_argument("--document-only", action="store_true", help="CheckDocument only")
    _add_client_options(check)
    check.set_defaults(func=cmd_check)

    notice = sub.add_parser("notice", help="show one notice from a running server")
    notice.add_argument("notice_id")
    _add_client_options(notice)
    notice.set_defaults(func=cmd_notice)

    migrate = sub.add_parser("migrate", help="create or upgrade the database schema")
    _add_settings_options(migrate)
    migrate.set_defaults(func=lambda a: asyncio.run(_migrate(a)))

    evaluate = sub.add_parser(
        "evaluate", help="measure name matching recall and precision on the labelled pairs"
    )
    evaluate.add_argument(
        "--split",
        choices=["test", "tune", "all"],
        default="test",
        help="pairs to report on (thresholds are tuned on 'tune'; default: test)",
    )
    evaluate.add_argument(
        "--seed", type=int, default=2033, help="seed of the pair set (2026-2032: used for tuning)"
    )
    evaluate.add_argument(
        "--background",
        type=_positive_int,
        default=0,
        help="generated notices loaded beside the pairs",
    )
    evaluate.add_argument(
        "--failures", type=_positive_int, default=0, metavar="N", help="list N failures"
    )
    evaluate.add_argument("--write-set", type=Path, help="also write the pair set as JSONL")
    evaluate.add_argument(
        "--config", type=Path, default=_env_default("config"), help="settings file"
    )
    evaluate.set_defaults(func=lambda a: asyncio.run(_evaluate(a)))

    reindex = sub.add_parser("reindex", help="rebuild notice blocking keys for this version")
    _add_settings_options(reindex)
    reindex.set_defaults(func=lambda a: asyncio.run(_reindex(a)))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    except StoreError as exc:
        print(f"database error: {exc}", file=sys.stderr)
        return 1
    except NoticeLookupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
