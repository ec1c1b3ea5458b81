from django.urls import path

from courses import views

# Pages for people, under the language prefix.
app_name = "courses"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("courses/<id:course_id>/enrol/", views.enrol, name="enrol"),
    path("lessons/<id:lesson_id>/complete/", views.lesson_complete, name="lesson_complete"),
]

# Endpoints for the H5P player: no language prefix, JSON or files.
api_urlpatterns = [
    path("api/xapi/statements/", views.xapi_statements, name="xapi_statements"),
    path("api/h5p/state/<id:lesson_id>/<str:activity_id>/", views.h5p_state, name="h5p_state"),
    path("h5p/<id:lesson_id>/<id:package_id>/<path:path>", views.h5p_file, name="h5p_file"),
    # The sandboxed frame an activity plays in, and its files: a token in the path, no cookies.
    path("h5p/play/<id:lesson_id>/<str:block_id>/<str:token>/", views.h5p_frame_page, name="h5p_frame"),
    path("h5p/t/<str:token>/<id:lesson_id>/<id:package_id>/<path:path>", views.h5p_frame_file, name="h5p_frame_file"),
]
