"""Each person's workspace: the page where their work is, for their role.

A login lands there (lms.adapters.AccountAdapter, unless the login asked for another page with
?next=) and the header links to it. Apps above the core say which pages they hold through the
`workspace` hook (lms.hooks.WORKSPACE); the core itself knows the editors' one, Wagtail's admin.
When a person holds several roles, the lowest rank wins: the work that names them most narrowly
(a coordinator's region before their own sessions, sessions before the programme's figures).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lms.hooks import WORKSPACE

# The ranks the apps use: lower wins.
ADMINISTRATOR_RANK = 5
COORDINATOR_RANK = 10
TRAINER_RANK = 20
EVALUATOR_RANK = 30
EDITOR_RANK = 40
AMBASSADOR_RANK = 50
TRAINEE_RANK = 100


@dataclass(frozen=True)
class Workspace:
    rank: int
    label: str | Promise  # the header's link text
    url: str


def editor_workspace(user) -> Workspace | None:
    """Administrators run the site, and editors write the modules, in Wagtail's admin."""
    from lms import roles

    if user.is_superuser or user.groups.filter(name=roles.ADMINISTRATOR).exists():
        return Workspace(ADMINISTRATOR_RANK, _("Administration"), "/admin/")
    if user.has_perm("wagtailadmin.access_admin"):
        return Workspace(EDITOR_RANK, _("Content"), "/admin/")
    return None


CACHE_SECONDS = 300


def workspace_for(user) -> Workspace | None:
    """The best-ranked workspace of `user`; None for anonymous people (and if no app offers one).

    Every page's header asks, so the answer is cached per person and language (a new role shows
    within CACHE_SECONDS; a login asks afresh: forget_workspace)."""
    if not user.is_authenticated:
        return None
    from django.core.cache import cache
    from django.utils.translation import get_language

    key = f"lms:workspace:{user.pk}:{get_language()}"
    cached = cache.get(key)
    if cached is not None:
        return Workspace(*cached) if cached else None
    found = _best_workspace(user)
    cache.set(key, (found.rank, str(found.label), found.url) if found else (), CACHE_SECONDS)
    return found


def forget_workspace(user) -> None:
    from django.conf import settings
    from django.core.cache import cache

    cache.delete_many([f"lms:workspace:{user.pk}:{code}" for code, _name in settings.LANGUAGES])


def _best_workspace(user) -> Workspace | None:
    from wagtail import hooks

    found = [editor_workspace(user)]
    found += [offer(user) for offer in hooks.get_hooks(WORKSPACE)]
    offered = [workspace for workspace in found if workspace is not None]
    return min(offered, key=lambda workspace: workspace.rank) if offered else None
