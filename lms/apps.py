from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class LmsConfig(AppConfig):
    # Two app configs live in this module; this one is the app's own.
    default = True
    name = "lms"
    verbose_name = _("Training platform")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lms import reference_data

        # Role groups need the permissions of every app, which exist only once all migrations have
        # run; re-syncing after each migrate (and flush) keeps the groups equal to lms.roles, the one
        # definition, and puts back reference data that a flush removed.
        post_migrate.connect(reference_data.sync_after_migrate, sender=self)


class LmsUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for our user model (one display name, optional email)."""

    user_viewset = "lms.admin_users.UserViewSet"
