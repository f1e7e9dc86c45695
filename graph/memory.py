"""Pausing Python's cyclic garbage collector while a large, long-lived structure is made or walked."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["no_cycle_collection"]


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """No cyclic garbage collection inside the block; the collector's state before it is restored after.

    Building a snapshot, reading one into an ``OrgGraph`` or planning a sync allocates millions of small
    objects that live on and form almost no reference cycles: every collection pass walks the whole
    growing heap (an old graph too) and frees next to nothing, which cost 20-40% of those steps' CPU at
    10k roles. Reference counting still frees everything else at once, and the collector, enabled again
    afterwards, the few cycles made meanwhile.

    Examples
    --------
    >>> import gc
    >>> with no_cycle_collection():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
