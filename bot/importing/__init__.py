"""Import agency files (CSV, XLSX) into typed records; write rejects and synthetic files.

Default columns (headers match case-insensitively; spaces and hyphens count as ``_``;
``--mapping map.yml`` maps other headers onto these, see :mod:`bot.importing.columns`):

=================  ========  =============================================================
column             required  content (an empty cell takes the default)
=================  ========  =============================================================
external_id        yes       the agency's account id, <= 64 characters
full_name          yes       <= 200 characters
phone              yes       national (read with the region's country) or ``+``
                             international; must be a valid number; stored as E.164
creditor           yes       who the debt is owed to
amount_due         yes       > 0, <= 2 decimals: ``1234.5``, ``1,234.50``, ``¥1234``,
                             ``$1,234``, ``1234元``, ``RMB 1234``; never negative/NaN
due_date           yes       ``2026-11-30``, ``2026/11/30``, ``20261130``, ``2026年11月30日``,
                             ``30/11/2026``, ``11/30/2026``. Day and month both <= 12 and
                             different (``03/04/2026``): ``date_order`` of the mapping, or
                             the row is rejected as ambiguous (never guessed)
account_ref        no        default: external_id
minimum_due        no        0..amount_due; default: amount_due
currency           no        ISO 4217; default: the amount's symbol, else CN → CNY, US → USD
region             no        ``CN``, ``CN-GD``, ``广东省``, ``US``, ``US-MA``,
                             ``Massachusetts``; default: the phone's country
locale             no        zh | en (``zh-CN``, ``中文`` ...); default: CN → zh, else en
timezone           no        IANA name; default: CN → Asia/Shanghai; US state → its zone
                             (in states with two, the area code's if it is one of them:
                             El Paso, TX → America/Denver); bare ``US`` → the state of
                             the phone's area code; else the phone's zone if it has one
profile            no        compliance profile; default: US-MA → us-ma (also a bare
                             ``US`` row with a Massachusetts area code), US → us-regf,
                             CN → cn (other countries need the column)
consent            no        yes/no (``true``, ``1``, ``Y``, ``是``, ``否`` ...); default **no**
dnc                no        yes/no; default no
repayment_history  no        0..1 or ``92%``; default 0.5
days_overdue       no        whole number; default 0
credit_type        no        credit_card, personal_loan, mortgage, auto_loan,
                             consumer_finance, utility, medical (or 信用卡, 房贷 ...);
                             default other
partner            no        partner grade A | B | C; default other
overdue_count      no        times overdue in 24 months; default 0
debt_to_income     no        ratio or percent; default 0.35
industry           no        e.g. retail, 制造业; default other
region_economy     no        strong | average | weak (强, 一般, 弱); default average
unemployed         no        yes/no; default no
illness            no        yes/no; default no
legal_dispute      no        yes/no; default no
=================  ========  =============================================================

Every data row comes back exactly once, as a :class:`DebtorRecord` or a :class:`RowError`
with its physical line (header = line 1; a multi-line quoted record counts from the line it
starts on; XLSX: the sheet row). Rows with the wrong number of cells or undecodable bytes
are errors, never imported half-read; so is a second row with the same ``external_id``.
A header without a required column yields a first ``RowError`` at the header's line and
then one ``RowError`` per row naming the column.

Encoding detection and the delimiter rule are in :mod:`bot.importing.sources`.
"""

from __future__ import annotations

from bot.importing.columns import ALL_COLUMNS, REQUIRED, ColumnMapping, load_mapping
from bot.importing.reader import read_rows
from bot.importing.records import DebtorRecord, Locale, RowError
from bot.importing.rejects import write_rejects
from bot.importing.sources import detect_encoding
from bot.importing.synth import SYNTH_AS_OF, write_synthetic

__all__ = [
    "ALL_COLUMNS",
    "REQUIRED",
    "SYNTH_AS_OF",
    "ColumnMapping",
    "DebtorRecord",
    "Locale",
    "RowError",
    "detect_encoding",
    "load_mapping",
    "read_rows",
    "write_rejects",
    "write_synthetic",
]
