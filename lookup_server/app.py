"""Assembly: from settings to a ready checker over a store.

This is the one factory that picks and wraps the parts (store, procedures, matcher,
checker), so that the server, the CLI and the tests build the service the same way.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass

from cache.checker import CachedChecker
from cache.entry import EntrySealer
from cache.feed import ChangeFollower
from cache.local import LocalTier
from cache.redis_tier import RedisTier, connect
from failover.breaker import AsyncBreaker
from failover.local_copy import LocalCopy
from failover.store import FailoverPolicy, FailoverStore
from lookup_server.checker import Checker, CheckerOptions, Checks
from lookup_server.errors import ConfigError, SchemaMismatch, StoreError
from lookup_server.matching import chinese
from lookup_server.matching.keys import KEY_SCHEME, notice_keys
from lookup_server.matching.scorer import Matcher, Thresholds
from lookup_server.model import Source
from lookup_server.settings import Settings
from lookup_server.sop import Procedures, load_procedures
from lookup_server.store.base import Store
from lookup_server.store.factory import open_store
from observability import instruments

log = logging.getLogger(__name__)


@dataclass
class App:
    store: Store
    checker: Checks
    procedures: Procedures
    cache: CachedChecker | None = None

    async def close(self) -> None:
        try:
            if self.cache is not None:
                await self.cache.close()
        finally:
            await self.store.close()


def build_matcher(settings: Settings) -> Matcher:
    m = settings.matching
    return Matcher(
        Thresholds(hit=m.hit_threshold, possible=m.possible_threshold, min_name=m.min_name_score)
    )


async def check_key_scheme(store: Store) -> None:
    """Refuse to serve notices whose blocking keys were built by another scheme."""
    scheme = await store.key_scheme()
    if scheme is not None and scheme != KEY_SCHEME:
        raise SchemaMismatch(
            store.name,
            f"notices were indexed with key scheme {scheme!r}, this version uses "
            f"{KEY_SCHEME!r}: run `notice-lookup reindex`",
        )


async def build_app(settings: Settings, *, store: Store | None = None) -> App:
    """Everything a server needs, validated before the first call is accepted."""
    procedures = load_procedures(settings.sop_path)  # fail before opening anything
    store = store or await open_stores(settings)
    try:
        await check_key_scheme(store)
    except BaseException:
        await store.close()
        raise
    chinese.pinyin_syllables()  # built once here, not inside the first check
    checker = Checker(
        store,
        build_matcher(settings),
        procedures,
        CheckerOptions(
            candidate_limit=settings.matching.candidate_limit,
            max_matches=settings.matching.max_matches,
        ),
    )
    if not settings.cache.enabled:
        return App(store=store, checker=checker, procedures=procedures)
    try:
        cached = await build_cache(settings, checker)
    except BaseException:
        await store.close()
        raise
    return App(store=store, checker=cached, procedures=procedures, cache=cached)


async def open_stores(settings: Settings) -> Store:
    """The database, or with replicas or a local copy configured, the failover store
    over all of them. A replica that cannot be opened at start is left out (logged)."""
    if not settings.replica_urls and settings.local_copy is None:
        return await open_store(settings.database_url)
    f = settings.failover
    primary = await open_store(settings.database_url, name="primary")
    opened: list[Store] = [primary]
    try:
        replicas: list[Store] = []
        for n, url in enumerate(settings.replica_urls, start=1):
            try:
                replica = await open_store(
                    url, name=f"replica-{n}", source=Source.REPLICA, migrate=False
                )
            except StoreError as exc:
                log.warning("replica-%d left out: %s", n, exc)
                continue
            replicas.append(replica)
            opened.append(replica)
        copy = None
        if settings.local_copy is not None:
            copy = await LocalCopy.open(
                settings.local_copy, notice_keys, KEY_SCHEME, poll_s=f.local_copy_poll_s
            )
            opened.append(copy.store)
        failover = FailoverStore(
            primary,
            replicas,
            copy,
            policy=FailoverPolicy(
                attempt_timeout_s=f.attempt_timeout_s,
                breaker_fail_max=f.breaker_fail_max,
                breaker_reset_s=f.breaker_reset_s,
                retry_attempts=f.retry_attempts,
                retry_backoff_s=f.retry_backoff_s,
                retry_backoff_max_s=f.retry_backoff_max_s,
                retry_budget_ratio=f.retry_budget_ratio,
                retry_budget_max=f.retry_budget_max,
                max_replica_lag_s=f.max_replica_lag_s,
                lag_interval_s=f.lag_interval_s,
                hedge=f.hedge,
                hedge_min_s=f.hedge_min_s,
            ),
        )
    except BaseException:
        for each in opened:
            await each.close()
        raise
    await failover.start()
    return failover


def read_cache_secret(settings: Settings) -> bytes:
    """The shared secret of ``cache.secret_file``, or a random one for this process."""
    path = settings.cache.secret_file
    if path is None:
        return secrets.token_bytes(32)  # in-process tier only: nobody to share with
    try:
        secret = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cache.secret_file {path}: {exc.strerror}") from exc
    if len(secret.strip()) < 32:
        raise ConfigError(f"cache.secret_file {path}: needs at least 32 bytes")
    return secret.strip()


def cache_fingerprint(settings: Settings) -> str:
    """What, besides the query, decides an answer: entries are shared only when equal."""
    m = settings.matching
    return (
        f"{KEY_SCHEME}|{m.hit_threshold}|{m.possible_threshold}|{m.min_name_score}"
        f"|{m.candidate_limit}"
    )


async def build_cache(settings: Settings, checker: Checker) -> CachedChecker:
    c = settings.cache
    sealer = EntrySealer(read_cache_secret(settings), cache_fingerprint(settings))
    follower = ChangeFollower(
        checker.store,
        notice_keys,
        poll_interval_s=c.feed_poll_s,
        stale_after_s=c.feed_stale_after_s,
    )
    shared = None
    if settings.redis_url:
        breaker = AsyncBreaker(
            "redis", fail_max=c.breaker_fail_max, reset_timeout=c.breaker_reset_s
        )
        client, also_close = connect(settings.redis_url, timeout_s=c.redis_timeout_s)
        shared = RedisTier(
            client,
            sealer,
            ttl_s=c.redis_ttl_s,
            timeout_s=c.redis_timeout_s,
            breaker=breaker,
            also_close=also_close,
        )
    await follower.start()
    instruments.watch(follower)
    return CachedChecker(
        checker, sealer, follower, LocalTier(c.local_entries, c.local_ttl_s), shared
    )
