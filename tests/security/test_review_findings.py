"""Findings of the outside review (December 2026): each test shows one problem and fails until it is fixed.

Each test names the route or command it attacks; the review report gives the severity and the
reproduction by hand.
"""

import json
import shutil

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation
from wagtail.models import Page

from assessments.models import Attempt
from courses import demo as courses_demo
from courses.models import CoursePage
from lms import roles
from tests import factories
from tests.assessments.test_may_take_test import _ready_for_the_post_test, _set_open, room  # noqa: F401
from tests.factories import RIGHT_ANSWERS, take_test
from tests.training.test_reach import world  # noqa: F401  (the two regions' fixture)
from training import services as training_services
from training.models import Participant

pytestmark = pytest.mark.django_db

# The words that tell an onlooker what the programme is about (docs/certificates.md, "neutral titles").
SUBJECT_WORDS = ("traite", "trafic", "traffick", "exploitation")


# --- The installed app names the programme's subject on the trainee's home screen ----------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_installed_apps_name_does_not_reveal_the_programmes_subject(client: Client, language: str):
    """/manifest.webmanifest: the name under the icon on a survivor's phone (and in its app list and
    task switcher) must be as neutral as the certificates and the verification page, which anyone
    glancing at the phone sees without opening anything."""
    manifest = json.loads(client.get(f"/manifest.webmanifest?lang={language}").content)
    shown = f"{manifest['name']} {manifest['short_name']}".casefold()
    assert not [word for word in SUBJECT_WORDS if word in shown], manifest["name"]


# --- import_content reads modules outside the programme folder ------------------------------------

MODULE = "securite-humaine"


