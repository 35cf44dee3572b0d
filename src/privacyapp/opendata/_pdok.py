"""Postcode → municipality through the PDOK Locatieserver (``free`` endpoint, v3_1).

Only called after the user chooses "zoek op postcode"; the UI tells them the postcode is sent to
PDOK. Facts about the service: ``fq=type:postcode`` gives one document per street (and place) in
the postcode, so one postcode can yield several documents and, at a border, two municipalities;
``gemeentecode`` has four digits without the ``GM`` prefix; the service rejects unknown query
parameters with HTTP 400, so we send only documented ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from privacyapp.opendata._model import normalise_postcode
from privacyapp.opendata.errors import (
    InvalidPostcodeError,
    PostcodeLookupError,
    PostcodeUnavailableError,
)

__all__ = ["PDOK_URL", "PostcodeArea", "lookup_postcode"]

PDOK_URL = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
_FIELDS = "type,postcode,gemeentecode,gemeentenaam,woonplaatsnaam,weergavenaam"
_MAX_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class PostcodeArea:
    """One municipality that (part of) a postcode lies in, as PDOK names it."""

    postcode: str
    """``"3584 CC"``."""
    municipality_code: str
    """``"GM0344"`` (PDOK's ``"0344"`` with the register's prefix)."""
    municipality_name: str
    places: tuple[str, ...]
    """Place names (woonplaatsen) in this part of the postcode."""


def lookup_postcode(
    client: httpx.Client, postcode: str, *, url: str = PDOK_URL
) -> list[PostcodeArea]:
    """The municipalities a postcode lies in, in PDOK's order; ``[]`` when PDOK does not know it.

    Raises:
        InvalidPostcodeError: ``postcode`` is not a Dutch postcode (nothing is sent).
        PostcodeUnavailableError: no connection or no answer in time.
        PostcodeLookupError: an HTTP error status, or an answer we cannot read.
    """
    normal = normalise_postcode(postcode)
    if normal is None:
        raise InvalidPostcodeError(
            f"'{postcode.strip()}' is geen postcode. Een postcode is 4 cijfers en 2 letters, "
            "zoals 1234 AB."
        )
    compact = normal.replace(" ", "")
    params = {"q": compact, "fq": "type:postcode", "fl": _FIELDS, "rows": "100"}
    try:
        response = client.get(url, params=params, headers={"Accept": "application/json"})
    except httpx.TimeoutException as exc:
        raise PostcodeUnavailableError(
            "De postcodedienst reageerde niet op tijd. Zoek je gemeente op naam."
        ) from exc
    except httpx.HTTPError as exc:
        kind = (
            PostcodeUnavailableError
            if isinstance(exc, httpx.TransportError)
            else PostcodeLookupError
        )
        raise kind(
            "Geen verbinding met de postcodedienst. Zoek je gemeente op naam; dat werkt ook "
            "zonder internet."
        ) from exc
    if response.status_code != 200:
        raise PostcodeLookupError(
            f"De postcodedienst gaf foutcode {response.status_code}. Zoek je gemeente op naam."
        )
    if len(response.content) > _MAX_BYTES:
        raise PostcodeLookupError("De postcodedienst gaf een onverwacht groot antwoord.")
    try:
        docs = response.json()["response"]["docs"]
        if not isinstance(docs, list):
            raise TypeError("docs is not a list")
        return _areas(docs, compact, normal)
    except (ValueError, KeyError, TypeError) as exc:
        raise PostcodeLookupError(
            "Het antwoord van de postcodedienst is onleesbaar. Zoek je gemeente op naam."
        ) from exc


def _areas(docs: list[Any], compact: str, normal: str) -> list[PostcodeArea]:
    found: dict[str, tuple[str, list[str]]] = {}
    for doc in docs:
        if not isinstance(doc, dict):
            raise TypeError("doc is not an object")
        if doc.get("type", "postcode") != "postcode":
            continue
        if str(doc.get("postcode", compact)).replace(" ", "").upper() != compact:
            continue  # a fuzzy hit on another postcode
        code = str(doc.get("gemeentecode") or "").strip()
        if not code.isdigit():
            continue
        key = f"GM{int(code):04d}"
        name, places = found.setdefault(key, (str(doc.get("gemeentenaam") or ""), []))
        place = str(doc.get("woonplaatsnaam") or "")
        if place and place not in places:
            places.append(place)
    return [
        PostcodeArea(normal, code, name, tuple(places)) for code, (name, places) in found.items()
    ]
