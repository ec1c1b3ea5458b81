"""Each role lands on its own workspace after login, and the header links to it (lms.workspace)."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from lms import roles
from lms.adapters import AccountAdapter
from tests.factories import CoordinatorFactory, PrefectureFactory, UserFactory

pytestmark = pytest.mark.django_db


def landing(user, language="fr") -> str:
    request = RequestFactory().get(f"/{language}/accounts/login/")
    request.user = user
    with translation.override(language):
        return AccountAdapter().get_login_redirect_url(request)


def test_each_role_lands_on_its_workspace():
    coordinator = UserFactory(role=roles.TRAINER)
    CoordinatorFactory(user=coordinator, region=PrefectureFactory().region)
    assert landing(UserFactory(role=roles.TRAINEE)) == "/fr/dashboard/"
    assert landing(UserFactory(role=roles.TRAINER)) == "/fr/sessions/"
    assert landing(coordinator) == "/fr/sessions/programme/"
    assert landing(UserFactory(role=roles.EVALUATOR)) == "/fr/events/programme/"
    assert landing(UserFactory(role=roles.EDITOR)) == "/admin/"
    assert landing(UserFactory(role=roles.AMBASSADOR)) == "/fr/outreach/"
    assert landing(UserFactory(role=roles.ADMINISTRATOR)) == "/admin/"
    assert landing(UserFactory(role=roles.EVALUATOR), "en") == "/en/events/programme/"


def test_a_new_role_is_seen_at_the_next_login():
    user = UserFactory(role=roles.TRAINEE)
    assert landing(user) == "/fr/dashboard/"
    user.groups.add(roles.roles_sync()[roles.TRAINER])
    user = type(user).objects.get(pk=user.pk)  # a fresh permission cache, as a new request has
    assert landing(user) == "/fr/sessions/"


def test_a_login_goes_where_it_was_asked_and_the_header_links_to_the_workspace(client):
    user = UserFactory(role=roles.TRAINEE)
    response = client.post("/fr/accounts/login/", {"login": user.username, "password": "motdepasse-123"})
    assert response.status_code == 302 and response["Location"] == "/fr/dashboard/"
    html = client.get("/fr/account/").content.decode()
    assert '<a href="/fr/dashboard/" data-workspace>Mes modules</a>' in html
    client.logout()
    response = client.post(
        "/fr/accounts/login/?next=/fr/account/", {"login": user.username, "password": "motdepasse-123"}
    )
    assert response["Location"] == "/fr/account/"
