# ruff: noqa: F811 - the cohort fixture is imported, and named again as a test argument
"""Sixth outside review, continued: the H5P frame file's CORS preflight and HEAD, private files on
object storage, and the PgBouncer settings. Each attack is a test that passes when the system is correct."""

from __future__ import annotations

import pytest
from django.core.exceptions import SuspiciousOperation
from django.test import Client, override_settings

from courses import services
from courses.h5p.frame import issue_token
from courses.models import Enrolment
from lms.pooler import PoolerMisconfigured, for_pooler
from tests.evaluation.test_retention import cohort  # noqa: F401 - fixture
from tests.factories import UserFactory, course_tree, h5p_package

PREFLIGHT = {"Origin": "null", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "range"}


@pytest.fixture
def frame(home_pages):
    package = h5p_package()
    course, lessons = course_tree(lessons=1, h5p_package=package)
    trainee = UserFactory(username="or6b-trainee")
    services.enrolment_create(user=trainee, course=course)
    token = issue_token(user_id=trainee.pk, lesson_id=lessons[0].pk, package_id=package.pk)
    return f"/h5p/t/{{token}}/{lessons[0].pk}/{package.pk}", token, trainee


def _same_preflight(a, b) -> None:
    keys = ("Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers")
    assert (a.status_code, a.content, [a.get(k) for k in keys]) == (b.status_code, b.content, [b.get(k) for k in keys])


# --- H5P frame file: OPTIONS and HEAD -------------------------------------------------------------


@pytest.mark.django_db
def test_the_preflight_is_no_oracle_for_tokens_files_or_enrolment(frame):
    base, token, trainee = frame
    good = Client().options(base.format(token=token) + "/h5p.json", headers=PREFLIGHT)
    for url in [
        base.format(token="forged") + "/h5p.json",
        base.format(token=token) + "/no-such-file.json",
        base.format(token=token) + "/../../settings.py",
    ]:
        _same_preflight(good, Client().options(url, headers=PREFLIGHT))
    Enrolment.objects.filter(user=trainee).update(status=Enrolment.Status.WITHDRAWN)
    _same_preflight(good, Client().options(base.format(token=token) + "/h5p.json", headers=PREFLIGHT))
    # Nothing of the file, no credentials allowed, no method but GET, nothing for nginx.
    assert good.content == b"" and "Access-Control-Allow-Credentials" not in good
    assert good["Access-Control-Allow-Methods"] == "GET" and "X-Accel-Redirect" not in good
    assert "Set-Cookie" not in good and not good.cookies


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["put", "delete", "patch", "post"])
def test_the_frame_file_takes_no_writing_method_even_after_a_preflight(frame, method):
    base, token, _trainee = frame
    response = getattr(Client(), method)(base.format(token=token) + "/h5p.json")
    assert response.status_code == 405


@pytest.mark.django_db
def test_head_is_checked_as_get(frame):
    base, token, trainee = frame
    assert Client().head(base.format(token="forged") + "/h5p.json").status_code == 404
    allowed = Client().head(base.format(token=token) + "/h5p.json")
    body = b"".join(allowed.streaming_content) if allowed.streaming else allowed.content
    assert allowed.status_code == 200 and body == b"" and allowed["Content-Type"] == "application/json"
    Enrolment.objects.filter(user=trainee).update(status=Enrolment.Status.WITHDRAWN)
    assert Client().head(base.format(token=token) + "/h5p.json").status_code == 404


@pytest.mark.django_db
@override_settings(PRIVATE_MEDIA_DELIVERY="x-accel-redirect")
def test_a_refused_frame_file_never_names_the_file_for_nginx(frame):
    base, token, trainee = frame
    Enrolment.objects.filter(user=trainee).update(status=Enrolment.Status.WITHDRAWN)
    for method in ("get", "head", "options"):
        response = getattr(Client(), method)(base.format(token=token) + "/h5p.json")
        assert "X-Accel-Redirect" not in response, method


# --- object storage ------------------------------------------------------------------------------

S3 = {
    "PUBLIC_BUCKET": "lms-public",
    "PRIVATE_BUCKET": "",
    "ENDPOINT_URL": "https://s3.example.org",
    "REGION": "fr-par",
    "ACCESS_KEY_ID": "AKIAEXAMPLE",
    "SECRET_ACCESS_KEY": "secret-example",
}


@override_settings(S3=S3)
def test_a_private_file_has_no_url_even_sharing_the_public_bucket():
    from lms.object_storage import PrivateMediaStorage

    storage = PrivateMediaStorage()
    for name in ("certificates/abc.pdf", "h5p/1/h5p.json", "backups/media.tar.gz"):
        with pytest.raises(ValueError):
            storage.url(name)


@override_settings(S3=S3)
def test_the_signed_address_for_nginx_has_no_host_and_lives_a_minute():
    from lms.object_storage import PrivateMediaStorage

    path = PrivateMediaStorage().accel_path("certificates/abc.pdf")
    assert path.startswith("/lms-public/private/certificates/abc.pdf?")
    assert "s3.example.org" not in path and "://" not in path and "X-Amz-Expires=60" in path
    assert "secret-example" not in path


@override_settings(S3=S3)
@pytest.mark.parametrize("name", ["../private/certificates/abc.pdf", "images/../../private/x.pdf"])
def test_a_public_media_name_cannot_reach_the_private_prefix(name):
    from lms.object_storage import MediaStorage

    with pytest.raises(SuspiciousOperation):
        MediaStorage().url(name)


