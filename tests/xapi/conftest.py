import pytest

from tests.xapi.ralph import KEY, PYTHON, SECRET, Ralph


@pytest.fixture
def ralph(tmp_path):
    """A fresh Ralph LRS for one test. Never skipped: without its virtualenv the test fails and says
    how to make it."""
    if not PYTHON.exists():
        pytest.fail(f"{PYTHON} is missing: run `make install-dev` (it makes .venv-ralph from requirements-ralph.txt)")
    server = Ralph(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def lrs(ralph, db):
    """The platform's LRS configuration, enabled, pointing at Ralph (small batches, to cross them)."""
    from xapi.models import LrsConfig

    return LrsConfig.objects.create(
        name="Ralph (test)", endpoint=ralph.url, key=KEY, secret=SECRET, enabled=True, batch_size=3
    )
