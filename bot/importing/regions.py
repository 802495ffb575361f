"""Regions KindCall knows by name: Chinese provinces and US states, with their time zones.

Region codes follow ISO 3166-2 (``CN-GD``, ``US-MA``); a bare ISO 3166-1 country code
(``CN``, ``US``, ``GB``) is a region too. The tables are used to read the ``region`` column,
derive time zones and compliance profiles, and by the synthetic population.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import phonenumbers


@dataclass(frozen=True, slots=True)
class Province:
    """A province-level division of mainland China."""

    code: str
    name_zh: str
    name_en: str
    economy: str  # "strong" | "average" | "weak": used by the synthetic population
    weight: int  # population in millions, rounded: used by the synthetic population


@dataclass(frozen=True, slots=True)
class State:
    """A US state (or DC): the time zone most of its people live in, and any others."""

    code: str
    name: str
    timezone: str
    other_zones: tuple[str, ...] = ()


PROVINCES: tuple[Province, ...] = (
    Province("CN-BJ", "北京", "Beijing", "strong", 22),
    Province("CN-TJ", "天津", "Tianjin", "strong", 14),
    Province("CN-HE", "河北", "Hebei", "average", 74),
    Province("CN-SX", "山西", "Shanxi", "weak", 35),
    Province("CN-NM", "内蒙古", "Inner Mongolia", "average", 24),
    Province("CN-LN", "辽宁", "Liaoning", "average", 42),
    Province("CN-JL", "吉林", "Jilin", "weak", 24),
    Province("CN-HL", "黑龙江", "Heilongjiang", "weak", 31),
    Province("CN-SH", "上海", "Shanghai", "strong", 25),
    Province("CN-JS", "江苏", "Jiangsu", "strong", 85),
    Province("CN-ZJ", "浙江", "Zhejiang", "strong", 66),
    Province("CN-AH", "安徽", "Anhui", "average", 61),
    Province("CN-FJ", "福建", "Fujian", "strong", 42),
    Province("CN-JX", "江西", "Jiangxi", "average", 45),
    Province("CN-SD", "山东", "Shandong", "average", 101),
    Province("CN-HA", "河南", "Henan", "average", 99),
    Province("CN-HB", "湖北", "Hubei", "average", 58),
    Province("CN-HN", "湖南", "Hunan", "average", 66),
    Province("CN-GD", "广东", "Guangdong", "strong", 127),
    Province("CN-GX", "广西", "Guangxi", "weak", 50),
    Province("CN-HI", "海南", "Hainan", "average", 10),
    Province("CN-CQ", "重庆", "Chongqing", "average", 32),
    Province("CN-SC", "四川", "Sichuan", "average", 84),
    Province("CN-GZ", "贵州", "Guizhou", "weak", 39),
    Province("CN-YN", "云南", "Yunnan", "weak", 47),
    Province("CN-XZ", "西藏", "Tibet", "weak", 4),
    Province("CN-SN", "陕西", "Shaanxi", "average", 40),
    Province("CN-GS", "甘肃", "Gansu", "weak", 25),
    Province("CN-QH", "青海", "Qinghai", "weak", 6),
    Province("CN-NX", "宁夏", "Ningxia", "weak", 7),
    Province("CN-XJ", "新疆", "Xinjiang", "weak", 26),
)

_E, _C, _M, _P = "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"
STATES: tuple[State, ...] = (
    State("US-AL", "Alabama", _C),
    State("US-AK", "Alaska", "America/Anchorage", ("America/Adak",)),
    State("US-AZ", "Arizona", "America/Phoenix", ("America/Denver",)),
    State("US-AR", "Arkansas", _C),
    State("US-CA", "California", _P),
    State("US-CO", "Colorado", _M),
    State("US-CT", "Connecticut", _E),
    State("US-DE", "Delaware", _E),
    State("US-DC", "District of Columbia", _E),
    State("US-FL", "Florida", _E, (_C,)),
    State("US-GA", "Georgia", _E),
    State("US-HI", "Hawaii", "Pacific/Honolulu"),
    State("US-ID", "Idaho", "America/Boise", (_P,)),
    State("US-IL", "Illinois", _C),
    State("US-IN", "Indiana", "America/Indiana/Indianapolis", (_C,)),
    State("US-IA", "Iowa", _C),
    State("US-KS", "Kansas", _C, (_M,)),
    State("US-KY", "Kentucky", _E, (_C,)),
    State("US-LA", "Louisiana", _C),
    State("US-ME", "Maine", _E),
    State("US-MD", "Maryland", _E),
    State("US-MA", "Massachusetts", _E),
    State("US-MI", "Michigan", "America/Detroit", ("America/Menominee",)),
    State("US-MN", "Minnesota", _C),
    State("US-MS", "Mississippi", _C),
    State("US-MO", "Missouri", _C),
    State("US-MT", "Montana", _M),
    State("US-NE", "Nebraska", _C, (_M,)),
    State("US-NV", "Nevada", _P),
    State("US-NH", "New Hampshire", _E),
    State("US-NJ", "New Jersey", _E),
    State("US-NM", "New Mexico", _M),
    State("US-NY", "New York", _E),
    State("US-NC", "North Carolina", _E),
    State("US-ND", "North Dakota", _C, (_M,)),
    State("US-OH", "Ohio", _E),
    State("US-OK", "Oklahoma", _C),
    State("US-OR", "Oregon", _P, ("America/Boise",)),
    State("US-PA", "Pennsylvania", _E),
    State("US-RI", "Rhode Island", _E),
    State("US-SC", "South Carolina", _E),
    State("US-SD", "South Dakota", _C, (_M,)),
    State("US-TN", "Tennessee", _C, (_E,)),
    State("US-TX", "Texas", _C, (_M,)),
    State("US-UT", "Utah", _M),
    State("US-VT", "Vermont", _E),
    State("US-VA", "Virginia", _E),
    State("US-WA", "Washington", _P),
    State("US-WV", "West Virginia", _E),
    State("US-WI", "Wisconsin", _C),
    State("US-WY", "Wyoming", _M),
)

STATE_BY_CODE = {state.code: state for state in STATES}
PROVINCE_BY_CODE = {province.code: province for province in PROVINCES}

_COUNTRY_NAMES = {
    "china": "CN",
    "中国": "CN",
    "中华人民共和国": "CN",
    "prc": "CN",
    "usa": "US",
    "united states": "US",
    "united states of america": "US",
    "美国": "US",
}
_PROVINCE_SUFFIX = re.compile(r"(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$")
_NAMES: dict[str, str] = {
    **_COUNTRY_NAMES,
    **{p.name_zh: p.code for p in PROVINCES},
    **{p.name_en.lower(): p.code for p in PROVINCES},
    **{s.name.lower(): s.code for s in STATES},
}
_CODE = re.compile(r"([A-Z]{2})(?:-([A-Z0-9]{1,3}))?")


def parse_region(text: str) -> str:
    """Normalise a region cell to an ISO code.

    Accepts ISO codes (``CN``, ``cn-gd``, ``US-MA``), Chinese province names with or without
    their suffix (``广东``, ``广东省``), English province and state names (``Massachusetts``)
    and a few country names (``China``, ``中国``, ``USA``).

    Raises:
        ValueError: The text names no region KindCall knows; the message says what is
            accepted.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip()
    upper = cleaned.upper().replace("_", "-")
    match = _CODE.fullmatch(upper)
    if match:
        country, sub = match.groups()
        if sub is None and country in phonenumbers.SUPPORTED_REGIONS:
            return country
        if sub is not None and (upper in STATE_BY_CODE or upper in PROVINCE_BY_CODE):
            return upper
    name = _PROVINCE_SUFFIX.sub("", cleaned) or cleaned
    code = _NAMES.get(name.lower()) or _NAMES.get(cleaned.lower())
    if code is None:
        raise ValueError("is not a region (use an ISO code such as CN, CN-GD, US, US-MA)")
    return code


def country_of(region: str) -> str:
    """The ISO 3166-1 country of a region code (``US-MA`` → ``US``)."""
    return region.split("-", 1)[0]


def state_for_number(number: phonenumbers.PhoneNumber) -> State | None:
    """The US state of a number's area code (``+1 617 …`` → Massachusetts), if any."""
    if number.country_code != 1:
        return None
    from phonenumbers import geocoder  # large tables: load only when needed

    place = geocoder.description_for_number(number, "en")
    name = place.split(",")[-1].strip() if "," in place else place
    return STATE_BY_CODE.get(f"US-{name}") or _STATE_BY_NAME.get(place.lower())


_STATE_BY_NAME = {state.name.lower(): state for state in STATES}
