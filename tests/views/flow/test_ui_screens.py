"""Home, question list, Meer and settings, built and driven without a client."""

from __future__ import annotations

from dataclasses import replace

import pytest
from viewkit import RecordingNavigator, click, find, idents, texts

from privacyapp.views.flow import emergency, home
from privacyapp.views.kit.context import ViewContext
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.state import Settings
from privacyapp.views.shell import more


def test_home_offers_audiences_sectors_search_and_emergency(ctx: ViewContext) -> None:
    screen = home.home_view(ctx)
    ids = idents(screen)
    assert "home-sector-algemeen" in ids
    assert "home-audience-inwoner" not in ids  # chosen: one line with "Wijzig"
    click(find(screen, "home-audience-change"))
    screen = home.home_view(ctx)
    ids = idents(screen)
    assert {"home-audience-inwoner", "home-audience-professional"} <= set(ids)
    assert "home-audience-vertegenwoordiger" in ids
    assert {"call-veilig-thuis", "call-112", "home-search"} <= set(ids)
    assert find(screen, "call-veilig-thuis").url == "tel:08002000"
    assert find(screen, "call-112").url == "tel:112"
    assert "Waar gaat je vraag over?" in texts(screen)


def test_home_hides_sectors_without_questions_for_the_audience(ctx: ViewContext) -> None:
    ids = idents(home.home_view(ctx))
    for key in ctx.services.library.registry.sectors:
        shown = f"home-sector-{key}" in ids
        assert shown == bool(ctx.services.library.flows_for("inwoner", key)), key


def test_choosing_an_audience_is_remembered_in_settings(ctx: ViewContext) -> None:
    ctx.state.settings = Settings()
    screen = home.home_view(ctx)
    assert not any(i.startswith("home-sector-") for i in idents(screen))
    click(find(screen, "home-audience-professional"))
    assert ctx.state.settings.audience == "professional"
    assert isinstance(ctx.nav, RecordingNavigator) and ctx.nav.refreshes == 1


def test_sector_opens_the_question_list(ctx: ViewContext, nav: RecordingNavigator) -> None:
    click(find(home.home_view(ctx), "home-sector-algemeen"))
    assert nav.routes == ["/vragen/algemeen"]


def test_search_box_goes_to_search_with_the_query(
    ctx: ViewContext, nav: RecordingNavigator
) -> None:
    screen = home.home_view(ctx)
    field = find(screen, "home-search")
    field.value = "dossier inzien"
    click(find(screen, "home-search-button"))
    assert nav.routes == ["/zoeken?q=dossier%20inzien"]


def test_question_list_groups_by_situation_and_opens_a_flow(
    ctx: ViewContext, nav: RecordingNavigator
) -> None:
    ctx.params = {"sector": "algemeen"}
    screen = home.questions_view(ctx)
    all_text = texts(screen)
    assert "Je dossier" in all_text  # the situation heading from the registry
    click(find(screen, "flow-algemeen-inzage-dossier"))
    assert nav.routes == ["/vraag/algemeen-inzage-dossier"]


def test_question_list_for_professional_shows_only_their_questions(ctx: ViewContext) -> None:
    ctx.state.settings = replace(ctx.state.settings, audience="professional")
    ids = idents(home.questions_view(ctx))
    assert "flow-algemeen-conflict-van-plichten" in ids
    assert "flow-algemeen-inzage-dossier" not in ids


def test_question_list_without_audience_asks_for_it(ctx: ViewContext) -> None:
    ctx.state.settings = Settings()
    ids = idents(home.questions_view(ctx))
    assert "questions-audience-inwoner" in ids


def test_unknown_sector_lists_all_questions_for_the_audience(ctx: ViewContext) -> None:
    ctx.params = {"sector": "bestaat-niet"}
    assert "flow-algemeen-inzage-dossier" in idents(home.questions_view(ctx))


