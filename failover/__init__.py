"""Failover across the PostgreSQL primary, its replicas and the local copy.

Not implemented yet: the service talks to one store.
"""
