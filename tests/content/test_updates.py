"""Content updates over TUF, against a real HTTP server on 127.0.0.1: accepted and refused.

Every refusal must name what was wrong and leave the content the app had in place.
"""

from __future__ import annotations

import io
import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from tuf.api.metadata import Metadata, Root, Timestamp
from update_kit import (
    NOW,
    Server,
    copy_tree,
    endless,
    example_bundle,
    first_advice_title,
    fixed_clock,
    make_bundle,
    slow,
)

from privacyapp.cli import main
from privacyapp.content import load_bundle
from privacyapp.content.errors import (
    KeysMissing,
    PublishError,
    UpdateFailed,
    UpdateIncompatible,
    UpdateRefused,
    UpdateUnavailable,
)
from privacyapp.content.publish import ContentRepository, init_repository
from privacyapp.content.updater import ContentUpdater, UpdateLimits, UpdateSource
from privacyapp.engine import Library


@pytest.fixture(scope="module")
def base() -> dict[str, Any]:
    return example_bundle()


@pytest.fixture(scope="module")
def builtin(base: dict[str, Any]) -> Library:
    """What the app ships in these tests: content 2026.1.0."""
    return load_bundle(make_bundle(base, "2026.1.0", title="Ingebouwd advies"))


@pytest.fixture
def repo(tmp_path: Path) -> ContentRepository:
    return init_repository(tmp_path / "repo", tmp_path / "keys", clock=fixed_clock(NOW))


@pytest.fixture
def server(repo: ContentRepository) -> Any:
    with Server(repo.repo) as running:
        yield running


@pytest.fixture
def client() -> Any:
    with httpx.Client() as c:
        yield c


def updater_for(
    repo: ContentRepository,
    server: Server,
    client: httpx.Client,
    data_dir: Path,
    builtin: Library,
    **kwargs: Any,
) -> ContentUpdater:
    root = (repo.metadata_dir / "1.root.json").read_bytes()
    kwargs.setdefault("clock", fixed_clock(NOW))
    return ContentUpdater(
        data_dir,
        client,
        source=UpdateSource(server.url, root, "trust"),
        builtin=lambda: builtin,
        **kwargs,
    )


@pytest.fixture
def installed(
    repo: ContentRepository,
    server: Server,
    client: httpx.Client,
    tmp_path: Path,
    builtin: Library,
    base: dict[str, Any],
) -> ContentUpdater:
    """An app that installed content 2026.2.0 ("Goed advies") from the server."""
    repo.publish(make_bundle(base, "2026.2.0", title="Goed advies"), min_app_version="0.1.0")
    updater = updater_for(repo, server, client, tmp_path / "data", builtin)
    assert updater.check().result == "updated"
    return updater


def assert_kept(updater: ContentUpdater, result: str = "refused") -> None:
    """The last good content is still what the app uses, and the status says why."""
    library = updater.active_library()
    assert library.content_version == "2026.2.0"
    assert first_advice_title(library) == "Goed advies"
    assert updater.status().last_result == result


# ---------------------------------------------------------------------- accepted


def test_a_corrected_advice_text_reaches_the_app(
    installed: ContentUpdater, repo: ContentRepository, base: dict[str, Any]
) -> None:
    assert first_advice_title(installed.active_library()) == "Goed advies"
    repo.publish(make_bundle(base, "2026.3.0", title="Verbeterd advies"), min_app_version="0.1.0")
    outcome = installed.check()
    assert outcome.result == "updated"
    assert outcome.library is not None and first_advice_title(outcome.library) == "Verbeterd advies"
    assert first_advice_title(installed.active_library()) == "Verbeterd advies"
    status = installed.status()
    assert status.installed is not None and status.installed["content_version"] == "2026.3.0"
    assert status.installed["published_at"] == "2026-12-02T12:00:00Z"
    assert status.previous is not None and status.previous["content_version"] == "2026.2.0"
    assert load_bundle(installed.previous_path.read_bytes()).content_version == "2026.2.0"


def test_nothing_new_downloads_no_bundle(installed: ContentUpdater, server: Server) -> None:
    server.requests.clear()
    outcome = installed.check()
    assert outcome.result == "current"
    assert "up to date" in outcome.message
    assert not any("/targets/" in p for p in server.paths())
    assert installed.status().last_success == NOW.isoformat()


