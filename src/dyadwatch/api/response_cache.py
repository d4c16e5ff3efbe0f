"""GET /api responses kept per store version, so a repeated request costs no query.

The store cannot change underneath a server (a read-only server holds DuckDB's file lock; the
server's own writes bump ``Database.generation``), and the derived tables carry their own
versions (dyad aggregates, contested groups). A response is therefore valid until one of the
three versions moves, and is kept under them. The cache is bounded in bytes (least recently
used first out), holds only JSON 200 answers under a size limit, and never streams or exports.
Concurrent requests for the same missing key wait for the first one instead of each running
the query.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .db import Database

SKIP = ("/api/export", "/api/health")  # streamed downloads; health reports live counts
MAX_ITEM = 1 << 20  # bytes; larger answers (500-record pages) are not kept


class ResponseCache:
    def __init__(self, app: ASGIApp, db: Database, max_bytes: int) -> None:
        self.app = app
        self.db = db
        self.max_bytes = max_bytes
        self.items: OrderedDict[tuple[Any, ...], tuple[Message, bytes]] = OrderedDict()
        self.size = 0
        self.pending: dict[tuple[Any, ...], asyncio.Future[None]] = {}
        self.hits = 0
        self.misses = 0

    def _key(self, scope: Scope) -> tuple[Any, ...] | None:
        path = scope.get("path", "")
        if (
            self.max_bytes <= 0
            or scope["type"] != "http"
            or scope.get("method") != "GET"
            or not path.startswith("/api/")
            or path.startswith(SKIP)
        ):
            return None
        db = self.db
        version = (db.generation, db.cache_generation, db.contested)
        return (version, path, scope.get("query_string", b""))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self._key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        waiting = self.pending.get(key)
        if waiting is not None:
            await asyncio.shield(waiting)
        if await self._replay(key, send):
            return
        self.misses += 1
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.pending[key] = done
        try:
            await self._fill(key, scope, receive, send)
        finally:
            self.pending.pop(key, None)
            done.set_result(None)

    async def _replay(self, key: tuple[Any, ...], send: Send) -> bool:
        found = self.items.get(key)
        if found is None:
            return False
        self.items.move_to_end(key)
        self.hits += 1
        start, body = found
        await send(start)
        await send({"type": "http.response.body", "body": body, "more_body": False})
        return True

    async def _fill(self, key: tuple[Any, ...], scope: Scope, receive: Receive, send: Send) -> None:
        start: Message | None = None
        chunks: list[bytes] = []
        keep = True

        async def capture(message: Message) -> None:
            nonlocal start, keep
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers") or [])
                ctype = headers.get(b"content-type", b"")
                keep = message["status"] == 200 and ctype.startswith(b"application/json")
                start = message
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                keep = sum(len(c) for c in chunks) <= MAX_ITEM
            await send(message)

        await self.app(scope, receive, capture)
        if keep and start is not None:
            self._store(key, start, b"".join(chunks))

    def _store(self, key: tuple[Any, ...], start: Message, body: bytes) -> None:
        if key[0] != (self.db.generation, self.db.cache_generation, self.db.contested):
            return  # the store moved while this ran: the answer may mix versions
        old = self.items.pop(key, None)
        if old is not None:
            self.size -= len(old[1])
        self.items[key] = (start, body)
        self.size += len(body)
        while self.size > self.max_bytes and self.items:
            _, (_, dropped) = self.items.popitem(last=False)
            self.size -= len(dropped)
