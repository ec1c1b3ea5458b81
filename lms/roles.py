"""Roles: the one definition of who may do what.

Each role is a Django group. `roles_sync` makes the groups and their permissions equal to the
definitions below; it runs after every `migrate` (lms.reference_data.sync_after_migrate), so a
new permission reaches its role without a hand edit in the admin. Scoping (a trainer's own
sessions, a coordinator's region) is enforced by the selectors of each feature, not by these
permissions alone.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lms.hooks import STAFF_ACCOUNT_CONDITION

TRAINEE = "Trainee"
TRAINER = "Trainer"
EVALUATOR = "Evaluator"
EDITOR = "Editor"
ADMINISTRATOR = "Administrator"
# Migrant ambassadors and community support teams: volunteers who log community dialogues (counts
# only). They see no personal data, so they are not staff and need no second factor.
AMBASSADOR = "Ambassador"

# Group names are stored in English (they are identifiers); the interface shows these labels.
ROLE_LABELS = {
    TRAINEE: _("Trainee"),
    TRAINER: _("Trainer"),
    EVALUATOR: _("Evaluator"),
    EDITOR: _("Editor"),
    ADMINISTRATOR: _("Administrator"),
    AMBASSADOR: _("Ambassador"),
}

WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]

_EDITOR_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtail_localize.submit_translation",
    # Uploading H5P packages is an editor's right, and only theirs (code from outside runs in pages).
    "courses.add_h5ppackage",
    "courses.change_h5ppackage",
    "courses.view_h5ppackage",
    "courses.add_audiolanguage",
    "courses.change_audiolanguage",
    "courses.view_audiolanguage",
    # Question banks and their questions (edits of answered questions become new versions).
    "assessments.add_questionbank",
    "assessments.change_questionbank",
    "assessments.view_questionbank",
    "assessments.add_question",
    "assessments.change_question",
    "assessments.view_question",
    # The wording of the reaction questionnaire (evaluation/reaction); its answers are in no admin.
    "evaluation.add_reactionquestionnaire",
    "evaluation.change_reactionquestionnaire",
    "evaluation.view_reactionquestionnaire",
]
# Wagtail grants page and media rights per subtree and per collection; editors get the whole tree.
_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
_COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}

ROLE_PERMISSIONS: dict[str, list[str]] = {
    TRAINEE: [],
    TRAINER: ["lms.manage_training_sessions", "events.manage_events"],
    EVALUATOR: ["lms.view_evaluation"],
    EDITOR: _EDITOR_PERMISSIONS,
    # Administrators hold every permission: see roles_sync.
    ADMINISTRATOR: [],
    AMBASSADOR: ["events.log_outreach"],
}


def _ensure_migration_made_permissions() -> None:
    """Re-create permissions that packages create in data migrations rather than in a model's Meta.

    wagtail-localize's "submit_translation" hangs off a content type of its own making; a database
    flush (as between transactional tests) removes it and only its migration would bring it back.
    """
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )


def _permissions(names: list[str]) -> list[Permission]:
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


@transaction.atomic
def roles_sync() -> dict[str, Group]:
    """Create the role groups and set their permissions to the definitions above.

    Idempotent: running it again changes nothing. Returns the groups by role name.
    """
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    _ensure_migration_made_permissions()
    groups = {}
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for role, names in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        if role == ADMINISTRATOR:
            group.permissions.set(Permission.objects.all())
        else:
            group.permissions.set(_permissions(names))
        if role in (EDITOR, ADMINISTRATOR):
            if root_page is not None:
                for codename in _PAGE_PERMISSIONS:
                    GroupPagePermission.objects.get_or_create(
                        group=group,
                        page=root_page,
                        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
                    )
            if root_collection is not None:
                for app_label, codenames in _COLLECTION_PERMISSIONS.items():
                    for codename in codenames:
                        GroupCollectionPermission.objects.get_or_create(
                            group=group,
                            collection=root_collection,
                            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
                        )
        groups[role] = group
    # Wagtail's migrations create "Editors" and "Moderators"; our roles replace them. Groups that
    # someone has put people in are left alone.
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()
    return groups


# Roles whose pages show other people's data: their accounts must enrol a second factor
# (lms.middleware.StaffSecondFactorMiddleware). Coordinators are trainers.
STAFF_ROLES = (TRAINER, EVALUATOR, EDITOR, ADMINISTRATOR)


STAFF_CACHE_SECONDS = 300


def _staff_cache_key(user_id) -> str:
    return f"lms:staff-account:{user_id}"


# Groups whose members are not staff: their permissions (an ambassador's outreach log) show no one's data.
NON_STAFF_ROLES = (TRAINEE, AMBASSADOR)


def staff_account_condition() -> Q:
    """The one definition of a staff account, as a condition on the user model.

    Django's staff or superuser flag; any group other than Trainee or Ambassador (the four staff roles,
    Wagtail's own groups, or a group an administrator made, "Bailleurs" holding `lms.view_evaluation`);
    any permission given to the account directly; or what a higher layer adds through the
    `staff_account_condition` Wagtail hook (training: coordinators, the trainers of a session).
    `is_staff_account` (the second factor) and training.selectors.staff_accounts (kept off rosters)
    both use it, so a right cannot make someone staff for one and not the other.
    """
    from django.contrib.auth import get_user_model
    from wagtail import hooks

    User = get_user_model()
    privileged_groups = Group.objects.exclude(name__in=NON_STAFF_ROLES)
    condition = (
        Q(is_staff=True)
        | Q(is_superuser=True)
        | Q(pk__in=User.objects.filter(groups__in=privileged_groups).values("pk"))
        | Q(pk__in=User.objects.filter(user_permissions__isnull=False).values("pk"))
    )
    # The core knows roles, not sessions: apps above it add what makes someone staff there.
    for extra in hooks.get_hooks(STAFF_ACCOUNT_CONDITION):
        condition |= Q(pk__in=User.objects.filter(extra()).values("pk"))
    return condition


def is_staff_account(user) -> bool:
    """Whether `user` is a staff account (staff_account_condition: a staff role or any other group but
    Trainee's or Ambassador's, a permission of its own, Django's staff or superuser flag, or what a
    higher layer counts as staff through the `staff_account_condition` Wagtail hook).

    Asked on every request (lms.middleware), so the answer is cached: a trainee's autosave costs no
    query for it. A change of groups, of direct permissions or of a group's permissions forgets it at
    once (forget_staff_account, forget_group_members); anything else (becoming a coordinator) is seen
    within STAFF_CACHE_SECONDS.
    """
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    from django.contrib.auth import get_user_model
    from django.core.cache import cache

    key = _staff_cache_key(user.pk)
    staff = cache.get(key)
    if staff is None:
        staff = get_user_model().objects.filter(pk=user.pk).filter(staff_account_condition()).exists()
        cache.set(key, staff, STAFF_CACHE_SECONDS)
    return staff


def forget_staff_account(sender=None, instance=None, pk_set=None, reverse=False, **kwargs) -> None:
    """m2m_changed receiver of User.groups and User.user_permissions: whoever's changed is asked again."""
    from django.core.cache import cache

    if reverse:  # group.user_set changed: pk_set holds users
        cache.delete_many([_staff_cache_key(pk) for pk in pk_set or ()])
    elif instance is not None:
        cache.delete(_staff_cache_key(instance.pk))


def forget_group_members(sender=None, instance=None, pk_set=None, reverse=False, **kwargs) -> None:
    """m2m_changed receiver of Group.permissions: the members of the group(s) changed are asked again."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache

    group_ids = (pk_set or ()) if reverse else ([instance.pk] if instance is not None else [])
    members = get_user_model().objects.filter(groups__in=list(group_ids)).values_list("pk", flat=True)
    cache.delete_many([_staff_cache_key(pk) for pk in members])
