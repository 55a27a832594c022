"""`acupressure session`: screening, plan, and a guided run in the terminal.

The command reads as ask -> run -> show -> save: the questions and views live in
``cli.views``, the player in ``acupressure.session``, the store in ``cli.stores``.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.live import Live

from acupressure.cli import common
from acupressure.cli.common import EXIT_BLOCKED, EXIT_OK, console, err_console
from acupressure.cli.options import intake_options
from acupressure.cli.plan import refuse_empty
from acupressure.cli.stores import session_store
from acupressure.cli.views.devices import Speaker, TerminalKeys
from acupressure.cli.views.plan import print_plan
from acupressure.cli.views.questions import ask_pain, ready_to_start
from acupressure.cli.views.session import print_summary, render
from acupressure.i18n import gettext as _
from acupressure.plan import Plan, build_plan
from acupressure.safety import Intake
from acupressure.session import Event, Player, SessionRecord, make_record, monotonic, run

VoiceOpt = Annotated[bool, typer.Option("--voice", help="Speak the cues (needs espeak-ng).")]
SpeedOpt = Annotated[
    float,
    typer.Option(min=1.0, max=100.0, help="Play N times faster: for demos and tests only."),
]
SaveOpt = Annotated[
    bool,
    typer.Option(
        "--save",
        help="Keep the session: sessions.jsonl in your data folder, and the web diary.",
    ),
]


@intake_options
def session(
    intake: Intake, voice: VoiceOpt = False, speed: SpeedOpt = 1.0, save: SaveOpt = False
) -> None:
    """Guided session: safety questions, your routine, then a timed run with cues.

    The safety questions that matter for your routine are asked first, unless
    --no-red-flags or --red-flag gives the answers (needed without a terminal: exit 2).
    Keys while it runs: p or space pause/resume, s skip the step, n skip the point,
    q quit (what you did is kept). Exits 4 when a red flag blocks self-care.
    """
    plan = _routine(intake)
    refuse_empty(plan, intake)
    record = guide(plan, voice, speed)
    if record is None:
        raise typer.Exit(EXIT_OK)
    session_store(save).save(record)


def guide(plan: Plan, voice: bool, speed: float) -> SessionRecord | None:
    """Pain before, the timed run with cues, pain after and the summary; None when the
    person does not start or does no step (nothing to keep). Used by `session` and by
    `today --start` for a program."""
    speaker = Speaker(voice)
    if voice and not speaker.available:
        err_console.print(_("Note: espeak-ng is not installed, so the session stays silent."))
    pain_before = ask_pain(_("Pain right now"))
    if not ready_to_start():
        err_console.print(_("Session not started; nothing was saved."))
        return None
    record = _guided(plan, speaker, speed, pain_before)
    print_summary(console, record)
    if record.steps_completed == 0:
        err_console.print(_("No step was done, so nothing was saved."))
        return None
    return record


def _routine(intake: Intake) -> Plan:
    """Plan and show the routine; exit 4 if it is blocked."""
    plan = build_plan(intake)
    print_plan(console, plan)
    if plan.blocked:
        raise typer.Exit(EXIT_BLOCKED)
    return plan


def _guided(plan: Plan, speaker: Speaker, speed: float, pain_before: int | None) -> SessionRecord:
    """Run the player live in the terminal, then ask the pain after; the session's record."""
    player = Player(plan.steps, monotonic, speed=speed)

    def on_event(event: Event) -> None:
        if event.kind != "start" or event.index is None:
            return
        step = plan.steps[event.index]
        if step.kind in ("press", "release"):
            console.bell()
        speaker.say(_("Release") if step.kind == "release" else step.cue)

    started_at = common.now()
    try:
        with TerminalKeys() as keys, Live(console=console, auto_refresh=False) as live:
            run(player, keys, on_event, lambda p: live.update(render(p, plan), refresh=True))
    finally:
        speaker.stop()
    ended_at = common.now()
    state = _("Finished") if player.state == "finished" else _("Stopped early")
    console.print(
        _("{state}: {done} of {total} steps done.").format(
            state=state, done=len(player.completed), total=len(plan.steps)
        ),
        highlight=False,
    )
    pain_after = ask_pain(_("Pain now, after the session"))
    return make_record(plan, player, started_at, ended_at, pain_before, pain_after)
