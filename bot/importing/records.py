"""What the importer produces for each data row: a record or an error."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from bot.tiering import TieringFeatures

Locale = Literal["zh", "en"]


@dataclass(frozen=True, slots=True)
class DebtorRecord:
    """One valid row: a person, their contact, one account and its tiering inputs.

    Attributes:
        external_id: The agency's id for the account; re-imports upsert on it.
        full_name: As written in the file (trimmed).
        phone_e164: The phone number in E.164 (``+8613812345678``).
        locale: The language to call in.
        timezone: IANA time zone of the person (``Asia/Shanghai``).
        region: ISO code: ``CN``, ``CN-GD``, ``US``, ``US-MA``, ...
        profile: Compliance profile name (``cn``, ``us-regf``, ``us-ma``, ...).
        creditor_name: Who the debt is owed to.
        account_ref: The creditor's account reference (``external_id`` if not given).
        amount_due: Outstanding amount, > 0, two decimals.
        minimum_due: Minimum payment, 0 <= minimum_due <= amount_due.
        currency: ISO 4217 code.
        due_date: The (oldest unpaid) due date.
        consent: The person consented to automated calls (false unless the file says so).
        dnc: The person is on a do-not-call list.
        features: Inputs of the tiering model.
    """

    external_id: str
    full_name: str
    phone_e164: str
    locale: Locale
    timezone: str
    region: str
    profile: str
    creditor_name: str
    account_ref: str
    amount_due: Decimal
    minimum_due: Decimal
    currency: str
    due_date: date
    consent: bool
    dnc: bool
    features: TieringFeatures


@dataclass(frozen=True, slots=True)
class RowError:
    """A row that could not be imported.

    Attributes:
        line: Physical line of the row's start (header = line 1; XLSX: the sheet row).
            ``line`` equal to the header's line means the error is about the header.
        column: The file's header of the first bad cell, or ``None`` for row-level faults
            (undecodable bytes, wrong number of cells).
        message: Every problem of the row, ``column: problem`` joined by ``"; "``.
        raw: The row as read, header → cell (extra cells as ``extra_1``, ...).
    """

    line: int
    column: str | None
    message: str
    raw: dict[str, str]
