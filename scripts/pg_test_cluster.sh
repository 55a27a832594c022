#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on loopback for the tests marked `postgres`.
# Prints the DATABASE_URL on stdout; on failure prints the reason on stderr and exits 1.
# Needs root on Debian (installs `postgresql` when missing, runs the server as `postgres`).
# ACUPRESSURE_PG_DIR: the folder for the cluster (made with mktemp when unset); stop it with
# `bash scripts/pg_test_cluster.sh --stop DIR` (scripts/test.sh does that in a trap).
set -euo pipefail
if [ "${1:-}" = "--stop" ]; then
  dir="${2:?give the cluster folder}"
  if [ -f "$dir/data/postmaster.pid" ]; then
    bin="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)")"
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit 0
fi
port="${ACUPRESSURE_PG_PORT:-$((54000 + RANDOM % 900))}"
if [ "$(id -u)" != 0 ]; then echo "not root: cannot install or start PostgreSQL" >&2; exit 1; fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || { echo "no apt-get to install postgresql" >&2; exit 1; }
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) \
    >/dev/null 2>&1 || { echo "apt-get install postgresql failed" >&2; exit 1; }
fi
bin="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
dir="${ACUPRESSURE_PG_DIR:-$(mktemp -d /tmp/acupressure-pg.XXXXXX)}"
mkdir -p "$dir"
chown postgres "$dir"
as_pg() { runuser -u postgres -- "$@"; }
as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null \
  || { echo "initdb failed" >&2; exit 1; }
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null \
  || { echo "PostgreSQL did not start (see $dir/log)" >&2; exit 1; }
as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q \
  -c "CREATE ROLE acupressure LOGIN CREATEDB PASSWORD 'acupressure'" \
  -c "CREATE DATABASE acupressure OWNER acupressure" >/dev/null \
  || { echo "could not create the role and database" >&2; exit 1; }
echo "postgres://acupressure:acupressure@127.0.0.1:$port/acupressure"