@pytest.fixture
def outside_programme(tmp_path, home_pages):
    """A programme folder whose catalogue names a module by a path that leaves the folder."""
    programme, elsewhere = tmp_path / "programme", tmp_path / "elsewhere"
    (programme / "modules").mkdir(parents=True)
    shutil.copytree(courses_demo.CONTENT / MODULE, elsewhere / MODULE)
    catalogue = yaml.safe_load((courses_demo.CONTENT / "catalogue.yaml").read_text(encoding="utf-8"))
    catalogue["modules"] = [f"../../elsewhere/{MODULE}"]
    (programme / "modules" / "catalogue.yaml").write_text(
        yaml.safe_dump(catalogue, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return programme


def test_import_content_refuses_a_module_named_by_a_path_outside_the_programme_folder(outside_programme):
    """`manage.py import_content DIR`: a slug in catalogue.yaml is a folder name. "../../elsewhere/x"
    makes the import read files outside DIR (any readable folder of module files on the server) and
    write them over the module whose slug is the last part of the path. It must be a problem named
    in the file, with nothing written, as for any other wrong field."""
    pages = Page.objects.count()
    with pytest.raises(CommandError) as raised:
        call_command("import_content", str(outside_programme), "--check")
    assert "catalogue.yaml" in str(raised.value)
    with pytest.raises(CommandError):
        call_command("import_content", str(outside_programme))
    assert Page.objects.count() == pages
    assert not CoursePage.objects.filter(slug=MODULE).exists()


# --- Error pages: a signed-in person still meets blank or bare pages ----------------------------


@pytest.fixture
def trainee_client() -> Client:
    client = Client()
    client.force_login(factories.UserFactory(display_name="Mariama Keïta", role=roles.TRAINEE))
    return client


@pytest.mark.parametrize(("language", "home"), [("fr", "Aller à l’accueil"), ("en", "Go to the home page")])
def test_a_signed_in_person_opening_a_post_only_address_gets_a_page_not_a_blank_one(trainee_client, language, home):
    """GET /<lang>/lessons/<id>/complete/ (a bookmarked or reloaded form address, a link shared by
    message): Django's bare 405 has an empty body, so the trainee sees a white page with no way back."""
    response = trainee_client.get(f"/{language}/lessons/1/complete/")
    page = response.content.decode()
    assert response.status_code == 405
    assert f'<html lang="{language}">' in page and home in page, repr(page[:200])


@pytest.mark.parametrize(("language", "home"), [("fr", "Aller à l’accueil"), ("en", "Go to the home page")])
def test_a_signed_in_person_whose_address_holds_a_nul_byte_gets_a_page_not_bare_text(trainee_client, language, home):
    """GET /<lang>/dashboard/?q=%00 (lms.parsing.NulRefusalMiddleware): a bare text/plain 400, no
    page, no way back, unlike every other error since e50ce94."""
    response = trainee_client.get(f"/{language}/dashboard/?q=%00")
    page = response.content.decode()
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html"), response["Content-Type"]
    assert f'<html lang="{language}">' in page and home in page


# --- The consent text changed (2026-11 → 2026-12); those who agreed to the old one are never asked --


def test_a_trainee_who_consented_to_the_previous_text_is_shown_the_new_one_before_going_on():
    """CONSENT_VERSION became 2026-12 because the text now says a trainer may record one's phone
    number and organisation. Accounts that agreed to 2026-11 ("phone and organisation are optional")
    keep working as if they had agreed to the new text: no page anywhere shows it to them again."""
    user = factories.UserFactory(role=roles.TRAINEE, consent_version="2026-11")
    client = Client()
    client.force_login(user)
    response = client.get("/fr/dashboard/", follow=True)
    assert "peut aussi noter votre numéro de téléphone" in response.content.decode()


# --- H5P import: Pillow's decompression-bomb limit is only a warning there ------------------------


def test_an_h5p_image_beyond_pillows_bomb_limit_is_not_decoded_for_a_phone_copy():
    """courses/h5p/images.py `phone_copy` catches DecompressionBombError (above 2 × MAX_IMAGE_PIXELS)
    but between 1 × and 2 × Pillow only warns, and the copy decodes the whole image: a 9,500 × 9,500
    PNG of a few KB in a package costs ~90 MB (an RGB one ~270 MB) of a 2-core server's memory per
    image, at every import. Pillow's own limit should refuse it (no copy; the import may say why)."""
    import io

    from PIL import Image

    from courses.h5p import images

    side = 9500
    assert side * side > Image.MAX_IMAGE_PIXELS
    buffer = io.BytesIO()
    Image.new("1", (side, side)).save(buffer, "PNG")
    assert images.phone_copy(buffer.getvalue(), "content/images/bomb.png") is None


# --- A roster import tells a trainer whether a phone number or email has an account elsewhere -----


def _row_problems(two_regions: dict, phone: str) -> list:
    """Trainer B imports onto B's own session a row with `phone`, and a second row naming an unknown
    username, which is always refused: the report comes back with its problems and nothing is written."""
    rows = [{"name": "Quelqu'un", "phone": phone}, {"name": "Personne", "username": "personne.inconnue.zz"}]
    with translation.override("en"):
        report = training_services.roster_import(
            session=two_regions["session_b"], rows=rows, by=two_regions["trainer_b"]
        )
    return [number for number, _message in report.problems]


def test_a_roster_import_does_not_tell_another_trainer_that_a_phone_number_has_an_account(world):  # noqa: F811
    """POST /<lang>/sessions/<code>/roster/ (training.services.roster_import): a row whose phone or
    email belongs to somebody outside the trainer's reach gets "belongs to an account outside this
    session's reach", a row with an unused one gets nothing. Adding any always-refused row keeps the
    import from writing, so a trainer of another region can try phone numbers one by one, without a
    trace, and learn who has an account on an anti-trafficking platform: what the random username
    suffix (docs/security.md) was made to prevent, and what sign-up never reveals for an email."""
    active = world["targets"]["A's active trainee"]
    participants_before = Participant.objects.count()
    known = _row_problems(world, active.phone)
    unknown = _row_problems(world, "+224629999999")
    assert Participant.objects.count() == participants_before
    assert known == unknown, f"rows refused: {known} for a known phone, {unknown} for an unused one"


# --- Evaluation exports: k-anonymous rows, but the pseudonym links a trainee's rows across modules --


def _pair(user_id: int, course_id: int):
    from types import SimpleNamespace

    def attempt(percent):
        return SimpleNamespace(finished_on="2026-11-03", mode="online", form_label="A", percent=percent)

    return SimpleNamespace(
        user_id=user_id,
        course_id=course_id,
        course_title=f"Module {course_id}",
        pre=attempt(40.0),
        post=attempt(80.0 + user_id),
        pre_raw={},
        post_raw={},
        prefecture="Kankan",
        session="",
        sex="",
        age_band="",
        region="Kankan",
        language="fr",
        audience="police",
        natural_region="upper",
    )


def test_an_export_does_not_single_out_the_one_trainee_who_took_two_modules():
    """GET /<lang>/evaluation/prepost.csv and prepost.xlsx (evaluation.exports.data_table): every row shares its module,
    forms and group fields with 4 others, as designed, but the `trainee` pseudonym is the same on all
    of one person's rows. Five people sat module 1, five module 2, and one of them both: that
    pseudonym is the only one on two rows, so whoever knows who took both modules (her trainer, a
    colleague) reads her scores in both. Combined over a person's rows, the file must still put
    everyone in a group of at least five."""
    from collections import Counter, defaultdict
    from types import SimpleNamespace

    from evaluation import exports

    pairs = [_pair(user_id, 1) for user_id in range(1, 6)] + [_pair(user_id, 2) for user_id in range(5, 10)]
    header, rows = exports.data_table(SimpleNamespace(withheld=False, pairs=pairs))
    trainee, module = header.index("trainee"), header.index("module")
    modules_of = defaultdict(set)
    for row in rows:
        modules_of[row[trainee]].add(row[module])
    sizes = Counter(frozenset(modules) for modules in modules_of.values())
    assert min(sizes.values()) >= 5, {tuple(sorted(k)): v for k, v in sizes.items()}


# --- Staff without a second factor: rights given otherwise than by one of the four role groups -----


@pytest.mark.parametrize("how", ["direct permission", "group of its own"])
def test_an_account_given_the_evaluation_right_otherwise_than_by_a_role_must_enrol_a_second_factor(how):
    """lms.roles.is_staff_account asks only the four role groups (and coordinators, is_staff,
    is_superuser). An administrator who gives a funder's account `lms.view_evaluation` directly in
    Django's admin, or through a group of their own ("Bailleurs"), gives it the report and its
    trainee-level exports with a password alone: GET /fr/evaluation/ answers 200 instead of sending it
    to /fr/accounts/2fa/totp/activate/. training.selectors.staff_accounts already counts both as staff."""
    from django.contrib.auth.models import Group, Permission

    user = factories.UserFactory(role=roles.TRAINEE, second_factor=False)
    permission = Permission.objects.get(codename="view_evaluation", content_type__app_label="lms")
    if how == "direct permission":
        user.user_permissions.add(permission)
    else:
        funders = Group.objects.create(name="Bailleurs")
        funders.permissions.add(permission)
        user.groups.add(funders)
    client = Client()
    client.force_login(user)
    response = client.get("/fr/evaluation/")
    assert response.status_code == 302 and "/accounts/2fa/totp/activate/" in response["Location"], response.status_code


def test_a_signed_in_person_held_back_by_allauths_rate_limit_gets_the_sites_page_in_french(trainee_client):
    """POST /fr/accounts/password/change/ six times in a minute (allauth's change_password limit,
    5/m/user; the same for reauthenticate, manage_email, the 2FA steps, and login/sign-up per
    address): with no 429 template and no handler429 in lms.urls, allauth answers its bare English
    "429 Too Many Requests" page: not the site's, no French, no way back."""
    responses = [
        trainee_client.post(
            "/fr/accounts/password/change/",
            {"oldpassword": "not-it", "password1": "Un-Autre-Mot-2026", "password2": "Un-Autre-Mot-2026"},
        )
        for _attempt in range(7)
    ]
    limited = responses[-1]
    page = limited.content.decode()
    assert limited.status_code == 429, [response.status_code for response in responses]
    assert '<html lang="fr">' in page and "Aller à l’accueil" in page, page[:200]


# --- The one access rule is not asked when an online attempt is submitted -------------------------


def test_an_online_attempt_open_when_the_post_test_closes_cannot_be_submitted_to_count(room):  # noqa: F811
    """POST /fr/attempts/<id>/submit/ and /api/attempts/<id>/responses/: once the post-test is closed
    its review is open (correct answers and explanations) to everyone who handed it in; a trainee
    whose online attempt is still open then saves the right answers (a neighbour shows them her
    review) and submits: the attempt counts. The same answers arriving by sync are flagged late
    (access.may_take_test, REVIEW_OPEN); the online save and submit never ask the rule."""
    from assessments import services as assessment_services
    from assessments.models import Question

    post = room["post"]
    neighbour, late = _ready_for_the_post_test(room), _ready_for_the_post_test(room)
    take_test(user=neighbour, test=post)
    attempt, _created = assessment_services.attempt_start(user=late, test=post)
    _set_open(post, False)  # the editor closes it: the neighbour's review opens
    client = Client()
    client.force_login(late)
    questions = Question.objects.filter(pk__in=[item["question"] for item in attempt.layout])
    for question in questions:
        client.post(
            f"/api/attempts/{attempt.pk}/responses/",
            json.dumps({"question": question.pk, "answer": RIGHT_ANSWERS[question.reference], "seq": 1}),
            content_type="application/json",
        )
    client.post(f"/fr/attempts/{attempt.pk}/submit/", {})
    attempt.refresh_from_db()
    counted = attempt.status != Attempt.Status.OPEN and not attempt.flag
    assert not counted, f"status {attempt.status}, score {attempt.score}/{attempt.max_score}, no flag"


# --- import_content stores lesson HTML as written: what Draftail would never let an editor type -----

HOSTILE_HTML = (
    '<p>Bienvenue.</p><meta http-equiv="refresh" content="0;url=https://example.org/faux-formulaire">'
    '<img src="x" onerror="alert(1)"><a href="javascript:alert(2)">lien</a>'
)


def test_import_content_keeps_lesson_text_to_the_blocks_rich_text_features(outside_programme):
    """`manage.py import_content DIR`: a lesson's rich_text goes into the page unfiltered. The site's
    CSP stops the event handler and the javascript: link, but not <meta http-equiv="refresh">, which
    sends every trainee who opens the lesson to another site (a false "log in again" page). Wagtail's
    editor (Draftail) keeps only LESSON_RICH_TEXT_FEATURES; a content file must get the same."""
    from courses.models import LessonPage

    programme = outside_programme
    modules = programme / "modules"
    shutil.copytree(courses_demo.CONTENT / MODULE, modules / MODULE)
    catalogue = yaml.safe_load((modules / "catalogue.yaml").read_text(encoding="utf-8"))
    catalogue["modules"] = [MODULE]
    (modules / "catalogue.yaml").write_text(yaml.safe_dump(catalogue, allow_unicode=True), encoding="utf-8")
    module = yaml.safe_load((modules / MODULE / "module.yaml").read_text(encoding="utf-8"))
    first = module["lessons"][0]
    lesson_file = modules / MODULE / f"{first}.yaml"
    lesson = yaml.safe_load(lesson_file.read_text(encoding="utf-8"))
    lesson["fr"]["body"][0] = {"rich_text": HOSTILE_HTML}
    lesson_file.write_text(yaml.safe_dump(lesson, allow_unicode=True), encoding="utf-8")
    call_command("import_content", str(programme))
    stored = json.dumps(list(LessonPage.objects.get(slug=first, locale__language_code="fr").body.raw_data))
    for hostile in ("http-equiv", "onerror", "javascript:"):
        assert hostile not in stored, hostile
