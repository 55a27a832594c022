"""URLs. These paths are part of the product's contract (docs/architecture.md)."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from acupressure.web.api import api
from acupressure.web.views import (
    atlas,
    auth,
    check,
    clients,
    consent,
    diary,
    handouts,
    offline,
    pages,
    plan,
    privacy,
    program,
    session,
)

# a body over the size limit is a 413, wherever it is read (errors.bad_request)
handler400 = "acupressure.web.errors.bad_request"

urlpatterns = [
    # first: the live camera page posts landmarks many times a second, and Django tries the
    # patterns in order (ninja's "api/" alone holds dozens)
    path("", include("acupressure.web.camera.urls")),
    path("", include("acupressure.web.reminders.urls")),
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
    path("session/<int:pk>/progress/", session.progress, name="session-progress"),
    path("session/<int:pk>/finish/", session.finish, name="session-finish"),
    path("program/new/", program.create, name="program-new"),
    path("program/<int:pk>/", program.page, name="program"),
    path("program/<int:pk>/start/", program.start, name="program-start"),
    path("program/<int:pk>/check/", check.weekly_check, name="program-check"),
    path("program/<int:pk>/stop/", program.stop, name="program-stop"),
    path("program/<int:pk>/resume/", program.resume, name="program-resume"),
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
    path("privacy/fhir.json", consent.own_fhir, name="privacy-fhir"),
    path("privacy/practitioners/<int:pk>/end/", consent.end, name="privacy-end-link"),
    path("consent/", consent.consent, name="consent"),
    path("consent/code/", consent.code, name="consent-code"),
    path("consent/<int:pk>/screening/", consent.screening, name="consent-screening"),
    path("program/<int:pk>/prescription/<int:number>/", consent.version, name="prescription"),
    path("clients/", clients.dashboard, name="clients"),
    path("clients/new/", clients.new_client, name="client-new"),
    path("clients/export.csv", clients.export_csv, name="clients-csv"),
    path("clients/<int:pk>/", clients.client_page, name="client"),
    path("clients/<int:pk>/invite/", clients.invite, name="client-invite"),
    path("clients/<int:pk>/screening/", clients.screening, name="client-screening"),
    path("clients/<int:pk>/prescribe/", clients.prescribe_page, name="client-prescribe"),
    path("clients/<int:pk>/routine.pdf", clients.routine_pdf, name="client-routine-pdf"),
    path("clients/<int:pk>/fhir.json", clients.fhir_download, name="client-fhir"),
    path("account/password/", auth.password, name="password"),
    path("signin/", auth.signin, name="signin"),
    path("signin/link/<str:token>/", auth.signin_link, name="signin-link"),
    path("signout/", auth.signout, name="signout"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("sw.js", offline.service_worker, name="service-worker"),
    path("offline/", offline.offline, name="offline"),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("", include("acupressure.web.language.urls")),
]
