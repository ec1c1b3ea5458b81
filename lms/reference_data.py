"""Reference data every installation needs: Guinea's places and the interface's locales.

Source for places: Institut national de la statistique, découpage administratif (Conakry special
zone, 7 administrative regions, 33 prefectures); natural regions as in the Ministry of Territorial
Administration's atlas. Administrative and natural regions differ: Gaoual and Koundara (Boké region)
lie in Middle Guinea, Télimélé (Kindia) in Maritime Guinea, Dabola and Dinguiraye (Faranah) in Upper
Guinea, Kissidougou (Faranah) in Forest Guinea.

The sync functions take the model classes as arguments so that data migrations can pass their
historical models and the post-migrate hook the current ones. Both are idempotent.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.models import ContentType

M, MI, U, F = "maritime", "middle", "upper", "forest"

REGIONS = {
    # code: (name, [(prefecture code, name, natural region), ...])
    "conakry": ("Conakry", []),
    "boke": (
        "Boké",
        [
            ("boffa", "Boffa", M),
            ("boke", "Boké", M),
            ("fria", "Fria", M),
            ("gaoual", "Gaoual", MI),
            ("koundara", "Koundara", MI),
        ],
    ),
    "kindia": (
        "Kindia",
        [
            ("coyah", "Coyah", M),
            ("dubreka", "Dubréka", M),
            ("forecariah", "Forécariah", M),
            ("kindia", "Kindia", M),
            ("telimele", "Télimélé", M),
        ],
    ),
    "mamou": ("Mamou", [("dalaba", "Dalaba", MI), ("mamou", "Mamou", MI), ("pita", "Pita", MI)]),
    "labe": (
        "Labé",
        [
            ("koubia", "Koubia", MI),
            ("labe", "Labé", MI),
            ("lelouma", "Lélouma", MI),
            ("mali", "Mali", MI),
            ("tougue", "Tougué", MI),
        ],
    ),
    "faranah": (
        "Faranah",
        [
            ("dabola", "Dabola", U),
            ("dinguiraye", "Dinguiraye", U),
            ("faranah", "Faranah", U),
            ("kissidougou", "Kissidougou", F),
        ],
    ),
    "kankan": (
        "Kankan",
        [
            ("kankan", "Kankan", U),
            ("kerouane", "Kérouané", U),
            ("kouroussa", "Kouroussa", U),
            ("mandiana", "Mandiana", U),
            ("siguiri", "Siguiri", U),
        ],
    ),
    "nzerekore": (
        "Nzérékoré",
        [
            ("beyla", "Beyla", F),
            ("gueckedou", "Guéckédou", F),
            ("lola", "Lola", F),
            ("macenta", "Macenta", F),
            ("nzerekore", "Nzérékoré", F),
            ("yomou", "Yomou", F),
        ],
    ),
}


CONAKRY = ("conakry", "Conakry", M)
LOCALES = ("fr", "en")


def sync_places(*, region_model, prefecture_model) -> None:
    """Create or update the administrative regions and prefectures (and Conakry's special zone)."""
    for code, (name, prefectures) in REGIONS.items():
        region, _ = region_model.objects.update_or_create(code=code, defaults={"name": name})
        for pref_code, pref_name, natural in prefectures:
            prefecture_model.objects.update_or_create(
                code=pref_code,
                defaults={"name": pref_name, "region": region, "natural_region": natural, "kind": "prefecture"},
            )
    # Conakry is a special zone, not a prefecture, but people live and train there.
    code, name, natural = CONAKRY
    prefecture_model.objects.update_or_create(
        code=code,
        defaults={
            "name": name,
            "region": region_model.objects.get(code="conakry"),
            "natural_region": natural,
            "kind": "special_zone",
        },
    )


def sync_locales(*, locale_model) -> None:
    """Wagtail locales for French (the source language) and English."""
    for code in LOCALES:
        locale_model.objects.get_or_create(language_code=code)


def sync_wagtail_roots() -> None:
    """The root page and root collection that Wagtail's own migrations create, if a flush removed them."""
    from wagtail.models import Collection, Locale, Page

    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default(), live=True))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def sync_after_migrate(sender, using="default", verbosity=1, **kwargs) -> None:
    """post_migrate receiver: reference data and roles, after every migrate and every flush.

    Migrations load the reference data once; a flush (between transactional tests, or an admin's
    `flush`) empties every table and only post_migrate runs after it. Every step is idempotent.
    After a flush the content-type cache still holds deleted rows: clear it first.
    """
    from wagtail.models import Locale

    from lms import roles
    from lms.models import AdministrativeRegion, Prefecture

    ContentType.objects.clear_cache()
    sync_places(region_model=AdministrativeRegion, prefecture_model=Prefecture)
    sync_locales(locale_model=Locale)
    sync_wagtail_roots()
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    roles.roles_sync()
