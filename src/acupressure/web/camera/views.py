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

from acupressure import atlas, i18n
from acupressure.i18n import gettext as _
from acupressure.vision import BadImageError, advice
from acupressure.vision.images import MAX_BYTES
from acupressure.vision.observations import HandObservation, PoseObservation
from acupressure.vision.orient import ViewFacing
from acupressure.vision.press import SUPPORT
from acupressure.web.camera import words
from acupressure.web.camera.described import described
from acupressure.web.camera.uploads import InMemoryOnly
from acupressure.web.edge import fields_refused, sets_upload_handlers
from acupressure.web.planning import validation_message
from acupressure.web.ratelimit import Limit, allow
from acupressure.web.security import CSP_WITH_WASM, PRIVATE
from acupressure.web.views.session import VOICE_LANG

_detector_lock = threading.Lock()
_detector: Any = None
MAX_LANDMARK_BODY = 64 * 1024
# Anyone may use the camera (no sign-in: the photo is never stored and nothing personal is
# kept), so each client is rate limited, and only a few photos are analysed at once; more
# get a "busy" answer at once rather than a queue that grows (docs/deployment.md). The rate
# limit counts photos: a request with the optional photo of the hand alone counts two; one
# request (one or two photos) takes one of the analyses at once.
_analyses = threading.BoundedSemaphore(settings.CAMERA_ANALYSES_AT_ONCE)


def _shared_detector() -> Any:
    global _detector  # one MediaPipe graph per process; Detector serialises its own calls
    with _detector_lock:
        if _detector is None:
            from acupressure.vision.detect import Detector

            _detector = Detector()
        return _detector


def _photo_limit() -> Limit:
    return Limit("camera", settings.CAMERA_UPLOADS_PER_MINUTE, 60)


def _too_many(request: HttpRequest) -> HttpResponse:
    return _busy(_page(request, _("Too many photos from here; wait a minute."), 429), 60)


