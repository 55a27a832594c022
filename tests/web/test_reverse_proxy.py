"""`acupressure serve` behind a real nginx with TLS (a throwaway certificate), on loopback.

The deployment of docs/deployment.md: nginx terminates TLS and forwards to waitress, which
trusts X-Forwarded-* from the proxy (ACUPRESSURE_BEHIND_PROXY=1). Over https: no redirect
loop, HSTS is sent, cookies are Secure, CSRF (with its https Referer check) works; plain
http through the proxy is redirected to https. Debian's nginx is installed by scripts/test.sh.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.web.server import Served, start_server

pytestmark = pytest.mark.slow
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

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
        }
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
