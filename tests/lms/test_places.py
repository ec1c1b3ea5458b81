"""Guinea's places, loaded by a data migration."""

import pytest

from lms.models import AdministrativeRegion, NaturalRegion, Prefecture
from lms.selectors import prefecture_list

pytestmark = pytest.mark.django_db


def test_conakry_and_the_seven_regions_are_loaded():
    assert sorted(AdministrativeRegion.objects.values_list("name", flat=True)) == [
        "Boké", "Conakry", "Faranah", "Kankan", "Kindia", "Labé", "Mamou", "Nzérékoré",
    ]  # fmt: skip


def test_thirty_three_prefectures_plus_conakry_special_zone():
    assert Prefecture.objects.filter(kind=Prefecture.Kind.PREFECTURE).count() == 33
    conakry = Prefecture.objects.get(kind=Prefecture.Kind.SPECIAL_ZONE)
    assert (conakry.name, conakry.region.name, conakry.natural_region) == ("Conakry", "Conakry", "maritime")


def test_prefectures_per_region():
    counts = {r.name: r.prefectures.filter(kind="prefecture").count() for r in AdministrativeRegion.objects.all()}
    assert counts == {
        "Conakry": 0, "Boké": 5, "Kindia": 5, "Mamou": 3, "Labé": 5, "Faranah": 4, "Kankan": 5, "Nzérékoré": 6,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("prefecture", "region", "natural"),
    [
        ("Gaoual", "Boké", NaturalRegion.MIDDLE),
        ("Koundara", "Boké", NaturalRegion.MIDDLE),
        ("Télimélé", "Kindia", NaturalRegion.MARITIME),
        ("Kissidougou", "Faranah", NaturalRegion.FOREST),
        ("Dabola", "Faranah", NaturalRegion.UPPER),
        ("Beyla", "Nzérékoré", NaturalRegion.FOREST),
        ("Labé", "Labé", NaturalRegion.MIDDLE),
    ],
)
def test_natural_region_differs_from_administrative_where_geography_says_so(prefecture, region, natural):
    place = Prefecture.objects.select_related("region").get(name=prefecture)
    assert place.region.name == region
    assert place.natural_region == natural


def test_every_natural_region_rolls_up(django_assert_num_queries):
    # One query per natural region: select_related keeps region names from costing one each.
    with django_assert_num_queries(len(NaturalRegion.values)):
        counts = {
            code: len([p.region.name for p in prefecture_list(natural_region=code)]) for code in NaturalRegion.values
        }
    assert counts == {"maritime": 9, "middle": 10, "upper": 8, "forest": 7}
