"""Every session sheet prints Guinean names letter for letter (DejaVu Sans, not Helvetica's ■)."""

import subprocess

from django.urls import reverse

from lms.models import User
from training import services

FULA_NAMES = ["Fatoumata Ɓah", "Ɗiallo Ƴattara", "Ŋaliya Ɲɛlɛn Kɔrɔma"]


def _pdf_text(data: bytes) -> str:
    return subprocess.run(["/usr/bin/pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def test_the_accounts_sheet_and_the_sign_in_sheet_print_fula_names_and_their_usernames(client, room, trainer):
    assert services.roster_import(session=room["session"], rows=[{"name": name} for name in FULA_NAMES]).ok
    client.force_login(trainer)
    accounts = client.post(reverse("training:credentials", args=[room["session"].code]))
    assert accounts.status_code == 200 and accounts.content.startswith(b"%PDF")
    first_day = room["session"].days.order_by("date").first()
    sign_in = client.get(reverse("training:sign_in_sheet", args=[room["session"].code, first_day.date.isoformat()]))
    assert sign_in.status_code == 200
    fatoumata = User.objects.get(display_name="Fatoumata Ɓah")
    assert fatoumata.username.startswith("fatoumata.bah-")
    for response in (accounts, sign_in):
        text = _pdf_text(response.content)
        assert "■" not in text
        for name in FULA_NAMES:
            assert name in text, (name, text)
        assert fatoumata.username in text
