"""Security headers: a strict Content-Security-Policy and Secure cookies over https."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

# Only the live camera page (camera.views.live) sends this one: MediaPipe's hand and pose
# models run as WebAssembly, and compiling wasm needs 'wasm-unsafe-eval' (it allows
# WebAssembly.compile/instantiate only, not JavaScript eval). The wasm and its loader are
# served from 'self'; the solution needs no worker and no blob: URL, so nothing else changes.
CSP_WITH_WASM = CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", 1)

PERMISSIONS = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    """Adds the CSP and Permissions-Policy headers; marks cookies Secure on https requests."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS)
        if request.is_secure():
            for morsel in response.cookies.values():
                morsel["secure"] = True
        return response
