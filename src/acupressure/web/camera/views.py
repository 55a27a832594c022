"""`/camera/` (upload a photo, see the points) and `POST /api/locate/landmarks`.

Photos are read in memory and never stored. The landmarks endpoint is for a live page that
runs MediaPipe in the browser and sends only the landmarks, so the same mapping and evaluator
place the points. `/camera/live/` is that page (camera/static/camera/live.js).
"""

from __future__ import annotations

import base64
import json
import threading
from typing import Annotated, Any, Literal

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt, csrf_protect, ensure_csrf_cookie
from django.views.decorators.http import require_http_methods
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from acupressure import atlas
from acupressure.i18n import N_
from acupressure.i18n import gettext as _
from acupressure.vision import BadImageError
from acupressure.vision.images import MAX_BYTES
from acupressure.vision.observations import HandObservation, PoseObservation
from acupressure.vision.orient import ViewFacing
from acupressure.vision.result import Detection
from acupressure.vision.words import FACING, SIDE
from acupressure.web.camera.uploads import InMemoryOnly
from acupressure.web.ratelimit import Limit, allow
from acupressure.web.security import CSP_WITH_WASM

_detector_lock = threading.Lock()
_detector: Any = None
MAX_LANDMARK_BODY = 64 * 1024
# Anyone may use the camera (no sign-in: the photo is never stored and nothing personal is
# kept), so each client is rate limited, and only a few photos are analysed at once; more
# get a "busy" answer at once rather than a queue that grows (docs/deployment.md).
_analyses = threading.BoundedSemaphore(settings.CAMERA_ANALYSES_AT_ONCE)


def _shared_detector() -> Any:
    global _detector  # one MediaPipe graph per process; Detector serialises its own calls
    with _detector_lock:
        if _detector is None:
            from acupressure.vision.detect import Detector

            _detector = Detector()
        return _detector


