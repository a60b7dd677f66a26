"""Store tests: the contract both engines share, and engine-specific behaviour."""
