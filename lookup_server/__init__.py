"""notice-lookup: border-control checks against notices and lost/stolen travel documents."""

__version__ = "0.1.0"
