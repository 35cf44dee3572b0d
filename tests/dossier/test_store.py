"""The record store: what a user saves comes back, changes, disappears and returns on undo."""

from __future__ import annotations

import json

import pytest
from store_helpers import PIN, FakeClock

from privacyapp.dossier import (
    AppLock,
    FileBackend,
    InvalidRecordError,
    KdfParams,
    MemoryBackend,
    RecordNotFoundError,
    Vault,
    VaultLockedError,
    looks_like_bsn,
)

PATH_PAYLOAD = {"flow_id": "jeugd-delen-huisarts", "steps": [{"node": "q1", "choice": "ja"}]}


def test_saved_path_comes_back_after_reopening(lock: AppLock, clock: FakeClock) -> None:
    vault = lock.set_pin(PIN)
    saved = vault.create(
        "path", "Delen met de huisarts", PATH_PAYLOAD, reference="D-2026-17", flow_id="jeugd-delen"
    )
    lock.lock()
    reopened = lock.unlock(PIN)
    [record] = reopened.list()
    assert record == saved
    assert record.payload == PATH_PAYLOAD
    assert record.reference == "D-2026-17"
    assert record.created_at == clock.now


def test_nothing_is_stored_in_plaintext(backend: MemoryBackend, vault: Vault) -> None:
    vault.create("path", "Delen met de huisarts", PATH_PAYLOAD, reference="KENMERK-XYZ")
    everything = b"".join(backend.blobs.values())
    # Probes of 8+ bytes: random ciphertext contains any given 2-byte string now and then.
    for text in (b"huisarts", b"KENMERK-XYZ", b"jeugd-delen-huisarts", b'"choice"'):
        assert text not in everything


def test_list_is_newest_first_and_filters_by_kind(vault: Vault, clock: FakeClock) -> None:
    first = vault.create("path", "Eerste")
    clock.advance(60)
    second = vault.create("checklist", "Meldcode")
    clock.advance(60)
    third = vault.create("request", "Inzageverzoek")
    assert [r.id for r in vault.list()] == [third.id, second.id, first.id]
    assert [r.title for r in vault.list("checklist")] == ["Meldcode"]


def test_update_and_rename_raise_the_revision(vault: Vault, clock: FakeClock) -> None:
    record = vault.create("request", "Inzage gemeente", {"state": "concept"})
    clock.advance(5)
    updated = vault.update(record.id, status="verstuurd", payload={"state": "sent"})
    renamed = vault.rename(record.id, "Inzage gemeente Utrecht")
    assert (updated.revision, renamed.revision) == (2, 3)
    assert vault.get(record.id).title == "Inzage gemeente Utrecht"
    assert vault.get(record.id).status == "verstuurd"
    assert vault.get(record.id).updated_at == clock.now
    assert vault.get(record.id).created_at < clock.now


def test_delete_then_restore_within_the_session(vault: Vault) -> None:
    record = vault.create("path", "Weg en terug")
    vault.delete(record.id)
    assert vault.list() == []
    with pytest.raises(RecordNotFoundError):
        vault.get(record.id)
    restored = vault.restore(record.id)
    assert restored.title == "Weg en terug"
    assert [r.id for r in vault.list()] == [record.id]


def test_restore_after_the_undo_window_is_refused(vault: Vault) -> None:
    record = vault.create("path", "Weg")
    vault.delete(record.id)
    vault.forget_deleted()
    with pytest.raises(RecordNotFoundError, match="niet meer"):
        vault.restore(record.id)


def test_deleted_record_stays_deleted_after_reopen(lock: AppLock, backend: MemoryBackend) -> None:
    vault = lock.set_pin(PIN)
    keep = vault.create("path", "Blijft")
    gone = vault.create("path", "Gaat weg")
    vault.delete(gone.id)
    assert f"rec-{gone.id}.bin" not in backend.list()
    lock.lock()
    assert [r.id for r in lock.unlock(PIN).list()] == [keep.id]


def test_get_accepts_a_unique_prefix(vault: Vault) -> None:
    record = vault.create("path", "Prefix")
    assert vault.get(record.id[:6]) == record
    with pytest.raises(RecordNotFoundError):
        vault.get("zzzzzz")


def test_identity_key_material_is_encrypted_and_not_exported(
    backend: MemoryBackend, vault: Vault
) -> None:
    vault.create("identity", "Mijn ondertekensleutel", {"private_key_pem": "SECRET-PEM-MATERIAL"})
    assert b"SECRET-PEM-MATERIAL" not in b"".join(backend.blobs.values())
    exported = json.dumps(vault.export_all())
    assert "SECRET-PEM-MATERIAL" not in exported
    assert "Mijn ondertekensleutel" in exported


def test_export_all_is_readable_and_carries_the_journal_head(vault: Vault) -> None:
    vault.create("path", "Delen met school", PATH_PAYLOAD, reference="REF-1")
    data = vault.export_all()
    assert data["records"][0]["title"] == "Delen met school"
    assert data["records"][0]["payload"] == PATH_PAYLOAD
    assert data["journal_head"] == vault.journal_head()
    assert len(data["journal_head"]) == 64


