from django.urls import path

from assessments import views, views_offline, views_paper

app_name = "assessments"
urlpatterns = [
    path("tests/<id:test_id>/", views.test_page, name="test"),
    path("attempts/<uuid:attempt_id>/submit/", views.attempt_submit, name="submit"),
    path("attempts/<uuid:attempt_id>/", views.attempt_result, name="result"),
    path("tests/<id:test_id>/paper.pdf", views_paper.paper_pdf, name="paper_pdf"),
    path("tests/<id:test_id>/answer-sheet.pdf", views_paper.answer_sheet_pdf, name="answer_sheet_pdf"),
    path("offline/", views_offline.offline_page, name="offline"),
    path("offline/pin/", views_offline.pin_page, name="offline_pin"),
]

api_urlpatterns = [
    path("api/attempts/<uuid:attempt_id>/responses/", views.response_save, name="response_save"),
    path("api/offline-tests/<id:test_id>/", views_offline.offline_download, name="offline_download"),
    path("api/offline-attempts/<uuid:attempt_id>/", views_offline.offline_attempt_sync, name="offline_attempt_sync"),
    # At the root: a service worker controls only the paths under the folder it is served from.
    path("sw.js", views_offline.service_worker, name="service_worker"),
    path("manifest.webmanifest", views_offline.web_manifest, name="web_manifest"),
]
