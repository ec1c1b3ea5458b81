"""One factory per model (tests/test_factories.py checks each builds a valid object)."""

import datetime

import factory
from django.conf import settings
from django.utils import timezone

from lms import mfa, roles
from lms.models import AdministrativeRegion, Audience, Prefecture, User

# The authenticator-app secret of every staff account the factories make (lms.mfa.totp_code gives
# its current code; tests.browser_login answers the login's code step with it).
TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"


class AdministrativeRegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdministrativeRegion
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"region-{n}")
    name = factory.Sequence(lambda n: f"Région {n}")


class PrefectureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Prefecture
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"prefecture-{n}")
    name = factory.Sequence(lambda n: f"Préfecture {n}")
    region = factory.SubFactory(AdministrativeRegionFactory)
    natural_region = "upper"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"apprenant{n}")
    display_name = factory.Faker("name", locale="fr_FR")
    audience = Audience.CIVIL_SOCIETY
    consent_given_at = factory.LazyFunction(timezone.now)
    consent_version = settings.CONSENT_VERSION
    password = factory.django.Password("motdepasse-123")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        """`role=roles.TRAINER` (or another role) puts the person in that role's group."""
        if create and extracted:
            self.groups.add(roles.roles_sync()[extracted])

    @factory.post_generation
    def second_factor(self, create, extracted, **kwargs):
        """Staff (lms.roles.is_staff_account) get an authenticator app holding TOTP_SECRET, as they must
        to reach staff pages; `second_factor=False` leaves it out, `True` gives one to anybody."""
        if create and (extracted or (extracted is None and roles.is_staff_account(self))):
            mfa.totp_enrol(user=self, secret=TOTP_SECRET)


def staff(user: User, role: str) -> User:
    """Put an existing account in a staff role, with the authenticator app staff must have."""
    user.groups.add(roles.roles_sync()[role])
    mfa.totp_enrol(user=user, secret=TOTP_SECRET)
    return user


# --- courses ------------------------------------------------------------------------------------


def course_tree(*, lessons: int = 3, h5p_package=None, title: str = "Module test", open_enrolment: bool = True):
    """A published catalogue → module → lessons tree under the French home page.

    With `h5p_package`, the first lesson holds one required H5P activity (block id "act-1").
    Returns (course, [lessons]).
    """
    from wagtail.models import Locale

    from courses.models import CourseIndexPage, CoursePage, LessonPage
    from lms import demo

    home = demo.seed_home_pages()["fr"]
    fr = Locale.objects.get(language_code="fr")
    catalogue = CourseIndexPage.objects.child_of(home).first()
    if catalogue is None:
        catalogue = home.add_child(instance=CourseIndexPage(title="Modules", slug="modules", locale=fr))
        catalogue.save_revision().publish()
    n = CoursePage.objects.count()
    course = catalogue.add_child(
        instance=CoursePage(title=f"{title} {n}", slug=f"module-{n}", summary="Résumé.", open_enrolment=open_enrolment)
    )
    course.save_revision().publish()
    pages = []
    for i in range(lessons):
        body = [{"type": "rich_text", "value": f"<p>Leçon {i + 1}</p>", "id": f"text-{i}"}]
        if i == 0 and h5p_package is not None:
            body.append(
                {
                    "type": "h5p",
                    "id": "act-1",
                    "value": {"title": "Scénario", "package": h5p_package.pk, "required": True, "pass_percentage": 50},
                }
            )
        lesson = course.add_child(instance=LessonPage(title=f"Leçon {i + 1}", slug=f"lecon-{i + 1}", body=body))
        lesson.save_revision().publish()
        pages.append(lesson)
    return course, pages


