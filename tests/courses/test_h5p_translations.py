"""Issue 17, item 1: every translation of a lesson plays its H5P activities and names them in its language."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import translation

from courses import selectors, services
from courses.models import H5PResult, LessonPage
from tests.factories import UserFactory, course_tree, h5p_package, translate_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_module(home_pages):
    package = h5p_package()
    course, lessons = course_tree(lessons=2, h5p_package=package)
    course_en, lessons_en = translate_course(course, lessons, titles={"Scénario": "Scenario"})
    trainee = UserFactory()
    services.enrolment_create(user=trainee, course=course_en)
    client = Client()
    client.force_login(trainee)
    return package, course, lessons, course_en, lessons_en, trainee, client


def test_enrolment_checks_accept_any_translation_of_the_module(english_module):
    _package, course, _lessons, course_en, _lessons_en, trainee, _client = english_module
    assert selectors.is_enrolled(user=trainee, course_id=course.pk)
    assert selectors.is_enrolled(user=trainee, course_id=course_en.pk)
    assert not selectors.is_enrolled(user=UserFactory(), course_id=course_en.pk)


def test_the_english_lesson_page_plays_its_activity(english_module):
    package, _course, _lessons, _course_en, lessons_en, _trainee, client = english_module
    response = client.get(lessons_en[0].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Scenario" in html and "Scénario" not in html
    # The activity's frame, and the package files it loads, are served on the English lesson too.
    frame_url = response.context["h5p_activities"]["act-1"]["frame_url"]
    assert frame_url.startswith(f"/h5p/play/{lessons_en[0].pk}/act-1/")
    frame = client.get(frame_url)
    assert frame.status_code == 200
    files = frame.context["files_base"]
    assert files.endswith(f"/{lessons_en[0].pk}/{package.pk}")
    assert Client().get(f"{files}/h5p.json").status_code == 200  # no cookies needed: the token decides


def test_a_required_activity_not_passed_is_named_in_the_pages_language(english_module):
    _package, _course, _lessons, _course_en, lessons_en, trainee, client = english_module
    with translation.override("en"):
        url = reverse("courses:lesson_complete", kwargs={"lesson_id": lessons_en[0].pk})
    response = client.post(url)
    assert response.status_code == 302
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert message == "To complete this lesson, first pass: Scenario."
    assert not H5PResult.objects.filter(user=trainee).exists()


# Issue 17, item 4: activities that never report a score cannot block a lesson


def non_scored_package():
    from courses.h5p.builder import build_package
    from courses.models import H5PPackage
    from tests.courses.test_h5p_package import runnable_library

    data = build_package(
        title="Cartes", content={}, main_library="H5P.Dialogcards", libraries=runnable_library("H5P.Dialogcards")
    )
    package, _created = services.h5p_package_import(source=data)
    assert H5PPackage.objects.get(pk=package.pk).reports_score is False
    return package


def test_a_required_block_on_a_non_scored_package_is_refused_with_a_clear_message(home_pages):
    from wagtail.blocks.struct_block import StructBlockValidationError

    from courses.blocks import H5PBlock

    package = non_scored_package()
    block = H5PBlock()
    value = block.to_python({"title": "Cartes", "package": package.pk, "required": "yes", "pass_percentage": 50})
    with translation.override("en"), pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    message = " ".join(refused.value.block_errors["required"].messages)
    assert "never reports a score" in message and "Cartes" in message
    with translation.override("fr"), pytest.raises(StructBlockValidationError) as refused_fr:
        block.clean(value)
    assert "ne donne jamais de score" in " ".join(refused_fr.value.block_errors["required"].messages)
    for choice in ("auto", "no"):
        kept = block.to_python({"title": "Cartes", "package": package.pk, "required": choice, "pass_percentage": 50})
        assert block.clean(kept)["required"] == choice
        assert kept.is_required is False
    scored = block.to_python({"title": "S", "package": h5p_package().pk, "required": "yes", "pass_percentage": 50})
    assert block.clean(scored).is_required is True


def test_required_defaults_to_automatic_which_is_on_only_for_scored_packages(home_pages):
    from courses.blocks import H5PBlock

    block = H5PBlock()
    assert block.get_default()["required"] == "auto"
    scored, non_scored = h5p_package(), non_scored_package()

    def value(package, required):
        return block.to_python({"title": "A", "package": package.pk, "required": required, "pass_percentage": 50})

    assert value(scored, "auto").is_required is True
    assert value(non_scored, "auto").is_required is False
    assert value(scored, "no").is_required is False
    # Lessons saved before the choice existed: True was the default and reads as "auto", False as "no".
    assert value(non_scored, True)["required"] == "auto" and value(non_scored, True).is_required is False
    assert value(scored, True).is_required is True
    assert value(scored, False)["required"] == "no" and value(scored, False).is_required is False


def test_an_optional_scored_activity_does_not_block_its_lesson(home_pages):
    course, lessons = course_tree(lessons=1, h5p_package=h5p_package())
    trainee = UserFactory()
    services.enrolment_create(user=trainee, course=course)
    assert not services.lesson_complete(user=trainee, lesson=lessons[0]).completed  # "auto" on a scored package
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    raw = [dict(item) for item in lesson.body.raw_data]
    raw[1] = {**raw[1], "value": {**raw[1]["value"], "required": "no"}}
    lesson.body = raw
    lesson.save_revision().publish()
    lesson = LessonPage.objects.get(pk=lessons[0].pk)
    assert lesson.h5p_blocks()[0].value["required"] == "no"
    assert services.lesson_complete(user=trainee, lesson=lesson).completed


def test_a_non_scored_activity_saved_as_required_before_counts_as_done_once_opened(home_pages):
    course, lessons = course_tree(lessons=1, h5p_package=non_scored_package())
    trainee = UserFactory()
    services.enrolment_create(user=trainee, course=course)
    client = Client()
    client.force_login(trainee)
    assert client.get(lessons[0].url).status_code == 200
    outcome = services.lesson_complete(user=trainee, lesson=lessons[0])
    assert outcome.completed and outcome.course_completed


# Issue 17, item 2: the frame's token


def test_the_frame_token_is_scoped_signed_and_expires(english_module):
    from courses.h5p.frame import DAY, issue_token, read_token

    package, _course, lessons, _course_en, _lessons_en, trainee, _client = english_module
    token = issue_token(user_id=trainee.pk, lesson_id=lessons[0].pk, package_id=package.pk, now=0)
    assert read_token(token, now=DAY).user_id == trainee.pk
    assert read_token(token, now=2 * DAY) is None  # expired after the next day
    assert read_token(token[:-2] + "xx", now=0) is None  # forged
    anonymous = Client()
    live = issue_token(user_id=trainee.pk, lesson_id=lessons[0].pk, package_id=package.pk)
    base = f"/h5p/t/{live}"
    assert anonymous.get(f"{base}/{lessons[0].pk}/{package.pk}/h5p.json")["Access-Control-Allow-Origin"] == "*"
    assert anonymous.get(f"{base}/{lessons[1].pk}/{package.pk}/h5p.json").status_code == 404  # another lesson
    assert anonymous.get(f"{base}/{lessons[0].pk}/{package.pk}/../../etc/passwd").status_code == 404
    # A loader's CORS preflight (SoundJS in the hub's ArithmeticQuiz sends X-Requested-With) is answered
    # without reading anything; what follows is checked as any GET. Other methods stay refused.
    preflight = anonymous.options(
        f"{base}/{lessons[0].pk}/{package.pk}/sounds/x.ogg",
        headers={
            "Origin": "null",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "x-requested-with",
        },
    )
    assert preflight.status_code == 204 and preflight.content == b""
    assert preflight["Access-Control-Allow-Origin"] == "*" and preflight["Access-Control-Allow-Methods"] == "GET"
    assert "X-Requested-With" in preflight["Access-Control-Allow-Headers"]
    assert anonymous.post(f"{base}/{lessons[0].pk}/{package.pk}/h5p.json").status_code == 405
    assert anonymous.get(f"/h5p/play/{lessons[0].pk}/act-1/{live}/").status_code == 200
    assert anonymous.get(f"/h5p/play/{lessons[0].pk}/other/{live}/").status_code == 404
    # Withdrawn from the module: the same token opens nothing any more.
    from courses.models import Enrolment

    Enrolment.objects.filter(user=trainee).update(status=Enrolment.Status.WITHDRAWN)
    assert anonymous.get(f"{base}/{lessons[0].pk}/{package.pk}/h5p.json").status_code == 404
    assert anonymous.get(f"/h5p/play/{lessons[0].pk}/act-1/{live}/").status_code == 404


# Issue 17, item 5: phone-sized copies of large content images


def test_a_large_content_image_is_served_phone_sized_and_the_original_is_kept(home_pages):
    import io

    from PIL import Image

    from courses.h5p import images
    from courses.h5p.builder import build_package
    from courses.h5p.frame import issue_token
    from lms.storage import private_storage

    photo = io.BytesIO()
    Image.effect_noise((2400, 1600), 40).convert("RGB").save(photo, "JPEG", quality=92)
    original = photo.getvalue()
    assert len(original) > 1024 * 1024  # like the 1 MB JPEG of a real TrueFalse package
    data = build_package(title="Photo", content={}, extra_files={"content/images/photo.jpg": original})
    package, _created = services.h5p_package_import(source=data)
    course, lessons = course_tree(lessons=1, h5p_package=package)
    trainee = UserFactory()
    services.enrolment_create(user=trainee, course=course)
    token = issue_token(user_id=trainee.pk, lesson_id=lessons[0].pk, package_id=package.pk)

    response = Client().get(f"/h5p/t/{token}/{lessons[0].pk}/{package.pk}/content/images/photo.jpg")
    served = b"".join(response.streaming_content)
    assert response["Content-Type"] == "image/jpeg"
    with Image.open(io.BytesIO(served)) as image:
        assert max(image.size) == images.PHONE_SIDE and image.format == "JPEG"
    assert len(served) < len(original) / 4, (len(served), len(original))
    with private_storage().open(f"{package.storage_prefix}/content/images/photo.jpg", "rb") as kept:
        assert kept.read() == original
    print(f"2G weight of the photo: {len(original)} bytes before, {len(served)} after")


def test_the_package_knows_its_first_load_weight_and_its_remote_resources(home_pages):
    import random

    from courses.h5p.builder import build_package
    from courses.h5p.weight import FIRST_LOAD_BUDGET

    light = services.h5p_package_import(source=build_package(title="Léger", content={}))[0]
    assert 0 < light.first_load_bytes < FIRST_LOAD_BUDGET and light.remote_resources == []
    assert "⚠" not in light.first_load()
    heavy_content = {"video": "https://h5p.org/sites/default/files/video.mp4", "ns": "http://www.w3.org/2000/svg"}
    heavy = services.h5p_package_import(
        source=build_package(
            title="Lourd",
            content=heavy_content,
            extra_files={"content/images/map.png": b"\x89PNG" + random.Random(1).randbytes(330 * 1024)},
        )
    )[0]
    assert heavy.first_load_bytes > FIRST_LOAD_BUDGET
    assert heavy.remote_resources == ["https://h5p.org/sites/default/files/video.mp4"]
    assert heavy.first_load().endswith("⚠")
