from django.urls import path

from events import views

# Mounted twice by lms.urls: /<lang>/events/ (namespace "events") and /<lang>/outreach/ ("outreach").
event_urlpatterns = [
    path("", views.event_list, name="list"),
    path("new/", views.event_create, name="create"),
    path("programme/", views.programme, name="programme"),
    path("programme.xlsx", views.programme_export, name="programme_export"),
    path("<id:pk>/", views.event_page, name="event"),
    path("<id:pk>/edit/", views.event_edit, name="edit"),
    path("<id:pk>/counts/", views.event_counts, name="counts"),
    path("<id:pk>/attendance/", views.event_attendance, name="attendance"),
    path("<id:pk>/attendance/import/", views.attendance_import, name="attendance_import"),
    path("<id:pk>/register/", views.register, name="register"),
]

outreach_urlpatterns = [
    path("", views.outreach_list, name="list"),
    path("new/", views.outreach_create, name="create"),
    path("review/", views.outreach_review_list, name="review"),
    path("<id:pk>/", views.outreach_log, name="log"),
    path("<id:pk>/review/", views.outreach_review, name="review_log"),
]
