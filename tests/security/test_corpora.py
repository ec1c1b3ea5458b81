"""Hostile input corpora (tests/security/corpora/): stored-XSS payloads through every text a person or
an editor can enter, rendered on the pages they reach and in PDFs; formula payloads in every export;
malformed roster and answer files. docs/security.md lists what each covers."""

from __future__ import annotations

import csv
import html
import io
import re
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from assessments import services as test_services
from courses import services as course_services
from lms import roles
from tests import factories
from training import services as training_services
from training.models import Participant

CORPORA = Path(__file__).resolve().parent / "corpora"
XSS = [line for line in (CORPORA / "xss.txt").read_text().split("\n") if line]
# "\r" in the file stands for a carriage return (a text file cannot hold one at the start of a line).
FORMULAS = [line.replace("\\r", "\r") for line in (CORPORA / "formulas.txt").read_text().split("\n") if line]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HTML_SPECIAL = set("<>\"'")
SCRIPT_URL = re.compile(r"""(?:href|src|action|data|formaction)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)


def test_the_corpora_hold_what_the_issue_asks():
    assert len(XSS) >= 30 and len(set(XSS)) == len(XSS)
    assert len(FORMULAS) == 20 and len(set(FORMULAS)) == 20


# --- Stored XSS -------------------------------------------------------------------------------------


def hostile_room(payloads: list[str]) -> dict:
    """A session titled with a payload, on a module whose questions, options and lessons hold payloads,
    with a participant per payload (display name and organisation), each with a certificate-ready
    enrolment; the trainer and one participant log in."""
    from assessments.models import QuestionBank

    course, lessons, pre, post = factories.assessment_setup()
    lesson = lessons[0]
    lesson.body = [{"type": "rich_text", "value": "".join(f"<p>{p}</p>" for p in payloads), "id": "hostile"}]
    lesson.title = payloads[0][:200]
    lesson.save_revision().publish()
    bank = QuestionBank.objects.get(course=course)
    for number, payload in enumerate(payloads[:6]):
        content = {"text": payload, "options": {"a": payload, "b": payloads[-1 - number]}}
        test_services.question_save(
            bank=bank,
            reference=f"Q{number + 1}",
            kind="single",
            objective=payload,
            content={"fr": content, "en": content},
            key={"correct": "a"},
            points=1,
        )
    trainer = factories.UserFactory(username="formatrice-xss", role=roles.TRAINER)
    session = factories.TrainingSessionFactory(title=payloads[-1][:200], trainer=trainer, courses=[course])
    training_services.session_days_sync(session=session)
    people = []
    for number, payload in enumerate(payloads):
        user = factories.UserFactory(
            username=f"hostile{number}", display_name=payload[:150], organisation=payload[:150]
        )
        course_services.enrolment_create(user=user, course=course)
        training_services.participant_add(session=session, user=user)
        people.append(user)
    training_services.test_window_set(session=session, kind="pre", open=True)
    test_services.attempt_start(user=people[0], test=pre)
    return {
        "session": session,
        "course": course,
        "lesson": lesson,
        "pre": pre,
        "post": post,
        "trainer": trainer,
        "people": people,
    }


def _pages(room) -> dict[str, list[str]]:
    code = room["session"].code
    day = room["session"].days.first().date.isoformat()
    with translation.override("fr"):
        return {
            "trainer": [
                reverse("training:list"),
                reverse("training:session", args=[code]),
                reverse("training:live", args=[code]),
                reverse("training:live_fragment", args=[code]),
                reverse("training:summary", args=[code]),
                reverse("training:attendance", args=[code, day]),
                reverse("training:paper_results", args=[code, room["pre"].pk]),
                reverse("training:edit", args=[code]),
                room["course"].url,
            ],
            "trainee": [
                "/fr/",
                reverse("courses:dashboard"),
                room["course"].url,
                reverse("assessments:test", args=[room["pre"].pk]),
                reverse("certificates:mine"),
            ],
        }


@pytest.mark.django_db
def test_xss_payloads_are_escaped_on_every_page_they_reach():
    room = hostile_room(XSS)
    clients = {"trainer": Client(), "trainee": Client()}
    clients["trainer"].force_login(room["trainer"])
    clients["trainee"].force_login(room["people"][0])
    raw = [p for p in XSS if HTML_SPECIAL & set(p)]
    found = []
    for who, urls in _pages(room).items():
        for url in urls:
            response = clients[who].get(url)
            assert response.status_code == 200, (who, url, response.status_code)
            body = response.content.decode()
            found += [f"{url}: {p}" for p in raw if p in body and p not in ("{{ 7*7 }}{% debug %}",)]
            found += [f"{url}: {m.group(0)}" for m in SCRIPT_URL.finditer(body)]
    # The lesson's rich text holds the payloads as raw HTML (as if an editor's HTML had bypassed
    # Draftail, which keeps only the block's features): Wagtail renders it as it is stored, so what
    # stops it is the page's CSP (test_no_payload_executes_in_a_browser shows both).
    editor = Client()  # an editor previews any lesson (a trainee is sent to the pre-test first)
    editor.force_login(factories.UserFactory(username="redactrice-xss", role=roles.EDITOR))
    lesson = editor.get(room["lesson"].url)
    assert lesson.status_code == 200 and "script-src 'self';" in lesson["Content-Security-Policy"]
    assert found == []


# --- PDFs: escaped, and no file or URL is ever opened -----------------------------------------------


@pytest.fixture
def opened(monkeypatch):
    """Every file or URL reportlab would open for an image or a link while drawing."""
    from reportlab.lib import utils

    seen = []
    original = utils.open_for_read

    def spy(name, *args, **kwargs):
        seen.append(str(name))
        return original(name, *args, **kwargs)

    monkeypatch.setattr(utils, "open_for_read", spy)
    monkeypatch.setattr(utils.ImageReader, "__init__", lambda self, source, *a, **k: seen.append(f"image {source}"))
    return seen


def _pdf_text(data: bytes) -> str:
    import subprocess

    return subprocess.run(["/usr/bin/pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


@pytest.mark.django_db
def test_pdfs_print_payloads_as_text_and_open_no_file_or_url(opened, settings):
    from certificates import rendering
    from training import paper
    from training.services import Credential

    room = hostile_room(XSS)
    session = room["session"]
    day = session.days.first()
    people = [(user.display_name, user.username) for user in room["people"]]
    credentials = [Credential(name=name, username=username, password="abc-123") for name, username in people]
    sheets = {
        "credentials": paper.credentials_pdf(session=session, credentials=credentials, login_url="https://x/"),
        "sign-in": paper.sign_in_sheet_pdf(session=session, day=day, people=people),
    }
    from assessments import paper as test_paper

    sheets["answers"] = test_paper.answer_sheet_pdf(test=room["pre"], people=[(u, n) for n, u in people])
    sheets["test"] = test_paper.test_form_pdf(test=room["pre"], form_label="")
    for payload in XSS:
        page = rendering.Page(
            heading="Attestation",
            intro="est décernée à",
            holder_name=payload,
            for_text="pour",
            title=payload,
            details=[payload],
            issued="",
            expires="",
            issuer=payload,
            code_label="Code",
            code="ABCD-EFGH",
            verify_hint="",
            verify_url="https://verif.example.org/v/ABCD/",
        )
        sheets[f"certificate {payload}"] = rendering.render(page, font_dir=settings.CERTIFICATE_FONT_DIR)
    assert not [name for name in opened if "passwd" in name or "127.0.0.1" in name or "hostname" in name]
    assert not [name for name in opened if name.startswith("image")]
    text = _pdf_text(sheets["credentials"])
    assert '<img src="file:///etc/passwd">' in text.replace("\n", "") or "file:///etc/passwd" in text
    assert "<script>window.__xss=1</script>" in _pdf_text(sheets["sign-in"]).replace("\n", "")


# --- Formula payloads in exports -------------------------------------------------------------------


def _cells_csv(data: bytes, delimiter: str) -> list[str]:
    text = data.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) for cell in row]


def _cells_xlsx(data: bytes) -> list:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True)
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True) for cell in row]


def _dangerous(cells) -> list[str]:
    return [cell for cell in cells if isinstance(cell, str) and cell.startswith(FORMULA_STARTS)]


@pytest.mark.django_db
def test_formula_payloads_are_neutralised_in_every_export():
    from evaluation import exports as evaluation_exports

    room = hostile_room(FORMULAS)
    # Four prefectures named with payloads, five trainees each, every one with a pre- and a post-test:
    # groups large enough for the evaluation exports to show the prefecture (small ones are withheld).
    region = factories.AdministrativeRegionFactory()
    prefectures = [
        factories.PrefectureFactory(name=payload[:100], code=f"p-{number}", region=region)
        for number, payload in enumerate(FORMULAS[:4])
    ]
    for number, user in enumerate(room["people"]):
        factories.take_test(user=user, test=room["pre"])
        factories.take_test(user=user, test=room["post"])
        user.prefecture = prefectures[number % 4]
        user.save(update_fields=["prefecture"])
    trainer = Client()
    trainer.force_login(room["trainer"])
    evaluator = Client()
    evaluator.force_login(factories.UserFactory(username="evaluatrice-f", role=roles.EVALUATOR))
    code = room["session"].code
    with translation.override("fr"):
        csv_summary = trainer.get(reverse("training:summary_export", args=[code, "csv"]))
        xlsx_summary = trainer.get(reverse("training:summary_export", args=[code, "xlsx"]))
        evaluation_csv = evaluator.get(reverse("evaluation:csv"))
        evaluation_xlsx = evaluator.get(reverse("evaluation:xlsx"))
    body = b"".join
    summary_cells = _cells_csv(
        body(csv_summary.streaming_content) if csv_summary.streaming else csv_summary.content, ";"
    )
    assert any(cell.lstrip("'") == FORMULAS[0] for cell in summary_cells)  # the names are there, neutralised
    prepost_cells = _cells_csv(_content(evaluation_csv), ",")
    assert any(cell.lstrip("'") == FORMULAS[0][:100] for cell in prepost_cells)  # so are the prefectures
    found = {
        "summary.csv": _dangerous(summary_cells),
        "summary.xlsx": _dangerous(_cells_xlsx(_content(xlsx_summary))),
        "prepost.csv": _dangerous(_cells_csv(_content(evaluation_csv), ",")),
        "prepost.xlsx": _dangerous(_cells_xlsx(_content(evaluation_xlsx))),
    }
    assert found == {name: [] for name in found}
    assert all(
        evaluation_exports.neutralise(payload) != payload or not payload.startswith(FORMULA_STARTS)
        for payload in FORMULAS
    )


def _content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


# Item 10: a spreadsheet splits a CSV on the separator of its locale, whatever the file used. A cell
# that hides a formula after a comma, a semicolon or a tab ("Ali,=cmd|' /C calc'!A0") starts a new
# cell there, so neither the first character nor the file's own separator is enough to look at.
SEPARATORS = (",", ";", "\t")
HIDDEN_FORMULAS = [f"Ali{separator}{payload}" for separator in SEPARATORS for payload in FORMULAS]
NOTHING_DANGEROUS = {repr(separator): [] for separator in SEPARATORS}


NUMBER = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?")


def _dangerous_whichever_separator(data: bytes) -> dict[str, list[str]]:
    """The cells that start a formula when `data` is split on each separator a spreadsheet may use
    (a negative number such as -1.5 is a number to a spreadsheet, not a formula)."""
    return {
        repr(delimiter): [cell for cell in _dangerous(_cells_csv(data, delimiter)) if not NUMBER.fullmatch(cell)]
        for delimiter in SEPARATORS
    }


@pytest.mark.django_db
def test_no_csv_export_hides_a_formula_after_any_separator():
    """The session summary (;), the evaluation data and codebook (,) and the report command, read
    with a comma, a semicolon and a tab: no cell starts with = + - @ tab or CR."""
    course, _lessons, _pre, _post = factories.assessment_setup()
    trainer = factories.UserFactory(username="formatrice-csv", role=roles.TRAINER)
    session = factories.TrainingSessionFactory(title=HIDDEN_FORMULAS[0], trainer=trainer, courses=[course])
    for number, payload in enumerate(HIDDEN_FORMULAS):
        user = factories.UserFactory(
            username=f"csv{number}", display_name=payload[:150], organisation=HIDDEN_FORMULAS[-1 - number][:150]
        )
        training_services.participant_add(session=session, user=user)
    as_trainer, as_evaluator = Client(), Client()
    as_trainer.force_login(trainer)
    as_evaluator.force_login(factories.UserFactory(username="evaluatrice-csv", role=roles.EVALUATOR))
    with translation.override("fr"):
        summary = _content(as_trainer.get(reverse("training:summary_export", args=[session.code, "csv"])))
        files = {
            "summary.csv": summary,
            "prepost.csv": _content(as_evaluator.get(reverse("evaluation:csv"))),
            "codebook.csv": _content(as_evaluator.get(reverse("evaluation:codebook_csv"))),
        }
    printed = io.StringIO()
    call_command("prepost_report", "--format", "csv", stdout=printed)
    files["prepost_report"] = printed.getvalue().encode()
    assert "Ali" in summary.decode("utf-8-sig") and "cmd|' /C calc'!A0" in summary.decode("utf-8-sig")
    found = {name: _dangerous_whichever_separator(data) for name, data in files.items()}
    assert found == dict.fromkeys(files, NOTHING_DANGEROUS)


@pytest.mark.parametrize("separator", SEPARATORS)
def test_the_shared_csv_writer_neutralises_formulas_after_every_separator(separator):
    """Every payload alone, after each separator, and inside quotes, in a file written with
    `separator` and read with each of the three: no cell starts a formula, and the text is kept."""
    from lms import csv_export

    values = [*FORMULAS, *HIDDEN_FORMULAS, *(f'x"{s}"{p}' for s in SEPARATORS for p in FORMULAS[:3])]
    rows = [[value, -1.5, value, "CT-01"] for value in values]
    data = csv_export.csv_bytes(rows, delimiter=separator)
    assert _dangerous_whichever_separator(data) == NOTHING_DANGEROUS
    read_back = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=separator))
    assert [row[0].replace("'", "") for row in read_back] == [value.replace("'", "") for value in values]
    assert {row[1] for row in read_back} == {"-1.5"} and {row[3] for row in read_back} == {"CT-01"}


# --- Malformed files ---------------------------------------------------------------------------------


def zip_bomb() -> bytes:
    """A 30 KB "workbook" whose sheet unpacks to 60 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", " " * 60_000_000)
    return buffer.getvalue()


def _plain(text: str) -> str:
    return text.replace("’", "'").replace("\u202f", " ").replace("\xa0", " ")


MALFORMED = {
    # name: (content, the message it must give, as its English msgid)
    "utf16.csv": ((CORPORA / "utf16.csv").read_bytes(), "The file is not a CSV file."),
    "binary.csv": ((CORPORA / "binary.csv").read_bytes(), "The file is not in UTF-8: save it again as CSV UTF-8."),
    "not-a-zip.xlsx": ((CORPORA / "not-a-zip.xlsx").read_bytes(), "The file is not a valid XLSX workbook."),
    "truncated.xlsx": ((CORPORA / "truncated.xlsx").read_bytes(), "The file is not a valid XLSX workbook."),
    "bomb.xlsx": (zip_bomb(), "The workbook is too large once unpacked (over %(size)s MB): keep only the table."),
    "huge.csv": (b"nom;organisation\n" + b"Awa;ONG\n" * 400_000, "The file is larger than 2 MB."),
}


def french(msgid: str) -> str:
    """The message as a French page shows it (the English msgid until its translation is compiled)."""
    from django.utils.translation import gettext

    with translation.override("fr"):
        return _plain(gettext(msgid) % {"size": 20} if "%(size)s" in msgid else gettext(msgid))


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(MALFORMED))
def test_a_malformed_roster_gives_a_clear_french_error_and_stores_nothing(name):
    room = hostile_room(XSS[:2])
    content, message = MALFORMED[name]
    client = Client()
    client.force_login(room["trainer"])
    before = (Participant.objects.count(), factories.User.objects.count())
    with translation.override("fr"):
        url = reverse("training:roster", args=[room["session"].code])
    response = client.post(url, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    assert french(message) in _plain(html.unescape(response.content.decode()))
    assert (Participant.objects.count(), factories.User.objects.count()) == before


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["bom.csv", "latin1.csv"])
def test_a_roster_with_a_bom_or_in_windows_1252_is_read_right(name):
    room = hostile_room(XSS[:1])
    client = Client()
    client.force_login(room["trainer"])
    with translation.override("fr"):
        url = reverse("training:roster", args=[room["session"].code])
    response = client.post(url, {"file": SimpleUploadedFile(name, (CORPORA / name).read_bytes())})
    assert response.status_code == 302
    assert Participant.objects.filter(session=room["session"], user__display_name="Awa Traoré").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", [name for name in MALFORMED if name != "huge.csv"])
