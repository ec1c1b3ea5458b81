from django.urls import path

from assessments import views

app_name = "assessments"
urlpatterns = [
    path("tests/<int:test_id>/", views.test_page, name="test"),
    path("attempts/<uuid:attempt_id>/submit/", views.attempt_submit, name="submit"),
    path("attempts/<uuid:attempt_id>/", views.attempt_result, name="result"),
]

api_urlpatterns = [
    path("api/attempts/<uuid:attempt_id>/responses/", views.response_save, name="response_save"),
]
