"""Claim the next due attempt atomically, with the pre-dial compliance check inside.

One claim is one transaction:

1. pick the oldest due planned attempt of the campaign whose person has no call in flight,
   locking the attempt and the person (``FOR UPDATE ... SKIP LOCKED`` on PostgreSQL, so
   workers skip each other's rows instead of waiting; ``BEGIN IMMEDIATE`` on SQLite); an
   attempt still *claimed* by a worker whose lease ran out counts as planned again (see
   below);
2. load the attempt history of that debt and of that phone number, whichever debtor record
   holds it (a claimed attempt counts as unanswered; a dialled one without result as the
   outcome the profile's rules count most, see :func:`_strictest_outcome`) and the flags
   (cease, DNC, consent, bankruptcy, legal hold, dispute; opt-outs matched by the phone's
   blind index);
3. run :func:`bot.compliance.check` and append its decision to the audit log;
4. allowed → mark the attempt claimed and the person in flight (a lease, so a crashed
   worker does not block the person forever) and audit the claim; blocked for a while →
   move the attempt to ``next_allowed_at`` when that is within a day of its slot, else
   mark it blocked; blocked by a flag → mark it blocked;
5. commit.

The check runs once more when the worker records the dial
(:func:`~bot.campaigns.attempts.mark_dialled`, through :func:`dial_check`): a claim can wait
up to its lease before it is dialled, long enough for the window to close or a cease to
arrive; a refused dial puts the attempt back to planned.

The person, not the account, is the unit locked: one human never gets two calls at once,
even about two debts. Blocked candidates are settled one per transaction and the search
continues, so a claim returns the first attempt that may really be dialled.

Expired claims. A worker records the dial (:func:`~bot.campaigns.attempts.mark_dialled`)
before it places the call, so an attempt still in state ``claimed`` was never dialled. When
its lease has run out (the person is no longer in flight for it) the worker is taken for
dead: the next claim that reaches the attempt audits ``claim_expired`` (who held it, since
when), puts it back to planned and, in the same transaction, checks and claims it like any
planned attempt. Attempts already ``dialled`` are never taken over: the call happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.compliance import Attempt, Decision, Flags, Profile, check, load_profile
from bot.compliance.model import Outcome as ComplianceOutcome
from bot.errors import ComplianceError
from bot.storage import Database, audit
from bot.storage.models import (
    Account,
    AttemptState,
    CallAttempt,
    Campaign,
    Contact,
    Debtor,
)
from bot.storage.optouts import phone_flags
from bot.storage.types import utcnow

DEFAULT_LEASE = timedelta(minutes=30)
# The least look-back for the attempt history; a profile with a longer rule gets more.
HISTORY_DAYS = 60
# A blocked attempt is moved to next_allowed_at only when that is within this much of its
# slot; later than that the strategy's next slot takes over and the attempt is dropped.
RESCHEDULE_LIMIT = timedelta(hours=24)
# The reason recorded on an attempt whose data the compliance check refused to evaluate.
UNCHECKABLE = "compliance_error"
_COUNTING_STATES = (
    AttemptState.CLAIMED.value,
    AttemptState.DIALLED.value,
    AttemptState.COMPLETED.value,
)
_CLAIMABLE_STATES = (AttemptState.PLANNED.value, AttemptState.CLAIMED.value)


@dataclass(frozen=True, slots=True)
class ClaimedAttempt:
    """An attempt a worker now owns and may dial until ``lease_until``.

    Attributes:
        attempt_id: the ``call_attempt`` row (use it for dial/complete/release and turns).
        profile: the compliance profile applied (the debtor's own, else the campaign's).
        timezone: the person's IANA time zone.
        locale: the language to call in.
        script_version: the campaign's script version, stored on the attempt.
        soft_handling: the tiering asked for the hardship tone.
        lease_until: after this instant another worker may take the person over.
        decision: the compliance decision that allowed the claim.
    """

    attempt_id: int
    campaign_id: int
    account_id: int
    debtor_id: int
    contact_id: int
    tier: int
    profile: str
    timezone: str
    locale: str
    script_version: str
    soft_handling: bool
    claimed_by: str
    claimed_at: datetime
    lease_until: datetime
    decision: Decision


def instant(now: datetime | None) -> datetime:
    """``now`` in UTC, or the current instant when None.

    Raises:
        ValueError: ``now`` is naive. ``datetime.astimezone`` would read it in the machine's
            own zone, moving every compliance check by that zone's offset.
    """
    if now is None:
        return utcnow()
    if now.utcoffset() is None:
        raise ValueError(f"now {now.isoformat()!r} has no UTC offset")
    return now.astimezone(UTC)


def _candidate(
    session: Session, campaign_id: int, now: datetime
) -> tuple[CallAttempt, Debtor] | None:
    query = (
        select(CallAttempt, Debtor)
        .join(Account, Account.id == CallAttempt.account_id)
        .join(Debtor, Debtor.id == Account.debtor_id)
        .where(
            CallAttempt.campaign_id == campaign_id,
            # A claimed attempt passes the person test below only when its own lease has
            # ended: while it runs, the person is in flight for exactly that attempt.
            CallAttempt.state.in_(_CLAIMABLE_STATES),
            CallAttempt.scheduled_at <= now,
            or_(Debtor.in_flight_attempt_id.is_(None), Debtor.in_flight_until <= now),
        )
        .order_by(CallAttempt.scheduled_at, CallAttempt.id)
        .limit(1)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(
            of=[CallAttempt.__table__, Debtor.__table__], skip_locked=True
        )
    row = session.execute(query).first()
    return None if row is None else (row[0], row[1])


def _history(
    session: Session, attempt: CallAttempt, contact: Contact, profile: Profile, now: datetime
) -> list[Attempt]:
    """Earlier attempts about this debt or to this phone number, as the engine counts them.

    The number is matched by its blind index, not the contact row: two debtor records with
    one phone (a joint debt, a re-import under a new id) share its per-contact caps. The
    look-back covers the profile's longest rule, two days more for the widest UTC offsets.
    """
    spans = [cap.days for cap in profile.caps] + [rule.days for rule in profile.cooldowns]
    since = now - timedelta(days=max(HISTORY_DAYS, max(spans, default=0) + 2))
    same_number = select(Contact.id).where(Contact.phone_bidx == contact.phone_bidx)
    rows = session.execute(
        select(CallAttempt.claimed_at, CallAttempt.dialled_at, CallAttempt.result).where(
            or_(
                CallAttempt.account_id == attempt.account_id,
                CallAttempt.contact_id.in_(same_number),
            ),
            CallAttempt.state.in_(_COUNTING_STATES),
            CallAttempt.claimed_at >= since,
            CallAttempt.id != attempt.id,
        )
    ).all()
    unknown = _strictest_outcome(profile)
    history: list[Attempt] = []
    for claimed_at, dialled_at, result in rows:
        at = dialled_at or claimed_at
        if at is None:  # pragma: no cover - counting states always have claimed_at
            continue
        if result is not None:
            outcome = cast(ComplianceOutcome, result)
        elif dialled_at is not None:
            outcome = unknown  # the call happened; how it ended is not recorded
        else:
            outcome = "no_answer"
        history.append(Attempt(at, outcome))
    return history


def _strictest_outcome(profile: Profile) -> ComplianceOutcome:
    """The outcome that triggers most of the profile's rules, for a call of unknown result.

    A dialled attempt without a result (its worker died mid-call, or the call is still
    running past its lease) may have been a conversation or a miss. Read it as the outcome
    most rules count: ``conversation`` under us-regf (cap and quiet period), an unanswered
    attempt under cn (its cap ignores conversations). Ties go to ``no_answer``.
    """
    rules = [cap.outcomes for cap in profile.caps] + [rule.after for rule in profile.cooldowns]
    choices: tuple[ComplianceOutcome, ...] = ("no_answer", "conversation")
    return max(choices, key=lambda outcome: sum(outcome in counted for counted in rules))


def _flags(session: Session, debtor: Debtor, account: Account, contact: Contact) -> Flags:
    phone = phone_flags(session, [contact.phone_bidx])
    return Flags(
        cease=debtor.cease or phone.cease,
        dnc=debtor.dnc or phone.dnc,
        consent=phone.consent if phone.consent is not None else debtor.consent,
        bankruptcy=debtor.bankruptcy,
        legal_hold=account.legal_hold,
        dispute=account.dispute,
    )


def _snapshot(
    decision: Decision, profile: str, flags: Flags, counted: int, worker: str, now: datetime
) -> dict[str, Any]:
    return {
        **decision.to_json(),
        "profile": profile,
        "checked_at": now.isoformat(),
        "worker": worker,
        "attempts_counted": counted,
        "flags": {
            "cease": flags.cease,
            "dnc": flags.dnc,
            "consent": flags.consent,
            "bankruptcy": flags.bankruptcy,
            "legal_hold": flags.legal_hold,
            "dispute": flags.dispute,
        },
    }


def _expire_claim(session: Session, attempt: CallAttempt, debtor: Debtor, now: datetime) -> None:
    """Give a claim whose lease ended back to the plan, with an audit row saying whose it was."""
    holds = debtor.in_flight_attempt_id == attempt.id
    claimed_at = attempt.claimed_at
    audit.append(
        session,
        "claim_expired",
        f"attempt:{attempt.id}",
        {
            "worker": attempt.claimed_by,
            "claimed_at": claimed_at.isoformat() if claimed_at is not None else None,
            "lease_until": (
                debtor.in_flight_until.isoformat()
                if holds and debtor.in_flight_until is not None
                else None
            ),
            "debtor": debtor.id,
        },
        at=now,
    )
    attempt.state = AttemptState.PLANNED.value
    attempt.claimed_at = None
    attempt.claimed_by = None
    if holds:
        debtor.in_flight_attempt_id = None
        debtor.in_flight_until = None


def _precheck(
    session: Session,
    attempt: CallAttempt,
    campaign: Campaign,
    debtor: Debtor,
    contact: Contact,
    worker_id: str,
    now: datetime,
) -> tuple[Decision, dict[str, Any]]:
    """The compliance decision for dialling ``attempt`` at ``now``, and its audit snapshot."""
    account = session.get_one(Account, attempt.account_id)
    profile_name = debtor.profile or campaign.profile
    profile = load_profile(profile_name)
    history = _history(session, attempt, contact, profile, now)
    flags = _flags(session, debtor, account, contact)
    decision = check(
        profile,
        timezone=debtor.timezone,
        now=now,
        attempts=history,
        flags=flags,
    )
    return decision, _snapshot(decision, profile_name, flags, len(history), worker_id, now)


def dial_check(
    session: Session, attempt: CallAttempt, worker_id: str, now: datetime
) -> tuple[Decision, dict[str, Any]]:
    """Check a claimed attempt again at the instant it is about to be dialled.

    A claim may wait before its dial (rendering, a busy line pool) for up to its lease: the
    window may have closed, or a cease been stored, since the claim was checked.
    """
    campaign = session.get_one(Campaign, attempt.campaign_id)
    account = session.get_one(Account, attempt.account_id)
    debtor = session.get_one(Debtor, account.debtor_id)
    contact = session.get_one(Contact, attempt.contact_id)
    return _precheck(session, attempt, campaign, debtor, contact, worker_id, now)


def _settle_one(
    session: Session, campaign: Campaign, worker_id: str, now: datetime, lease: timedelta
) -> tuple[bool, ClaimedAttempt | None]:
    """Check one candidate; returns (found a candidate, the claim if it was allowed)."""
    picked = _candidate(session, campaign.id, now)
    if picked is None:
        return False, None
    attempt, debtor = picked
    account = session.get_one(Account, attempt.account_id)
    contact = session.get_one(Contact, attempt.contact_id)
    subject = f"attempt:{attempt.id}"
    if attempt.state == AttemptState.CLAIMED.value:
        _expire_claim(session, attempt, debtor, now)
    if account.status != "open":
        attempt.state = AttemptState.CANCELLED.value
        audit.append(session, "attempt_cancel", subject, {"account_status": account.status})
        return True, None
    try:
        decision, snapshot = _precheck(session, attempt, campaign, debtor, contact, worker_id, now)
    except ComplianceError as exc:
        # Data the check cannot read (a time zone or profile changed after planning): the
        # attempt is blocked, not retried by every claim, so the campaign goes on.
        attempt.state = AttemptState.BLOCKED.value
        attempt.compliance = {
            "allowed": False,
            "reasons": [UNCHECKABLE],
            "next_allowed_at": None,
            "error": str(exc),
            "checked_at": now.isoformat(),
            "worker": worker_id,
        }
        audit.append(session, "precheck", subject, attempt.compliance, at=now)
        return True, None
    profile_name = str(snapshot["profile"])
    attempt.compliance = snapshot
    audit.append(session, "precheck", subject, snapshot, at=now)
    if decision.allowed:
        until = now + lease
        attempt.state = AttemptState.CLAIMED.value
        attempt.claimed_at = now
        attempt.claimed_by = worker_id
        attempt.script_version = campaign.script_version
        debtor.in_flight_attempt_id = attempt.id
        debtor.in_flight_until = until
        audit.append(
            session,
            "claim",
            subject,
            {"worker": worker_id, "lease_until": until.isoformat(), "debtor": debtor.id},
            at=now,
        )
        return True, ClaimedAttempt(
            attempt_id=attempt.id,
            campaign_id=campaign.id,
            account_id=account.id,
            debtor_id=debtor.id,
            contact_id=contact.id,
            tier=attempt.tier,
            profile=profile_name,
            timezone=debtor.timezone,
            locale=debtor.locale,
            script_version=campaign.script_version,
            soft_handling=account.soft_handling,
            claimed_by=worker_id,
            claimed_at=now,
            lease_until=until,
            decision=decision,
        )
    later = decision.next_allowed_at
    if later is not None and later.astimezone(UTC) - attempt.planned_at <= RESCHEDULE_LIMIT:
        attempt.scheduled_at = later.astimezone(UTC)
        attempt.reschedules += 1
    else:
        attempt.state = AttemptState.BLOCKED.value
    return True, None


def claim_next(
    db: Database,
    campaign_id: int,
    worker_id: str,
    now: datetime | None = None,
    *,
    lease: timedelta = DEFAULT_LEASE,
    max_checks: int = 100,
) -> ClaimedAttempt | None:
    """Claim the next due attempt of a campaign that compliance allows now.

    Args:
        db: the database.
        campaign_id: which campaign.
        worker_id: who claims (stored and audited).
        now: the instant of the intended dial; defaults to the current time.
        lease: how long the person stays reserved for this worker.
        max_checks: give up after settling this many blocked candidates (they are moved or
            marked blocked, so the next call continues where this one stopped).

    Returns:
        The claim, or None when nothing is due (or only blocked candidates were found).

    Raises:
        ValueError: ``now`` is naive.
    """
    when = instant(now)
    for _ in range(max_checks):
        with db.transaction(write=True) as session:
            campaign = session.get_one(Campaign, campaign_id)
            found, claimed = _settle_one(session, campaign, worker_id, when, lease)
        if claimed is not None or not found:
            return claimed
    return None
