"""Open Badges 3.0 as a conformant verifier sees them: checked with independent implementations
(openbadgeslib's OB 3.0 verifier and Bitstring Status List code, joserfc for the JWS) and the
published AchievementCredential schema with format checking. Every address a verifier follows (the
key, the issuer, the achievement, the status list) is fetched through the Django test client: no
network."""

import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from joserfc import jws
from joserfc.jwk import OKPKey
from openbadgeslib.ob3.status import decode_encoded_list, set_indices
from openbadgeslib.ob3.verifier import OB3VerificationError, OB3Verifier

from certificates import badges, services, signing
from certificates.models import Certificate
from tests.factories import ACCENTED_NAME, CertificateFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_tasks", "english")]

SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "ob_v3p0_achievementcredential_schema.json").read_text())
BASE = "https://verif.example.org"  # tests/certificates/conftest.py


@pytest.fixture
def certificate():
    return CertificateFactory()


def _token(client, certificate) -> str:
    client.force_login(certificate.enrolment.user)
    response = client.get(f"/fr/certificates/{certificate.code}/badge/")
    assert response.status_code == 200
    return response.content.decode()


def _part(token: str, index: int) -> dict:
    return json.loads(signing.b64url_decode(token.split(".")[index]))


def _follow(client, url: str, **headers):
    """What a verifier gets at `url`: only this platform's own addresses, never the network."""
    assert url.startswith(BASE + "/"), url
    parts = urlsplit(url)
    return client.get(parts.path + (f"?{parts.query}" if parts.query else ""), **headers)


def _download(client):
    def download(url: str) -> bytes:
        response = _follow(client, url)
        assert response.status_code == 200, url
        return response.content

    return download


def _key_from_kid(client, token: str):
    kid = _part(token, 0)["kid"]
    response = _follow(client, kid)
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def test_the_kid_resolves_to_the_jwk_that_joserfc_verifies_the_badge_with(client, certificate):
    token = _token(client, certificate)
    header = _part(token, 0)
    assert header["alg"] == "EdDSA" and header["kid"].startswith(BASE + "/")
    jwk = _key_from_kid(client, token)
    assert header["jwk"] == {k: v for k, v in jwk.items() if k in header["jwk"]} and "d" not in header["jwk"]
    key = OKPKey.import_key(jwk)
    verified = jws.deserialize_compact(token, key, algorithms=["EdDSA"])
    assert json.loads(verified.payload)["id"].endswith(f"/v/{certificate.code}/")
    forged = token.split(".")
    forged[1] = signing.b64url(json.dumps({**_part(token, 1), "name": "Doctorat"}).encode())
    with pytest.raises(Exception, match="signature"):
        jws.deserialize_compact(".".join(forged), key, algorithms=["EdDSA"])


def test_the_issuer_and_the_achievement_resolve_and_the_subject_is_named_by_sub(client, certificate):
    payload = _part(_token(client, certificate), 1)
    issuer = _follow(client, payload["issuer"]["id"], HTTP_ACCEPT="application/ld+json")
    assert issuer.status_code == 200 and issuer.json()["id"] == payload["issuer"]["id"]
    assert "Profile" in issuer.json()["type"]
    achievement = payload["credentialSubject"]["achievement"]
    served = _follow(client, achievement["id"], HTTP_ACCEPT="application/json")
    assert served.status_code == 200 and served.json()["id"] == achievement["id"]
    assert served.json()["name"] == certificate.title
    assert payload["sub"] == payload["credentialSubject"]["id"] and payload["sub"].startswith("urn:uuid:")
    assert certificate.code not in payload["sub"]


def test_the_issuer_page_is_neutral_and_never_indexed(client, certificate):
    payload = _part(_token(client, certificate), 1)
    client.logout()
    response = _follow(client, payload["issuer"]["id"], HTTP_ACCEPT="text/html")
    html = response.content.decode()
    assert response.status_code == 200 and "Programme de sécurité humaine – Guinée" in html
    assert "traite" not in html.lower() and "trafficking" not in html.lower()
    assert response["X-Robots-Tag"].startswith("noindex") and response["Referrer-Policy"] == "no-referrer"
    assert not urlsplit(payload["issuer"]["id"]).path.startswith(("/fr/", "/en/"))


def test_openbadgeslib_accepts_the_badge_and_its_status_then_rejects_it_once_revoked(client, certificate):
    token = _token(client, certificate)
    verifier = OB3Verifier(pubkey_pem=signing.public_key_from_jwk(_key_from_kid(client, token)))
    credential = verifier.verify(token, check_status=True, download=_download(client))
    assert credential.issuer.id == _part(token, 1)["issuer"]["id"]
    entry = _part(token, 1)["credentialStatus"]
    assert entry["type"] == "BitstringStatusListEntry" and entry["statusPurpose"] == "revocation"

    services.certificate_revoke(certificate_id=certificate.pk, reason="Fraude", actor=UserFactory(is_staff=True))
    with pytest.raises(OB3VerificationError, match="revocation"):
        verifier.verify(token, check_status=True, download=_download(client))
    listed = _follow(client, entry["statusListCredential"]).content.decode()
    bits = decode_encoded_list(_part(listed, 1)["credentialSubject"]["encodedList"])
    assert set_indices(bits) == {int(entry["statusListIndex"])} and len(bits) * 8 >= 131072
    # The holder is no longer handed a freshly signed badge.
    assert client.get(f"/fr/certificates/{certificate.code}/badge/").status_code == 404
    assert f"/fr/certificates/{certificate.code}/badge/" not in client.get("/fr/certificates/").content.decode()


