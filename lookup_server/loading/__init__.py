"""Loading data files into notice-lookup, and generating synthetic ones.

* :func:`read_notices`: INTERPOL public notices JSON or notice-lookup JSON Lines ->
  :class:`~lookup_server.model.Notice`, lazily.
* :func:`read_documents`: the stolen and lost travel document list (CSV or JSON Lines)
  -> :class:`~lookup_server.model.DocumentRecord`, lazily.
* :func:`lookup_server.loading.generate.generate_dataset`: synthetic notices, documents
  and travellers with expected answers, for tests, benchmarks and demonstrations.

Bad input raises :class:`~lookup_server.errors.LoadError` naming the file, line and
field; ``docs/data-formats.md`` describes every format.
"""

from __future__ import annotations

from lookup_server.loading.documents import read_documents
from lookup_server.loading.notices import read_notices

__all__ = ["read_documents", "read_notices"]
