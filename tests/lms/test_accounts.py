"""Sign-up without email, consent, and login rate limits fit for a training room."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from lms import roles
from lms.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROOM_IP = "41.223.50.10"


def _url(name, language="fr"):
    with translation.override(language):
        return reverse(name)


def _signup(client, language="fr", **overrides):
    data = {
        "username": "kadiatou",
        "display_name": "Kadiatou Sow",
        "password1": "Une-phrase-longue-2026",
        "password2": "Une-phrase-longue-2026",
        "consent": "on",
    }
    data.update(overrides)
    return client.post(_url("account_signup", language), data)


def test_signup_with_a_username_only_creates_an_account_and_records_consent(client, home_pages):
    response = _signup(client)

    assert response.status_code == 302
    assert response["Location"] == "/fr/"
    user = User.objects.get(username="kadiatou")
    assert user.email == ""
    assert user.display_name == "Kadiatou Sow"
    assert user.consent_given_at is not None
    assert user.consent_version == settings.CONSENT_VERSION
    assert user.preferred_language == "fr"
    assert list(user.groups.values_list("name", flat=True)) == [roles.TRAINEE]
    # Signed up means logged in.
    assert client.session["_auth_user_id"] == str(user.pk)


def test_signup_in_english_records_english_as_preferred_language(client, home_pages):
    _signup(client, language="en", username="webinar1")
    assert User.objects.get(username="webinar1").preferred_language == "en"


def test_signup_without_a_name_uses_the_username_on_certificates(client, home_pages):
    _signup(client, display_name="")
    assert User.objects.get(username="kadiatou").display_name == "kadiatou"


def test_signup_without_consent_is_refused_and_creates_nothing(client, home_pages):
    response = _signup(client, consent="")

    assert response.status_code == 200
    assert "Votre consentement est nécessaire" in response.content.decode()
    assert not User.objects.filter(username="kadiatou").exists()


def test_forgetting_consent_keeps_the_passwords_and_names_the_error_at_the_top_and_at_the_box(client):
    response = _signup(client, consent="", email="kadiatou@example.org")
    html = response.content.decode()
    summary = html.index('id="error-summary"')
    assert summary < html.index('id="consent-text"') < html.index('name="consent"')
    assert 'href="#id_consent"' in html[summary:]
    assert html.count("Votre consentement est nécessaire") == 2  # in the summary and at the box
    assert html.count('value="Une-phrase-longue-2026"') == 2  # both passwords kept
    assert 'value="kadiatou"' in html and 'value="Kadiatou Sow"' in html and 'value="kadiatou@example.org"' in html


def test_mismatched_passwords_are_not_sent_back(client):
    html = _signup(client, password2="Autre-phrase-longue-2026").content.decode()
    assert "Une-phrase-longue-2026" not in html and "Autre-phrase-longue-2026" not in html
    assert 'id="error-summary"' in html and 'href="#id_password2"' in html


def test_the_consent_text_names_only_what_the_sign_up_form_asks_or_a_trainer_records(client):
    html = client.get(_url("account_signup", "en")).content.decode()
    assert "Your email is optional." in html and "Your email, phone and organisation are optional" not in html
    assert 'name="phone"' not in html and 'name="organisation"' not in html
    french = client.get(_url("account_signup")).content.decode()
    assert "Votre courriel est facultatif." in french


def test_signup_page_shows_the_consent_text_and_its_version(client):
    html = client.get(_url("account_signup")).content.decode()
    assert "Vos données" in html
    assert settings.CONSENT_VERSION in html


def test_login_with_email_or_username(client, home_pages):
    UserFactory(username="aissatou", email="aissatou@example.org")
    for login in ("aissatou", "AISSATOU@example.org"):
        client.logout()
        response = client.post(_url("account_login"), {"login": login, "password": "motdepasse-123"})
        assert response.status_code == 302, login
        assert response["Location"] == "/fr/dashboard/"  # a trainee lands on their modules (lms/workspace.py)
        assert "_auth_user_id" in client.session


def test_sixty_trainees_behind_one_ip_all_log_in(client, home_pages):
    trainees = UserFactory.create_batch(60)
    succeeded = 0
    for trainee in trainees:
        client.logout()
        response = client.post(
            _url("account_login"), {"login": trainee.username, "password": "motdepasse-123"}, REMOTE_ADDR=ROOM_IP
        )
        if response.status_code == 302 and client.session.get("_auth_user_id") == str(trainee.pk):
            succeeded += 1
    assert succeeded == 60


def test_sixth_wrong_password_for_one_account_within_five_minutes_is_refused(client, home_pages):
    UserFactory(username="cible")
    for _ in range(5):
        response = client.post(_url("account_login"), {"login": "cible", "password": "faux"}, REMOTE_ADDR=ROOM_IP)
        assert response.status_code == 200
        assert "Trop de tentatives" not in response.content.decode()

    # The sixth try is refused before the password is even checked, the right password included,
    # and from another address too: the limit is on the account.
    response = client.post(
        _url("account_login"), {"login": "cible", "password": "motdepasse-123"}, REMOTE_ADDR="197.149.1.2"
    )
    assert response.status_code == 200
    assert "Trop de tentatives" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_guessing_one_account_does_not_lock_out_the_room(client, home_pages):
    UserFactory(username="cible")
    other = UserFactory(username="voisine")
    for _ in range(6):
        client.post(_url("account_login"), {"login": "cible", "password": "faux"}, REMOTE_ADDR=ROOM_IP)
    response = client.post(
        _url("account_login"), {"login": "voisine", "password": "motdepasse-123"}, REMOTE_ADDR=ROOM_IP
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)


@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/login/", "/admin/", "/django-admin/"])
def test_both_admin_logins_go_through_the_rate_limited_form(client, path):
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith(_url("account_login"))


def test_demo_administrator_reaches_both_admin_sites(client, home_pages):
    from lms import demo

    demo.seed_accounts()
    from tests.login import current_totp_code

    response = client.post(_url("account_login"), {"login": "admin", "password": "demo-admin"})
    assert response.status_code == 302 and "/2fa/authenticate/" in response["Location"]  # staff: a code
    assert client.post(response["Location"], {"code": current_totp_code("admin")}).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert client.get("/django-admin/").status_code == 200


def test_a_trainee_is_kept_out_of_both_admin_sites(client, home_pages):
    client.force_login(UserFactory())
    assert client.get("/admin/").status_code in (302, 403)
    assert client.get("/django-admin/", follow=True).status_code == 403


def test_passwords_are_hashed_with_argon2id_and_older_pbkdf2_hashes_upgrade_at_login(client, home_pages, settings):
    """Argon2id with OWASP's parameters costs a login ~20 ms of CPU instead of PBKDF2's ~240 ms."""
    from django.contrib.auth.hashers import make_password

    import lms.settings as project_settings

    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS
    assert make_password("x").startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    user = UserFactory(username="mamadou")
    user.password = make_password("motdepasse-123", hasher="pbkdf2_sha256")
    user.save(update_fields=["password"])
    response = client.post(_url("account_login"), {"login": "mamadou", "password": "motdepasse-123"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")
