"""Helpers for scripts/build-web (run with the flet-cli venv's Python; stdlib only).

_web_site.py stage PYPROJECT PROJ      staging pyproject.toml (+ root main.py placeholder)
_web_site.py seed CLI_VENV HOME MANIFEST   local python-build manifest + Pyodide cache
_web_site.py finish DIST VERSION       CSP, headers, deep-link fallback, service worker
_web_site.py npm NAME VERSION DEST     an npm package from registry.npmjs.org (pinned hash)
_web_site.py symbols-font DIST FONTSOURCE   Noto Sans Symbols where the client looks for it
"""

from __future__ import annotations

import ast
import base64
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tarfile
from pathlib import Path

PYODIDE = "314.0.7"  # the Pyodide flet-web 1.0.5 ships (CPython 3.14.2)
ROOT = Path(__file__).resolve().parents[1]

#: Files the canvaskit (dart2js) client never requests; not hosted.
UNUSED = ["main.dart.wasm", "main.dart.mjs", "canvaskit/skwasm*", "canvaskit/wimp*",
          "canvaskit/experimental_webparagraph*", "**/*.symbols", "**/*.map", "**/*.d.ts",
          "vendor/noble/*/src", "pyodide/package.json"]  # fmt: skip


#: npm packages vendored into the site, with the registry's sha512 integrity of each tarball.
NPM = {
    ("@noble/ciphers", "2.4.0"): "sha512-AnjFn0Jv92laAkvMrghlFZq4qQCIN/4DxFV/eooqtC2YTjB7kBeLMS2T9KJX4Dn+ZVXLOwK0lSgqDtx9gvxtiw==",
    ("@noble/hashes", "2.4.0"): "sha512-X5XaVWZIBCT7HHZGm5I7ZQXDwLG+bGXuSrMQAW+7Zvl87h1kmc1ZB1VSRJcpUfoUrGQp4Fkoxm5kZ+Ms+aW+eA==",
    ("@noble/curves", "2.4.0"): "sha512-P4/62zrgfH33CneE3Dn4WhJVA22YUU0eR51wKIan4NVRvwsA0YnPTwWGpNbpuacSujmSFLvyzpyuR30+fbq2Ew==",
    # Noto Sans Symbols (SIL OFL 1.1), as Google Fonts' subsets: see symbols_font()
    ("@fontsource/noto-sans-symbols", "5.3.0"): "sha512-Al5jMC2ivI5JkBP3RpcEhkY3zel9CyS199TfKC/B1SAFVj8BJghUNX0tMif0CuhVLpVwZMacM/lHJx3wxdJZBQ==",
}  # fmt: skip


def npm(name: str, version: str, dest: Path) -> None:
    """Fetch an npm package's tarball (no npm needed), check its pinned hash, unpack it."""
    import ssl
    import urllib.request

    integrity = NPM[(name, version)]
    url = f"https://registry.npmjs.org/{name}/-/{name.split('/')[-1]}-{version}.tgz"
    cafile = os.environ.get("SSL_CERT_FILE") or os.environ.get("PIP_CERT") or None
    context = ssl.create_default_context(cafile=cafile)
    with urllib.request.urlopen(url, timeout=60, context=context) as response:
        data = response.read()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != integrity:
        raise SystemExit(f"{name}@{version}: tarball hash {digest} is not the pinned {integrity}")
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(dest, filter="data")


