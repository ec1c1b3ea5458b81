# ruff: noqa: F811 - the phone fixture is imported, and named again as a test argument
"""Issue 21 done end to end on the demo (seed_demo), on a 360×640 phone in French and English, by
tapping the links a person would: the evaluator goes from the programme indicators to the pre/post
report, reads pre → post → follow-up with Friedman's test, the report by sex and by age band (and,
for one session, the small groups suppressed), the participants' views of each session (Likert
summary, open answers masked), and downloads the PDF, whose numbers are the page's (pdftotext). The
demo trainee, whose follow-up test has opened (seed_demo dates their module four months back), sees
it on the dashboard and takes it. On every page: its heading, nothing wider than the phone, and axe
finds no WCAG A/AA violation. Screenshots of each page: /tmp/shots/eval/."""

import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from assessments.models import Attempt, Test
from evaluation import synthetic
from tests.browser.test_role_walks import arrive, no_violations, phone, tap, words  # noqa: F401
from tests.evaluation.test_report_pdf import HEADLINE, _line_with, _plain, _text
from tests.field.test_accessibility import AXE

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `npm ci`"),
]

SHOTS = Path(tempfile.gettempdir()) / "shots" / "eval"
LANGUAGES = ["fr", "en"]
REPORT = words("Évaluation pré/post", "Pre/post evaluation")
FEWER = words("moins de 5", "fewer than 5")


def shot(page: Page, name: str, language: str, *, at: str | None = None) -> None:
    """The phone's screen (640 px high) with `at` at its top, as the person sees it."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    if at is not None:
        page.locator(at).first.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(SHOTS / f"{name}-{language}-360x640.png"))


def fields(page: Page, scope: str) -> dict[str, str]:
    """{data-field: text} of the page's elements under `scope` (the first of each name)."""
    found: dict[str, str] = {}
    for element in page.locator(f"{scope} [data-field]").all():
        found.setdefault(element.get_attribute("data-field"), _plain(element.inner_text()))
    return found


def breakdown(page: Page, dimension: str) -> list[tuple[str, list[str]]]:
    """(label, cells) of each row of a breakdown table as the page shows it."""
    rows = []
    for row in page.locator(f"table[data-breakdown={dimension}] tbody tr").all():
        cells = [_plain(cell.inner_text()) for cell in row.locator("td").all()]
        rows.append((_plain(row.locator("th").inner_text()), cells))
    return rows


def read_followup(page: Page, language: str) -> None:
    """Pre → post → follow-up: the three means, retention, gain kept, Friedman; attrition counted."""
    section = page.locator("section.retention").first
    figures = fields(page, "section.retention")
    matched = int(section.locator("dl.headline dd").first.inner_text())
    assert int(figures["n_returned"]) + int(figures["n_missing"]) + int(figures["n_not_due"]) == matched
    assert int(figures["n_returned"]) >= 50 and int(figures["n_missing"]) >= 5
    for name in ("mean_pre", "mean_post", "mean_followup", "since_pre", "since_post", "gain_kept"):
        assert re.search(r"\d", figures[name]), name
    assert re.fullmatch(r"\d+[.,]\d\d", figures["friedman_chi2"]) and figures["friedman_p"] not in ("", "—")
    expect(section.get_by_role("row", name=re.compile(words("Friedman", "Friedman")[language])).first).to_be_visible()
    shot(page, "report-followup", language, at="#followup")
    shot(page, "report-followup-friedman", language, at="section.retention table.stats")
    shot(page, "report-followup-by-objective", language, at="section.retention table.cards")


def read_breakdowns(page: Page, language: str, seen: list) -> None:
    """The whole report by sex and by age band; then one session's, where small groups are hidden."""
    main = page.get_by_role("main")
    by_sex, by_age = breakdown(page, "sex"), breakdown(page, "age_band")
    assert len(by_sex) == 3 and len(by_age) == 4
    assert words("Femmes et filles", "Women and girls")[language] in [label for label, _cells in by_sex]
    shot(page, "report-by-sex", language, at="table[data-breakdown=sex]")
    shot(page, "report-by-age-band", language, at="table[data-breakdown=age_band]")
    # The session DEMO1 alone: eleven participants, so some sex or age band groups are under five.
    main.get_by_label(re.compile("^Session")).select_option("DEMO1")
    tap(main.get_by_role("button", name=words("Appliquer", "Apply")[language]))
    expect(page).to_have_url(re.compile("session=DEMO1"))
    arrive(page, language, REPORT[language], seen)
    rows = breakdown(page, "sex") + breakdown(page, "age_band")
    hidden = [label for label, cells in rows if len(cells) == 1]
    assert hidden and all(
        re.search(r"\d", cells[0]) is None or FEWER[language] in cells[0] for _l, cells in rows if len(cells) == 1
    )
    assert any(FEWER[language] in cells[0] for _label, cells in rows if len(cells) == 1)
    shot(page, "report-session-age-band", language, at="table[data-breakdown=age_band]")


