"""Scoring answers: checking them against the items, sums and means with missing answers,
groups (cut-offs), and meaningful change against a baseline."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from acupressure.i18n import gettext as _
from acupressure.outcomes.models import Item, MeaningfulChange, Questionnaire

Answer = int | bool | dict[str, object]


class AnswerError(ValueError):
    """An answer that does not fit its item; the message names the item."""


class Result(BaseModel):
    model_config = ConfigDict(frozen=True)

    questionnaire: str
    scores: dict[str, float | None]  # None: too many answers missing to score
    missing: list[str]  # item ids left unanswered
    group: str | None  # e.g. "low", "medium", "high"; None without groups or scores
    notes: list[str]  # why a score is missing


class Change(BaseModel):
    model_config = ConfigDict(frozen=True)

    score: str
    baseline: float | None
    now: float | None
    change: float | None  # now - baseline
    meaningful: bool


def _value(item: Item, raw: object) -> float | None:
    if raw is None or raw == "":
        return None
    if item.type == "yesno":
        if isinstance(raw, bool):
            return 1.0 if raw else 0.0
        if raw in ("yes", "no"):
            return 1.0 if raw == "yes" else 0.0
        raise AnswerError(_("{item}: answer yes or no").format(item=item.id))
    if item.type == "activity":
        if not isinstance(raw, dict):
            raise AnswerError(_("{item}: name the activity and rate it").format(item=item.id))
        rating = raw.get("rating")
        if not str(raw.get("name", "")).strip():
            return None
        raw = rating
        if raw is None or raw == "":
            raise AnswerError(_("{item}: rate the activity you named").format(item=item.id))
    if isinstance(raw, bool) or not isinstance(raw, (int, str)):
        raise AnswerError(_("{item}: give a whole number").format(item=item.id))
    text = str(raw).strip()
    if len(text) > 6 or not text.lstrip("-").isdecimal():
        raise AnswerError(
            _("{item}: {value!r} is not a whole number").format(item=item.id, value=raw)
        )
    number = int(text)
    low, high = item.bounds()
    allowed = [o.value for o in item.options] if item.type == "choice" else range(low, high + 1)
    if number not in allowed:
        raise AnswerError(
            _("{item}: {n} is not one of the answers ({low} to {high})").format(
                item=item.id, n=number, low=low, high=high
            )
        )
    return float(number)


def values(q: Questionnaire, answers: dict[str, object]) -> dict[str, float | None]:
    """Each item's numeric value, None where unanswered; AnswerError on a bad answer."""
    unknown = [k for k in answers if k not in {i.id for i in q.items}]
    if unknown:
        raise AnswerError(_("unknown item(s): {ids}").format(ids=", ".join(sorted(unknown))))
    found = {item.id: _value(item, answers.get(item.id)) for item in q.items}
    absent = [i.id for i in q.items if i.required and found[i.id] is None]
    if absent:
        raise AnswerError(_("{item}: this question needs an answer").format(item=absent[0]))
    return found


def score(q: Questionnaire, answers: dict[str, object]) -> Result:
    found = values(q, answers)
    scores: dict[str, float | None] = {}
    notes = []
    for s in q.scoring.scores:
        answered = [found[i] for i in s.items if found[i] is not None]
        missing = len(s.items) - len(answered)
        if not answered or missing > s.max_missing:
            scores[s.id] = None
            notes.append(
                _("{score}: {n} of {total} answers missing, not scored").format(
                    score=s.label, n=missing, total=len(s.items)
                )
            )
            continue
        total = sum(v for v in answered if v is not None)
        if s.method == "mean":
            scores[s.id] = round(total / len(answered), 2)
        else:
            scores[s.id] = round(total * len(s.items) / len(answered), 2)
    return Result(
        questionnaire=q.id,
        scores=scores,
        missing=[k for k, v in found.items() if v is None],
        group=_group(q, scores),
        notes=notes,
    )


def _group(q: Questionnaire, scores: dict[str, float | None]) -> str | None:
    for group in q.scoring.groups:
        ok = True
        for c in group.when:
            value = scores.get(c.score)
            if value is None:
                return None
            if (c.min is not None and value < c.min) or (c.max is not None and value > c.max):
                ok = False
        if ok:
            return group.label
    return None


def meaningful(rule: MeaningfulChange, baseline: float | None, now: float | None) -> bool:
    """Is ``now`` meaningfully better than ``baseline`` (or, for ``at_least``, good enough)?"""
    if now is None:
        return False
    if rule.at_least is not None and now >= rule.at_least:
        return True
    if baseline is None:
        return False
    gain = baseline - now if rule.better == "lower" else now - baseline
    threshold = rule.threshold(baseline)
    return threshold is not None and gain >= threshold - 1e-9


def change(q: Questionnaire, baseline: Result | None, now: Result | None) -> Change | None:
    rule = q.scoring.meaningful_change
    if rule is None:
        return None
    before = baseline.scores.get(rule.score) if baseline else None
    after = now.scores.get(rule.score) if now else None
    delta = None if before is None or after is None else round(after - before, 2)
    return Change(
        score=rule.score,
        baseline=before,
        now=after,
        change=delta,
        meaningful=meaningful(rule, before, after),
    )
