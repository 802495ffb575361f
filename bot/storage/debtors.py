"""Debtors, contacts, accounts and tier assessments: idempotent upsert and look-ups.

Works on any object shaped like the importer's ``DebtorRecord`` and the tiering's
``TierAssessment`` (see the Protocols below), so storage does not depend on those packages.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Literal, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage.crypto import Vault
from bot.storage.models import Account, Contact, Debtor, TierAssessmentRow
from bot.storage.types import utcnow

UpsertStatus = Literal["created", "updated", "unchanged"]
DEFAULT_AGENCY = "default"


class DebtorRecordLike(Protocol):
    """One validated import row (the importer's ``DebtorRecord``)."""

    @property
    def external_id(self) -> str: ...  # noqa: D102
    @property
    def full_name(self) -> str: ...  # noqa: D102
    @property
    def phone_e164(self) -> str: ...  # noqa: D102
    @property
    def locale(self) -> str: ...  # noqa: D102
    @property
    def timezone(self) -> str: ...  # noqa: D102
    @property
    def region(self) -> str: ...  # noqa: D102
    @property
    def profile(self) -> str: ...  # noqa: D102
    @property
    def creditor_name(self) -> str: ...  # noqa: D102
    @property
    def account_ref(self) -> str: ...  # noqa: D102
    @property
    def amount_due(self) -> Decimal: ...  # noqa: D102
    @property
    def minimum_due(self) -> Decimal: ...  # noqa: D102
    @property
    def currency(self) -> str: ...  # noqa: D102
    @property
    def due_date(self) -> date: ...  # noqa: D102
    @property
    def consent(self) -> bool: ...  # noqa: D102
    @property
    def dnc(self) -> bool: ...  # noqa: D102


class AssessmentLike(Protocol):
    """A tier assessment (the tiering's ``TierAssessment``)."""

    @property
    def tier(self) -> int: ...  # noqa: D102
    @property
    def value(self) -> float: ...  # noqa: D102
    @property
    def risk(self) -> float: ...  # noqa: D102
    @property
    def need(self) -> float: ...  # noqa: D102
    @property
    def soft_handling(self) -> bool: ...  # noqa: D102
    @property
    def explanation(self) -> Sequence[str]: ...  # noqa: D102


def _assign(row: object, values: dict[str, object]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def _upsert_debtor(
    session: Session, vault: Vault, record: DebtorRecordLike, agency: str
) -> tuple[Debtor, bool, bool]:
    debtor = session.scalar(
        select(Debtor).where(Debtor.agency == agency, Debtor.external_id == record.external_id)
    )
    fields: dict[str, object] = {
        "locale": record.locale,
        "timezone": record.timezone,
        "region": record.region,
        "profile": record.profile,
        "consent": record.consent,
        "dnc": record.dnc,
    }
    if debtor is None:
        debtor = Debtor(
            agency=agency,
            external_id=record.external_id,
            name_enc=vault.encrypt("name", record.full_name),
            **fields,
        )
        session.add(debtor)
        session.flush()
        return debtor, True, True
    changed = _assign(debtor, fields)
    if vault.decrypt("name", debtor.name_enc) != record.full_name:
        debtor.name_enc = vault.encrypt("name", record.full_name)
        changed = True
    return debtor, False, changed


def _upsert_contact(session: Session, vault: Vault, debtor: Debtor, phone: str) -> bool:
    bidx = vault.blind_index(phone)
    contacts = session.scalars(select(Contact).where(Contact.debtor_id == debtor.id)).all()
    current = next((c for c in contacts if c.phone_bidx == bidx), None)
    if current is not None and current.is_primary:
        return False
    for other in contacts:
        other.is_primary = False
    if current is None:
        session.add(
            Contact(
                debtor_id=debtor.id,
                phone_enc=vault.encrypt("phone", phone),
                phone_bidx=bidx,
                is_primary=True,
            )
        )
    else:
        current.is_primary = True
    return True


def _upsert_account(
    session: Session, debtor: Debtor, record: DebtorRecordLike, assessment: AssessmentLike
) -> tuple[Account, bool]:
    account = session.scalar(
        select(Account).where(
            Account.debtor_id == debtor.id, Account.account_ref == record.account_ref
        )
    )
    fields: dict[str, object] = {
        "creditor_name": record.creditor_name,
        "amount_due": record.amount_due,
        "minimum_due": record.minimum_due,
        "currency": record.currency,
        "due_date": record.due_date,
        "tier": assessment.tier,
        "soft_handling": assessment.soft_handling,
    }
    if account is None:
        account = Account(debtor_id=debtor.id, account_ref=record.account_ref, **fields)
        session.add(account)
        session.flush()
        return account, True
    changed = _assign(account, fields)
    if changed:
        account.updated_at = utcnow()
    return account, changed


def _upsert_assessment(session: Session, account: Account, assessment: AssessmentLike) -> bool:
    row = session.scalar(
        select(TierAssessmentRow).where(TierAssessmentRow.account_id == account.id)
    )
    fields: dict[str, object] = {
        "tier": assessment.tier,
        "value": float(assessment.value),
        "risk": float(assessment.risk),
        "need": float(assessment.need),
        "soft_handling": assessment.soft_handling,
        "explanation": list(assessment.explanation),
    }
    if row is None:
        session.add(TierAssessmentRow(account_id=account.id, **fields))
        return True
    changed = _assign(row, fields)
    if changed:
        row.assessed_at = utcnow()
    return changed


def upsert_record(
    session: Session,
    vault: Vault,
    record: DebtorRecordLike,
    assessment: AssessmentLike,
    *,
    agency: str = DEFAULT_AGENCY,
) -> UpsertStatus:
    """Create or update one debtor with its phone, account and tier assessment.

    Keyed on ``(agency, external_id)`` for the debtor and ``account_ref`` for the account,
    so importing the same file twice changes nothing the second time.

    Returns:
        ``created``, ``updated`` or ``unchanged``.
    """
    debtor, created, changed = _upsert_debtor(session, vault, record, agency)
    changed |= _upsert_contact(session, vault, debtor, record.phone_e164)
    account, account_changed = _upsert_account(session, debtor, record, assessment)
    changed |= account_changed
    changed |= _upsert_assessment(session, account, assessment)
    if created:
        return "created"
    if changed:
        debtor.updated_at = utcnow()
        return "updated"
    return "unchanged"


def find_debtors_by_phone(session: Session, vault: Vault, phone_e164: str) -> list[Debtor]:
    """Every debtor with this phone number, found through the blind index."""
    bidx = vault.blind_index(phone_e164)
    return list(
        session.scalars(
            select(Debtor).join(Contact).where(Contact.phone_bidx == bidx).distinct()
        ).all()
    )


def debtor_name(vault: Vault, debtor: Debtor) -> str:
    """The decrypted full name of a debtor."""
    return vault.decrypt("name", debtor.name_enc)


def contact_phone(vault: Vault, contact: Contact) -> str:
    """The decrypted E.164 phone number of a contact."""
    return vault.decrypt("phone", contact.phone_enc)