@sets_upload_handlers  # before NoNulMiddleware reads the fields
@csrf_exempt  # the upload handlers must be set before the CSRF check reads the body
@require_http_methods(["GET", "POST"])
def camera(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if not allow(request, _photo_limit()):  # before the body is read
            return _too_many(request)
        if not _analyses.acquire(blocking=False):
            return _busy(_page(request, _("The camera is busy; try again in a moment."), 503), 5)
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

    # two photos at most (each capped at MAX_BYTES by the upload handler) and the form
    if int(request.META.get("CONTENT_LENGTH") or 0) > 2 * MAX_BYTES + 64 * 1024:
        return _too_large(request)
    upload = request.FILES.get("photo")
    if any(isinstance(h, InMemoryOnly) and h.too_large for h in request.upload_handlers):
        return _too_large(request)
    nul = fields_refused(request)  # NoNulMiddleware leaves this view's fields to it
    if nul is not None:
        return nul
    if upload is None:
        return _page(request, _("Choose a photo (JPEG, PNG or WebP) first."), 400)
    alone_upload = request.FILES.get("alone")
    if alone_upload is not None and not allow(request, _photo_limit()):  # the second photo
        return _too_many(request)
    view = request.POST.get("view") or None
    facing: ViewFacing | None = view if view in ("front", "back") else None  # type: ignore[assignment]
    press = _press(request)
    codes = _codes(request)
    if press and codes and press not in codes:
        codes.append(press)
    try:
        photo = load_bytes(upload.read(), max_side=DETECT_SIDE)
    except BadImageError as exc:
        return _page(request, _sentence(str(exc)), 400)
    alone = None
    if alone_upload is not None:
        try:
            alone = load_bytes(alone_upload.read(), max_side=DETECT_SIDE)
        except BadImageError as exc:
            problem = _("The photo of the hand alone: {problem}").format(problem=exc)
            return _page(request, _sentence(problem), 400)
    try:
        result = locate_photo(
            photo, wanted(codes), _shared_detector(), facing=facing, press=press, alone=alone
        )
    except NothingFoundError as exc:
        return _page(request, _sentence(str(exc)), 400)
    image = base64.b64encode(annotated_png(photo, result)).decode("ascii")
    context = {
        "result": result,
        "rows": described(result),
        "image": image,
        "press_words": words.press_words(result.press),
        "alone_given": alone is not None,
    }
    return _page(request, None, 200, context)


def _too_large(request: HttpRequest) -> HttpResponse:
    limit = _("The photo is too large; the limit is {megabytes} MB.")
    return _page(request, limit.format(megabytes=MAX_BYTES // 10**6), 413)


def _sentence(text: str) -> str:
    return f"{text[0].upper()}{text[1:]}."


def _codes(request: HttpRequest) -> list[str] | None:
    chosen = [c for c in request.POST.getlist("points") if c]
    known = {p.code for p in atlas.all_points()}
    return [c for c in chosen if c in known] or None


def _press(request: HttpRequest) -> str | None:
    code = request.POST.get("press") or ""
    return code if code in {p.code for p in atlas.all_points()} else None


def _page(
    request: HttpRequest,
    error: str | None = None,
    status: int = 200,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    chosen = set(request.POST.getlist("points")) if request.method == "POST" else set()
    context = {
        "error": error,
        "points": atlas.all_points(),
        "chosen": chosen,
        "press": request.POST.get("press", "") if request.method == "POST" else "",
        "view": request.POST.get("view", "") if request.method == "POST" else "",
        "press_points": [p for p in atlas.all_points() if p.rule.view in SUPPORT],
        "support": words.support(SUPPORT),
        "camera_words": words.script_words(words.CAMERA_JS),
        "pictures": [(p.code, p.names.pinyin, advice.picture(p.code)) for p in atlas.all_points()],
        **(extra or {}),
    }
    return render(request, "camera/camera.html", context, status=status)


@ensure_csrf_cookie  # the page posts landmarks with the token it carries
@require_http_methods(["GET"])
def live(request: HttpRequest) -> HttpResponse:
    """MediaPipe runs in the browser; only landmarks come back to :func:`landmarks`."""
    mode = "body" if request.GET.get("mode") == "body" else "hands"
    press = request.GET.get("press", "")
    views = ("hand",) if mode == "hands" else tuple(v for v in SUPPORT if v != "hand")
    choices = [p for p in atlas.all_points() if p.rule.view in views]
    embedded = request.GET.get("embed") == "1"  # inside the web player (same origin only)
    context = {
        "mode": mode,
        "press": press if press in {p.code for p in choices} else "",
        "press_points": choices,
        "support_hand": SUPPORT["hand"],
        "support_front": SUPPORT["front"],
        "support_back": SUPPORT["back"],
        "embedded": embedded,
        "live_words": words.live_words(),
        "voice_lang": VOICE_LANG[i18n.current()],
    }
    response = render(
        request, "camera/live_embed.html" if embedded else "camera/live.html", context
    )
    csp = CSP_WITH_WASM  # this page alone compiles wasm
    if embedded:
        csp = csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'")
        response["X-Frame-Options"] = "SAMEORIGIN"
    response["Content-Security-Policy"] = csp
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
    press: str | None = Field(default=None, max_length=20)  # a point to judge the press on
    hands: list[_Hand] = Field(default=[], max_length=4)
    pose: _Pose | None = None
    # the hand of a recent frame that showed one hand alone: the target before the pressing
    # hand covered it (see acupressure.vision.press)
    earlier: _Hand | None = None


@require_http_methods(["POST"])
def landmarks(request: HttpRequest) -> JsonResponse:
    """Place points on landmarks found in the browser (the same mapping and evaluator)."""
    from acupressure.vision.locate import locate_observations
    from acupressure.vision.locate import request as wanted

    if not allow(request, Limit("landmarks", settings.CAMERA_LANDMARKS_PER_MINUTE, 60)):
        response = JsonResponse({"detail": _("too many requests; slow down")}, status=429)
        response["Retry-After"] = "60"
        return response
    if len(request.body) > MAX_LANDMARK_BODY:
        return JsonResponse({"detail": _("body too large")}, status=413)
    try:
        data = LandmarksIn.model_validate(json.loads(request.body or b"null"))
        press = atlas.get(data.press).code if data.press else None
        codes = wanted([*data.points, press] if data.points and press else data.points)
    except RecursionError:  # "[[[[..." nested past Python's limit
        return JsonResponse({"detail": _("the JSON is nested too deeply")}, status=400)
    except ValidationError as exc:
        return JsonResponse({"detail": validation_message(exc)}, status=422)
    except (ValueError, atlas.PointNotFoundError) as exc:  # JSON syntax; an unknown point
        return JsonResponse({"detail": str(exc).splitlines()[0]}, status=422)
    w, h = data.width, data.height
    hands = [
        HandObservation(
            label=x.label, score=x.score, points=[(u * w, v * h) for u, v in x.landmarks]
        )
        for x in [*data.hands, *([data.earlier] if data.earlier else [])]
    ]
    earlier = hands.pop() if data.earlier else None
    pose = None
    if data.pose is not None:
        vis = [min(1.0, max(0.0, v)) for v in data.pose.visibility]
        pose = PoseObservation(
            points=[(u * w, v * h) for u, v in data.pose.landmarks],
            visibility=vis,
            score=sum(vis) / len(vis),
        )
    result = locate_observations(
        w,
        h,
        hands,
        pose,
        codes,
        mirrored=data.mirrored,
        facing=data.view,
        press=press,
        earlier=earlier,
    )
    response = JsonResponse(result.model_dump(mode="json"))
    # the person's own landmarks, never kept; marked here so that no session or user is
    # looked up for each of the live camera's frames
    response["Cache-Control"] = PRIVATE
    return response
