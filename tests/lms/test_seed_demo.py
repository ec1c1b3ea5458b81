"""seed_demo builds the demo and can be run again without duplicating anything.

The command runs once (`seeded_demo`) or twice (`seeded_demo_twice`) per test process; tests/demo_snapshot.py
copies its result into each test."""

import pytest
from wagtail.models import Page, Site

from lms import demo
from lms.models import HomePage, User

pytestmark = pytest.mark.django_db


def _counts():
    return (User.objects.count(), Page.objects.count(), Site.objects.count(), HomePage.objects.count())


def test_seed_twice_duplicates_nothing(seeded_demo_twice):
    first = tuple(seeded_demo_twice.count_after_first_run(model) for model in (User, Page, Site, HomePage))
    assert _counts() == first
    assert HomePage.objects.count() == 2


def test_seed_prints_a_working_login_for_every_role(seeded_demo, client):
    out = seeded_demo.output
    for account in demo.DEMO_ACCOUNTS:
        assert account.username in out and account.password in out
        assert client.login(username=account.username, password=account.password), account.username
        assert User.objects.get(username=account.username).groups.filter(name=account.role).exists()


def test_seed_replaces_wagtails_placeholder_page_with_the_bilingual_home(seeded_demo):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "fr"
    assert home.get_translation(home.locale.__class__.objects.get(language_code="en")).live
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()
