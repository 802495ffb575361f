"""A realistic synthetic agency file, deterministic by seed.

Each person gets a hidden "standing" (a normal variate); repayment history, days and
times overdue, debt-to-income, partner grade and hardship signs all lean on it with their
own noise, so the features correlate the way real books do and the packaged tiering model
yields its calibrated mix (≈ 15 % tiers 1–2, 45 % tier 3, 40 % tiers 4–5).

zh files have Chinese names, +86 mobile numbers, Chinese province names, Chinese industry
and credit-type labels and RMB; en files have US names, 555-01xx numbers in real area
codes, ISO state codes (Massachusetts included) and USD. Both use our default headers.
"""

from __future__ import annotations

import csv
import math
import random
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Literal

import phonenumbers

from bot.errors import DataFileError
from bot.importing.columns import ALL_COLUMNS
from bot.importing.regions import PROVINCES
from bot.importing.synth_data import (
    EN_CREDITOR_TYPES,
    EN_CREDITORS,
    EN_FIRST,
    EN_LAST,
    INDUSTRIES,
    US_STATES,
    ZH_CREDITOR_TYPES,
    ZH_CREDITORS,
    ZH_GIVEN,
    ZH_MOBILE_PREFIXES,
    ZH_SURNAMES,
)
from bot.importing.validate import CREDIT_TYPES_ZH

SYNTH_AS_OF = date(2026, 12, 1)
COLUMNS: tuple[str, ...] = tuple(c for c in ALL_COLUMNS if c not in ("timezone", "profile"))
_CREDIT_TYPE_LABEL_ZH = {value: key for key, value in reversed(CREDIT_TYPES_ZH.items())}


