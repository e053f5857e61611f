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
# A machine image saved while the server ran starts it with crash recovery, which by default fsyncs every
# file of the data directory first; that can outlast pg_ctl's 60 s wait, so the clusters use `syncfs`
# (one call per file system), the start waits up to 10 minutes, and the URL is printed only once the
# server accepts connections. Whatever fails, the script exits non-zero with the server's log on
# standard error, so a caller's `URL=$(Scripts/test-postgres.sh) && …` stops there.
#
# Each test creates databases named `ingest_t_<label>_<unix seconds>_<random>`; those older than an hour
# are left over from earlier runs (a test process that crashed, or a run that ended before dropping them),
# and are dropped here so the data directory does not grow from run to run. A database still in use is
# never dropped: `dropdb` without force refuses it.
#
# Standard output carries the URL and nothing else. What the cluster tools print (such as "Removed stale
# pid file." when a machine image was saved with the server running) goes to standard error, so
# `INGEST_TEST_POSTGRES_URL=$(Scripts/test-postgres.sh)` is always exactly one URL. The server
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

as_postgres() { runuser -u postgres -- "$@"; }

log_tail_and_fail() {
    echo "$0: $1; the end of the server's log:" >&2
    tail -n 40 "$(cluster_field 6)" >&2 || true
    exit 1
}

start_and_wait() {
    local port waited
    port=$(cluster_field 3)
    if [[ "$(pg_conftool -s "$version" "$cluster" show recovery_init_sync_method 2>/dev/null)" != syncfs ]]; then
        pg_conftool "$version" "$cluster" set recovery_init_sync_method syncfs
    fi
    # pg_ctl may give up waiting while recovery still runs; the readiness loop below decides.
    pg_ctlcluster "$version" "$cluster" "$1" -- -t 600 </dev/null || true
    for ((waited = 0; waited < 600; waited++)); do
        if pg_isready -q -h /var/run/postgresql -p "$port"; then return 0; fi
        sleep 1
    done
    log_tail_and_fail "cluster $version/$cluster did not accept connections within 10 minutes"
}

drop_old_test_databases() {
    local cutoff name
    cutoff=$(($(date +%s) - 3600))
    as_postgres psql -p "$port" -qtAX -c \
        "SELECT datname FROM pg_database WHERE datname ~ '^ingest_t_[a-z0-9]*_[0-9]{10}_[0-9a-f]{8}\$'" |
        while read -r name; do
            if ((${name: -19:10} < cutoff)); then
                as_postgres dropdb -p "$port" --if-exists "$name" 2>/dev/null || true
            fi
        done
}

start_cluster_and_role() {
    if [[ -z "$(cluster_field 2)" ]]; then
        pg_createcluster "$version" "$cluster" >/dev/null
    fi
    if [[ "$(cluster_field 4)" != online ]] || ! pg_isready -q -h /var/run/postgresql -p "$(cluster_field 3)"; then
        start_and_wait start
    fi
    port=$(cluster_field 3)
    if ! as_postgres psql -p "$port" -qtAX -c "SELECT 1 FROM pg_roles WHERE rolname = 'ingest'" | grep -qx 1; then
        as_postgres psql -p "$port" -qX -c "CREATE ROLE ingest LOGIN CREATEDB PASSWORD 'ingest'"
    fi
    if ! as_postgres psql -p "$port" -qtAX -c "SELECT 1 FROM pg_database WHERE datname = 'ingest'" | grep -qx 1; then
        as_postgres createdb -p "$port" -O ingest ingest
    fi
    drop_old_test_databases
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
        start_and_wait "$action" >&2
        ;;
esac
