"""Schakel behind nginx with `deploy/nginx.conf`, as in production: what SwiftNIO's HTTP parser would
drop without an answer (a request line or headers over 80 KB) gets a Dutch 414 or 400 from nginx, and
everything else reaches Schakel (which gives its own 414 for a URL over 8 KB)."""
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def proxy(base_url, tmp_path_factory):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    assert os.path.exists(nginx), "nginx is needed (the test command installs it)"
    folder = tmp_path_factory.mktemp("nginx")
    os.chmod(folder, 0o755)
    upstream = urllib.parse.urlparse(base_url).netloc
    port = free_port()
    with open(os.path.join(ROOT, "deploy", "nginx.conf")) as template:
        config = (template.read().replace("__PREFIX__", str(folder)).replace("__UPSTREAM__", upstream)
                  .replace("__LISTEN__", f"127.0.0.1:{port}"))
    path = folder / "nginx.conf"
    path.write_text(config)
    subprocess.run([nginx, "-t", "-c", str(path), "-p", str(folder)], check=True, capture_output=True)
    subprocess.run([nginx, "-c", str(path), "-p", str(folder)], check=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(50):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=2)
            break
        except OSError:
            time.sleep(0.1)
    yield url
    subprocess.run([nginx, "-c", str(path), "-p", str(folder), "-s", "stop"], check=False)


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, dict(answer.headers), answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_pages_pass_through_with_schakels_own_headers(proxy):
    status, headers, body = fetch(proxy + "/kaart")
    assert status == 200
    assert "Sociale kaart" in body
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers.get("Server") == "nginx"  # no version


def test_a_100_kb_url_gets_a_dutch_414_instead_of_a_closed_connection(proxy):
    status, headers, body = fetch(proxy + "/kaart?q=" + "a" * 100_000)
    assert status == 414
    assert "Dit webadres is te lang" in body and 'lang="nl"' in body
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in headers["Content-Security-Policy"]


def test_a_url_over_8_kb_reaches_schakel_which_answers_414_itself(proxy):
    status, headers, body = fetch(proxy + "/kaart?q=" + "a" * 10_000)
    assert status == 414
    # Schakel's own page: its layout and its policy, not nginx's.
    assert 'href="/app.css"' in body
    assert "script-src 'self'" in headers["Content-Security-Policy"]


def test_headers_over_80_kb_get_a_dutch_400(proxy):
    status, _, body = fetch(proxy + "/", headers={"Cookie": "x=" + "a" * 100_000})
    assert status == 400
    assert "Dit verzoek kan niet worden verwerkt" in body
