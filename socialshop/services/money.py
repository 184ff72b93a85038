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
    """'12.50' EUR -> 1250; '1200' JPY -> 1200. None when it is not a plain non-negative amount."""
    cleaned = text.strip().replace(",", "").replace(" ", "")
    for symbol in SYMBOLS.values():
        cleaned = cleaned.replace(symbol, "")
    if not re.fullmatch(r"\d+(\.\d*)?|\.\d+", cleaned):
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