def test_settings_change_language_theme_text_size(ctx: ViewContext) -> None:
    screen = more.settings_view(ctx)
    click(find(screen, "settings-language-en"))
    click(find(screen, "settings-theme-contrast"))
    click(find(screen, "settings-text-200"))
    assert ctx.state.settings.language == "en"
    assert ctx.state.settings.theme == "contrast"
    assert ctx.state.settings.text_scale == 2.0


def test_english_settings_say_content_stays_dutch(ctx: ViewContext) -> None:
    ctx.state.settings = replace(ctx.state.settings, language="en")
    ctx.t = Translator("en")
    screen = more.settings_view(ctx)
    assert "settings-dutch-only" in idents(screen)
    assert "Settings" in texts(screen)


def test_meer_links_every_statement(ctx: ViewContext, nav: RecordingNavigator) -> None:
    screen = more.more_view(ctx)
    for ident in ("more-about", "more-settings", "more-sources", "more-accessibility"):
        click(find(screen, ident))
    click(find(screen, "more-privacy"))
    assert nav.routes == [
        "/meer/over",
        "/meer/instellingen",
        "/meer/bronnen",
        "/meer/toegankelijkheid",
        "/meer/privacy",
    ]
    version = ctx.services.content.version
    assert any(version in text for text in texts(screen))


def test_sources_link_to_wetten_overheid(ctx: ViewContext) -> None:
    screen = more.sources_view(ctx)
    assert find(screen, "source-jeugdwet").url == "https://wetten.overheid.nl/BWBR0034925"
    assert find(screen, "source-avg").url.startswith("https://eur-lex.europa.eu/")


@pytest.mark.parametrize(
    ("builder", "must_say"),
    [
        (more.about_view, "alleen over privacy"),
        (more.privacy_view, "Deze app volgt je niet"),
        (more.accessibility_view, "WCAG 2.1"),
    ],
)
def test_statements_say_what_they_must(ctx: ViewContext, builder: object, must_say: str) -> None:
    screen = builder(ctx)  # type: ignore[operator]
    assert any(must_say in text for text in texts(screen))


def test_emergency_screen_has_both_numbers(ctx: ViewContext) -> None:
    screen = emergency.emergency_view(ctx)
    assert find(screen, "emergency-call-veilig-thuis").url == "tel:08002000"
    assert find(screen, "emergency-call-112").url == "tel:112"


def test_search_is_typo_tolerant_and_opens_the_flow(
    ctx: ViewContext, nav: RecordingNavigator
) -> None:
    from privacyapp.views.flow import search

    ctx.query = {"q": "dosier inzien"}
    screen = search.search_view(ctx)
    assert "search-count" in idents(screen)
    click(find(screen, "search-result-0"))
    assert nav.routes == ["/vraag/algemeen-inzage-dossier"]


def test_search_without_hits_says_what_to_do(ctx: ViewContext) -> None:
    from privacyapp.views.flow import search

    ctx.query = {"q": "xyzzyplugh"}
    screen = search.search_view(ctx)
    assert "search-none" in idents(screen)


def test_search_says_which_questions_it_searches_and_can_search_all(
    ctx: ViewContext, nav: RecordingNavigator
) -> None:
    """The audience filter is visible and can be switched off; every hit names its sector."""
    from privacyapp.views.flow import search

    ctx.query = {"q": "meldcode"}  # a professional's checklist; the resident is searching
    narrow = search.search_view(ctx)
    shown = texts(narrow)
    assert "Je zoekt in de vragen voor: Inwoner." in shown
    click(find(narrow, "search-all"))
    assert nav.routes[-1] == "/zoeken?q=meldcode&alle=1"
    ctx.query = {"q": "meldcode", "alle": "1"}
    wide = search.search_view(ctx)
    assert "search-narrow" in idents(wide)
    # with the filter off the professional's checklist is found, with its sector and audience
    assert any(t.startswith("Algemeen · Professional — ") for t in texts(wide))
