from django.urls import path

from training import views

app_name = "training"
# Fixed words first: a session code (capital letters and digits) never equals them.
urlpatterns = [
    path("", views.session_list, name="list"),
    path("new/", views.session_create, name="create"),
    path("programme/", views.programme, name="programme"),
    path("join/", views.join, name="join"),
    path("join/<str:join_code>/", views.join, name="join_code"),
    path("checkin/<str:token>/", views.checkin, name="checkin"),
    path("<str:code>/", views.session_page, name="session"),
    path("<str:code>/edit/", views.session_edit, name="edit"),
    path("<str:code>/status/", views.session_status, name="status"),
    path("<str:code>/join-qr.svg", views.join_qr, name="join_qr"),
    path("<str:code>/roster/", views.roster_upload, name="roster"),
    path("<str:code>/participants/new/", views.participant_add, name="participant_add"),
    path("<str:code>/accounts.pdf", views.credentials_sheet, name="credentials"),
    path("<str:code>/days/<str:date>/", views.attendance_page, name="attendance"),
    path("<str:code>/days/<str:date>/checkin/", views.checkin_switch, name="checkin_switch"),
    path("<str:code>/days/<str:date>/qr.svg", views.checkin_qr, name="checkin_qr"),
    path("<str:code>/days/<str:date>/sign-in.pdf", views.sign_in_sheet, name="sign_in_sheet"),
    path("<str:code>/tests/<str:kind>/", views.test_window, name="test_window"),
    path("<str:code>/tests/<id:test_id>/answer-sheet.pdf", views.answer_sheet, name="answer_sheet"),
    path("<str:code>/tests/<id:test_id>/paper-results/", views.paper_results, name="paper_results"),
    path("<str:code>/live/", views.live_page, name="live"),
    path("<str:code>/live/table/", views.live_fragment, name="live_fragment"),
    path("<str:code>/summary/", views.summary_page, name="summary"),
    path("<str:code>/summary.<str:extension>", views.summary_export, name="summary_export"),
]
