"""Seventh outside review: the login form's `next` into the admin, the H5P frame file's preflight,
and library folder names preloaded by the frame page. Each attack passes when the system is correct."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory

from courses.h5p.manifests import LIBRARY_FOLDER_RE
from lms.adapters import AccountAdapter
from tests.factories import UserFactory
from tests.security.test_outsider_review_6b import PREFLIGHT, frame  # noqa: F401 - fixture


class _Safe:
    def __init__(self, user):
        self.request = RequestFactory().get("/accounts/login/")
        self.request.user = user

    def is_safe_url(self, url):
        from allauth.core import context

        with context.request_context(self.request):
            return AccountAdapter(self.request).is_safe_url(url)


def _adapter(user):
    return _Safe(user)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "//admin/", "http://testserver/admin/"])
def test_a_logged_in_person_without_admin_rights_is_not_sent_back_to_the_admin(url):
    assert not _adapter(UserFactory(username="or7-trainee")).is_safe_url(url)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/fr/dashboard/", "/en/", "/admin"])
def test_a_trainee_keeps_ordinary_next_pages(url):
    assert _adapter(UserFactory(username="or7-trainee2")).is_safe_url(url)


@pytest.mark.django_db
def test_an_anonymous_person_may_still_ask_for_the_admin():
    from django.contrib.auth.models import AnonymousUser

    assert _adapter(AnonymousUser()).is_safe_url("/admin/")


@pytest.mark.django_db
def test_a_preflight_streams_nothing_and_a_get_after_it_still_checks_the_token(frame):  # noqa: F811
    base, token, _trainee = frame
    for url in [base.format(token="forged") + "/h5p.json", base.format(token=token) + "/../../settings.py"]:
        response = Client().options(url, headers=PREFLIGHT)
        assert not response.streaming and response.content == b""
    assert Client().get(base.format(token="forged") + "/h5p.json").status_code == 404


@pytest.mark.parametrize("name", ['a"b-1.0', "a<b-1.0", "x'y-1.0", "a/..-1.0", "a b-1.0", "a-1.0\n"])
def test_a_library_folder_with_markup_or_a_slash_is_refused_at_import(name):
    assert not LIBRARY_FOLDER_RE.fullmatch(name)


@pytest.mark.django_db
def test_an_editor_with_admin_rights_still_lands_on_the_admin():
    editor = UserFactory(username="or7-editor", is_staff=True, is_superuser=True)
    assert _adapter(editor).is_safe_url("/admin/pages/")
