from acupressure import i18n
from acupressure.safety import Intake, localized_advice, screen


def test_no_flags_is_not_blocked() -> None:
    result = screen(Intake(red_flags=[], areas=["lower-back"]))
    assert not result.blocked and result.urgency is None and result.red_flags == []


def test_emergency_blocks_even_after_a_clinician() -> None:
    intake = Intake(areas=["lower-back"], red_flags=["saddle-numbness"], seen_clinician=True)
    result = screen(intake)
    assert result.blocked and result.urgency == "emergency"
    assert result.red_flags[0].cleared is False
    assert "now" in result.advice[1]


def test_no_advice_sentence_is_said_twice() -> None:
    """The emergency box once said "Get medical help now." twice (heading and advice)."""
    from acupressure.safety import red_flags

    for flag_id in red_flags():
        for seen in (False, True):
            intake = Intake(areas=["neck"], red_flags=[flag_id], seen_clinician=seen)
            sentences = [
                s.strip().lower() for a in screen(intake).advice for s in a.split(". ") if s
            ]
            assert len(sentences) == len(set(sentences)), flag_id
            assert not any("get medical help now" in s for s in sentences)
            assert not any("--" in s for s in sentences)  # no CLI flag in shared advice


def test_soon_flag_blocks_until_a_clinician_has_seen_it() -> None:
    blocked = screen(Intake(areas=["neck"], red_flags=["night-pain"]))
    assert blocked.blocked and blocked.urgency == "soon"
    cleared = screen(Intake(areas=["neck"], red_flags=["night-pain"], seen_clinician=True))
    assert not cleared.blocked and cleared.urgency is None and cleared.red_flags[0].cleared


def test_emergency_wins_over_soon() -> None:
    result = screen(Intake(areas=["neck"], red_flags=["weight-loss", "cord-signs"]))
    assert result.urgency == "emergency"
    assert [f.id for f in result.red_flags] == ["cord-signs", "weight-loss"]


def test_kept_advice_reads_in_the_current_language_whatever_it_was_kept_in() -> None:
    intake = Intake(areas=["lower-back"], red_flags=["fever", "chest-heart"])
    said = {}
    for language in i18n.LANGUAGES:
        with i18n.use(language):
            said[language] = screen(intake).advice
    assert len({tuple(lines) for lines in said.values()}) == len(i18n.LANGUAGES)
    for kept in said.values():
        for language in i18n.LANGUAGES:
            with i18n.use(language):
                assert localized_advice([*kept, "a line from older data"]) == [
                    *said[language],
                    "a line from older data",
                ]
