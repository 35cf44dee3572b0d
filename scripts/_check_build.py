"""Run `flet build <target>` (flet-cli's own code) as far as this machine can.

Used by scripts/check-build; runs in a venv with flet-cli. The real command first installs the
Flutter SDK (a download from Google's storage) and, for Android, a JDK and the Android SDK; this
machine reaches no such host. So the SDK installers are replaced by recorders that try the real
download once (to show where and why it stops), and every configuration step flet-cli runs
before it needs Flutter then runs unchanged: the target/host matrix, the entry point, the
template data (bundle id, product, version, permissions, splash, web settings) and, for ipa, the
signing preflight. The run stops, on purpose, at `create_flutter_project`, the first step that
needs the Flutter SDK and Flet's build template.

Usage: python _check_build.py PROJECT_DIR TARGET [flet build options...]
Exit status 0: every configuration check passed; 1: a check failed (its message is printed).
"""

from __future__ import annotations

import platform
import sys
import urllib.request
from pathlib import Path
from typing import Any

from flet_cli.commands import build_base, flutter_base

STOPS: list[str] = []


class ConfigFailed(Exception):
    pass


class Stopped(Exception):
    pass


def _try_download(what: str, url: str) -> None:
    try:
        with urllib.request.urlopen(url, timeout=10):
            STOPS.append(f"{what}: {url} is reachable (a full build would download it)")
    except OSError as exc:
        STOPS.append(f"{what}: STOPPED, cannot download {url} ({exc}); no network to it here")


def fake_install_flutter(self: Any) -> None:
    from flet_cli.utils import flutter as flutter_utils

    version = str(self.required_flutter_version)
    url = "(unknown)"
    try:
        url = flutter_utils.get_flutter_url(version)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - older/newer flet-cli: name the release instead
        url = f"Flutter SDK {version} archive from storage.googleapis.com"
    if url.startswith("http"):
        _try_download(f"Flutter SDK {version}", url)
    else:
        STOPS.append(f"Flutter SDK {version}: STOPPED, {url} is not reachable here")
    self.flutter_exe = "flutter"
    self.dart_exe = "dart"


def fake_install_jdk(self: Any) -> None:
    STOPS.append("JDK 17 (for apk/aab): would be installed next; not attempted")


def fake_install_android_sdk(self: Any) -> None:
    STOPS.append("Android SDK (for apk/aab): would be installed next; not attempted")


def fake_cleanup(self: Any, exit_code: int, message: Any = None, no_border: bool = False) -> None:
    if exit_code != 0:
        raise ConfigFailed(str(message))
    raise Stopped(str(message))


def stop_before_flutter(self: Any, second_pass: bool = False) -> bool:
    raise Stopped(
        "create_flutter_project: needs Flet's build template (GitHub) and the Flutter SDK"
    )


def python_manifest(workdir: Path) -> None:
    """flet-cli reads the CPython build manifest from GitHub; without it, a local one."""
    import os

    from flet_cli.utils import python_versions as pv

    if os.environ.get(pv.MANIFEST_PATH_ENV):
        return
    url = pv._MANIFEST_URL.format(date=pv._resolve_release_date())
    _try_download("Python build manifest", url)
    if "STOPPED" not in STOPS[-1]:
        return
    # The CPython 3.14 release Flet 1.0.5 bundles (flet-web's Pyodide 314.0.7 = CPython 3.14.2).
    local = workdir / "python-build-manifest.json"
    local.write_text(
        '{"default_python_version": "3.14", "pythons": {"3.14": {"full_version": "3.14.2",'
        ' "pyodide_version": "314.0.7", "android_abis": ["arm64-v8a", "armeabi-v7a",'
        ' "x86_64"], "prerelease": false}}}',
        encoding="utf-8",
    )
    os.environ[pv.MANIFEST_PATH_ENV] = str(local)
    STOPS.append(f"  continued with a local manifest for CPython 3.14.2 ({local.name})")


def main(argv: list[str]) -> int:
    project, target, *extra = argv
    python_manifest(Path(project).resolve().parent)
    flutter_base.BaseFlutterCommand.install_flutter = fake_install_flutter  # type: ignore[attr-defined]
    flutter_base.BaseFlutterCommand.install_jdk = fake_install_jdk  # type: ignore[attr-defined]
    flutter_base.BaseFlutterCommand.install_android_sdk = fake_install_android_sdk  # type: ignore[attr-defined]
    flutter_base.BaseFlutterCommand.cleanup = fake_cleanup  # type: ignore[attr-defined]
    build_base.BaseBuildCommand.create_flutter_project = stop_before_flutter  # type: ignore[attr-defined]
    # confirm prompts (the SDK installs) with yes
    flutter_base.BaseFlutterCommand._prompt_input = lambda self, prompt: True  # type: ignore[attr-defined]

    host = platform.system()
    if target in ("ipa", "macos") and host != "Darwin":
        STOPS.append(
            f"host: {target} builds run only on macOS with Xcode (this is {host}); "
            "the checks below ran as if on macOS"
        )
        flutter_base.platform.system = lambda: "Darwin"  # type: ignore[attr-defined]
    from flet_cli.cli import get_parser

    args = get_parser().parse_args(["build", target, project, "--yes", *extra])
    command = args.handler.__self__ if hasattr(args.handler, "__self__") else None
    try:
        args.handler(args)
    except ConfigFailed as exc:
        print("\n".join(STOPS))
        print(f"CONFIGURATION CHECK FAILED ({target}): {exc}")
        return 1
    except Stopped as exc:
        print("\n".join(STOPS))
        print(f"all configuration checks passed for {target}; stopped at {exc}")
        _summary(command, target)
        return 0
    print("\n".join(STOPS))
    print(f"flet build {target} finished?! (unexpected on this machine)")
    return 1


def _summary(command: Any, target: str) -> None:
    if command is None:
        return
    data = getattr(command, "template_data", None) or {}
    keys = ["project_name", "product_name", "org_name", "bundle_id", "company_name",
            "copyright", "version", "build_number", "python_module_name"]  # fmt: skip
    for key in keys:
        if key in data:
            print(f"  {key} = {data[key]!r}")
    print(f"  version (from [project]) = {command.get_pyproject('project.version')!r}")
    print(f"  entry point = {Path(command.package_app_path) / command.python_module_filename}")
    options = data.get("options", {})
    perms = options.get("android_permissions") if isinstance(options, dict) else None
    if perms is not None and target in ("apk", "aab"):
        print(f"  android permissions = {perms}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
