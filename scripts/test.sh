#!/usr/bin/env bash
# The whole test suite, from a fresh machine: sets up .venv if needed, installs the system
# packages the tests use (Debian's chromium for browser tests), then runs ruff, mypy and pytest.
# Usage: bash scripts/test.sh [extra pytest arguments]        everything (what CI runs)
#        bash scripts/test.sh --quick [extra pytest arguments] a contributor's fast run: no
#          system packages, no PostgreSQL, no browser, no outside judges, nothing marked slow,
#          in two processes (README, "Tests")
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
if [ "${1:-}" = "--quick" ]; then
  quick=1
  shift
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# --quick installs only when .venv lacks the package or a test tool (pytest-xdist, added later)
if [ "$quick" = 0 ] || [ ! -x .venv/bin/acupressure ] ||
  ! .venv/bin/python -c "import xdist" 2>/dev/null; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e '.[all]'
fi

if [ "$quick" = 0 ]; then
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
  # The PDF judges (tests/exports/judges.py): MuPDF, Ghostscript, and Node for pdf.js;
  # Noto Sans CJK to make the old-style font subset the judges must fail (a control).
  command -v mutool >/dev/null 2>&1 || need+=(mupdf-tools)
  command -v gs >/dev/null 2>&1 || need+=(ghostscript)
  command -v node >/dev/null 2>&1 || need+=(nodejs)
  command -v npm >/dev/null 2>&1 || need+=(npm)
  [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need+=(fonts-noto-cjk)
  # LibreOffice Calc (soffice) opens our CSV files as a spreadsheet user would; ApacheBench
  # (ab) for the benchmarks' loads of browser-like requests.
  command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
  command -v ab >/dev/null 2>&1 || need+=(apache2-utils)
  # nginx for the reverse-proxy test (started by the test on loopback, never as a service).
  [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || need+=(nginx)
  # The outside judges (tests/judges): Node (above) for Medplum's FHIR validator and
  # repository and ical.js, Java 17 for the Nu HTML Checker (vnu.jar from npm).
  command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
  if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  elif [ ${#need[@]} -gt 0 ]; then
    echo "not installed (needs root and apt-get): ${need[*]}; the tests that use them will skip" >&2
  fi

  # The judges' npm packages, exactly as package-lock.json pins them (no install scripts
  # run: vnu-jar ships its jar, and the judges need nothing built). Medplum 5.2 asks for
  # Node 22; Node 20 runs it (tests/judges/run.py turns on its WebSocket).
  node_major="$(node --version 2>/dev/null | sed 's/^v\([0-9]*\).*/\1/')"
  if [ "${node_major:-0}" -lt 20 ]; then
    echo "warning: Node ${node_major:-none} is older than 20; the FHIR judge needs Node 20 or 22" >&2
  fi
  if ! cmp -s tests/judges/package-lock.json tests/judges/node_modules/.installed-lock.json; then
    (cd tests/judges && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error &&
      cp package-lock.json node_modules/.installed-lock.json)
  fi
  # pdf.js (pdfjs-dist, with @napi-rs/canvas to render) for the PDF judges, as locked.
  if ! cmp -s tests/exports/pdfjs/package-lock.json \
    tests/exports/pdfjs/node_modules/.installed-lock.json; then
    npm ci --prefix tests/exports/pdfjs --no-audit --no-fund --silent &&
      cp tests/exports/pdfjs/package-lock.json tests/exports/pdfjs/node_modules/.installed-lock.json
  fi

  # PostgreSQL for the tests marked `postgres`: a throwaway cluster on loopback (root on
  # Debian), stopped and removed when this script ends: normally, on a failure, or on Ctrl+C.
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
fi

echo "== ruff"
.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/ruff format --check src tests benchmarks scripts
echo "== mypy"
.venv/bin/mypy
echo "== docs/cli.md matches the CLI's help"
.venv/bin/python scripts/cli_docs.py --check
echo "== pytest"
if [ "$quick" = 1 ]; then
  # the tests/conftest.py summary counts what this left out; ACUPRESSURE_QUICK_TESTS=1 also
  # gives the property tests a tenth of their examples (tests/strategies.py, examples)
  export ACUPRESSURE_QUICK_TESTS=1
  export FUZZ_EXAMPLES="${FUZZ_EXAMPLES:-10}"  # the forms' and API's fuzzing, 10 (not 50)
  # two processes (pytest-xdist), a test file each at a time; QUICK_WORKERS=0 runs serially;
  # then the tests marked serial (tests/conftest.py, SERIAL) in one process (5: none chosen)
  marks="not browser and not postgres and not judge and not slow"
  .venv/bin/python -m pytest -m "$marks and not serial" -n "${QUICK_WORKERS:-2}" \
    --dist loadfile "$@"
  .venv/bin/python -m pytest -m "$marks and serial" "$@" || [ $? = 5 ]
else
  .venv/bin/python -m pytest "$@"
fi
