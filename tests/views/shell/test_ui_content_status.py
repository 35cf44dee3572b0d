"""Meer → Over and the privacy statement say where the content comes from and what an update
check sends (signed content updates, ``privacyapp.content.updater``)."""

from __future__ import annotations

from dataclasses import replace

from viewkit import idents, texts

from privacyapp.content.updater import ContentAbout
from privacyapp.views.kit.context import ViewContext
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.shell import more


class Updates:
    """The one call the screens make on ``services.content_updates``."""

    def __init__(self, about: ContentAbout) -> None:
        self._about = about

    def about(self) -> ContentAbout:
        return self._about


def about(**changes: object) -> ContentAbout:
    base = ContentAbout(
        updates_enabled=True,
        from_update=True,
        content_version="2026.12.3",
        published_at="2026-12-01T09:00:00+00:00",
        last_check="2026-12-02T08:30:00+00:00",
        last_success="2026-12-02T08:30:00+00:00",
        last_result="updated",
        last_message="",
        stale=False,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def with_updates(ctx: ViewContext, value: ContentAbout, lang: str = "nl") -> ViewContext:
    services = replace(ctx.services, content_updates=Updates(value))
    return replace(ctx, services=services, t=Translator(lang))


def test_about_says_when_the_content_was_published_and_last_checked(ctx: ViewContext) -> None:
    shown = " ".join(texts(more.about_view(with_updates(ctx, about()))))
    assert "Deze inhoud is gepubliceerd op 01-12-2026" in shown
    assert "De app keek voor het laatst op 02-12-2026" in shown


def test_a_week_without_a_successful_check_is_a_notice(ctx: ViewContext) -> None:
    screen = more.about_view(with_updates(ctx, about(stale=True, last_result="unavailable")))
    assert "about-stale" in idents(screen)
    assert any("Het advies kan verouderd zijn" in text for text in texts(screen))


def test_a_refused_update_is_said_plainly(ctx: ViewContext) -> None:
    screen = more.about_view(with_updates(ctx, about(last_result="refused")))
    assert "about-refused" in idents(screen)


def test_a_build_without_updates_says_new_content_comes_with_a_new_app(
    ctx: ViewContext,
) -> None:
    off = about(updates_enabled=False, from_update=False, last_check=None, published_at=None)
    shown = texts(more.about_view(with_updates(ctx, off, "en")))
    assert any("does not fetch new content" in text for text in shown)
    privacy = " ".join(texts(more.privacy_view(with_updates(ctx, off))))
    assert "kijkt ook vanzelf" not in privacy  # no automatic checks to explain


def test_the_privacy_statement_says_what_an_update_server_sees(ctx: ViewContext) -> None:
    privacy = " ".join(texts(more.privacy_view(with_updates(ctx, about()))))
    assert "geen cookie" in privacy and "IP-adres" in privacy
    assert "Wat je invult of bewaart, gaat nooit naar die server." in privacy


def test_in_web_mode_the_privacy_statement_says_what_the_server_sees(ctx: ViewContext) -> None:
    web = replace(ctx, services=replace(ctx.services, web=True))
    desktop = replace(ctx, services=replace(ctx.services, web=False))
    assert "privacy-server" in idents(more.privacy_view(web))
    shown = " ".join(texts(more.privacy_view(web)))
    assert "je pincode door het geheugen van de server" in shown and "https" in shown
    assert "privacy-server" not in idents(more.privacy_view(desktop))
