"""Where a webhook may be sent: public addresses only, unless the operator allows more.

A webhook URL is chosen by the API caller, so without a guard the server would make
requests into its own network on their behalf (cloud metadata endpoints, admin consoles
on loopback). The URL is checked when the job is submitted and again, against freshly
resolved addresses, before every delivery; the delivery then connects to the checked
address itself, so a DNS answer that changes in between cannot redirect it.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: Carrier-grade NAT space: not "private" to the ipaddress module, but never a public host.
_SHARED = ipaddress.ip_network("100.64.0.0/10")
#: Cloud instance metadata services not already covered by link-local or private ranges.
_METADATA = {ipaddress.ip_address("100.100.100.200"), ipaddress.ip_address("fd00:ec2::254")}


class WebhookURLRefused(ValueError):
    """The URL may not receive webhooks; the message says why."""


@dataclass(frozen=True, slots=True)
class WebhookTarget:
    scheme: str
    host: str
    port: int
    path: str
    addresses: tuple[IPAddress, ...]


def is_forbidden(ip: IPAddress) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or ip in _METADATA
        or (isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED)
    )


def check_webhook_url(url: str, *, allow_private: bool, require_https: bool) -> WebhookTarget:
    """Parse and resolve ``url``; raise WebhookURLRefused unless every address is allowed."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise WebhookURLRefused("webhook_url is not a valid URL") from None
    if parts.scheme not in ("http", "https"):
        raise WebhookURLRefused("webhook_url must be an http or https URL")
    if require_https and parts.scheme != "https":
        raise WebhookURLRefused("webhook_url must use https outside development")
    if parts.username or parts.password:
        raise WebhookURLRefused("webhook_url must not carry credentials")
    host = parts.hostname
    if not host:
        raise WebhookURLRefused("webhook_url has no host")
    port = port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise WebhookURLRefused(f"webhook_url host {host!r} does not resolve") from None
    addresses: list[IPAddress] = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not allow_private and is_forbidden(ip):
            raise WebhookURLRefused(
                f"webhook_url resolves to {ip}, a loopback, private, link-local or metadata "
                "address; set BONDMCP_WEBHOOK_ALLOW_PRIVATE=true to allow it"
            )
        if ip not in addresses:
            addresses.append(ip)
    if not addresses:
        raise WebhookURLRefused(f"webhook_url host {host!r} does not resolve")
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return WebhookTarget(parts.scheme, host, port, path, tuple(addresses))