def write_synthetic(
    path: Path,
    n: int,
    locale: Literal["zh", "en"],
    seed: int = 0,
    *,
    as_of: date = SYNTH_AS_OF,
) -> None:
    """Write ``n`` synthetic debtors to ``path`` (XLSX if it ends in ``.xlsx``, else CSV).

    Args:
        path: The file to write; CSV is UTF-8 with a byte-order mark (Excel-friendly).
        n: Number of data rows.
        locale: ``zh`` (mainland China) or ``en`` (United States).
        seed: Same seed, same file.
        as_of: The day the file describes; due dates are ``as_of − days_overdue``.

    Raises:
        DataFileError: The file cannot be written.
        ValueError: ``n`` is negative or ``locale`` unknown.
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    if locale not in ("zh", "en"):
        raise ValueError(f"locale must be zh or en, got {locale!r}")
    rng = random.Random(f"kindcall-synth-{locale}-{seed}")
    rows = (_row(rng, locale, seed, i, as_of) for i in range(1, n + 1))
    try:
        if path.suffix.lower() == ".xlsx":
            _write_xlsx(path, rows)
        else:
            with path.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(COLUMNS)
                writer.writerows(rows)
    except OSError as exc:
        raise DataFileError(str(path), None, f"cannot write the synthetic file: {exc}") from exc


def _write_xlsx(path: Path, rows: Iterable[list[str]]) -> None:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("debtors")
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def _row(rng: random.Random, locale: str, seed: int, i: int, as_of: date) -> list[str]:
    zh = locale == "zh"
    standing = rng.gauss(0.0, 1.0)

    def noisy(scale: float) -> float:
        return standing + rng.gauss(0.0, scale)

    history = min(1.0, max(0.0, 0.78 + 0.16 * noisy(0.6)))
    if noisy(0.8) > 1.3:  # paid up to date: the next due date lies ahead
        days = 0
    else:
        mean_days = 55 * math.exp(-0.7 * noisy(0.7))
        days = min(720, 1 + int(rng.expovariate(1 / mean_days)))
    count = min(30, int(rng.expovariate(1 / (2.2 * math.exp(-0.6 * noisy(0.7))))))
    dti = min(3.0, math.exp(rng.gauss(math.log(0.38) - 0.18 * standing, 0.35)))
    partner_draw = noisy(1.0)
    partner = "A" if partner_draw > 0.9 else "B" if partner_draw > -0.6 else "C"
    hardship = 1 / (1 + math.exp(2.2 + 0.9 * standing))  # ≈ 12 % on average
    unemployed = rng.random() < hardship * 0.6
    illness = rng.random() < hardship * 0.45
    legal = rng.random() < hardship * 0.3
    industry = rng.choices(list(INDUSTRIES), [w for w, _ in INDUSTRIES.values()])[0]

    if zh:
        name = rng.choice(ZH_SURNAMES) + "".join(
            rng.choice(ZH_GIVEN) for _ in range(rng.choice((1, 2, 2)))
        )
        province = rng.choices(PROVINCES, [p.weight for p in PROVINCES])[0]
        region, economy = province.name_zh + _province_suffix(province.code), province.economy
        phone = _zh_mobile(rng)
        creditor = rng.choice(ZH_CREDITORS)
        credit_type = rng.choice(ZH_CREDITOR_TYPES[creditor])
        amount = _money(rng, 8.7, 200)
        minimum = max(Decimal(100), (amount * Decimal("0.1")).quantize(Decimal("0.01")))
        currency, id_prefix = "CNY", "CN"
        credit_label = _CREDIT_TYPE_LABEL_ZH.get(credit_type, credit_type)
        industry_label = INDUSTRIES[industry][1]
    else:
        name = f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"
        region = rng.choices(list(US_STATES), [w for w, _, _ in US_STATES.values()])[0]
        economy = US_STATES[region][1]
        phone = _us_phone(rng, US_STATES[region][2])
        creditor = rng.choice(EN_CREDITORS)
        credit_type = rng.choice(EN_CREDITOR_TYPES[creditor])
        amount = _money(rng, 7.6, 50)
        minimum = max(Decimal(25), (amount * Decimal("0.05")).quantize(Decimal("0.01")))
        currency, id_prefix = "USD", "US"
        credit_label, industry_label = credit_type, industry
    if rng.random() < 0.15:  # economies are uneven inside a region too
        economy = rng.choice(("strong", "average", "weak"))
    due = as_of - timedelta(days=days) if days else as_of + timedelta(days=rng.randint(1, 20))
    values = {
        "external_id": f"{id_prefix}-{seed}-{i:06d}",
        "full_name": name,
        "phone": phone,
        "creditor": creditor,
        "amount_due": str(amount),
        "due_date": due.isoformat(),
        "account_ref": str(rng.randrange(10**11, 10**12)),
        "minimum_due": str(min(minimum, amount)),
        "currency": currency,
        "region": region,
        "locale": locale,
        "consent": "false" if rng.random() < 0.03 else "true",
        "dnc": "true" if rng.random() < 0.02 else "false",
        "repayment_history": f"{history:.2f}",
        "days_overdue": str(days),
        "credit_type": credit_label,
        "partner": partner,
        "overdue_count": str(count),
        "debt_to_income": f"{dti:.2f}",
        "industry": industry_label,
        "region_economy": economy,
        "unemployed": _flag(unemployed),
        "illness": _flag(illness),
        "legal_dispute": _flag(legal),
    }
    return [values[column] for column in COLUMNS]


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _province_suffix(code: str) -> str:
    if code in ("CN-BJ", "CN-TJ", "CN-SH", "CN-CQ"):
        return "市"
    if code in ("CN-NM", "CN-GX", "CN-XZ", "CN-NX", "CN-XJ"):
        return ""
    return "省"


def _money(rng: random.Random, log_mean: float, floor: int) -> Decimal:
    value = max(floor, min(500_000.0, math.exp(rng.gauss(log_mean, 0.9))))
    return Decimal(f"{value:.2f}")


def _zh_mobile(rng: random.Random) -> str:
    while True:
        digits = rng.choice(ZH_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        if phonenumbers.is_valid_number(phonenumbers.parse(digits, "CN")):
            spaced = rng.random() < 0.4
            return f"{digits[:3]} {digits[3:7]} {digits[7:]}" if spaced else digits


def _us_phone(rng: random.Random, area_codes: tuple[str, ...]) -> str:
    while True:
        area = rng.choice(area_codes)
        text = f"({area}) 555-01{rng.randrange(100):02d}"
        if phonenumbers.is_valid_number(phonenumbers.parse(text, "US")):
            return text
