"""The store service: one file store on desktop, a browser store per page on web."""

from __future__ import annotations

from typing import Any

from privacyapp.dossier import KdfParams

FAST = KdfParams("argon2id", b"\0" * 16, iterations=1, memory_kib=64)


class _State:
    def __init__(self) -> None:
        self.slots: dict[str, Any] = {}


def test_store_service_desktop_shares_one_file_store(tmp_path: Any) -> None:
    from privacyapp.views.kit.store_session import StoreService

    service = StoreService(tmp_path / "data", web=False)
    first, second = _State(), _State()
    session = service.session(first)
    assert session is not None and service.session(second) is session
    session.lock.kdf = FAST
    session.lock.set_pin("24680").create("path", "Op schijf")
    assert any(p.name.startswith("rec-") for p in (tmp_path / "data").iterdir())


def test_store_service_web_never_touches_the_server_disk(tmp_path: Any) -> None:
    from privacyapp.views.kit.store_session import StoreService

    service = StoreService(tmp_path / "data", web=True)
    assert service.session(_State()) is None  # loaded per page from the browser instead
    assert not (tmp_path / "data").exists()
