"""Vastleggen voor het dossier: signing identity, the record form, save/share, and PDF check.

Routes: ``/vastleggen`` (identity on first use, then the record form), ``/vastleggen/klaar``
(the signed PDF: save or share) and ``/vastleggen/controleren`` (check a PDF). The work is done
by ``services.signer`` (``privacyapp.dossier.RecordService``); values live in
``state.features`` (a ``RecordScreen``, see ``record.state``), never controls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict, Unpack

import flet as ft

from privacyapp.errors import PrivacyAppError
from privacyapp.views.kit import i18n
from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.context import RouteSpec, ViewContext
from privacyapp.views.kit.focus import form_problem
from privacyapp.views.kit.problems import record_error
from privacyapp.views.kit.vault import open_vault
from privacyapp.views.record.check import check_bytes, check_view, problem_lines, signed_at, verdict
from privacyapp.views.record.state import RecordScreen, field_of, record_state

if TYPE_CHECKING:
    from privacyapp.dossier import RecordService, SigningIdentity, Vault

__all__ = [
    "ROUTES",
    "RecordScreen",
    "check_bytes",
    "check_view",
    "error_text",
    "problem_lines",
    "record_view",
    "result_view",
    "signed_at",
]


def error_text(ctx: ViewContext, error: PrivacyAppError) -> str:
    """What the user reads about an error of the record service, in the UI language."""
    return record_error(ctx.t, error)


class _FieldOptions(TypedDict, total=False):
    """What the record forms set on a text field besides its label and value."""

    autofocus: bool
    keyboard_type: ft.KeyboardType
    password: bool
    helper: str
    helper_max_lines: int
    max_length: int
    counter: str
    multiline: bool
    min_lines: int


def _field(
    label: str, ident: str, value: str = "", **kwargs: Unpack[_FieldOptions]
) -> ft.TextField:
    return ft.TextField(label=label, value=value, data=ident, **kwargs)


def _wrap(field: ft.TextField) -> ft.Control:
    return ft.Semantics(identifier=str(field.data), content=field)


def _failed(ctx: ViewContext, screen: RecordScreen, error: PrivacyAppError) -> None:
    screen.message, screen.problem_field, screen.fresh = (
        error_text(ctx, error),
        field_of(error),
        True,
    )


def _problem(
    ctx: ViewContext, screen: RecordScreen, fields: list[ft.TextField]
) -> list[ft.Control]:
    """The error summary under the button that failed, with a link to the field it is about."""
    if not screen.message:
        return []
    field = next((f for f in fields if f.data == screen.problem_field), None)
    link = (ctx.t("form.to_field", field=field.label), field) if field is not None else None
    fresh, screen.fresh = screen.fresh, False
    if fresh:
        ctx.focus = PROBLEM_KEY
    return [
        form_problem(
            ctx.t("rights.problem_title"), screen.message, ident="record-problem", page=ctx.page,
            field=link, fresh=fresh, scroll_key=PROBLEM_KEY, message_ident="record-message",
        )
    ]  # fmt: skip


#: The record forms' error summary scroll key (``ViewContext.focus``).
PROBLEM_KEY = "record-problem"


def _message(screen: RecordScreen) -> list[ft.Control]:
    if not screen.message:
        return []
    return [w.notice(screen.message, ident="record-message", icon=ft.Icons.ERROR_OUTLINE)]


def record_view(ctx: ViewContext) -> ft.Control:
    """``/vastleggen``: the identity form on first use, then the record form."""
    signer = ctx.services.signer
    title = w.heading(ctx.t("record.title"), 1, ident="record-title")
    if signer is None:
        return w.page_body([title, w.notice(ctx.t("record.unavailable"), ident="record-none")])
    session = ctx.state.session
    if session is None or not session.finished:
        return w.page_body(
            [
                title,
                w.notice(ctx.t("record.no_walk"), ident="record-no-walk"),
                w.primary(ctx.t("nav.home"), "record-home", lambda _: ctx.nav.go("/")),
            ]
        )
    store, vault = open_vault(ctx)
    if store == "loading":
        return w.page_body([title, w.muted(ctx.t("record.loading"))])
    if store == "locked":
        return w.page_body(
            [
                title,
                w.notice(ctx.t("record.locked"), ident="record-locked", icon=ft.Icons.LOCK),
                w.primary(
                    ctx.t("record.unlock"),
                    "record-unlock",
                    lambda _: ctx.nav.go("/slot?next=/vastleggen"),
                ),
            ]
        )
    identity = signer.identity(vault)
    if identity is None:
        return identity_form(ctx, signer, title, vault)
    return record_form(ctx, signer, title, identity, vault)


def identity_form(
    ctx: ViewContext, signer: RecordService, title: ft.Control, vault: Vault | None
) -> ft.Control:
    """First use: name, organisation, e-mail and role, or import a .p12."""
    from privacyapp.dossier import RecordError

    screen = record_state(ctx)
    name = _field(ctx.t("record.name"), "record-name", autofocus=True)
    organisation = _field(ctx.t("record.organisation"), "record-organisation")
    email = _field(ctx.t("record.email"), "record-email", keyboard_type=ft.KeyboardType.EMAIL)
    role = _field(ctx.t("record.role"), "record-role")
    password = _field(ctx.t("record.p12_password"), "record-p12-password", password=True)

    def create(_: object) -> None:
        try:
            signer.create_identity(
                name=name.value or "",
                organisation=organisation.value or "",
                email=email.value or "",
                role=role.value or "",
                vault=vault,
            )
            screen.message = ""
        except RecordError as exc:
            _failed(ctx, screen, exc)
        ctx.nav.refresh()

    async def import_p12(_: object) -> None:
        if ctx.page is None:
            return
        files = await ft.FilePicker().pick_files(
            allowed_extensions=["p12", "pfx"],
            file_type=ft.FilePickerFileType.CUSTOM,
            with_data=True,
        )
        if not files or files[0].bytes is None:
            return
        try:
            signer.import_identity(
                files[0].bytes, password.value or "", role=role.value or "", vault=vault
            )
            screen.message = ""
        except RecordError as exc:
            _failed(ctx, screen, exc)
        ctx.nav.refresh()

    controls: list[ft.Control] = [title, w.body(ctx.t("record.identity_intro"))]
    if vault is None:
        controls.append(w.notice(ctx.t("record.memory_only"), ident="record-memory-only"))
    controls += [
        _wrap(name),
        _wrap(organisation),
        _wrap(email),
        _wrap(role),
        w.primary(ctx.t("record.create_identity"), "record-create-identity", create),
        *_problem(ctx, screen, [name, organisation, email, role, password]),
        w.section(
            ctx.t("record.import"),
            [
                w.body(ctx.t("record.import_intro")),
                _wrap(password),
                w.secondary(ctx.t("record.import"), "record-import", import_p12),
            ],
        ),  # fmt: skip
    ]
    return w.page_body(controls)


def record_form(
    ctx: ViewContext,
    signer: RecordService,
    title: ft.Control,
    identity: SigningIdentity,
    vault: Vault | None,
) -> ft.Control:
    """The "Vastleggen voor het dossier" form: role, organisation, reference, considerations."""
    screen = record_state(ctx)
    role = _field(ctx.t("record.role"), "record-role", identity.role)
    organisation = _field(
        ctx.t("record.organisation"), "record-organisation", identity.organisation
    )
    reference = _field(
        ctx.t("record.reference"),
        "record-reference",
        helper=ctx.t("record.reference_warning"),
        helper_max_lines=5,
        max_length=40,
        counter=ctx.t("form.max_chars", max=40),  # in the UI language, not Flutter's English
    )
    considerations = _field(
        ctx.t("record.considerations"), "record-considerations", multiline=True, min_lines=4
    )

    session = ctx.state.session
    assert session is not None  # record_view shows this form only after a finished walk

    async def make(_: object) -> None:
        screen.busy = True
        ctx.nav.refresh()
        try:
            screen.result = await signer.make_record(
                session.path,
                ctx.services.library,
                role=role.value or "",
                organisation=organisation.value or "",
                client_reference=(reference.value or "").strip(),
                considerations=considerations.value or "",
                vault=vault,
            )
            screen.message = ""
            screen.busy = False
            ctx.nav.go("/vastleggen/klaar")
        except PrivacyAppError as exc:
            _failed(ctx, screen, exc)
            screen.busy = False
            ctx.nav.refresh()

    controls: list[ft.Control] = [
        title,
        w.muted(session.flow.title),
        w.body(ctx.t("record.signer", name=identity.name, organisation=identity.organisation)),
        ft.Semantics(
            identifier="record-fingerprint",
            content=w.body(
                ctx.t("record.fingerprint", fingerprint=identity.fingerprint), selectable=True
            ),
        ),  # fmt: skip
        w.muted(ctx.t("record.fingerprint_tip")),
    ]
    if note := i18n.own_text(ctx.t, "record.pdf_dutch"):  # the English UI says it once
        controls.append(w.notice(note, ident="record-pdf-dutch"))
    controls += [
        _wrap(role),
        _wrap(organisation),
        _wrap(reference),
        _wrap(considerations),
    ]
    if screen.busy:
        controls.append(w.muted(ctx.t("record.working")))
    controls.append(w.primary(ctx.t("record.make"), "record-make", make, icon=ft.Icons.DRAW))
    controls += _problem(ctx, screen, [role, organisation, reference, considerations])
    controls.append(
        w.secondary(ctx.t("record.to_check"), "record-to-check",
                    lambda _: ctx.nav.go("/vastleggen/controleren"))
    )  # fmt: skip
    return w.page_body(controls)


async def save_pdf(ctx: ViewContext, data: bytes, file_name: str) -> str | None:
    """Open the save dialog with the PDF (bytes are required on web and mobile)."""
    if ctx.page is None:
        return None
    path: str | None = await ft.FilePicker().save_file(
        file_name=file_name,
        src_bytes=data,
        file_type=ft.FilePickerFileType.CUSTOM,
        allowed_extensions=["pdf"],
    )
    return path


async def share_pdf(ctx: ViewContext, data: bytes, file_name: str) -> bool:
    """Share with the platform's share sheet; ``False`` (after saving instead) where none."""
    if ctx.page is None:
        return False
    try:
        await ft.Share().share_files(
            [ft.ShareFile.from_bytes(data, mime_type="application/pdf", name=file_name)],
            subject=file_name,
        )
        return True
    except Exception:  # desktop Chromium has no Web Share API: Flet raises; save instead
        await save_pdf(ctx, data, file_name)
        return False


