"""`acupressure serve` behind a real nginx with TLS (a throwaway certificate), on loopback.

The deployment of docs/deployment.md: nginx terminates TLS and forwards to the server the
README starts (gunicorn workers on Linux), which trusts X-Forwarded-* from the proxy
(ACUPRESSURE_BEHIND_PROXY=1). Over https: no redirect loop, HSTS is sent, cookies are Secure,
CSRF (with its https Referer check) works; plain http through the proxy is redirected to
https. Visitors from two addresses (127.0.0.2 and 127.0.0.3, all of loopback on Linux) are
told apart through the proxy: the sign-in lock-out and the camera's limit are per client.
Debian's nginx is installed by scripts/test.sh.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from tests.web.server import Served, start_server

from acupressure.cli.serve import can_fork

pytestmark = pytest.mark.slow
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
WORKERS = 2  # gunicorn, as `serve` runs on Linux; each worker keeps its own camera counts
LANDMARKS_PER_MINUTE = 3

CONFIG = """
daemon off;
master_process off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{https_port} ssl;
        listen 127.0.0.1:{http_port};
        server_name localhost;
        ssl_certificate {tmp}/cert.pem;
        ssl_certificate_key {tmp}/key.pem;
        location / {{
            proxy_pass {upstream};
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
    }}
}}
"""


@dataclass
class Proxied:
    https: str  # https://localhost:PORT
    http: str  # http://localhost:PORT (the same proxy, without TLS)
    cert: Path
    served: Served


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _certificate(folder: Path) -> None:
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem"),
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip


def _wait_for(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("nginx stopped:\n" + log.read_text())
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("nginx did not listen:\n" + log.read_text())


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxied]:
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed (scripts/test.sh installs Debian's nginx as root)")
    tmp = tmp_path_factory.mktemp("nginx")
    _certificate(tmp)
    https_port, http_port = _free_port(), _free_port()
    served = start_server(
        extra_env={
            "ACUPRESSURE_BEHIND_PROXY": "1",
            "ACUPRESSURE_HTTPS": "1",
            "ACUPRESSURE_SSL_REDIRECT": "1",
            "ACUPRESSURE_HSTS_SECONDS": "3600",
            "ACUPRESSURE_ALLOWED_HOSTS": "localhost,127.0.0.1",
            "ACUPRESSURE_LANDMARKS_PER_MINUTE": str(LANDMARKS_PER_MINUTE),
        },
        args=("--workers", str(WORKERS)),
    )
    config = tmp / "nginx.conf"
    config.write_text(
        CONFIG.format(tmp=tmp, https_port=https_port, http_port=http_port, upstream=served.base)
    )
    nginx = subprocess.Popen([NGINX, "-c", str(config), "-p", str(tmp)], stderr=subprocess.PIPE)
    try:
        _wait_for(https_port, nginx, tmp / "error.log")
        yield Proxied(
            f"https://localhost:{https_port}",
            f"http://localhost:{http_port}",
            tmp / "cert.pem",
            served,
        )
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        if nginx.stderr is not None:
            nginx.stderr.close()
        served.stop()


def test_https_through_the_proxy_answers_with_hsts_and_no_redirect_loop(proxied: Proxied) -> None:
    import requests

    answer = requests.get(proxied.https + "/points/", verify=proxied.cert, timeout=30)
    assert answer.status_code == 200 and answer.history == []  # no redirect, let alone a loop
    assert answer.headers["Strict-Transport-Security"] == "max-age=3600"


def test_plain_http_through_the_proxy_is_sent_to_https(proxied: Proxied) -> None:
    import requests

    answer = requests.get(proxied.http + "/points/", allow_redirects=False, timeout=30)
    assert answer.status_code == 301
    location = answer.headers["Location"]  # the same host and path, on https
    assert location.startswith("https://localhost:") and location.endswith("/points/")


def test_sign_in_and_a_form_work_over_https_with_csrf(proxied: Proxied) -> None:
    import re

    import requests

    http = requests.Session()
    http.trust_env = False  # REQUESTS_CA_BUNDLE would replace the throwaway certificate
    http.verify = str(proxied.cert)
    link = proxied.served.signin_link.replace(proxied.served.base, proxied.https)
    page = http.get(link, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert page.status_code == 200 and token
    csrf_cookie = next(c for c in http.cookies if c.name == "csrftoken")
    assert csrf_cookie.secure
    # the https Referer check: a form posted from another site is refused
    forged = http.post(
        link,
        data={"csrfmiddlewaretoken": token.group(1)},
        headers={"Referer": "https://evil.example/"},
        allow_redirects=False,
        timeout=30,
    )
    assert forged.status_code == 403
    signed = http.post(
        link,
        data={"csrfmiddlewaretoken": token.group(1)},
        headers={"Referer": link},
        allow_redirects=False,
        timeout=30,
    )
    assert signed.status_code == 302
    session_cookie = next(c for c in http.cookies if c.name == "sessionid")
    assert session_cookie.secure
    diary = http.get(proxied.https + "/diary/", timeout=30)
    assert diary.status_code == 200 and diary.history == []
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', diary.text)
    assert token
    saved = http.post(
        proxied.https + "/diary/checkin/",
        data={"csrfmiddlewaretoken": token.group(1), "area": "neck", "pain": "4"},
        headers={"Referer": proxied.https + "/diary/"},
        allow_redirects=False,
        timeout=30,
    )
    assert saved.status_code == 302 and saved.headers["Location"] == "/diary/"


def _visitor(proxied: Proxied, address: str) -> Any:
    """A requests session whose connections to the proxy come from ``address``."""
    import requests
    from requests.adapters import HTTPAdapter

    class FromAddress(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            kwargs["source_address"] = (address, 0)
            super().init_poolmanager(*args, **kwargs)

    http = requests.Session()
    http.trust_env = False
    http.verify = str(proxied.cert)
    http.mount("https://", FromAddress())
    return http


def _create_user(served: Served, username: str, password: str) -> None:
    """An account with a password in the served database (as an administrator would add)."""
    code = (
        "import django; django.setup(); from django.contrib.auth.models import User; "
        f"User.objects.create_user({username!r}, password={password!r})"
    )
    env = {
        **os.environ,
        "ACUPRESSURE_DATA_DIR": str(served.data_dir),
        "DJANGO_SETTINGS_MODULE": "acupressure.web.settings",
    }
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)


def _sign_in(http: Any, base: str, username: str, password: str, **headers: str) -> int:
    page = http.get(base + "/signin/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert page.status_code == 200 and token, page.text[:300]
    answer = http.post(
        base + "/signin/",
        data={"csrfmiddlewaretoken": token.group(1), "username": username, "password": password},
        headers={"Referer": base + "/signin/", **headers},
        allow_redirects=False,
        timeout=30,
    )
    return int(answer.status_code)


def test_the_server_behind_the_proxy_is_gunicorn() -> None:
    assert can_fork()  # `serve` chooses gunicorn where it can fork (Linux, macOS)


def test_ten_wrong_passwords_lock_out_one_client_and_not_the_other(proxied: Proxied) -> None:
    _create_user(proxied.served, "kim", "another long phrase 7")
    guesser, other = _visitor(proxied, "127.0.0.2"), _visitor(proxied, "127.0.0.3")
    # the guesser claims to be the other client: the proxy appends the real address,
    # and only that last one is believed
    spoofed = {"X-Forwarded-For": "127.0.0.3"}
    statuses = [
        _sign_in(guesser, proxied.https, f"nobody-{n}", "wrong", **spoofed) for n in range(10)
    ]
    assert statuses == [400] * 9 + [429]  # 10 failures from one client: locked out
    assert _sign_in(guesser, proxied.https, "kim", "another long phrase 7") == 429
    assert _sign_in(other, proxied.https, "kim", "another long phrase 7") == 302


def _landmarks(http: Any, base: str) -> int:
    page = http.get(base + "/camera/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert page.status_code == 200 and token
    answer = http.post(
        base + "/api/locate/landmarks",
        json={"width": 640, "height": 480},
        headers={"X-CSRFToken": token.group(1), "Referer": base + "/camera/"},
        timeout=30,
    )
    return int(answer.status_code)


def test_the_camera_limit_is_per_client_through_the_proxy(proxied: Proxied) -> None:
    first, second = _visitor(proxied, "127.0.0.2"), _visitor(proxied, "127.0.0.3")
    # each worker counts on its own, and a new minute starts a new count: at most this many
    # posts before one of them is refused
    bound = 2 * WORKERS * LANDMARKS_PER_MINUTE + 1
    statuses = []
    while len(statuses) < bound and 429 not in statuses:
        statuses.append(_landmarks(first, proxied.https))
    assert statuses[-1] == 429 and set(statuses[:-1]) == {200}
    assert _landmarks(second, proxied.https) == 200
