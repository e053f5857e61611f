#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster on loopback for the test suite (run as root, as CI does), creates
# the `ingest` role (allowed to create the per-test databases) and database, and prints the URL the
# tests read from INGEST_TEST_POSTGRES_URL. Safe to run again: every step checks first.
#
#   Scripts/test-postgres.sh                       the shared cluster `main`: prints its URL
#   Scripts/test-postgres.sh --restartable         a second cluster, `restartable`, that the restart
#                                                  tests stop and start: prints its URL
#                                                  (INGEST_TEST_POSTGRES_RESTARTABLE_URL)
#   Scripts/test-postgres.sh --restartable stop|start|restart
#                                                  what those tests do to it; prints nothing
#
# The restart tests get a cluster of their own so that stopping it never disturbs the other tests,
# which run at the same time against `main`.
#
# Standard output carries the URL and nothing else. What the cluster tools print (such as "Removed stale
# pid file." when a machine image was saved with the server running) goes to standard error, so
# `export INGEST_TEST_POSTGRES_URL=$(Scripts/test-postgres.sh)` is always exactly one URL. The server
# gets /dev/null as standard input, its log file as output and no other descriptor of the caller, so a
# server started inside `$(…)` or by a test does not hold the caller's pipes open.
set -euo pipefail
cd /
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
cluster=main
if [[ "${1:-}" == "--restartable" ]]; then
    cluster=restartable
    shift
fi
action=${1:-url}
case "$action" in
    url | stop | start | restart) ;;
    *)
        echo "usage: $0 [--restartable [stop|start|restart]]" >&2
        exit 64
        ;;
esac
if [[ "$action" != url && "$cluster" != restartable ]]; then
    echo "$0: only the restartable cluster is stopped and started by tests" >&2
    exit 64
fi

# The server would otherwise inherit every descriptor its caller left open, and a caller that waits for
# one of them to close (as Foundation's Process does to see a child exit) would wait for the server.
close_inherited_descriptors() {
    local fd
    for fd in $(ls /proc/$$/fd); do
        if ((fd > 2 && fd != 255)); then eval "exec $fd>&-"; fi
    done
}
close_inherited_descriptors

cluster_field() { pg_lsclusters -h | awk -v v="$version" -v c="$cluster" -v f="$1" '$1 == v && $2 == c {print $f}'; }

start_cluster_and_role() {
    if [[ -z "$(cluster_field 2)" ]]; then
        pg_createcluster "$version" "$cluster" >/dev/null
    fi
    if [[ "$(cluster_field 4)" != online ]]; then
        pg_ctlcluster "$version" "$cluster" start </dev/null
    fi
    port=$(cluster_field 3)
    as_postgres() { runuser -u postgres -- "$@"; }
    if ! as_postgres psql -p "$port" -qtAX -c "SELECT 1 FROM pg_roles WHERE rolname = 'ingest'" | grep -qx 1; then
        as_postgres psql -p "$port" -qX -c "CREATE ROLE ingest LOGIN CREATEDB PASSWORD 'ingest'"
    fi
    if ! as_postgres psql -p "$port" -qtAX -c "SELECT 1 FROM pg_database WHERE datname = 'ingest'" | grep -qx 1; then
        as_postgres createdb -p "$port" -O ingest ingest
    fi
}

case "$action" in
    url)
        start_cluster_and_role >&2
        echo "postgres://ingest:ingest@127.0.0.1:$(cluster_field 3)/ingest?sslmode=disable"
        ;;
    stop)
        # Fast shutdown: open sessions are cut, as in a server restart or failover.
        pg_ctlcluster "$version" "$cluster" stop -m fast </dev/null >&2
        ;;
    start | restart)
        pg_ctlcluster "$version" "$cluster" "$action" </dev/null >&2
        ;;
esac
