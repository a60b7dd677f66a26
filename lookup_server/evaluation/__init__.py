"""Evaluation data for the name matcher: a labelled, seeded set of query/notice pairs.

* :mod:`lookup_server.evaluation.names_data`: curated knowledge of how names are really
  written (romanisation conventions, variants, original scripts) per culture.
* :mod:`lookup_server.evaluation.pairs`: builds the labelled pairs from it
  (:func:`~lookup_server.evaluation.pairs.build_pairs`), splits them into ``tune`` and
  ``test`` and reads and writes them as JSON Lines.

Nothing here reads the matcher: the set describes how names vary at borders, so it can
measure the matcher's recall and precision without being shaped by it.
"""
