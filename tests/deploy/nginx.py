"""Debian's nginx with the shipped site (deploy/nginx/lms.conf), filled in as operators do, for the tests
that put it in front of gunicorn (tests/deploy/test_nginx.py, tests/faults/test_two_web_nodes.py)."""

from __future__ import annotations

import datetime
import ipaddress
import os
import re
import subprocess
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
SITE = BASE_DIR / "deploy" / "nginx" / "lms.conf"
NGINX = "/usr/sbin/nginx"
LOGS = BASE_DIR / "test-results" / "nginx"


def nginx_or_skip() -> str:
    if not os.access(NGINX, os.X_OK):
        pytest.skip(f"no {NGINX}: install the Debian package `nginx` (make test does)")
    return NGINX


def fill_in(template: str, values: dict[str, str]) -> str:
    """What `envsubst` does with the documented command: replace each ${LMS_…}; all must be given."""
    wanted = set(re.findall(r"\$\{(LMS_[A-Z_]+)\}", template))
    assert wanted <= set(values), f"no value for {sorted(wanted - set(values))}"
    return re.sub(r"\$\{(LMS_[A-Z_]+)\}", lambda match: values[match.group(1)], template)


def _self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "tls.crt", folder / "tls.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def start_nginx(binary: str, conf: Path, values: dict[str, str]) -> tuple[subprocess.Popen, Path]:
    """nginx with the shipped site filled in with `values` (the TLS pair is made here) and every file
    of its own in `conf`; returns the process and the certificate clients must trust."""
    conf.mkdir(exist_ok=True, mode=0o755)
    LOGS.mkdir(parents=True, exist_ok=True)
    cert, key = _self_signed_certificate(conf)
    values = {"LMS_TLS_CERTIFICATE": str(cert), "LMS_TLS_CERTIFICATE_KEY": str(key), **values}
    (conf / "lms.conf").write_text(fill_in(SITE.read_text(), values))
    # The rest of Debian's /etc/nginx/nginx.conf that matters here, with every file in our folder.
    (conf / "nginx.conf").write_text(
        f"""
        pid {conf}/nginx.pid;
        worker_processes 1;
        events {{ worker_connections 64; }}
        http {{
            include /etc/nginx/mime.types;
            default_type application/octet-stream;
            sendfile on;
            gzip on;
            access_log {LOGS}/access.log;
            client_body_temp_path {conf}/body;
            proxy_temp_path {conf}/proxy;
            fastcgi_temp_path {conf}/fastcgi;
            uwsgi_temp_path {conf}/uwsgi;
            scgi_temp_path {conf}/scgi;
            include {conf}/lms.conf;
        }}
        """
    )
    process = subprocess.Popen(  # noqa: S603 - Debian's nginx and our arguments
        [binary, "-p", str(conf), "-c", str(conf / "nginx.conf"), "-e", str(LOGS / "error.log"), "-g", "daemon off;"],
        stdout=(LOGS / "nginx.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    return process, cert
