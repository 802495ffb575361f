"""Our column names and the ``--mapping`` file that maps an agency's headers onto them.

A mapping file (YAML, every key optional)::

    columns:            # our column: the header in your file
      external_id: 客户编号
      full_name: 姓名
      phone: 手机号码
    defaults:           # a value for columns your file lacks or leaves empty
      creditor: 某某银行
      currency: CNY
    date_order: dmy     # how to read 03/04/2026 (dmy or mdy); otherwise such dates are rejected
    encoding: gb18030   # skip detection (any Python codec name)
    delimiter: ";"      # skip detection (one character)
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from bot.yamlsource import YamlSource

REQUIRED: tuple[str, ...] = (
    "external_id",
    "full_name",
    "phone",
    "creditor",
    "amount_due",
    "due_date",
)
OPTIONAL: tuple[str, ...] = (
    "account_ref",
    "minimum_due",
    "currency",
    "region",
    "locale",
    "timezone",
    "profile",
    "consent",
    "dnc",
    "repayment_history",
    "days_overdue",
    "credit_type",
    "partner",
    "overdue_count",
    "debt_to_income",
    "industry",
    "region_economy",
    "unemployed",
    "illness",
    "legal_dispute",
)
ALL_COLUMNS: tuple[str, ...] = REQUIRED + OPTIONAL

DateOrder = Literal["dmy", "mdy"]


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """How to read one agency's files; the empty mapping reads our default headers."""

    columns: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    defaults: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    date_order: DateOrder | None = None
    encoding: str | None = None
    delimiter: str | None = None

    def header_for(self, column: str) -> str:
        """The header that holds ``column`` in the agency's file."""
        return self.columns.get(column, column)


def normalise_header(text: str) -> str:
    """Headers match case-insensitively, ignoring spacing: ``" Full Name"`` → ``full_name``."""
    return re.sub(r"[\s\-]+", "_", unicodedata.normalize("NFKC", text).strip().lower())


def load_mapping(path: Path) -> ColumnMapping:
    """Read a mapping file.

    Raises:
        DataFileError: Unreadable YAML, unknown keys or columns, a header mapped twice, a bad
            ``date_order``/``encoding``/``delimiter``; the message starts ``path:line``.
    """
    doc = YamlSource.read(path)
    top = doc.entries(
        doc.root, "mapping", allowed=("columns", "defaults", "date_order", "encoding", "delimiter")
    )
    columns: dict[str, str] = {}
    seen: dict[str, str] = {}
    if "columns" in top:
        for ours, (key_node, value_node) in doc.entries(top["columns"][1], "columns").items():
            if ours not in ALL_COLUMNS:
                raise doc.error(key_node, f"columns: {ours!r} is not one of our columns")
            theirs = doc.text(value_node, f"columns.{ours}")
            key = normalise_header(theirs)
            if key in seen:
                raise doc.error(
                    value_node, f"columns.{ours}: header {theirs!r} is already used by {seen[key]}"
                )
            seen[key] = ours
            columns[ours] = theirs
    defaults: dict[str, str] = {}
    if "defaults" in top:
        for ours, (key_node, value_node) in doc.entries(top["defaults"][1], "defaults").items():
            if ours not in ALL_COLUMNS:
                raise doc.error(key_node, f"defaults: {ours!r} is not one of our columns")
            defaults[ours] = doc.text(value_node, f"defaults.{ours}")
    date_order: DateOrder | None = None
    if "date_order" in top:
        node = top["date_order"][1]
        value = doc.text(node, "date_order")
        if value == "dmy":
            date_order = "dmy"
        elif value == "mdy":
            date_order = "mdy"
        else:
            raise doc.error(node, f"date_order must be dmy or mdy, got {value!r}")
    encoding = None
    if "encoding" in top:
        node = top["encoding"][1]
        encoding = doc.text(node, "encoding")
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise doc.error(node, f"encoding: unknown encoding {encoding!r}") from None
    delimiter = None
    if "delimiter" in top:
        node = top["delimiter"][1]
        delimiter = str(getattr(node, "value", ""))
        if len(delimiter) != 1 or delimiter in '"\r\n':
            raise doc.error(node, f"delimiter must be one character, got {delimiter!r}")
    return ColumnMapping(
        columns=MappingProxyType(columns),
        defaults=MappingProxyType(defaults),
        date_order=date_order,
        encoding=encoding,
        delimiter=delimiter,
    )
