"""Sex and age band on the person's own account (issue 21, section 2): optional, self-declared, set,
changed and cleared on the account page; shown in words in My data, as codes in the download; emptied
by erasure."""

import json
import re

import pytest
from django.urls import reverse

from lms.models import User
from privacy.services import user_erase
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return factories.UserFactory(username="declaring.person")


def test_not_stated_is_the_default_and_the_page_says_why_it_is_asked(person, client):
    assert (person.sex, person.age_band) == ("", "")
    client.force_login(person)
    page = client.get("/en/account/").content.decode()
    assert "Sex and age (optional)" in page
    assert "The United Nations ask programmes to report" in page
    assert "Answering is optional" in page
    # "I prefer not to say" is the choice checked on both questions.
    assert re.search(r'name="sex" value="" [^>]*checked', page)
    assert re.search(r'name="age_band" value="" [^>]*checked', page)
    assert not re.search(r'name="sex" value="female" [^>]*checked', page)
    french = client.get("/fr/account/").content.decode()
    assert "Sexe et âge (facultatif)" in french and "Je préfère ne pas répondre" in french


def test_the_person_sets_changes_and_clears_their_answers(person, client):
    client.force_login(person)
    url = reverse("privacy:declared_groups")
    response = client.post(url, {"sex": "female", "age_band": "18_35"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.sex, person.age_band) == ("female", "18_35")
    client.post(url, {"sex": "female", "age_band": "over_35"})
    person.refresh_from_db()
    assert (person.sex, person.age_band) == ("female", "over_35")
    client.post(url, {"sex": "", "age_band": ""})
    person.refresh_from_db()
    assert (person.sex, person.age_band) == ("", "")


def test_a_value_not_offered_is_refused_and_nothing_changes(person, client):
    client.force_login(person)
    client.post(reverse("privacy:declared_groups"), {"sex": "male", "age_band": "over_35"})
    response = client.post(reverse("privacy:declared_groups"), {"sex": "other", "age_band": "99"})
    assert response.status_code == 400
    person.refresh_from_db()
    assert (person.sex, person.age_band) == ("male", "over_35")
    assert client.post(reverse("privacy:declared_groups")).status_code == 302  # nothing sent: cleared


def test_the_form_needs_a_login_and_a_post(client):
    assert client.post(reverse("privacy:declared_groups"), {"sex": "male"}).status_code == 302
    assert not User.objects.filter(sex="male").exists()
    person = factories.UserFactory(username="declaring.get")
    client.force_login(person)
    assert client.get(reverse("privacy:declared_groups")).status_code == 405


def test_my_data_shows_the_answers_in_words_and_the_download_keeps_the_codes(person, client):
    person.sex, person.age_band = "male", "under_18"
    person.save()
    client.force_login(person)
    english = client.get("/en/account/data/").content.decode()
    assert "Sex (self-declared)" in english and "Man or boy" in english and "Under 18" in english
    french = client.get("/fr/account/data/").content.decode()
    assert "Sexe (déclaré)" in french and "Homme ou garçon" in french and "Moins de 18 ans" in french
    text = json.dumps(json.loads(client.get("/en/account/data.json").content))
    assert '"sex": "male"' in text and '"age_band": "under_18"' in text


def test_my_data_says_not_stated_when_the_person_gave_none(person, client):
    client.force_login(person)
    page = client.get("/en/account/data/").content.decode()
    assert "Sex (self-declared)" in page and "Not stated" in page


def test_erasure_empties_the_answers(person):
    person.sex, person.age_band = "female", "over_35"
    person.save()
    user_erase(user=person)
    person.refresh_from_db()
    assert (person.sex, person.age_band) == ("", "")
