"""Forms for the diary and the session player; each bad value gives a clear message."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext, gettext_lazy

from acupressure.records.models import AREA_CHOICES


class CheckInForm(forms.Form):
    area = forms.ChoiceField(choices=AREA_CHOICES)
    pain = forms.IntegerField(min_value=0, max_value=10, label=gettext_lazy("Pain now (0-10)"))
    note = forms.CharField(max_length=500, required=False)


class PainForm(forms.Form):
    pain = forms.IntegerField(min_value=0, max_value=10)


class SmallJSONField(forms.JSONField):
    """A JSON form field of at most ``max_chars`` characters; JSON that Python cannot read
    (nested past its recursion limit, an integer of more than 4300 digits) is a form error."""

    def __init__(self, *, max_chars: int, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.max_chars = max_chars

    def to_python(self, value: object) -> object:  # type: ignore[override]
        if isinstance(value, str):
            MaxLengthValidator(self.max_chars)(value)  # Django's message, in every language
        try:
            return super().to_python(value)
        except (RecursionError, ValueError):  # ValueError: an integer too long to read
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": "…"}
            ) from None


class ProgressForm(forms.Form):
    """What the player has done so far, sent as each step ends and when the session ends."""

    completed_steps = forms.IntegerField(min_value=0)
    pressed_seconds = forms.IntegerField(min_value=0, required=False)
    # with the camera switch: {"LI4": 18.5, ...} seconds the finger was on each point (read
    # with a length limit: a deeply nested array or a 4,400-digit number is a form error)
    on_target = SmallJSONField(required=False, max_chars=2000)
    ended = forms.BooleanField(required=False)  # the session is over (run out or ended early)


class FinishForm(ProgressForm):
    pain_after = forms.IntegerField(min_value=0, max_value=10)
    note = forms.CharField(max_length=500, required=False)
    # the pain before, sent again: its own request may have been lost (offline) or still be
    # on its way; kept only when the session has none yet
    pain_before = forms.IntegerField(min_value=0, max_value=10, required=False)


def first_error(form: forms.Form) -> str:
    """One line naming the field and the problem, for 400 responses."""
    for field, errors in form.errors.items():
        label = field if field != "__all__" else gettext("input")
        return f"{label}: {errors[0]}"
    return gettext("invalid input")


def valid_data(form: type[forms.Form], data: Mapping[str, Any]) -> dict[str, Any] | None:
    """``form(data).cleaned_data`` when that form is valid, else None, without making the
    form (Django deep-copies every field of each form it makes, which cost more than the
    check-in's writes). Only for a form of plain fields: no ``clean`` methods of its own, no
    files, nothing disabled (tests/web/test_quick_checkin.py compares the two)."""
    found = {}
    for name, field in form.base_fields.items():
        try:
            found[name] = field.clean(field.widget.value_from_datadict(data, {}, name))
        except forms.ValidationError:
            return None
    return found
