"""The record screens, built and driven without a Flet client."""

from __future__ import annotations

import asyncio
import dataclasses
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import flet as ft
import pytest
from viewkit import RecordingNavigator, click, find, heard, idents, texts, ui_phrases

from privacyapp.dossier import (
    ClientReferenceError,
    IdentityError,
    IdentityFieldError,
    IdentityImportError,
    IdentityLockedError,
    IdentityMissingError,
    RecordCode,
    RecordService,
    ReportError,
    SigningError,
    VaultLockedError,
    verify_pdf,
)
from privacyapp.engine import walk_session
from privacyapp.errors import PrivacyAppError
from privacyapp.views.kit.context import ViewContext, match
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.services import Lazy, Services
from privacyapp.views.kit.state import AppState, Settings
from privacyapp.views.record import screen as record
from privacyapp.views.record.state import RecordScreen

FLOW = "algemeen-delen-zonder-toestemming"
FIXED_NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


@pytest.fixture
def rctx(services: Services) -> ViewContext:
    """A professional who finished a walk; a fresh signer (identity kept in memory)."""
    own = dataclasses.replace(
        services,
        signer_service=Lazy.ready(RecordService(clock=lambda: FIXED_NOW)),
        store=None,
        clock=lambda: FIXED_NOW,
    )
    state = AppState(settings=Settings(audience="professional"))
    state.session = walk_session(own.library, FLOW, ["1"], lambda: FIXED_NOW)
    return ViewContext(state, own, RecordingNavigator(), Translator("nl"))


