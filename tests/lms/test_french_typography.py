"""French as it is written (issue 19, item 7): a no-break space before the colon a template puts after
a label, and messages that do not guess the reader's gender."""

import pytest
from django.template import Context, Template
from django.test import Client
from django.utils import translation

from tests.factories import UserFactory

LABEL = '{{ label }}{% translate ":" context "between a label and its value" %} 15'


@pytest.mark.parametrize(("language", "expected"), [("fr", "Pré-test\u00a0: 15"), ("en", "Pré-test: 15")])
def test_a_label_and_its_value_are_separated_as_each_language_writes_it(language, expected):
    with translation.override(language):
        assert Template("{% load i18n %}" + LABEL).render(Context({"label": "Pré-test"})) == expected


def test_no_template_glues_a_bare_colon_to_a_translated_label():
    from pathlib import Path

    from django.conf import settings

    glued = []
    for path in Path(settings.BASE_DIR).glob("*/templates/**/*.html"):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            outside = line.split("{% blocktranslate")[0]  # a translated sentence places its own colon
            glues = ("{% endif %}:", "_display }}:", "label }}:", "}}</strong>:", "}}</b>:", "name }}:")
            if any(glue in outside for glue in glues):
                glued.append(f"{path.name}:{number}")
    assert glued == []


@pytest.mark.django_db
def test_signing_in_and_out_says_so_without_guessing_a_gender():
    user = UserFactory(username="fatoumata")
    user.set_password("motdepasse-123")
    user.save()
    client = Client()
    response = client.post("/fr/accounts/login/", {"login": "fatoumata", "password": "motdepasse-123"}, follow=True)
    shown = " ".join(str(message) for message in response.context["messages"])
    assert "Connexion réussie" in shown and "connecté" not in shown
    response = client.post("/fr/accounts/logout/", follow=True)
    shown = " ".join(str(message) for message in response.context["messages"])
    assert "Déconnexion réussie." in shown and "déconnecté" not in shown