@csrf_exempt  # the upload handlers must be set before the CSRF check reads the body
@require_http_methods(["GET", "POST"])
def camera(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if not allow(request, Limit("camera", settings.CAMERA_UPLOADS_PER_MINUTE, 60)):
            return _busy(_page(request, "Too many photos from here; wait a minute.", 429), 60)
        if not _analyses.acquire(blocking=False):
            return _busy(_page(request, "The camera is busy; try again in a moment.", 503), 5)
        try:
            request.upload_handlers = [InMemoryOnly(request)]
            return _upload(request)
        finally:
            _analyses.release()
    return _page(request)


def _busy(response: HttpResponse, seconds: int) -> HttpResponse:
    response["Retry-After"] = str(seconds)
    return response


@csrf_protect
def _upload(request: HttpRequest) -> HttpResponse:
    from acupressure.vision.annotate import annotated_png
    from acupressure.vision.images import DETECT_SIDE, load_bytes
    from acupressure.vision.locate import NothingFoundError, locate_photo
    from acupressure.vision.locate import request as wanted

    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BYTES + 64 * 1024:
        too_large = _("The photo is too large; the limit is {limit} MB.")
        return _page(request, too_large.format(limit=MAX_BYTES // 10**6), 413)
    upload = request.FILES.get("photo")
    if upload is None:
        return _page(request, _("Choose a photo (JPEG, PNG or WebP) first."), 400)
    view = request.POST.get("view") or None
    facing: ViewFacing | None = view if view in ("front", "back") else None  # type: ignore[assignment]
    try:
        photo = load_bytes(upload.read(), max_side=DETECT_SIDE)
        result = locate_photo(photo, wanted(_codes(request)), _shared_detector(), facing=facing)
    except (BadImageError, NothingFoundError) as exc:
        return _page(request, f"{str(exc)[0].upper()}{str(exc)[1:]}.", 400)
    image = base64.b64encode(annotated_png(photo, result)).decode("ascii")
    rows = [(_words(d), p) for d in result.detections for p in d.points]
    context = {"result": result, "rows": rows, "image": image}
    return _page(request, None, 200, context)


def _words(detection: Detection) -> dict[str, str]:
    """The detection as the result table words it, in the page's language."""
    return {
        "kind": detection.kind,
        "hand": SIDE.get(str(detection.hand), ""),
        "facing": FACING.get(str(detection.facing), str(detection.facing)),
    }


# What live.js shows, looked up by its English text (the page sends the translations).
LIVE_WORDS = (
    N_(
        "This browser cannot use a camera here (it needs a secure https page). "
        "Upload a photo instead."
    ),
    N_("This browser is too old for the live camera. Upload a photo instead."),
    N_("Asking for the camera…"),
    N_("Loading the hand model (the first time takes a while)…"),
    N_("Loading the body model (the first time takes a while)…"),
    N_("Looking for a hand…"),
    N_("Looking for a body…"),
    N_(
        "Camera permission was denied. Allow the camera for this site in the browser's "
        "settings and press Start again, or upload a photo instead."
    ),
    N_("No camera was found on this device. Upload a photo instead."),
    N_("The camera is busy in another app. Close it and press Start again."),
    N_("The live camera could not start ({problem}). Upload a photo instead."),
    N_("The camera is off."),
    N_("The model stopped working ({problem}). Press Start again."),
    N_("No hand found. Show your whole hand, fingers apart, in good light."),
    N_("No body found. The whole back, shoulders to hips, should fill the picture."),
    N_("the server answered {status}"),
    N_("Could not place the points: {problem}. Retrying…"),
    N_("Body"),
    N_("Your left hand"),
    N_("Your right hand"),
    N_("{first} and {last}"),
    N_("Points found. Hold still to see them steady."),
    N_("Found you, but no point can be shown from this side."),
    N_("{codes} shown"),
)


def _codes(request: HttpRequest) -> list[str] | None:
    chosen = [c for c in request.POST.getlist("points") if c]
    known = {p.code for p in atlas.all_points()}
    return [c for c in chosen if c in known] or None


def _page(
    request: HttpRequest,
    error: str | None = None,
    status: int = 200,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    context = {"error": error, "points": atlas.all_points(), **(extra or {})}
    return render(request, "camera/camera.html", context, status=status)


@ensure_csrf_cookie  # the page posts landmarks with the token it carries
@require_http_methods(["GET"])
def live(request: HttpRequest) -> HttpResponse:
    """MediaPipe runs in the browser; only landmarks come back to :func:`landmarks`."""
    mode = "body" if request.GET.get("mode") == "body" else "hands"
    live_words = {english: _(english) for english in LIVE_WORDS}
    response = render(request, "camera/live.html", {"mode": mode, "live_words": live_words})
    response["Content-Security-Policy"] = CSP_WITH_WASM  # this page alone compiles wasm
    return response


# 0-1 of the frame; MediaPipe guesses a little beyond it for parts out of view. NaN, infinity
# or a point ten frames away is a broken client: 422, not a crash or NaN in the answer.
_Coordinate = Annotated[float, Field(ge=-10, le=10, allow_inf_nan=False)]
_Finite = Annotated[float, Field(allow_inf_nan=False)]


class _Hand(BaseModel):
    model_config = ConfigDict(extra="forbid")
    label: Literal["Left", "Right"]
    score: float = Field(ge=0, le=1)
    landmarks: list[tuple[_Coordinate, _Coordinate]] = Field(min_length=21, max_length=21)


class _Pose(BaseModel):
    model_config = ConfigDict(extra="forbid")
    landmarks: list[tuple[_Coordinate, _Coordinate]] = Field(min_length=33, max_length=33)
    visibility: list[_Finite] = Field(min_length=33, max_length=33)


class LandmarksIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    width: int = Field(gt=0, le=10000)
    height: int = Field(gt=0, le=10000)
    mirrored: bool = False
    points: list[str] | None = Field(default=None, max_length=20)
    view: ViewFacing | None = None
    hands: list[_Hand] = Field(default=[], max_length=4)
    pose: _Pose | None = None


@require_http_methods(["POST"])
def landmarks(request: HttpRequest) -> JsonResponse:
    """Place points on landmarks found in the browser (the same mapping and evaluator)."""
    from acupressure.vision.locate import locate_observations
    from acupressure.vision.locate import request as wanted

    if not allow(request, Limit("landmarks", settings.CAMERA_LANDMARKS_PER_MINUTE, 60)):
        response = JsonResponse({"detail": "too many requests; slow down"}, status=429)
        response["Retry-After"] = "60"
        return response
    if len(request.body) > MAX_LANDMARK_BODY:
        return JsonResponse({"detail": "body too large"}, status=413)
    try:
        data = LandmarksIn.model_validate(json.loads(request.body or b"null"))
        codes = wanted(data.points)
    except RecursionError:  # "[[[[..." nested past Python's limit
        return JsonResponse({"detail": "the JSON is nested too deeply"}, status=400)
    except (ValueError, ValidationError, atlas.PointNotFoundError) as exc:
        return JsonResponse({"detail": str(exc).splitlines()[0]}, status=422)
    w, h = data.width, data.height
    hands = [
        HandObservation(
            label=x.label, score=x.score, points=[(u * w, v * h) for u, v in x.landmarks]
        )
        for x in data.hands
    ]
    pose = None
    if data.pose is not None:
        vis = [min(1.0, max(0.0, v)) for v in data.pose.visibility]
        pose = PoseObservation(
            points=[(u * w, v * h) for u, v in data.pose.landmarks],
            visibility=vis,
            score=sum(vis) / len(vis),
        )
    result = locate_observations(w, h, hands, pose, codes, mirrored=data.mirrored, facing=data.view)
    return JsonResponse(result.model_dump(mode="json"))