def _run(coro: Any) -> Any:
    """Run a handler's coroutine; a browser test may keep a loop running in this thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _fill(view: ft.Control, **values: str) -> None:
    for ident, value in values.items():
        find(view, ident).value = value


def _with_identity(ctx: ViewContext) -> None:
    ctx.services.signer.create_identity(
        name="Sam Bakker", organisation="Gemeente Zwolle", email="sam@zwolle.example",
        role="Wmo-consulent",
    )  # fmt: skip


def test_without_a_finished_walk_it_says_what_to_do(rctx: ViewContext) -> None:
    rctx.state.session = None
    view = record.record_view(rctx)
    assert "record-no-walk" in idents(view)
    click(find(view, "record-home"))
    assert rctx.nav.routes == ["/"]


def test_first_use_asks_for_identity_then_shows_the_fingerprint(rctx: ViewContext) -> None:
    view = record.record_view(rctx)
    assert {"record-name", "record-organisation", "record-email", "record-role"} <= set(
        idents(view)
    )
    assert "record-memory-only" in idents(view)  # no store open: says it is not kept
    _fill(
        view,
        **{
            "record-name": "Sam Bakker",
            "record-organisation": "Gemeente Zwolle",
            "record-email": "sam@zwolle.example",
            "record-role": "Wmo-consulent",
        },
    )
    click(find(view, "record-create-identity"))
    assert rctx.nav.refreshes == 1
    identity = rctx.services.signer.identity()
    assert identity is not None
    form = record.record_view(rctx)
    assert identity.fingerprint in " ".join(texts(form))
    assert find(form, "record-role").value == "Wmo-consulent"
    assert find(form, "record-organisation").value == "Gemeente Zwolle"


def test_bad_identity_input_is_shown_not_raised(rctx: ViewContext) -> None:
    view = record.record_view(rctx)
    _fill(view, **{"record-name": "Sam", "record-organisation": "Zwolle",
                   "record-email": "geen-adres"})  # fmt: skip
    click(find(view, "record-create-identity"))
    again = record.record_view(rctx)
    assert "record-message" in idents(again)
    assert any("e-mailadres" in t for t in texts(again))


def test_reference_field_warns_against_names_and_bsn(rctx: ViewContext) -> None:
    _with_identity(rctx)
    field = find(record.record_view(rctx), "record-reference")
    assert "Nooit een naam of BSN" in str(field.helper)


def test_bsn_reference_is_refused_with_a_message(rctx: ViewContext) -> None:
    _with_identity(rctx)
    view = record.record_view(rctx)
    _fill(view, **{"record-reference": "111222333"})
    _run(click(find(view, "record-make")))
    assert rctx.nav.routes == []
    assert any("BSN" in t for t in texts(record.record_view(rctx)))


def test_make_signs_a_valid_pdf_and_shows_the_result(rctx: ViewContext) -> None:
    _with_identity(rctx)
    view = record.record_view(rctx)
    _fill(view, **{"record-reference": "ZW-12", "record-considerations": "Overlegd in het MDO."})
    _run(click(find(view, "record-make")))
    assert rctx.nav.routes == ["/vastleggen/klaar"]
    screen = rctx.state.features.get(RecordScreen)
    assert screen.result is not None
    assert verify_pdf(screen.result.data).ok
    assert screen.result.file_name.startswith(f"dossierstuk-{FLOW}-")
    done = record.result_view(rctx)
    assert "record-verdict-ok" in idents(done)
    assert {"record-save", "record-share", "record-back"} <= set(idents(done))
    _run(click(find(done, "record-save")))  # no page in tests: nothing opens, no crash
    click(find(done, "record-back"))
    assert rctx.nav.routes[-1] == f"/vraag/{FLOW}/{rctx.state.session.current_id}"


def test_check_screen_tells_valid_from_tampered(rctx: ViewContext) -> None:
    _with_identity(rctx)
    view = record.record_view(rctx)
    _run(click(find(view, "record-make")))
    data = rctx.state.features.get(RecordScreen).result.data
    _run(record.check_bytes(rctx, "goed.pdf", data))
    shown = record.check_view(rctx)
    assert "record-verdict-ok" in idents(shown) and any("goed.pdf" in t for t in texts(shown))
    tampered = bytearray(data)
    tampered[len(tampered) // 3] ^= 0x01
    _run(record.check_bytes(rctx, "fout.pdf", bytes(tampered)))
    assert "record-verdict-bad" in idents(record.check_view(rctx))


def test_routes_are_registered_under_the_prefix() -> None:
    for route in ("/vastleggen", "/vastleggen/klaar", "/vastleggen/controleren"):
        found = match(record.ROUTES, route)
        assert found is not None and found[0].pattern == route
    found = match(record.ROUTES, "/vastleggen/oud")
    assert found is not None and found[0].enter is not None


def test_without_signer_service_the_screen_is_honest(rctx: ViewContext) -> None:
    ctx = ViewContext(
        rctx.state, dataclasses.replace(rctx.services, signer_service=None), rctx.nav, rctx.t
    )
    assert "record-none" in idents(record.record_view(ctx))
    assert "record-none" in idents(record.check_view(ctx))


def _with_store(rctx: ViewContext, tmp_path: Path) -> ViewContext:
    from privacyapp.views.kit.store_session import StoreService

    services = dataclasses.replace(rctx.services, store=StoreService(tmp_path / "data", web=False))
    return ViewContext(rctx.state, services, rctx.nav, rctx.t)


def test_locked_store_sends_the_professional_to_unlock(rctx: ViewContext, tmp_path: Path) -> None:
    ctx = _with_store(rctx, tmp_path)
    view = record.record_view(ctx)
    assert "record-locked" in idents(view)
    click(find(view, "record-unlock"))
    assert ctx.nav.routes == ["/slot?next=/vastleggen"]


def test_open_store_keeps_identity_and_path_encrypted(rctx: ViewContext, tmp_path: Path) -> None:
    ctx = _with_store(rctx, tmp_path)
    session = ctx.services.store.session(ctx.state)
    vault = session.lock.set_pin("24680")
    view = record.record_view(ctx)
    assert "record-memory-only" not in idents(view)
    _fill(view, **{"record-name": "Sam Bakker", "record-organisation": "Gemeente Zwolle",
                   "record-email": "sam@zwolle.example"})  # fmt: skip
    click(find(view, "record-create-identity"))
    assert len(vault.list(kind="identity")) == 1
    _run(click(find(record.record_view(ctx), "record-make")))
    result = ctx.state.features.get(RecordScreen).result
    assert result.saved_in_store
    saved = vault.list(kind="path")
    assert len(saved) == 1 and saved[0].payload["flow_id"] == FLOW
    assert verify_pdf(result.data).ok
    for path in (tmp_path / "data").rglob("*"):
        if path.is_file():
            assert b"Sam Bakker" not in path.read_bytes()


# ---------------------------------------------------------------------------- English UI

DUTCH_UI = ui_phrases("nl", "record.")


@pytest.fixture
def en_ctx(rctx: ViewContext) -> ViewContext:
    """The same professional with English chosen in the settings."""
    rctx.state.settings = dataclasses.replace(rctx.state.settings, language="en")
    rctx.t = Translator(rctx.state.settings.language)
    return rctx


def no_dutch(control: ft.Control) -> str:
    """What the screen shows and says, after checking that no Dutch UI text is in it."""
    shown = heard(control)
    assert [phrase for phrase in DUTCH_UI if phrase in shown] == []
    return shown


def test_english_identity_form_and_its_errors(en_ctx: ViewContext) -> None:
    view = record.record_view(en_ctx)
    shown = no_dutch(view)
    for text in ("Record for the file", "Your name", "Create my signature", "Import certificate"):
        assert text in shown
    _fill(view, **{"record-name": "Sam", "record-organisation": "Zwolle",
                   "record-email": "geen-adres"})  # fmt: skip
    click(find(view, "record-create-identity"))
    again = record.record_view(en_ctx)
    assert heard(find(again, "record-message")) == en_ctx.t("record.error.identity_email")
    assert "e-mailadres" not in no_dutch(again)


def test_english_record_form_says_once_that_the_pdf_is_dutch(en_ctx: ViewContext) -> None:
    _with_identity(en_ctx)
    view = record.record_view(en_ctx)
    shown = no_dutch(view)
    assert "The PDF itself is in Dutch" in heard(find(view, "record-pdf-dutch"))
    assert shown.count("in Dutch") == 1
    assert str(find(view, "record-reference").helper).startswith("Only use a file number")
    assert "Client reference (optional)" in shown
    _fill(view, **{"record-reference": "111222333"})
    _run(click(find(view, "record-make")))
    assert en_ctx.nav.routes == []
    refused = record.record_view(en_ctx)
    assert "looks like a BSN" in heard(find(refused, "record-message"))
    no_dutch(refused)


def test_dutch_record_form_has_no_language_notice(rctx: ViewContext) -> None:
    _with_identity(rctx)
    assert "record-pdf-dutch" not in idents(record.record_view(rctx))


def test_english_result_and_verdicts(en_ctx: ViewContext) -> None:
    _with_identity(en_ctx)
    _run(click(find(record.record_view(en_ctx), "record-make")))
    done = record.result_view(en_ctx)
    shown = no_dutch(done)
    assert "Valid" in shown
    assert "The signature is correct and covers the whole file. Nothing changed after signing." in (
        shown
    )
    assert "Signed by Sam Bakker (Gemeente Zwolle) on 22 November 2026 at 11:00" in shown
    assert "Whole file covered: yes" in shown
    assert {"Save as file", "Share", "Back to the advice"} <= set(shown.splitlines())

    data = en_ctx.state.features.get(RecordScreen).result.data
    _run(record.check_bytes(en_ctx, "goed.pdf", data))
    good = record.check_view(en_ctx)
    assert "record-verdict-ok" in idents(good)
    assert "File: goed.pdf" in no_dutch(good)

    tampered = bytearray(data)
    tampered[len(tampered) // 3] ^= 0x01
    report = _run(record.check_bytes(en_ctx, "fout.pdf", bytes(tampered)))
    bad = record.check_view(en_ctx)
    shown = no_dutch(bad)
    assert "record-verdict-bad" in idents(bad)
    assert "NOT VALID" in shown and "Do not trust this file." in shown
    assert report.problems and not any(problem in shown for problem in report.problems)
    assert "A signature does not hold" in shown


def test_english_verdict_on_a_file_that_is_not_a_signed_pdf(en_ctx: ViewContext) -> None:
    for name, data in (("notes.txt", b"hello"), ("blank.pdf", b"%PDF-1.7\n%%EOF\n")):
        report = _run(record.check_bytes(en_ctx, name, data))
        shown = no_dutch(record.check_view(en_ctx))
        assert report.codes and all(en_ctx.t(f"record.problem.{c}") in shown for c in report.codes)
        assert "NOT VALID" in shown


def test_dutch_verdict_keeps_the_reports_own_lines(rctx: ViewContext) -> None:
    report = _run(record.check_bytes(rctx, "notes.txt", b"hello"))
    assert report.problems == ("Dit bestand is geen pdf.",)
    assert "Dit bestand is geen pdf." in texts(record.check_view(rctx))


@pytest.mark.parametrize(
    ("error", "key"),
    [
        (IdentityImportError("Het bestand gaat niet open."), "record.error.import"),
        (IdentityLockedError("De pincode klopt niet."), "record.error.identity_locked"),
        (IdentityMissingError(), "record.error.identity_missing"),
        (IdentityError("Vul je naam in."), "record.error.identity"),
        (ClientReferenceError("Het kenmerk lijkt op een BSN."), "record.error.reference"),
        (ReportError("Het dossierstuk past niet in de opmaak."), "record.error.report"),
        (SigningError("Ondertekenen is niet gelukt."), "record.error.signing"),
        (VaultLockedError("De app is vergrendeld."), "record.error.store"),
        (PrivacyAppError("Iets anders."), "record.error.other"),
    ],
)
def test_errors_are_worded_by_their_code_in_both_languages(
    rctx: ViewContext, error: PrivacyAppError, key: str
) -> None:
    assert record.error_text(rctx, error) == Translator("nl")(key) != key
    english = ViewContext(rctx.state, rctx.services, rctx.nav, Translator("en"))
    assert record.error_text(english, error) == Translator("en")(key) != key


@pytest.mark.parametrize(
    ("code", "field", "dutch", "english"),
    [
        (RecordCode.IDENTITY_FIELD_EMPTY, "name", "Vul je naam in.", "Fill in your name."),
        (
            RecordCode.IDENTITY_FIELD_TOO_LONG, "organisation",
            "Maak je organisatie korter: hoogstens 120 tekens.",
            "Make your organisation shorter: at most 120 characters.",
        ),
    ],
)  # fmt: skip
def test_an_identity_field_error_names_its_field_in_both_languages(
    rctx: ViewContext, code: RecordCode, field: str, dutch: str, english: str
) -> None:
    error = IdentityFieldError("(de tekst voor de CLI)", code=code, field=field, limit=120)
    assert record.error_text(rctx, error) == dutch
    en = ViewContext(rctx.state, rctx.services, rctx.nav, Translator("en"))
    assert record.error_text(en, error) == english


def test_signing_time_in_both_languages(rctx: ViewContext) -> None:
    english = ViewContext(rctx.state, rctx.services, rctx.nav, Translator("en"))
    assert record.signed_at(rctx, FIXED_NOW) == "22 november 2026 om 11:00 (Nederlandse tijd)"
    assert record.signed_at(english, FIXED_NOW) == "22 November 2026 at 11:00 (Dutch time)"


def _resigned_by_a_forger(data: bytes) -> bytes:
    """The attack of the security review: sign the record again with a self-made key under the
    same name (an incremental update), which used to verify as valid."""
    import io as _io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    from privacyapp.dossier import create_identity
    from privacyapp.dossier._signing import _signer

    forger = create_identity(
        name="Anne de Vries", organisation="Wijkteam Zuid", email="a@b.nl", now=FIXED_NOW
    )
    meta = signers.PdfSignatureMetadata(
        field_name="Handtekening2",
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=forger.name,
    )
    writer = IncrementalPdfFileWriter(_io.BytesIO(data))
    return bytes(signers.PdfSigner(meta, _signer(forger)).sign_pdf(writer).getvalue())


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_forged_record_is_unmistakably_not_valid_and_every_signer_is_shown(
    rctx: ViewContext, lang: str
) -> None:
    _with_identity(rctx)
    _run(click(find(record.record_view(rctx), "record-make")))
    forged = _resigned_by_a_forger(rctx.state.features.get(RecordScreen).result.data)
    ctx = dataclasses.replace(rctx, t=Translator(lang))
    _run(record.check_bytes(ctx, "vervalst.pdf", forged))
    shown = record.check_view(ctx)
    ids = idents(shown)
    assert "record-verdict-bad" in ids and "record-verdict-ok" not in ids
    assert {"record-signer-1", "record-signer-2"} <= set(ids)  # the forger is not hidden
    words = " ".join(texts(shown))
    if lang == "nl":
        assert "NIET GELDIG" in words and "Handtekening 2 van 2" in words
    else:
        assert "NOT VALID" in words and "Signature 2 of 2" in words
        assert "more than one signature" in words


def test_pdf_check_is_in_meer_for_everyone(ctx: ViewContext) -> None:
    from privacyapp.views.shell import more

    menu = more.more_view(ctx)
    click(find(menu, "more-check"))
    assert ctx.nav.routes == ["/vastleggen/controleren"]  # type: ignore[attr-defined]


def test_without_signing_the_advice_offers_no_record_button(services: Services) -> None:
    """The static web build has no signer: no "Vastleggen" button that leads nowhere."""
    from privacyapp.views.flow import advice

    no_signer = dataclasses.replace(services, signer_service=None)
    state = AppState(settings=Settings(audience="professional"))
    state.session = walk_session(services.library, FLOW, ["1"], lambda: FIXED_NOW)
    with_signer = ViewContext(state, services, RecordingNavigator(), Translator("nl"))
    without = ViewContext(state, no_signer, RecordingNavigator(), Translator("nl"))
    node = state.session.current
    assert "action-record" in idents(ft.Column(advice._actions(with_signer, state.session, node)))
    assert "action-record" not in idents(ft.Column(advice._actions(without, state.session, node)))
    assert "computer of telefoon" in " ".join(texts(record.record_view(without)))


def test_a_checked_file_brings_its_verdict_into_view_once(rctx: ViewContext) -> None:
    """At 200 % on a phone the verdict is below the fold: the shell scrolls to it after a check,
    and not again on a later re-render (the user may have scrolled away)."""
    from privacyapp.views.record import check

    _run(check.check_bytes(rctx, "brief.pdf", b"%PDF-1.7 not really a pdf"))
    rctx.focus = None
    view = check.check_view(rctx)
    assert rctx.focus == check.VERDICT_KEY
    assert "record-verdict-bad" in idents(view)
    rctx.focus = None
    check.check_view(rctx)
    assert rctx.focus is None


def test_a_refused_reference_is_summarised_under_the_button_with_a_link_to_the_field(
    rctx: ViewContext,
) -> None:
    """NL Design System error summary: under "Maak het dossierstuk", focus moves to its link,
    and the link moves focus to the reference field."""
    from privacyapp.views.kit.focus import FOCUS_REQUESTED

    _with_identity(rctx)
    view = record.record_view(rctx)
    _fill(view, **{"record-reference": "111222333"})
    _run(click(find(view, "record-make")))
    refused = record.record_view(rctx)
    ids = idents(refused)
    assert ids.index("record-problem") > ids.index("record-make")
    assert rctx.focus == "record-problem"  # the shell scrolls to it
    link = find(refused, "record-problem-link-0")
    assert getattr(link, FOCUS_REQUESTED, False)
    field = find(refused, "record-reference")
    click(link)
    assert getattr(field, FOCUS_REQUESTED, False)
    rctx.focus = None
    record.record_view(rctx)
    assert rctx.focus is None  # once, not on every re-render


def test_an_empty_name_links_to_the_name_field(rctx: ViewContext) -> None:
    view = record.record_view(rctx)
    _fill(view, **{"record-organisation": "Gemeente Zwolle", "record-email": "s@z.example"})
    click(find(view, "record-create-identity"))
    again = record.record_view(rctx)
    assert heard(find(again, "record-problem-link-0")).startswith("Ga naar: Je naam")
