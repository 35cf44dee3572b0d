"""The static web build (issue 16) in Chromium: Python runs in the browser, the server only hands
out files. Builds the site with scripts/build-web (skipped when its inputs did not change), serves
it with scripts/serve-web on 127.0.0.1, and walks a new user from home through a flow to advice
and through a deep link. Every request to another host is a failure, and the static server's
own log must show nothing but GETs of files: no answer ever reaches a server."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browserkit import free_port, replace_text, sel, shot, tap, type_into, wait_for

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "build" / "web"
BOOT_MS = 180_000  # Pyodide boots the app in the page: 15-30 s on a loaded 2-core machine


@pytest.fixture(scope="module")
def site() -> Path:
    result = subprocess.run(
        [str(ROOT / "scripts" / "build-web")], capture_output=True, text=True, timeout=900,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert (SITE / "index.html").is_file()
    return SITE


class StaticServer:
    def __init__(self, site: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "scripts" / "serve-web"), "--port", str(self.port),
             "--dir", str(site)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(self.url + "/version.json", timeout=2) as answer:
                    answer.read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        self.log.clear()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.log.append(line.strip())

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()


@pytest.fixture(scope="module")
def static_server(site: Path) -> Iterator[StaticServer]:
    server = StaticServer(site)
    yield server
    server.close()


def boot(page: Any, url: str, first: str = "home-title") -> float:
    """Load a page of the static site and wait until the app shows ``first``; seconds taken."""
    start = time.monotonic()
    page.goto(url)
    page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=BOOT_MS)
    page.locator("flt-semantics-placeholder").evaluate("e => e.click()")
    page.wait_for_selector(sel(first), state="attached", timeout=BOOT_MS)
    page.wait_for_timeout(500)
    return time.monotonic() - start


def test_a_new_user_walks_to_advice_with_no_server_seeing_an_answer(
    browser_page: Any, static_server: StaticServer, request_log: Any
) -> None:
    page = browser_page
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    seconds = boot(page, static_server.url + "/")
    print(f"static build: first screen after {seconds:.1f} s")
    shot(page, "static-01-home")
    tap(page, "home-audience-inwoner")
    tap(page, "home-sector-algemeen")
    wait_for(page, "questions-title")
    tap(page, "flow-algemeen-inzage-dossier")
    assert wait_for(page, "step-title").text_content() == "Hoe oud ben je?"
    page.wait_for_url("**/vraag/algemeen-inzage-dossier")
    tap(page, "answer-1")  # jonger dan 16 -> info step
    wait_for(page, "flow-next")
    assert wait_for(page, "step-title").text_content() == "Je ouder of voogd kan je helpen"
    tap(page, "flow-next")
    page.wait_for_url("**/vraag-organisatie")
    tap(page, "answer-0")
    assert wait_for(page, "advice-title").text_content() == "Vraag de gemeente om je gegevens"
    shot(page, "static-02-advice")

    # a deep link (a reload of a flow's address) is the app too, not a 404 from the host
    boot(page, static_server.url + "/vraag/algemeen-inzage-dossier", first="step-title")
    assert wait_for(page, "step-title").text_content() == "Hoe oud ben je?"

    # Nothing left the machine: the prebuilt client's one attempt (a Rive runtime on a CDN) is
    # refused by the page's own CSP before it is sent, as in the server app.
    assert request_log.reached_network == [], "requests left 127.0.0.1"
    outside = request_log.outside()
    assert all(request_log.failed.get(url) == "csp" for url in outside), outside
    assert not [e for e in errors if "Traceback" in e or "Error running app" in e], errors

    # The server saw only file downloads: GETs, and nothing a user typed or chose.
    log = [line for line in static_server.log if line]
    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    (ROOT / "test-artifacts" / "serve-web.log").write_text("\n".join(log) + "\n")
    assert log, "the static server logged no requests"
    methods = {line.split()[0] for line in log}
    assert methods == {"GET"}, log
    for line in log:
        assert len(line.split()) == 4, line
        method, path, status, _size = line.split()
        assert "?" not in path  # no query strings reach the host (the log drops them anyway)
        if path.startswith("/vraag/"):
            assert status == "200"  # the fallback: index.html
        else:
            assert (SITE / path.lstrip("/")).exists() or status == "404", line


REFERENCE = "KL-2041"
PIN = "24680"


def test_save_with_pin_reload_and_unlock_all_in_the_browser(
    browser_page: Any, static_server: StaticServer
) -> None:
    """The encrypted store runs on the visitor's device (the @noble backend): set a PIN, save,
    a new visit (Python restarts), unlock, and the path is back; storage holds no plaintext."""
    page = browser_page
    url = static_server.url
    boot(page, url + "/vraag/algemeen-inzage-dossier", first="step-title")
    tap(page, "answer-0")
    tap(page, "answer-0")
    wait_for(page, "advice-title")
    tap(page, "action-save-path")
    wait_for(page, "lock-understood", timeout=60_000)
    tap(page, "lock-understood")
    type_into(page, "lock-new-pin", PIN, submit=False)
    type_into(page, "lock-new-pin-again", PIN, submit=False)
    tap(page, "lock-set-pin")
    type_into(page, "overview-save-reference", REFERENCE, submit=False)
    tap(page, "overview-save-confirm")
    page.wait_for_url(url + "/overzicht", timeout=60_000)
    assert "Mag ik mijn dossier inzien?" in wait_for(page, "overview-record-0").inner_text()
    stored = dict(page.evaluate("() => Object.entries(localStorage)"))
    assert any("privacyapp.v1.rec-" in k for k in stored)
    for value in stored.values():
        assert REFERENCE not in value and "dossier inzien" not in value
    # One format everywhere: what @noble wrote in the browser opens here with PyCA cryptography.
    titles = [record.title for record in _open_natively(stored).list()]
    assert titles == ["Mag ik mijn dossier inzien?"]

    page.reload()  # a new visit: Python starts again in the page, the store is locked
    page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=BOOT_MS)
    page.locator("flt-semantics-placeholder").evaluate("e => e.click()")
    wait_for(page, "lock-pin", timeout=BOOT_MS)
    type_into(page, "lock-pin", PIN)
    item = wait_for(page, "overview-record-0", timeout=60_000).inner_text()
    assert "Mag ik mijn dossier inzien?" in item and REFERENCE in item
    shot(page, "static-03-store-after-reload")

    # Export everything: the zip holds the readable JSON and the PDF, made in the browser
    # (reportlab without Pillow, as the letter).
    with page.expect_download(timeout=120_000) as download:
        tap(page, "overview-export")
    with zipfile.ZipFile(download.value.path()) as bundle:
        assert REFERENCE in bundle.read("mijn-overzicht.json").decode()
        assert REFERENCE in _pdf_text(bundle.read("mijn-overzicht.pdf"))

    assert not [line for line in static_server.log if not line.startswith("GET ")]


def test_a_signed_record_made_and_checked_in_the_browser(
    browser_page: Any, static_server: StaticServer, tmp_path: Path
) -> None:
    """A professional signs the path in the page (asn1crypto and @noble/curves: the browser has
    no pyHanko). The downloaded PDF holds for pyHanko and pdfsig on this machine, and the app's
    own check in the browser says valid for it and not valid once one signed byte changed."""
    from privacyapp.dossier import verify_pdf

    page = browser_page
    url = static_server.url
    mark = len(static_server.log)
    boot(page, url + "/")
    tap(page, "home-audience-professional")
    tap(page, "home-sector-algemeen")
    tap(page, "flow-algemeen-delen-zonder-toestemming")
    tap(page, "answer-0")  # toestemming: ja
    wait_for(page, "advice-title")
    tap(page, "action-record")
    wait_for(page, "record-unlock", timeout=60_000)  # the signing key is in the encrypted store
    tap(page, "record-unlock")
    wait_for(page, "lock-understood", timeout=60_000)
    tap(page, "lock-understood")
    type_into(page, "lock-new-pin", PIN, submit=False)
    type_into(page, "lock-new-pin-again", PIN, submit=False)
    tap(page, "lock-set-pin")
    wait_for(page, "record-name", timeout=60_000)
    type_into(page, "record-name", "Sam Bakker", submit=False)
    type_into(page, "record-organisation", "Gemeente Zwolle", submit=False)
    type_into(page, "record-email", "sam@zwolle.example", submit=False)
    type_into(page, "record-role", "Wmo-consulent", submit=False)
    tap(page, "record-create-identity")
    wait_for(page, "record-fingerprint", timeout=60_000)  # shown to register it
    type_into(page, "record-reference", "ZW-2026-11", submit=False)
    type_into(page, "record-considerations", "Besproken in het MDO.", submit=False)
    tap(page, "record-make")
    wait_for(page, "record-verdict-ok", timeout=120_000)
    shot(page, "static-05-record-signed")
    with page.expect_download(timeout=120_000) as download:
        tap(page, "record-save")
    pdf = Path(download.value.path()).read_bytes()

    report = verify_pdf(pdf)  # pyHanko, natively: what a reader of the file would see
    assert report.ok, report.problems
    only = report.signers[0]
    assert only.signer == "Sam Bakker" and only.organisation == "Gemeente Zwolle"
    text = _pdf_text(pdf)
    assert "ZW-2026-11" in text and "Digitaal ondertekend" in text
    # the visible block names the certificate that signed (a reader compares it)
    assert ":".join(only.fingerprint.split(":")[:16]) in text
    genuine = tmp_path / "vastlegging.pdf"
    genuine.write_bytes(pdf)
    if shutil.which("pdfsig"):  # poppler reads the signature as a PDF reader does
        run = subprocess.run(["pdfsig", str(genuine)], capture_output=True, text=True, check=False)
        text = run.stdout + run.stderr
        assert "Signature is Valid" in text and "Total document signed" in text, text

    # "PDF controleren" in the browser: the genuine file holds, a changed one does not.
    start = pdf.index(b"ZW-2026-11") if b"ZW-2026-11" in pdf else len(pdf) // 3
    changed = bytearray(pdf)
    changed[start] ^= 0x01
    for data, verdict in ((pdf, "record-verdict-ok"), (bytes(changed), "record-verdict-bad")):
        boot(page, url + "/vastleggen/controleren", first="record-pick")
        with page.expect_file_chooser(timeout=60_000) as chooser:
            tap(page, "record-pick")
        chooser.value.set_files(
            files=[{"name": "vastlegging.pdf", "mimeType": "application/pdf", "buffer": data}]
        )
        wait_for(page, verdict, timeout=120_000)
        shot(page, f"static-06-check-{verdict.rsplit('-', 1)[1]}")
    assert all(line.startswith("GET ") for line in static_server.log[mark:] if line)


def test_a_rights_letter_as_pdf_made_in_the_browser(
    browser_page: Any, static_server: StaticServer
) -> None:
    """The letter PDF is made by reportlab in the page (no Pillow there) and downloaded."""
    page = browser_page
    mark = len(static_server.log)
    boot(page, static_server.url + "/verzoek/inzage", first="rights-kind-inzage")
    tap(page, "rights-mode-organisatie")
    wait_for(page, "rights-field-org_email")
    replace_text(page, "rights-field-org_name", "Zorg BV")
    replace_text(page, "rights-field-org_email", "privacy@zorg.nl")
    replace_text(page, "rights-field-name", "Zoë de Vries")
    tap(page, "rights-preview-button")
    wait_for(page, "rights-copy")
    with page.expect_download(timeout=120_000) as download:
        tap(page, "rights-save-pdf")
    assert download.value.suggested_filename == "brief-inzage.pdf"
    text = _pdf_text(Path(download.value.path()).read_bytes())
    assert "Zoë de Vries" in text and "Zorg BV" in text
    assert "artikel 15 AVG" in text
    shot(page, "static-04-letter-pdf")
    assert all(line.startswith("GET ") for line in static_server.log[mark:] if line)


PDOK = "https://api.pdok.nl/"


def test_a_postcode_lookup_goes_from_the_browser_to_pdok_and_nowhere_else(
    browser_page: Any, static_server: StaticServer, request_log: Any
) -> None:
    """The web build's one request of its own: the postcode the user asks about, sent by the
    browser to PDOK (here answered by a stand-in with PDOK's recorded answer and its open CORS
    header). The register is never asked, and the screen says so instead of offering a button."""
    page = browser_page
    sample = ROOT / "tests" / "opendata" / "fixtures" / "pdok_free_postcode_3584CC.json"
    asked: list[str] = []

    def pdok(route: Any) -> None:
        asked.append(route.request.url)
        route.fulfill(
            status=200, body=sample.read_bytes(),
            headers={"content-type": "application/json", "access-control-allow-origin": "*"},
        )  # fmt: skip

    page.context.route(PDOK + "**", pdok)
    mark = len(static_server.log)
    boot(page, static_server.url + "/gemeente", first="municipality-search")
    status = str(wait_for(page, "municipality-status").text_content() or "")
    assert "webversie" in status and "bij de app horen" in status, status
    assert page.locator(sel("municipality-refresh")).count() == 0
    tap(page, "municipality-postcode-open")
    type_into(page, "municipality-postcode", "3584 CC", submit=False)
    tap(page, "municipality-postcode-go")
    wait_for(page, "municipality-card-gm0344", timeout=60_000)  # Utrecht
    shot(page, "static-07-postcode")
    assert len(asked) == 1 and asked[0].startswith(PDOK) and "q=3584CC" in asked[0], asked
    # that request was the user's own, to PDOK; every other host stays refused by the CSP
    request_log.requests[:] = [u for u in request_log.requests if not u.startswith(PDOK)]
    assert all(line.startswith("GET ") for line in static_server.log[mark:] if line)
    assert not [line for line in static_server.log[mark:] if "3584" in line]


def test_no_repeated_font_requests_even_when_roboto_arrives_late(
    browser_page: Any, static_server: StaticServer
) -> None:
    """Flutter's engine counts "ë" (in "cliënt" on home) among Noto Sans Symbols' characters
    while its Roboto is still loading, and retried that missing file on every layout (about 30
    to 90 times a visit). The build ships the font: asked for once at most, and there."""
    page = browser_page
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/assets/fonts/" in r.url else None)
    answers: dict[str, int] = {}
    page.on("response", lambda r: answers.update({r.url: r.status}))

    def late(route: Any) -> None:
        time.sleep(8)  # a slow connection: Roboto comes after the first layout of the text
        route.continue_()

    page.route("**/assets/fonts/roboto.woff2", late)
    boot(page, static_server.url + "/")
    page.wait_for_timeout(5000)
    symbols = [url for url in asked if "notosanssymbols" in url]
    assert len(symbols) <= 1, symbols
    assert all(answers.get(url) == 200 for url in symbols), answers
    repeated = {url for url in asked if asked.count(url) > 1}
    assert not repeated, repeated


def test_the_site_ships_bytecode_and_what_the_client_asks_for(site: Path) -> None:
    """No browser needed: what build-web put in the site for a fast, quiet start."""
    import tarfile

    with tarfile.open(site / "app.tar.gz") as archive:
        names = [m.name.lstrip("./") for m in archive.getmembers() if m.isfile()]
    sources = [n for n in names if n.endswith(".py")]
    if shutil.which("node"):  # build-web compiles with the site's own Pyodide when node is there
        assert sources == ["main.py"], sources[:10]
        assert "privacyapp/app.pyc" in names
        # reportlab is not in the archive: the app fetches it from the site on the first PDF
        assert not [n for n in names if n.startswith("__pypackages__/reportlab")]
        with zipfile.ZipFile(site / "vendor" / "python" / "reportlab.zip") as lazy:
            assert "reportlab/__init__.pyc" in lazy.namelist()
    zones = [n for n in names if "/tzdata/zoneinfo/" in n and not n.endswith((".py", ".pyc"))]
    assert sorted(z.split("/zoneinfo/", 1)[1] for z in zones) == [
        "Etc/UTC", "Europe/Amsterdam", "UTC"
    ]  # fmt: skip
    assert "requirements.txt" not in names  # micropip would go to PyPI on every visit
    fonts = list((site / "assets" / "fonts" / "notosanssymbols").rglob("*.woff2"))
    assert len(fonts) == 1 and fonts[0].stat().st_size > 50_000


def _pdf_text(pdf: bytes) -> str:
    import io

    from pypdf import PdfReader

    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _open_natively(stored: dict[str, str]) -> Any:
    """The browser's store (localStorage, as Flutter keeps it) unlocked by the native code."""
    import base64
    import json

    from privacyapp.dossier import BROWSER_PREFIX, AppLock, MemoryBackend

    backend = MemoryBackend()
    for key, value in stored.items():
        if BROWSER_PREFIX not in key:
            continue
        text = json.loads(value) if value.startswith('"') else value
        backend.blobs[key.split(BROWSER_PREFIX, 1)[1]] = base64.b64decode(text)
    return AppLock(backend).unlock(PIN)