def translate_course(course, lessons, *, titles: dict[str, str] | None = None):
    """English translations of a module and its lessons, published, as wagtail-localize would make them.

    The stream keeps its block ids; H5P activity titles are translated through `titles`
    ({French title: English title}). Returns (course_en, [lessons_en]).
    """
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    titles = titles or {}
    course_en = course.copy_for_translation(english, copy_parents=True, alias=False)
    course_en.title = f"{course.title} (EN)"
    course_en.save_revision().publish()
    translated = []
    for lesson in lessons:
        lesson_en = lesson.copy_for_translation(english)
        lesson_en.title = lesson.title.replace("Leçon", "Lesson")
        raw = list(lesson_en.body.raw_data)
        for item in raw:
            if item["type"] == "h5p":
                item["value"]["title"] = titles.get(item["value"]["title"], item["value"]["title"])
        lesson_en.body = raw
        lesson_en.save_revision().publish()
        translated.append(lesson_en)
    course_en.refresh_from_db()
    return course_en, translated


def upload_h5p(client, data: bytes, title: str = ""):
    """An editor's upload of the `.h5p` file `data` through the Wagtail admin's form."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    return client.post(
        reverse("wagtailsnippets_courses_h5ppackage:add"),
        {"title": title, "package_file": SimpleUploadedFile("p.h5p", data, content_type="application/zip")},
    )


def h5p_package(**build_kwargs):
    """An imported H5P package built from our own content type."""
    from courses import services
    from courses.h5p.builder import build_package

    content = build_kwargs.pop(
        "content",
        {
            "scenario": "<p>Awa reçoit une offre d'emploi à l'étranger.</p>",
            "questions": [
                {
                    "text": "Est-ce un indicateur de traite ?",
                    "answers": [
                        {"text": "Oui", "correct": True, "feedback": "Oui."},
                        {"text": "Non", "correct": False, "feedback": "Non."},
                    ],
                }
            ],
        },
    )
    package, _created = services.h5p_package_import(
        source=build_package(title=build_kwargs.pop("title", "Scénario"), content=content, **build_kwargs)
    )
    return package


# --- assessments --------------------------------------------------------------------------------

QUESTIONS = [
    ("Q1", "single", {"text": "Q1 ?", "options": {"a": "A", "b": "B", "c": "C"}}, {"correct": "b"}, 1),
    ("Q2", "true_false", {"text": "Q2 ?", "options": {"true": "Vrai", "false": "Faux"}}, {"correct": "false"}, 1),
    (
        "Q3",
        "multiple",
        {"text": "Q3 ?", "options": {"a": "A", "b": "B", "c": "C", "d": "D"}},
        {"correct": ["a", "c"]},
        2,
    ),
    (
        "Q4",
        "matching",
        {"text": "Q4 ?", "left": {"1": "Un", "2": "Deux"}, "right": {"a": "a", "b": "b", "c": "c"}},
        {"pairs": {"1": "b", "2": "a"}},
        2,
    ),
    ("Q5", "ordering", {"text": "Q5 ?", "options": {"a": "A", "b": "B", "c": "C"}}, {"order": ["c", "a", "b"]}, 2),
    ("Q6", "short", {"text": "Q6 ?", "accepted": ["finalité", "but d'exploitation"]}, {}, 1),
]
RIGHT_ANSWERS = {
    "Q1": "b",
    "Q2": "false",
    "Q3": ["a", "c"],
    "Q4": {"1": "b", "2": "a"},
    "Q5": ["c", "a", "b"],
    "Q6": " Finalite ",
}


def assessment_setup(*, lessons: int = 2, time_limit=None, forms=None, h5p_package=None):
    """A module with a question bank of six questions (one of each kind) and a pre- and a post-test.

    Returns (course, lessons, pre_test, post_test).
    """
    from assessments import services
    from assessments.models import QuestionBank

    course, pages = course_tree(lessons=lessons, h5p_package=h5p_package)
    bank = QuestionBank.objects.create(course=course, title="Banque")
    for reference, kind, text, key, points in QUESTIONS:
        content = {"fr": {**text, "objective": f"Objectif {kind}"}, "en": {**text, "objective": f"Objective {kind}"}}
        services.question_save(
            bank=bank,
            reference=reference,
            kind=kind,
            objective=f"Objectif {kind}",
            content=content,
            key=key,
            points=points,
        )
    references = [q[0] for q in QUESTIONS]
    forms = forms or {"": references}
    pre = services.test_define(course=course, kind="pre", forms=forms, pass_mark=0, time_limit_minutes=time_limit)
    post = services.test_define(course=course, kind="post", forms=forms, pass_mark=70, time_limit_minutes=time_limit)
    return course, pages, pre, post


# --- training -----------------------------------------------------------------------------------


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    """A planned two-day session in a prefecture of its own, with one trainer (`trainer=`)."""

    class Meta:
        model = "training.TrainingSession"
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"S{n:04d}")
    title = factory.Sequence(lambda n: f"Session {n}")
    prefecture = factory.SubFactory(PrefectureFactory)
    start_date = factory.LazyFunction(timezone.localdate)
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=1))
    join_code = factory.Sequence(lambda n: f"J{n:05d}")
    status = "open"

    @factory.post_generation
    def trainer(self, create, extracted, **kwargs):
        if create and extracted is not None:
            self.trainers.add(extracted)

    @factory.post_generation
    def courses(self, create, extracted, **kwargs):
        if create and extracted:
            self.courses.set(extracted)


class CoordinatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Coordinator"

    user = factory.SubFactory(UserFactory)
    region = factory.SubFactory(AdministrativeRegionFactory)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Participant"

    session = factory.SubFactory(TrainingSessionFactory)
    user = factory.SubFactory(UserFactory)


class SessionDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.SessionDay"
        django_get_or_create = ("session", "date")

    session = factory.SubFactory(TrainingSessionFactory)
    date = factory.LazyAttribute(lambda o: o.session.start_date)


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.Attendance"

    participant = factory.SubFactory(ParticipantFactory)
    day = factory.LazyAttribute(lambda o: SessionDayFactory(session=o.participant.session))
    status = "present"


class TestWindowFactory(factory.django.DjangoModelFactory):
    __test__ = False  # a factory, not a pytest test class

    class Meta:
        model = "training.TestWindow"

    session = factory.SubFactory(TrainingSessionFactory)
    kind = "pre"
    opened_at = factory.LazyFunction(timezone.now)


class ProgrammeTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training.ProgrammeTarget"
        django_get_or_create = ("measure",)

    measure = "participants"
    value = 100


class StaffAccessFactory(factory.django.DjangoModelFactory):
    """An evaluator's view of the report, as lms.access_log logs it."""

    class Meta:
        model = "lms.StaffAccess"

    user = factory.SubFactory(UserFactory)
    username = factory.LazyAttribute(lambda access: access.user.username if access.user else "")
    what = "evaluation_page"
    subject = "prepost"
    filters = factory.LazyFunction(lambda: {"audience": "police"})


