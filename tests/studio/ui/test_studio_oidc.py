"""The OpenID Connect sign-in: the configuration, Flet's OAuth code flow against a fake
provider on 127.0.0.1 (no real identity provider is reachable), and the mapping from a verified
e-mail address to a studio account whose roles stay the studio's."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from flet.auth.authorization_service import AuthorizationService
from studiokit import FAST
from uikit import idents, texts

from privacyapp.studio import Studio, User
from privacyapp.studio.errors import InvalidInput, SignInFailed
from privacyapp.studio.oidc import OidcConfig, load_oidc_config
from privacyapp.views.studio import oidc
from privacyapp.views.studio.app import StudioUI

SECRET = "een-geheim-van-de-studio"
ENV = {"PRIVACYAPP_STUDIO_OIDC_SECRET": SECRET}


class FakeProvider:
    """An OpenID Connect provider's token and userinfo endpoints, on 127.0.0.1."""

    def __init__(self) -> None:
        self.challenge = ""
        self.claims: dict[str, Any] = {}
        self.requests: list[dict[str, list[str]]] = []
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _json(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802 - the http.server name
                form = parse_qs(self.rfile.read(int(self.headers["content-length"])).decode())
                provider.requests.append(form)
                verifier = form.get("code_verifier", [""])[0]
                digest = hashlib.sha256(verifier.encode()).digest()
                made = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
                ok = (
                    self.path == "/token"
                    and form.get("grant_type") == ["authorization_code"]
                    and form.get("code") == ["code-123"]
                    and form.get("client_secret") == [SECRET]
                    and made == provider.challenge
                )
                if not ok:
                    self._json(401, {"error": "invalid_grant"})
                    return
                self._json(200, {"access_token": "at-1", "token_type": "Bearer",
                                 "expires_in": 300})  # fmt: skip

            def do_GET(self) -> None:  # noqa: N802 - the http.server name
                if self.path != "/userinfo" or self.headers.get("authorization") != "Bearer at-1":
                    self._json(401, {"error": "invalid_token"})
                    return
                self._json(200, provider.claims)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def idp(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeProvider]:
    # oauthlib refuses http; the fake provider on this machine has no certificate
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")
    fake = FakeProvider()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


def _write_config(tmp_path: Path, base: str, extra: str = "") -> Path:
    path = tmp_path / "oidc.toml"
    path.write_text(
        f'issuer = "{base}"\nname = "Gemeente-account"\nclient_id = "privacyapp-studio"\n'
        f'redirect_url = "http://127.0.0.1:8560/oauth_callback"\n'
        f'authorization_endpoint = "{base}/authorize"\ntoken_endpoint = "{base}/token"\n'
        f'userinfo_endpoint = "{base}/userinfo"\n{extra}\n'
        '[accounts]\n"Jet@Gemeente.example" = "jet"\n"piet@gemeente.example" = "piet"\n'
        '"nog.niet@gemeente.example" = "niemand"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def config(tmp_path: Path, idp: FakeProvider) -> OidcConfig:
    return load_oidc_config(_write_config(tmp_path, idp.url), ENV)


@pytest.fixture
def studio(
    content_repo: Path, tmp_path: Path, ticking: Callable[[], datetime], config: OidcConfig
) -> Studio:
    return Studio(content_repo, tmp_path / "data", clock=ticking, hash_params=FAST, oidc=config)


def _flet_login(config: OidcConfig, idp: FakeProvider) -> AuthorizationService:
    """What page.login and the /oauth_callback do, without a browser: Flet's own service."""
    service = AuthorizationService(oidc.provider(config), fetch_user=True, fetch_groups=False)
    url, state = service.get_authorization_data()
    query = parse_qs(urlsplit(url).query)
    assert url.startswith(f"{idp.url}/authorize?")
    assert query["response_type"] == ["code"] and query["client_id"] == ["privacyapp-studio"]
    assert query["redirect_uri"] == [config.redirect_url] and query["state"] == [state]
    assert query["scope"] == ["openid email profile"]
    assert query["code_challenge_method"] == ["S256"]
    idp.challenge = query["code_challenge"][0]  # the provider keeps it with the code
    asyncio.run(service.request_token("code-123"))
    return service


def test_the_code_flow_signs_in_as_the_mapped_account_with_its_own_roles(
    studio: Studio, team: dict[str, User], config: OidcConfig, idp: FakeProvider
) -> None:
    idp.claims = {"sub": "u-1", "email": "jet@gemeente.example", "email_verified": True,
                  "groups": ["beheerder"], "roles": ["publicist"]}  # fmt: skip
    service = _flet_login(config, idp)
    assert service.user is not None and service.user.id == "u-1"
    assert "client_secret" in idp.requests[0]  # sent to the provider, never shown
    token, user = studio.sign_in_oidc(dict(service.user))
    assert user.name == "jet" and user.roles == {"jurist"}  # the provider's roles count not
    assert studio.session_user(token).name == "jet"
    entry = [e for e in studio.audit() if e.action == "aangemeld"][-1]
    assert entry.actor == "jet" and entry.detail["via"] == "openid-connect"


def test_the_sign_in_screen_offers_the_provider_and_finishes_the_sign_in(
    studio: Studio, team: dict[str, User]
) -> None:
    ui = StudioUI(None, studio)
    ui.go("/aanmelden")
    assert "sign-in-oidc" in idents(ui.body.controls[0])
    assert "Aanmelden met Gemeente-account" in texts(ui.body.controls[0])
    oidc.complete(ui, None, {"sub": "u-2", "email": "piet@gemeente.example",
                             "email_verified": True})  # fmt: skip
    assert ui.state.user is not None and ui.state.user.name == "piet" and ui.state.route == "/"


@pytest.mark.parametrize(
    ("claims", "said"),
    [
        ({"sub": "1", "email": "jet@gemeente.example", "email_verified": False}, "niet bevestigd"),
        ({"sub": "1", "email": "jet@gemeente.example"}, "niet bevestigd"),
        ({"sub": "1", "email": "kim@elders.example", "email_verified": True}, "geen account"),
        ({"sub": "1", "email_verified": True}, "geen e-mailadres"),
        ({"sub": "1", "email": "nog.niet@gemeente.example", "email_verified": True},
         "bestaat niet"),
    ],
)  # fmt: skip
def test_who_does_not_get_in_is_told_why(
    studio: Studio, team: dict[str, User], claims: dict[str, Any], said: str
) -> None:
    with pytest.raises(SignInFailed, match=said):
        studio.sign_in_oidc(claims)
    ui = StudioUI(None, studio)
    oidc.complete(ui, None, claims)
    assert ui.state.user is None and said in texts(ui.body.controls[0])


def test_a_blocked_account_does_not_get_in(studio: Studio, team: dict[str, User]) -> None:
    studio.update_account(None, "jet", active=False)
    with pytest.raises(SignInFailed, match="geblokkeerd"):
        studio.sign_in_oidc({"sub": "1", "email": "jet@gemeente.example", "email_verified": True})


def test_a_refused_code_exchange_is_shown_and_nobody_is_signed_in(
    studio: Studio, team: dict[str, User], config: OidcConfig, idp: FakeProvider
) -> None:
    service = AuthorizationService(oidc.provider(config), fetch_user=True, fetch_groups=False)
    service.get_authorization_data()
    idp.challenge = "een andere uitdaging"  # as if someone else's code were replayed
    with pytest.raises(httpx.HTTPStatusError):
        asyncio.run(service.request_token("code-123"))
    ui = StudioUI(None, studio)
    oidc.complete(ui, "invalid_grant", None)  # what page.on_login then reports
    assert ui.state.user is None and "Aanmelden met Gemeente-account lukte niet" in texts(
        ui.body.controls[0]
    )


def test_every_sign_in_gets_its_own_pkce_verifier(config: OidcConfig) -> None:
    first, second = oidc.provider(config), oidc.provider(config)
    assert first.code_verifier != second.code_verifier
    digest = hashlib.sha256(str(first.code_verifier).encode()).digest()
    assert first.code_challenge == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda t: t.replace('issuer = "http://127.0.0.1', 'issuer = "http://login'), "https"),
        (lambda t: 'client_secret = "x"\n' + t, "niet in het bestand"),
        (lambda t: t.replace('client_id = "privacyapp-studio"\n', ""), "client_id"),
        (lambda t: t.split("[accounts]")[0] + "[accounts]\n", "leeg"),
        (lambda t: t.replace('= "jet"', "= 3"), "accountnaam"),
        (lambda t: t.replace("name = ", "name == "), "geen geldige TOML"),
    ],
)
def test_a_wrong_configuration_says_what_to_fix(
    tmp_path: Path, change: Callable[[str], str], said: str
) -> None:
    path = _write_config(tmp_path, "http://127.0.0.1:9")
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(InvalidInput, match=said):
        load_oidc_config(path, ENV)


def test_the_secret_must_be_in_the_environment(tmp_path: Path) -> None:
    path = _write_config(tmp_path, "https://login.gemeente.example")
    with pytest.raises(InvalidInput, match="PRIVACYAPP_STUDIO_OIDC_SECRET"):
        load_oidc_config(path, {})
    config = load_oidc_config(path, ENV)
    assert config.client_secret == SECRET and SECRET not in repr(config)
    assert config.accounts["jet@gemeente.example"] == "jet"  # addresses compare in lower case
