"""The prefecture lists open on a prompt in words, not Django's "---------" (issue 19, item 7)."""

import pytest
from django.utils import translation

from events.forms import EventForm, OutreachLogForm

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("form_class", [OutreachLogForm, EventForm])
def test_the_prefecture_list_starts_with_a_prompt(form_class):
    with translation.override("fr"):
        html = str(form_class()["prefecture"])
    assert '<option value="" selected>Choisissez une préfecture</option>' in html
    assert "---------" not in html