#: How the browser build calls @noble/curves (``_curves.BrowserCurves.p256_verify``): a throw
#: counts as "does not hold", as there.
_NOBLE_VERIFY = """async ([cases, opts]) => {
  const {p256} = await import('/vendor/noble/curves/nist.js');
  const bytes = (hex) => Uint8Array.from(hex.match(/../g) || [], (b) => parseInt(b, 16));
  return cases.map(([sig, digest, pub]) => {
    try { return p256.verify(bytes(sig), bytes(digest), bytes(pub), opts) === true; }
    catch (e) { return false; }
  });
}"""


def _ecdsa_vectors() -> list[tuple[str, bytes, bytes, bytes]]:
    """(name, DER signature, SHA-256 digest, X9.62 public key): a good signature over a digest,
    then what a forger or a broken file may put there instead."""
    import hashlib

    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, utils

    n = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
    key = ec.generate_private_key(ec.SECP256R1())
    digest = hashlib.sha256(b"het dossier van de client").digest()
    good = key.sign(digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))
    r, s = utils.decode_dss_signature(good)
    pub = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    der = utils.encode_dss_signature
    signatures = {
        "the good one": good,
        "high s (malleable, same signer)": der(r, n - s),
        "r = 0": der(0, s),
        "s = 0": der(r, 0),
        "r = n": der(n, s),
        "r + n": der(r + n, s),
        "s + n": der(r, s + n),
        "trailing byte": good + b"\x00",
        "indefinite length": b"\x30\x80" + good[2:] + b"\x00\x00",
        "raw r || s": r.to_bytes(32, "big") + s.to_bytes(32, "big"),
        "empty": b"",
        "another digest's": key.sign(
            hashlib.sha256(b"iets anders").digest(), ec.ECDSA(utils.Prehashed(hashes.SHA256()))
        ),
    }
    cases = [(name, sig, digest, pub) for name, sig in signatures.items()]
    points = {
        "point not on the curve": pub[:-1] + bytes([pub[-1] ^ 1]),
        "point at infinity": b"\x00",
        "coordinates above p": b"\x04" + b"\xff" * 64,
    }
    cases += [(name, good, digest, point) for name, point in points.items()]
    return cases


