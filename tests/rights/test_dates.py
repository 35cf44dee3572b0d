"""Dates are accepted as people write them (user walk, problem 4)."""

from __future__ import annotations

from datetime import date

import pytest

from privacyapp.rights._dates import parse_day


@pytest.mark.parametrize(
    "text",
    ["15-10-2026", "15/10/2026", "15.10.2026", " 15 oktober 2026 ", "15 okt 2026",
     "15 okt. 2026", "15 Oktober 2026", "2026-10-15",
     "15 October 2026", "15 Oct 2026", "15 oct. 2026"],  # the English UI's users
)  # fmt: skip
def test_the_ways_people_write_a_date(text: str) -> None:
    assert parse_day(text) == date(2026, 10, 15)


@pytest.mark.parametrize(
    "text", ["31-02-2026", "15 ma 2026", "15 juni", "gisteren", "", "15-10-26", "15 ju 2026"]
)
def test_what_is_not_a_date_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_day(text)


def test_a_month_named_in_either_language_is_the_same_month() -> None:
    # "mar" is maart and march, "mei" and "may" are both May: one month, so no ambiguity
    assert parse_day("1 mar 2026") == parse_day("1 maart 2026") == parse_day("1 March 2026")
    assert parse_day("1 may 2026") == parse_day("1 mei 2026") == date(2026, 5, 1)


def test_the_composer_accepts_a_written_date_and_explains_a_wrong_one() -> None:
    from privacyapp.rights import RightsError
    from privacyapp.rights.session import parse_date

    assert parse_date("15 oktober 2026") == date(2026, 10, 15)
    with pytest.raises(RightsError, match="15-10-2026 of 15 oktober 2026"):
        parse_date("morgen")
