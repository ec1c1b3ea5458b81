"""Every certificate test signs with its own fresh key (never the project's key file)."""

import pytest


@pytest.fixture(autouse=True)
def _test_signing_key(settings):
    settings.CERTIFICATE_BASE_URL = "https://verif.example.org"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def eager_tasks():
    """Tasks run in the calling process, as in the embedded default (no broker), even when the run
    has a broker: these tests are about what happens in-process; test_exactly_once uses real workers."""
    from lms.celery import app

    saved = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = saved


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
