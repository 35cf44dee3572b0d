"""Deadline arithmetic: month ends, leap years, extensions, other terms."""

from __future__ import annotations

from datetime import date

import pytest

from privacyapp.rights import DeadlineError, DeadlineRule, add_months, compute_deadline


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2028, 1, 31), date(2028, 2, 29)),  # leap year
        (date(2027, 1, 31), date(2027, 2, 28)),
        (date(2027, 1, 28), date(2027, 2, 28)),
        (date(2028, 1, 29), date(2028, 2, 29)),
        (date(2026, 3, 31), date(2026, 4, 30)),
        (date(2026, 12, 15), date(2027, 1, 15)),  # over the year end
        (date(2026, 12, 31), date(2027, 1, 31)),
        (date(2026, 2, 28), date(2026, 3, 28)),
        (date(2100, 1, 31), date(2100, 2, 28)),  # 2100 is not a leap year
        (date(2000, 1, 31), date(2000, 2, 29)),  # 2000 is
    ],
)
def test_one_month_after_receipt(received: date, due: date) -> None:
    term = compute_deadline(received)
    assert term.due == due
    assert term.first_due == due
    assert not term.extended
    assert "één maand" in term.explanation


def test_extension_in_time_makes_three_months_from_receipt() -> None:
    term = compute_deadline(date(2028, 1, 31), extension_announced=date(2028, 2, 10))
    assert term.extended
    assert term.first_due == date(2028, 2, 29)
    assert term.due == date(2028, 4, 30)
    assert "drie maanden" in term.explanation


def test_extension_on_the_last_day_still_counts() -> None:
    term = compute_deadline(date(2027, 11, 30), extension_announced=date(2027, 12, 30))
    assert term.extended and term.due == date(2028, 2, 29)


def test_late_extension_does_not_count_and_says_so() -> None:
    term = compute_deadline(date(2027, 1, 31), extension_announced=date(2027, 3, 1))
    assert not term.extended
    assert term.due == date(2027, 2, 28)
    assert "te laat" in term.explanation


def test_extension_before_the_request_is_an_error() -> None:
    with pytest.raises(DeadlineError, match="vóór de datum van je verzoek"):
        compute_deadline(date(2027, 1, 31), extension_announced=date(2027, 1, 30))


def test_reminder_window_starts_five_days_before() -> None:
    assert compute_deadline(date(2028, 1, 31)).remind_from() == date(2028, 2, 24)


def test_destroying_a_file_takes_three_months_without_extension() -> None:
    term = compute_deadline(
        date(2027, 11, 30), extension_announced=date(2027, 12, 1), rule=DeadlineRule.THREE_MONTHS
    )
    assert term.due == date(2028, 2, 29) and not term.extended


def test_complaint_to_the_organisation_six_weeks() -> None:
    term = compute_deadline(date(2026, 11, 22), rule=DeadlineRule.SIX_WEEKS)
    assert term.due == date(2027, 1, 3)
    assert "9:11" in term.explanation


def test_complaint_to_the_ap_has_no_term() -> None:
    with pytest.raises(DeadlineError, match="geen vaste termijn"):
        compute_deadline(date(2026, 11, 22), rule=DeadlineRule.NONE)


def test_add_months_over_many_years() -> None:
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2024, 2, 29), 48) == date(2028, 2, 29)
    assert add_months(date(2026, 10, 31), 4) == date(2027, 2, 28)


def test_the_objection_term_is_six_weeks_after_the_decision_was_sent() -> None:
    from privacyapp.rights import objection_due

    assert objection_due(date(2028, 3, 1)) == date(2028, 4, 12)
    assert objection_due(date(2028, 12, 31)) == date(2029, 2, 11)