# Properties the published schema itself leaves open (`additionalProperties: true`, no entry): the JWT
# claims (RFC 7519) VC-JWT adds beside the credential, and the Bitstring Status List entry's own fields
# (the schema's CredentialStatus declares only id and type).
OPEN_IN_THE_PUBLISHED_SCHEMA = {"/iss", "/jti", "/nbf", "/exp", "/sub"} | {
    f"/credentialStatus/{key}" for key in ("statusPurpose", "statusListIndex", "statusListCredential")
}


def _unconstrained(schema: dict, instance, path: str = "") -> list[str]:
    """The properties of `instance` that the schema excerpt leaves unconstrained (no `properties` entry):
    the excerpt keeps only what the badge emits, so a new property must be brought in from the
    official schema, constraints and all, before this test passes."""
    if "$ref" in schema:
        schema = SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    for branch in schema.get("oneOf", []) + schema.get("anyOf", []) + schema.get("allOf", []):
        resolved = SCHEMA["$defs"][branch["$ref"].rsplit("/", 1)[-1]] if "$ref" in branch else branch
        if resolved.get("type") == "object" and isinstance(instance, dict):
            return _unconstrained(resolved, instance, path)
    missing = []
    if isinstance(instance, dict) and "properties" in schema:
        for key, value in instance.items():
            if key not in schema["properties"]:
                if f"{path}/{key}" not in OPEN_IN_THE_PUBLISHED_SCHEMA:
                    missing.append(f"{path}/{key}")
            else:
                missing += _unconstrained(schema["properties"][key], value, f"{path}/{key}")
    elif isinstance(instance, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(instance):
            missing += _unconstrained(schema["items"], item, f"{path}/{index}")
    return missing


def test_the_badge_meets_the_published_schema_with_format_checking(client, certificate):
    payload = _part(_token(client, certificate), 1)
    jsonschema.Draft201909Validator.check_schema(SCHEMA)
    assert _unconstrained(SCHEMA, payload) == []
    # The guard itself notices a property the excerpt does not constrain.
    assert _unconstrained(SCHEMA, {**payload, "awardedDate": "x"}) == ["/awardedDate"]
    achievement = {**payload["credentialSubject"]["achievement"], "alignment": []}
    subject = {**payload["credentialSubject"], "achievement": achievement}
    unconstrained = _unconstrained(SCHEMA, {**payload, "credentialSubject": subject})
    assert unconstrained == ["/credentialSubject/achievement/alignment"]
    validator = jsonschema.Draft201909Validator(SCHEMA, format_checker=jsonschema.Draft201909Validator.FORMAT_CHECKER)
    validator.validate(payload)
    assert "issuanceDate" not in payload and "expirationDate" not in payload and "validFrom" in payload
    # The format checker is really on: a date that is not RFC 3339 fails.
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**payload, "validFrom": "2026-13-45 25:00"})
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({k: v for k, v in payload.items() if k != "validFrom"})
    # The published constraints bite: the VC 2.0 context first, the subject typed AchievementSubject.
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**payload, "@context": payload["@context"][::-1]})
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**payload, "credentialSubject": {**payload["credentialSubject"], "type": ["Subject"]}})


def test_a_participation_badge_says_participation_not_completion(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(kind="participation")
    certificate.refresh_from_db()
    credential = badges.credential(services.badge_facts(certificate))
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["achievementType"] == "ext:CertificateOfParticipation"
    # An extension type the published schema accepts (its `ext:` pattern), dates checked as such.
    validator = jsonschema.Draft201909Validator(SCHEMA, format_checker=jsonschema.Draft201909Validator.FORMAT_CHECKER)
    validator.validate(credential)
    assert _unconstrained(SCHEMA, credential) == []
    completion = CertificateFactory(name="Awa Camara")
    assert (
        badges.credential(services.badge_facts(completion))["credentialSubject"]["achievement"]["achievementType"]
        == "CertificateOfCompletion"
    )


def test_the_identity_hash_is_salted_with_a_random_salt_given_to_the_holder_not_the_code(client, certificate):
    identity = _part(_token(client, certificate), 1)["credentialSubject"]["identifier"][0]
    salt = identity["salt"]
    assert salt != certificate.code and certificate.code not in salt and len(salt) >= 32
    other = CertificateFactory(name="Awa Camara")
    assert other.identity_salt != salt
    expected = hashlib.sha256((ACCENTED_NAME + salt).encode("utf-8")).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}"


def test_each_badge_gets_its_own_random_bit_and_a_replaced_certificate_sets_its_own(client, certificate):
    from certificates import open_badges

    _token(client, certificate)
    other = CertificateFactory(name="Awa Camara")
    _token(client, other)
    certificate.refresh_from_db()
    other.refresh_from_db()
    indices = {certificate.status_list_index, other.status_list_index}
    assert None not in indices and len(indices) == 2
    assert open_badges.status_index(certificate=certificate) == certificate.status_list_index  # stable
    assert open_badges.revoked_indices() == set()
    services.certificate_reissue(certificate_id=other.pk, reason="Nom corrigé")
    assert open_badges.revoked_indices() == {other.status_list_index}
