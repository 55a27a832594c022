"""URLs. These paths are part of the product's contract (docs/architecture.md)."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from acupressure.web.api import api
from acupressure.web.views import (
    atlas,
    auth,
    check,
    diary,
    handouts,
    offline,
    pages,
    plan,
    privacy,
    program,
    session,
)

urlpatterns = [
    path("", pages.home, name="home"),
    path("about/", pages.about, name="about"),
    path("points/", atlas.points, name="points"),
    path("points/<str:code>/", atlas.point, name="point"),
    path("points/<str:code>/chart.svg", atlas.point_chart, name="point-chart"),
    path("plan/", plan.plan_page, name="plan"),
    path("session/start/", session.start, name="session-start"),
    path("session/<int:pk>/", session.player, name="session"),
    path("session/<int:pk>/timeline.json", session.timeline_json, name="session-timeline"),
    path("session/<int:pk>/pain/", session.pain_before, name="session-pain"),
    path("session/<int:pk>/finish/", session.finish, name="session-finish"),
    path("program/new/", program.create, name="program-new"),
    path("program/<int:pk>/", program.page, name="program"),
    path("program/<int:pk>/start/", program.start, name="program-start"),
    path("program/<int:pk>/check/", check.weekly_check, name="program-check"),
    path("program/<int:pk>/stop/", program.stop, name="program-stop"),
    path("program/<int:pk>/rescreen/", program.rescreen_page, name="program-rescreen"),
    path("program/<int:pk>/calendar/", program.calendar_token, name="program-calendar"),
    path("program/<int:pk>/routine.pdf", handouts.routine_pdf, name="program-routine-pdf"),
    path("diary/progress.pdf", handouts.progress_pdf, name="diary-progress-pdf"),
    path("program/<int:pk>/program.ics", program.download_ics, name="program-ics"),
    path("calendar/<str:token>.ics", program.feed, name="calendar-feed"),
    path("diary/", diary.history, name="diary"),
    path("diary/checkin/", diary.check_in, name="diary-checkin"),
    path("diary/export.csv", diary.export_csv, name="diary-csv"),
    path("privacy/", privacy.page, name="privacy"),
    path("privacy/export.json", privacy.export_json, name="privacy-json"),
    path("privacy/delete/", privacy.delete, name="privacy-delete"),
    path("signin/", auth.signin, name="signin"),
    path("signin/link/<str:token>/", auth.signin_link, name="signin-link"),
    path("signout/", auth.signout, name="signout"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("sw.js", offline.service_worker, name="service-worker"),
    path("offline/", offline.offline, name="offline"),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("", include("acupressure.web.camera.urls")),
]
