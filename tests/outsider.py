"""Helpers of the tests an outside review wrote (tests/security/test_outsider_review.py and the
findings moved beside the code they concern): an evaluator, trainees in a prefecture, their results."""

from __future__ import annotations

import csv
import io

from django.test import Client

from lms import roles
from lms.models import Prefecture
from tests.factories import UserFactory


def evaluator_client() -> Client:
    client = Client()
    client.force_login(UserFactory(username="outsider-evaluator", role=roles.EVALUATOR))
    return client


def trainee(index: int, prefecture: str = "kankan", audience: str = "police", language: str = "fr"):
    return UserFactory(
        username=f"or-trainee-{index:03d}",
        audience=audience,
        preferred_language=language,
        prefecture=Prefecture.objects.get(code=prefecture),
    )


def pair(user, mode="online") -> dict:
    """A trainee's pre- and post-test marks for tests.factories.prepost_results."""
    return {"user": user, "pre": [0, 1, 0, 1, 0, 1], "post": [1, 1, 1, 1, 0, 1], "mode": mode}


def csv_rows(client: Client, query: str = "") -> list[dict]:
    response = client.get(f"/en/evaluation/prepost.csv?{query}")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