def test_content_older_than_the_built_in_is_not_installed(
    repo: ContentRepository,
    server: Server,
    client: httpx.Client,
    tmp_path: Path,
    builtin: Library,
    base: dict[str, Any],
) -> None:
    repo.publish(make_bundle(base, "2025.9.0", title="Oud"), min_app_version="0.1.0")
    updater = updater_for(repo, server, client, tmp_path / "data", builtin)
    assert updater.check().result == "current"
    assert updater.active_library() is builtin


def test_a_key_rotation_is_accepted(
    installed: ContentUpdater, repo: ContentRepository, base: dict[str, Any], tmp_path: Path
) -> None:
    root = repo.root().signed
    for role in ("targets", "timestamp", "root"):
        repo.rotate_key(role, root.roles[role].keyids[0], tmp_path / "keys")
    assert repo.root().signed.version == 4
    repo.publish(make_bundle(base, "2026.3.0", title="Na rotatie"), min_app_version="0.1.0")
    # the app still ships root version 1 and walks 2, 3 and 4
    assert installed.check().result == "updated"
    assert first_advice_title(installed.active_library()) == "Na rotatie"


def test_the_metadata_reaches_no_further_than_the_server(
    installed: ContentUpdater, server: Server
) -> None:
    server.set_cookie = True
    installed.check()
    installed.check()
    sent = {"Host", "Accept", "Accept-Encoding", "Connection", "User-Agent", "Cache-Control"}
    for _, headers in server.requests:
        assert set(headers) <= sent  # no cookie, no id, nothing about the user
        assert "Cookie" not in headers
        assert headers["User-Agent"] == "PrivacyApp"
        assert headers["Accept-Encoding"] == "identity"


# ---------------------------------------------------------------------- attacks and faults


def test_a_rollback_to_older_metadata_is_refused(
    installed: ContentUpdater,
    repo: ContentRepository,
    server: Server,
    tmp_path: Path,
    base: dict[str, Any],
) -> None:
    old = copy_tree(repo.repo, tmp_path / "old")
    repo.publish(make_bundle(base, "2026.3.0", title="Nieuwer"), min_app_version="0.1.0")
    installed.check()
    server.root = old  # the mirror replays the repository as it was
    with pytest.raises(UpdateRefused, match="older metadata than this app has seen"):
        installed.check()
    assert first_advice_title(installed.active_library()) == "Nieuwer"


def test_expired_metadata_is_refused(installed: ContentUpdater, repo: ContentRepository) -> None:
    installed.clock = fixed_clock(NOW + timedelta(days=8))  # nobody re-signed the timestamp
    with pytest.raises(UpdateRefused, match="expired"):
        installed.check()
    assert_kept(installed)
    about = installed.about()
    assert about.stale and about.last_result == "refused" and about.from_update
    assert about.content_version == "2026.2.0" and about.last_success == NOW.isoformat()
    repo.clock = fixed_clock(NOW + timedelta(days=8))
    repo.refresh_timestamp()  # the daily job catches up: accepted again
    assert installed.check().result == "current"


def test_mixed_metadata_from_two_versions_is_refused(
    installed: ContentUpdater, repo: ContentRepository, server: Server, base: dict[str, Any]
) -> None:
    old_snapshot = (repo.metadata_dir / "1.snapshot.json").read_bytes()
    repo.publish(make_bundle(base, "2026.3.0", title="Nieuwer"), min_app_version="0.1.0")
    server.overrides["/metadata/2.snapshot.json"] = old_snapshot
    with pytest.raises(UpdateRefused, match="does not match its signed length or hash"):
        installed.check()
    assert_kept(installed)


def test_a_changed_bundle_is_refused(
    installed: ContentUpdater, repo: ContentRepository, server: Server, base: dict[str, Any]
) -> None:
    published = repo.publish(
        make_bundle(base, "2026.3.0", title="Nieuwer"), min_app_version="0.1.0"
    )
    path = f"/targets/{published.sha256}.content-bundle.json"
    good = (repo.repo / path.lstrip("/")).read_bytes()
    server.overrides[path] = good.replace(b"Nieuwer", b"Vals!!!")
    with pytest.raises(UpdateRefused, match="changed"):
        installed.check()
    assert_kept(installed)


