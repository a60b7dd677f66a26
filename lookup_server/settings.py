"""Typed settings: built once at start-up from defaults, a TOML file, the environment
and command-line flags (in increasing priority), validated, then passed down.

Environment variables use the prefix ``NOTICE_LOOKUP_``: ``NOTICE_LOOKUP_DATABASE_URL``,
``NOTICE_LOOKUP_LISTEN``, ``NOTICE_LOOKUP_SOP_PATH``; nested groups use ``__``:
``NOTICE_LOOKUP_MATCHING__HIT_THRESHOLD=0.92``. The settings file is given with
``--config`` or ``NOTICE_LOOKUP_CONFIG``; ``docs/configuration.md`` lists every key.
Nothing here is read at import time and nothing is global.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from lookup_server.errors import ConfigError

DEFAULT_DATABASE_URL = "sqlite:///data/notice-lookup.db"
DEFAULT_LISTEN = "127.0.0.1:50051"


DATABASE_URL_SCHEMES = ("sqlite", "postgresql", "postgres")
REDIS_URL_SCHEMES = ("redis", "rediss", "unix", "redis+sentinel")


def check_url_scheme(value: str, schemes: tuple[str, ...]) -> str:
    """``value`` if it starts with one of ``schemes`` and ``://``; else ValueError."""
    scheme = value.split("://", 1)[0] if "://" in value else ""
    if scheme not in schemes:
        accepted = ", ".join(f"{s}://" for s in schemes[:-1]) + f" or {schemes[-1]}://"
        raise ValueError(f"must start with {accepted}")
    return value


