"""Erasure: no trace of the person anywhere, statistics unchanged, certificates revoked without a name."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.urls import reverse

from assessments.models import Attempt, Response
from certificates.models import Certificate
from evaluation import exports, presentation
from evaluation.filters import ReportFilters
from evaluation.report import evaluation_report
from evaluation.selectors import matched_data
from lms.access_log import staff_access_log
from lms.models import StaffAccess, User
from privacy import services
from privacy.models import ErasureRequest
from tests.privacy.conftest import IDENTITY
from training import selectors as training_selectors

pytestmark = pytest.mark.django_db


def _statistics(code: str) -> dict:
    filters = ReportFilters.from_query({"session": code})
    report = evaluation_report(data=matched_data(filters=filters), labels=presentation.group_labels())
    return exports.report_json(report, filters=filters.as_log())


def _session_counts(session) -> list[tuple]:
    """What the session's summary counts for each participant, without names."""
    return sorted(
        (row.pre_percent, row.post_percent, row.lessons_done, row.days_attended, row.days_marked)
        for row in training_selectors.session_rows(session=session)
    )


def _leave_traces(target, administrator, client):
    """Where a person's identity ends up besides their profile: logs, e-mail address, a login session,
    H5P state and results, a free-text answer, the Wagtail profile."""
    import uuid

    from allauth.account.models import EmailAddress
    from wagtail.users.models import UserProfile

    from assessments.models import Response
    from courses.models import H5PResult, H5PState, LessonPage
    from tests.factories import h5p_package

    EmailAddress.objects.create(user=target, email=target.email, primary=True, verified=False)
    lesson = LessonPage.objects.first()
    H5PState.objects.create(user=target, lesson=lesson, activity_id="a1", data=f'{{"name": "{target.display_name}"}}')
    H5PResult.objects.create(
        user=target,
        lesson=lesson,
        activity_id="a1",
        package=h5p_package(),
        statement_id=uuid.uuid4(),
        verb="answered",
        raw=1,
        max=2,
        scaled=0.5,
    )
    short = Response.objects.get(attempt__user=target, attempt__test__kind="post", question__kind="short")
    short.answer = f"Je suis {target.display_name}, {target.phone}"
    short.save(update_fields=["answer"])
    UserProfile.get_for_user(target)
    LogEntry.objects.create(
        user=administrator,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(target.pk),
        object_repr=str(target),
        action_flag=CHANGE,
        change_message=f'[{{"changed": {{"fields": ["phone"]}}, "note": "{target.phone}"}}]',
    )
    staff_access_log(user=target, what=StaffAccess.What.SUMMARY, subject="ERASE1")
    _register_for_events(target)
    client.force_login(target)


def _register_for_events(target):
    """Events (another app than the learning ones): a webinar registration linked to the account, one
    made with the account's email only (on the public page, logged out), and an ambassador's note
    naming the person."""
    from tests.events.factories import EventFactory, OutreachLogFactory, RegistrantFactory

    RegistrantFactory(
        event=EventFactory(title="Webinaire régional"),
        user=target,
        name=target.display_name,
        email=target.email,
        organisation=target.organisation,
    )
    RegistrantFactory(
        event=EventFactory(title="Atelier de validation"),
        user=None,
        name=target.display_name,
        email=target.email.upper(),
        organisation=target.organisation,
    )
    OutreachLogFactory(note=f"Dialogue animé avec {target.display_name} ({target.phone}).")


def _search_database(needles: list[str]) -> list[str]:
    buffer = io.StringIO()
    call_command("dumpdata", stdout=buffer)
    dump = buffer.getvalue().casefold()
    return [needle for needle in needles if needle.casefold() in dump]


def _search_media(needles: list[str]) -> list[str]:
    found = []
    paths = [*Path(settings.MEDIA_ROOT).rglob("*"), *Path(settings.PRIVATE_MEDIA_ROOT).rglob("*")]
    for path in paths:
        if path.is_file():
            content = path.read_bytes().decode("latin-1").casefold()
            found += [f"{path.name}: {n}" for n in needles if n.casefold() in content]
    return found


