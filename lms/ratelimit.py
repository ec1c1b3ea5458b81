"""The client's address, and the counters the project's own rate limits keep in the shared cache.

Every limiter asks `client_ip` for the address it counts: allauth's login and sign-up limits (through
lms.adapters.AccountAdapter.get_client_ip), certificate verification, webinar registration, join
codes and shared-phone PINs. Behind nginx every request comes from nginx's address; the real client
is in the X-Forwarded-For (or X-Real-IP) header nginx sets. Such a header is believed only from a
peer listed in TRUSTED_PROXIES: anyone else could write any address in it and escape every limit.
"""

from __future__ import annotations

import functools
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@functools.lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies if proxy.strip())


def _address(text: str) -> Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def client_ip(request) -> str:
    """The address of the client that sent `request`.

    REMOTE_ADDR, unless that peer is one of TRUSTED_PROXIES (addresses or networks): then the address
    the proxy received the request from, read from X-Forwarded-For right to left past any further
    trusted proxy (X-Real-IP when there is no X-Forwarded-For). Entries written by the client itself,
    to the left, are never believed; an entry that is not an address ends the walk at the last
    trusted hop.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    address = _address(remote)
    trusted = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if address is None or not trusted:
        return remote

    def is_trusted(candidate: Address) -> bool:
        return any(candidate in network for network in trusted)

    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop for hop in forwarded.split(",") if hop.strip()] if forwarded else []
    if not hops and request.META.get("HTTP_X_REAL_IP"):
        hops = [request.META["HTTP_X_REAL_IP"]]
    while is_trusted(address) and hops:
        previous = _address(hops.pop())
        if previous is None:
            break
        address = previous
    return str(address)


def _key(scope: str, subject: str) -> str:
    return f"ratelimit:{scope}:{subject}"


def _expired(key: str, period: int, now: float) -> bool:
    # The window's start is kept beside the counter, so that it ends by this process's clock (the
    # cache's own expiry is the backstop that frees the memory).
    started = cache.get(f"{key}:start")
    return started is None or now - started >= period


def hit(*, scope: str, subject: str, period: int) -> int:
    """Count one event of `scope` for `subject` (an address, an account, a device); return how many
    there were in the window, which starts at the first event and lasts `period` seconds."""
    key = _key(scope, subject)
    now = time.time()
    if _expired(key, period, now):
        cache.delete(key)
        cache.set(f"{key}:start", now, timeout=period)
    cache.add(key, 0, timeout=period)
    try:
        return cache.incr(key)
    except ValueError:  # the window ended between add and incr: this event starts a new one
        cache.set(key, 1, timeout=period)
        return 1


def count(*, scope: str, subject: str, period: int) -> int:
    """How many events of `scope` for `subject` the current window of `period` seconds holds,
    without counting one."""
    key = _key(scope, subject)
    return 0 if _expired(key, period, time.time()) else cache.get(key, 0)


def exceeded(*, scope: str, subject: str, limit: int, period: int) -> bool:
    """Count one event and say whether it is beyond `limit` events per window of `period` seconds."""
    return hit(scope=scope, subject=subject, period=period) > limit
