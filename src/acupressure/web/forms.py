"""Forms for the diary and the session player; each bad value gives a clear message."""

from __future__ import annotations

import json

from django import forms
from django.utils.translation import gettext, gettext_lazy

from acupressure.web.models import AREA_CHOICES


class CheckInForm(forms.Form):
    area = forms.ChoiceField(choices=AREA_CHOICES)
    pain = forms.IntegerField(min_value=0, max_value=10, label=gettext_lazy("Pain now (0-10)"))
    note = forms.CharField(max_length=500, required=False)


class PainForm(forms.Form):
    pain = forms.IntegerField(min_value=0, max_value=10)


class ProgressForm(forms.Form):
    """What the player has done so far, sent as each step ends and when the session ends."""

    completed_steps = forms.IntegerField(min_value=0)
    pressed_seconds = forms.IntegerField(min_value=0, required=False)
    # with the camera switch: {"LI4": 18.5, ...} seconds the finger was on each point (JSON
    # read here, with a length limit: a deeply nested array must not reach the parser)
    on_target = forms.CharField(required=False, max_length=2000)
    ended = forms.BooleanField(required=False)  # the session is over (run out or ended early)

    def clean_on_target(self) -> object:
        text = self.cleaned_data["on_target"]
        if not text:
            return None
        try:
            return json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise forms.ValidationError(gettext("not valid JSON")) from exc


class FinishForm(ProgressForm):
    pain_after = forms.IntegerField(min_value=0, max_value=10)
    note = forms.CharField(max_length=500, required=False)


def first_error(form: forms.Form) -> str:
    """One line naming the field and the problem, for 400 responses."""
    for field, errors in form.errors.items():
        label = field if field != "__all__" else gettext("input")
        return f"{label}: {errors[0]}"
    return gettext("invalid input")
