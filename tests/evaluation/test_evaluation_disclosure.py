"""Disclosure control of the evaluation report (trust issue 4): an evaluator never sees one person.

Every page, JSON and export whose population is under 5, or whose population differs from a wider
selection's by 1 to 4 trainees, shows only the count band; an unknown filter value is a 400.
"""

import io
import itertools
import json
import re
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation

from evaluation import synthetic
from lms import roles
from lms.models import Prefecture
from tests.factories import UserFactory, assessment_setup, prepost_results

pytestmark = pytest.mark.django_db

URLS = ["/en/evaluation/", "/en/evaluation/prepost.csv", "/en/evaluation/codebook.csv", "/en/evaluation/prepost.xlsx"]
BAND = 'data-band="fewer-than-5"'
# Exact statistics the page shows only for a population shown in full.
STATISTIC_FIELDS = ("mean_pre", "mean_post", "mean_diff", "t", "p_value", "cohen_dz", "percent_improved")


def _evaluator() -> Client:
    client = Client()
    client.force_login(UserFactory(username="staff-evaluator", role=roles.EVALUATOR))
    return client


def _xlsx_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return "".join(archive.read(name).decode() for name in archive.namelist() if name.endswith(".xml"))


def _trainee(index: int, prefecture: str, audience: str, language: str = "fr"):
    return UserFactory(
        username=f"zz-trainee-{index:03d}",
        audience=audience,
        preferred_language=language,
        prefecture=Prefecture.objects.get(code=prefecture),
    )


def _results(people: list[tuple[str, str, str]]):
    """One module; each (prefecture, audience, language) is a trainee with both tests."""
    course, _lessons, pre, post = assessment_setup()
    trainees = [
        {
            "user": _trainee(index, prefecture, audience, language),
            "pre": [index % 2, 0, 1, 0, 0, 1],
            "post": [1, 1, index % 3 and 1, 1, 0, 1],
            "mode": "online",
        }
        for index, (prefecture, audience, language) in enumerate(people)
    ]
    prepost_results(course=course, pre=pre, post=post, trainees=trainees)
    return course


def _shown(client: Client, query: str) -> dict:
    """What each output shows for one query string: {"page": n or None, "csv": ..., ...} (None = band only)."""
    shown = {}
    response = client.get(f"/en/evaluation/?{query}")
    assert response.status_code == 200, query
    html = response.content.decode()
    if BAND in html:
        for name in STATISTIC_FIELDS:
            assert f'data-field="{name}"' not in html, (query, name)
        assert "<svg" not in html and "data-breakdown" not in html, query
        shown["page"] = None
    else:
        shown["page"] = int(re.search(r'data-field="n">(\d+)<', html).group(1))
        for table in re.findall(r'data-breakdown="\w+">(.*?)</table>', html, re.S):
            for n in re.findall(r'<td class="num">(\d+)</td><td class="num">', table):
                assert int(n) >= 5, (query, table)
    rows = client.get(f"/en/evaluation/prepost.csv?{query}").content.decode("utf-8-sig").splitlines()
    trainee_rows = [row for row in rows if row.startswith("T-")]
    shown["csv"] = len(trainee_rows) or None
    codebook = client.get(f"/en/evaluation/codebook.csv?{query}").content.decode("utf-8-sig")
    shown["codebook"] = None if "mean_diff" not in codebook else int(re.search(r"^n,(\d+)", codebook, re.M).group(1))
    xlsx = _xlsx_text(client.get(f"/en/evaluation/prepost.xlsx?{query}").content)
    shown["xlsx"] = xlsx.count(">T-") or None
    return shown


def _command_json(capsys, **options) -> dict:
    arguments = [item for name, value in options.items() for item in (f"--{name.replace('_', '-')}", value)]
    call_command("prepost_report", *arguments, "--format", "json")
    return json.loads(capsys.readouterr().out)


def _assert_five_or_band(shown: dict, query: str):
    for output, n in shown.items():
        assert n is None or n >= 5, f"{output} shows {n} trainees for {query}"
    assert len({n is None for n in shown.values()}) == 1, f"outputs disagree for {query}: {shown}"


def test_one_trainee_selected_by_filters_shows_only_the_band(capsys):
    """The review's case: filters narrow the report to one trainee."""
    _results([("kankan", "police", "fr")] * 6 + [("kankan", "returned_migrant", "fr")] + [("labe", "police", "en")] * 6)
    client = _evaluator()
    query = "audience=returned_migrant&language=fr"
    shown = _shown(client, query)
    assert shown == {"page": None, "csv": None, "codebook": None, "xlsx": None}, shown
    with translation.override("fr"):
        html = client.get(f"/fr/evaluation/?{query}").content.decode()
    assert "moins de 5" in html and "1 apprenant" not in html
    data = _command_json(capsys, audience="returned_migrant")
    assert "summary" not in data and data["n"] == "< 5"