def test_a_signature_by_an_unknown_key_is_refused(
    installed: ContentUpdater,
    repo: ContentRepository,
    server: Server,
    tmp_path: Path,
) -> None:
    from securesystemslib.signer import CryptoSigner

    timestamp = Metadata[Timestamp].from_bytes((repo.metadata_dir / "timestamp.json").read_bytes())
    timestamp.signed.version += 1
    timestamp.sign(CryptoSigner.generate_ed25519())  # replaces the real signature
    server.overrides["/metadata/timestamp.json"] = timestamp.to_bytes()
    with pytest.raises(UpdateRefused, match="not signed by enough trusted keys"):
        installed.check()
    assert_kept(installed)


def test_too_few_root_signatures_are_refused(
    installed: ContentUpdater,
    repo: ContentRepository,
    server: Server,
    tmp_path: Path,
) -> None:
    from securesystemslib.signer import CryptoSigner

    # root needs 2 of 3 signatures; an attacker with one stolen root key adds his own key
    stolen_id = repo.root().signed.roles["root"].keyids[0]
    stolen = repo._signers(repo.root().signed, "root")[0]
    assert stolen.public_key.keyid == stolen_id
    root = Metadata[Root].from_bytes((repo.metadata_dir / "1.root.json").read_bytes())
    own = CryptoSigner.generate_ed25519()
    root.signed.version = 2
    root.signed.add_key(own.public_key, "targets")
    root.sign(stolen)
    root.sign(own, append=True)
    server.overrides["/metadata/2.root.json"] = root.to_bytes()
    with pytest.raises(UpdateRefused, match="not signed by enough trusted keys"):
        installed.check()
    assert_kept(installed)


def test_the_publisher_refuses_to_sign_below_the_threshold(
    repo: ContentRepository, tmp_path: Path
) -> None:
    for path in sorted((tmp_path / "keys" / "root").glob("*.pem"))[1:]:
        path.unlink()  # only one root key holder is present
    with pytest.raises(KeysMissing, match="needs 2 of its keys, but only 1"):
        repo.resign("root")
    assert repo.root().signed.version == 1


def test_an_endless_answer_is_cut_off(installed: ContentUpdater, server: Server) -> None:
    server.overrides["/metadata/timestamp.json"] = endless
    with pytest.raises(UpdateRefused, match="more data than allowed"):
        installed.check()
    assert_kept(installed)


def test_an_oversized_bundle_is_not_downloaded(
    repo: ContentRepository,
    server: Server,
    client: httpx.Client,
    tmp_path: Path,
    builtin: Library,
    base: dict[str, Any],
) -> None:
    repo.publish(make_bundle(base, "2026.2.0"), min_app_version="0.1.0")
    updater = updater_for(
        repo, server, client, tmp_path / "data", builtin, limits=UpdateLimits(bundle_bytes=1000)
    )
    with pytest.raises(UpdateRefused, match="more than this app accepts"):
        updater.check()
    assert not any("/targets/" in p for p in server.paths())
    assert updater.active_library() is builtin


def test_a_slow_server_is_given_up_on(installed: ContentUpdater, server: Server) -> None:
    server.overrides["/metadata/timestamp.json"] = slow
    installed.limits = UpdateLimits(file_seconds=0.5, read_seconds=0.1)
    with pytest.raises(UpdateUnavailable, match="too slow|did not answer|stopped sending"):
        installed.check()
    assert_kept(installed, result="unavailable")


def test_an_unreachable_server_keeps_the_content(installed: ContentUpdater) -> None:
    installed.source = UpdateSource("http://127.0.0.1:9", installed.source.root)  # type: ignore[union-attr]
    with pytest.raises(UpdateUnavailable, match="cannot be reached"):
        installed.check()
    assert_kept(installed, result="unavailable")


def test_a_bundle_the_engine_rejects_is_refused(
    installed: ContentUpdater, repo: ContentRepository, base: dict[str, Any]
) -> None:
    repo.publish(make_bundle(base, "2026.3.0", break_reference=True), min_app_version="0.1.0")
    with pytest.raises(UpdateRefused, match='leads to "bestaat-niet"'):
        installed.check()
    assert_kept(installed)


