"""The weekly summary's words (pure): sessions done of due and the pain trend, three languages."""

from __future__ import annotations

from acupressure.reminders.summary import pain_words, weekly_summary


def test_the_pain_trend_in_words() -> None:
    assert pain_words([], [5]) == "No pain scores were given last week."
    assert pain_words([6, 4], []) == "Your pain before sessions last week: 5.0 of 10 on average."
    assert pain_words([4, 4], [6, 5]).startswith("Your pain went down: 4.0 of 10")
    assert pain_words([7], [5, 5]).startswith("Your pain went up: 7.0 of 10")
    assert pain_words([5, 6], [5]).startswith("Your pain stayed about the same: 5.5")


def test_the_summary_is_worded_in_the_persons_language() -> None:
    english = weekly_summary(2, 5, 7, [4], [6], "en")
    assert english.subject == "Your acupressure week 2"
    assert english.sessions == "Last week you did 5 of 7 sessions."
    for language in ("es", "zh-Hans"):
        other = weekly_summary(2, 5, 7, [4], [6], language)
        assert other.subject != english.subject and "2" in other.subject
        assert "5" in other.sessions and "7" in other.sessions
        assert other.pain != english.pain and "4.0" in other.pain and "6.0" in other.pain
