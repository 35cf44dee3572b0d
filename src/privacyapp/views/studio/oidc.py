"""The studio's OpenID Connect sign-in through Flet's OAuth support (``page.login``).

The authorization code flow with PKCE (S256, a new verifier for every sign-in): the browser goes
to the provider, comes back on Flet's ``/oauth_callback``, and Flet exchanges the code and reads
the userinfo endpoint. What the provider says about the person (a verified e-mail address) is
then mapped to one of the studio's own accounts by ``Studio.sign_in_oidc``: the roles are the
studio's, never the provider's.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Mapping
from typing import TYPE_CHECKING

import flet as ft
from flet.auth import OAuthProvider

from privacyapp.studio.oidc import OidcConfig

if TYPE_CHECKING:
    from privacyapp.views.studio.context import UIContext

__all__ = ["complete", "on_login", "provider", "start"]


def provider(config: OidcConfig) -> OAuthProvider:
    """Flet's OAuth provider for this configuration, with a fresh PKCE verifier."""
    verifier = secrets.token_urlsafe(64)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
    return OAuthProvider(
        client_id=config.client_id,
        client_secret=config.client_secret,
        authorization_endpoint=config.authorization_endpoint,
        token_endpoint=config.token_endpoint,
        redirect_url=config.redirect_url,
        scopes=list(config.scopes),
        user_endpoint=config.userinfo_endpoint,
        user_id_fn=lambda claims: claims["sub"],
        code_challenge=challenge.decode(),
        code_challenge_method="S256",
        code_verifier=verifier,
    )


async def start(ui: UIContext) -> None:
    """Send the browser to the provider (back on this page when done)."""
    config = ui.studio.oidc
    if config is None or ui.page is None:
        return
    await ui.page.login(provider(config), fetch_user=True, redirect_to_page=True)


def complete(ui: UIContext, error: str | None, claims: Mapping[str, object] | None) -> None:
    """The provider answered: sign in as the mapped account, or say what went wrong."""
    name = ui.studio.oidc.name if ui.studio.oidc is not None else "je organisatie"
    if error or claims is None:
        ui.go("/aanmelden")
        ui.state.error = (
            f"Aanmelden met {name} lukte niet ({error or 'geen gegevens'}). Probeer het opnieuw, "
            "of meld je aan met je naam en wachtwoord."
        )
        ui.render()
        return
    ui.signed_in(lambda: ui.studio.sign_in_oidc(claims))


def on_login(ui: UIContext, event: ft.LoginEvent) -> None:
    """``page.on_login``: Flet finished the code exchange (or failed)."""
    auth = getattr(ui.page, "auth", None)
    user = getattr(auth, "user", None)
    error = getattr(event, "error", None) or None
    detail = getattr(event, "error_description", None)
    complete(ui, f"{error}: {detail}" if error and detail else error, dict(user) if user else None)
