"""Attendance: by tap, "mark all present", paper marks, and QR check-in only on that day and only for
that session's participants (acceptance 4); the rate and the listeners certificates will use."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.hook_registry import only_hooks
from training import hooks, services
from training.models import Attendance, Participant
from training.selectors import attendance_rate

pytestmark = pytest.mark.django_db


@pytest.fixture
def days(room):
    first, second = room["session"].days.order_by("date")
    return first, second


def _checkin_url(day):
    return reverse("training:checkin", args=[day.checkin_token])


def test_qr_check_in_marks_a_participant_present_on_that_day(client, room, days):
    today, _tomorrow = days
    services.checkin_open(day=today)
    client.force_login(room["people"][0])
    assert client.get(_checkin_url(today)).status_code == 200
    response = client.post(_checkin_url(today))
    assert response.status_code == 302
    attendance = Attendance.objects.get(day=today, participant__user=room["people"][0])
    assert (attendance.status, attendance.source) == ("present", "qr")


def test_qr_check_in_refuses_someone_not_on_this_sessions_roster(client, room, days):
    today, _tomorrow = days
    services.checkin_open(day=today)
    other_session = factories.TrainingSessionFactory()
    stranger = factories.ParticipantFactory(session=other_session).user
    client.force_login(stranger)
    assert client.get(_checkin_url(today)).status_code == 404
    assert client.post(_checkin_url(today)).status_code == 404
    with pytest.raises(services.SessionRefused):
        services.checkin_record(day=today, user=stranger)
    assert not Attendance.objects.exists()


def test_qr_check_in_works_only_on_the_day_itself(client, room, days):
    _today, tomorrow = days
    services.checkin_open(day=tomorrow)
    client.force_login(room["people"][0])
    assert client.post(_checkin_url(tomorrow)).status_code == 404
    with pytest.raises(services.SessionRefused):
        services.checkin_record(day=tomorrow, user=room["people"][0])
    # On the day itself it works.
    at_noon = timezone.make_aware(datetime.datetime.combine(tomorrow.date, datetime.time(12)))
    services.checkin_open(day=tomorrow, now=at_noon)
    services.checkin_record(day=tomorrow, user=room["people"][0], now=at_noon)
    assert Attendance.objects.filter(day=tomorrow).count() == 1


def test_qr_check_in_stops_when_the_trainer_hides_the_code_or_it_expires(client, room, days):
    today, _tomorrow = days
    services.checkin_open(day=today)
    token = today.checkin_token
    services.checkin_close(day=today)
    client.force_login(room["people"][0])
    assert client.post(reverse("training:checkin", args=[token])).status_code == 404
    services.checkin_open(day=today)
    later = timezone.now() + datetime.timedelta(minutes=services.CHECKIN_MINUTES + 1)
    with pytest.raises(services.SessionRefused):
        services.checkin_record(day=today, user=room["people"][0], now=later)


def test_one_tap_marks_one_person_and_mark_all_present_fills_the_rest(client, room, trainer, days):
    today, _tomorrow = days
    url = reverse("training:attendance", args=[room["session"].code, today.date.isoformat()])
    people = list(Participant.objects.filter(session=room["session"]).order_by("pk"))
    client.force_login(trainer)
    response = client.post(url, {"mark": f"{people[0].pk}:late"})
    assert response.status_code == 302 and response["Location"].endswith(f"#p{people[0].pk}")
    assert client.post(url, {"mark": f"{people[0].pk}:late"}, HTTP_X_REQUESTED_WITH="fetch").status_code == 204
    client.post(url, {"all_present": "1"})
    assert dict(Attendance.objects.filter(day=today).values_list("participant_id", "status")) == {
        people[0].pk: "late",
        people[1].pk: "present",
    }


def test_paper_marks_are_entered_for_everyone_at_once(client, room, trainer, days):
    _today, tomorrow = days
    url = reverse("training:attendance", args=[room["session"].code, tomorrow.date.isoformat()])
    people = list(Participant.objects.filter(session=room["session"]).order_by("pk"))
    client.force_login(trainer)
    page = client.get(url + "?paper=1")
    assert f'name="status-{people[0].pk}"'.encode() in page.content
    client.post(url, {f"status-{people[0].pk}": "excused", f"status-{people[1].pk}": "absent"})
    assert sorted(Attendance.objects.filter(day=tomorrow).values_list("status", flat=True)) == ["absent", "excused"]


def test_marking_someone_of_another_session_is_refused(room, days):
    stranger = factories.ParticipantFactory()
    with pytest.raises(ValidationError):
        services.attendance_mark(day=days[0], marks={stranger.pk: "present"})


def test_the_search_finds_people_by_name(client, room, trainer, days):
    room["people"][0].display_name = "Aminata Soumah"
    room["people"][0].save()
    client.force_login(trainer)
    url = reverse("training:attendance", args=[room["session"].code, days[0].date.isoformat()])
    content = client.get(url, {"q": "amin"}).content.decode()
    assert "Aminata Soumah" in content and room["people"][1].display_name not in content


def test_the_sign_in_sheet_is_a_pdf(client, room, trainer, days):
    client.force_login(trainer)
    response = client.get(reverse("training:sign_in_sheet", args=[room["session"].code, days[0].date.isoformat()]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_attendance_rate_counts_present_and_late_over_the_sessions_days(room, days):
    course = room["course"]
    person = Participant.objects.get(session=room["session"], user=room["people"][0])
    assert attendance_rate(user_id=person.user_id, course_page_id=course.pk) == 0.0
    services.attendance_mark(day=days[0], marks={person.pk: "late"})
    assert attendance_rate(user_id=person.user_id, course_page_id=course.pk) == 50.0
    services.attendance_mark(day=days[1], marks={person.pk: "excused"})
    assert attendance_rate(user_id=person.user_id, course_page_id=course.pk) == 50.0
    outsider = factories.UserFactory()
    assert attendance_rate(user_id=outsider.pk, course_page_id=course.pk) is None


def test_listeners_hear_of_each_change_after_commit(room, days, django_capture_on_commit_callbacks):
    heard = []
    person = Participant.objects.get(session=room["session"], user=room["people"][0])
    with only_hooks(hooks.ATTENDANCE_LISTENER, lambda session_id, user_ids: heard.append((session_id, user_ids))):
        with django_capture_on_commit_callbacks(execute=True):
            services.attendance_mark(day=days[0], marks={person.pk: "present"})
            assert heard == []
        assert heard == [(room["session"].pk, [person.user_id])]
        with django_capture_on_commit_callbacks(execute=True):
            services.attendance_mark(day=days[0], marks={person.pk: "present"})  # no change, no call
    assert len(heard) == 1
