"""Verification: statuses, the public page's content, offline checks, and who may download what."""

import json
import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from certificates import badges, services, signing
from certificates.models import Certificate
from tests.factories import ACCENTED_NAME, CertificateFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks", "english")]

SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "ob_v3p0_achievementcredential_schema.json").read_text())


@pytest.fixture
def certificate():
    return CertificateFactory()


def _month(moment) -> str:
    from django.utils.dateformat import format as date_format

    return date_format(moment, "F")


def _page(client, certificate, **kwargs):
    return client.get(f"/v/{certificate.code}/", **kwargs)


def test_a_valid_certificate_shows_valid_and_only_the_allowed_fields(client, certificate):
    response = _page(client, certificate)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Valid certificate" in html
    assert certificate.title in html and certificate.grouped_code in html
    # The holder appears only as initials; nothing else about them or their results.
    assert ACCENTED_NAME not in html
    for part in ACCENTED_NAME.split():
        assert part not in html
    assert "Ɓ. Ɗ. Ƴ. Ŋ. Ɲ. K. S. F. B." in html
    # Everything the page says in <main>, word for word: nothing about the holder beyond initials,
    # nothing about results, the module's real title or the account.
    main = re.search(r"<main[^>]*>(.*)</main>", html, flags=re.S).group(1)
    text = " ".join(re.sub(r"<[^>]+>", " ", main).split())
    issued = timezone.localtime(certificate.issued_at)
    assert text == (
        f"Check a certificate ✓ Valid certificate Certificate Completion certificate "
        f"Training {certificate.title} Holder Ɓ. Ɗ. Ƴ. Ŋ. Ɲ. K. S. F. B. "
        f"Issued on {issued.day} {issued.strftime('%B')} {issued.year} "
        f"Issuer Programme de sécurité humaine – Guinée Verification code {certificate.grouped_code} "
        "Type the name printed on the certificate to check it matches Check the name"
    ).replace(issued.strftime("%B"), _month(issued))
    assert certificate.enrolment.course.title not in html and certificate.enrolment.user.username not in html
    # Not a word of the site's own name or footer, which name the programme's subject.
    assert "traite" not in html.lower() and "trafficking" not in html.lower()
    assert response["X-Robots-Tag"].startswith("noindex")
    assert '<meta name="robots" content="noindex' in html


def test_typing_the_printed_name_confirms_it_ignoring_accents_and_case(client, certificate):
    folded = "ɓoubacar ɗiallo ƴattara ŋaliya ɲɛlɛn kɔrɔma sekou fatoumata berete-namakoro"
    assert "The name matches" in client.post(f"/v/{certificate.code}/", {"name": folded}).content.decode()
    other = client.post(f"/v/{certificate.code}/", {"name": "Mamadou Diallo"}).content.decode()
    assert "does not match" in other


def test_the_name_check_reads_fula_letters_as_the_latin_letters_people_type(client):
    """ "Boubacar" must match "Ɓoubacar": Ɓ→B, Ɗ→D, Ƴ→Y, Ŋ→N, Ɲ→N, ɛ→e, ɔ→o, accents folded too."""
    certificate = CertificateFactory(name="Ɓoubacar Ɗiallo Ƴattara Ŋaliya Ɲɛlɛn Kɔrɔma Kéïta")
    typed = "Boubacar Diallo Yattara Naliya Nelen Koroma Keita"
    assert "The name matches" in client.post(f"/v/{certificate.code}/", {"name": typed}).content.decode()
    assert "does not match" in client.post(f"/v/{certificate.code}/", {"name": "Boubacar Diallo"}).content.decode()


def test_an_earlier_code_typed_without_its_symbol_finds_the_certificate(client, certificate):
    from certificates import codes

    data = next(
        code[:13] for code in (codes.new_code() for _ in range(10_000)) if codes._legacy_check_symbol(code[:13]) == "*"
    )
    certificate.code = data + "*"
    certificate.save(update_fields=["code"])
    response = client.get("/verify/", {"code": codes.grouped(data)}, follow=True)
    assert "Valid certificate" in response.content.decode()


def test_an_edited_code_is_unknown(client, certificate):
    edited = certificate.code[:3] + ("A" if certificate.code[3] != "A" else "B") + certificate.code[4:]
    response = client.get(f"/v/{edited}/")
    assert "No certificate has this code" in response.content.decode()
    assert "Valid certificate" not in response.content.decode()


def test_a_code_typed_with_mistakes_finds_the_certificate(client, certificate):
    typed = certificate.grouped_code.lower().replace("0", "o").replace("1", "l")
    response = client.get("/verify/", {"code": typed}, follow=True)
    assert "Valid certificate" in response.content.decode()


def test_a_revoked_certificate_shows_the_date_not_the_reason(client, certificate):
    admin = UserFactory(is_staff=True)
    services.certificate_revoke(certificate_id=certificate.pk, reason="Fraude à l'examen", actor=admin)
    html = _page(client, certificate).content.decode()
    assert "Revoked on" in html and "Fraude" not in html
    assert certificate.events.filter(action="revoked", actor=admin, reason="Fraude à l'examen").exists()


def test_an_expired_certificate_shows_expired(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=timezone.now() - timedelta(days=800), expires_at=timezone.now() - timedelta(days=70)
    )
    assert "Expired on" in _page(client, certificate).content.decode()


