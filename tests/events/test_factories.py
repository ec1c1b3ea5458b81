"""Each factory of the events app builds a valid object."""

import pytest

from tests.events import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory",
    [
        factories.EventFactory,
        factories.RegistrantFactory,
        factories.OutreachLogFactory,
        factories.HeadCountFactory,
        factories.IndicatorTargetFactory,
    ],
)
def test_factory_builds_a_valid_object(factory):
    instance = factory()
    instance.full_clean()
    assert instance.pk
