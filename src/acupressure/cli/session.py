"""`acupressure session`: screening, plan, and a guided run in the terminal."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer
from rich.live import Live

from acupressure.cli._common import EXIT_BLOCKED, EXIT_OK, console, err_console
from acupressure.cli._intake import (
    AreaOpt,
    ConditionOpt,
    HelperOpt,
    MaybePregnantOpt,
    MinutesOpt,
    PregnantOpt,
    SeenOpt,
    TrimesterOpt,
    make_intake,
)
from acupressure.cli._plan_view import duration, print_plan
from acupressure.cli._prompt import ask_line
from acupressure.cli._screening import NoRedFlagsOpt, RedFlagOpt, screened_intake
from acupressure.cli._session_view import render
from acupressure.cli._terminal import Speaker, TerminalKeys
from acupressure.plan import build_plan
from acupressure.session import (
    Event,
    JsonlStore,
    NullStore,
    Player,
    SessionStore,
    make_record,
    monotonic,
    run,
)
from acupressure.web.store import save_to_diary


def ask_pain(label: str) -> int | None:
    """0-10, or None when skipped; input that ends (or Ctrl-C) counts as skipped."""
    while True:
        line = ask_line(f"{label} (0-10, Enter to skip): ")
        if line is None:
            return None
        answer = line.strip()
        if not answer:
            return None
        if answer.isdecimal() and 0 <= int(answer) <= 10:  # isdigit() takes "²"
            return int(answer)
        err_console.print("Please type a whole number from 0 (no pain) to 10 (worst).")


def session(
    area: AreaOpt,
    pregnant: PregnantOpt = False,
    maybe_pregnant: MaybePregnantOpt = False,
    trimester: TrimesterOpt = None,
    helper: HelperOpt = False,
    minutes: MinutesOpt = None,
    condition: ConditionOpt = None,
    red_flag: RedFlagOpt = None,
    no_red_flags: NoRedFlagsOpt = False,
    seen_clinician: SeenOpt = False,
    voice: Annotated[
        bool, typer.Option("--voice", help="Speak the cues (needs espeak-ng).")
    ] = False,
    speed: Annotated[
        float,
        typer.Option(min=1.0, max=100.0, help="Play N times faster: for demos and tests only."),
    ] = 1.0,
    save: Annotated[
        bool,
        typer.Option(
            "--save",
            help="Keep the session: sessions.jsonl in your data folder, and the web diary.",
        ),
    ] = False,
) -> None:
    """Guided session: safety questions, your routine, then a timed run with cues.

    The safety questions that matter for your routine are asked first, unless
    --no-red-flags or --red-flag gives the answers (needed without a terminal: exit 2).
    Keys while it runs: p or space pause/resume, s skip the step, n skip the point,
    q quit (what you did is kept). Exits 4 when a red flag blocks self-care.
    """
    intake = make_intake(
        area,
        pregnant,
        maybe_pregnant,
        trimester,
        helper,
        minutes,
        condition,
        red_flag,
        seen_clinician,
    )
    intake = screened_intake(intake, no_red_flags, red_flag)
    plan = build_plan(intake)
    print_plan(console, plan)
    if plan.blocked:
        raise typer.Exit(EXIT_BLOCKED)
    if not plan.steps:
        err_console.print("Nothing to guide today.")
        return
    speaker = Speaker(voice)
    if voice and not speaker.available:
        err_console.print("Note: espeak-ng is not installed, so the session stays silent.")
    pain_before = ask_pain("Pain right now")
    if ask_line("Get into position, then press Enter to start: ") is None:
        err_console.print("Session not started; nothing was saved.")
        raise typer.Exit(EXIT_OK)
    player = Player(plan.steps, monotonic, speed=speed)

    def on_event(event: Event) -> None:
        if event.kind != "start" or event.index is None:
            return
        step = plan.steps[event.index]
        if step.kind in ("press", "release"):
            console.bell()
        speaker.say("Release" if step.kind == "release" else step.cue)

    started_at = datetime.now(UTC)
    try:
        with TerminalKeys() as keys, Live(console=console, auto_refresh=False) as live:
            run(player, keys, on_event, lambda p: live.update(render(p, plan), refresh=True))
    finally:
        speaker.stop()
    ended_at = datetime.now(UTC)
    state = "Finished" if player.state == "finished" else "Stopped early"
    console.print(
        f"{state}: {len(player.completed)} of {len(plan.steps)} steps done.", highlight=False
    )
    pain_after = ask_pain("Pain now, after the session")
    record = make_record(plan, player, started_at, ended_at, pain_before, pain_after)
    console.print("[bold]Summary[/bold]")
    lines = [
        f"  time pressing and resting: {duration(record.seconds_done)}",
        f"  steps done {record.steps_completed}, skipped {record.steps_skipped}",
    ]
    if pain_before is not None and pain_after is not None:
        lines.append(f"  pain {pain_before} -> {pain_after}")
    for line in lines:
        console.print(line, highlight=False, markup=False)
    store: SessionStore = JsonlStore() if save else NullStore()
    store.save(record)
    if isinstance(store, JsonlStore):
        err_console.print(f"Saved to {store.path}")
        if save_to_diary(record):
            err_console.print("Also saved to your diary (acupressure serve, /diary/).")
