"""Security headers (static files too), Secure cookies over https, and personal responses
that no cache keeps."""

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


# Sign-out and deleting the diary answer with this: the browser empties the HTTP cache and the
# origin's storage (Cache Storage, IndexedDB, local storage) and unregisters the service
# worker, so the next person at this browser finds nothing of the last one's.
CLEAR_SITE_DATA = '"cache", "storage"'
PRIVATE = "no-store, private"


class SecurityHeadersMiddleware:
    """Adds the CSP, Permissions-Policy and framing headers, to every response, static files
    included (it sits before whitenoise); marks cookies Secure on https requests."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS)
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if request.is_secure():
            for morsel in response.cookies.values():
                morsel["secure"] = True
        return response


class PrivateResponsesMiddleware:
    """Every answer to a signed-in person may hold their data: Cache-Control: no-store, private
    (so neither the browser's cache, a proxy nor the service worker keeps it)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or "Clear-Site-Data" in response:
            response["Cache-Control"] = PRIVATE
        return response
