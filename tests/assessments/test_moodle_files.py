"""Reading trainers' GIFT and Moodle XML files: every kind, accents, escapes, media, and every way a
file can be wrong, each named by its line or element, with nothing written."""

import base64
from pathlib import Path

import pytest
from wagtail.images import get_image_model

from assessments.exchange import common, gift, moodle_xml, service
from assessments.models import Question, QuestionBank
from tests.factories import course_tree

FILES = Path(__file__).parent / "moodle_files"


def plain(text: str) -> str:
    """French typography puts a no-break space before “:” and inside « »; compared here as spaces."""
    return text.replace("\u00a0", " ")


@pytest.fixture
def bank(db):
    return QuestionBank.objects.create(course=course_tree(title="Module Moodle")[0], title="Banque Moodle")


def test_the_gift_bank_reads_into_every_kind_with_its_escapes_and_accents():
    report = gift.read((FILES / "banque_traite.gift").read_bytes())
    assert report.problems == []
    by_id = {question.idnumber: question for question in report.questions}
    assert [question.kind for question in report.questions] == [
        "single", "true_false", "multiple", "matching", "short", "true_false", "single",
    ]  # fmt: skip
    first = by_id["TDP-01"]
    assert (first.where, first.name, first.points) == ("ligne 7", "Définition : les trois éléments", 2)
    assert first.options[first.correct[0]] == "L'acte, les moyens et la finalité d'exploitation"
    assert first.explanation.startswith("La traite suppose un acte (recruter, transporter, héberger…)")
    assert by_id["TDP-02"].correct == [1] and "son « consentement » est sans effet" in by_id["TDP-02"].explanation
    assert [by_id["TDP-03"].options[i] for i in by_id["TDP-03"].correct] == [
        "Son employeur garde ses papiers d'identité",
        "Elle doit rembourser une « dette » qui ne diminue jamais",
    ]
    assert by_id["TDP-04"].pairs[2] == ("Le procureur de la République", "engager les poursuites")
    assert by_id["TDP-05"].accepted == ["116", "cent seize"]
    assert "(réponse = chiffres ou lettres)" in by_id["TDP-05"].text
    assert by_id["TDP-06"].text.startswith("Le sigle {OIM} désigne")
    assert by_id["TDP-07"].text == "Quelle loi guinéenne réprime la traite ?"  # [html]: tags removed
    assert [(item.where, "composition" in item.message or "numérique" in item.message) for item in report.skipped] == [
        ("ligne 45", True),
        ("ligne 47", True),
    ]
    assert by_id["TDP-01"].notes  # the feedback on a wrong answer is named as not kept


@pytest.mark.django_db
def test_the_moodle_xml_bank_imports_with_its_image_kept_as_an_image(bank):
    plan = service.plan(bank=bank, data=(FILES / "banque_traite.xml").read_bytes(), file_format="xml")
    assert plan.problems == []
    assert [(step.reference, step.parsed.kind) for step in plan.steps] == [
        ("REC-01", "single"),
        ("Droits-des-victimes", "multiple"),
        ("Passage-de-frontiere", "true_false"),
        ("Formes-d-exploitation", "matching"),
        ("Sigle-du-protocole", "short"),
        ("Etapes-de-l-orientation", "ordering"),
    ]
    assert [plain(str(item)) for item in plan.report.skipped] == [
        "question #8 « Récit d'une situation » : type « essay », que la plateforme n'a pas"
    ]
    images = get_image_model().objects.count()
    counts = service.apply(plan)
    assert counts == {"new": 6, "changed": 0, "unchanged": 0, "media": 1}
    assert get_image_model().objects.count() == images + 1
    image = get_image_model().objects.latest("pk")
    assert (image.width, image.height) == (2, 2) and image.title.endswith("REC-01 · annonce.png")

    # The same file again changes nothing, and keeps no second copy of the image.
    again = service.plan(bank=bank, data=(FILES / "banque_traite.xml").read_bytes(), file_format="xml")
    assert service.apply(again) == {"new": 0, "changed": 0, "unchanged": 6, "media": 0}
    assert get_image_model().objects.count() == images + 1

    questions = {question.reference: question for question in Question.objects.filter(bank=bank)}
    deceit = questions["REC-01"].content["fr"]
    assert "[fichier : annonce.png]" in plain(deceit["text"]) and "Regardez l'annonce\u00a0:" in deceit["text"]
    assert deceit["options"] == {"a": "La tromperie", "b": "L'enlèvement", "c": "Aucun : elle est d'accord"}
    assert questions["REC-01"].key == {"correct": "a"} and questions["REC-01"].objective.startswith("Reconnaître")
    assert questions["Droits-des-victimes"].points == 2
    assert questions["Passage-de-frontiere"].key == {"correct": "false"}
    matching = questions["Formes-d-exploitation"].content["fr"]
    assert list(matching["right"].values())[-1] == "adoption légale"  # the distractor
    assert len(matching["left"]) == 3
    ordering = questions["Etapes-de-l-orientation"]
    assert [ordering.content["fr"]["options"][i] for i in ordering.key["order"]] == [
        "Identifier la victime présumée",
        "Évaluer les besoins urgents",
        "Orienter vers le service compétent",
        "Assurer le suivi",
    ]
    assert questions["Sigle-du-protocole"].content["fr"]["accepted"] == ["Palerme", "Palermo"]
    notes = [plain(str(note)) for note in plan.report.notes]
    assert any("Sigle-du-protocole" in note and "crédit partiel" in note for note in notes), notes


