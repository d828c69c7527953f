"""What the transcript keeps of a customer's personal data when the policy asks for redaction."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


FULL_WIDTH = str.maketrans("0123456789@.", "０１２３４５６７８９＠．")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
DEVANAGARI = str.maketrans("0123456789", "०१२३४५६७८९")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Cards written with other separators, or none
        ("card 4111.1111.1111.1111 please", "card [card] please"),
        ("4111/1111/1111/1111", "[card]"),
        ("4111  1111  1111  1111", "[card]"),
        ("4111 1111-1111.1111", "[card]"),
        ("4111\u00a01111\u00a01111\u00a01111", "[card]"),
        ("4111\u20131111\u20131111\u20131111", "[card]"),
        ("4111\u200b1111\u200b1111\u200b1111", "[card]"),
        ("4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1", "[card]"),
        ("card:4111111111111111.", "card:[card]."),
        ("visa4111111111111111", "visa[card]"),
        ("4111 1111 1111 1111 exp 12/27", "[card] exp 12/27"),
        ("4111 1111 1111 1111 12/27", "[card] 12/27"),
        ("mastercard 5555 5555 5555 4444, amex 3782 822463 10005", "mastercard [card], amex [card]"),
        # Cards in other digits
        ("4111 1111 1111 1111".translate(FULL_WIDTH), "[card]"),
        ("card ٤١١١١١١١١١١١١١١١".translate(ARABIC_INDIC), "card [card]"),
        ("४१११ ११११ ११११ ११११".translate(DEVANAGARI), "[card]"),
        ("\U0001d7d2" + "\U0001d7cf" * 15, "[card]"),
        # E-mail addresses with non-ASCII letters, IDN domains, or followed by punctuation
        ("write to josé.garcía@ejemplo.es today", "write to [email] today"),
        ("jane@bücher.de", "[email]"),
        ("用户@例子.广告", "[email]"),
        ("δοκιμή@παράδειγμα.δοκιμή", "[email]"),
        ("пользователь@пример.рф", "[email]"),
        ("info@xn--bcher-kva.example", "[email]"),
        ("jane@example.com-", "[email]-"),
        ("jane@example.com_", "[email]_"),
        ("write to jane@example.com-support", "write to [email]-support"),
        ("user@пример.xn--p1ai", "[email]"),
        ("jane@example.com—thanks", "[email]—thanks"),
        ("(jane@example.com)", "([email])"),
        ("o'brien_99@mail.example.ie", "[email]"),
        ("jane.doe@example.com.", "[email]."),
        ("ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "[email]"),
        ("jane\u200b@example.com", "[email]"),
        ("jose\u0301@example.com", "[email]"),
        ("用户@例子。广告", "[email]"),
        # Phones in other digits and with other spacing
        ("call +44 20 7946 0958".translate(ARABIC_INDIC), "call [phone]"),
        ("020 7946 0958".translate(FULL_WIDTH), "[phone]"),
        ("020  7946  0958", "[phone]"),
        ("+44\u00a020\u00a07946\u00a00958", "[phone]"),
        ("+44 (0) 20 7946 0958", "[phone]"),
        ("+1\u2011555\u2011123\u20114567", "[phone]"),
        ("call 020 7946 0958 after 10:30", "call [phone] after 10:30"),
    ],
    ids=lambda value: value[:24],
)
def test_personal_data_in_other_shapes_is_replaced(text: str, kept: str) -> None:
    assert redact(text) == kept


@pytest.mark.parametrize(
    "text",
    [
        # Order ids and references
        "I want a refund for order A-1234",
        "order 123456 arrived broken",
        "order #A1234-5678 and ORD-2024-000123",
        "my order A-1234567890 is late",
        "tracking 1Z999AA10123456784",
        "a 20-digit reference 12345678901234567890",
        "4111 1111 1111 1112 fails the checksum",
        # Dates and times
        "it came on 2025-05-01 at 10:30",
        "I paid 1,299.00 on 01/05/2025",
        "delivered 01.05.2025 10:30",
        "between 2025-05-01 and 2025-06-01",
        "from 01/05/2025 to 15/05/2025",
        "on 1.5.2025",
        "it came on ٢٠٢٥-٠٥-٠١",
        # Prices and quantities
        "I bought it 45 days ago for £49.99",
        "€1.299,00 or $12,345.67",
        "49.99 + 5.99 delivery",
        "2 x 3 boxes of 24",
        "version 1.2.3.4 on 192.168.1.1",
        # Not an address
        "email me at user@localhost",
        "I'm @jane on the app",
        "meet me @ 5",
    ],
)
def test_ordinary_text_and_lookalikes_are_left_alone(text: str) -> None:
    assert redact(text) == text


def test_the_text_around_what_is_redacted_keeps_its_own_characters() -> None:
    message = "Ｈｉ, ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ, order Ａ-１２３４, card ４１１１ １１１１ １１１１ １１１１"

    assert redact(message) == "Ｈｉ, [email], order Ａ-１２３４, card [card]"


def test_redacting_twice_changes_nothing_more() -> None:
    message = "I'm ann@example.org, card 5555 5555 5555 4444, phone +33 1 23 45 67 89, order A-1234"

    assert redact(redact(message)) == redact(message)


def test_every_piece_in_one_message_is_redacted() -> None:
    message = "I'm ann@example.org, card 5555 5555 5555 4444, phone +33 1 23 45 67 89, order A-1234"

    assert redact(message) == "I'm [email], card [card], phone [phone], order A-1234"


@pytest.mark.parametrize(
    ("digits", "valid"),
    [("4111111111111111", True), ("79927398713", True), ("79927398710", False), ("0", True)],
)
def test_luhn_checksum(digits: str, valid: bool) -> None:
    assert luhn_valid(digits) is valid


CARD_GROUPS = ("4012", "8888", "8888", "1881")
SEPARATORS = [" ", "-", ".", "/", "  ", "\u00a0", "\u2013", "\u200b", " - "]
DIGIT_SETS = ["0123456789", "０１２３４５６７８９", "٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९"]


def decimal_digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(char)) for char in text if char.isdecimal())


@settings(max_examples=300, deadline=None)
@given(
    before=st.text(max_size=40),
    after=st.text(max_size=40),
    separator=st.sampled_from(SEPARATORS),
    digits=st.sampled_from(DIGIT_SETS),
)
def test_a_card_anywhere_in_any_text_is_never_stored(before: str, after: str, separator: str, digits: str) -> None:
    card = separator.join(CARD_GROUPS).translate(str.maketrans("0123456789", digits))

    stored = redact(f"{before} {card} {after}")

    assert "".join(CARD_GROUPS) not in decimal_digits(stored)
    assert redact(stored) == stored


@pytest.mark.parametrize(
    "message",
    [
        "order 12 4111 1111 1111 1111",
        "7 8 9 0 4111 1111 1111 1111",
        " ".join("1234567890" * 5) + " 4111 1111 1111 1111",
        "4111 1111 1111 1111 5555 5555 5555 4444",
    ],
    ids=["a number before", "single digits before", "a long run before", "two cards"],
)
def test_no_digit_of_a_card_is_left_when_other_numbers_touch_it(message: str) -> None:
    stored = redact(message)

    assert "4111" not in stored
    assert "1111" not in stored
    assert "4444" not in stored
