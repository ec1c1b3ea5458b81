"""Signing keys survive rotation, backups and restores; the command-line check tells the whole truth."""

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from certificates import services, signing, verification
from certificates.models import Certificate
from lms import backups
from tests.factories import ACCENTED_NAME, CertificateFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks", "english")]


@pytest.fixture
def key_file(settings, tmp_path):
    """The key lives in a file (the embedded default), as on a platform that rotates its keys."""
    settings.CERTIFICATE_SIGNING_KEY = ""
    settings.CERTIFICATE_RETIRED_KEYS = ""
    settings.CERTIFICATE_SIGNING_KEY_FILE = tmp_path / "var" / "certificate-signing.key"
    assert signing.ensure_key_file()
    return settings.CERTIFICATE_SIGNING_KEY_FILE


def _published_keys(client, tmp_path):
    """The platform's key set, saved to a file as a verifier would download it."""
    path = tmp_path / "keys.json"
    path.write_text(json.dumps(client.get("/.well-known/certificate-keys.json").json()))
    return str(path)


def test_after_a_rotation_old_and_new_certificates_verify_online_and_offline(key_file, client, tmp_path, settings):
    old = CertificateFactory(name="Aïssatou Ɓah")
    call_command("certificate_keys", rotate=True)
    new = CertificateFactory(name="Mamadou Diallo")
    assert old.key_id != new.key_id
    published = client.get("/.well-known/certificate-keys.json").json()["keys"]
    assert [key["kid"] for key in published] == [new.key_id, old.key_id]  # current first, then retired
    keys_file = _published_keys(client, tmp_path)
    settings.CERTIFICATE_SIGNING_KEY_FILE = tmp_path / "nowhere.key"  # a verifier has only the public keys
    for certificate in (old, new):
        url = services.verification_url(certificate)
        assert json.loads(signing.b64url_decode(url.split("#")[1].rsplit(".", 1)[0]))["kid"] == certificate.key_id
        assert verification.check_offline(url, public_key_file=keys_file).ok
        assert verification.check_online(certificate.code).ok
    settings.CERTIFICATE_SIGNING_KEY_FILE = key_file
    for certificate in (old, new):
        assert verification.check_offline(services.verification_url(certificate)).ok


def test_a_certificate_signed_before_keys_had_ids_still_verifies_after_a_rotation(key_file, client, tmp_path):
    certificate = CertificateFactory()
    Certificate.objects.filter(pk=certificate.pk).update(key_id="")
    certificate.refresh_from_db()
    certificate.signature = signing.sign(signing.canonical(services.signed_data(certificate)))  # version 1 data
    certificate.save(update_fields=["signature"])
    call_command("certificate_keys", rotate=True)
    url = services.verification_url(certificate)
    assert "kid" not in json.loads(signing.b64url_decode(url.split("#")[1].rsplit(".", 1)[0]))
    assert verification.check_offline(url, public_key_file=_published_keys(client, tmp_path)).ok


def test_a_signature_by_an_unknown_key_is_refused(key_file, client, tmp_path, settings):
    certificate = CertificateFactory()
    keys_file = _published_keys(client, tmp_path)
    settings.CERTIFICATE_SIGNING_KEY_FILE = tmp_path / "other.key"
    signing.ensure_key_file()
    forged = CertificateFactory()  # signed by another platform's key
    assert verification.check_offline(services.verification_url(certificate), public_key_file=keys_file).ok
    assert not verification.check_offline(services.verification_url(forged), public_key_file=keys_file).ok


def test_no_new_key_is_made_silently_once_certificates_exist(key_file):
    CertificateFactory()
    key_file.unlink()
    with pytest.raises(CommandError, match="Restore it from the backup"):
        call_command("certificate_keys")
    assert not key_file.exists()


def test_a_backup_keeps_the_key_and_a_restore_puts_it_back(key_file, tmp_path, settings):
    key = key_file.read_bytes()
    backup = tmp_path / "backup"
    backup.mkdir()
    assert backups._backup_signing_key(backup) == backups.SIGNING_KEY_FILE
    assert (backup / backups.SIGNING_KEY_FILE).read_bytes() == key
    assert oct((backup / backups.SIGNING_KEY_FILE).stat().st_mode & 0o777) == "0o600"
    key_file.unlink()
    backups._restore_signing_key(backup, {"signing_key": backups.SIGNING_KEY_FILE})
    assert key_file.read_bytes() == key
    key_file.write_text(signing.generate_private_key_text())
    with pytest.raises(backups.BackupError, match="different certificate signing key"):
        backups._restore_signing_key(backup, {"signing_key": backups.SIGNING_KEY_FILE})


# --- verify_certificate tells the whole truth ---------------------------------------------------


def test_the_command_shows_the_kind_so_an_edited_heading_is_caught(capsys):
    certificate = CertificateFactory()
    Certificate.objects.filter(pk=certificate.pk).update(kind="participation")
    certificate.refresh_from_db()
    certificate.signature = signing.sign(signing.canonical(services.signed_data(certificate)))
    certificate.save(update_fields=["signature"])
    call_command("verify_certificate", services.verification_url(certificate), offline=True)
    assert "Certificate: Participation certificate" in capsys.readouterr().out
    call_command("verify_certificate", certificate.code)
    assert "Certificate: Participation certificate" in capsys.readouterr().out