def test_export_pdf_embeds_its_font_and_shows_diacritics(vault: Vault) -> None:
    import io

    from pypdf import PdfReader

    from privacyapp.dossier._export import export_pdf

    vault.create("path", "Overleg met de jeugdarts — één cliënt", PATH_PAYLOAD, reference="REF-1")
    reader = PdfReader(io.BytesIO(export_pdf(vault)))
    text = " ".join(reader.pages[0].extract_text().split())  # table cells wrap their text
    assert "Overleg met de jeugdarts — één cliënt" in text
    assert vault.journal_head() in text
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[union-attr]
    }
    assert fonts and all("+DejaVuSans" in name for name in fonts), fonts  # embedded subsets


def test_wipe_removes_keys_and_data(lock: AppLock, backend: MemoryBackend) -> None:
    vault = lock.set_pin(PIN)
    vault.create("path", "Weg ermee")
    lock.wipe()
    assert backend.list() == []
    assert not lock.has_store()
    with pytest.raises(VaultLockedError):
        vault.list()


def test_wipe_on_disk_leaves_no_file(tmp_path, clock: FakeClock, fast_kdf: KdfParams) -> None:  # type: ignore[no-untyped-def]
    lock = AppLock(FileBackend(tmp_path / "d"), clock=clock, kdf=fast_kdf)
    vault = lock.set_pin(PIN)
    record = vault.create("path", "Een")
    vault.update(record.id, title="Twee")  # leaves a .prev copy
    assert any(p.name.endswith(".prev") for p in (tmp_path / "d").iterdir())
    lock.wipe()
    assert list((tmp_path / "d").iterdir()) == []


def test_locked_vault_refuses_access(lock: AppLock) -> None:
    vault = lock.set_pin(PIN)
    lock.lock()
    with pytest.raises(VaultLockedError, match="vergrendeld"):
        vault.list()
    with pytest.raises(VaultLockedError):
        lock.require_vault()


@pytest.mark.parametrize("reference", ["111222333", "1112.22.333", "BSN 111 222 333", "123456782"])
def test_reference_that_looks_like_a_bsn_is_refused(vault: Vault, reference: str) -> None:
    with pytest.raises(InvalidRecordError, match="BSN"):
        vault.create("path", "Met BSN", reference=reference)
    assert vault.list() == []


@pytest.mark.parametrize("reference", ["123456789", "D-2026-0017", "12345678", "1234567890"])
def test_reference_without_a_valid_bsn_is_accepted(vault: Vault, reference: str) -> None:
    assert not looks_like_bsn(reference)
    assert vault.create("path", "Zonder BSN", reference=reference).reference == reference


def test_bad_titles_and_kinds_are_refused(vault: Vault) -> None:
    with pytest.raises(InvalidRecordError, match="titel"):
        vault.create("path", "   ")
    with pytest.raises(InvalidRecordError, match="soort"):
        vault.create("Path With Spaces", "x")
    with pytest.raises(InvalidRecordError, match="te lang"):
        vault.create("path", "x" * 201)


def test_public_surface_is_sorted_and_importable() -> None:
    import privacyapp.dossier as dossier
    import privacyapp.dossier.errors as errors

    for module in (dossier, errors):
        assert module.__all__ == sorted(module.__all__)
        assert all(hasattr(module, name) for name in module.__all__)
    assert issubclass(errors.StoreError, errors.DossierError)


@pytest.mark.parametrize(
    ("title", "reference", "reason"),
    [
        (" ", None, "title_empty"),
        ("x" * 201, None, "title_long"),
        ("Casus", "123456782", "reference_bsn"),
        ("Casus", "K" * 500, "reference_long"),
    ],
)
def test_a_refused_title_or_reference_names_its_rule(
    title: str, reference: str | None, reason: str
) -> None:
    from privacyapp.dossier._records import check_reference, check_title

    with pytest.raises(InvalidRecordError) as refused:
        check_title(title)
        check_reference(reference)
    assert refused.value.reason == reason


def test_export_pdf_keeps_a_reference_on_one_line(vault: Vault) -> None:
    """User walk: the reference "DOS-2026-55" wrapped mid-token in the export's table."""
    import io

    from pypdf import PdfReader

    from privacyapp.dossier._export import export_pdf

    for reference in ("DOS-2026-55", "ZW-2026-001234-A"):
        vault.create("path", "Pad", PATH_PAYLOAD, reference=reference)
    lines = PdfReader(io.BytesIO(export_pdf(vault))).pages[0].extract_text().splitlines()
    for reference in ("DOS-2026-55", "ZW-2026-001234-A"):
        assert any(reference in line for line in lines), (reference, lines)


def test_export_without_pdf_support_holds_the_complete_json(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import zipfile

    import privacyapp.dossier._capabilities as capabilities
    from privacyapp.dossier import export_bundle

    vault.create("path", "Pad", PATH_PAYLOAD)
    monkeypatch.setattr(capabilities, "pdf_available", lambda: False)
    names = zipfile.ZipFile(io.BytesIO(export_bundle(vault))).namelist()
    assert names == ["mijn-overzicht.json"]
