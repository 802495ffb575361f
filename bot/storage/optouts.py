"""Cease / do-not-call requests and consent, matched by the phone's blind index.

A cease request heard in a call is stored against the phone number, not only the debtor, so
it also stops calls to any other debtor record (or re-import) with the same number.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage import audit
from bot.storage.crypto import Vault
from bot.storage.models import Consent, OptOut

OptOutReason = Literal["cease", "dnc"]


def record_opt_out(
    session: Session, vault: Vault, phone_e164: str, reason: OptOutReason, source: str
) -> OptOut:
    """Store a cease or do-not-call request for a phone number and audit it.

    Args:
        session: open session (the caller commits).
        vault: computes the blind index.
        phone_e164: the number, E.164.
        reason: ``cease`` (stop all contact) or ``dnc`` (do not call this number).
        source: where it came from, e.g. ``call:42`` or ``import``.
    """
    row = OptOut(phone_bidx=vault.blind_index(phone_e164), reason=reason, source=source)
    session.add(row)
    session.flush()
    audit.append(session, "opt_out", f"opt_out:{row.id}", {"reason": reason, "source": source})
    return row


def record_consent(
    session: Session, vault: Vault, phone_e164: str, *, granted: bool, source: str
) -> Consent:
    """Store consent given or withdrawn for a phone number and audit it."""
    row = Consent(phone_bidx=vault.blind_index(phone_e164), granted=granted, source=source)
    session.add(row)
    session.flush()
    audit.append(session, "consent", f"consent:{row.id}", {"granted": granted, "source": source})
    return row


@dataclass(frozen=True, slots=True)
class PhoneFlags:
    """What the opt-out and consent tables say about a set of phone numbers.

    Attributes:
        cease: a cease request exists for one of the numbers.
        dnc: a do-not-call entry exists for one of the numbers.
        consent: the latest consent record, or None when there is none.
    """

    cease: bool
    dnc: bool
    consent: bool | None


def phone_flags(session: Session, bidxs: Iterable[str]) -> PhoneFlags:
    """Combine opt-outs (any match blocks) and the latest consent record for the numbers."""
    keys = list(bidxs)
    if not keys:
        return PhoneFlags(cease=False, dnc=False, consent=None)
    reasons = set(session.scalars(select(OptOut.reason).where(OptOut.phone_bidx.in_(keys))).all())
    latest = session.scalar(
        select(Consent.granted)
        .where(Consent.phone_bidx.in_(keys))
        .order_by(Consent.recorded_at.desc(), Consent.id.desc())
        .limit(1)
    )
    return PhoneFlags(cease="cease" in reasons, dnc="dnc" in reasons, consent=latest)
