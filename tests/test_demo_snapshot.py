"""The `seeded_demo` fixtures copy a snapshot of seed_demo's result into a test (tests/demo_snapshot.py)
instead of running the command: the copy must hold what a real run leaves, table by table and file by
file, or every test built on it would test something else."""

import io
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from tests import demo_snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]  # the process that holds the snapshot


def _row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in demo_snapshot._tables(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
        return counts


def _files(root) -> Counter:
    """Files per folder and kind: their names carry random codes (certificates) and hashes of
    random keys (H5P packages), different in every run."""
    return Counter(
        (path.relative_to(root).parts[0], path.name if "." not in path.name else path.suffix)
        for path in Path(root).rglob("*")
        if path.is_file()
    )


def test_the_snapshot_holds_every_row_and_file_a_real_run_leaves(settings, tmp_path):
    # Taken here, from this test's database: the process's own snapshot starts from the database as
    # its first demo test found it, and transactional tests since (a flush re-creates the reference
    # rows under new ids) make `restore` refuse it, rightly: the fixture then seeds for real.
    snapshot = demo_snapshot.take(media=tmp_path / "media", private_media=tmp_path / "private-media")
    with transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        real = _row_counts()
        real_files = _files(settings.MEDIA_ROOT), _files(settings.PRIVATE_MEDIA_ROOT)
        transaction.set_rollback(True)
    for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        for path in Path(root).rglob("*"):
            if path.is_file():
                path.unlink()
    assert sum(real.values()) > sum(_row_counts().values())  # the real run was rolled back

    assert demo_snapshot.restore(
        snapshot, media_root=settings.MEDIA_ROOT, private_media_root=settings.PRIVATE_MEDIA_ROOT
    )
    assert _row_counts() == real
    assert (_files(settings.MEDIA_ROOT), _files(settings.PRIVATE_MEDIA_ROOT)) == real_files


def test_a_database_that_is_not_the_migrated_one_gets_a_real_run_instead(settings, django_user_model, request):
    django_user_model.objects.create(username="avant-la-demo")  # a row the snapshot does not start from
    demo = request.getfixturevalue("seeded_demo")
    assert django_user_model.objects.filter(username="avant-la-demo").exists()
    assert django_user_model.objects.filter(username="apprenant").exists()
    assert "apprenant" in demo.output
