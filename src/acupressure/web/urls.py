"""URLs. These paths are part of the product's contract (docs/architecture.md)."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from acupressure.web.api import api
from acupressure.web.views import atlas, auth, diary, offline, pages, plan, privacy, session

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
    path("", include("acupressure.web.language.urls")),
]
