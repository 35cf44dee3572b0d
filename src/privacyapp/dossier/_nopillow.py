"""reportlab without Pillow, for the static web build (Pyodide has no Pillow wheel we can get).

reportlab 5 imports Pillow in one place only, ``from PIL import Image`` in ``reportlab.lib.utils``,
and keeps working without it: it sets ``haveImages = Image is not None`` and needs Pillow only to
read raster images (``drawImage`` of a PNG, ``ImageReader``), which the app's PDFs never draw.
Pillow's other use here, the sRGB profile of the PDF/A record, already allows its absence
(``_pdfa.srgb_profile`` returns ``None``) and belongs to the signed record, which needs PyCA anyway.

``allow_reportlab_without_pillow`` registers, only where Pillow cannot be imported, an empty
``PIL`` package whose ``Image`` is ``None``: reportlab's own "no images" mode. A raster image would
then fail inside reportlab with its own error ("PIL not available"), never silently.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
import types

__all__ = ["allow_reportlab_without_pillow", "pillow_is_absent"]

_MARK = "__privacyapp_without_pillow__"


def _pillow_importable() -> bool:
    try:
        return importlib.util.find_spec("PIL") is not None
    except (ImportError, ValueError):
        return False


def pillow_is_absent() -> bool:
    """True when ``PIL`` is the placeholder of :func:`allow_reportlab_without_pillow`."""
    return bool(getattr(sys.modules.get("PIL"), _MARK, False))


def allow_reportlab_without_pillow() -> bool:
    """Let reportlab import where Pillow is missing; True when the placeholder was registered.

    Does nothing (returns False) where Pillow is installed, or after reportlab was imported.
    """
    if pillow_is_absent():
        return True
    if _pillow_importable() or "reportlab.lib.utils" in sys.modules:
        return False
    module = types.ModuleType("PIL", "Pillow is not available in this build: PDFs without images.")
    module.__spec__ = importlib.machinery.ModuleSpec("PIL", None)
    module.__path__ = []  # a package with no submodules: `from PIL import ImageCms` fails cleanly
    module.Image = None  # type: ignore[attr-defined]
    setattr(module, _MARK, True)
    sys.modules["PIL"] = module
    return True
