"""Roles are groups whose permissions follow lms.roles after every migrate."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from lms import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_every_role_exists_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLE_PERMISSIONS)


def test_sync_is_idempotent():
    roles.roles_sync()
    before = (Group.objects.count(), GroupPagePermission.objects.count(), Permission.objects.count())
    roles.roles_sync()
    assert (Group.objects.count(), GroupPagePermission.objects.count(), Permission.objects.count()) == before


@pytest.mark.parametrize(
    ("role", "allowed", "refused"),
    [
        (roles.TRAINEE, [], ["wagtailadmin.access_admin", "lms.manage_training_sessions", "lms.view_evaluation"]),
        (roles.TRAINER, ["lms.manage_training_sessions"], ["wagtailadmin.access_admin", "lms.view_evaluation"]),
        (roles.EVALUATOR, ["lms.view_evaluation"], ["wagtailadmin.access_admin", "lms.manage_training_sessions"]),
        (roles.EDITOR, ["wagtailadmin.access_admin"], ["lms.view_evaluation", "lms.delete_user"]),
        (roles.ADMINISTRATOR, ["wagtailadmin.access_admin", "lms.delete_user", "lms.view_evaluation"], []),
    ],
)
def test_role_permissions(role, allowed, refused):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=role))
    for permission in allowed:
        assert user.has_perm(permission), permission
    for permission in refused:
        assert not user.has_perm(permission), permission


def test_editors_may_edit_and_publish_the_whole_page_tree():
    editor = Group.objects.get(name=roles.EDITOR)
    codenames = set(GroupPagePermission.objects.filter(group=editor).values_list("permission__codename", flat=True))
    assert {"add_page", "change_page", "publish_page"} <= codenames


def test_a_coordinator_without_a_staff_group_is_staff_through_the_sessions_hook():
    """The core does not know sessions: training registers that coordinating a region makes staff."""
    from wagtail import hooks

    from lms.hooks import STAFF_ACCOUNT_CONDITION
    from tests.factories import CoordinatorFactory

    person = UserFactory(role=roles.TRAINEE)
    assert not roles.is_staff_account(person)
    CoordinatorFactory(user=person)
    roles.forget_staff_account(instance=person)
    assert roles.is_staff_account(person)
    assert any(hook.__module__ == "training.wagtail_hooks" for hook in hooks.get_hooks(STAFF_ACCOUNT_CONDITION))
