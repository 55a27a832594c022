"""Labels on the annotated photos of the shared set: every placed point gets a label, no two
labels overlap, each stays inside the photo, and their size follows the photo's width."""

from __future__ import annotations

import itertools

import pytest

from acupressure.vision.annotate import annotate, label_size, layout_labels
from acupressure.vision.detect import Detector
from acupressure.vision.images import load_path
from acupressure.vision.locate import NothingFoundError, locate_photo, request

from .photos import hand_photos

pytestmark = pytest.mark.vision


def test_no_two_labels_overlap_on_any_photo_of_the_shared_set() -> None:
    detector = Detector()
    labelled = 0
    try:
        for path in hand_photos():
            photo = load_path(path)
            try:
                result = locate_photo(photo, request(None), detector)
            except NothingFoundError:
                continue
            placed = layout_labels(result)
            assert len(placed) == len(result.placed()), f"{path.name}: a label found no room"
            for a, b in itertools.combinations(placed, 2):
                assert not a.box.overlaps(b.box), f"{path.name}: {a.text} covers {b.text}"
            for label in placed:
                box = label.box
                assert box.x0 >= 0 and box.x1 <= photo.width, f"{path.name}: {label.text}"
                assert box.y0 >= 0 and box.y1 <= photo.height, f"{path.name}: {label.text}"
                assert box.y1 - box.y0 >= label_size(photo.width)
            annotate(photo, result)  # draws without error
            labelled += len(placed)
    finally:
        detector.close()
    assert labelled > 20


def test_labels_scale_with_the_photo() -> None:
    assert label_size(360) == 14  # never below 14 px
    assert label_size(800) == 32 and label_size(1600) == 64
