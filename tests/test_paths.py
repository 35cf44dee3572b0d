from pathlib import Path

from privacyapp.paths import default_data_dir


def test_env_override_wins() -> None:
    assert default_data_dir({"PRIVACYAPP_DATA_DIR": "/x/y", "HOME": "/h"}) == Path("/x/y")


def test_platform_defaults() -> None:
    assert default_data_dir({"HOME": "/h"}, "linux") == Path("/h/.local/share/privacyapp")
    assert default_data_dir({"HOME": "/h"}, "darwin") == Path(
        "/h/Library/Application Support/privacyapp"
    )
    assert default_data_dir({"HOME": "/h", "APPDATA": "/a"}, "win32") == Path("/a/privacyapp")
    assert default_data_dir({"FLET_APP_STORAGE_DATA": "/m", "HOME": "/h"}) == Path("/m")
