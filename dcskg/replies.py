"""Slow replies of `dcskg serve` kept in the server's memory, for the same question asked of the
same store generation again (issue 27).

The query page sends a named query's text to the endpoint on every click, and a listing that
sorts every row of a national store (`document_links`: 12 s at 10,000 plans) was sorted again for
each analyst and each click. A generation is never changed once it is current (a build writes a
new one), so a reply stays true while its generation is the one served: the key holds the
database's path, which a rebuild changes. Only replies that took `WORTH_KEEPING_S` or longer are
kept, the least recently asked dropped first beyond `LIMIT_BYTES`.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from queries.answer_cache import WORTH_KEEPING_S  # one threshold for the server and the CLI

LIMIT_BYTES = 256 * 1024 * 1024
# (database path, query text, Accept header, explicit format, row cap)
Key = tuple[str, str, str, "str | None", int]
Reply = tuple[str, bytes, bool]  # content type, body, whether rows were cut at the cap


class Replies:
    """Replies by key, the least recently asked dropped first beyond `limit` bytes of bodies."""

    def __init__(self, limit: int = LIMIT_BYTES):
        self.limit = limit
        self._kept: OrderedDict[Key, Reply] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Key) -> Reply | None:
        with self._lock:
            reply = self._kept.get(key)
            if reply is not None:
                self._kept.move_to_end(key)
            return reply

    def put(self, key: Key, reply: Reply, took_s: float) -> None:
        """Keep a reply that took `took_s` seconds to give, if it was slow enough to be worth it."""
        size = len(reply[1])
        if took_s < WORTH_KEEPING_S or not self.limit or size > self.limit // 4:
            return  # quick to give again, none kept, or one reply would push out every other
        with self._lock:
            if key in self._kept:
                return
            self._kept[key] = reply
            self._size += size
            while self._size > self.limit:
                _, dropped = self._kept.popitem(last=False)
                self._size -= len(dropped[1])