def test_two_filters_whose_populations_differ_by_one_to_four_are_not_both_shown(capsys):
    """Differencing: Kankan (8) and Kankan police (6) would give the two others' scores by subtraction."""
    _results(
        [("kankan", "police", "fr")] * 6 + [("kankan", "civil_society", "fr")] * 2 + [("labe", "police", "fr")] * 6
    )
    client = _evaluator()
    wide, narrow = _shown(client, "region=kankan"), _shown(client, "region=kankan&audience=police")
    assert wide["page"] == 8
    assert narrow["page"] is None, "Kankan police differs from Kankan by 2 trainees but is shown in full"
    _assert_five_or_band(narrow, "region=kankan&audience=police")
    assert "summary" not in _command_json(capsys, region="kankan", audience="police")


def test_two_steps_of_filters_cannot_isolate_a_difference_of_one_to_four():
    """Dropping one filter at a time is not enough. Upper Guinea holds 10 Kankan police and 2 civil
    society members in Dabola (Faranah region): upper + Kankan + police drops nothing against any
    one filter less (10 each), yet 2 trainees against upper alone (12), which is shown."""
    _results(
        [("kankan", "police", "fr")] * 10
        + [("dabola", "civil_society", "fr")] * 2
        + [("labe", "local_authority", "fr")] * 6
    )
    client = _evaluator()
    assert _shown(client, "natural_region=upper")["page"] == 12
    assert _shown(client, "region=kankan&audience=police")["page"] == 10
    assert _shown(client, "natural_region=upper&region=kankan&audience=police")["page"] is None


def test_a_breakdown_never_reveals_a_small_group_by_subtraction():
    """Regions 6, 6 and 2: the total minus the two shown regions would give the two trainees' mean."""
    _results([("kankan", "police", "fr")] * 6 + [("labe", "police", "fr")] * 6 + [("nzerekore", "police", "fr")] * 2)
    html = _evaluator().get("/en/evaluation/").content.decode()
    table = re.search(r'data-breakdown="region">(.*?)</table>', html, re.S).group(1)
    shown = re.findall(r'<th scope="row">([^<]*)</th><td class="num">(\d+)</td>', table)
    assert len(shown) <= 1, f"{shown} shown beside a suppressed group of 2 and the total 14"


def test_a_stored_page_shows_only_the_band_once_a_change_makes_it_identifying():
    """The page's results are stored until the data changes; the rule is part of what is stored."""
    from lms.models import User

    _results([("kankan", "police", "fr")] * 6 + [("labe", "police", "fr")] * 6)
    client = _evaluator()
    assert _shown(client, "audience=police")["page"] == 12
    assert _shown(client, "audience=police")["page"] == 12  # stored
    User.objects.filter(username="zz-trainee-011").update(audience="civil_society")
    # Police (11) now differs from everyone (12) by one trainee.
    assert _shown(client, "audience=police")["page"] is None


BAD_QUERIES = [
    "session=NOPE1",
    "region=atlantis",
    "audience=astronaut",
    "language=xx",
    "course=999999",
    "date_from=2026-13-01",
    "date_to=yesterday",
    "trainer=abc",
    "mode=carrier-pigeon",
    "prefecture=nowhere",
    "natural_region=arctic",
    "form=Z",
]


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("query", BAD_QUERIES)
def test_an_unknown_filter_value_is_a_400_with_a_translated_message(url, query):
    _results([("kankan", "police", "fr")] * 6)
    response = _evaluator().get(f"{url.replace('/en/', '/fr/')}?{query}")
    assert response.status_code == 400, f"{url}?{query} gave {response.status_code}"
    body = response.content.decode("utf-8-sig")
    assert "T-" not in body and "mean_diff" not in body
    assert "Valeur de filtre inconnue" in body, body[:300]


@pytest.mark.parametrize(
    "options", [{"session": "NOPE1"}, {"region": "atlantis"}, {"audience": "astronaut"}, {"natural_region": "arctic"}]
)
def test_the_command_refuses_an_unknown_filter_value(options):
    _results([("kankan", "police", "fr")] * 6)
    arguments = [item for name, value in options.items() for item in (f"--{name.replace('_', '-')}", value)]
    with pytest.raises(CommandError, match=r"(?i)filt(er|re)"):
        call_command("prepost_report", *arguments, "--format", "json")