def result_view(ctx: ViewContext) -> ft.Control:
    """``/vastleggen/klaar``: the signed PDF with save and share."""
    screen = record_state(ctx)
    title = w.heading(ctx.t("record.done_title"), 1, ident="record-done-title")
    result = screen.result
    if result is None:
        return w.page_body([title, w.notice(ctx.t("record.no_walk"), ident="record-no-walk")])

    async def save(_: object) -> None:
        path = await save_pdf(ctx, result.data, result.file_name)
        screen.message = ctx.t("record.saved", path=path) if path else ""
        ctx.nav.refresh()

    async def share(_: object) -> None:
        # Where there is no share sheet (desktop browsers) the PDF is saved instead: say that
        # plainly, as what happened, not as a refusal next to a download.
        if not await share_pdf(ctx, result.data, result.file_name):
            screen.message = ctx.t("record.share_failed")
            ctx.nav.refresh()

    controls: list[ft.Control] = [
        title,
        w.body(result.file_name),
        *verdict(ctx, result.report),
        *_message(screen),
    ]
    if result.saved_in_store:
        controls.append(w.muted(ctx.t("record.saved_in_store")))
    controls += [
        w.primary(ctx.t("record.save"), "record-save", save, icon=ft.Icons.SAVE_ALT),
        w.secondary(ctx.t("record.share"), "record-share", share, icon=ft.Icons.SHARE),
        w.secondary(
            ctx.t("record.back_to_advice"),
            "record-back",
            lambda _: ctx.nav.go(advice_route(ctx) or "/"),
        ),
    ]
    return w.page_body(controls)


def advice_route(ctx: ViewContext) -> str | None:
    """The advice screen the walk ended at (where Back from the form goes)."""
    session = ctx.state.session
    if session is None or not session.finished:
        return None
    return f"/vraag/{session.flow.id}/{session.current_id}"


ROUTES = [
    RouteSpec("/vastleggen", record_view, "record.title", tab="vragen", parent="/",
              back=advice_route),
    RouteSpec("/vastleggen/klaar", result_view, "record.done_title", tab="vragen",
              parent="/vastleggen"),
    RouteSpec("/vastleggen/controleren", check_view, "record.check_title", tab="meer",
              parent="/meer"),
    # Any other address under the prefix (an old link) shows the form.
    RouteSpec("/vastleggen/{rest}", record_view, "record.title", tab="vragen", parent="/",
              enter=lambda ctx: "/vastleggen"),
]  # fmt: skip
