"""The report as a PDF for a donor (issue 21, item 5): the page's numbers for the same filters, in
French and English, withheld selections withheld, charts as vectors, evaluators only."""

import html
import re
import subprocess

import pytest

from lms import roles
from lms.models import StaffAccess
from tests.evaluation.test_evaluation import _client, _cohort

pytestmark = pytest.mark.django_db

HEADLINE = {  # data-field on the page → the label of its row in the PDF
    "en": {
        "n": "Matched trainees",
        "mean_pre": "Mean pre-test score",
        "mean_post": "Mean post-test score",
        "mean_diff": "Mean gain (percentage points)",
        "class_gain": "Class normalised gain",
        "p_value": "Paired t-test",
        "t": "Paired t-test",
        "wilcoxon_p": "Wilcoxon signed-rank",
        "cohen_dz": "Cohen",
    },
    "fr": {
        "n": "Apprenants appariés",
        "mean_pre": "Score moyen au pré-test",
        "mean_post": "Score moyen au post-test",
        "mean_diff": "Gain moyen (points de pourcentage)",
        "class_gain": "Gain normalisé du groupe",
        "p_value": "Test t apparié",
        "t": "Test t apparié",
        "wilcoxon_p": "Wilcoxon",
        "cohen_dz": "Cohen",
    },
}


def _plain(value: str) -> str:
    return re.sub(r"[\u00a0\u202f ]+", " ", html.unescape(value)).strip()


def _text(content: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True)  # noqa: S603, S607
    return "\n".join(_plain(line) for line in out.stdout.splitlines())


def _page_fields(page: str) -> dict[str, str]:
    region = page.split('class="headline"')[1].split("By group" if "By group" in page else "Par groupe")[0]
    return {name: _plain(value) for name, value in re.findall(r'data-field="(\w+)">([^<]*)<', region)}


def _page_breakdown(page: str, dimension: str) -> list[list[str]]:
    table = page.split(f'data-breakdown="{dimension}"')[1].split("</table>")[0]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", table)
    return [
        [_plain(label)] + [_plain(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", cells)] for label, cells in rows
    ]


def _line_with(text: str, label: str, value: str) -> bool:
    return any(label in line and f" {value}" in f" {line}" for line in text.splitlines())


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_pdf_shows_the_pages_numbers_for_the_same_filters(language, tmp_path):
    _cohort()
    client = _client(roles.EVALUATOR)
    query = "course=&audience="
    page = client.get(f"/{language}/evaluation/?{query}").content.decode()
    response = client.get(f"/{language}/evaluation/report.pdf?{query}")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _text(response.content, tmp_path)
    fields = _page_fields(page)
    assert fields["n"] == "14"
    for field, label in HEADLINE[language].items():
        assert _line_with(text, label, fields[field]), (field, fields[field], language)
    decimal = "," if language == "fr" else "."
    assert decimal in fields["mean_pre"]
    # Every group row the page shows, withheld ones as withheld: same n, means, gain, p.
    for dimension in ("natural_region", "region", "audience"):
        rows = _page_breakdown(page, dimension)
        assert rows
        for label, *cells in rows:
            shown = " ".join(cells)
            assert any(line.startswith(label[:18]) and shown in line for line in text.splitlines()), (label, shown)
    withheld = "fewer than 5" if language == "en" else "moins de 5"
    assert withheld in text  # Nzérékoré's two trainees
    assert ("Suppression rule" if language == "en" else "Règle de suppression") in text
    assert ("Definitions" if language == "en" else "Définitions") in text
    assert re.search(r"(Data version|Version des données) [0-9a-f]{32}", text)
    assert StaffAccess.objects.filter(what=StaffAccess.What.EVALUATION_PDF).exists()


def test_a_withheld_selection_says_withheld_and_shows_no_figures(tmp_path):
    _cohort()
    client = _client(roles.EVALUATOR)
    response = client.get("/en/evaluation/report.pdf?prefecture=nzerekore")
    text = _text(response.content, tmp_path)
    assert "Withheld" in text and "fewer than 5" in text
    for absent in ("Mean pre-test score", "t(", "By group", "Charts", "Kankan", "Matched trainees 2"):
        assert absent not in text
    before_definitions = text.split("Definitions")[0]
    assert not re.search(r"\d %|\d[.,]\d", before_definitions)  # no score, no share, no statistic
    assert re.search(r"Data version [0-9a-f]{32}", text) and "Suppression rule" in text
    assert "Prefecture" in text and "Nzérékoré" in text  # the filters in words


def test_the_charts_are_vectors_not_images(tmp_path):
    _cohort()
    content = _client(roles.EVALUATOR).get("/en/evaluation/report.pdf").content
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, check=True, text=True).stdout  # noqa: S603, S607
    assert len(listing.strip().splitlines()) == 2, listing  # the header only: no image
    assert b"/Subtype /Image" not in content
    text = _text(content, tmp_path)
    assert "Mean score before and after, by natural region" in text and "Charts" in text


@pytest.mark.parametrize("role", [roles.TRAINER, roles.TRAINEE, roles.EDITOR])
def test_only_evaluators_get_the_pdf(role):
    _cohort()
    assert _client(role).get("/en/evaluation/report.pdf").status_code == 403
