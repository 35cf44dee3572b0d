# Sourced by scripts/run and scripts/test: make .venv with the pinned dependencies.
# Usage: ensure_venv [extras]   (e.g. "web" for the web server, "web,dev" for the tests too)
ensure_venv() {
  local extra="${1:-}" spec="."
  [ -n "$extra" ] && spec=".[$extra]"
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  local stamp=".venv/.installed-${extra:-app}"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$spec"
    touch "$stamp"
  fi
}
