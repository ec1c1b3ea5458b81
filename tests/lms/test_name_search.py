"""Guinean names in searches and lists: accents and Fula letters ignored, French reading order.

Run on SQLite and PostgreSQL (DATABASE_URL=postgres://…): the order and the matches are computed in
Python (lms.text), so both databases must give the same answer.
"""

import pytest
from django.urls import reverse

from lms import roles
from lms.text import fold, matches, sort_key
from tests import factories
from training import selectors, services

pytestmark = pytest.mark.django_db

FRENCH_ORDER = ["Ɓah", "Bangoura", "Kérouané", "Kouroussa", "Sékou", "Souleymane", "Zoumanigui"]


def test_names_sort_as_a_french_reader_expects():
    shuffled = ["Souleymane", "Zoumanigui", "Kouroussa", "Bangoura", "Sékou", "Kérouané", "Ɓah"]
    assert sorted(shuffled, key=sort_key) == FRENCH_ORDER
    # Without folding, byte order puts them wrong: that is what the lists did before.
    assert sorted(shuffled) != FRENCH_ORDER


def test_matching_ignores_case_accents_and_fula_letters():
    assert matches("kei", "Mariama Keïta") and matches("bah", "Fatoumata Ɓah") and matches("ÉLÉ", "Ɲɛlɛn")
    assert not matches("bah", "Fatoumata Barry")
    assert fold(None) == ""


def test_the_attendance_search_finds_keita_and_bah_and_lists_in_french_order(client):
    course, *_rest = factories.assessment_setup()
    trainer = factories.UserFactory(username="formatrice.names", role=roles.TRAINER)
    session = factories.TrainingSessionFactory(code="NAMES1", trainer=trainer, courses=[course])
    services.session_days_sync(session=session)
    for name in ["Souleymane Camara", "Mariama Keïta", "Fatoumata Ɓah", "Sékou Condé", "Kadiatou Kouroussa"]:
        services.participant_add(session=session, user=factories.UserFactory(display_name=name))
    listed = [p.user.display_name for p in selectors.participants(session=session)]
    assert listed == ["Fatoumata Ɓah", "Kadiatou Kouroussa", "Mariama Keïta", "Sékou Condé", "Souleymane Camara"]
    client.force_login(trainer)
    day = session.days.order_by("date").first()
    url = reverse("training:attendance", args=[session.code, day.date.isoformat()])
    page = client.get(url, {"q": "kei"}).content.decode()
    assert "Mariama Keïta" in page and "Fatoumata Ɓah" not in page
    page = client.get(url, {"q": "bah"}).content.decode()
    assert "Fatoumata Ɓah" in page and "Mariama Keïta" not in page


def test_the_user_admin_search_finds_display_names_without_their_accents_or_fula_letters(client):
    administrator = factories.UserFactory(
        username="admin.names", is_staff=True, is_superuser=True, role=roles.ADMINISTRATOR
    )
    factories.UserFactory(username="u.one", display_name="Fatoumata Ɓah")
    factories.UserFactory(username="u.two", display_name="Mariama Keïta")
    factories.UserFactory(username="u.three", display_name="Souleymane Camara")
    client.force_login(administrator)
    page = client.get("/admin/users/", {"q": "bah"}).content.decode()
    assert "Fatoumata Ɓah" in page and "Mariama Keïta" not in page and "Souleymane Camara" not in page
    page = client.get("/admin/users/", {"q": "KEI"}).content.decode()
    assert "Mariama Keïta" in page and "Fatoumata Ɓah" not in page
    page = client.get("/admin/users/", {"q": "u.thr"}).content.decode()
    assert "Souleymane Camara" in page and "Mariama Keïta" not in page
