"""Run the demo's calls: Rasa, ASR, TTS and WebRTC for real, simulated people at the far end."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from bot import paths
from bot.calls.accounts import load_call_account
from bot.calls.events import CallEvent, CallEvents
from bot.calls.evidence import EvidenceWriter
from bot.calls.runner import (
    CallReport,
    CallServices,
    DialRefused,
    SessionHub,
    call_id_of,
    call_slots,
    run_attempt,
)
from bot.demo.dialer import PERSONA_OUTCOMES, CalleeRunner, LocalCallees, SimulatedDialer
from bot.demo.population import DEMO_WORKER, DemoData
from bot.dialogue import server
from bot.dialogue.client import RasaClient
from bot.dialogue.responses import all_lines
from bot.dialogue.training import Project, ensure_model
from bot.policy import preload as preload_policy
from bot.storage import audit
from voice.asr import WhisperASR, engine_for
from voice.asr.priority_worker import BACKGROUND
from voice.sim import CalleeResult, Ears, load_persona
from voice.sim.process import CalleeProcess
from voice.transport import SignallingServer
from voice.tts.cache import TTSCache
from voice.tts.defaults import default_engine

Progress = Callable[[str, str], None]


@dataclass
class DemoRun:
    """Live state of a demo run (the table reads it)."""

    personas: dict[str, str] = field(default_factory=dict)
    tiers: dict[str, int] = field(default_factory=dict)
    states: dict[str, str] = field(default_factory=dict)
    reports: dict[str, CallReport] = field(default_factory=dict)
    callees: dict[str, CalleeResult] = field(default_factory=dict)
    stage: str = "starting"


def persona_plan(call_ids: list[str], names: Sequence[str] | None = None) -> dict[str, str]:
    """Persona per call, cycling through ``names`` (every persona by default)."""
    names = list(names or [name for name, _ in PERSONA_OUTCOMES])
    return {call_id: names[i % len(names)] for i, call_id in enumerate(call_ids)}


RenderAhead = Literal["all", "shared"]
"""What a call has rendered before it is dialled (see :func:`run_calls`)."""


def ring_spread(call_ids: Sequence[str], spread_s: float) -> dict[str, float]:
    """Ring times spread evenly over ``spread_s`` seconds, in call order (all 0 when 0)."""
    if spread_s <= 0 or len(call_ids) < 2:
        return {call_id: 0.0 for call_id in call_ids}
    step = spread_s / (len(call_ids) - 1)
    return {call_id: round(i * step, 3) for i, call_id in enumerate(call_ids)}


def expected_outcome(persona: str) -> str:
    """The outcome ``persona`` must end in."""
    return dict(PERSONA_OUTCOMES)[persona]


async def run_calls(
    data: DemoData,
    *,
    locale: Literal["zh", "en"],
    concurrency: int,
    hold_seconds: float,
    state: DemoRun,
    on_stage: Callable[[str], None] = lambda stage: None,
    personas: Sequence[str] | None = None,
    servers: server.ServerInfo | None = None,
    callee_process: bool = False,
    callee_ears: Ears = "whisper",
    render_ahead: RenderAhead = "all",
    rings: Mapping[str, float] | None = None,
    callee_cpus: Collection[int] | None = None,
) -> list[CallReport]:
    """Start the servers, render ahead, run every claimed call, stop the servers.

    Servers that were already running (``kindcall rasa up``, or ``servers`` given by the
    caller) are used and left running. ``callee_process`` runs the simulated people in a
    process of their own (``voice.sim.process``); by default they share this event loop
    (measured: at 10 concurrent calls on 2 cores the separate process lost every call).
    ``callee_ears`` is how the simulated people hear the bot: ``"whisper"`` transcribes its
    audio, ``"captions"`` reads the text of its lines from the call's captions data channel
    (no far-end ASR: at 5-10 calls on 2 cores the far ends' Whisper lags 10-40 s).
    ``render_ahead`` is what each call has rendered before it is dialled: ``"all"`` every
    line its account can hear (no line waits for speech, nothing pauses mid-line: the demo),
    ``"shared"`` only the lines every account shares, the account's own lines rendered when
    first said, sentence by sentence (far less CPU per call: the load benchmark).
    ``rings`` is how long each call (by :func:`~bot.calls.runner.call_id_of`) rings before
    its far end answers (see :func:`ring_spread`; under the runner's ring timeout); by
    default every far end answers at once. ``callee_cpus`` keeps the callee process on those
    CPUs (with ``callee_process``; the call benchmark measures the bot on cores of its own).
    """
    if callee_cpus is not None and not callee_process:
        raise ValueError("callee_cpus needs callee_process")
    far_process = (
        CalleeProcess(locale, ears=callee_ears, cpus=callee_cpus) if callee_process else None
    )
    if far_process is not None:
        far_process.start()  # it loads its voice and ears while Rasa starts
    try:
        return await _run_calls(
            data,
            locale=locale,
            concurrency=concurrency,
            hold_seconds=hold_seconds,
            state=state,
            on_stage=on_stage,
            personas=personas,
            servers=servers,
            far_process=far_process,
            callee_ears=callee_ears,
            render_ahead=render_ahead,
            rings=rings,
        )
    finally:
        if far_process is not None:
            await asyncio.to_thread(far_process.close)


async def _run_calls(
    data: DemoData,
    *,
    locale: Literal["zh", "en"],
    concurrency: int,
    hold_seconds: float,
    state: DemoRun,
    on_stage: Callable[[str], None],
    personas: Sequence[str] | None,
    servers: server.ServerInfo | None,
    far_process: CalleeProcess | None,
    callee_ears: Ears,
    render_ahead: RenderAhead,
    rings: Mapping[str, float] | None,
) -> list[CallReport]:
    call_ids = [call_id_of(c.attempt_id) for c in data.claims]
    state.personas = persona_plan(call_ids, personas)
    state.tiers = {call_id_of(c.attempt_id): c.tier for c in data.claims}
    state.states = {call_id: "queued" for call_id in call_ids}

    def stage(text: str) -> None:
        state.stage = text
        on_stage(text)

    already_up = servers is not None
    if servers is None:
        project = Project.default()
        stage("dialogue model")
        model = (await asyncio.to_thread(ensure_model, project, locale)).model
        stage("starting Rasa")
        running = server.read_info(locale)
        already_up = running is not None and server.is_ready(running)
        servers = await asyncio.to_thread(server.start, project, locale, model)
    info = servers
    rasa = RasaClient(info.rasa_url)
    asr = engine_for(locale)
    stage("loading speech recognition")
    await asr.load()  # else the first caller turn of the first call waits seconds for it
    stage("loading the safety policy")
    # off the event loop: its first use inside a call stalled every call's audio for seconds
    await asyncio.to_thread(preload_policy, locale)
    if far_process is not None:
        await far_process.ready()  # dialling before the far ends can answer loses the calls
    # Only simulated people hear the demo: Mandarin uses the natural offline voice (not the
    # bot's production default, see voice.tts.baker) so both ends understand each other.
    bot_tts = TTSCache(paths.var_dir() / "tts-cache", default_engine(locale, baker=True))
    writer = EvidenceWriter(data.db)
    hub = SessionHub()
    signalling = SignallingServer(hub.handle, record_dir=data.directory / "recordings")
    base_url = await signalling.start()
    started = time.monotonic()

    def clock() -> datetime:
        return data.clock + timedelta(seconds=time.monotonic() - started)

    def on_event(event: CallEvent) -> None:
        if event.kind == "ended":
            state.states[event.call_id] = str(event.data["outcome"])
        elif event.kind != "turn":
            state.states[event.call_id] = event.kind

    events = CallEvents()
    events.listen(on_event)
    services = CallServices(
        db=data.db,
        writer=writer,
        rasa={locale: rasa},
        asr={locale: asr},
        tts={locale: bot_tts},
        hub=hub,
        base_url=base_url,
        hold_seconds=hold_seconds,
        events=events,
        clock=clock,
        worker_id=DEMO_WORKER,
    )
    callees: CalleeRunner
    if far_process is not None:
        callees = far_process
    elif callee_ears == "captions":
        callees = LocalCallees({locale: default_engine(locale, baker=True)}, {}, ears="captions")
    else:
        # The simulated people hear through their own engine: low-priority Whisper passes,
        # one per turn: the far end's comprehension must not slow the bot's replies.
        callee_asr = (
            WhisperASR(locale, priority=BACKGROUND, pause_passes=False)
            if isinstance(asr, WhisperASR)
            else asr
        )
        callees = LocalCallees({locale: default_engine(locale, baker=True)}, {locale: callee_asr})
    dialer = SimulatedDialer(
        {cid: load_persona(name, locale) for cid, name in state.personas.items()},
        callees,
        rings,
    )
    state.callees = dialer.results
    try:
        stage("calling")
        gate = asyncio.Semaphore(max(1, concurrency))

        async def one(attempt_id: int) -> CallReport | None:
            async with gate:
                # Render ahead per call, just before dialling it: the first calls start
                # while later accounts' lines are still to be rendered.
                state.states[call_id_of(attempt_id)] = "rendering"
                await _render_ahead(data, bot_tts, locale, attempt_id, render_ahead)
                try:
                    report = await run_attempt(attempt_id, services, dialer)
                except DialRefused as refused:
                    # the window closed or a cease arrived since the claim: not dialled
                    state.states[refused.call_id] = "refused"
                    return None
                state.reports[report.call_id] = report
                return report

        reports = await asyncio.gather(*(one(c.attempt_id) for c in data.claims))
        stage("done")
        return [report for report in reports if report is not None]
    finally:
        await signalling.stop()
        await rasa.aclose()
        writer.close()
        if not already_up:
            await asyncio.to_thread(server.stop, locale)


async def _render_ahead(
    data: DemoData, cache: TTSCache, locale: str, attempt_id: int, which: RenderAhead
) -> None:
    """Render the lines this account can hear (cached across calls and runs).

    ``which="shared"`` leaves out the lines carrying the account's own details (its name,
    amount, creditor, dates): the call renders them when first said, one sentence at a time
    while the first plays (:meth:`AudioVoiceChannel.say`). Rendering all of them ahead costs
    about ten seconds of Piper CPU per call, most of it for branches the call never takes;
    at 10 concurrent calls that work starved the calls' audio. ``"all"`` renders them too:
    a line then never waits for speech nor pauses between its sentences.
    """

    def read() -> list[str]:
        with data.db.transaction() as session:
            account = load_call_account(session, data.db.vault, attempt_id)
        slots = call_slots(account)
        lines = all_lines(locale, {**slots, "tier": str(account.tier)})
        if which == "all":
            return lines
        details = [value for value in slots.values() if value]
        return [line for line in lines if not any(value in line for value in details)]

    await cache.prerender(await asyncio.to_thread(read), locale)


def _percentile(values: list[int], q: float) -> int | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def report_json(data: DemoData, state: DemoRun, reports: list[CallReport]) -> dict[str, Any]:
    """The ``--json`` document: one object with ``calls`` and ``totals``."""
    calls: list[dict[str, Any]] = []
    all_latencies: list[int] = []
    for report in reports:
        persona = state.personas[report.call_id]
        turns = report.result.turns if report.result is not None else ()
        latencies = list(report.result.latencies_ms) if report.result is not None else []
        all_latencies += latencies
        calls.append(
            {
                "id": report.attempt_id,
                "persona": persona,
                "tier": report.account.tier,
                "outcome": report.outcome.kind,
                "expected_outcome": expected_outcome(persona),
                "handoff": report.outcome.handoff,
                "reasons": list(report.outcome.reasons),
                "promise": (
                    {
                        "amount": str(report.outcome.promised_amount),
                        "date": report.outcome.promised_date,
                    }
                    if report.outcome.promised_amount is not None
                    else None
                ),
                "turns": [
                    {"speaker": t.speaker, "text": t.text, "at_ms": t.started_ms} for t in turns
                ],
                "latency_ms": {
                    "p50": _percentile(latencies, 0.5),
                    "p95": _percentile(latencies, 0.95),
                },
                "recording": str(report.recording) if report.recording else None,
                "recording_sha256": report.recording_sha256,
                "tts_cache": {"hits": report.tts_hits, "misses": report.tts_misses},
            }
        )
    outcomes: dict[str, int] = {}
    for call in calls:
        outcomes[call["outcome"]] = outcomes.get(call["outcome"], 0) + 1
    with data.db.transaction() as session:
        verified = audit.verify(session)
    return {
        "calls": calls,
        "totals": {
            "calls": len(calls),
            "as_expected": sum(c["outcome"] == c["expected_outcome"] for c in calls),
            "handoffs": sum(c["handoff"] for c in calls),
            "outcomes": outcomes,
            "latency_ms": {
                "p50": _percentile(all_latencies, 0.5),
                "p95": _percentile(all_latencies, 0.95),
                "mean": round(statistics.fmean(all_latencies)) if all_latencies else None,
            },
            "imported": data.imported,
            "rejected": data.rejected,
            "script_version": data.script_version,
            "clock": data.clock.isoformat(),
            "audit_ok": verified.ok,
            "database": str(data.directory / "kindcall.db"),
        },
    }


__all__ = [
    "DemoRun",
    "expected_outcome",
    "persona_plan",
    "report_json",
    "ring_spread",
    "run_calls",
]
