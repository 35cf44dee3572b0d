"""Postcode lookup through the PDOK Locatieserver, over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from opendata.conftest import PDOK_SAMPLE
from opendata.http_server import Reply, ScriptedServer, refused_url
from privacyapp.opendata import (
    InvalidPostcodeError,
    MunicipalityDirectory,
    PostcodeLookupError,
    PostcodeUnavailableError,
    normalise_postcode,
)

PATH = "/bzk/locatieserver/search/v3_1/free"


def pdok_doc(code: str, name: str, place: str, postcode: str = "9999ZZ") -> dict[str, str]:
    return {
        "type": "postcode",
        "postcode": postcode,
        "gemeentecode": code,
        "gemeentenaam": name,
        "woonplaatsnaam": place,
        "weergavenaam": f"Straat, {postcode} {place}",
    }


def response(*docs: dict[str, str]) -> bytes:
    return json.dumps(
        {"response": {"numFound": len(docs), "start": 0, "docs": list(docs)}}
    ).encode()


def directory_for(client: httpx.Client, url: str) -> MunicipalityDirectory:
    return MunicipalityDirectory(None, client, pdok_url=url)


def test_a_postcode_gives_its_municipality(client: httpx.Client, server: ScriptedServer) -> None:
    url = server.on(PATH, Reply(body=PDOK_SAMPLE.read_bytes()))
    matches = directory_for(client, url).lookup_postcode("3584 cc")
    # the real response has two streets in 3584CC, both in Utrecht: one municipality
    assert len(matches) == 1
    assert matches[0].municipality is not None
    assert matches[0].municipality.name == "Utrecht"
    assert matches[0].area.places == ("Utrecht",)
    query = parse_qs(urlsplit(server.requests[0][0]).query)
    assert query["q"] == ["3584CC"]
    assert query["fq"] == ["type:postcode"]
    # only the postcode leaves the device, in documented parameters
    assert set(query) == {"q", "fq", "fl", "rows"}


def test_a_postcode_on_a_border_lets_the_user_choose(
    client: httpx.Client, server: ScriptedServer
) -> None:
    body = response(
        pdok_doc("0268", "Nijmegen", "Nijmegen"),
        pdok_doc("1945", "Berg en Dal", "Groesbeek"),
        pdok_doc("0268", "Nijmegen", "Nijmegen"),
    )
    url = server.on(PATH, Reply(body=body))
    matches = directory_for(client, url).lookup_postcode("9999 ZZ")
    assert [m.municipality.name for m in matches if m.municipality] == ["Nijmegen", "Berg en Dal"]


def test_an_unknown_code_is_matched_by_name(client: httpx.Client, server: ScriptedServer) -> None:
    url = server.on(PATH, Reply(body=response(pdok_doc("9998", "Utrecht", "Utrecht"))))
    matches = directory_for(client, url).lookup_postcode("9999ZZ")
    assert matches[0].municipality is not None and matches[0].municipality.code == "GM0344"


def test_a_postcode_pdok_does_not_know_gives_nothing(
    client: httpx.Client, server: ScriptedServer
) -> None:
    url = server.on(PATH, Reply(body=response()))
    assert directory_for(client, url).lookup_postcode("9999 ZZ") == []


def test_hits_on_other_postcodes_are_ignored(client: httpx.Client, server: ScriptedServer) -> None:
    body = response(pdok_doc("0268", "Nijmegen", "Nijmegen", postcode="9999ZY"))
    url = server.on(PATH, Reply(body=body))
    assert directory_for(client, url).lookup_postcode("9999 ZZ") == []


@pytest.mark.parametrize("text", ["", "1234", "0123 AB", "1234 A1", "Nijmegen", "12345 AB"])
def test_not_a_postcode_sends_nothing(
    client: httpx.Client, server: ScriptedServer, text: str
) -> None:
    url = server.on(PATH, Reply(body=response()))
    with pytest.raises(InvalidPostcodeError, match="4 cijfers en 2 letters"):
        directory_for(client, url).lookup_postcode(text)
    assert server.requests == []


def test_without_network_the_lookup_fails_and_name_search_still_works(
    client: httpx.Client,
) -> None:
    directory = directory_for(client, refused_url())
    with pytest.raises(PostcodeUnavailableError, match="Zoek je gemeente op naam"):
        directory.lookup_postcode("3584 CC")
    assert directory.find("Utrecht")[0].name == "Utrecht"


def test_offline_directory_refuses_postcode_lookup() -> None:
    directory = MunicipalityDirectory()
    with pytest.raises(PostcodeUnavailableError, match="geen verbinding"):
        directory.lookup_postcode("3584 CC")


@pytest.mark.parametrize(
    ("reply", "words"),
    [
        (Reply(status=400, body=b'{"error": {"code": 400, "msg": "bad"}}'), "foutcode 400"),
        (Reply(status=503, body=b"busy"), "foutcode 503"),
        (Reply(body=b"<html>not json</html>"), "onleesbaar"),
        (Reply(body=b'{"response": {"docs": "nope"}}'), "onleesbaar"),
        (Reply(body=b'{"something": 1}'), "onleesbaar"),
        (Reply(body=b"{}", stall=5.0), "niet op tijd"),
    ],
    ids=["400", "503", "html", "docs-not-list", "no-response", "timeout"],
)
def test_pdok_faults_are_explained(
    client: httpx.Client, server: ScriptedServer, reply: Reply, words: str
) -> None:
    url = server.on(PATH, reply)
    with pytest.raises(PostcodeLookupError, match=words) as caught:
        directory_for(client, url).lookup_postcode("3584 CC")
    # only "no answer" means "try again when online"; a bad answer is the service's problem
    assert isinstance(caught.value, PostcodeUnavailableError) == (words == "niet op tijd")


def test_normalise_postcode() -> None:
    assert normalise_postcode(" 3584cc ") == "3584 CC"
    assert normalise_postcode("3584 CC") == "3584 CC"
    assert normalise_postcode("0584 CC") is None
