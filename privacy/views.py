"""The person's account page, "My data", consent and erasure; an administrator's download of a person's data.

Thin: each view calls one service or selector and renders or redirects.
"""

from __future__ import annotations

import json
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from lms import services as lms_services
from lms.access_log import staff_access_log
from lms.forms import DeclaredGroupsForm
from lms.http import file_response
from lms.models import ConsentRecord, StaffAccess, User
from privacy import selectors, services
from training.selectors import is_administrator


def _account_response(request: HttpRequest, form: DeclaredGroupsForm | None = None, status: int = 200) -> HttpResponse:
    user = cast(User, request.user)  # behind login_required
    context = {
        "pending_erasure": selectors.pending_erasure(user=user),
        "groups_form": form or DeclaredGroupsForm(initial={"sex": user.sex, "age_band": user.age_band}),
    }
    return TemplateResponse(request, "privacy/account.html", context, status=status)


@require_GET
@login_required
def account_page(request: HttpRequest) -> HttpResponse:
    return _account_response(request)


@require_POST
@login_required
def declared_groups(request: HttpRequest) -> HttpResponse:
    """The person sets, changes or clears their self-declared sex and age band (both optional)."""
    form = DeclaredGroupsForm(request.POST)
    if not form.is_valid():
        return _account_response(request, form, status=400)
    form.save(user=cast(User, request.user))
    messages.success(request, gettext_lazy("Your answers are saved."))
    return redirect("privacy:account")


@require_GET
@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    groups, empty = selectors.personal_data_groups(user=request.user)
    return TemplateResponse(request, "privacy/my_data.html", {"groups": groups, "empty": empty})


def _json_download(user: User) -> HttpResponse:
    data = json.dumps(selectors.personal_data_json(user=user), ensure_ascii=False, indent=2).encode("utf-8")
    return file_response(data, content_type="application/json", filename=f"my-data-{user.pk}.json")


@require_GET
@login_required
def my_data_json(request: HttpRequest) -> HttpResponse:
    return _json_download(request.user)


# The account page's buttons: (service taking the person, message once done).
ACCOUNT_ACTIONS = {
    "consent_withdraw": (
        lambda user: lms_services.user_withdraw_consent(user=user),
        gettext_lazy("Your consent is withdrawn: evaluators' results no longer include yours."),
    ),
    "consent_give": (
        lambda user: lms_services.user_record_consent(
            user=user, language=get_language(), source=ConsentRecord.Source.ACCOUNT
        ),
        gettext_lazy("Thank you: your consent is recorded."),
    ),
    "erasure_ask": (
        lambda user: services.erasure_request(user=user),
        gettext_lazy("Your request is recorded. An administrator will erase your data."),
    ),
    "erasure_cancel": (
        lambda user: services.erasure_request_cancel(user=user),
        gettext_lazy("Your erasure request is cancelled."),
    ),
}


@require_POST
@login_required
def account_action(request: HttpRequest, action: str) -> HttpResponse:
    """One of the account page's buttons (ACCOUNT_ACTIONS), then back to the account page."""
    service, message = ACCOUNT_ACTIONS[action]
    service(request.user)
    messages.success(request, message)
    return redirect("privacy:account")


@require_GET
@login_required
def user_data_json(request: HttpRequest, user_id: int) -> HttpResponse:
    """An administrator downloads a person's data (a request made on paper or by phone); logged."""
    if not is_administrator(request.user):
        raise PermissionDenied
    person = get_object_or_404(User, pk=user_id)
    staff_access_log(user=request.user, what=StaffAccess.What.USER_DATA, subject=f"user:{person.pk}")
    return _json_download(person)
