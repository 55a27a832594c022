"""A Web Push service on loopback, as a test double: it checks each request as a push service
would (the VAPID signature, RFC 8292) and decrypts the payload as the browser would (RFC 8291,
with the subscription's private key), keeping what it received."""

from __future__ import annotations

import base64
import json
import os
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import http_ece
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Device:
    """A browser's subscription: its private key stays here, the server gets the public."""

    endpoint: str
    key: ec.EllipticCurvePrivateKey = field(
        default_factory=lambda: ec.generate_private_key(ec.SECP256R1())
    )
    auth: bytes = field(default_factory=lambda: os.urandom(16))

    def subscription(self) -> dict[str, Any]:
        public = self.key.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
        return {"endpoint": self.endpoint, "keys": {"p256dh": b64(public), "auth": b64(self.auth)}}


@dataclass
class Received:
    path: str
    topic: str
    ttl: str
    payload: dict[str, Any]
    claims: dict[str, Any]
    at: float = field(default_factory=time.time)  # when it arrived (wall clock)


class PushService:
    def __init__(self) -> None:
        self.devices: dict[str, Device] = {}
        self.received: list[Received] = []
        self.refused: list[str] = []
        self.gone: set[str] = set()
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> PushService:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def device(self, name: str) -> Device:
        made = Device(f"{self.origin}/push/{name}")
        self.devices[f"/push/{name}"] = made
        return made

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        service = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as push services do

            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status = service.accept(self.path, dict(self.headers), body)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        return Handler

    def accept(self, path: str, headers: dict[str, str], body: bytes) -> int:
        if path in self.gone:
            return 410
        device = self.devices.get(path)
        if device is None:
            return 404
        try:
            claims = verify_vapid(_header(headers, "Authorization"), self.origin)
            plain = http_ece.decrypt(
                body, private_key=device.key, auth_secret=device.auth, version="aes128gcm"
            )
        except (ValueError, InvalidSignature) as exc:
            with self.lock:
                self.refused.append(f"{path}: {exc}")
            return 403
        with self.lock:
            self.received.append(
                Received(
                    path,
                    _header(headers, "Topic"),
                    _header(headers, "TTL"),
                    json.loads(plain),
                    claims,
                )
            )
        return 201


def verify_vapid(authorization: str, audience: str) -> dict[str, Any]:
    """The `vapid t=<JWT>, k=<public key>` header: an ES256 JWT for this service, unexpired."""
    if not authorization.startswith("vapid "):
        raise ValueError("no VAPID authorization")
    parts = dict(p.strip().split("=", 1) for p in authorization[6:].split(","))
    token, key = parts["t"], parts["k"]
    header, claims, signature = token.split(".")
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64(key))
    raw = unb64(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    public.verify(der, f"{header}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))
    data: dict[str, Any] = json.loads(unb64(claims))
    if json.loads(unb64(header)).get("alg") != "ES256":
        raise ValueError("not ES256")
    if data.get("aud") != audience:
        raise ValueError(f"audience {data.get('aud')!r} is not {audience!r}")
    if int(data.get("exp", 0)) < time.time() or int(data["exp"]) > time.time() + 86400:
        raise ValueError("expired or too long")
    if not str(data.get("sub", "")).startswith(("mailto:", "https:")):
        raise ValueError("no contact")
    data["k"] = key
    return data


def _header(headers: dict[str, str], name: str) -> str:
    return next((v for k, v in headers.items() if k.lower() == name.lower()), "")
