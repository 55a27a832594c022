from acupressure.safety import Intake, screen


def test_no_flags_is_not_blocked() -> None:
    result = screen(Intake(areas=["lower-back"]))
    assert not result.blocked and result.urgency is None and result.red_flags == []


def test_emergency_blocks_even_after_a_clinician() -> None:
    intake = Intake(areas=["lower-back"], red_flags=["saddle-numbness"], seen_clinician=True)
    result = screen(intake)
    assert result.blocked and result.urgency == "emergency"
    assert result.red_flags[0].cleared is False
    assert "now" in result.advice[0]


def test_soon_flag_blocks_until_a_clinician_has_seen_it() -> None:
    blocked = screen(Intake(areas=["neck"], red_flags=["night-pain"]))
    assert blocked.blocked and blocked.urgency == "soon"
    cleared = screen(Intake(areas=["neck"], red_flags=["night-pain"], seen_clinician=True))
    assert not cleared.blocked and cleared.urgency is None and cleared.red_flags[0].cleared


def test_emergency_wins_over_soon() -> None:
    result = screen(Intake(areas=["neck"], red_flags=["weight-loss", "cord-signs"]))
    assert result.urgency == "emergency"
    assert [f.id for f in result.red_flags] == ["cord-signs", "weight-loss"]
