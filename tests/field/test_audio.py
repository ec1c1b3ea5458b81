"""Audio in national languages: editors add clips to questions, choices and lesson key points; pages
show a "listen" control per clip with its language and size and load nothing before the tap; bad
uploads are refused before anything is written; the demo speaks one clip with espeak-ng."""

import io
import re
import shutil

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from wagtail.documents.models import Document

from assessments import selectors, services
from assessments.models import Attempt, Question, QuestionBank
from courses import audio
from courses.blocks import AudioDocumentChooserBlock
from courses.models import AudioLanguage, LessonPage
from tests.assessments import test_question_admin
from tests.factories import UserFactory
from tests.field.audio import clip_document, give_question_clips, pular, wav_bytes

pytestmark = pytest.mark.django_db
editor_client = test_question_admin.editor_client  # the same fixture: an editor logged in


# --- Checking a clip --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("clip.exe", b"MZ\x90\x00" + b"\x00" * 20, "extension"),
        ("clip.pdf", b"%PDF-1.4" + b"\x00" * 20, "extension"),
        ("clip.mp3", b"<html><body>not audio</body></html>", "content"),
        ("clip.wav", b"RIFF\x00\x00\x00\x00AVI LIST", "content"),
        ("clip.ogg", b"ID3\x03" + b"\x00" * 20, "content"),
    ],
)
def test_a_file_that_is_not_an_audio_clip_is_refused_by_extension_or_content(name, content, code):
    with pytest.raises(ValidationError) as refused:
        audio.uploaded_clip_check(SimpleUploadedFile(name, content))
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("clip.wav", wav_bytes()),
        ("clip.MP3", b"ID3\x04" + b"\x00" * 30),
        ("clip.mp3", b"\xff\xfb\x90\x00" + b"\x00" * 30),
        ("clip.ogg", b"OggS\x00\x02" + b"\x00" * 30),
        ("clip.opus", b"OggS\x00\x02" + b"\x00" * 30),
        ("clip.m4a", b"\x00\x00\x00\x20ftypM4A " + b"\x00" * 30),
    ],
)
def test_clips_in_each_accepted_format_pass(name, content):
    audio.uploaded_clip_check(SimpleUploadedFile(name, content))


def test_a_clip_over_the_size_cap_is_refused_with_a_translated_reason():
    upload = SimpleUploadedFile("long.wav", wav_bytes(seconds=1))  # 32 KB
    with override_settings(AUDIO_CLIP_MAX_BYTES=20 * 1024), pytest.raises(ValidationError) as refused:
        audio.uploaded_clip_check(upload)
    assert refused.value.code == "size"
    assert "32" in refused.value.messages[0] and "20" in refused.value.messages[0]
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        audio.audio_clip_check(name="clip.exe", size=10, head=b"MZ")
    expected = "“clip.exe” is not an audio clip: use one of MP3, OGG, OGA, OPUS, M4A, WAV."
    assert refused.value.messages == [expected]


def test_storing_a_bad_upload_writes_no_document_and_no_file(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError):
        from courses.services import audio_clip_store

        audio_clip_store(upload=SimpleUploadedFile("clip.mp3", b"<html>"), title="x")
    assert Document.objects.count() == 0
    assert not any(tmp_path.rglob("*.mp3"))


def test_kilobytes_round_up_and_are_never_zero():
    assert [audio.kilobytes(size) for size in (0, 1, 1024, 1025, 18 * 1024)] == [1, 1, 1, 2, 18]


def test_a_lesson_block_refuses_a_chosen_document_that_is_not_audio():
    document = Document.objects.create(title="notes", file=SimpleUploadedFile("notes.mp3", b"just text, renamed"))
    with pytest.raises(ValidationError):
        AudioDocumentChooserBlock().clean(document)
    good = clip_document()
    assert AudioDocumentChooserBlock().clean(good) == good


# --- Editors: clips for a question and each choice in the admin --------------------------------------


def _edit_form(question: Question, **files) -> dict:
    """The admin form's current values for `question`, with `files` added."""
    from assessments.admin_forms import QuestionAdminForm

    form = QuestionAdminForm(instance=question)
    data = {}
    for name, field in form.fields.items():
        if name.endswith("_upload") or field.disabled:
            continue
        value = form.initial.get(name, field.initial)
        if value is not None:
            data[name] = value.pk if hasattr(value, "pk") else value
    return {**data, **files}


