"""Turn one row's cells into a :class:`DebtorRecord`, or list every problem it has."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

import phonenumbers
from phonenumbers import timezone as phone_timezone

from bot.compliance.clock import place_zone_names
from bot.importing import fields
from bot.importing.columns import DateOrder
from bot.importing.fields import FieldError, show
from bot.importing.records import DebtorRecord, Locale
from bot.importing.regions import (
    PROVINCE_BY_CODE,
    STATE_BY_CODE,
    State,
    country_of,
    parse_region,
    state_for_number,
)
from bot.tiering import REGION_ECONOMIES, TieringFeatures

T = TypeVar("T")

# Values an empty or absent tiering column takes: neutral, so missing data neither helps
# nor hurts an account much. The tier explanation shows the value used.
FEATURE_DEFAULTS: Mapping[str, str] = {
    "repayment_history": "0.5",
    "days_overdue": "0",
    "credit_type": "other",
    "partner": "other",
    "overdue_count": "0",
    "debt_to_income": "0.35",
    "industry": "other",
    "region_economy": "average",
    "unemployed": "false",
    "illness": "false",
    "legal_dispute": "false",
}

CREDIT_TYPES_ZH = {
    "信用卡": "credit_card",
    "个人贷款": "personal_loan",
    "个贷": "personal_loan",
    "房贷": "mortgage",
    "住房贷款": "mortgage",
    "车贷": "auto_loan",
    "汽车贷款": "auto_loan",
    "消费金融": "consumer_finance",
    "消费贷": "consumer_finance",
    "公用事业": "utility",
    "水电费": "utility",
    "医疗": "medical",
}
INDUSTRIES_ZH = {
    "政府": "government",
    "机关事业单位": "government",
    "教育": "education",
    "医疗": "healthcare",
    "金融": "finance",
    "信息技术": "technology",
    "互联网": "technology",
    "制造业": "manufacturing",
    "交通运输": "transport",
    "物流": "transport",
    "零售": "retail",
    "批发零售": "retail",
    "农业": "agriculture",
    "建筑": "construction",
    "建筑业": "construction",
    "餐饮": "hospitality",
    "住宿餐饮": "hospitality",
}
ECONOMIES_ZH = {"强": "strong", "较强": "strong", "一般": "average", "中": "average", "弱": "weak"}
_PROFILE = re.compile(r"[a-z0-9][a-z0-9-]{0,31}")
_CURRENCY = re.compile(r"[A-Z]{3}")
_CURRENCY_NAMES = {"RMB": "CNY", "人民币": "CNY", "元": "CNY", "美元": "USD", "$": "USD"}
_COUNTRY_CURRENCY = {"CN": "CNY", "US": "USD"}


@dataclass(slots=True)
class _Row:
    """Cells of one row by our column name, and the problems found so far."""

    cells: Mapping[str, str]
    labels: Mapping[str, str]
    problems: list[tuple[str, str]]

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    def fail(self, column: str, message: str) -> None:
        self.problems.append((self.labels.get(column, column), message))

    def parse(
        self, column: str, parser: Callable[[str], T], default: str | None = None
    ) -> T | None:
        value = self.get(column) or default
        if value is None:
            self.fail(column, "is required but empty")
            return None
        try:
            return parser(value)
        except FieldError as exc:
            self.fail(column, str(exc))
            return None


def validate(
    cells: Mapping[str, str], labels: Mapping[str, str], order: DateOrder | None
) -> DebtorRecord | list[tuple[str, str]]:
    """Validate one row.

    Args:
        cells: Our column name → cell text (mapping defaults already applied).
        labels: Our column name → the header in the agency's file, for messages.
        order: The mapping's ``date_order``.

    Returns:
        The record, or every ``(header, problem)`` of the row in the order checked.
    """
    row = _Row(cells, labels, [])
    external_id = row.parse("external_id", lambda s: fields.text_value(s, 64))
    full_name = row.parse("full_name", lambda s: fields.text_value(s, 200))
    creditor = row.parse("creditor", lambda s: fields.text_value(s, 200))
    account_ref = row.parse("account_ref", lambda s: fields.text_value(s, 64), external_id or "-")

    region = row.parse("region", _region) if row.get("region") else None
    country = country_of(region) if region else None
    bad_region = region is None and bool(row.get("region"))
    number = None
    # A national number cannot be read without its region, whose own error explains the row.
    if not bad_region or fields.clean(row.get("phone")).startswith("+"):
        number = row.parse("phone", lambda s: fields.phone(s, country))
    if number is not None and region is None:
        region = phonenumbers.region_code_for_number(number)
        country = region
    phone_e164 = (
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number else None
    )
    state = _state(region, number)
    timezone = _timezone(row, region, state, number) if region else None
    profile = _profile(row, region, state) if region else None
    locale = row.parse("locale", _locale, "zh" if country == "CN" else "en")

    amount_due = row.parse("amount_due", fields.amount)
    minimum_due = row.parse("minimum_due", fields.amount) if row.get("minimum_due") else amount_due
    currency = _currency(row, country, amount_due, minimum_due)
    if amount_due is not None and amount_due[0] <= 0:
        row.fail("amount_due", f"{show(row.get('amount_due'))} must be greater than 0")
    if amount_due and minimum_due and minimum_due[0] > amount_due[0]:
        row.fail("minimum_due", f"{minimum_due[0]} is more than amount_due {amount_due[0]}")
    due = row.parse("due_date", lambda s: fields.due_date(s, order))
    consent = row.parse("consent", fields.boolean, "false")
    dnc = row.parse("dnc", fields.boolean, "false")
    features = _features(row)

    if row.problems:
        return row.problems
    assert external_id and full_name and creditor and account_ref and phone_e164
    assert region and timezone and profile and locale and currency and features
    assert amount_due and minimum_due and due and consent is not None and dnc is not None
    return DebtorRecord(
        external_id=external_id,
        full_name=full_name,
        phone_e164=phone_e164,
        locale=locale,
        timezone=timezone,
        region=region,
        profile=profile,
        creditor_name=creditor,
        account_ref=account_ref,
        amount_due=amount_due[0],
        minimum_due=minimum_due[0],
        currency=currency,
        due_date=due,
        consent=consent,
        dnc=dnc,
        features=features,
    )


def _region(text: str) -> str:
    try:
        return parse_region(text)
    except ValueError as exc:
        raise FieldError(f"{show(text)} {exc}") from None


def _locale(text: str) -> Locale:
    value = fields.clean(text).lower()
    if value.startswith("zh") or value in ("中文", "普通话", "cn"):
        return "zh"
    if value.startswith("en") or value == "英文":
        return "en"
    raise FieldError(f"{show(text)} is not a supported locale (zh or en)")


def _state(region: str | None, number: phonenumbers.PhoneNumber | None) -> State | None:
    """The row's US state; for a bare ``US`` the phone's area code stands in for it."""
    if region in STATE_BY_CODE:
        return STATE_BY_CODE[region]
    if region == "US" and number is not None:
        return state_for_number(number)
    return None


def _phone_zones(number: phonenumbers.PhoneNumber | None) -> list[str]:
    if number is None:
        return []
    return [z for z in phone_timezone.time_zones_for_number(number) if z in place_zone_names()]


def _timezone(
    row: _Row, region: str, state: State | None, number: phonenumbers.PhoneNumber | None
) -> str | None:
    given = row.get("timezone")
    if given:
        if given not in place_zone_names():
            row.fail("timezone", f"{show(given)} is not an IANA time zone (e.g. Asia/Shanghai)")
            return None
        return given
    zones = _phone_zones(number)
    if state is not None:
        # States spanning two zones: the area code picks one of the state's own zones
        # (El Paso, TX is Mountain); a number from elsewhere never moves the person.
        if len(zones) == 1 and zones[0] in state.other_zones:
            return zones[0]
        return state.timezone
    if region == "CN" or region in PROVINCE_BY_CODE:
        return "Asia/Shanghai"
    if len(zones) == 1:
        return zones[0]
    if number is not None:  # without a phone the phone's own error already explains the row
        row.fail(
            "timezone",
            f"cannot be derived for region {region} and this phone number: "
            "give a timezone or a state (e.g. US-MA)",
        )
    return None


def _profile(row: _Row, region: str, state: State | None) -> str | None:
    given = fields.clean(row.get("profile")).lower()
    if given:
        if not _PROFILE.fullmatch(given):
            row.fail("profile", f"{show(given)} is not a profile name (e.g. cn, us-regf)")
            return None
        return given
    if state is not None and state.code == "US-MA":
        return "us-ma"
    country = country_of(region)
    if country == "US":
        return "us-regf"
    if country == "CN":
        return "cn"
    row.fail("profile", f"no compliance profile is known for region {region}: give a profile")
    return None


def _currency(
    row: _Row,
    country: str | None,
    amount_due: tuple[Decimal, str | None] | None,
    minimum_due: tuple[Decimal, str | None] | None,
) -> str | None:
    given = fields.clean(row.get("currency")).upper()
    given = _CURRENCY_NAMES.get(given, given)
    if given and not _CURRENCY.fullmatch(given):
        row.fail("currency", f"{show(row.get('currency'))} is not a currency code (e.g. CNY, USD)")
        return None
    currency = given or None
    for column, parsed in (("amount_due", amount_due), ("minimum_due", minimum_due)):
        symbol = parsed[1] if parsed else None
        if symbol is None:
            continue
        if currency is None:
            currency = symbol
        elif symbol != currency:
            row.fail(
                column, f"{show(row.get(column))} is in {symbol} but the currency is {currency}"
            )
            return None
    currency = currency or _COUNTRY_CURRENCY.get(country or "")
    if currency is None and country is not None:
        row.fail("currency", f"is required for region {country} (e.g. EUR)")
    return currency


def _features(row: _Row) -> TieringFeatures | None:
    def value(column: str, parser: Callable[[str], T]) -> T | None:
        return row.parse(column, parser, FEATURE_DEFAULTS[column])

    history = value("repayment_history", lambda s: fields.ratio(s, 1.0))
    days = value("days_overdue", lambda s: fields.whole(s, 36500))
    credit_type = value("credit_type", lambda s: fields.token(s, CREDIT_TYPES_ZH))
    partner = value("partner", lambda s: fields.token(s, {}).upper())
    count = value("overdue_count", lambda s: fields.whole(s, 1000))
    dti = value("debt_to_income", lambda s: fields.ratio(s, 100.0))
    industry = value("industry", lambda s: fields.token(s, INDUSTRIES_ZH))
    economy = value("region_economy", _economy)
    unemployed = value("unemployed", fields.boolean)
    illness = value("illness", fields.boolean)
    legal = value("legal_dispute", fields.boolean)
    if (
        history is None
        or days is None
        or credit_type is None
        or partner is None
        or count is None
        or dti is None
        or industry is None
        or economy is None
        or unemployed is None
        or illness is None
        or legal is None
    ):
        return None
    return TieringFeatures(
        repayment_history=history,
        days_overdue=days,
        credit_type=credit_type,
        partner="other" if partner == "OTHER" else partner,
        overdue_count=count,
        debt_to_income=dti,
        industry=industry,
        region_economy=economy,
        unemployed=unemployed,
        illness=illness,
        legal_dispute=legal,
    )


def _economy(text: str) -> str:
    value = fields.clean(text)
    value = ECONOMIES_ZH.get(value, value.lower())
    if value not in REGION_ECONOMIES:
        raise FieldError(f"{show(text)} is not one of strong, average, weak")
    return value
