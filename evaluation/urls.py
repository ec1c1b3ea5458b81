from django.urls import path

from evaluation import views
from evaluation.reaction import views as reaction_views

app_name = "evaluation"
urlpatterns = [
    path("evaluation/", views.report_page, name="report"),
    path("evaluation/prepost.csv", views.export_csv, name="csv"),
    path("evaluation/codebook.csv", views.export_codebook_csv, name="codebook_csv"),
    path("evaluation/prepost.xlsx", views.export_xlsx, name="xlsx"),
    path("evaluation/report.pdf", views.export_pdf, name="pdf"),
    path("evaluation/reactions/", reaction_views.summary_page, name="reaction_summary"),
    path("reaction/<id:course_id>/", reaction_views.answer_page, name="reaction"),
]
