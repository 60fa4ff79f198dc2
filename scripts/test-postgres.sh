#!/usr/bin/env bash
# Runs the storage and command tests against a real PostgreSQL server (issue 6).
#
#   scripts/test-postgres.sh            # after the README's test command made .venv
#
# Installs PostgreSQL from the distribution's packages when it is missing (as root),
# starts a throwaway cluster in a temporary directory listening on 127.0.0.1 only,
# runs the tests with TRACK_TEST_DATABASE_URL pointing at it, and removes it again.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${TRACK_TEST_PG_PORT:-54329}"

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
PGBIN="$(find_bin)"
if [ -z "$PGBIN" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "PostgreSQL is not installed; install the 'postgresql' package (or run as root)." >&2
    exit 1
  fi
  echo "Installing PostgreSQL from the distribution's packages..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  PGBIN="$(find_bin)"
fi

DATA="$(mktemp -d)"
as_pg() {  # PostgreSQL refuses to run as root
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$DATA"
cleanup() { as_pg "'$PGBIN/pg_ctl' -D '$DATA' -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$DATA"; }
trap cleanup EXIT

as_pg "'$PGBIN/initdb' -D '$DATA' -A trust -U postgres --locale=C -E UTF8" >/dev/null
as_pg "'$PGBIN/pg_ctl' -D '$DATA' -l '$DATA/server.log' -w \
  -o \"-c listen_addresses=127.0.0.1 -p $PORT -k '$DATA' -c fsync=off\" start" >/dev/null
as_pg "'$PGBIN/createdb' -h 127.0.0.1 -p $PORT -U postgres track_test"

export TRACK_TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/track_test"
echo "Storage and command tests on PostgreSQL ($("$PGBIN/postgres" --version)):"
.venv/bin/pytest tests/cli tests/robustness tests/test_storage_backends.py