def prepost_results(*, course, pre, post, trainees: list[dict]) -> list:
    """Finished pre- and post-test attempts written directly (no services), for report tests.

    Each trainee dict: user, pre (list of 0/1 per item of the form, or None), post (likewise),
    mode ("online"/"paper"). Marks are full points for 1, none for 0. Returns the attempts.
    """
    from assessments.models import Attempt, Question, Response

    questions = {q.reference: q for q in Question.objects.filter(bank__course=course, is_current=True)}
    attempts = []
    for trainee in trainees:
        for test, pattern in ((pre, trainee.get("pre")), (post, trainee.get("post"))):
            if pattern is None:
                continue
            form = test.forms.get()
            items = [item.reference for item in form.items.all()]
            marks = [questions[r].points * right for r, right in zip(items, pattern, strict=True)]
            attempt = Attempt.objects.create(
                user=trainee["user"],
                test=test,
                form=form,
                status=Attempt.Status.SUBMITTED,
                mode=trainee.get("mode", "online"),
                finished_at=timezone.now(),
                score=float(sum(marks)),
                max_score=float(sum(questions[r].points for r in items)),
            )
            Response.objects.bulk_create(
                [
                    Response(attempt=attempt, question=questions[r], answer={}, score=float(mark))
                    for r, mark in zip(items, marks, strict=True)
                ]
            )
            attempts.append(attempt)
    return attempts