def test_a_bundle_for_a_newer_app_is_refused(
    installed: ContentUpdater, repo: ContentRepository, base: dict[str, Any]
) -> None:
    repo.publish(make_bundle(base, "2026.3.0"), min_app_version="9.0.0")
    with pytest.raises(UpdateIncompatible, match="needs app version 9.0.0 or newer"):
        installed.check()
    assert_kept(installed, result="incompatible")


def test_an_older_version_signed_by_the_publisher_is_refused(
    installed: ContentUpdater, repo: ContentRepository, base: dict[str, Any]
) -> None:
    with pytest.raises(PublishError, match="not newer than the published 2026.2.0"):
        repo.publish(make_bundle(base, "2026.1.5"), min_app_version="0.1.0")
    repo.publish(make_bundle(base, "2026.1.5"), min_app_version="0.1.0", allow_same_version=True)
    with pytest.raises(UpdateRefused, match="not newer than the installed 2026.2.0"):
        installed.check()
    assert_kept(installed)


# ---------------------------------------------------------------------- never without content


def test_a_damaged_installed_bundle_falls_back(
    installed: ContentUpdater, repo: ContentRepository, builtin: Library, base: dict[str, Any]
) -> None:
    repo.publish(make_bundle(base, "2026.3.0", title="Derde"), min_app_version="0.1.0")
    installed.check()
    installed.bundle_path.write_bytes(b"{kapot")
    assert first_advice_title(installed.active_library()) == "Goed advies"  # the previous one
    installed.previous_path.unlink()
    assert installed.active_library() is builtin
    (installed.dir / "status.json").write_text("niet json")
    assert installed.active_library() is builtin


def test_the_app_starts_on_the_installed_update(
    installed: ContentUpdater, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from privacyapp import app
    from privacyapp.content import builtin_library

    shipped = builtin_library()
    # the installed update must be newer than what this app ships to be used
    data = make_bundle(json.loads(Path(installed.bundle_path).read_bytes()), "2099.1.0")
    record = installed.status()
    assert record.installed is not None
    record.installed.update(
        content_version="2099.1.0", sha256=__import__("hashlib").sha256(data).hexdigest()
    )
    installed._install(data, record.installed, record)
    installed._save_status(record)
    services = app.build_services(tmp_path / "data", web=True)
    assert services.library.content_version == "2099.1.0"
    assert services.content.version == "2099.1.0"
    assert shipped.content_version != "2099.1.0"
    updater = services.content_updates
    assert updater.status().installed["content_version"] == "2099.1.0"


# ---------------------------------------------------------------------- the commands


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err, env={}, clock=fixed_clock(NOW))
    return code, out.getvalue(), err.getvalue()


def test_publish_update_and_status_from_the_command_line(tmp_path: Path) -> None:
    from update_kit import EXAMPLES

    repo, keys, data = tmp_path / "repo", tmp_path / "keys", tmp_path / "data"
    code, out, err = run("content", "init", "--repo", str(repo), "--keys", str(keys))
    assert code == 0, err
    assert "root      version 1" in out
    code, out, err = run(
        "content", "publish", "--repo", str(repo), "--keys", str(keys), "--flows", str(EXAMPLES)
    )
    assert code == 0, err
    assert "published content" in out and "timestamp version 1" in out
    code, out, err = run(
        "content", "publish", "--repo", str(repo), "--keys", str(keys), "--flows", str(EXAMPLES)
    )
    assert code == 1 and "already published with the same text" in err
    with Server(repo) as server:
        trust = str(repo / "metadata" / "1.root.json")
        code, out, err = run(
            "--data-dir",
            str(data),
            "content",
            "update",
            "--from",
            server.url,
            "--trust",
            trust,
            "--format",
            "json",
        )
        assert code == 0, err
        assert json.loads(out)["result"] in {"updated", "current"}
        code, out, err = run("--data-dir", str(data), "content", "update", "--from", server.url)
        assert code == 1 and "give --from URL and --trust ROOT_JSON" in err
    code, out, err = run("--data-dir", str(data), "content", "status", "--format", "json")
    assert code == 0, err
    status = json.loads(out)
    assert status["last_check"] == NOW.isoformat()
    assert status["source"].startswith("http://127.0.0.1:")
    code, out, err = run("content", "refresh-timestamp", "--repo", str(repo), "--keys", str(keys))
    assert code == 0 and "timestamp version 2" in out
    code, out, err = run("content", "keys", "list", "--repo", str(repo), "--keys", str(keys))
    assert out.count("at hand") == 6


