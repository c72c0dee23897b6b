#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the store tests and exports PG_TEST_URL.
# Source it: `. .ci/postgres.sh`. Installs Debian's postgresql when it is missing.
set -euo pipefail

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "installing postgresql (Debian package)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
PG_PORT=${PG_PORT:-54329}
PG_DIR=$(mktemp -d /tmp/whoowns-pg.XXXXXX)
chown postgres:postgres "$PG_DIR"
# The server refuses to run as root: it runs as the postgres user, with trust auth on loopback only.
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c fsync=off" start >/dev/null
export PG_TEST_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
export WHOOWNS_PG_DIR="$PG_DIR"
echo "postgresql $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"

stop_postgres() {
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WHOOWNS_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
}
