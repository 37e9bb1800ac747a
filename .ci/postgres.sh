#!/usr/bin/env bash
# Starts a throwaway PostgreSQL (Debian's postgresql package) for the classroom server's tests and
# prints the URL to pass in SHOPSIM_TEST_PG_URL. Usage: eval "$(.ci/postgres.sh start)" ;
# .ci/postgres.sh stop. The cluster lives in a temp folder and listens on 127.0.0.1 only.
set -euo pipefail
# One cluster per checkout (folder and port from its path), so two checkouts on one machine
# never stop each other's.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TAG=$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)
DIR=${SHOPSIM_PG_DIR:-/tmp/shopsim-ci-pg-$TAG}
PORT=${SHOPSIM_PG_PORT:-$((20000 + TAG % 20000))}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
# PostgreSQL refuses to run as root: as root, run it as the postgres user the package created.
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
case "${1:-start}" in
  start)
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR"
      if [ "$(id -u)" -eq 0 ]; then chown postgres "$DIR"; fi
      as_pg "$BIN/initdb -D $DIR -U postgres --auth=trust -E UTF8 >/dev/null"
    fi
    as_pg "$BIN/pg_ctl -D $DIR status >/dev/null" ||
      as_pg "$BIN/pg_ctl -D $DIR -l $DIR/log -w -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1' start >/dev/null"
    as_pg "$BIN/psql -h 127.0.0.1 -p $PORT -U postgres -tAc \"SELECT 1 FROM pg_database WHERE datname='shopsim_test'\" | grep -q 1 || $BIN/createdb -h 127.0.0.1 -p $PORT -U postgres shopsim_test"
    echo "export SHOPSIM_TEST_PG_URL=postgres://postgres@127.0.0.1:$PORT/shopsim_test"
    ;;
  stop)
    as_pg "$BIN/pg_ctl -D $DIR -m fast stop >/dev/null" || true
    ;;
esac
