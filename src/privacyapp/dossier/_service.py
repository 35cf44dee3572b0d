"""The record service the app's screens call (``services.signer``): no flet, async where slow.

It finds the identity store (the unlocked encrypted store when there is one, else memory for
this session), creates or imports the signing identity, saves a finished walk in the store and
returns the signed PDF, and checks a PDF. Signing and checking run pyHanko's async API, so a
Flet handler can await them without blocking the page.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from privacyapp.dossier._curves import curves_ready
from privacyapp.dossier._identity import (
    IdentityStore,
    MemoryIdentityStore,
    SigningIdentity,
    VaultIdentityStore,
    create_identity,
    import_pkcs12,
    load_identity,
    save_identity,
)
from privacyapp.dossier._record import Professional, check_client_reference
from privacyapp.dossier._record_builder import from_path
from privacyapp.dossier._signing import async_sign_pdf, signing_report
from privacyapp.dossier._verify import VerificationReport, async_verify_pdf
from privacyapp.dossier.errors import IdentityMissingError

__all__ = ["RecordService", "SignedRecord"]


@dataclass(frozen=True)
class SignedRecord:
    """A signed PDF ready to save or share, with its own check."""

    data: bytes
    file_name: str
    report: VerificationReport
    saved_in_store: bool


class RecordService:
    """What the record screens need. ``vault`` arguments are the page's open ``Vault`` (from
    the store screens) or ``None``: then the identity lives in memory for this session only."""

    def __init__(self, *, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._clock = clock
        self._memory = MemoryIdentityStore()

    def identity_store(self, vault: Any = None) -> IdentityStore:
        """Where the identity is kept: the encrypted store when open, else memory."""
        return VaultIdentityStore(vault) if vault is not None else self._memory

    def identity(self, vault: Any = None) -> SigningIdentity | None:
        """The signing identity, or ``None`` before the first use."""
        try:
            return load_identity(self.identity_store(vault))
        except IdentityMissingError:
            return None

    def create_identity(
        self, *, name: str, organisation: str, email: str, role: str = "", vault: Any = None
    ) -> SigningIdentity:
        """Generate a key pair and self-signed certificate and keep it."""
        identity = create_identity(
            name=name, organisation=organisation, email=email, role=role, now=self._clock()
        )
        save_identity(self.identity_store(vault), identity)
        return identity

    def import_identity(
        self, data: bytes, password: str, *, role: str = "", vault: Any = None
    ) -> SigningIdentity:
        """Import the organisation's PKCS#12 file and keep it."""
        identity = import_pkcs12(data, password.encode("utf-8") or None, role=role)
        save_identity(self.identity_store(vault), identity)
        return identity

    async def make_record(
        self,
        path: Any,
        library: Any,
        *,
        role: str,
        organisation: str,
        client_reference: str = "",
        considerations: str = "",
        vault: Any = None,
    ) -> SignedRecord:
        """Save the walk in the store (when open) and return it as a signed, checked PDF."""
        await curves_ready()  # the browser's P-256 loads beside the first screen
        identity = self.identity(vault)
        if identity is None:
            raise IdentityMissingError()
        check_client_reference(client_reference)
        record = from_path(
            path,
            library,
            professional=Professional(identity.name, role, organisation or identity.organisation),
            created_at=self._clock(),
            considerations=considerations,
            client_reference=client_reference,
        )
        if vault is not None:
            # Same payload as the store's own "Bewaar dit pad" (a PathTaken dict) + considerations.
            payload = {**path.to_dict(), "considerations": considerations}
            vault.create(
                "path",
                record.title,
                payload,
                reference=client_reference or None,
                flow_id=record.flow_id,
            )
            record = replace(record, journal_head=vault.journal_head())
        report = await asyncio.to_thread(signing_report, record, identity)
        data = await async_sign_pdf(report, identity, when=record.created_at)
        check = await async_verify_pdf(data)
        return SignedRecord(
            data=data,
            file_name=file_name_for(record.flow_id, record.created_at),
            report=check,
            saved_in_store=vault is not None,
        )

    async def verify(self, data: bytes, registered: tuple[str, ...] = ()) -> VerificationReport:
        """Check a PDF someone gives the app."""
        await curves_ready()
        return await async_verify_pdf(data, registered=registered)


def file_name_for(flow_id: str, when: datetime) -> str:
    """``dossierstuk-<flow>-<yyyymmdd-hhmm>.pdf``: no client data in the name."""
    safe = re.sub(r"[^a-z0-9-]+", "-", flow_id.lower()).strip("-")[:60] or "route"
    return f"dossierstuk-{safe}-{when.astimezone(UTC):%Y%m%d-%H%M}.pdf"
