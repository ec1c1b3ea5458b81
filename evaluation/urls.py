from django.urls import path

from evaluation import views

app_name = "evaluation"
urlpatterns = [
    path("evaluation/", views.report_page, name="report"),
    path("evaluation/prepost.csv", views.export_csv, name="csv"),
    path("evaluation/codebook.csv", views.export_codebook_csv, name="codebook_csv"),
    path("evaluation/prepost.xlsx", views.export_xlsx, name="xlsx"),
]
