"""The entry point that `flet build` (iOS, Android, desktop) and the static web build run.

`flet build` looks for ``<[tool.flet.app] path>/<module>.py``; this is that file. On a device or
desktop it starts the app with files in the app's own data folder and the one outbound HTTP
client; in the browser (Pyodide, ``sys.platform == "emscripten"``) it starts the same app with the
store in the browser's storage and no network client: there are no sockets in Pyodide, and the
built-in municipality list and content serve offline. Pyodide has no Pillow either, so there
reportlab runs in its own no-images mode (``dossier._nopillow``): letters and the export are
real PDFs, with the same bytes as on a device; reportlab itself is fetched from the site on the
first PDF (``dossier._sitepackages``), not with the app.
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

        if importlib.util.find_spec("reportlab") is None:  # the build serves it on its own
            fetch_on_import({"reportlab": SITE_PACKAGES + "reportlab.zip"})
        allow_reportlab_without_pillow()
        run_browser()
    else:
        run_device()


main()