def test_offline_an_expired_certificate_is_genuine_but_fails(capsys):
    certificate = CertificateFactory(validity_months=12)
    url = services.verification_url(certificate)
    result = verification.check_offline(url, today=timezone.localdate() + timedelta(days=400))
    assert not result.ok and "expired" in result.summary
    assert any("Revocation cannot be known offline" in line for line in result.lines)
    assert verification.check_offline(url).ok


def test_online_a_revoked_or_expired_certificate_exits_with_an_error(capsys):
    certificate = CertificateFactory()
    services.certificate_revoke(certificate_id=certificate.pk, reason="erreur", actor=None)
    with pytest.raises(CommandError, match="Not valid: Revoked"):
        call_command("verify_certificate", certificate.code)
    assert "Status: Revoked" in capsys.readouterr().out
    expired = CertificateFactory()
    yesterday = timezone.now() - timedelta(days=1)
    Certificate.objects.filter(pk=expired.pk).update(expires_at=yesterday)
    with pytest.raises(CommandError, match="Not valid: Expired"):
        call_command("verify_certificate", expired.code)
    out = capsys.readouterr().out
    assert "Status: Expired" in out and f"Valid until: {timezone.localtime(yesterday).day} " in out, out


def test_offline_with_the_public_key_alone_and_no_private_key(client, tmp_path, settings, capsys):
    certificate = CertificateFactory()
    keys_file = _published_keys(client, tmp_path)
    settings.CERTIFICATE_SIGNING_KEY = ""
    settings.CERTIFICATE_SIGNING_KEY_FILE = tmp_path / "absent.key"
    call_command("verify_certificate", services.verification_url(certificate), offline=True, public_key=keys_file)
    assert ACCENTED_NAME in capsys.readouterr().out
    with pytest.raises(CommandError, match="No public key"):
        call_command("verify_certificate", services.verification_url(certificate), offline=True)


def test_every_line_is_in_the_readers_language(capsys):
    certificate = CertificateFactory()
    with translation.override("fr"):
        call_command("verify_certificate", certificate.code)
    out = capsys.readouterr().out
    assert "Statut\u00a0: Valide" in out or "Statut\u202f: Valide" in out, out
    assert "Attestation de réussite" in out and "Status" not in out and "valid\n" not in out


def test_a_backup_keeps_the_pdf_signing_pair_and_a_restore_puts_it_back(tmp_path, settings):
    settings.CERTIFICATE_PDF_SIGNING_CERT = tmp_path / "var" / "pdf.crt"
    settings.CERTIFICATE_PDF_SIGNING_KEY = tmp_path / "var" / "pdf.key"
    settings.CERTIFICATE_PDF_SIGNING_CERT.parent.mkdir()
    settings.CERTIFICATE_PDF_SIGNING_CERT.write_text("certificate")
    settings.CERTIFICATE_PDF_SIGNING_KEY.write_text("key")
    backup = tmp_path / "backup"
    backup.mkdir()
    names = backups._backup_pdf_signing(backup)
    assert sorted(names) == ["certificate-pdf-signing.crt", "certificate-pdf-signing.key"]
    settings.CERTIFICATE_PDF_SIGNING_CERT.unlink()
    settings.CERTIFICATE_PDF_SIGNING_KEY.unlink()
    backups._restore_pdf_signing(backup, {"pdf_signing": names})
    assert settings.CERTIFICATE_PDF_SIGNING_CERT.read_text() == "certificate"
    assert settings.CERTIFICATE_PDF_SIGNING_KEY.read_text() == "key"


def _command_in_a_new_process(*arguments, tmp_path) -> subprocess.CompletedProcess:
    """manage.py verify_certificate as a verifier runs it: its own process, no private key at all."""
    env = {key: value for key, value in os.environ.items() if key != "CERTIFICATE_SIGNING_KEY"}
    env["CERTIFICATE_SIGNING_KEY_FILE"] = str(tmp_path / "no-such.key")
    return subprocess.run(  # noqa: S603 - our own interpreter and command
        [sys.executable, "manage.py", "verify_certificate", "--skip-checks", *arguments],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )


def test_offline_in_its_own_process_exit_0_when_valid_1_when_expired(client, tmp_path):
    """The exit codes the help promises, read from a real process with the public key set alone."""
    valid = CertificateFactory(validity_months=24)
    expired = CertificateFactory(name="Awa Camara", validity_months=12)
    Certificate.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(days=2))
    expired.refresh_from_db()
    expired.signature = signing.sign(signing.canonical(services.signed_data(expired)))
    expired.save(update_fields=["signature"])
    keys = _published_keys(client, tmp_path)

    done = _command_in_a_new_process(
        services.verification_url(valid), "--offline", "--public-key", keys, tmp_path=tmp_path
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Attestation de réussite" in done.stdout and "Valable jusqu" in done.stdout  # kind and expiry, in French
    assert "Une révocation ne peut pas être connue hors ligne" in done.stdout
    assert "Traceback" not in done.stderr

    done = _command_in_a_new_process(
        services.verification_url(expired), "--offline", "--public-key", keys, tmp_path=tmp_path
    )
    assert done.returncode == 1 and "expir" in done.stderr.lower(), done.stdout + done.stderr
    assert "Traceback" not in done.stderr
