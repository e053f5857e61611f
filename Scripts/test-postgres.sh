#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster on loopback for the test suite (run as root, as CI does), creates
# the `ingest` role (allowed to create the per-test databases) and database, and prints the URL the
# tests read from INGEST_TEST_POSTGRES_URL. Safe to run again: every step checks first.
# Standard output carries the URL and nothing else. What the cluster tools print (such as "Removed stale
# pid file." when a machine image was saved with the server running) goes to standard error, so
# `export INGEST_TEST_POSTGRES_URL=$(Scripts/test-postgres.sh)` is always exactly one URL.
set -euo pipefail
cd /
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
start_cluster_and_role() {
    if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
        pg_createcluster "$version" main >/dev/null
    fi
    if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -qx online; then
        pg_ctlcluster "$version" main start
    fi
    port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
    as_postgres() { runuser -u postgres -- "$@"; }
    if ! as_postgres psql -p "$port" -qtAX -c "SELECT 1 FROM pg_roles WHERE rolname = 'ingest'" | grep -qx 1; then
        as_postgres psql -p "$port" -qX -c "CREATE ROLE ingest LOGIN CREATEDB PASSWORD 'ingest'"
    fi
    if ! as_postgres psql -p "$port" -qtAX -c "SELECT 1 FROM pg_database WHERE datname = 'ingest'" | grep -qx 1; then
        as_postgres createdb -p "$port" -O ingest ingest
    fi
}
start_cluster_and_role >&2
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
echo "postgres://ingest:ingest@127.0.0.1:$port/ingest?sslmode=disable"
