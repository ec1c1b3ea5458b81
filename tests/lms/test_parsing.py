"""lms.parsing: what the project's JSON APIs, path converters and query parsers accept and refuse."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.utils import translation

from lms import parsing


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12", 12),
        (12, 12),
        ("-3", -3),
        ("9223372036854775807", 2**63 - 1),
        ("9223372036854775808", None),
        ("1" + "0" * 22, None),
        (10**30, None),
        ("1e30", None),
        ("²", None),
        (" 1", None),
        ("", None),
        (1.0, None),
        (True, None),
        (None, None),
    ],
)
def test_database_int_accepts_only_integers_a_column_can_hold(value, expected):
    assert parsing.database_int(value) == expected


def test_the_id_converter_does_not_match_what_no_column_can_hold():
    converter = parsing.DatabaseIdConverter()
    assert converter.to_python("42") == 42
    for value in ("9223372036854775808", "1" + "0" * 22):
        with pytest.raises(ValueError):
            converter.to_python(value)
    with pytest.raises(ValueError):
        converter.to_url(-1)


def _request(body: bytes):
    return RequestFactory().post("/api/x/", data=body, content_type="application/json")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (rb'{"device_token": "\ud800"}', "La requête contient un caractère non autorisé."),
        (rb'{"a\u0000": 1}', "La requête contient un caractère non autorisé."),
        (b'{"seq": 1' + b"0" * 30 + b"}", "La requête contient un nombre hors limites."),
        (b'{"seq": 1e400}', "La requête contient un nombre hors limites."),
        (b'{"seq": NaN}', "La requête n'est pas du JSON valide."),
        (b"[" * 10_000 + b"]" * 10_000, "La requête est imbriquée trop profondément."),
        (b'{"a": ' * 40 + b"1" + b"}" * 40, "La requête est imbriquée trop profondément."),
        (b"[1, 2]", "La requête doit être un objet JSON."),
        (b"", "La requête n'est pas du JSON valide."),
        (b"\xff\xfe{}", "La requête n'est pas du JSON valide."),
    ],
)
def test_json_object_refuses_bad_bytes_with_a_translated_400(body, message):
    with translation.override("fr"), pytest.raises(parsing.BadRequestBody) as refused:
        parsing.json_object(_request(body), max_bytes=100_000)
    assert (refused.value.status, refused.value.message) == (400, message)


def test_json_object_refuses_a_body_over_the_limit_with_413():
    with pytest.raises(parsing.BadRequestBody) as refused:
        parsing.json_object(_request(b'{"a": "' + b"x" * 100 + b'"}'), max_bytes=50)
    assert refused.value.status == 413


def test_the_field_getters_refuse_wrong_types():
    body = parsing.json_object(
        _request(b'{"seq": 5, "text": "a", "float": 1.5, "digits": "12", "flag": true}'), max_bytes=1000
    )
    assert parsing.json_int(body, "seq") == 5 and parsing.json_text(body, "text") == "a"
    assert parsing.json_int(body, "absent", optional=True) is None
    assert parsing.json_text(body, "absent", optional=True) == ""
    for name in ("float", "digits", "flag", "absent"):
        with pytest.raises(parsing.BadRequestBody):
            parsing.json_int(body, name)
    with pytest.raises(parsing.BadRequestBody):
        parsing.json_text(body, "seq")
    with translation.override("fr"), pytest.raises(parsing.BadRequestBody) as refused:
        parsing.json_value(body, "answer")
    assert refused.value.message == "Le champ « answer » est absent ou n'est pas du bon type."
