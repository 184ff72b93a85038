"""Money as integer minor units plus a currency code: parsing, formatting, exponents. Pure."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# How many minor units make a major one, as a power of ten (zero-decimal currencies have none).
EXPONENTS = {"EUR": 2, "USD": 2, "GBP": 2, "SEK": 2, "NOK": 2, "DKK": 2, "CHF": 2, "JPY": 0, "KRW": 0}
SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "KRW": "₩"}
SUPPORTED_CURRENCIES = tuple(EXPONENTS)
MAX_MINOR = 100_000_000  # one million in a two-decimal currency: a sane ceiling for a prototype


def exponent(currency: str) -> int:
    return EXPONENTS.get(currency.upper(), 2)


def parse_amount(text: str, currency: str) -> int | None:
    """'12.50' or '12,50' EUR -> 1250; '1,200' JPY -> 1200. None when it is not a plain non-negative amount.

    Sellers write decimals both ways, so the separators are read the way people mean them: with both
    a comma and a dot, the last one is the decimal mark ('1.234,56', '1,234.56'); a lone comma with
    one or two digits after it is a decimal comma ('12,50'); other commas group thousands ('1,200').
    """
    cleaned = text.strip().replace(" ", "")
    for symbol in SYMBOLS.values():
        cleaned = cleaned.replace(symbol, "")
    cleaned = _decimal_point_only(cleaned)
    if cleaned is None or not re.fullmatch(r"\d+(\.\d*)?|\.\d+", cleaned):
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    places = exponent(currency)
    scaled = value * (10**places)
    if scaled != scaled.to_integral_value():
        return None  # more decimals than the currency has
    return int(scaled)


def _decimal_point_only(text: str) -> str | None:
    """The amount with thousands separators dropped and a decimal point, or None when they make no sense."""
    if "," in text and "." in text:
        mark = max(text.rfind(","), text.rfind("."))
        grouping = "." if text[mark] == "," else ","
        whole, fraction = text[:mark], text[mark + 1 :]
        if text[mark] in whole:
            return None  # '1.234,56.7': the decimal mark twice
        return whole.replace(grouping, "") + "." + fraction
    if "," in text:
        whole, _, fraction = text.rpartition(",")
        if text.count(",") == 1 and 1 <= len(fraction) <= 2:
            return f"{whole}.{fraction}"
        return text.replace(",", "")
    if text.count(".") > 1:
        # '1.234.567': dots grouping thousands, each group three digits.
        return text.replace(".", "") if re.fullmatch(r"\d{1,3}(\.\d{3})+", text) else None
    return text


def to_major_text(minor: int, currency: str) -> str:
    """1250 EUR -> '12.50' (for form fields)."""
    places = exponent(currency)
    if places == 0:
        return str(minor)
    sign = "-" if minor < 0 else ""
    whole, part = divmod(abs(minor), 10**places)
    return f"{sign}{whole}.{part:0{places}d}"


def format_money(minor: int, currency: str) -> str:
    """1250 EUR -> '€12.50'; 1200 JPY -> '¥1,200'; 900 SEK -> '9.00 SEK'."""
    places = exponent(currency)
    whole, part = divmod(abs(minor), 10**places) if places else (abs(minor), 0)
    number = f"{whole:,}" + (f".{part:0{places}d}" if places else "")
    sign = "-" if minor < 0 else ""
    symbol = SYMBOLS.get(currency.upper())
    return f"{sign}{symbol}{number}" if symbol else f"{sign}{number} {currency.upper()}"
