"""Throwaway infrastructure for tests and benchmarks (PostgreSQL clusters, free ports)."""
