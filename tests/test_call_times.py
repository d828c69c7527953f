"""The day and time a customer asks to be called back at, as the callback is booked."""

from __future__ import annotations

import pytest

from flow.understanding.english.times import call_time


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("can someone call me at 3pm tomorrow?", "tomorrow|15:00"),
        ("yes, call me tomorrow at 3 pm.", "tomorrow|15:00"),
        ("yes please, monday at 10:30", "monday|10:30"),
        ("at 15.00 on friday", "friday|15:00"),
        ("tomorrow afternoon please", "tomorrow|14:00"),
        ("yes at 2", "|14:00"),
        ("call me at 9", "|09:00"),
        ("12am is fine", "|00:00"),
        ("tomorrow morning", "tomorrow|"),
        ("tonight at 8pm", "today|20:00"),
    ],
)
def test_a_time_asked_for_is_read_as_a_day_and_a_time_of_day(message: str, asked: str) -> None:
    assert call_time(message) == asked


@pytest.mark.parametrize("message", ["yes please", "in 2 weeks", "order 3 of 4", "at 25:00", "13pm"])
def test_words_that_name_no_time_of_day_ask_for_none(message: str) -> None:
    assert call_time(message) == ""
