#!/usr/bin/env bash
# The whole test suite, from a fresh machine: sets up .venv if needed, installs the system
# packages the tests use (Debian's chromium for browser tests), then runs ruff, mypy and pytest.
# Usage: bash scripts/test.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[all]'

# System packages for the browser, terminal and PDF tests (root on CI and dev machines).
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
# PDF handouts: WeasyPrint's Pango libraries and the DejaVu fonts it embeds; poppler-utils
# (pdftotext, pdftoppm, pdfimages, pdffonts) for the tests that read the PDFs back
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' || need+=(libpango-1.0-0 libpangoft2-1.0-0)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
# LibreOffice Calc (soffice) opens our CSV files as a spreadsheet user would; ApacheBench (ab)
# for the benchmarks' loads of browser-like requests.
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v ab >/dev/null 2>&1 || need+=(apache2-utils)
# nginx for the reverse-proxy test (started by the test on loopback, never as a service).
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || need+=(nginx)
if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# PostgreSQL for the tests marked `postgres`: a throwaway cluster on loopback (root on Debian),
# stopped and removed when this script ends: normally, on a failure, or on Ctrl+C.
if [ -z "${ACUPRESSURE_TEST_DATABASE_URL:-}" ]; then
  ACUPRESSURE_PG_DIR="$(mktemp -d /tmp/acupressure-pg.XXXXXX)"
  export ACUPRESSURE_PG_DIR
  stop_cluster() { bash scripts/pg_test_cluster.sh --stop "$ACUPRESSURE_PG_DIR"; }
  trap stop_cluster EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  if pg_url="$(bash scripts/pg_test_cluster.sh)"; then
    export ACUPRESSURE_TEST_DATABASE_URL="$pg_url"
  else
    echo "PostgreSQL tests will be skipped (no server could be started)" >&2
  fi
fi

echo "== ruff"
.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/ruff format --check src tests benchmarks scripts
echo "== mypy"
.venv/bin/mypy
echo "== docs/cli.md matches the CLI's help"
.venv/bin/python scripts/cli_docs.py --check
echo "== pytest"
.venv/bin/python -m pytest "$@"