def test_an_editor_uploads_a_clip_for_a_question_and_one_for_a_choice(editor_client, trainee):
    pular()
    question = Question.objects.get(reference="Q1", is_current=True)
    page = editor_client.get(f"/admin/question/edit/{question.pk}/").content.decode()
    for name in ("audio_fuf", "audio_fuf_upload", "audio_fuf_b", "audio_fuf_b_upload"):
        assert f'name="{name}"' in page
    assert 'enctype="multipart/form-data"' in page

    data = _edit_form(
        question,
        audio_fuf_upload=SimpleUploadedFile("question.wav", wav_bytes()),
        audio_fuf_b_upload=SimpleUploadedFile("choix-b.wav", wav_bytes(seconds=0.1)),
    )
    response = editor_client.post(f"/admin/question/edit/{question.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    question.refresh_from_db()
    assert question.version == 1  # clips are not what is answered: no new version
    documents = Document.objects.in_bulk([question.audio["question"]["fuf"], question.audio["options"]["b"]["fuf"]])
    assert sorted(d.file_size for d in documents.values()) == [len(wav_bytes(seconds=0.1)), len(wav_bytes())]

    # Saving again changes nothing; clearing the question's clip keeps the choice's.
    before = question.audio
    assert editor_client.post(f"/admin/question/edit/{question.pk}/", _edit_form(question)).status_code == 302
    question.refresh_from_db()
    assert question.audio == before
    response = editor_client.post(f"/admin/question/edit/{question.pk}/", {**_edit_form(question), "audio_fuf": ""})
    assert response.status_code == 302
    question.refresh_from_db()
    assert "question" not in question.audio and question.audio["options"]["b"]["fuf"]


def test_an_editor_chooses_a_clip_already_in_the_library_and_a_non_audio_document_is_refused(editor_client, trainee):
    pular()
    question = Question.objects.get(reference="Q1", is_current=True)
    clip = clip_document(name="deja-la.wav")
    notes = Document.objects.create(title="notes", file=SimpleUploadedFile("notes.mp3", b"just text, renamed"))
    url = f"/admin/question/edit/{question.pk}/"
    response = editor_client.post(url, {**_edit_form(question), "audio_fuf_a": notes.pk})
    assert response.status_code == 200 and "audio_fuf_a" in response.context["form"].errors
    question.refresh_from_db()
    assert question.audio == {}
    response = editor_client.post(url, {**_edit_form(question), "audio_fuf_a": clip.pk})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.audio == {"options": {"a": {"fuf": clip.pk}}}


def test_a_bad_upload_in_the_admin_is_refused_with_its_reason_and_nothing_is_written(editor_client, trainee):
    pular()
    question = Question.objects.get(reference="Q1", is_current=True)
    before = (Document.objects.count(), question.audio)
    with translation.override("en"):
        response = editor_client.post(
            f"/admin/question/edit/{question.pk}/",
            _edit_form(
                question,
                audio_fuf_upload=SimpleUploadedFile("question.wav", wav_bytes()),
                audio_fuf_a_upload=SimpleUploadedFile("virus.exe", b"MZ" + b"\x00" * 40),
            ),
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 200
    assert "virus.exe" in str(response.context["form"].errors["audio_fuf_a_upload"])
    question.refresh_from_db()
    assert (Document.objects.count(), question.audio) == before


def test_a_new_version_keeps_the_clips_and_drops_those_of_removed_choices(trainee):
    give_question_clips("Q1")
    question = Question.objects.get(reference="Q1", is_current=True)
    attempt = Attempt.objects.create(
        user=UserFactory(), test=trainee["pre"], form=trainee["pre"].forms.first(), number=1, layout=[]
    )
    from assessments.models import Response

    Response.objects.create(attempt=attempt, question=question, answer="b", seq=1)
    content = {lang: {**entry, "options": {"a": "A", "c": "C"}} for lang, entry in question.content.items()}
    new = services.question_save(
        bank=question.bank,
        reference="Q1",
        kind="single",
        objective=question.objective,
        content=content,
        key={"correct": "a"},
    )
    assert new.version == 2
    assert new.audio == {"question": question.audio["question"]}  # the clip of removed choice "b" is gone


# --- What the trainee sees ---------------------------------------------------------------------------


def test_the_test_page_shows_a_listen_control_per_clip_with_language_and_size(trainee):
    question_clip, option_clip = give_question_clips("Q1", seconds=0.6)
    client = trainee["client"]
    client.post(f"/en/tests/{trainee['pre'].pk}/")
    html = client.get(f"/en/tests/{trainee['pre'].pk}/").content.decode()
    size = audio.kilobytes(question_clip.file_size)
    assert f"Listen in Pular ({size} KB)" in html
    assert f"Listen in Pular ({audio.kilobytes(option_clip.file_size)} KB)" in html
    assert html.count('preload="none"') == 2 and html.count('<details class="listen"') == 2
    assert '<details class="listen" data-listen open' not in html
    assert "courses/listen.js" in html
    assert f'href="{question_clip.url}"' in html  # the plain link for browsers without <audio>


def test_a_test_without_clips_loads_no_listen_script(trainee):
    client = trainee["client"]
    client.post(f"/fr/tests/{trainee['pre'].pk}/")
    html = client.get(f"/fr/tests/{trainee['pre'].pk}/").content.decode()
    assert "listen.js" not in html and "<audio" not in html


def test_french_names_the_language_in_lower_case():
    clip = clip_document()
    with translation.override("fr"):
        assert audio.clip_of(language=pular(), document=clip).language == "pular"
    with translation.override("en"):
        assert audio.clip_of(language=pular(), document=clip).language == "Pular"


def test_question_clips_cost_two_queries_and_none_without_audio(trainee, django_assert_num_queries):
    attempt, _created = services.attempt_start(user=trainee["user"], test=trainee["pre"])
    with django_assert_num_queries(2):  # responses, questions
        selectors.attempt_questions(attempt=attempt, language="fr")
    give_question_clips("Q1")
    give_question_clips("Q3")
    with django_assert_num_queries(4):  # + documents, languages
        shown = selectors.attempt_questions(attempt=attempt, language="fr")
    assert [len(q.clips) for q in shown if q.clips] == [1, 1]


def test_a_lesson_key_point_shows_its_text_and_a_listen_control(trainee):
    clip = clip_document(seconds=0.5)
    lesson = LessonPage.objects.get(pk=trainee["lessons"][0].pk)
    lesson.body = [("key_point", {"text": "La traite est un crime.", "clips": [{"language": pular(), "file": clip}]})]
    lesson.save_revision().publish()
    attempt, _created = services.attempt_start(user=trainee["user"], test=trainee["pre"])  # the pre-test opens lessons
    services.attempt_submit(user=trainee["user"], attempt_id=attempt.pk)
    html = trainee["client"].get(lesson.url).content.decode()
    assert "La traite est un crime." in html
    # French, once the catalogue has the string ("Écouter en pular (1 Ko)"); the English source before.
    kb = audio.kilobytes(clip.file_size)
    assert re.search(rf"(Écouter en|Listen in) pular \({kb} (Ko|KB)\)", html), html
    assert 'preload="none"' in html and "courses/listen.js" in html
    assert "data-keep hidden" in html  # the keep-offline control, hidden until its script shows it


def test_the_offline_download_lists_the_clips_and_the_intro_offers_them_with_their_size(trainee):
    question_clip, option_clip = give_question_clips("Q1")
    client = trainee["client"]
    html = client.get(f"/en/tests/{trainee['pre'].pk}/").content.decode()
    total = audio.kilobytes(question_clip.file_size + option_clip.file_size)
    assert f"Keep the audio in national languages too ({total} KB)" in html
    package = client.post(f"/api/offline-tests/{trainee['pre'].pk}/", {"language": "en"}).json()
    assert package["audio"] == sorted([question_clip.url, option_clip.url])
    assert "Listen in Pular" in package["sheets"][0]["html"]


def test_a_test_without_audio_offers_no_audio_to_keep(trainee):
    html = trainee["client"].get(f"/en/tests/{trainee['pre'].pk}/").content.decode()
    assert "data-offline-audio" not in html


# --- The demo clip -----------------------------------------------------------------------------------


def test_seed_demo_speaks_a_french_placeholder_clip_once(home_pages, tmp_path, settings):
    assert shutil.which("espeak-ng"), "espeak-ng is installed by `make install` (Makefile APT_RUN)"
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", stdout=io.StringIO())
    clips = list(Document.objects.filter(title__startswith="Démo"))
    assert len(clips) == 2
    for clip in clips:
        with clip.file.open("rb") as handle:
            head = handle.read(44)
        assert head[:4] == b"RIFF" and head[8:12] == b"WAVE"
        assert int.from_bytes(head[24:28], "little") == 16_000 and int.from_bytes(head[22:24], "little") == 1
        assert clip.file_size < 200 * 1024
    language = AudioLanguage.objects.get(code="fr-synth")
    assert "synthèse" in language.name
    question = Question.objects.get(bank__in=QuestionBank.objects.all(), audio__has_key="question")
    assert question.audio["question"] == {"fr-synth": Document.objects.get(title__contains="question").pk}
    lesson_blocks = [
        block for lesson in LessonPage.objects.all() for block in lesson.body if block.block_type == "key_point"
    ]
    assert len(lesson_blocks) == 2  # the French lesson and its English translation
    # Again: nothing new.
    output = io.StringIO()
    call_command("seed_demo", stdout=output)
    assert Document.objects.filter(title__startswith="Démo").count() == 2
    assert sum(1 for lesson in LessonPage.objects.all() for b in lesson.body if b.block_type == "key_point") == 2
    assert "skipped" not in output.getvalue()


def test_seed_demo_without_espeak_ng_says_it_skipped_the_clips(home_pages, tmp_path, settings, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without espeak-ng
    output = io.StringIO()
    with translation.override("en"):
        call_command("seed_demo", stdout=output)
    assert "espeak-ng is not installed: the demo audio clip of the first lesson was skipped." in output.getvalue()
    assert "espeak-ng is not installed: the demo audio clip of the first question was skipped." in output.getvalue()
    assert not Document.objects.exists()
    assert not Question.objects.exclude(audio={}).exists()
