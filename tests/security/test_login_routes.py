"""One way in: every form of the site that takes a password leads through allauth (its rate limits,
and for staff the second factor).

The routes are found, not listed: every URL pattern of the project (walked as the access matrix
does) is opened anonymously, and every form on the answer that has a password field is filled with
a staff account's credentials and sent. No such POST may leave a logged-in session behind: allauth
answers a staff password with the code step, which logs nobody in yet.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client

from lms import roles
from tests.factories import UserFactory
from tests.security.test_access_matrix import url_patterns

pytestmark = pytest.mark.django_db

PASSWORD = "motdepasse-123"
# Wagtail's front-end login, the route the outside review used; it must stay among the probes even
# when it no longer shows a form, so that a route coming back is caught by name too.
KNOWN_LOGIN_PATHS = ["/fr/_util/login/", "/en/_util/login/", "/admin/login/", "/django-admin/login/"]


class _Forms(HTMLParser):
    """The forms of a page: action, method and their inputs (name, type, value)."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            method = (attributes.get("method") or "get").lower()
            self.forms.append({"action": attributes.get("action") or "", "method": method, "inputs": []})
        elif tag in ("input", "textarea", "select") and self.forms and attributes.get("name"):
            kind = attributes.get("type", "text").lower() if tag == "input" else tag
            self.forms[-1]["inputs"].append((attributes["name"], kind, attributes.get("value") or ""))


def _password_forms(html: str, page_url: str) -> list[tuple[str, list]]:
    parser = _Forms()
    parser.feed(html)
    return [
        (urljoin(page_url, form["action"] or page_url), form["inputs"])
        for form in parser.forms
        if form["method"] == "post" and any(kind == "password" for _name, kind, _value in form["inputs"])
    ]


def _credentials(inputs: list, username: str, password: str) -> dict:
    data = {}
    for name, kind, value in inputs:
        if kind == "password":
            data[name] = password
        elif kind in ("text", "email") and name in ("login", "username", "email"):
            data[name] = username
        elif kind == "hidden":
            data[name] = value
        elif kind == "checkbox":
            data[name] = value or "on"
    return data


def _probe_url(route: str, name: str | None, world: dict) -> str | None:
    """A URL for `route` with its arguments taken from the world; None for a regex route we cannot fill."""
    if name == "wagtail_serve":
        return world["restricted_page"].url
    if route.startswith("^") or "(?P" in route or "(" in route:
        return None
    values = {
        "page_view_restriction_id": world["page_restriction"].pk,
        "page_id": world["restricted_page"].pk,
        "restriction_id": world["collection_restriction"].pk,
    }

    def fill(match):
        converter, _sep, argument = match.group(1).rpartition(":")
        if argument in values:
            return str(values[argument])
        return "1" if converter == "int" else "x"

    return "/" + re.sub(r"<([^>]+)>", fill, route.replace("<lang>/", "fr/"))


@pytest.fixture
def login_world(home_pages):
    from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

    from tests.factories import course_tree

    _course, lessons = course_tree(lessons=1)
    page_restriction = PageViewRestriction.objects.create(
        page=lessons[0], restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    collection = Collection.get_first_root_node().add_child(name="Privé")
    collection_restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password=PASSWORD
    )
    return {
        "restricted_page": lessons[0],
        "page_restriction": page_restriction,
        "collection_restriction": collection_restriction,
    }


def login_forms(world) -> dict[str, list]:
    """Every (form action -> inputs) with a password field that an anonymous visitor is shown."""
    found: dict[str, list] = {}
    urls = [_probe_url(route, name, world) for route, name in url_patterns()]
    for url in [*filter(None, urls), *KNOWN_LOGIN_PATHS]:
        response = Client(raise_request_exception=False).get(url, follow=True)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        page_url = response.redirect_chain[-1][0] if response.redirect_chain else url
        for action, inputs in _password_forms(response.content.decode(), page_url):
            found.setdefault(urlsplit(action).path, inputs)
    return found


def test_no_form_of_the_site_logs_staff_in_without_the_second_factor(login_world):
    administrator = UserFactory(username="chef", role=roles.ADMINISTRATOR, is_staff=True, is_superuser=True)
    forms = login_forms(login_world)
    # The walk is honest: it finds allauth's own login form.
    assert "/fr/accounts/login/" in forms

    logged_in = []
    for action, inputs in forms.items():
        client = Client(raise_request_exception=False)
        client.post(action, _credentials(inputs, administrator.username, PASSWORD))
        if client.session.get("_auth_user_id") or client.get("/django-admin/").status_code == 200:
            logged_in.append(action)
    # Also the known login routes, whether or not they still show a form.
    for path in KNOWN_LOGIN_PATHS:
        client = Client(raise_request_exception=False)
        client.post(path, {"username": administrator.username, "login": administrator.username, "password": PASSWORD})
        if client.session.get("_auth_user_id"):
            logged_in.append(path)
    logged_in = sorted(set(logged_in))
    assert logged_in == [], f"these routes log staff in with a password alone: {logged_in}"


def test_forty_wrong_passwords_then_the_right_one_is_refused_on_every_login_route(login_world):
    forms = login_forms(login_world)
    routes = {action: inputs for action, inputs in forms.items() if any(n in ("login", "username") for n, *_ in inputs)}
    for path in KNOWN_LOGIN_PATHS:
        routes.setdefault(path, [("username", "text", ""), ("login", "text", ""), ("password", "password", "")])
    accepted = []
    for index, (action, inputs) in enumerate(sorted(routes.items())):
        # A trainee: no code step, so the right password alone would log them in.
        trainee = UserFactory(username=f"cible{index}")
        client = Client(raise_request_exception=False)
        for attempt in range(40):
            client.post(action, _credentials(inputs, trainee.username, f"faux-{attempt}"))
        client.post(action, _credentials(inputs, trainee.username, PASSWORD))
        if client.session.get("_auth_user_id") == str(trainee.pk):
            accepted.append(action)
    assert accepted == [], f"the right password after 40 wrong ones is accepted on: {accepted}"
