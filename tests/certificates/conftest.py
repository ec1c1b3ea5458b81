"""Certificate tests print a fixed verification address and keep their emails in memory (the signing
key is the run's throwaway one: tests/conftest.py)."""

import pytest


@pytest.fixture(autouse=True)
def _verification_address_and_local_mail(settings):
    settings.CERTIFICATE_BASE_URL = "https://verif.example.org"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def english(client):
    """For the tests that read English messages: English for code run in the test and for pages
    without a language prefix (the verification pages, chosen by the `lang` cookie). French, the
    default, is covered by the browser journey and the PDF tests."""
    from django.conf import settings
    from django.utils import translation

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield
