"""Wagtail's user admin adapted to our user model.

Wagtail's stock forms require first and last names and an email; our users have one display name and
often no email. The templates add the profile fields to Wagtail's own layout.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import EditView as WagtailUserEditView
from wagtail.users.views.users import IndexView as WagtailUserIndexView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from lms.access_log import staff_access_log
from lms.text import fold

PROFILE_FIELDS = ["display_name", "phone", "organisation", "audience", "prefecture", "country", "preferred_language"]


class LmsUserCreationForm(UserCreationForm):
    first_name = None
    last_name = None
    email = forms.EmailField(required=False, label=_("Email"))

    class Meta(UserCreationForm.Meta):
        fields = ["username", "email", "is_superuser", "groups", *PROFILE_FIELDS]


class LmsUserEditForm(UserEditForm):
    first_name = None
    last_name = None
    email = forms.EmailField(required=False, label=_("Email"))

    class Meta(UserEditForm.Meta):
        fields = ["username", "email", "is_active", "is_superuser", "groups", *PROFILE_FIELDS]


class UserEditView(WagtailUserEditView):
    """Opening a person's account in the admin shows their personal data: the access is logged."""

    def get(self, request, *args, **kwargs):
        from lms.privacy_models import StaffAccess

        staff_access_log(user=request.user, what=StaffAccess.What.USER_ADMIN, subject=f"user:{self.object.pk}")
        return super().get(request, *args, **kwargs)


class UserIndexView(WagtailUserIndexView):
    """Searching finds people by their display name too, ignoring case, accents and Fula letters
    ("kei" finds Keïta, "bah" finds Ɓah).

    Neither SQLite nor PostgreSQL (without the unaccent extension) folds Ɓ to B, so the folding is
    done in Python over the few columns that name a person: one query for (pk, names) of all
    accounts (a few thousand at most), then the page of matches by primary key.
    """

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = fold(self.search_query)
        rows = queryset.values_list("pk", "username", "display_name", "email", "phone")
        found = [pk for pk, *texts in rows if any(query in fold(value) for value in texts)]
        return queryset.filter(pk__in=found)


class UserViewSet(WagtailUserViewSet):
    template_prefix = "lms/admin/users/"
    edit_view_class = UserEditView
    index_view_class = UserIndexView

    def get_form_class(self, for_update=False):
        return LmsUserEditForm if for_update else LmsUserCreationForm
