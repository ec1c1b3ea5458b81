"""Every app declares the personal data it holds, in its own `personal_data` module (lms.data_protection):

- every field of every model of every local app is classified, by the app that owns the model;
- every relation to a person, in any installed model (Wagtail's, allauth's, Django's), is classified;
- erasure, My data and retention only run what the apps declare.

A new app, model or field without a declaration fails here.
"""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from lms import data_protection

BASE_DIR = Path(settings.BASE_DIR).resolve()


def _local_app_configs():
    """The project's own apps: those whose code lives in this repository (not in the virtualenv)."""
    return [
        config
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(BASE_DIR)
        and not Path(config.path).resolve().is_relative_to(BASE_DIR / ".venv")
    ]


def _local_models():
    return [model for config in _local_app_configs() for model in config.get_models() if not model._meta.proxy]


def _fields(model) -> set[str]:
    return {field.name for field in model._meta.local_fields + model._meta.local_many_to_many}


def _relations_to_people():
    """(model label, field name) of every relation to the user model, on the model that defines it."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    found = set()
    for model in apps.get_models():
        for field in model._meta.local_fields + model._meta.local_many_to_many:
            if field.is_relation and field.related_model is user_model:
                found.add((model._meta.label, field.name))
    return sorted(found)


def test_every_local_app_is_checked():
    labels = {config.label for config in _local_app_configs()}
    assert {"lms", "courses", "assessments", "training", "certificates", "privacy", "events"} <= labels


@pytest.mark.parametrize("model", _local_models(), ids=lambda model: model._meta.label)
def test_every_field_of_every_local_model_is_declared_by_its_own_app(model):
    app_label = model._meta.app_label
    declared = data_protection.declared_by(app_label).get(model._meta.label)
    assert declared is not None, f"{model._meta.label} is not declared in {app_label}/personal_data.py"
    missing = _fields(model) - set(declared)
    assert not missing, f"{model._meta.label}: classify {sorted(missing)} in {app_label}/personal_data.py"
    stale = set(declared) - _fields(model)
    assert not stale, f"{model._meta.label}: {sorted(stale)} no longer exist"
    assert set(declared.values()) <= set(data_protection.TREATMENTS)


def test_every_relation_to_a_person_in_any_installed_model_is_declared():
    inventory = data_protection.inventory()
    undeclared = [f"{label}.{name}" for label, name in _relations_to_people() if name not in inventory.get(label, {})]
    assert not undeclared, f"declare these relations to people (the core declares installed packages): {undeclared}"


def test_declarations_name_only_models_and_fields_that_exist():
    for label, declared in data_protection.inventory().items():
        model = apps.get_model(label)
        assert set(declared) <= _fields(model) | {f.name for f in model._meta.get_fields()}, label
        assert set(declared.values()) <= set(data_protection.TREATMENTS), label


def test_a_local_app_declares_only_its_own_models():
    local = {config.label for config in _local_app_configs()}
    for app_label, module in data_protection.declaring_modules():
        for label in module.FIELDS:
            owner = label.split(".")[0]
            assert owner == app_label or (app_label == "lms" and owner not in local), (
                f"{app_label}/personal_data.py declares {label}: the app that owns it must"
            )


def test_the_document_lists_every_model_with_personal_data():
    document = (Path(settings.BASE_DIR) / "docs" / "data-protection.md").read_text()
    for label, declared in data_protection.inventory().items():
        if label.split(".")[0] in {config.label for config in _local_app_configs()} and set(declared.values()) != {
            data_protection.NOT_PERSONAL
        }:
            assert f"`{label}`" in document, f"docs/data-protection.md does not describe {label}"


def test_no_field_records_victim_or_survivor_status():
    words = ("victim", "survivor", "trafficked")
    for model in _local_models():
        assert not [name for name in _fields(model) if any(word in name.lower() for word in words)]


def test_every_app_with_people_in_its_models_shows_them_in_my_data():
    """An app whose models point at a person gives that person a section of My data."""
    with_people = {label.split(".")[0] for label, _name in _relations_to_people()}
    for config in _local_app_configs():
        if config.label in with_people and any(
            treatment != data_protection.NOT_PERSONAL
            for declared in data_protection.declared_by(config.label).values()
            for treatment in declared.values()
        ):
            module = dict(data_protection.declaring_modules()).get(config.label)
            assert hasattr(module, "sections"), f"{config.label}/personal_data.py has no My data sections"