BROKEN_GIFT = """// Deux bonnes questions, puis des erreurs : rien ne doit être importé.
::Bonne 1::La traite peut être interne à un pays. {T}

::Bonne 2::Qui coordonne la lutte contre la traite ? {=Le comité national ~Personne}

::Accolade::Une accolade jamais fermée {=oui ~non

::Deux bonnes::Deux réponses marquées « = » {=un =deux ~trois}

::Texte en trop::Question {du texte =oui ~non}

::Poids::Un poids mal écrit {~%cinquante%un ~%50%deux}
"""


@pytest.mark.django_db
def test_a_wrong_gift_file_names_each_problem_by_line_and_writes_nothing(bank):
    before = Question.objects.count()
    plan = service.plan(bank=bank, data=BROKEN_GIFT.encode(), file_format="gift")
    assert [problem.where for problem in plan.problems] == ["ligne 6", "ligne 8", "ligne 10", "ligne 12"]
    assert "n'est pas fermée" in plan.problems[0].message
    with pytest.raises(ValueError):
        service.apply(plan)
    assert Question.objects.count() == before


def _quiz(body: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>{body}</quiz>'.encode()


GOOD = (
    '<question type="truefalse"><name><text>Vrai ou faux</text></name>'
    '<questiontext format="html"><text>La traite est un crime.</text></questiontext>'
    '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>'
)


@pytest.mark.parametrize(
    ("body", "where", "words"),
    [
        (
            GOOD + '<question type="multichoice"><name><text>Q</text></name><questiontext><text>Q ?</text>'
            '</questiontext><answer fraction="100"><text>a</text></answer><answer fraction="cent"><text>b</text>'
            "</answer></question>",
            "question #2 <answer> 2",
            "cent",
        ),
        (
            GOOD + '<question type="multichoice"><questiontext><text>Q ?</text></questiontext><single>true</single>'
            '<answer fraction="50"><text>a</text></answer><answer fraction="50"><text>b</text></answer></question>',
            "question #2 <answer>",
            "100",
        ),
        (
            GOOD + '<question type="shortanswer"><name><text>Vide</text></name></question>',
            "question #2 <questiontext>",
            "",
        ),
        (
            GOOD + '<question type="multichoice"><questiontext><text>Q</text><file name="x.png" encoding="base64">'
            "pas du base64 !</file></questiontext></question>",
            "question #2 <questiontext> <file> 1",
            "base64",
        ),
        (
            GOOD + '<question type="multichoice"><questiontext><text>Q</text><file name="virus.exe" encoding="base64">'
            "TVo=</file></questiontext></question>",
            "question #2 <questiontext> <file> 1",
            "virus.exe",
        ),
        (GOOD + '<question type="truefalse"><questiontext><text>Q', "ligne 2, colonne", "XML"),
        ("<!-- pas de quiz -->", "", "aucune question"),
    ],
)
@pytest.mark.django_db
def test_a_wrong_moodle_xml_file_names_the_element_and_writes_nothing(bank, body, where, words):
    data = _quiz(body) if not body.startswith("<!--") else b"<?xml version='1.0'?><quiz></quiz>"
    plan = service.plan(bank=bank, data=data, file_format="xml")
    assert plan.problems, plan.steps
    assert plan.problems[0].where.startswith(where) and words in plain(str(plan.problems[0])), plan.problems
    with pytest.raises(ValueError):
        service.apply(plan)
    assert not Question.objects.filter(bank=bank).exists()


def test_an_image_that_is_not_one_is_refused_before_anything_is_written():
    fake = base64.b64encode(b"GIF89a? not really").decode()
    data = _quiz(
        '<question type="truefalse"><questiontext format="html"><text>&lt;img src="@@PLUGINFILE@@/faux.png"&gt;'
        f'Vrai ?</text><file name="faux.png" encoding="base64">{fake}</file></questiontext>'
        '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>'
    )
    report = moodle_xml.read(data)
    assert report.problems == [] and report.questions[0].media[0].name == "faux.png"
    assert plain(service._media_problem(report.questions[0].media[0])) == "« faux.png » n'est pas une image lisible."


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<quiz><question type="truefalse"><questiontext><text>&lol9;</text></questiontext>
<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>
"""


@pytest.mark.parametrize(
    "data",
    [
        BILLION_LAUGHS,
        # XXE: an external entity reading a file of the server into the question's text.
        b'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        b'<quiz><question type="truefalse"><questiontext><text>&secret;</text></questiontext>'
        b'<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>'
        b"</question></quiz>",
        # An outside document type fetched over the network.
        b'<?xml version="1.0"?><!DOCTYPE quiz SYSTEM "http://127.0.0.1:9/quiz.dtd"><quiz></quiz>',
    ],
    ids=["billion-laughs", "xxe-file", "external-dtd"],
)
def test_entities_and_document_types_are_refused_before_anything_is_read(data):
    report = moodle_xml.read(data)
    assert report.questions == []
    assert [(problem.where, "type de document" in problem.message) for problem in report.problems] == [
        ("<!DOCTYPE>", True)
    ]


@pytest.mark.django_db
def test_size_limits_and_encoding_are_checked(bank, monkeypatch):
    too_big = b"// " + b"x" * common.MAX_FILE_BYTES
    assert "Mo" in str(service.plan(bank=bank, data=too_big, file_format="gift").problems[0])
    many = "\n\n".join(f"::Q{n}::La traite est un crime. {{T}}" for n in range(common.MAX_QUESTIONS + 1))
    assert "1000" in str(service.plan(bank=bank, data=many.encode(), file_format="gift").problems[0])
    latin1 = "::Q::Première ligne\n\n::R::Déjà vu ? {T}".encode("latin-1")
    problems = service.plan(bank=bank, data=latin1, file_format="gift").problems
    assert [(problem.where, "UTF-8" in problem.message) for problem in problems] == [("ligne 1", True)]


def test_gift_escapes_are_written_so_moodle_reads_them_back():
    text = "Coût : 100 % {exemple} ~ = # \\ fin\nligne 2"
    assert gift.escape(text) == "Coût \\: 100 % \\{exemple\\} \\~ \\= \\# \\\\ fin\\nligne 2"
    report = gift.read(f"::Titre \\: ok::{gift.escape(text)} {{=oui ~non}}".encode())
    assert (report.questions[0].name, report.questions[0].text) == ("Titre : ok", text)


def test_a_text_that_begins_like_a_gift_format_mark_keeps_it():
    question = common.Parsed(where="", kind="true_false", text="[html] <b>gras</b> ?", name="Objectif", correct=[0])
    question.idnumber = "FMT-01"
    text, left_out = gift.write([question])
    assert left_out == []
    read = gift.read(text.encode()).questions[0]
    assert (read.text, read.name, read.idnumber, read.correct) == ("[html] <b>gras</b> ?", "Objectif", "FMT-01", [0])
