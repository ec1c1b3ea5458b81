from django.urls import path

from assessments import views, views_paper

app_name = "assessments"
urlpatterns = [
    path("tests/<int:test_id>/", views.test_page, name="test"),
    path("attempts/<uuid:attempt_id>/submit/", views.attempt_submit, name="submit"),
    path("attempts/<uuid:attempt_id>/", views.attempt_result, name="result"),
    path("tests/<int:test_id>/paper.pdf", views_paper.paper_pdf, name="paper_pdf"),
    path("tests/<int:test_id>/answer-sheet.pdf", views_paper.answer_sheet_pdf, name="answer_sheet_pdf"),
]

api_urlpatterns = [
    path("api/attempts/<uuid:attempt_id>/responses/", views.response_save, name="response_save"),
]