def test_keys_never_go_inside_the_repository(tmp_path: Path) -> None:
    code, _, err = run(
        "content", "init", "--repo", str(tmp_path / "r"), "--keys", str(tmp_path / "r" / "keys")
    )
    assert code == 1 and "private keys must never be published" in err
    assert not (tmp_path / "r" / "keys").exists()


def test_a_trust_file_that_is_no_root_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "root.json"
    bad.write_text("{}")
    code, _, err = run(
        "--data-dir",
        str(tmp_path / "d"),
        "content",
        "update",
        "--from",
        "http://127.0.0.1:9",
        "--trust",
        str(bad),
    )
    assert code == 1 and "is not TUF root metadata" in err


def test_a_running_app_shows_the_new_text_and_a_flow_in_progress_keeps_its_own(
    repo: ContentRepository,
    server: Server,
    client: httpx.Client,
    tmp_path: Path,
    base: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from privacyapp import app
    from privacyapp.content import builtin_library
    from privacyapp.engine.session import FlowSession

    shipped = builtin_library()
    newer = json.loads(shipped_bundle_bytes())
    repo.publish(
        make_bundle(newer, "2099.1.0", title="Gecorrigeerd advies"), min_app_version="0.1.0"
    )
    monkeypatch.setenv("PRIVACYAPP_CONTENT_URL", server.url)
    monkeypatch.setenv("PRIVACYAPP_CONTENT_ROOT", str(repo.metadata_dir / "1.root.json"))
    services = app.build_services(tmp_path / "data", web=True, http_client=client)
    updates = services.content_updates
    updates.stop_background()  # the app's own check would come after 5 s; this test checks now
    flow = next(iter(services.library.flows.values()))
    started = FlowSession.start(flow, content_hash=services.library.content_hash, clock=lambda: NOW)
    assert updates.check().result == "updated"
    assert services.library.content_version == "2099.1.0"
    assert first_advice_title(services.library) == "Gecorrigeerd advies"
    assert services.content.version == "2099.1.0"
    # the flow that was open finishes on the content it started with, under its old hash
    assert started.flow is flow and started.content_hash == shipped.content_hash
    assert started.content_hash != services.library.content_hash


def shipped_bundle_bytes() -> bytes:
    from importlib import resources

    return resources.files("privacyapp").joinpath("assets", "content-bundle.json").read_bytes()


def test_the_background_check_runs_and_stores_its_result(
    installed: ContentUpdater, repo: ContentRepository, base: dict[str, Any]
) -> None:
    import threading

    repo.publish(make_bundle(base, "2026.3.0", title="Op de achtergrond"), min_app_version="0.1.0")
    done = threading.Event()
    installed.on_installed = lambda library: done.set()
    stop = installed.start_background(first_delay=0.0, every=3600)
    try:
        assert done.wait(60)
    finally:
        stop.set()
    assert first_advice_title(installed.active_library()) == "Op de achtergrond"


def test_without_a_source_the_app_never_goes_online(tmp_path: Path, builtin: Library) -> None:
    updater = ContentUpdater(tmp_path, httpx.Client(), source=None, builtin=lambda: builtin)
    assert updater.start_background().is_set()
    with pytest.raises(UpdateFailed, match="no update address"):
        updater.check()
    assert updater.status().last_result == "not-configured"
    assert not updater.is_stale()
    assert not updater.about().updates_enabled and not updater.about().from_update


def test_a_lost_key_is_removed_and_clients_follow(
    installed: ContentUpdater, repo: ContentRepository, base: dict[str, Any], tmp_path: Path
) -> None:
    root = repo.root().signed
    lost = root.roles["root"].keyids[2]
    with pytest.raises(PublishError, match="fewer keys than its threshold"):
        repo.remove_key("targets", root.roles["targets"].keyids[0])
    repo.remove_key("root", lost[:12])  # a root key holder lost theirs: 2 of 2 remain
    assert lost not in repo.root().signed.roles["root"].keyids
    repo.add_key("root", tmp_path / "keys")  # and a new holder joins: 2 of 3 again
    repo.set_threshold("targets", 1)
    repo.publish(make_bundle(base, "2026.3.0", title="Na verlies"), min_app_version="0.1.0")
    assert installed.check().result == "updated"
    assert repo.root().signed.version == 4


def test_a_first_start_is_not_stale_but_a_week_of_failures_is(
    tmp_path: Path, builtin: Library, client: httpx.Client
) -> None:
    source = UpdateSource("http://127.0.0.1:9", b"{}")
    updater = ContentUpdater(
        tmp_path, client, source=source, builtin=lambda: builtin, clock=fixed_clock(NOW)
    )
    assert not updater.about().stale and updater.about().last_result == "never"
    with pytest.raises(UpdateFailed):
        updater.check()
    assert not updater.about().stale
    updater.clock = fixed_clock(NOW + timedelta(days=8))
    assert updater.about().stale


def test_trust_writes_what_a_release_ships(tmp_path: Path) -> None:
    repo, keys, assets = tmp_path / "repo", tmp_path / "keys", tmp_path / "assets"
    assert run("content", "init", "--repo", str(repo), "--keys", str(keys))[0] == 0
    code, _, err = run(
        "content", "trust", "--repo", str(repo), "--url", "http://x", "--out", str(assets)
    )
    assert code == 2 and "https" in err
    code, out, err = run(
        "content",
        "trust",
        "--repo",
        str(repo),
        "--url",
        "https://example.org/c",
        "--out",
        str(assets),
    )
    assert code == 0, err
    assert (assets / "content-root.json").read_bytes() == (
        repo / "metadata" / "1.root.json"
    ).read_bytes()
    assert json.loads((assets / "content-update.json").read_text()) == {
        "url": "https://example.org/c"
    }
    assert not list(assets.glob("*.pem"))


def test_a_corrected_advice_published_from_the_flows_reaches_content_update(
    tmp_path: Path,
) -> None:
    import shutil

    from update_kit import REPO as SOURCE

    flows = shutil.copytree(SOURCE / "flows", tmp_path / "flows")
    registry = flows / "registry.yaml"
    text = re.sub(r"(?m)^content_version: .*$", "content_version: 2099.1.0", registry.read_text())
    registry.write_text(text)
    flow_file = flows / "algemeen" / "algemeen-bewaartermijn.yaml"
    old_title = "Vraag je gemeente hoe lang je Wmo-dossier wordt bewaard"
    new_title = "Vraag je gemeente hoe lang ze je Wmo-dossier bewaren"
    flow_file.write_text(flow_file.read_text().replace(old_title, new_title))
    repo, keys, data = tmp_path / "repo", tmp_path / "keys", tmp_path / "data"
    assert run("content", "init", "--repo", str(repo), "--keys", str(keys))[0] == 0
    code, _, err = run(
        "content", "publish", "--repo", str(repo), "--keys", str(keys), "--flows", str(flows)
    )
    assert code == 0, err
    with Server(repo) as server:
        code, out, err = run(
            "--data-dir",
            str(data),
            "content",
            "update",
            "--from",
            server.url,
            "--trust",
            str(repo / "metadata" / "1.root.json"),
        )
    assert code == 0, err
    assert out == "content 2099.1.0 was installed\n"
    library = ContentUpdater(data, None).active_library()
    node = library.get("algemeen-bewaartermijn").nodes["advies-wmo"]
    assert node.title == new_title  # type: ignore[union-attr]
    code, out, _ = run("--data-dir", str(data), "content", "status")
    assert "content in use: 2099.1.0 (update)" in out


def test_a_crash_during_the_swap_keeps_the_old_content(
    installed: ContentUpdater,
    repo: ContentRepository,
    base: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

    repo.publish(make_bundle(base, "2026.3.0", title="Halverwege"), min_app_version="0.1.0")
    real_replace = os.replace

    def power_cut(source: Any, target: Any) -> None:
        if str(target).endswith("bundle.json"):
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(UpdateFailed, match="cannot be saved on this device"):
        installed.check()
    monkeypatch.setattr(os, "replace", real_replace)
    assert_kept(installed, result="failed")
    assert not [p for p in installed.dir.iterdir() if p.name.endswith(".tmp")]
