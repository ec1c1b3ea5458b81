"""Each training factory builds a valid saved object."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory",
    [
        factories.TrainingSessionFactory,
        factories.CoordinatorFactory,
        factories.ParticipantFactory,
        factories.SessionDayFactory,
        factories.AttendanceFactory,
        factories.TestWindowFactory,
        factories.ProgrammeTargetFactory,
    ],
)
def test_factory_builds_a_valid_saved_object(factory):
    obj = factory()
    obj.full_clean()
    assert obj.pk is not None