def pdf_matches_the_page(page: Page, language: str, tmp_path: Path) -> None:
    """The downloaded PDF shows the page's headline figures and its sex and age band rows."""
    # The results' headline and statistics (the follow-up section below has fields of the same names).
    headline = {**fields(page, "table.stats"), **fields(page, "dl.headline")}
    link = page.get_by_role("main").get_by_role("link", name=words("Rapport (PDF)", "Report (PDF)")[language])
    with page.expect_download() as download:
        tap(link)
    text = _text(Path(download.value.path()).read_bytes(), tmp_path)
    (SHOTS / f"report-{language}.txt").write_text(text)
    for field, label in HEADLINE[language].items():
        assert _line_with(text, label, headline[field]), (field, headline[field])
    # Pre → post → follow-up and Friedman's test, as the page's follow-up section gives them.
    followup = fields(page, "section.retention")
    assert f"{followup['mean_pre']} → {followup['mean_post']} → {followup['mean_followup']}" in text
    assert f"= {followup['friedman_chi2']}, p {followup['friedman_p']}" in text
    for dimension in ("sex", "age_band"):
        for label, cells in breakdown(page, dimension):
            shown = " ".join(cells if len(cells) == 1 else [*cells[:4], cells[5]])  # n, pre, post, gain, p
            assert any(line.startswith(label[:18]) and shown in line for line in text.splitlines()), (label, shown)


def read_reactions(page: Page, language: str, seen: list) -> None:
    """Participants' views of session DEMO1: ten answers, a mean and a share agreeing per statement,
    the open answers with the names and phone numbers masked."""
    main = page.get_by_role("main")
    title = words("Avis des participants", "Participants' views")[language]
    tap(main.get_by_role("link", name=re.compile(words("^Ce que les participants", "^What trainees said")[language])))
    arrive(page, language, title, seen)
    session = page.locator("section.reaction-session", has_text="DEMO1")
    expect(session.get_by_role("heading", level=2)).to_contain_text("DEMO1")
    expect(session.locator("tbody tr")).to_have_count(4)
    for row in session.locator("tbody tr").all():
        mean, agree = (_plain(cell.inner_text()) for cell in row.locator("td").all())
        assert re.fullmatch(r"[1-5][.,]\d", mean) and re.fullmatch(r"\d+ %", agree), (mean, agree)
    comments = session.locator("ul.comments").inner_text()
    assert "M. […]" in comments and "Appelez-moi au […]" in comments
    assert "Doumbouya" not in comments and "622 45 67 89" not in comments
    assert "La formatrice a bien expliqué" in comments  # only names and numbers are masked
    shot(page, "reactions", language, at="h1")
    shot(page, "reactions-open-answers", language, at="section.reaction-session ul.comments")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_evaluator_walks_the_evaluation_on_a_phone(phone, language, tmp_path):
    page = phone("evaluateur", "demo-evaluateur", language)
    seen: list = []
    main = page.get_by_role("main")
    arrive(page, language, words("Indicateurs du programme", "Programme indicators")[language], seen)
    tap(main.get_by_role("link", name=REPORT[language]))
    arrive(page, language, REPORT[language], seen)
    shot(page, "report-top", language)
    shot(page, "report-headline", language, at="dl.headline")
    read_followup(page, language)
    pdf_matches_the_page(page, language, tmp_path)
    read_breakdowns(page, language, seen)
    read_reactions(page, language, seen)
    assert no_violations(seen) == {}


def answer_the_choices(page: Page) -> None:
    """The first option of every choice question; the others (matching, ordering, short) left blank."""
    for question in page.locator("fieldset.question").all():
        options = question.locator("input[type=radio], input[type=checkbox]")
        if options.count():
            options.first.check()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_trainee_takes_the_followup_from_the_dashboard(phone, language):
    followup = Test.objects.get(kind=Test.Kind.FOLLOWUP, course__slug=synthetic.DEMO_COURSE)
    page = phone("apprenant", "demo-apprenant", language)
    seen: list = []
    main = page.get_by_role("main")
    arrive(page, language, words("Mes modules", "My modules")[language], seen)
    notice = page.locator("section.followup-notice")
    expect(notice.get_by_role("heading", level=2)).to_have_text(words("Tests de suivi", "Follow-up tests")[language])
    shot(page, "dashboard-followup", language, at="section.followup-notice")
    tap(notice.get_by_role("link", name=words("Passer le test de suivi", "Take the follow-up test")[language]))
    arrive(page, language, re.compile(r"\S"), seen)
    expect(main).to_contain_text(words("ce que vous savez encore", "what you still know")[language])
    shot(page, "followup-test", language)
    tap(main.get_by_role("button", name=words("Commencer le test", "Start the test")[language]))
    expect(page.locator("fieldset.question").first).to_be_visible()
    arrive(page, language, re.compile(r"\S"), seen)
    answer_the_choices(page)
    shot(page, "followup-form", language, at="fieldset.question")
    tap(main.get_by_role("button", name=words("Remettre mes réponses", "Hand in my answers")[language]))
    arrive(page, language, re.compile(words("^Votre résultat", "^Your result")[language]), seen)
    # The follow-up's own words: not the pre-test's "the lessons are open now".
    expect(main.locator(".followup-thanks")).to_contain_text(
        words("ce que vous savez encore", "what you still know")[language]
    )
    shot(page, "followup-result", language)
    assert Attempt.objects.filter(user__username="apprenant", test=followup).exclude(status="open").count() == 1
    assert no_violations(seen) == {}
