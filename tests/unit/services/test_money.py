"""Money as integer minor units: parsing what sellers type, formatting what shoppers read."""

from __future__ import annotations

import pytest

from socialshop.services import money


@pytest.mark.parametrize(
    ("currency", "places"),
    [("EUR", 2), ("usd", 2), ("SEK", 2), ("JPY", 0), ("krw", 0), ("XYZ", 2)],
)
def test_exponent_is_the_number_of_minor_digits(currency: str, places: int) -> None:
    assert money.exponent(currency) == places


@pytest.mark.parametrize(
    ("text", "currency", "minor"),
    [
        ("12.50", "EUR", 1250),
        ("12.5", "EUR", 1250),
        ("12", "EUR", 1200),
        ("12.", "EUR", 1200),
        (".5", "EUR", 50),
        ("0", "EUR", 0),
        (" €1,234.56 ", "EUR", 123456),
        ("$ 3.10", "USD", 310),
        ("1200", "JPY", 1200),
        ("¥1,200", "JPY", 1200),
        ("1200.00", "JPY", 1200),
        ("1000000.00", "EUR", 100_000_000),
        ("12,50", "EUR", 1250),  # a decimal comma, as most of Europe writes prices
        ("12,5", "EUR", 1250),
        ("0,29 €", "EUR", 29),
        ("1.234,56", "EUR", 123456),
        ("1,200", "EUR", 120000),  # three digits after a lone comma: thousands
        ("1,200", "JPY", 1200),
        ("1.234.567", "EUR", 123_456_700),
        ("1,23,456.50", "INR", 12_345_650),
    ],
)
def test_parse_amount_reads_plain_amounts_into_minor_units(text: str, currency: str, minor: int) -> None:
    assert money.parse_amount(text, currency) == minor


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("", "EUR"),
        ("  ", "EUR"),
        ("-1", "EUR"),
        ("abc", "EUR"),
        ("1.234", "EUR"),  # more decimals than euros have
        ("1.5", "JPY"),  # yen have none
        ("1e3", "EUR"),
        ("1.2.3", "EUR"),
        ("NaN", "EUR"),
        ("Infinity", "EUR"),
        ("12,50 €x", "EUR"),
        ("1.234,56.7", "EUR"),  # the decimal mark twice
        ("12,50", "JPY"),  # a decimal comma, and yen have no decimals

        ("+5", "EUR"),
    ],
)
def test_parse_amount_refuses_anything_else(text: str, currency: str) -> None:
    assert money.parse_amount(text, currency) is None


def test_parse_amount_is_exact_never_floating_point() -> None:
    assert money.parse_amount("0.29", "EUR") == 29  # int(0.29 * 100) would be 28
    assert money.parse_amount("1.15", "EUR") == 115
    assert money.parse_amount("99999999.99", "USD") == 9_999_999_999


@pytest.mark.parametrize(
    ("minor", "currency", "text"),
    [
        (1250, "EUR", "€12.50"),
        (5, "EUR", "€0.05"),
        (0, "EUR", "€0.00"),
        (123456789, "USD", "$1,234,567.89"),
        (1200, "JPY", "¥1,200"),
        (7, "JPY", "¥7"),
        (-1250, "EUR", "-€12.50"),
        (900, "SEK", "9.00 SEK"),
        (900, "sek", "9.00 SEK"),
        (1000, "KRW", "₩1,000"),
    ],
)
def test_format_money_for_shoppers(minor: int, currency: str, text: str) -> None:
    assert money.format_money(minor, currency) == text


@pytest.mark.parametrize(
    ("minor", "currency", "text"),
    [
        (1250, "EUR", "12.50"),
        (5, "EUR", "0.05"),
        (-5, "EUR", "-0.05"),
        (1200, "JPY", "1200"),
        (100000, "EUR", "1000.00"),
    ],
)
def test_to_major_text_for_form_fields(minor: int, currency: str, text: str) -> None:
    assert money.to_major_text(minor, currency) == text


def test_form_text_parses_back_to_the_same_amount_in_every_currency() -> None:
    for currency in money.SUPPORTED_CURRENCIES:
        for minor in (0, 1, 99, 100, 123456, money.MAX_MINOR):
            text = money.to_major_text(minor, currency)
            assert money.parse_amount(text, currency) == minor, (currency, text)
