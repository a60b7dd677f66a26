"""Result cache in front of the store: an in-process tier and Redis, never a stale all-clear.

Not implemented yet: the service runs without a cache.
"""