def relink(root: Path) -> None:
    """Point the bare ``@noble/<package>/`` imports of the vendored modules at their folders.

    A browser resolves only relative or absolute module URLs (no import map: the CSP allows no
    inline script), and the @noble packages import each other by package name.
    """
    bare = re.compile(r"""((?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s*)(['"])@noble/([a-z]+)/""")
    changed = 0
    for path in sorted(root.rglob("*.js")):
        depth = len(path.relative_to(root).parts) - 1  # folders below vendor/noble/
        up = "../" * depth
        text = path.read_text(encoding="utf-8")
        new = bare.sub(lambda m: f"{m.group(1)}{m.group(2)}{up}{m.group(3)}/", text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed += 1
    print(f"relink: {changed} modules point at the vendored @noble packages")


def stage(pyproject: Path, proj: Path) -> None:
    """A pyproject for `flet publish`: the app's [tool.flet] tables, no dependencies.

    With dependencies, publish writes them to requirements.txt and the page asks micropip (that
    is, pypi.org) for them on every visit; everything is vendored in __pypackages__ instead.
    """
    text = pyproject.read_text(encoding="utf-8")
    version = re.search(r'^version = "([^"]+)"', text, re.M)
    description = re.search(r'^description = "([^"]+)"', text, re.M)
    assert version and description
    start = text.index("[tool.flet]\n")
    end = text.index("# ----------------", start)
    (proj / "pyproject.toml").write_text(
        "[project]\n"
        'name = "privacyapp"\n'
        f'version = "{version.group(1)}"\n'
        f'description = "{description.group(1)}"\n'
        'requires-python = ">=3.14"\n'
        "dependencies = []\n\n" + text[start:end],
        encoding="utf-8",
    )
    # flet publish checks that the script exists in the project root, then packages src/main.py
    (proj / "main.py").write_text("# placeholder: flet publish packages src/main.py\n")


def seed(cli_venv: Path, home: Path, manifest: Path) -> None:
    """flet publish fetches a CPython build manifest and the Pyodide runtime from GitHub; both
    are already in the flet-web wheel, so point it at local copies."""
    manifest.write_text(json.dumps({
        "default_python_version": "3.14",
        "pythons": {"3.14": {"full_version": "3.14.2", "pyodide_version": PYODIDE,
                             "android_abis": ["arm64-v8a", "x86_64"], "prerelease": False}},
    }))  # fmt: skip
    runtime = next(cli_venv.glob("lib/python3*/site-packages/flet_web/web/pyodide"))
    cache = home / ".flet" / "cache" / "pyodide" / PYODIDE
    shutil.rmtree(cache, ignore_errors=True)
    shutil.copytree(runtime, cache)
    lock_path = cache / "pyodide-lock.json"
    lock = json.loads(lock_path.read_text())
    lock.setdefault("info", {})["version"] = PYODIDE
    lock_path.write_text(json.dumps(lock))


def csp() -> str:
    """The app's CONTENT_SECURITY_POLICY, read from src/privacyapp/_asgi.py (no import)."""
    tree = ast.parse((ROOT / "src" / "privacyapp" / "_asgi.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id == "CONTENT_SECURITY_POLICY"
            and isinstance(node.value, ast.Call)
        ):
            parts = ast.literal_eval(node.value.args[0])
            # The browser app's one request of its own: the postcode lookup the user asks for
            # (PDOK, CORS open; privacyapp.app._browser_directory). The server app's page
            # never asks another host: its server does.
            pdok = "https://" + pdok_host()
            parts = [p + " " + pdok if p == "connect-src 'self'" else p for p in parts]
            return "; ".join(parts)
    raise SystemExit("CONTENT_SECURITY_POLICY not found in _asgi.py")


def pdok_host() -> str:
    """The host of PDOK_URL in src/privacyapp/opendata/_pdok.py (no import)."""
    text = (ROOT / "src" / "privacyapp" / "opendata" / "_pdok.py").read_text(encoding="utf-8")
    found = re.search(r'^PDOK_URL = "https://([^/"]+)/', text, re.M)
    if found is None:
        raise SystemExit("PDOK_URL not found in opendata/_pdok.py")
    return found.group(1)


SERVICE_WORKER = """'use strict';
// PrivacyApp's service worker (scripts/build-web): keeps this site's files, so a repeat visit
// downloads (almost) nothing. Same-origin GETs only; nothing is ever sent anywhere.
const VERSION = '%(version)s';
const CACHE = 'privacyapp-' + VERSION;
const SHELL = %(shell)s;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('privacyapp-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // deep links (/vraag/...) are the app: answer with index.html, as the host does
  const key = request.mode === 'navigate' ? '/index.html' : url.pathname;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(key);
    if (hit) return hit;
    const response = await fetch(request.mode === 'navigate' ? '/index.html' : request);
    if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
    return response;
  })());
});
"""


def finish(dist: Path, version: str) -> None:
    index = dist / "index.html"
    html = index.read_text(encoding="utf-8")
    # workaround: flet publish writes a relative pyodideUrl, which breaks on deep links
    html = re.sub(r'flet\.pyodideUrl="(?!/)([^"]*)"', r'flet.pyodideUrl="/\1"', html)
    policy = csp()
    html = html.replace(
        "<head>",
        '<head>\n  <meta http-equiv="Content-Security-Policy" content="' + policy + '">\n'
        '  <meta name="referrer" content="no-referrer">',
        1,
    )
    # Flutter's loader no longer registers a service worker (and its file is a stub that
    # unregisters itself); the page registers ours, under the same name so the two never fight.
    html = html.replace(
        "</head>",
        "  <script>if ('serviceWorker' in navigator) navigator.serviceWorker"
        ".register('/flutter_service_worker.js').catch((e) => console.warn('service worker', e));"
        "</script>\n</head>",
        1,
    )
    index.write_text(html, encoding="utf-8")
    (dist / "404.html").write_text(html, encoding="utf-8")  # hosts that serve 404.html

    # no requirements.txt in the app: micropip would go to pypi.org on every visit
    tar_path = dist / "app.tar.gz"
    buffer = io.BytesIO()
    with tarfile.open(tar_path) as src, tarfile.open(fileobj=buffer, mode="w:gz") as out:
        for member in src.getmembers():
            if member.name.lstrip("./") == "requirements.txt":
                continue
            out.addfile(member, src.extractfile(member) if member.isfile() else None)
    tar_path.write_bytes(buffer.getvalue())

    for pattern in UNUSED:
        for path in dist.glob(pattern):
            shutil.rmtree(path) if path.is_dir() else path.unlink()

    headers = [
        f"Content-Security-Policy: {policy}",
        "Referrer-Policy: no-referrer",
        "X-Content-Type-Options: nosniff",
        "Permissions-Policy: camera=(), microphone=(), geolocation=()",
    ]
    (dist / "_headers").write_text("/*\n" + "".join(f"  {h}\n" for h in headers))
    (dist / "_redirects").write_text("/*    /index.html    200\n")  # deep links → the app

    shell = ["/", "/index.html", "/flutter_bootstrap.js", "/flutter.js", "/python.js",
             "/manifest.json", "/favicon.png"]  # fmt: skip
    shell = [s for s in shell if s == "/" or (dist / s.lstrip("/")).exists()]
    (dist / "flutter_service_worker.js").write_text(
        SERVICE_WORKER % {"version": version, "shell": json.dumps(shell)}
    )


def symbols_font(dist: Path, fontsource: Path) -> None:
    """Put Noto Sans Symbols at the address the Flutter client asks for it.

    Flutter's engine decides which characters its Roboto lacks from its own table, and counts
    "ë" (U+00EB, e.g. in "cliënt" on the home screen's audience choice) among the characters
    of its fallback font Noto Sans Symbols, which the no-CDN client does not ship: the page then
    asked for that file about 30 times per visit (the engine retries every layout after a 404).
    Here the font is built from its Google Fonts subsets (npm @fontsource, SIL OFL 1.1) and
    written, as TrueType (the engine reads the bytes, whatever the name), to that address.
    """
    from fontTools.merge import Merger  # build-time only, in the flet-cli venv

    script = (dist / "main.dart.js").read_text(encoding="utf-8")
    found = re.findall(r'"Noto Sans Symbols","(notosanssymbols/v\d+/[\w-]+\.woff2)"', script)
    if len(found) != 1:
        raise SystemExit(f"Noto Sans Symbols: expected one address in main.dart.js, found {found}")
    files = fontsource / "package" / "files"
    parts = [files / f"noto-sans-symbols-{subset}-400-normal.woff" for subset in
             ("latin", "latin-ext", "symbols")]  # fmt: skip
    font = Merger().merge([str(part) for part in parts])
    target = dist / "assets" / "fonts" / found[0]
    target.parent.mkdir(parents=True, exist_ok=True)
    font.flavor = None
    font.save(str(target))
    license_text = (fontsource / "package" / "LICENSE").read_text(encoding="utf-8")
    (target.parent / "LICENSE.txt").write_text(license_text, encoding="utf-8")


#: The time zones the app uses (``ZoneInfo("Europe/Amsterdam")``) and UTC; tzdata's other ~600
#: files were a third of the app archive's files, unpacked on every visit.
TZ_KEEP = {"Europe/Amsterdam", "UTC", "Etc/UTC"}


def trim(packages: Path) -> None:
    zoneinfo = packages / "tzdata" / "zoneinfo"
    removed = 0
    for path in sorted(zoneinfo.rglob("*"), reverse=True):  # files before their folders
        name = path.relative_to(zoneinfo).as_posix()
        if path.is_file() and path.name != "__init__.py" and name not in TZ_KEEP:
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(k.startswith(name + "/") for k in TZ_KEEP):
            shutil.rmtree(path)
    print(f"trim: {removed} unused time zone files left out")


def main(argv: list[str]) -> None:
    command, *args = argv
    if command == "stage":
        stage(Path(args[0]), Path(args[1]))
    elif command == "seed":
        seed(Path(args[0]), Path(args[1]), Path(args[2]))
    elif command == "npm":
        npm(args[0], args[1], Path(args[2]))
    elif command == "trim":
        trim(Path(args[0]))
    elif command == "relink":
        relink(Path(args[0]))
    elif command == "symbols-font":
        symbols_font(Path(args[0]), Path(args[1]))
    elif command == "finish":
        finish(Path(args[0]), args[1])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