def split_host_port(address: str) -> tuple[str, int]:
    """``host:port`` or ``[v6]:port`` -> (host, port); raises ValueError."""
    host, sep, port_text = address.rpartition(":")
    if not sep or not host or not port_text.isdigit():
        raise ValueError(f"{address!r} is not HOST:PORT")
    port = int(port_text)
    if not 0 <= port <= 65535:
        raise ValueError(f"port {port} out of range")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    return host, port


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Group(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ServerSettings(_Group):
    max_in_flight: int = Field(256, ge=1, le=100_000)
    default_deadline_s: float = Field(2.0, gt=0, le=60)
    max_deadline_s: float = Field(10.0, gt=0, le=300)
    shutdown_grace_s: float = Field(10.0, ge=0, le=300)
    reflection: bool = True
    event_loop: Literal["uvloop", "asyncio"] = "uvloop"
    #: SO_REUSEPORT: several serve processes on one address, the kernel spreading
    #: connections among them (one process per core; a Python process uses one).
    reuse_port: bool = False


class MatchingSettings(_Group):
    hit_threshold: float = Field(0.90, gt=0, le=1)
    possible_threshold: float = Field(0.75, gt=0, le=1)
    min_name_score: float = Field(0.70, ge=0, le=1)
    candidate_limit: int = Field(200, ge=1, le=5000)
    max_matches: int = Field(10, ge=1, le=100)

    @model_validator(mode="after")
    def _ordered(self) -> MatchingSettings:
        if self.possible_threshold > self.hit_threshold:
            raise ValueError("possible_threshold must not exceed hit_threshold")
        return self


class CacheSettings(_Group):
    """The result cache (see ``cache/``): in-process always, Redis with ``redis_url``."""

    enabled: bool = True
    #: In-process entries (0: no in-process tier) and how long each may live.
    local_entries: int = Field(100_000, ge=0, le=10_000_000)
    local_ttl_s: float = Field(30.0, gt=0, le=86_400)
    redis_ttl_s: float = Field(600.0, gt=0, le=7 * 86_400)
    #: Budget of one Redis command, connection included; no retries.
    redis_timeout_s: float = Field(0.1, gt=0, le=5)
    #: Consecutive Redis failures that open its breaker; seconds before a trial call.
    breaker_fail_max: int = Field(3, ge=1, le=1000)
    breaker_reset_s: float = Field(2.0, gt=0, le=600)
    #: A file of at least 32 random bytes shared by every process using one Redis: keys
    #: are keyed hashes and values are sealed with it. Required with ``redis_url``.
    secret_file: Path | None = None
    #: Change-feed polling (PostgreSQL also pushes changes at once); at most 1 s so that
    #: a change reaches every process's cache within a second.
    feed_poll_s: float = Field(0.25, gt=0, le=1.0)
    #: Without word from the store for this long, cached entries are not served.
    feed_stale_after_s: float = Field(2.0, gt=0, le=60)


class FailoverSettings(_Group):
    """Breakers, retries and routing over the primary, replicas and local copy."""

    #: One attempt on one backend takes at most this long (never beyond the call).
    attempt_timeout_s: float = Field(0.5, gt=0, le=30)
    #: Consecutive failures or timeouts that open a backend's breaker; seconds open
    #: before one trial call.
    breaker_fail_max: int = Field(3, ge=1, le=1000)
    breaker_reset_s: float = Field(2.0, gt=0, le=600)
    #: Passes over the backends per read (1: no retries); full-jitter backoff between.
    retry_attempts: int = Field(3, ge=1, le=10)
    retry_backoff_s: float = Field(0.02, ge=0, le=5)
    retry_backoff_max_s: float = Field(0.25, ge=0, le=10)
    #: Retry budget: tokens earned per first attempt, and held at most.
    retry_budget_ratio: float = Field(0.2, ge=0, le=10)
    retry_budget_max: float = Field(20.0, ge=0, le=100_000)
    #: A replica further behind than this goes after fresher ones.
    max_replica_lag_s: float = Field(5.0, gt=0, le=86_400)
    lag_interval_s: float = Field(1.0, gt=0, le=60)
    #: Hedged reads: a slow primary read (beyond its recent p95, at least
    #: ``hedge_min_s``) is also sent to a replica; the first answer wins.
    hedge: bool = False
    hedge_min_s: float = Field(0.005, ge=0, le=10)
    #: The local copy polls the feed this often.
    local_copy_poll_s: float = Field(1.0, gt=0, le=60)


class TelemetrySettings(_Group):
    """Traces, metrics and logs (see docs/operations.md); the standard OTEL_* variables
    win over these."""

    service_name: str = "notice-lookup"
    #: ``none``, ``console``, ``otlp`` (gRPC, to OTEL_EXPORTER_OTLP_ENDPOINT) or
    #: ``jsonl`` (one JSON span per line in ``traces_file``).
    traces_exporter: str = "none"
    traces_file: Path = Path("data/traces.jsonl")
    #: Parent-based sampling: a terminal's sampled trace is always continued; new
    #: traces are sampled at this ratio (1%: about ten traces a second from a busy
    #: server, at a CPU cost of a few percent; bench.tracing_cost measures it).
    sample_ratio: float = Field(0.01, ge=0, le=1)
    #: Comma-separated: ``none``, ``prometheus``, ``otlp``, ``console``.
    metrics_exporters: str = "none"
    #: Where Prometheus scrapes (HOST:PORT; port 0: any free port).
    prometheus_listen: str = "127.0.0.1:9464"
    #: ``text`` or ``json`` (one object per line, with trace and span ids).
    log_format: Literal["text", "json"] = "text"


class TlsSettings(_Group):
    """Server certificate; with ``client_ca`` every client must present a certificate."""

    cert_file: Path
    key_file: Path
    client_ca_file: Path | None = None


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="NOTICE_LOOKUP_",
        env_nested_delimiter="__",
        extra="forbid",
        frozen=True,
    )

    database_url: str = DEFAULT_DATABASE_URL
    listen: str = DEFAULT_LISTEN
    sop_path: Path | None = None
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    #: Plaintext gRPC on a non-loopback address (never in production: use tls).
    allow_insecure_remote: bool = False
    server: ServerSettings = ServerSettings()
    matching: MatchingSettings = MatchingSettings()
    tls: TlsSettings | None = None
    #: Shared cache tier: redis://, rediss://, unix:// or redis+sentinel:// (None: none).
    redis_url: str | None = None
    cache: CacheSettings = CacheSettings()
    #: Streaming replicas of the primary (postgresql:// URLs), tried in turn when it fails.
    replica_urls: Annotated[list[str], NoDecode] = []
    #: SQLite file kept current from the change feed: the answer when no database can.
    local_copy: Path | None = None
    failover: FailoverSettings = FailoverSettings()
    telemetry: TelemetrySettings = TelemetrySettings()

    @field_validator("database_url")
    @classmethod
    def _url_scheme(cls, value: str) -> str:
        return check_url_scheme(value, DATABASE_URL_SCHEMES)

    @field_validator("listen")
    @classmethod
    def _listen(cls, value: str) -> str:
        split_host_port(value)
        return value

    @field_validator("replica_urls", mode="before")
    @classmethod
    def _replica_list(cls, value: Any) -> Any:
        # The environment gives one string: URLs separated by commas or spaces.
        if isinstance(value, str):
            return [part for part in value.replace(",", " ").split() if part]
        return value

    @field_validator("replica_urls")
    @classmethod
    def _replica_schemes(cls, value: list[str]) -> list[str]:
        return [check_url_scheme(url, ("postgresql", "postgres")) for url in value]

    @model_validator(mode="after")
    def _failover_needs_postgres(self) -> Settings:
        if (self.replica_urls or self.local_copy) and not self.database_url.startswith("postgres"):
            raise ValueError(
                "replica_urls and local_copy need a PostgreSQL database_url (an SQLite "
                "database is already local)"
            )
        return self

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: str | None) -> str | None:
        return None if value is None else check_url_scheme(value, REDIS_URL_SCHEMES)

    @model_validator(mode="after")
    def _redis_needs_secret(self) -> Settings:
        if self.redis_url and self.cache.enabled and self.cache.secret_file is None:
            raise ValueError(
                "redis_url needs cache.secret_file (NOTICE_LOOKUP_CACHE__SECRET_FILE): a file "
                "of at least 32 random bytes shared by every server using that Redis"
            )
        return self

    @model_validator(mode="after")
    def _plaintext_only_on_loopback(self) -> Settings:
        host, _ = split_host_port(self.listen)
        if self.tls is None and not is_loopback(host) and not self.allow_insecure_remote:
            raise ValueError(
                f"listen address {self.listen} is not loopback and no tls is configured: "
                "configure tls (cert_file, key_file, client_ca_file) or set "
                "allow_insecure_remote for a test network"
            )
        return self

    @property
    def listen_host_port(self) -> tuple[str, int]:
        return split_host_port(self.listen)


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Build settings: defaults < TOML file < environment < ``overrides`` (flags).

    ``None`` overrides are ignored, so unset command-line flags do not hide the
    environment. Raises ConfigError with every problem listed.
    """
    given = {k: v for k, v in overrides.items() if v is not None}

    class _FromFile(Settings):
        @classmethod
        def settings_customise_sources(
            cls,
            settings_cls: type[BaseSettings],
            init_settings: PydanticBaseSettingsSource,
            env_settings: PydanticBaseSettingsSource,
            dotenv_settings: PydanticBaseSettingsSource,
            file_secret_settings: PydanticBaseSettingsSource,
        ) -> tuple[PydanticBaseSettingsSource, ...]:
            sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
            if config_file is not None:
                sources.append(TomlConfigSettingsSource(settings_cls, toml_file=config_file))
            return tuple(sources)

    if config_file is not None and not config_file.is_file():
        raise ConfigError(f"settings file {config_file} does not exist")
    try:
        built = _FromFile(**given)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'settings'}: {err['msg']}"
            for err in exc.errors()
        )
        raise ConfigError(f"invalid settings: {problems}") from exc
    except ValueError as exc:  # malformed TOML
        raise ConfigError(f"settings file {config_file}: {exc}") from exc
    return built