def _pyca_holds(signature: bytes, digest: bytes, public: bytes) -> bool:
    from privacyapp.dossier._curves import NativeCurves

    return NativeCurves().p256_verify(public, digest, signature)


def test_the_browsers_p256_check_agrees_with_pyca_on_forged_signatures(
    browser_page: Any, static_server: StaticServer
) -> None:
    """The browser's PDF check verifies ECDSA with @noble/curves, the native one with PyCA:
    on every malformed or forged signature and key, both must say "does not hold", and both
    must accept the genuine one (the lite verifier's tests run natively, through PyCA)."""
    page = browser_page
    page.goto(static_server.url + "/version.json")
    vectors = _ecdsa_vectors()
    from privacyapp.dossier._curves import NOBLE_OPTIONS

    cases = [[sig.hex(), digest.hex(), pub.hex()] for _, sig, digest, pub in vectors]
    noble = page.evaluate(_NOBLE_VERIFY, [cases, NOBLE_OPTIONS])
    pyca = [_pyca_holds(sig, digest, pub) for _, sig, digest, pub in vectors]
    verdicts = {name: (b, p) for (name, *_), b, p in zip(vectors, noble, pyca, strict=True)}
    assert verdicts["the good one"] == (True, True)
    assert verdicts["high s (malleable, same signer)"] == (True, True)  # lowS off, as PyCA
    disagree = {name: v for name, v in verdicts.items() if v[0] != v[1]}
    assert disagree == {}, disagree
    assert sum(b for b, _ in verdicts.values()) == 2, verdicts
