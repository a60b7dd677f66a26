"""Assembly: from settings to a ready checker over a store.

This is the one factory that picks and wraps the parts (store, procedures, matcher,
checker), so that the server, the CLI and the tests build the service the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from lookup_server.checker import Checker, CheckerOptions
from lookup_server.errors import SchemaMismatch
from lookup_server.matching import chinese
from lookup_server.matching.keys import KEY_SCHEME
from lookup_server.matching.scorer import Matcher, Thresholds
from lookup_server.settings import Settings
from lookup_server.sop import Procedures, load_procedures
from lookup_server.store.base import Store
from lookup_server.store.factory import open_store


@dataclass
class App:
    store: Store
    checker: Checker
    procedures: Procedures

    async def close(self) -> None:
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
    store = store or await open_store(settings.database_url)
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
    return App(store=store, checker=checker, procedures=procedures)
