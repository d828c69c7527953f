"""What the transcript keeps of a customer's personal data when the policy asks for redaction."""

from __future__ import annotations

import pytest

from flow.redaction import luhn_valid, redact


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("write to jane.doe+refunds@example.co.uk please", "write to [email] please"),
        ("JOHN_SMITH@Mail.Example.COM.", "[email]."),
        ("card 4111 1111 1111 1111 was charged", "card [card] was charged"),
        ("4111-1111-1111-1111", "[card]"),
        ("my visa 4012888888881881", "my visa [card]"),
        ("amex 3782 822463 10005", "amex [card]"),
        ("nineteen digits 6011 0009 9013 9424 116", "nineteen digits [card]"),
        ("call me on +44 20 7946 0958", "call me on [phone]"),
        ("(555) 123-4567 after six", "[phone] after six"),
        ("555-123-4567", "[phone]"),
        ("555.123.4567", "[phone]"),
        ("020 7946 0958", "[phone]"),
        ("5551234567", "[phone]"),
        ("ring 555-0123 tonight", "ring [phone] tonight"),
        ("+1 (555) 123-4567 or j@x.io", "[phone] or [email]"),
    ],
    ids=lambda value: value[:24],
)
def test_personal_data_is_replaced_by_its_kind(text: str, kept: str) -> None:
    assert redact(text) == kept


@pytest.mark.parametrize(
    "text",
    [
        "I want a refund for order A-1234",
        "order 123456 arrived broken",
        "I bought it 45 days ago for £49.99",
        "it came on 2025-05-01 at 10:30",
        "4111 1111 1111 1112 fails the checksum",
        "a 20-digit reference 12345678901234567890",
        "email me at user@localhost",
        "I paid 1,299.00 on 01/05/2025",
    ],
)
def test_ordinary_text_and_lookalikes_are_left_alone(text: str) -> None:
    assert redact(text) == text


def test_every_piece_in_one_message_is_redacted() -> None:
    message = "I'm ann@example.org, card 5555 5555 5555 4444, phone +33 1 23 45 67 89, order A-1234"

    assert redact(message) == "I'm [email], card [card], phone [phone], order A-1234"


@pytest.mark.parametrize(
    ("digits", "valid"),
    [("4111111111111111", True), ("79927398713", True), ("79927398710", False), ("0", True)],
)
def test_luhn_checksum(digits: str, valid: bool) -> None:
    assert luhn_valid(digits) is valid
