// scripts/build-web, step "precompile": compile the app archive's Python to bytecode with the
// very Pyodide the site ships (so the .pyc magic always matches), and drop the sources that
// have a .pyc. Without this, every visit compiles ~940 modules in the browser before the first
// screen. Packages the first screen never imports (LAZY) leave the archive for a zip each in
// SITE_DIR/vendor/python/, which the app fetches on first import (privacyapp.dossier._sitepackages,
// set up in src/main.py). Usage: node scripts/_precompile.mjs SITE_DIR [LAZY ...]  (rewrites
// app.tar.gz; LAZY: the packages that become zips, "reportlab" for the app, none for the baseline)
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const site = path.resolve(process.argv[2]);
const lazy = process.argv.slice(3);
const { loadPyodide } = await import(pathToFileURL(path.join(site, "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide({ indexURL: path.join(site, "pyodide") + path.sep });
py.FS.mkdirTree("/site");
py.FS.mount(py.FS.filesystems.NODEFS, { root: site }, "/site");
py.globals.set("LAZY", py.toPy(lazy));
py.runPython(`
import compileall, io, os, shutil, sys, tarfile, zipfile

shutil.unpack_archive("/site/app.tar.gz", "/app", format="gztar")
if not compileall.compile_dir("/app", quiet=1, legacy=True, workers=1):
    raise SystemExit("precompile: a module of the app archive does not compile")
dropped = 0
for root, _dirs, files in os.walk("/app"):
    for name in files:
        source = os.path.join(root, name)
        # main.py stays a source: it is what the Flet worker runs by name
        if name.endswith(".py") and source != "/app/main.py" and os.path.exists(source + "c"):
            os.remove(source)
            dropped += 1
# LAZY (set above from the command line): src/main.py names the same packages for the app
packages = "/app/__pypackages__"
os.makedirs("/site/vendor/python", exist_ok=True)
for name in LAZY:
    if not os.path.isdir(os.path.join(packages, name)):
        raise SystemExit(f"precompile: {name} is not in the app archive")
    extra = [e for e in os.listdir(packages) if e.startswith(name + "-") and e.endswith(".dist-info")]
    with zipfile.ZipFile(f"/site/vendor/python/{name}.zip", "w", zipfile.ZIP_DEFLATED) as lazy:
        for entry in [name, *extra]:
            for root, _dirs, files in os.walk(os.path.join(packages, entry)):
                for file in sorted(files):
                    full = os.path.join(root, file)
                    lazy.write(full, os.path.relpath(full, packages))
            shutil.rmtree(os.path.join(packages, entry))
buffer = io.BytesIO()
with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
    for entry in sorted(os.listdir("/app")):
        tar.add(os.path.join("/app", entry), arcname=entry)
with open("/site/app.tar.gz", "wb") as out:
    out.write(buffer.getvalue())
print(f"precompile: {dropped} modules as bytecode (CPython {sys.version.split()[0]}, Pyodide)")
`);
