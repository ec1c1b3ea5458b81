from django.urls import path

from assessments import views, views_evaluation, views_paper

app_name = "assessments"
urlpatterns = [
    path("tests/<int:test_id>/", views.test_page, name="test"),
    path("attempts/<uuid:attempt_id>/submit/", views.attempt_submit, name="submit"),
    path("attempts/<uuid:attempt_id>/", views.attempt_result, name="result"),
    path("tests/<int:test_id>/paper.pdf", views_paper.paper_pdf, name="paper_pdf"),
    path("tests/<int:test_id>/answer-sheet.pdf", views_paper.answer_sheet_pdf, name="answer_sheet_pdf"),
    path("evaluation/", views_evaluation.report_page, name="evaluation"),
    path("evaluation/prepost.csv", views_evaluation.export_csv, name="evaluation_csv"),
    path("evaluation/codebook.csv", views_evaluation.export_codebook_csv, name="evaluation_codebook_csv"),
    path("evaluation/prepost.xlsx", views_evaluation.export_xlsx, name="evaluation_xlsx"),
]

api_urlpatterns = [
    path("api/attempts/<uuid:attempt_id>/responses/", views.response_save, name="response_save"),
]