def test_a_reissue_supersedes_the_old_certificate_with_a_new_code(client, certificate):
    user = certificate.enrolment.user
    user.display_name = "Ɓoubacar Diallo"
    user.save()
    new = services.certificate_reissue(certificate_id=certificate.pk, reason="Nom corrigé")
    certificate.refresh_from_db()
    assert (certificate.status, certificate.superseded_by_id) == ("superseded", new.pk)
    assert new.code != certificate.code and new.holder_name == "Ɓoubacar Diallo"
    assert "Replaced by a corrected certificate" in _page(client, certificate).content.decode()
    assert "Valid certificate" in _page(client, new).content.decode()


def test_verification_is_rate_limited_per_ip_and_unknown_codes_count_too(client, certificate, settings):
    settings.CERTIFICATE_VERIFY_RATE = 3
    for _ in range(3):
        assert client.get("/v/AAAAAAAAAAAAAA/").status_code == 200
    assert _page(client, certificate).status_code == 429


def test_robots_txt_excludes_the_verification_pages(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /v/" in text and "Disallow: /verify/" in text


def test_the_public_key_is_published_and_verifies_the_signature(client, certificate):
    keys = client.get("/.well-known/certificate-keys.json").json()["keys"]
    key = signing.public_key_from_jwk(keys[0])
    data = signing.canonical(services.signed_data(certificate))
    assert signing.verify(key=key, data=data, signature=certificate.signature)


# --- verify_certificate -------------------------------------------------------------------------


def test_verify_certificate_offline_accepts_a_genuine_signed_url(certificate, capsys):
    call_command("verify_certificate", services.verification_url(certificate), offline=True)
    out = capsys.readouterr().out
    assert "Genuine certificate" in out and ACCENTED_NAME in out


def _tampered(url: str, **changes) -> str:
    base, fragment = url.split("#")
    data_b64, signature = fragment.rsplit(".", 1)
    data = json.loads(signing.b64url_decode(data_b64))
    data.update(changes)
    return f"{base}#{signing.b64url(signing.canonical(data))}.{signature}"


def test_verify_certificate_offline_rejects_a_changed_name(certificate):
    url = _tampered(services.verification_url(certificate), n="Mamadou Diallo")
    with pytest.raises(CommandError, match="signature does not match"):
        call_command("verify_certificate", url, offline=True)


def test_verify_certificate_offline_rejects_a_changed_code(certificate):
    other = CertificateFactory()
    url = services.verification_url(certificate)
    # The signed data are genuine, but for another code than the address says.
    swapped = url.replace(f"/v/{certificate.code}/", f"/v/{other.code}/")
    with pytest.raises(CommandError, match="code in the address"):
        call_command("verify_certificate", swapped, offline=True)
    with pytest.raises(CommandError, match="signature does not match"):
        call_command("verify_certificate", _tampered(url, c=other.code), offline=True)


def test_verify_certificate_online_reports_the_status(certificate, capsys):
    call_command("verify_certificate", certificate.grouped_code.lower())
    assert "Valid certificate" in capsys.readouterr().out
    services.certificate_revoke(certificate_id=certificate.pk, reason="Erreur")
    with pytest.raises(CommandError):
        call_command("verify_certificate", certificate.code)


# --- Open Badges 3.0 ----------------------------------------------------------------------------


def test_the_open_badge_validates_against_the_ob3_schema_and_its_signature_verifies(client, certificate):
    client.force_login(certificate.enrolment.user)
    token = client.get(f"/fr/certificates/{certificate.code}/badge/").content.decode()
    keys = client.get("/.well-known/certificate-keys.json").json()["keys"]
    credential = badges.read_jwt(token, key=signing.public_key_from_jwk(keys[0]))
    assert credential is not None
    checker = jsonschema.Draft201909Validator.FORMAT_CHECKER
    jsonschema.validate(credential, SCHEMA, cls=jsonschema.Draft201909Validator, format_checker=checker)
    assert "OpenBadgeCredential" in credential["type"]
    assert credential["id"].endswith(f"/v/{certificate.code}/")
    assert ACCENTED_NAME not in json.dumps(credential, ensure_ascii=False)  # the name only as a salted hash


def test_a_changed_open_badge_fails_its_signature(client, certificate):
    client.force_login(certificate.enrolment.user)
    token = client.get(f"/fr/certificates/{certificate.code}/badge/").content.decode()
    header, payload, signature = token.split(".")
    data = json.loads(signing.b64url_decode(payload))
    data["name"] = "Doctorat"
    forged = f"{header}.{signing.b64url(json.dumps(data).encode())}.{signature}"
    assert badges.read_jwt(forged, key=signing.public_key()) is None


def test_the_schema_rejects_a_credential_without_an_achievement(client, certificate):
    credential = badges.credential(services.badge_facts(certificate))
    del credential["credentialSubject"]["achievement"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(credential, SCHEMA, cls=jsonschema.Draft201909Validator)


# --- Who may download ---------------------------------------------------------------------------


def test_a_trainee_cannot_download_another_trainees_certificate(client, certificate):
    client.force_login(UserFactory())
    assert client.get(f"/fr/certificates/{certificate.code}.pdf").status_code == 404
    assert client.get(f"/fr/certificates/{certificate.code}/badge/").status_code == 404


def test_downloads_need_a_login(client, certificate):
    response = client.get(f"/fr/certificates/{certificate.code}.pdf")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_my_certificates_lists_mine_only(client, certificate, django_assert_max_num_queries):
    other = CertificateFactory(name="Awa Camara")
    client.force_login(certificate.enrolment.user)
    with django_assert_max_num_queries(12):
        html = client.get("/fr/certificates/").content.decode()
    assert certificate.grouped_code in html and other.grouped_code not in html
    assert urlsplit(f"/fr/certificates/{certificate.code}.pdf").path in html
