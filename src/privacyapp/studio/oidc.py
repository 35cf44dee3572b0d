"""Signing in to the studio with the organisation's OpenID Connect provider (an option).

The sign-in itself runs through Flet's OAuth support (``views/studio/oidc.py``: the code flow
with PKCE, the token and userinfo requests). This module holds what the studio decides, in
plain Python: the configuration (read from a TOML file the operator writes), and the mapping
from a verified e-mail address to one of the studio's own accounts. The roles stay the studio's:
an identity provider says who someone is, never what they may do; an address that is not in
the mapping, an unverified address or a blocked account does not get in.

The configuration file (``privacyapp studio --oidc FILE``)::

    issuer = "https://login.gemeente.example/realms/redactie"
    name = "Gemeente-account"                       # the button: "Aanmelden met ..."
    client_id = "privacyapp-studio"
    client_secret_env = "PRIVACYAPP_STUDIO_OIDC_SECRET"   # the secret itself: only in the env
    redirect_url = "https://studio.gemeente.example/oauth_callback"
    authorization_endpoint = "https://login.gemeente.example/realms/redactie/protocol/openid-connect/auth"
    token_endpoint = "https://login.gemeente.example/realms/redactie/protocol/openid-connect/token"
    userinfo_endpoint = "https://login.gemeente.example/realms/redactie/protocol/openid-connect/userinfo"

    [accounts]                                      # verified e-mail address -> studio account
    "j.devries@gemeente.example" = "j.devries"

The endpoints are copied from the provider's discovery document
(``<issuer>/.well-known/openid-configuration``): the studio itself fetches nothing.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from privacyapp.studio.errors import InvalidInput, SignInFailed

__all__ = ["OidcConfig", "load_oidc_config", "account_for"]

_LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
_URL_KEYS = (
    "issuer",
    "redirect_url",
    "authorization_endpoint",
    "token_endpoint",
    "userinfo_endpoint",
)


@dataclass(frozen=True)
class OidcConfig:
    """Where the provider is, who the studio is to it, and which addresses are which account."""

    issuer: str
    client_id: str
    client_secret: str = field(repr=False)
    redirect_url: str
    authorization_endpoint: str
    token_endpoint: str
    userinfo_endpoint: str
    #: Verified e-mail address (lower case) -> the studio account it signs in as.
    accounts: Mapping[str, str]
    name: str = "je organisatie-account"
    scopes: tuple[str, ...] = ("openid", "email", "profile")


def _url(value: object, key: str, source: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"{source}: zet bij {key} een adres, zoals https://login.example/.")
    parts = urlsplit(value.strip())
    local = parts.hostname in _LOCAL_HOSTS
    if parts.scheme != "https" and not (parts.scheme == "http" and local):
        raise InvalidInput(
            f"{source}: {key} moet een https-adres zijn (alleen op deze computer mag http)."
        )
    if not parts.hostname:
        raise InvalidInput(f"{source}: {key} is geen volledig adres.")
    return value.strip()


def load_oidc_config(path: Path, env: Mapping[str, str]) -> OidcConfig:
    """Read and check the configuration file; the client secret comes from the environment.

    Raises:
        InvalidInput: a missing or unreadable file, a missing or non-https address, a missing
            secret, or an account mapping that is not ``"address" = "account"``.
    """
    source = path.name
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidInput(
            f"Kan {path} niet lezen ({exc.strerror}). Geef het juiste bestand."
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{source} is geen geldige TOML ({exc}). Herstel het bestand.") from None
    urls = {key: _url(data.get(key), key, source) for key in _URL_KEYS}
    client_id = data.get("client_id")
    if not isinstance(client_id, str) or not client_id.strip():
        raise InvalidInput(
            f"{source}: zet bij client_id de naam die de studio bij de provider heeft."
        )
    secret_env = data.get("client_secret_env", "PRIVACYAPP_STUDIO_OIDC_SECRET")
    if not isinstance(secret_env, str) or not secret_env:
        raise InvalidInput(f"{source}: client_secret_env is de naam van een omgevingsvariabele.")
    if "client_secret" in data:
        raise InvalidInput(
            f"{source}: zet het geheim niet in het bestand, maar in de omgevingsvariabele "
            f"{secret_env}."
        )
    secret = env.get(secret_env, "")
    if not secret:
        raise InvalidInput(f"Zet het geheim van de studio bij de provider in {secret_env}.")
    mapping = data.get("accounts", {})
    if not isinstance(mapping, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and "@" in k and v for k, v in mapping.items()
    ):
        raise InvalidInput(
            f'{source}: [accounts] bevat regels als "naam@organisatie.nl" = "accountnaam".'
        )
    accounts = {k.strip().lower(): v.strip().lower() for k, v in mapping.items()}
    if not accounts:
        raise InvalidInput(f"{source}: [accounts] is leeg: dan kan niemand zo aanmelden.")
    name = data.get("name", OidcConfig.name)
    scopes = data.get("scopes", list(OidcConfig.scopes))
    if not isinstance(scopes, list) or "openid" not in scopes or "email" not in scopes:
        raise InvalidInput(f"{source}: scopes moet openid en email bevatten.")
    return OidcConfig(
        issuer=urls["issuer"], client_id=client_id.strip(), client_secret=secret,
        redirect_url=urls["redirect_url"], authorization_endpoint=urls["authorization_endpoint"],
        token_endpoint=urls["token_endpoint"], userinfo_endpoint=urls["userinfo_endpoint"],
        accounts=accounts, name=str(name), scopes=tuple(str(s) for s in scopes),
    )  # fmt: skip


def account_for(config: OidcConfig, claims: Mapping[str, Any]) -> str:
    """The studio account a provider's userinfo claims sign in as.

    Raises:
        SignInFailed: no e-mail address, an address the provider did not verify, or one that is
            not in the configuration's ``[accounts]``.
    """
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email:
        raise SignInFailed(
            "Je organisatie-account gaf geen e-mailadres door. Vraag de beheerder om hulp."
        )
    if claims.get("email_verified") is not True:
        raise SignInFailed(
            "Je e-mailadres is bij je organisatie-account niet bevestigd. Bevestig het daar, of "
            "meld je aan met je studio-wachtwoord."
        )
    account = config.accounts.get(email.strip().lower())
    if account is None:
        raise SignInFailed(
            f"{email} heeft geen account in de studio. Vraag de beheerder om je toe te voegen."
        )
    return account
