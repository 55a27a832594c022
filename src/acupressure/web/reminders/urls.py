from __future__ import annotations

from django.urls import path

from acupressure.web.reminders import invite, signup, views

urlpatterns = [
    path("reminders/push/key/", views.push_key, name="reminders-push-key"),
    path("reminders/push/subscribe/", views.subscribe, name="reminders-subscribe"),
    path("reminders/devices/<int:pk>/remove/", views.remove_device, name="reminders-device-remove"),
    path("reminders/choices/", views.choices, name="reminders-choices"),
    path("reminders/unsubscribe/<str:key>/", views.unsubscribe, name="reminders-unsubscribe"),
    path("reminders/<str:token>/start/", views.start, name="reminder-start"),
    path("reminders/<str:token>/later/", views.later, name="reminder-later"),
    path("reminders/<str:token>/skip/", views.skip, name="reminder-skip"),
    path("signin/email/", signup.email_link, name="signin-email"),
    path("clients/<int:pk>/invite/email/", invite.email_invitation, name="client-invite-email"),
    path("signin/email/new/<str:token>/", signup.new_account, name="signin-email-new"),
]
