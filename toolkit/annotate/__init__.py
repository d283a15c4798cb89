"""Annotators: pure functions ``f(articles, *, options) -> DataFrame``.

Each takes any frame with ``doc_id`` and ``text`` (and ``published`` where
dates matter) and returns one row per thing found, with ``start``/``end``
offsets into ``text``. They hold no global state, so they run the same on a
chunk, in a worker process or on a Dask partition.
"""
