"""Where the app keeps its data on each platform.

The data directory holds only encrypted files (DESIGN.md §5), except ``content/``: public,
signed content updates and their TUF metadata (``privacyapp.content.updater``). It can be
overridden with the global ``--data-dir`` option of the ``privacyapp`` command or the
``PRIVACYAPP_DATA_DIR`` environment variable; on mobile, Flet tells us the app's sandbox
through ``FLET_APP_STORAGE_DATA``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

__all__ = ["DATA_DIR_ENV", "default_data_dir"]

DATA_DIR_ENV = "PRIVACYAPP_DATA_DIR"
_APP_DIR_NAME = "privacyapp"


def default_data_dir(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """Return the directory for this platform's app data.

    Args:
        env: the environment to read (defaults to ``os.environ``).
        platform: ``sys.platform`` value to assume (for tests).
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if env.get(DATA_DIR_ENV):
        return Path(env[DATA_DIR_ENV]).expanduser()
    if env.get("FLET_APP_STORAGE_DATA"):
        return Path(env["FLET_APP_STORAGE_DATA"])
    home = Path(env.get("HOME") or env.get("USERPROFILE") or Path.home())
    if platform.startswith("win"):
        base = Path(env.get("APPDATA") or home / "AppData" / "Roaming")
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(env.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / _APP_DIR_NAME
