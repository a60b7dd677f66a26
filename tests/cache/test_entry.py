"""Cache keys and sealed values (pure logic), and the in-process tier."""

from __future__ import annotations

import datetime as dt

import pytest

from cache.entry import ClearEntry, EntrySealer
from cache.local import LocalTier
from lookup_server.model import DocumentKey, PartialDate, Sex, TravellerQuery

SECRET = b"k" * 32
QUERY = TravellerQuery(
    document=DocumentKey("IDN", "A1234567"),
    surname="SUPRIYADI",
    given_names="",
    date_of_birth=PartialDate(1990, 1, 2),
    sex=Sex.FEMALE,
    nationality="IDN",
)
ENTRY = ClearEntry(
    version=42,
    as_of=dt.datetime(2026, 11, 29, 1, 2, 3, 456789, tzinfo=dt.UTC),
    backend="primary",
    candidates_considered=17,
    candidates_truncated=True,
)


def test_key_hides_the_query_and_depends_on_secret_and_configuration() -> None:
    key = EntrySealer(SECRET, "cfg").key(QUERY)
    assert b"SUPRIYADI" not in key
    assert b"A1234567" not in key
    assert key != EntrySealer(b"x" * 32, "cfg").key(QUERY)
    assert key != EntrySealer(SECRET, "other thresholds").key(QUERY)
    assert key == EntrySealer(SECRET, "cfg").key(QUERY)  # shared by processes


def test_every_field_of_the_query_is_in_the_key() -> None:
    sealer = EntrySealer(SECRET, "cfg")
    variants = [
        TravellerQuery(document=DocumentKey("IDN", "A1234568"), surname="SUPRIYADI"),
        TravellerQuery(document=DocumentKey("IDN", "A1234567"), surname="SUPRIYADI", sex=Sex.MALE),
        TravellerQuery(
            document=DocumentKey("IDN", "A1234567"),
            surname="SUPRIYADI",
            date_of_birth=PartialDate(1990),
        ),
        TravellerQuery(document=None, surname="SUPRIYADI"),
    ]
    keys = {sealer.key(q) for q in [QUERY, *variants]}
    assert len(keys) == len(variants) + 1


def test_sealed_value_round_trips_and_holds_no_personal_data() -> None:
    sealer = EntrySealer(SECRET, "cfg")
    key = sealer.key(QUERY)
    value = sealer.seal(key, ENTRY)
    assert sealer.open_entry(key, value) == ENTRY
    assert b"SUPRIYADI" not in value
    assert b"A1234567" not in value


@pytest.mark.parametrize(
    "tamper",
    [
        lambda v: v[:-1] + bytes([v[-1] ^ 1]),  # MAC flipped
        lambda v: v[:3] + bytes([v[3] ^ 1]) + v[4:],  # version changed
        lambda v: v[:10],  # truncated
        lambda v: b"",
        lambda v: b"garbage" * 10,
    ],
)
def test_tampered_values_do_not_open(tamper) -> None:  # type: ignore[no-untyped-def]
    sealer = EntrySealer(SECRET, "cfg")
    key = sealer.key(QUERY)
    assert sealer.open_entry(key, tamper(sealer.seal(key, ENTRY))) is None


def test_a_value_moved_to_another_key_does_not_open() -> None:
    sealer = EntrySealer(SECRET, "cfg")
    key = sealer.key(QUERY)
    other = sealer.key(TravellerQuery(document=None, surname="AL RASHID"))
    assert sealer.open_entry(other, sealer.seal(key, ENTRY)) is None


def test_a_value_opened_before_is_remembered_only_for_its_own_key_and_bytes() -> None:
    sealer = EntrySealer(SECRET, "cfg")
    key = sealer.key(QUERY)
    value = sealer.seal(key, ENTRY)
    for _ in range(2):  # the second time from what was remembered
        assert sealer.open_entry(key, value) == ENTRY
    other = sealer.key(TravellerQuery(document=None, surname="AL RASHID"))
    assert sealer.open_entry(other, value) is None
    assert sealer.open_entry(key, value[:-1] + bytes([value[-1] ^ 1])) is None
    assert sealer.open_entry(key, value) == ENTRY


def test_opened_values_are_forgotten_oldest_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cache.entry._MAX_OPENED", 3)
    sealer = EntrySealer(SECRET, "cfg")
    keys = [sealer.key(TravellerQuery(document=None, surname=f"P{n}")) for n in range(5)]
    for key in keys:
        assert sealer.open_entry(key, sealer.seal(key, ENTRY)) == ENTRY
    assert [key for key, _ in sealer._opened] == keys[2:]


def test_a_value_sealed_with_another_secret_does_not_open() -> None:
    key = EntrySealer(SECRET, "cfg").key(QUERY)
    forged = EntrySealer(b"y" * 32, "cfg").seal(key, ENTRY)
    assert EntrySealer(SECRET, "cfg").open_entry(key, forged) is None


def test_short_secret_is_refused() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        EntrySealer(b"short", "cfg")


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_local_tier_expires_entries_after_ttl() -> None:
    clock = FakeClock()
    tier = LocalTier(10, ttl_s=5, clock=clock)
    tier.put(b"a", ENTRY)
    clock.now = 4.9
    assert tier.get(b"a") == ENTRY
    clock.now = 5.0
    assert tier.get(b"a") is None
    assert len(tier) == 0


def test_local_tier_drops_expired_entries_as_new_ones_come() -> None:
    clock = FakeClock()
    tier = LocalTier(100, ttl_s=5, clock=clock)
    for key in (b"a", b"b", b"c", b"d"):
        tier.put(key, ENTRY)
    clock.now = 3.0
    tier.put(b"e", ENTRY)  # expires at 8
    clock.now = 6.0  # a-d have expired, never to be looked up again
    tier.put(b"f", ENTRY)
    tier.put(b"g", ENTRY)
    assert len(tier) == 3  # e, f and g: only live entries left
    assert tier.get(b"e") == ENTRY
    assert tier.get(b"f") == ENTRY
    assert tier.get(b"g") == ENTRY


def test_local_tier_evicts_least_recently_used() -> None:
    tier = LocalTier(2, ttl_s=60, clock=FakeClock())
    tier.put(b"a", ENTRY)
    tier.put(b"b", ENTRY)
    assert tier.get(b"a") == ENTRY  # a is now the most recent
    tier.put(b"c", ENTRY)
    assert tier.get(b"b") is None
    assert tier.get(b"a") == ENTRY
    assert tier.get(b"c") == ENTRY


def test_local_tier_of_size_zero_keeps_nothing() -> None:
    tier = LocalTier(0, ttl_s=60)
    tier.put(b"a", ENTRY)
    assert tier.get(b"a") is None
