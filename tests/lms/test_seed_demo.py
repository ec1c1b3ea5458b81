"""seed_demo builds the demo and can be run again without duplicating anything."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from lms import demo
from lms.models import HomePage, User

pytestmark = pytest.mark.django_db


def _counts():
    return (User.objects.count(), Page.objects.count(), Site.objects.count(), HomePage.objects.count())


def test_seed_twice_duplicates_nothing(capsys):
    call_command("seed_demo")
    first = _counts()
    call_command("seed_demo")
    assert _counts() == first
    assert HomePage.objects.count() == 2


def test_seed_prints_a_working_login_for_every_role(client, capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out
    for account in demo.DEMO_ACCOUNTS:
        assert account.username in out and account.password in out
        assert client.login(username=account.username, password=account.password), account.username
        assert User.objects.get(username=account.username).groups.filter(name=account.role).exists()


def test_seed_replaces_wagtails_placeholder_page_with_the_bilingual_home():
    call_command("seed_demo")
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "fr"
    assert home.get_translation(home.locale.__class__.objects.get(language_code="en")).live
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()
