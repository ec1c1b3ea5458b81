"""Each factory builds a valid object."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory",
    [
        factories.AdministrativeRegionFactory,
        factories.PrefectureFactory,
        factories.UserFactory,
        factories.StaffAccessFactory,
    ],
)
def test_factory_builds_a_valid_saved_object(factory):
    obj = factory()
    obj.full_clean(exclude=["password"])
    assert obj.pk is not None
