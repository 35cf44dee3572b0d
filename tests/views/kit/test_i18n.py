def test_dates_are_written_the_way_the_ui_language_writes_them() -> None:
    from datetime import UTC, date, datetime

    from privacyapp.views.kit.i18n import Translator, day_text, moment_text

    assert day_text(Translator("nl"), date(2026, 3, 4)) == "04-03-2026"
    assert day_text(Translator("en"), date(2026, 3, 4)) == "4 Mar 2026"  # not 03/04 or 04/03
    assert day_text(lambda key: key, date(2026, 3, 4)) == "04-03-2026"  # a plain default: Dutch
    moment = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)
    local = moment.astimezone()
    assert moment_text(Translator("nl"), moment) == f"{local:%d-%m-%Y %H:%M}"
    assert moment_text(Translator("en"), moment).endswith(f", {local:%H:%M}")


def test_month_names_in_both_languages() -> None:
    from privacyapp.views.kit.i18n import Translator, month_name

    assert month_name(Translator("nl"), 11) == "november"
    assert month_name(Translator("en"), 3) == "March"


def test_the_dutch_month_names_are_the_rights_letters_own() -> None:
    from datetime import date

    from privacyapp.rights import dutch_date
    from privacyapp.views.kit.i18n import MONTHS_NL

    assert [dutch_date(date(2026, m, 1)).split()[1] for m in range(1, 13)] == list(MONTHS_NL)
