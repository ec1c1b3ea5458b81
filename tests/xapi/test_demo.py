import pytest

from xapi.demo import NAME
from xapi.models import LrsConfig, OutboxStatement

pytestmark = pytest.mark.django_db


def test_the_demo_registers_one_lrs_disabled_and_queues_nothing(seeded_demo_twice):
    config = LrsConfig.objects.get(name=NAME)
    assert not config.enabled and config.endpoint.startswith("http://127.0.0.1:")
    assert LrsConfig.objects.count() == 1
    assert not OutboxStatement.objects.exists()
