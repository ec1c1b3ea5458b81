"""At 360 px wide no trainee page scrolls sideways, and tap targets are at least 44 px high."""

import pytest

from courses import services as course_services
from courses.models import AudienceGroup, CourseIndexPage
from tests.factories import UserFactory, assessment_setup
from tests.login import log_in

pytestmark = pytest.mark.django_db(transaction=True)

# Inline links in text are exempt (as in WCAG 2.5.8); a radio or checkbox is tapped through its label.
TAP_TARGETS = """() => [...document.querySelectorAll(
        'main a, main button, main input, main select, main label, header a')]
    .filter(el => el.offsetParent !== null && !el.closest('p, li, td, .rich-text, .references, .h5p-container'))
    .filter(el => !(el.matches('input[type=radio], input[type=checkbox]') && el.closest('label')))
    .filter(el => !(el.matches('label') && !el.querySelector('input[type=radio], input[type=checkbox]')))
    .map(el => [el.textContent.trim() || el.name, Math.round(el.getBoundingClientRect().height)])
    .filter(([, h]) => h < 44)"""


def test_trainee_pages_fit_a_phone(browser, live_server, home_pages):
    course, _lessons, pre, _post = assessment_setup()
    # Long audience labels must not widen the catalogue's filter.
    course.audiences.set(AudienceGroup.objects.all())
    course.save_revision().publish()
    user = UserFactory()
    course_services.enrolment_create(user=user, course=course)
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, locale="fr-FR")
    page = context.new_page()
    log_in(page, live_server.url, user.username)
    page.goto(live_server.url + f"/fr/tests/{pre.pk}/")
    page.get_by_role("button", name="Commencer le test").click()
    urls = [
        CourseIndexPage.objects.get().url,
        course.url,
        f"/fr/tests/{pre.pk}/",
        "/fr/dashboard/",
        "/fr/accounts/signup/",
    ]
    for url in urls:
        page.goto(live_server.url + url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (url, width)
        assert page.evaluate(TAP_TARGETS) == [], url
    context.close()