# --- PgBouncer settings ------------------------------------------------------------------------------

PG = "django.db.backends.postgresql"


@pytest.mark.parametrize(
    "options",
    [{"server_side_binding": True}, {"assume_role": "lms_ro"}, {"assume_role": ""}, {"prepare_threshold": 0}],
)
def test_pgbouncer_refuses_session_state_options(options):
    with pytest.raises(PoolerMisconfigured):
        for_pooler({"ENGINE": PG, "OPTIONS": dict(options)}, "pgbouncer")


@pytest.mark.parametrize("pooler", ["PgBouncer", "pgbouncer ", "pgpool", "session"])
def test_an_unknown_pooler_name_is_refused_not_ignored(pooler):
    with pytest.raises(PoolerMisconfigured):
        for_pooler({"ENGINE": PG, "OPTIONS": {}}, pooler)


def test_pgbouncer_turns_server_side_cursors_and_prepared_statements_off():
    database = for_pooler({"ENGINE": PG}, "pgbouncer")
    assert database["DISABLE_SERVER_SIDE_CURSORS"] is True and database["OPTIONS"]["prepare_threshold"] is None


# --- evaluation exports: the follow-up under every filter ---------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["sex=female", "sex=female&language=fr", "sex=female&mode=online"])
def test_a_filter_leaving_few_returners_suppresses_their_followup(cohort, query):
    import csv
    import io

    from lms import roles
    from lms.models import User

    # Five matched trainees declare a sex: three came back to the follow-up, two did not.
    chosen = [u.pk for u in cohort["returned"][:3] + cohort["missing"][:2]]
    User.objects.filter(pk__in=chosen).update(sex="female")
    client = Client()
    client.force_login(UserFactory(username="or6b-evaluator", role=roles.EVALUATOR))
    for path in ("/en/evaluation/prepost.csv", "/fr/evaluation/prepost.csv"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 200
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert len(rows) == 5
        for row in rows:
            assert (row["followup_status"], row["followup_percent"]) == ("suppressed", "suppressed"), row
            assert not any(ch.isdigit() for ch in row.get("followup_date", "")), row


# --- another trainer's session, in French and in English ---------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_trainer_b_reaches_nothing_of_trainer_a_s_session(language):
    from django.utils import timezone

    from lms.models import StaffAccess
    from tests.factories import TrainingSessionFactory
    from tests.training.conftest import trainer_user

    today = timezone.localdate().isoformat()
    session = TrainingSessionFactory(code="RVA6", trainer=trainer_user(f"or6b-a-{language}"))
    client = Client()
    client.force_login(trainer_user(f"or6b-b-{language}"))
    tails = ["", "edit/", "status/", "join-qr.svg", "roster/", "participants/new/", "accounts.pdf", "live/"]
    tails += [f"days/{today}/", f"days/{today}/qr.svg", f"days/{today}/sign-in.pdf", f"days/{today}/checkin/"]
    tails += ["live/table/", "summary/", "summary.csv", "summary.xlsx"]
    for tail in tails:
        url = f"/{language}/sessions/RVA6/{tail}"
        # A state change is tried with the data a form would post (CSRF checks off, as for a forger
        # who had the token): refused like a read.
        answers = {client.get(url).status_code, client.post(url, {"status": "closed", "title": "hijacked"}).status_code}
        assert answers <= {403, 404, 405} and answers != {405}, (tail, answers)
    session.refresh_from_db()
    assert (session.status, session.participants.count()) == ("open", 0) and session.title != "hijacked"
    assert not StaffAccess.objects.exists()


@pytest.mark.django_db
def test_followup_dates_are_months_in_every_language(cohort):
    import csv
    import io
    import re

    from lms import roles

    client = Client()
    client.force_login(UserFactory(username="or6b-evaluator-dates", role=roles.EVALUATOR))
    for language in ("fr", "en"):
        response = client.get(f"/{language}/evaluation/prepost.csv")
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        taken = [row for row in rows if row["followup_status"] == "taken"]
        assert len(taken) == 7
        assert all(re.fullmatch(r"\d{4}-\d{2}", row["followup_date"]) for row in taken), taken[0]
        assert all(row["followup_date"] in ("", "suppressed") for row in rows if row not in taken)


@pytest.mark.django_db
@pytest.mark.parametrize("admin", ["/admin/", "/admin", "/admin/pages/", "/django-admin/"])
def test_a_logged_in_trainee_who_types_an_admin_address_is_not_sent_round_in_a_loop(admin):
    """Outside review 6: the admin sent a logged-in non-staff person to the login form, which sent them
    back to the admin (?next=), for ever. Now the login form sends them to their workspace (Wagtail's
    admin), or the page says they may not enter (Django's admin: allauth's secured login, 403)."""
    trainee = UserFactory(username="boucle")
    client = Client()
    client.force_login(trainee)
    seen, url = [], admin
    for _hop in range(6):
        response = client.get(url)
        if response.status_code not in (301, 302):
            break
        seen.append(url)
        url = response["Location"]
    assert response.status_code == (403 if admin.startswith("/django-admin/") else 200), seen
    assert response.status_code == 403 or not url.startswith(admin), seen
    assert seen.count(admin) == 1, seen
