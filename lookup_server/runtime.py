"""Process-level tuning for latency: garbage collector settings.

A server holds hundreds of thousands of long-lived objects (decoded notices, cached name
tokens and similarities). CPython's cyclic garbage collector walks all of them in every
full collection, which stalls the event loop for 100-700 ms with 50,000 notices loaded:
a booth waits that long for an answer that takes 5 ms to compute. So, once the server
is built and warmed up, everything alive is moved out of the collector's sight
(``gc.freeze``) and collections are made rarer. Reference counting still frees almost
everything at once; only reference cycles wait longer.
"""

from __future__ import annotations

import gc

#: Allocations between young collections (CPython's default is 700).
YOUNG_THRESHOLD = 50_000
#: Young collections between middle ones, middle between full ones.
MIDDLE_THRESHOLD = 20
OLD_THRESHOLD = 100


def settle_heap() -> None:
    """Collect once, then exempt every object alive now from future collections."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, MIDDLE_THRESHOLD, OLD_THRESHOLD)
