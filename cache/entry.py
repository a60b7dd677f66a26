"""What the cache stores, and how it is keyed, sealed and checked.

Only all-clear answers are cached. A CLEAR carries no personal data (no names, no
document numbers, no notices), so a Redis value holds nothing to protect but the
answer's metadata; hits and possible matches are rare (about one check in ten
thousand) and are always recomputed, from current data, by the store.

Keys: a keyed BLAKE2b hash of the normalised query and of everything else that decides
the answer (key scheme, thresholds, candidate limit): processes that share the secret
and the configuration share entries; anyone without the secret cannot tell which
traveller a key belongs to, nor compute the key of a given traveller.

Values are sealed with a second key derived from the same secret and bound to their
key: a value that was corrupted, forged or moved to another key (a Redis that lies)
fails :func:`open_entry` and counts as a miss.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import struct
from collections import OrderedDict
from dataclasses import dataclass

from lookup_server.model import DataState, TravellerQuery

#: Bump when the meaning of a cached entry changes: old entries then stop matching.
ENTRY_FORMAT = 1
_MIN_SECRET_BYTES = 32
_KEY_PREFIX = b"nl:clear:"
_HEADER = struct.Struct("!BqqIB")  # format, version, as_of (µs, -1 unknown), considered, flags
_MAC_BYTES = 16
_TRUNCATED = 1
#: Verified values remembered, the oldest forgotten first: a booth's repeats.
_MAX_OPENED = 16_384


@dataclass(frozen=True, slots=True)
class ClearEntry:
    """A cached all-clear: the data version it was computed at and how it was found."""

    version: int
    as_of: dt.datetime | None
    backend: str
    candidates_considered: int
    candidates_truncated: bool

    @property
    def state(self) -> DataState:
        return DataState(self.version, self.as_of)


class EntrySealer:
    """Computes cache keys and seals and opens values with one secret."""

    def __init__(self, secret: bytes, fingerprint: str) -> None:
        if len(secret) < _MIN_SECRET_BYTES:
            raise ValueError(f"the cache secret must be at least {_MIN_SECRET_BYTES} bytes")
        self._key_key = hashlib.blake2b(secret, person=b"nl-cache-key", digest_size=32).digest()
        self._mac_key = hashlib.blake2b(secret, person=b"nl-cache-mac", digest_size=32).digest()
        self._context = f"{ENTRY_FORMAT}|{fingerprint}|".encode()
        # Remembered per query: repeats of a traveller come back as equal queries.
        self._keys = functools.lru_cache(maxsize=32_768)(self._digest)
        # Values that verified, by key and value: Redis hands the same bytes back for
        # every repeat, and checking them again would give the same answer.
        self._opened: OrderedDict[tuple[bytes, bytes], ClearEntry] = OrderedDict()

    def key(self, query: TravellerQuery) -> bytes:
        """Redis key of ``query``: a prefix and 20 bytes of keyed hash."""
        return self._keys(query)

    def _digest(self, query: TravellerQuery) -> bytes:
        digest = hashlib.blake2b(
            self._context + repr(query).encode(), key=self._key_key, digest_size=20
        ).digest()
        return _KEY_PREFIX + digest

    def seal(self, key: bytes, entry: ClearEntry) -> bytes:
        as_of = -1 if entry.as_of is None else _micros(entry.as_of)
        flags = _TRUNCATED if entry.candidates_truncated else 0
        body = (
            _HEADER.pack(ENTRY_FORMAT, entry.version, as_of, entry.candidates_considered, flags)
            + entry.backend.encode()
        )
        return body + self._mac(key, body)

    def open_entry(self, key: bytes, value: bytes) -> ClearEntry | None:
        """The entry sealed in ``value`` under ``key``; None when it does not verify."""
        entry = self._opened.get((key, value))
        if entry is None:
            entry = self._open(key, value)
            if entry is not None:
                if len(self._opened) >= _MAX_OPENED:
                    self._opened.popitem(last=False)
                self._opened[key, value] = entry
        return entry

    def _open(self, key: bytes, value: bytes) -> ClearEntry | None:
        if len(value) < _HEADER.size + _MAC_BYTES:
            return None
        body, mac = value[:-_MAC_BYTES], value[-_MAC_BYTES:]
        if not hmac.compare_digest(mac, self._mac(key, body)):
            return None
        fmt, version, as_of, considered, flags = _HEADER.unpack_from(body)
        if fmt != ENTRY_FORMAT:
            return None
        try:
            backend = body[_HEADER.size :].decode()
        except UnicodeDecodeError:
            return None
        return ClearEntry(
            version=version,
            as_of=None if as_of < 0 else _from_micros(as_of),
            backend=backend,
            candidates_considered=considered,
            candidates_truncated=bool(flags & _TRUNCATED),
        )

    def _mac(self, key: bytes, body: bytes) -> bytes:
        return hashlib.blake2b(
            key + b"\0" + body, key=self._mac_key, digest_size=_MAC_BYTES
        ).digest()


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _micros(moment: dt.datetime) -> int:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return (moment - _EPOCH) // dt.timedelta(microseconds=1)


def _from_micros(micros: int) -> dt.datetime:
    return _EPOCH + dt.timedelta(microseconds=micros)
