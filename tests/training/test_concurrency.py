"""Concurrency on PostgreSQL: a room joining at once never overfills a session nor duplicates anyone.

Each thread has its own connection and transaction, as separate web processes would. SQLite
serialises writers, so these run on PostgreSQL (CI); elsewhere they are skipped and reported.
"""

import pytest
from django.db import connection

from tests import factories
from tests.concurrency import run_together
from training import services
from training.models import Attendance, Participant

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency tests need PostgreSQL (DATABASE_URL)"),
    pytest.mark.usefixtures("through_pgbouncer"),  # as behind the production pooler (tests/pgbouncer.py)
]


def test_twelve_people_joining_a_session_for_five_at_once_make_five_participants():
    course, _lessons = factories.course_tree(lessons=1)
    session = factories.TrainingSessionFactory(capacity=5, courses=[course])
    people = [factories.UserFactory(username=f"joueur{n}") for n in range(12)]
    _results, errors = run_together(
        [lambda user=user: services.participant_add(session=session, user=user, check_capacity=True) for user in people]
    )
    assert Participant.objects.filter(session=session).count() == 5
    assert len(errors) == 7 and all(isinstance(error, services.SessionRefused) for error in errors)


def test_ten_simultaneous_joins_by_one_person_make_one_participant():
    course, _lessons = factories.course_tree(lessons=1)
    session = factories.TrainingSessionFactory(courses=[course])
    user = factories.UserFactory()
    _results, errors = run_together(
        [lambda: services.participant_add(session=session, user=user, check_capacity=True) for _ in range(10)]
    )
    assert errors == []
    assert Participant.objects.filter(session=session, user=user).count() == 1


def test_simultaneous_marks_for_one_person_leave_one_row():
    person = factories.ParticipantFactory()
    services.session_days_sync(session=person.session)
    day = person.session.days.first()
    statuses = ["present", "late"] * 5
    _results, errors = run_together(
        [lambda status=status: services.attendance_mark(day=day, marks={person.pk: status}) for status in statuses]
    )
    assert errors == []
    assert Attendance.objects.filter(day=day, participant=person).count() == 1
