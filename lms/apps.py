from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class LmsConfig(AppConfig):
    # Two app configs live in this module; this one is the app's own.
    default = True
    name = "lms"
    verbose_name = _("Training platform")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.urls import register_converter

        from lms import reference_data
        from lms.chooser_words import word_snippet_choosers_per_drawing
        from lms.parsing import DatabaseIdConverter

        word_snippet_choosers_per_drawing()
        # `<id:name>` in every urls.py: an integer a database column can hold, else no match (404).
        register_converter(DatabaseIdConverter, "id")

        # Role groups need the permissions of every app, which exist only once all migrations have
        # run; re-syncing after each migrate (and flush) keeps the groups equal to lms.roles, the one
        # definition, and puts back reference data that a flush removed.
        post_migrate.connect(reference_data.sync_after_migrate, sender=self)
        # The staff status lms.middleware caches is forgotten when someone's groups or permissions
        # change, or the permissions of a group they are in.
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        from lms import roles

        m2m_changed.connect(roles.forget_staff_account, sender=get_user_model().groups.through)
        m2m_changed.connect(roles.forget_staff_account, sender=get_user_model().user_permissions.through)
        m2m_changed.connect(roles.forget_group_members, sender=Group.permissions.through)
        from django.contrib.auth.signals import user_logged_in

        from lms.middleware import SessionIdleTimeoutMiddleware

        user_logged_in.connect(SessionIdleTimeoutMiddleware.stamp_login)
        # Registers the checks that keep private files out of the public media.
        from lms import private_files  # noqa: F401


class LmsUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for our user model (one display name, optional email)."""

    user_viewset = "lms.admin_users.UserViewSet"
