from django.urls import path

from certificates import views

# The trainee's pages, under the language prefix.
app_name = "certificates"
urlpatterns = [
    path("certificates/", views.mine, name="mine"),
    path("certificates/<str:code>.pdf", views.download, name="download"),
    path("certificates/<str:code>/badge/", views.badge, name="badge"),
    # The trainer's zip of a session's certificates (the session's scope decides who may).
    path("sessions/<str:code>/certificates.zip", views.session_zip, name="session_zip"),
]

# Public and language-neutral: short, so the QR code stays small.
public_urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("v/<str:code>/", views.verify_code, name="code"),
    path(".well-known/certificate-keys.json", views.public_keys, name="public_keys"),
    # What an Open Badge's verifier follows: its key (`kid`), issuer, achievement and status list.
    path(".well-known/certificate-keys/<str:kid>.json", views.public_key, name="public_key"),
    path("issuer/", views.issuer, name="issuer"),
    path("achievements/<id:course_id>/<str:kind>", views.achievement, name="achievement"),
    path("status/revocation", views.status_list, name="status_list"),
    path("robots.txt", views.robots, name="robots"),
]