def test_erasure_leaves_no_trace_and_the_statistics_unchanged(cohort, administrator, client):
    target = cohort["target"]
    certificate = cohort["certificate"]
    pdf_path = Path(certificate.pdf.path)
    assert pdf_path.exists()
    _leave_traces(target, administrator, client)
    from wagtail.users.models import UserProfile

    from courses.models import H5PResult, H5PState

    needles = list(IDENTITY.values())
    assert set(_search_database(needles)) == set(needles)  # the search does find them before
    before = _statistics("ERASE1")
    assert before["summary"]["n"] == 6  # the session's six matched trainees, the person among them
    counts_before = _session_counts(cohort["session"])
    short_scores = list(Response.objects.filter(attempt__user=target).order_by("pk").values_list("score", flat=True))
    attempts_before = Attempt.objects.filter(user=target).count()
    services.erasure_request(user=target)

    services.user_erase(user=target, actor=administrator)

    assert _search_database(needles) == []
    assert _search_media(needles) == []
    assert not pdf_path.exists()
    assert _statistics("ERASE1") == before
    assert short_scores == list(
        Response.objects.filter(attempt__user=target).order_by("pk").values_list("score", flat=True)
    )
    assert _session_counts(cohort["session"]) == counts_before
    assert Attempt.objects.filter(user=target).count() == attempts_before
    target.refresh_from_db()
    assert target.username.startswith(services.ERASED_PREFIX)
    assert not target.has_usable_password() and not target.is_active
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED and certificate.holder_erased
    assert certificate.holder_name == "" and not certificate.pdf
    assert not H5PResult.objects.filter(user=target).exists() and not H5PState.objects.filter(user=target).exists()
    assert not UserProfile.objects.filter(user=target).exists()
    assert ErasureRequest.objects.get(user=target).status == ErasureRequest.Status.COMPLETED
    assert StaffAccess.objects.filter(what=StaffAccess.What.ERASURE, user=administrator).exists()


def test_erasure_keeps_the_events_dashboard_counting_the_person_once(cohort, administrator):
    """The registrations stay (anonymous, linked to the account): the programme's counts do not move."""
    from events import dashboard
    from events.models import Registrant

    _register_for_events(cohort["target"])
    before = dashboard.programme_counters()
    services.user_erase(user=cohort["target"], actor=administrator)
    assert Registrant.objects.filter(user=cohort["target"]).count() == 2
    assert dashboard.programme_counters() == before


def test_the_erased_person_is_logged_out_and_cannot_log_in_again(cohort, client):
    target = cohort["target"]
    client.force_login(target)
    assert client.get(reverse("privacy:account")).status_code == 200
    services.user_erase(user=target)
    assert client.get(reverse("privacy:account")).status_code == 302
    assert not client.login(username=IDENTITY["username"], password="anything")


def test_the_public_verification_page_shows_revoked_holder_erased_without_a_name(cohort, client):
    certificate = cohort["certificate"]
    before = client.get(reverse("verification:code", args=[certificate.code]), HTTP_ACCEPT_LANGUAGE="en")
    assert "Z. Q." in before.content.decode()
    services.user_erase(user=cohort["target"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("verification:code", args=[certificate.code])).content.decode()
    assert "the holder&#x27;s data were erased" in page or "the holder's data were erased" in page
    assert "Z. Q." not in page and "Zorglubia" not in page
    assert 'name="name"' not in page  # no name check on an erased holder


def test_erasing_twice_is_refused(cohort):
    services.user_erase(user=cohort["target"])
    with pytest.raises(services.ErasureRefused):
        services.user_erase(user=cohort["target"])


def test_the_admin_action_completes_pending_requests(cohort, administrator, client):
    request = services.erasure_request(user=cohort["target"])
    client.force_login(administrator)
    response = client.post(
        "/django-admin/privacy/erasurerequest/",
        {"action": "complete_erasure", "_selected_action": [request.pk]},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == ErasureRequest.Status.COMPLETED and request.completed_by == administrator
    assert not User.objects.filter(username=IDENTITY["username"]).exists()


def test_erase_user_command_erases_and_refuses_an_unknown_username(cohort):
    out = io.StringIO()
    call_command("erase_user", IDENTITY["username"], "--yes", stdout=out)
    assert services.ERASED_PREFIX in out.getvalue()
    with pytest.raises(CommandError):
        call_command("erase_user", IDENTITY["username"], "--yes")


def test_logs_lose_the_persons_identifiers_but_keep_other_words(administrator):
    from tests.factories import UserFactory

    person = UserFactory(username="ana", display_name="Ana Bah")
    entry = LogEntry.objects.create(
        user=administrator,
        content_type=ContentType.objects.get_for_model(User),
        object_id="1",
        object_repr="Banana plan – Ana Bah (ana)",
        action_flag=CHANGE,
    )
    report = services.user_erase(user=person)
    entry.refresh_from_db()
    assert entry.object_repr == f"Banana plan – {report.pseudonym} ({report.pseudonym})"
