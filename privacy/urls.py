from django.urls import path

from privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.account_page, name="account"),
    path("data/", views.my_data, name="my_data"),
    path("groups/", views.declared_groups, name="declared_groups"),
    path("data.json", views.my_data_json, name="my_data_json"),
    path("consent/withdraw/", views.account_action, {"action": "consent_withdraw"}, name="consent_withdraw"),
    path("consent/give/", views.account_action, {"action": "consent_give"}, name="consent_give"),
    path("erasure/", views.account_action, {"action": "erasure_ask"}, name="erasure_ask"),
    path("erasure/cancel/", views.account_action, {"action": "erasure_cancel"}, name="erasure_cancel"),
    path("users/<id:user_id>/data.json", views.user_data_json, name="user_data_json"),
]
