"""PDF/A-2b ingredients reportlab does not provide: XMP metadata and an sRGB output intent.

Open-source reportlab writes neither, so ``apply_pdfa`` adds them to the document catalog of a
canvas before it is saved, and pins the document's time stamp to the record's time so the Info
dictionary and the XMP packet agree. What this does NOT give: tagged PDF (PDF/A-2a/-2u), and no
validator (veraPDF) has checked the result on this machine; see the module ``_report``.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from typing import Any

__all__ = ["apply_pdfa", "fixed_timestamp", "srgb_profile"]

_XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt>
   </dc:description>
   <dc:language><rdf:Bag><rdf:li>nl-NL</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>{producer}</pdf:Producer>
   <pdf:Keywords>{keywords}</pdf:Keywords>
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


@functools.cache
def srgb_profile() -> bytes | None:
    """An sRGB ICC profile made by LittleCMS through Pillow, or ``None`` where it is missing."""
    try:
        from PIL import ImageCms
    except ImportError:  # pragma: no cover - Pillow without LittleCMS on some mobile builds
        return None
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    data: bytes = profile.tobytes()
    return data


class fixed_timestamp:  # noqa: N801 - mimics reportlab.lib.utils.TimeStamp, which it replaces
    """A reportlab time stamp pinned to ``when`` (in UTC), for the Info dates."""

    def __init__(self, when: datetime) -> None:
        utc = when.astimezone(UTC)
        self.t = utc.timestamp()
        self.lt = utc.timetuple()
        self.YMDhms = tuple(self.lt)[:6]
        self.dhh = 0
        self.dmm = 0
        self.tzname = "UTC"


def apply_pdfa(
    canvas: Any,
    *,
    when: datetime,
    title: str,
    author: str,
    subject: str,
    keywords: str,
    creator: str,
    producer: str,
) -> bool:
    """Add XMP metadata (PDF/A-2b identification) and the sRGB output intent to ``canvas``.

    Returns ``False`` (and claims nothing) when no ICC profile is available.
    """
    from xml.sax.saxutils import escape  # here, not at import: it loads urllib.request

    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString

    profile = srgb_profile()
    if profile is None:
        return False
    doc = canvas._doc
    doc._timeStamp = fixed_timestamp(when)
    stamp = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    xmp = _XMP.format(
        title=escape(title),
        author=escape(author),
        subject=escape(subject),
        keywords=escape(keywords),
        creator=escape(creator),
        producer=escape(producer),
        date=stamp,
    )

    class _RawStream(PDFStream):  # type: ignore[misc]
        """PDF/A forbids a /Filter on the metadata stream: write it uncompressed."""

        def format(self, document: Any) -> bytes:
            saved = document.defaultStreamFilters
            document.defaultStreamFilters = None
            try:
                result: bytes = super().format(document)
            finally:
                document.defaultStreamFilters = saved
            return result

    metadata = _RawStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        xmp.encode("utf-8"),
    )
    icc = PDFStream(PDFDictionary({"N": 3}), profile)
    intent = PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": PDFString("sRGB IEC61966-2.1"),
            "Info": PDFString("sRGB IEC61966-2.1"),
            "DestOutputProfile": doc.Reference(icc),
        }
    )
    catalog = doc.Catalog
    catalog.Metadata = metadata
    catalog.OutputIntents = PDFArray([intent])
    # reportlab only writes catalog keys it lists; the names end in __ so they are not mangled.
    catalog.__NoDefault__ = [*type(catalog).__NoDefault__, "OutputIntents"]
    return True
