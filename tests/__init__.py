"""Tests of notice-lookup (a package so that test helpers import as ``tests.<module>``)."""
