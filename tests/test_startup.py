"""Start-up (issues 16 and 21): the first screen needs only the engine and the shell.

The route table imports every wing, so each wing imports the heavy domain packages (the
encrypted store, the rights letters, the open-data client and its HTTP library, the PDF
libraries) inside the functions that use them. A fresh interpreter shows what importing the app
really loads; this test fails when a module-level import brings one of them back.
"""

import json
import subprocess
import sys
from pathlib import Path

#: Loaded on first use of the store, the rights screens, the directory or a PDF, never before.
DEFERRED = (
    "privacyapp.dossier",
    "privacyapp.dossier._vault",
    "privacyapp.rights",
    "privacyapp.rights.letter",
    "privacyapp.opendata",
    "httpx",
    "reportlab",
    "pyhanko",
    "cryptography",
)


def _loaded_after(statement: str) -> set[str]:
    probe = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))\n"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def _heavy(loaded: set[str]) -> list[str]:
    return sorted(
        name for name in loaded if any(name == d or name.startswith(d + ".") for d in DEFERRED)
    )


def test_importing_the_app_loads_no_store_rights_opendata_or_pdf_code() -> None:
    loaded = _loaded_after("import privacyapp.app")
    assert "privacyapp.views.shell.routes" in loaded  # the route table and its wings did load
    assert "privacyapp.views.rights.screen" in loaded
    assert _heavy(loaded) == []


def test_the_wings_still_find_their_domain_packages_on_first_use() -> None:
    statement = (
        "import privacyapp.app\n"
        "from privacyapp.views.rights import letter\n"
        "from privacyapp.views.store.lockscreen import _unlock_errors\n"
        "letter.pdf_available()\n"
        "assert all(issubclass(e, Exception) for e in _unlock_errors())\n"
    )
    loaded = _loaded_after(statement)
    assert {"privacyapp.dossier", "privacyapp.dossier._vault"} <= loaded


def test_building_the_services_loads_none_of_it_until_asked() -> None:
    """Before the first screen the composition root builds every service: the directory and
    the signer are built on first use, signing is asked without the dossier, and the content
    updater loads its HTTP library on its first check (offline here: never)."""
    statement = (
        "import tempfile\n"
        "from pathlib import Path\n"
        "from privacyapp.app import build_services\n"
        "services = build_services(Path(tempfile.mkdtemp()), web=False)\n"
        "assert services.can_sign and services.store is not None\n"
    )
    assert _heavy(_loaded_after(statement)) == []
    # asked for, they load (and work): the municipality list and the signer
    statement += (
        "assert services.directory is not None and services.directory.find('Utrecht')\n"
        "assert services.signer is not None\n"
    )
    loaded = _loaded_after(statement)
    assert {"privacyapp.opendata", "privacyapp.dossier"} <= loaded


def test_the_app_starts_without_an_http_client_and_makes_one_on_first_use() -> None:
    """``privacyapp --web`` up to serving the first screen imports no httpx and builds no
    client (its TLS context alone is ~25 ms); the directory's first use makes the one client
    every online service shares (DESIGN.md §4: network only through the injected client)."""
    statement = (
        "import tempfile\n"
        "from pathlib import Path\n"
        "import privacyapp.app as app\n"
        "served = []\n"
        "app.web_app = lambda services: served.append(services) or object()\n"
        "app._serve = lambda *args, **kwargs: 0\n"
        "app.run(web=True, host='127.0.0.1', port=0, data_dir=Path(tempfile.mkdtemp()))\n"
        "assert served and 'httpx' not in sys.modules, 'a client before the first screen'\n"
        "services = served[0]\n"
        "import httpx\n"
        "client = services.directory._client\n"
        "assert isinstance(client, httpx.Client)\n"
        "assert services.content_updates.client is client\n"
    )
    loaded = _loaded_after(statement)
    assert "privacyapp.opendata" in loaded


_FIRST_VISIT = """
import asyncio, json, sys, tempfile
from pathlib import Path
sys.path.insert(0, {standin!r})
from standin import open_session, pack
from privacyapp.app import build_services, make_main
from privacyapp.views.shell.warm import rehearse
services = build_services(Path(tempfile.mkdtemp()), web=True)
if {rehearse}:
    rehearse(services)
before = set(sys.modules)

async def visit():
    session, client = open_session("/vraag/algemeen-inzage-dossier")
    await make_main(services)(session.page)
    assert any(b"step-title" in pack(p) for p in client.patches)  # the first step was sent

asyncio.run(visit())
new = sorted(m for m in set(sys.modules) - before if m.startswith(("flet.controls", "privacyapp")))
print(json.dumps(new))
"""


def _first_visit_loads(rehearsed: bool) -> list[str]:
    standin = str(Path(__file__).parent / "views" / "shell")
    statement = _FIRST_VISIT.format(standin=standin, rehearse=rehearsed)
    out = subprocess.run(
        [sys.executable, "-c", statement],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return list(json.loads(out.splitlines()[-1]))


def test_after_the_rehearsal_the_first_visitor_waits_for_no_control_module() -> None:
    """The web server rehearses the first screens while the browser loads the client
    (``views/shell/warm.py``); the first visitor's screen then loads no Flet control class or
    app module of its own. Without the rehearsal it loads Flet's theme, among others."""
    assert "flet.controls.theme" in _first_visit_loads(rehearsed=False)
    assert _first_visit_loads(rehearsed=True) == []


def test_the_rehearsal_leaves_the_store_rights_opendata_and_pdf_code_unloaded() -> None:
    statement = (
        "import tempfile\n"
        "from pathlib import Path\n"
        "from privacyapp.app import build_services\n"
        "from privacyapp.views.shell.warm import rehearse\n"
        "services = build_services(Path(tempfile.mkdtemp()), web=False)\n"
        "assert rehearse(services)[0] == '/'\n"
    )
    assert _heavy(_loaded_after(statement)) == []
