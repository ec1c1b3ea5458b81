from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from assessments.urls import api_urlpatterns as assessment_api_urls
from certificates.urls import public_urlpatterns as certificate_public_urls
from courses.urls import api_urlpatterns as course_api_urls
from events.urls import event_urlpatterns, outreach_urlpatterns
from lms import health, metrics, views
from lti import urls as lti_urls

# Both admin sites log people in through allauth's form, so they share its rate limits.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = admin.site.site_title = settings.WAGTAIL_SITE_NAME


def _one_way_in(patterns: list) -> list:
    """Wagtail's URL patterns without its own ways to authenticate.

    Its front-end login is Django's plain LoginView (no rate limit, no second factor): the same name
    now sends to allauth's form. Shared-password pages and collections (a password, no account, no
    rate limit) are switched off (WAGTAIL_PRIVATE_*_OPTIONS) and their forms answer 404.
    """
    replaced = {
        "wagtailcore_login": lambda p: path(
            str(p.pattern),
            RedirectView.as_view(pattern_name="account_login", query_string=True),
            name=p.name,
        ),
        "wagtailcore_authenticate_with_password": lambda p: path(
            str(p.pattern), views.shared_password_refused, name=p.name
        ),
        "wagtaildocs_authenticate_with_password": lambda p: path(
            str(p.pattern), views.shared_password_refused, name=p.name
        ),
    }
    return [replaced[p.name](p) if p.name in replaced else p for p in patterns]


urlpatterns = [
    path("", views.root_redirect, name="root"),
    path("health/live/", health.live, name="health_live"),
    path("health/ready/", health.ready, name="health_ready"),
    path("metrics/", metrics.metrics_view, name="metrics"),
    path("language/<str:language>/", views.switch_language, name="switch_language"),
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(_one_way_in(wagtaildocs_urls.urlpatterns))),
    *course_api_urls,
    *assessment_api_urls,
    path("", include((certificate_public_urls, "verification"))),
    path("", include(lti_urls)),
]

urlpatterns += i18n_patterns(
    path("accounts/first-login/", views.first_login, name="first_login"),
    path("accounts/consent/", views.consent_renew, name="consent_renew"),
    # Before allauth's own: only a confirmed address nobody else holds can become the account's.
    path("accounts/email/", views.EmailView.as_view(), name="account_email"),
    path("accounts/", include("allauth.urls")),
    path("account/", include("privacy.urls")),
    path("", include("courses.urls")),
    path("", include("assessments.urls")),
    path("", include("evaluation.urls")),
    path("sessions/", include("training.urls")),
    path("events/", include((event_urlpatterns, "events"))),
    path("outreach/", include((outreach_urlpatterns, "outreach"))),
    path("", include("certificates.urls")),
    # Wagtail's catch-all serves the pages of each language's tree; it must stay last.
    path("", include(_one_way_in(wagtail_urls.urlpatterns))),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The site's own error pages, in the visitor's language (lms.errors); CSRF_FAILURE_VIEW in settings.
handler400 = "lms.errors.bad_request"
handler404 = "lms.errors.page_not_found"
handler403 = "lms.errors.permission_denied"
handler500 = "lms.errors.server_error"
# allauth's rate limits (login, password change, 2FA steps…) answer with ROOT_URLCONF.handler429.
handler429 = "lms.errors.too_many_requests"