def _generated_data_on_the_demo():
    """On top of the demo (the `seeded_demo` fixture): 40 generated trainees in the demo module."""
    call_command("generate_analytics_dataset", "--trainees", "40", "--course", synthetic.DEMO_COURSE, verbosity=0)


def _filter_values() -> dict[str, list[str]]:
    """Every value the filter form offers that the demo data uses, per filter."""
    from evaluation.selectors import filter_choices

    choices = filter_choices()
    from lms.models import User

    used_prefectures = set(User.objects.exclude(prefecture=None).values_list("prefecture__code", flat=True))
    return {
        "course": [value for value, _label in choices["course"]],
        "form": [value for value, _label in choices["form"]],
        "natural_region": [value for value, _label in choices["natural_region"]],
        "region": [value for value, _label in choices["region"]],
        "prefecture": [value for value, _label in choices["prefecture"] if value in used_prefectures],
        "audience": [value for value, _label in choices["audience"]],
        "language": [value for value, _label in choices["language"]],
        "mode": [value for value, _label in choices["mode"]],
        "session": [value for value, _label in choices["session"]],
        "trainer": [value for value, _label in choices["trainer"]],
    }


def test_every_filter_combination_on_the_demo_data_shows_five_or_only_the_band(seeded_demo, capsys):
    """Every single filter value and every pair of filters (with the review's triple) on the demo
    data plus generated data: each output shows at least 5 trainees or nothing but the band, and no
    two shown selections of which one narrows the other differ by 1 to 4 trainees."""
    from evaluation import presentation
    from evaluation.aggregates import matched_counts
    from evaluation.disclosure import disclosed_report
    from evaluation.filters import ReportFilters
    from evaluation.selectors import filter_choices

    _generated_data_on_the_demo()
    capsys.readouterr()  # what the data commands printed
    client = _evaluator()
    values = _filter_values()
    selections = [{}]
    selections += [{name: value} for name, options in values.items() for value in options]
    for (name_a, options_a), (name_b, options_b) in itertools.combinations(values.items(), 2):
        selections += [{name_a: a, name_b: b} for a in options_a for b in options_b]
    selections += [
        {"session": "DEMO1", "audience": audience, "language": language}
        for audience in values["audience"]
        for language in values["language"]
    ]
    shown_n = {}
    choices = filter_choices()
    # The page's results as the view renders them (without the request around them, for speed).
    for selection in selections:
        query = "&".join(f"{name}={value}" for name, value in selection.items())
        with translation.override("en"):
            html = presentation.results_html(
                report=disclosed_report(
                    filters=ReportFilters.from_query(selection, choices=choices),
                    read=matched_counts,
                    labels=presentation.group_labels(),
                )
            )
        if BAND in html:
            assert not any(f'data-field="{name}"' in html for name in STATISTIC_FIELDS), query
            continue
        n = int(re.search(r'data-field="n">(\d+)<', html).group(1))
        assert n >= 5, f"the page shows {n} trainees for {query}"
        for table in re.findall(r'data-breakdown="\w+">(.*?)</table>', html, re.S):
            for row_n in re.findall(r'<td class="num">(\d+)</td><td class="num">', table):
                assert int(row_n) >= 5, (query, table)
        shown_n[frozenset(selection.items())] = n
    # Not vacuous: the demo data shows many selections and withholds many others.
    assert 20 < len(shown_n) < len(selections) - 20, (len(shown_n), len(selections))
    for wide, narrow in itertools.permutations(shown_n, 2):
        if wide < narrow:
            assert not 1 <= shown_n[wide] - shown_n[narrow] <= 4, f"{dict(wide)} minus {dict(narrow)}"
    # The exports and the command follow the same decision (every single filter, and the narrowest pairs).
    narrow_pairs = [s for s in selections if len(s) >= 2 and frozenset(s.items()) not in shown_n][:40]
    for selection in [s for s in selections if len(s) <= 1] + narrow_pairs:
        query = "&".join(f"{name}={value}" for name, value in selection.items())
        _assert_five_or_band(_shown(client, query), query)
    for selection in [s for s in selections if len(s) == 1 and next(iter(s)) in ("region", "audience", "session")]:
        data = _command_json(capsys, **selection)
        n = data.get("summary", {}).get("n")
        assert n is None or n >= 5, selection
        assert (n is None) == (frozenset(selection.items()) not in shown_n), selection
