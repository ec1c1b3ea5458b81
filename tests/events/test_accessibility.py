"""axe-core on every page of the events app, in French and English: no WCAG 2.x A/AA violation at 360×640."""

import pytest

from tests.events.factories import EventFactory, HeadCountFactory, OutreachLogFactory, RegistrantFactory
from tests.field.test_accessibility import AXE, logged_in, violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `npm ci`")
def test_no_axe_violations_on_event_outreach_and_dashboard_pages(browser, live_server, people, kankan):
    from lms.demo import seed_home_pages

    seed_home_pages()  # where a login lands
    base = live_server.url
    webinar = EventFactory(
        kind="webinar",
        place="online",
        prefecture=None,
        registration_open=True,
        join_link="https://meet.example.org/x",
        created_by=people["organiser"],
    )
    RegistrantFactory(event=webinar, country="GA", attended=True)
    workshop = EventFactory(prefecture=kankan, created_by=people["organiser"], outcome_notes="Recommandations.")
    HeadCountFactory(log=None, event=workshop, count=33)
    log = OutreachLogFactory(ambassador=people["ambassador"], prefecture=kankan)
    HeadCountFactory(log=log, count=40)
    states = {
        role: logged_in(browser, base, people[role].username) for role in ("ambassador", "coordinator", "evaluator")
    }
    organiser = logged_in(browser, base, people["organiser"].username)
    found = {}
    for language in ("fr", "en"):
        pages = {
            "ambassador": [f"/{language}/outreach/", f"/{language}/outreach/new/", f"/{language}/outreach/{log.pk}/"],
            "coordinator": [f"/{language}/outreach/review/", f"/{language}/outreach/{log.pk}/"],
            "evaluator": [f"/{language}/events/programme/"],
        }
        for role, urls in pages.items():
            for url in urls:
                found[(role, url)] = violations(browser, states[role], base + url)
        for url in [
            f"/{language}/events/",
            f"/{language}/events/new/",
            f"/{language}/events/{webinar.pk}/",
            f"/{language}/events/{workshop.pk}/",
            f"/{language}/events/{workshop.pk}/edit/",
            f"/{language}/events/{workshop.pk}/counts/",
        ]:
            found[("organiser", url)] = violations(browser, organiser, base + url)
        url = f"/{language}/events/{webinar.pk}/register/"
        found[("anonymous", url)] = violations(browser, None, base + url)
    assert {key: value for key, value in found.items() if value} == {}
