"""The entry point that `flet build` (iOS, Android, desktop) and the static web build run.

`flet build` looks for ``<[tool.flet.app] path>/<module>.py``; this is that file. On a device or
desktop it starts the app with files in the app's own data folder and the one outbound HTTP
client; in the browser (Pyodide, ``sys.platform == "emscripten"``) it starts the same app with the
store in the browser's storage and no network client: there are no sockets in Pyodide, and the
built-in municipality list and content serve offline. Pyodide has no Pillow either, so there
reportlab runs in its own no-images mode (``dossier._nopillow``): letters and the export are
real PDFs, with the same bytes as on a device; reportlab itself is fetched from the site on the
first PDF (``dossier._sitepackages``), not with the app, and asn1crypto on the first signature.
"""

from __future__ import annotations

import sys

#: Where the static web build puts the packages it fetches on first import (_precompile.mjs).
SITE_PACKAGES = "/vendor/python/"


def main() -> None:
    from privacyapp.app import run_browser, run_device

    if sys.platform == "emscripten":
        import importlib.util

        from privacyapp.dossier._nopillow import allow_reportlab_without_pillow
        from privacyapp.dossier._sitepackages import fetch_on_import

        # the build serves these on their own: PDFs (reportlab) and signatures (asn1crypto)
        lazy = {name: f"{SITE_PACKAGES}{name}.zip" for name in ("reportlab", "asn1crypto")}
        missing = {
            name: url for name, url in lazy.items() if importlib.util.find_spec(name) is None
        }
        if missing:
            fetch_on_import(missing)
        allow_reportlab_without_pillow()
        run_browser()
    else:
        run_device()


main()
