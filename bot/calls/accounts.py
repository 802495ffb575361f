"""What a call needs to know about the account it is for, read once before dialling."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from bot.storage.crypto import Vault
from bot.storage.debtors import contact_phone, debtor_name
from bot.storage.models import Account, CallAttempt, Contact, Debtor


@dataclass(frozen=True, slots=True)
class CallAccount:
    """The person and debt behind one call attempt (decrypted for the call only)."""

    attempt_id: int
    debtor_id: int
    contact_id: int
    debtor_name: str
    phone_e164: str
    locale: str
    tier: int
    soft_handling: bool
    creditor_name: str
    amount_due: Decimal
    minimum_due: Decimal
    currency: str
    due_date: date


def load_call_account(session: Session, vault: Vault, attempt_id: int) -> CallAccount:
    """Read the account behind ``attempt_id``.

    Raises:
        LookupError: When the attempt or its rows do not exist.
    """
    attempt = session.get(CallAttempt, attempt_id)
    if attempt is None:
        raise LookupError(f"no call attempt {attempt_id}")
    account = session.get_one(Account, attempt.account_id)
    debtor = session.get_one(Debtor, account.debtor_id)
    contact = session.get_one(Contact, attempt.contact_id)
    return CallAccount(
        attempt_id=attempt_id,
        debtor_id=debtor.id,
        contact_id=contact.id,
        debtor_name=debtor_name(vault, debtor),
        phone_e164=contact_phone(vault, contact),
        locale=debtor.locale,
        tier=attempt.tier,
        soft_handling=account.soft_handling,
        creditor_name=account.creditor_name,
        amount_due=account.amount_due,
        minimum_due=account.minimum_due,
        currency=account.currency,
        due_date=account.due_date,
    )
