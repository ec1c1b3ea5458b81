"""Every model field is classified as personal (with its treatment on erasure) or not: a new field
without a class fails here, and must be added to privacy/inventory.py and docs/data-protection.md."""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from privacy import inventory


def _models():
    found = [model for label in inventory.APPS for model in apps.get_app_config(label).get_models()]
    found += [apps.get_model(label) for label in inventory.EXTRA_MODELS]
    return [model for model in found if not model._meta.proxy]


def _fields(model) -> set[str]:
    return {field.name for field in model._meta.local_fields + model._meta.local_many_to_many}


@pytest.mark.parametrize("model", _models(), ids=lambda model: model._meta.label)
def test_every_field_is_classified(model):
    classified = inventory.INVENTORY.get(model._meta.label)
    assert classified is not None, f"{model._meta.label} is not in privacy/inventory.py"
    missing = _fields(model) - set(classified)
    assert not missing, f"{model._meta.label}: classify {sorted(missing)} in privacy/inventory.py"
    stale = set(classified) - _fields(model)
    assert not stale, f"{model._meta.label}: {sorted(stale)} no longer exist"
    assert set(classified.values()) <= set(inventory.TREATMENTS)


def test_the_inventory_names_only_models_that_exist():
    labels = {model._meta.label for model in _models()}
    assert set(inventory.INVENTORY) <= labels


def test_the_document_lists_every_model_with_personal_data():
    document = (Path(settings.BASE_DIR) / "docs" / "data-protection.md").read_text()
    for label, fields in inventory.INVENTORY.items():
        if set(fields.values()) != {inventory.NOT_PERSONAL}:
            assert f"`{label}`" in document, f"docs/data-protection.md does not describe {label}"


def test_no_field_records_victim_or_survivor_status():
    words = ("victim", "survivor", "trafficked")
    for model in _models():
        assert not [name for name in _fields(model) if any(word in name.lower() for word in words)]