def test_import_responses_refuses_a_malformed_file_and_imports_nothing(name, tmp_path):
    from assessments.models import Attempt

    room = hostile_room(XSS[:1])
    content, message = MALFORMED[name]
    path = tmp_path / name
    path.write_bytes(content)
    before = Attempt.objects.count()
    with translation.override("fr"), pytest.raises(CommandError) as refused:
        call_command("import_responses", str(path), "--test", "pre", "--session", room["session"].code)
    assert french(message) in _plain(str(refused.value))
    assert french("Nothing was imported. Problems found: %(count)s.").split("%")[0] in _plain(str(refused.value))
    assert Attempt.objects.count() == before


# --- In a browser: nothing executes ------------------------------------------------------------------

MARK = """
window.__xss = undefined;
window.__dialogs = 0;
"""


def _visit(browser, live_server, username: str, urls: list[str], *, bypass_csp: bool) -> dict[str, object]:
    from tests.login import log_in

    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="fr-FR", bypass_csp=bypass_csp)
    context.add_init_script(MARK)
    page = context.new_page()
    page.set_default_timeout(15_000)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in(page, live_server.url, username)
    fired = {}
    for url in urls:
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        # Mouse-over, focus and click handlers, had any survived the escaping.
        page.evaluate(
            "document.querySelectorAll('main *').forEach(e => ['mouseover', 'focus', 'toggle']"
            ".forEach(t => e.dispatchEvent(new Event(t))))"
        )
        marker = page.evaluate("window.__xss")
        if marker is not None or dialogs:
            fired[url] = (marker, list(dialogs))
    context.close()
    return fired


@pytest.mark.django_db(transaction=True)
def test_no_payload_executes_in_a_browser(browser, live_server):
    room = hostile_room(XSS)
    pages = _pages(room)
    with translation.override("fr"):
        lesson = room["lesson"].url
    # Escaping alone (the CSP switched off in the browser): the text fields never execute.
    assert _visit(browser, live_server, room["trainer"].username, pages["trainer"], bypass_csp=True) == {}
    assert _visit(browser, live_server, room["people"][0].username, pages["trainee"], bypass_csp=True) == {}
    # With the CSP, as in production: also the lesson whose rich text holds the raw payloads (as if an
    # editor's HTML had bypassed Draftail), seen by an editor (a trainee is sent to the pre-test first).
    assert _visit(browser, live_server, room["people"][0].username, pages["trainee"], bypass_csp=False) == {}
    editor = factories.UserFactory(username="redactrice-xss", role=roles.EDITOR).username
    assert _visit(browser, live_server, editor, [lesson], bypass_csp=False) == {}
    # The detector works, and the CSP is what stops raw rich text: without it, the lesson runs them.
    assert lesson in _visit(browser, live_server, editor, [lesson], bypass_csp=True)