# --- certificates -------------------------------------------------------------------------------

ACCENTED_NAME = "Ɓoubacar Ɗiallo Ƴattara Ŋaliya Ɲɛlɛn Kɔrɔma Sèkou Fatoumata Bérété-Ñamakoro"


def take_test(*, user, test, right: bool = True):
    """Start, answer (all right, or all wrong) and submit a test; returns the submitted attempt."""
    from assessments import services
    from assessments.models import Question

    attempt, _created = services.attempt_start(user=user, test=test)
    questions = {q.pk: q for q in Question.objects.filter(pk__in=[item["question"] for item in attempt.layout])}
    for question in questions.values():
        answer = RIGHT_ANSWERS[question.reference] if right else "zzz"
        services.response_save(user=user, attempt_id=attempt.pk, question_id=question.pk, answer=answer, seq=1)
    return services.attempt_submit(user=user, attempt_id=attempt.pk).attempt


class SignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "certificates.Signatory"

    name = factory.Sequence(lambda n: f"Mariama Ɓah {n}")
    position = "Coordinatrice du programme"
    organisation = "OIM Guinée"


class CertificateRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "certificates.CertificateRule"
        django_get_or_create = ("course",)

    course = factory.LazyFunction(lambda: course_tree(lessons=1)[0])
    min_post_test_percent = 70


def certificate_setup(*, name: str = ACCENTED_NAME, language: str = "fr", lessons: int = 1, **rule):
    """A module with tests and a certificate rule, and an enrolled trainee who has done everything
    except the post-test. Returns (user, enrolment, post_test, rule)."""
    from courses import services as course_services

    course, pages, pre, post = assessment_setup(lessons=lessons)
    course.public_title = "Formation en sécurité humaine et protection"
    course.save_revision().publish()
    rule_obj = CertificateRuleFactory(course=course, **rule)
    user = UserFactory(display_name=name, preferred_language=language)
    user.email = f"{user.username}@example.org"
    user.save(update_fields=["email"])
    enrolment, _created = course_services.enrolment_create(user=user, course=course)
    take_test(user=user, test=pre)
    for lesson in pages:
        course_services.lesson_complete(user=user, lesson=lesson)
    return user, enrolment, post, rule_obj


class CertificateFactory(factory.django.DjangoModelFactory):
    """An issued certificate, through the one issuing service (it is never built by hand)."""

    class Meta:
        model = "certificates.Certificate"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from certificates import services

        user, enrolment, post, _rule = certificate_setup(**kwargs)
        take_test(user=user, test=post)
        return services.certificate_evaluate(enrolment_id=enrolment.pk).certificate


class CertificateEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "certificates.CertificateEvent"

    certificate = factory.SubFactory(CertificateFactory)
    action = "issued"


def prepost_module(*, references: int = 20, points: int = 1, title: str = "Bench", trainees: int = 0):
    """A module with `references` single-choice questions of `points` points (objectives cycling
    over four), pre and post on one form, and `trainees` synthetic trainees' results."""
    from assessments import services
    from assessments.models import QuestionBank
    from evaluation import synthetic

    course, _lessons = course_tree(lessons=1, title=title)
    bank = QuestionBank.objects.create(course=course, title=title)
    names = [f"{title[:1].upper()}-{i:02d}" for i in range(1, references + 1)]
    for number, reference in enumerate(names):
        text = {"text": f"Question {reference}", "options": {"a": "A", "b": "B", "c": "C"}}
        services.question_save(
            bank=bank,
            reference=reference,
            kind="single",
            objective=f"Objectif {number % 4 + 1}",
            content={"fr": text, "en": text},
            key={"correct": "b"},
            points=points,
        )
    services.test_define(course=course, kind="pre", forms={"": names}, pass_mark=0)
    services.test_define(course=course, kind="post", forms={"": names}, pass_mark=70)
    if trainees:
        synthetic.generate(course_id=course.pk, trainees=trainees)
    return course
