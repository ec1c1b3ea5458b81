from django.urls import path

from lti import views

app_name = "lti"
# Outside the language prefix: these are the addresses a partner's administrator enters once.
urlpatterns = [
    path("lti/login/", views.oidc_login, name="login"),
    path("lti/launch/", views.launch, name="launch"),
    path("lti/deep-link/", views.deep_link, name="deep_link"),
    path("lti/jwks.json", views.jwks, name="jwks"),
    path("lti/welcome/", views.welcome, name="welcome"),
    path("lti/register/<str:invitation>/", views.register, name="register"),
]
