# Sourced by the benchmarks: starts a throwaway PostgreSQL (PGBIN, default /usr/lib/postgresql/15/bin) on a free
# port, stops and deletes it on exit. Sets PORT, PGDATA and the function `sql` (psql against database $DB); also
# server_cpu and first_connection_ms, below.
# As root, the server runs as the postgres user.
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PSQL=${PSQL:-psql}
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PGDATA=$(mktemp -d /tmp/pmoves-bench-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
stop_throwaway_postgres() {
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PGDATA"
}
trap stop_throwaway_postgres EXIT
as_pg "$PGBIN/initdb" -D "$PGDATA/data" -U postgres -A trust -E UTF8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDATA/data" -l "$PGDATA/server.log" -w \
    -o "-p $PORT -k $PGDATA -c listen_addresses=localhost ${PGOPTS:-}" start >/dev/null
sql() { PGOPTIONS="-c client_min_messages=warning" "$PSQL" -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PORT" -U postgres -d "${DB:-postgres}" "$@"; }
PG_SERVER_VERSION=$(DB=postgres sql -At -c "SHOW server_version")
# The CPU seconds (user + system) of the server's connections that have ended: the kernel adds an exited backend's
# time to the postmaster's children's total when it reaps it. Background workers still running are not in it.
server_cpu() {
    awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f\n", ($16 + $17) / hz }' "/proc/$(head -1 "$PGDATA/data/postmaster.pid")/stat"
}
# first_connection_ms URL: a fresh JVM's first JDBC connection with the plugin's driver (bench/FirstConnection.java), in
# ms: part of every goal's fixed cost that any JVM tool pays, measured inside that JVM, its start left out (the empty
# build pays that). Compiled once into $WORK/first-connection.
first_connection_ms() {
    local bench version
    bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
    version=$(sed -n 's|.*<postgresql.version>\(.*\)</postgresql.version>.*|\1|p' "$bench/../pom.xml")
    [ -f "$WORK/first-connection/FirstConnection.class" ] \
        || javac -d "$WORK/first-connection" "$bench/FirstConnection.java"
    java -cp "$HOME/.m2/repository/org/postgresql/postgresql/$version/postgresql-$version.jar:$WORK/first-connection" \
        FirstConnection "$1" postgres
}
