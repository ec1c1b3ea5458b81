"""My data: the page and the JSON download list everything held about the person, and only theirs."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from lms import services as lms_services
from lms.models import StaffAccess
from privacy import selectors
from tests import factories
from tests.privacy.conftest import IDENTITY

pytestmark = pytest.mark.django_db


def test_the_json_download_holds_every_kind_of_data(cohort, client):
    from tests.events.factories import EventFactory, RegistrantFactory

    target = lms_services.user_record_consent(user=cohort["target"])
    RegistrantFactory(event=EventFactory(title="Webinaire régional"), user=None, email=target.email)
    client.force_login(target)
    response = client.get(reverse("privacy:my_data_json"))
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    data = json.loads(response.content)
    assert data["profile"][0]["username"] == IDENTITY["username"]
    assert data["profile"][0]["phone"] == IDENTITY["phone"]
    assert len(data["consents"]) == 1 and data["consents"][0]["text"]
    assert len(data["enrolments"]) == 1
    assert len(data["lesson_progress"]) == 1
    assert {a["test"] for a in data["attempts"]} == {"pre", "post"}
    assert all(a["score"] is not None for a in data["attempts"])
    assert len(data["answers"]) == 12  # six questions, two tests
    assert data["sessions"][0]["code"] == "ERASE1"
    assert data["certificates"][0]["holder_name"] == IDENTITY["display_name"]
    assert set(data) >= {"h5p_results", "attendance", "offline_devices", "erasure_requests"}
    # Events are another app: a registration made with the person's email is theirs too.
    assert [row["event"] for row in data["event_registrations"]] == ["Webinaire régional"]


def test_the_page_shows_the_same_sections_and_nobody_elses_data(cohort, client):
    other = cohort["people"][1]
    client.force_login(other)
    with translation.override("en"):
        page = client.get("/en/account/data/").content.decode()
    assert "Training sessions" in page and "ERASE1" in page and other.username in page
    assert IDENTITY["username"] not in page and IDENTITY["display_name"] not in page


def test_my_data_pages_need_a_login(client):
    for name in ("privacy:account", "privacy:my_data", "privacy:my_data_json"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_page_reads_a_fixed_number_of_queries(cohort, django_assert_max_num_queries):
    # One query per section, whatever the number of rows: 17 since the lti app's two sections.
    with django_assert_max_num_queries(17):
        selectors.personal_data(user=cohort["target"])


def test_an_administrator_downloads_a_persons_data_and_the_access_is_logged(cohort, administrator, client):
    target = cohort["target"]
    url = reverse("privacy:user_data_json", args=[target.pk])
    client.force_login(cohort["people"][1])
    assert client.get(url).status_code == 403
    client.force_login(administrator)
    response = client.get(url)
    assert json.loads(response.content)["profile"][0]["username"] == IDENTITY["username"]
    access = StaffAccess.objects.get(what=StaffAccess.What.USER_DATA)
    assert access.user == administrator and access.subject == f"user:{target.pk}"


def test_a_trainee_asks_for_erasure_and_can_cancel(client):
    user = factories.UserFactory()
    client.force_login(user)
    client.post(reverse("privacy:erasure_ask"))
    client.post(reverse("privacy:erasure_ask"))  # twice: still one request
    assert user.erasure_requests.filter(status="pending").count() == 1
    client.post(reverse("privacy:erasure_cancel"))
    assert not user.erasure_requests.filter(status="pending").exists()


def test_opening_a_user_in_the_wagtail_admin_is_logged(administrator, client):
    person = factories.UserFactory(username="seen.in.admin")
    client.force_login(administrator)
    response = client.get(f"/admin/users/edit/{person.pk}/")
    assert response.status_code == 200
    access = StaffAccess.objects.get(what=StaffAccess.What.USER_ADMIN)
    assert access.user == administrator and access.subject == f"user:{person.pk}"


def _visible_text(html: str) -> str:
    """The page's words as a reader sees them (tags and attributes left out)."""
    import html as entities
    import re

    main = html[html.index("<main") : html.index("</main>")] if "<main" in html else html
    return entities.unescape(re.sub(r"<[^>]+>", " ", main))


def test_the_page_says_each_record_in_words_in_the_persons_language(cohort, client):
    import re

    from assessments.models import Attempt

    target = lms_services.user_record_consent(user=cohort["target"], language="fr")
    pre = Attempt.objects.filter(user=target, test__kind="pre").get()
    Attempt.objects.filter(pk=pre.pk).update(score=20 / 3, max_score=10)
    client.force_login(target)
    response = client.get("/fr/account/data/")
    assert response.status_code == 200
    text = _visible_text(response.content.decode())
    # No internal code, ISO timestamp, long float or raw JSON; the choices' labels instead.
    codes = r"\b(self|active|completed|pre|online|paper|submitted|signup|account|first_login|pending|valid)\b"
    assert re.findall(codes, text) == []
    assert re.findall(r"\d{4}-\d\d-\d\d|\d[.,]\d{3,}|[\[{]\"", text) == []
    assert "Pré-test" in text and "Post-test" in text and "Inscription" in text and "En ligne" in text
    assert "6,7 / 10" in text
    # An answer is the option's label, not its id.
    option = next(iter(pre.responses.first().question.text_in("fr")["options"].values()))
    assert option in text
    # Grouped under headings; the JSON download is still offered for the full record.
    assert "Vous et votre compte" in text and "Vos tests" in text
    assert reverse("privacy:my_data_json") in response.content.decode()


def test_the_english_page_names_modules_lessons_and_tests_in_english(cohort, client):
    """Issue 19: module and lesson titles come from the page's English translation where there is
    one, else from the source; the JSON download keeps the stored (source) titles."""
    from courses.models import LessonPage

    target, course = cohort["target"], cohort["course"]
    lessons = list(LessonPage.objects.child_of(course).order_by("path"))
    course_en, lessons_en = factories.translate_course(course, lessons)
    client.force_login(target)
    english = client.get("/en/account/data/").content.decode()
    assert course_en.title in english and lessons_en[0].title in english
    # Every module title on the page is the English one (modules, lessons, tests, answers).
    assert english.count(course_en.title) >= 4
    assert english.replace(course_en.title, "").count(course.title) == 0
    french = client.get("/fr/account/data/").content.decode()
    assert course.title in french and course_en.title not in french
    data = json.loads(client.get(reverse("privacy:my_data_json")).content)
    assert data["enrolments"][0]["module"] == course.title


def test_a_module_without_translation_shows_its_source_title_in_english(cohort, client):
    client.force_login(cohort["target"])
    english = client.get("/en/account/data/").content.decode()
    assert cohort["course"].title in english
