"""The shared cache (Redis in production), degraded instead of failing while Redis is away.

Django's RedisCache raises when Redis is unreachable, and every request reads its session and the
rate limits from the cache: a stopped Redis would stop the whole site. Here a connection error or a
timeout is logged and treated as a cache miss (reads return the default, writes do nothing), so the
site keeps working from the database: sessions are `cached_db`, so they are read from the database
instead. While Redis is away the rate limits that count in the cache do not count.
"""

from __future__ import annotations

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
# Fail fast: a request waits at most this long for a Redis that does not answer.
DEFAULT_OPTIONS = {"socket_connect_timeout": 1.0, "socket_timeout": 2.0}
_LOG_EVERY = 60.0  # seconds between two warnings about the same outage


def _degrading(name: str, fallback):
    """RedisCache's method `name`; while Redis is unreachable, `fallback(*args, **kwargs)` instead."""
    method = getattr(RedisCache, name)

    @functools.wraps(method)
    def degrading(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UNAVAILABLE:
            now = time.monotonic()
            if now - ResilientRedisCache.last_warning > _LOG_EVERY:
                ResilientRedisCache.last_warning = now
                logger.warning("cache unavailable (Redis unreachable) during %s: working without it", name)
            return fallback(*args, **kwargs)

    return degrading


def _get_default(key, default=None, version=None):
    return default


class SharedClientRedisCacheClient(RedisCacheClient):
    """Django's client, with one `redis.Redis` per connection pool instead of a new one for every
    operation (building one fills a table of some 170 reply handlers: a third of a millisecond, twice
    per request for the session and the staff flag). `redis.Redis` is safe to share between threads."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's RedisCache; while Redis is unreachable, a cache that remembers nothing."""

    last_warning = 0.0

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    get = _degrading("get", _get_default)
    get_many = _degrading("get_many", lambda *args, **kwargs: {})
    has_key = _degrading("has_key", lambda *args, **kwargs: False)
    # Writes are lost: the database holds what matters (sessions are cached_db).
    set = _degrading("set", lambda *args, **kwargs: None)
    set_many = _degrading("set_many", lambda data, *args, **kwargs: list(data))
    add = _degrading("add", lambda *args, **kwargs: True)
    touch = _degrading("touch", lambda *args, **kwargs: False)
    delete = _degrading("delete", lambda *args, **kwargs: False)
    delete_many = _degrading("delete_many", lambda *args, **kwargs: None)
    clear = _degrading("clear", lambda *args, **kwargs: False)
    # A counter without its cache counts from zero again: rate limits are lenient during an outage.
    incr = _degrading("incr", lambda key, delta=1, version=None: delta)
